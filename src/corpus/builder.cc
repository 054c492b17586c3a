// Corpus building is three loops: documents → paragraphs → sentences. ICU's
// sentence BreakIterator (Turkish locale) splits paragraphs; the filter keeps
// sentences a careful Turkish writer would produce, since every model learnt
// from them treats them as correct.
//
// The split is by document and by a stable hash (FNV-1a) of the document's
// path relative to its source, so the same package version always yields the
// same three files.
//
// Tested by builder_test.cc.
#include "corpus/builder.h"

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <unordered_set>
#include <vector>

#include "corpus/html_text.h"
#include "corpus/mo_file.h"
#include "text/casing.h"
#include "text/document.h"
#include "text/hash.h"

namespace newsroom::corpus {
namespace {

namespace fs = std::filesystem;

const std::unordered_set<std::string_view>& TurkishFunctionWords() {
  static const auto* words = new std::unordered_set<std::string_view>{
      "ve",     "bir",  "bu",   "için",  "ile", "da",    "de",
      "olarak", "veya", "gibi", "daha",  "ya",  "çok",   "ne",
      "mi",     "her",  "en",   "kadar", "şu",  "o",     "sonra",
      "önce",   "ise",  "ama",  "ancak", "tüm", "bütün", "olan"};
  return *words;
}

const std::unordered_set<std::string_view>& EnglishFunctionWords() {
  static const auto* words = new std::unordered_set<std::string_view>{
      "the",  "is",  "of",  "and",     "to",  "this", "that",
      "with", "for", "are", "returns", "you", "your", "an",
      "be",   "can", "if",  "it",      "by",  "from"};
  return *words;
}

std::vector<std::string> Sentences(const std::string& paragraph) {
  thread_local std::unique_ptr<icu::BreakIterator> breaker = [] {
    UErrorCode status = U_ZERO_ERROR;
    return std::unique_ptr<icu::BreakIterator>(
        icu::BreakIterator::createSentenceInstance(icu::Locale("tr"), status));
  }();
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(paragraph);
  breaker->setText(u);
  std::vector<std::string> out;
  int32_t start = breaker->first();
  for (int32_t end = breaker->next(); end != icu::BreakIterator::DONE;
       start = end, end = breaker->next()) {
    std::string s;
    u.tempSubString(start, end - start).trim().toUTF8String(s);
    if (!s.empty()) out.push_back(std::move(s));
  }
  return out;
}

struct Sink {
  std::ofstream files[3];
  CorpusStats* stats;
  std::unordered_set<std::string> seen;

  void Add(const std::string& document_id, const std::string& paragraph) {
    int split = SplitOf(document_id);
    for (std::string& s : Sentences(paragraph)) {
      if (!IsCleanTurkishSentence(s)) continue;
      auto doc = text::Document::Parse(s);
      if (!doc.ok()) continue;
      std::string normalized = doc->normalized();
      if (!seen.insert(normalized).second) continue;
      files[split] << normalized << '\n';
      int words = doc->word_count();
      switch (split) {
        case 0:
          ++stats->train_sentences;
          stats->train_words += words;
          break;
        case 1:
          ++stats->dev_sentences;
          stats->dev_words += words;
          break;
        default:
          ++stats->heldout_sentences;
          stats->heldout_words += words;
      }
    }
  }
};

std::vector<fs::path> SortedFiles(const fs::path& dir, std::string_view ext) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ext) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

int SplitOf(std::string_view document_id) {
  const uint64_t h = text::Fnv1a64(document_id, kSplitBasis);
  switch (h % 10) {
    case 0:
      return 2;
    case 1:
      return 1;
    default:
      return 0;
  }
}

bool IsCleanTurkishSentence(std::string_view sentence) {
  if (sentence.find_first_of("{}<>=\\|_$%#@[]^*~`") != std::string_view::npos) {
    return false;
  }
  auto doc = text::Document::Parse(sentence);
  if (!doc.ok()) return false;
  int words = doc->word_count();
  if (words < 3 || words > 80) return false;
  int turkish = 0;
  for (const text::Token& t : doc->tokens()) {
    if (t.kind == text::TokenKind::kUrl || t.kind == text::TokenKind::kEmoji ||
        t.kind == text::TokenKind::kMention ||
        t.kind == text::TokenKind::kHashtag) {
      return false;
    }
    if (t.kind != text::TokenKind::kWord) continue;
    std::string lower = text::ToLowerTr(t.text);
    if (EnglishFunctionWords().contains(lower)) return false;
    if (TurkishFunctionWords().contains(lower)) ++turkish;
  }
  return text::HasTurkishLetter(doc->normalized()) || turkish >= 2;
}

absl::StatusOr<CorpusStats> BuildCorpus(const CorpusOptions& options) {
  std::error_code ec;
  if (!fs::is_directory(options.help_dir, ec)) {
    return absl::NotFoundError(options.help_dir +
                               " not found: install the Debian package "
                               "libreoffice-help-tr");
  }
  if (!fs::is_directory(options.mo_dir, ec)) {
    return absl::NotFoundError(options.mo_dir +
                               " not found: install the Debian package "
                               "libreoffice-l10n-tr");
  }
  fs::create_directories(options.out_dir, ec);
  if (ec) {
    return absl::InternalError("cannot create " + options.out_dir + ": " +
                               ec.message());
  }
  CorpusStats stats;
  Sink sink;
  sink.stats = &stats;
  const char* names[3] = {"tr-train.txt", "tr-dev.txt", "tr-heldout.txt"};
  for (int i = 0; i < 3; ++i) {
    std::string path = (fs::path(options.out_dir) / names[i]).string();
    sink.files[i].open(path, std::ios::trunc);
    if (!sink.files[i]) return absl::InternalError("cannot write " + path);
  }
  for (const fs::path& file : SortedFiles(options.help_dir, ".html")) {
    std::ifstream in(file);
    std::stringstream html;
    html << in.rdbuf();
    std::string id = "help/" + fs::relative(file, options.help_dir).string();
    for (const std::string& p : ExtractParagraphs(html.str())) sink.Add(id, p);
    ++stats.documents;
  }
  for (const fs::path& file : SortedFiles(options.mo_dir, ".mo")) {
    absl::StatusOr<std::vector<Message>> messages = ReadMoFile(file.string());
    if (!messages.ok()) return messages.status();
    std::string id = "ui/" + file.filename().string();
    for (const Message& m : *messages) {
      std::string t = m.translation;
      t.erase(std::remove(t.begin(), t.end(), '~'), t.end());
      std::replace(t.begin(), t.end(), '\n', ' ');
      sink.Add(id, t);
    }
    ++stats.documents;
  }
  for (auto& f : sink.files) {
    f.flush();
    if (!f) return absl::InternalError("writing the corpus failed");
  }
  return stats;
}

}  // namespace newsroom::corpus
