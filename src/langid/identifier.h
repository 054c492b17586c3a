// Tells which language a reader comment is written in: Turkish, English or
// something else. Every moderation rule knows the languages it applies to
// ("no Turkish characters" only to Turkish), so every comment goes through
// this first.
//
//   absl::StatusOr<std::unique_ptr<const Identifier>> id =
//       Identifier::Create();  // or Create(options)
//   if (!id.ok()) return id.status();
//   absl::StatusOr<text::Document> doc = text::Document::Parse("cok guzel
//   olmus"); Detection d = (*id)->Identify(*doc, /*hint=*/std::nullopt);
//   // d.language == Language::kTurkish, d.basis == Basis::kText
//
// How: CLD2 (Google's Compact Language Detector 2) reads the comment's
// words, and hand-written cues are added to its vote. CLD2 is good on a
// sentence and poor on the two-to-five-word comments that readers write, and
// it does not know Turkish typed without Turkish letters ("bu ne ya",
// "degil"), which is exactly what the no_turkish_chars rule must catch. The
// cues are Turkish letters (ç ğ ı ö ş ü İ), frequent Turkish words and word
// endings in both spellings, English function words, other languages'
// function words and letters (ä ß é ñ ə, other scripts). The cue lists are
// data: data/langid/{turkish,english,other}.txt.
//
// Decisions, in words:
//   - The language with the most evidence wins. The client's hint adds
//     `hint_weight` to its language, so it decides a comment with little or
//     mixed evidence, and loses to a comment clearly in another language.
//   - A comment with no evidence at all (no words, or one or two words that
//     are neither cue words nor written with telling letters, and that CLD2
//     cannot place) gets the hint, and without one `default_language`.
//   - Azerbaijani counts as another language when it shows itself (ə, q or
//     x next to Turkish letters, its function words, or CLD2 sure of it).
//     A short Azerbaijani phrase that is also good Turkish is Turkish.
//   - Only word tokens are read: URLs, mentions, hashtags, numbers and emoji
//     are not text of any language, nor are `ignored_words`, nor the names
//     of data/langid/names.txt that English and Turkish text write alike
//     ("i live in istanbul": CLD2 reads the name as Turkish); only a
//     Turkish letter typed in a name ("İzmit") counts, as a letter.
//
// Accuracy (`newsroom eval langid`, dev slice, no hint): 95% of Turkish
// texts (99% of tweets typed without Turkish letters), 97% of English, 87%
// of other languages, against CLD2 alone's 91% / 97% / 85%. On 1-3 words:
// 82% / 88% / 74%, against 72% / 88% / 74%. With the hint "tr", 99.5% of
// Turkish.
//
// Cost: about 3 µs of CPU for a tweet-length comment, 1 µs for two words
// (identifier_benchmark.cc), three quarters of it in CLD2.
//
// Thread-safety: an Identifier is immutable once created; Identify() may be
// called from any number of threads at once.
#ifndef NEWSROOM_LANGID_IDENTIFIER_H_
#define NEWSROOM_LANGID_IDENTIFIER_H_

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "datadir/datadir.h"
#include "langid/language.h"
#include "text/document.h"

namespace newsroom::langid {

namespace internal {
class CueLexicon;
}

struct IdentifierOptions {
  // The repository's data directory. The cue lists are read from
  // <data_dir>/langid/turkish.txt, english.txt and other.txt, the names
  // from names.txt.
  std::string data_dir = datadir::Get();

  // Add the cues to CLD2's vote. Off gives CLD2 alone, for comparison: it
  // misreads most short comments and most Turkish typed without Turkish
  // letters (see `newsroom eval langid`).
  bool use_cues = true;

  // Ask CLD2. Off gives the cues alone: about 4x faster and right on
  // Turkish, but English and other-language texts without cue words then
  // fall to the default (66% of English, 70% of other texts right).
  bool use_cld2 = true;

