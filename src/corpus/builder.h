// Builds the Turkish text corpus that Newsroom learns its language models
// from (the deasciifier, the spelling word list) and evaluates them on.
//
//   CorpusOptions options;
//   options.out_dir = "corpus";
//   absl::StatusOr<CorpusStats> stats = BuildCorpus(options);
//
// Sources are Debian packages of well-edited Turkish: LibreOffice's help
// pages (libreoffice-help-tr) and its translated interface strings
// (libreoffice-l10n-tr). Their text is split into sentences, filtered to
// clean Turkish prose (no markup, code or untranslated English), and
// deduplicated. Every source document — one help page, one .mo catalogue —
// goes whole into one of three files by a hash of its path, so the split is
// fixed and no document leaks across it:
//
//   tr-train.txt    80 %  for learning
//   tr-dev.txt      10 %  for tuning
//   tr-heldout.txt  10 %  for the reported figures only
//
// One sentence a line, UTF-8, NFC.
#ifndef NEWSROOM_CORPUS_BUILDER_H_
#define NEWSROOM_CORPUS_BUILDER_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace newsroom::corpus {

struct CorpusOptions {
  // Where libreoffice-help-tr puts its pages.
  std::string help_dir = "/usr/share/libreoffice/help/tr/text";
  // Where libreoffice-l10n-tr puts its interface catalogues.
  std::string mo_dir = "/usr/lib/libreoffice/program/resource/tr/LC_MESSAGES";
  // Output directory; created when missing.
  std::string out_dir = "corpus";
};

struct CorpusStats {
  int documents = 0;
  int train_sentences = 0;
  int dev_sentences = 0;
  int heldout_sentences = 0;
  long train_words = 0;
  long dev_words = 0;
  long heldout_words = 0;
};

// Reads both sources and writes the three files. NotFound naming the
// directory and the Debian package when a source is not installed.
absl::StatusOr<CorpusStats> BuildCorpus(const CorpusOptions& options);

// True when `sentence` is clean Turkish prose worth learning from: three to
// eighty words, no markup or code characters, Turkish by its letters or
// function words, no untranslated English function words.
bool IsCleanTurkishSentence(std::string_view sentence);

// Which part of the split a document belongs to: 0 train, 1 dev, 2 heldout.
int SplitOf(std::string_view document_id);

// Where the FNV-1a hashes behind the corpus's splits (SplitOf, and the
// seeded splits of shared_data.h) start: FNV's offset basis with its last
// digit missing, as the splits were first drawn. Any other value would move
// documents between train, dev and held-out parts.
inline constexpr uint64_t kSplitBasis = 1469598103934665603ull;

}  // namespace newsroom::corpus

#endif  // NEWSROOM_CORPUS_BUILDER_H_