  // The answer when the text gives no evidence and there is no hint. The
  // newsroom is Turkish, so a bare "Bravo" or "ok" is most likely a Turkish
  // reader's comment, and the Turkish rules should see it.
  Language default_language = Language::kTurkish;

  // Weight of the client's hint, in units of one Turkish or English
  // function word. Higher lets the hint overrule more evidence: at 1.5 a
  // single English word in a comment hinted "tr" stays Turkish, two clear
  // English words make it English.
  double hint_weight = 1.5;

  // Words that are no text of any language, matched exactly (case
  // sensitive). "URL" is the link placeholder of anonymised tweet sets such
  // as OffensEval (whose "@USER" is a mention and skipped anyway).
  std::vector<std::string> ignored_words = {"URL"};

  // Only the first `max_words` words are read; the language of a long
  // comment is settled long before its end, and the cost stays bounded.
  int max_words = 80;

  // CLD2 allocates and frees about 160 KB on every call, which under glibc's
  // default malloc trim threshold costs a pair of brk() system calls and
  // page faults: 18 µs a call instead of 2. True raises the threshold for
  // the process (see internal/cld2.h). Turn off only if the binary manages
  // malloc itself.
  bool keep_cld2_scratch_memory = true;
};

// Which part of the decision settled the answer.
enum class Basis {
  kText,     // the comment's own evidence
  kHint,     // the client's hint (little, mixed or no evidence)
  kDefault,  // no evidence and no hint: options.default_language
};

struct Detection {
  Language language = Language::kOther;
  // Probability of `language`, in [0, 1]: the softmax of the evidence
  // scores, the hint and default included. About 0.4 when nothing but the
  // default decided, 0.7 for a hint alone, above 0.9 for a sentence.
  double confidence = 0;
  // The same probability for each language, indexed by
  // static_cast<int>(Language); they add up to 1.
  std::array<double, 3> probabilities = {0, 0, 0};
  Basis basis = Basis::kDefault;
  // Word tokens read (after ignored_words, names and max_words).
  int words = 0;
  // CLD2's top language as its own code ("tr", "en", "de", "az", "un" for
  // unknown), "" when CLD2 was not asked (the cue words had settled the
  // language beyond what CLD2's vote could change). For diagnostics.
  std::string_view cld2_code;
  bool cld2_reliable = false;

  double probability(Language l) const {
    return probabilities[static_cast<int>(l)];
  }
};

class Identifier {
 public:
  // Loads the cue lists and prepares CLD2. Errors: NotFound naming a missing
  // list file; InvalidArgument naming the file and line of a broken entry;
  // InvalidArgument for hint_weight < 0 or max_words < 1.
  static absl::StatusOr<std::unique_ptr<const Identifier>> Create(
      const IdentifierOptions& options = IdentifierOptions());

  ~Identifier();
  Identifier(const Identifier&) = delete;
  Identifier& operator=(const Identifier&) = delete;

  // The language of `doc`. `hint` is the language the client believes the
  // comment is in (from its "lang" field or the page's language), or
  // nullopt. Never fails: a document without words gets the hint or the
  // default, with basis kHint or kDefault.
  Detection Identify(const text::Document& doc,
                     std::optional<Language> hint) const;

  // Whether `word` is one of the names (data/langid/names.txt) that are
  // evidence of no language ("istanbul", "Erdogan"; not "İstanbul'da").
  // With use_cues off, no word is.
  bool IsName(std::string_view word) const;

  const IdentifierOptions& options() const { return options_; }

  // CLD2's version string; its date names the table set in use (see
  // internal/cld2.h).
  static std::string_view Cld2Version();

 private:
  Identifier(IdentifierOptions options,
             std::unique_ptr<const internal::CueLexicon> lexicon);

  IdentifierOptions options_;
  std::unique_ptr<const internal::CueLexicon> lexicon_;
};

}  // namespace newsroom::langid

#endif  // NEWSROOM_LANGID_IDENTIFIER_H_
