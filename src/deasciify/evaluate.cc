// Folding keeps the number of code points (every Turkish letter has one
// ASCII look-alike), and so does restoration, so the words of the restored
// text sit at the same code-point offsets as the words of the original:
// scoring is a walk over the original's word tokens, comparing substrings.
//
// Tested by evaluate_test.cc.
#include "deasciify/evaluate.h"

#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "text/casing.h"
#include "text/document.h"
#include "text/utf8.h"

namespace newsroom::deasciify {
namespace {

struct Sentence {
  std::string gold;                // NFC
  std::string folded;              // AsciiFold(gold)
  std::vector<text::Token> words;  // word tokens of `gold`
};

absl::StatusOr<text::Document> ParseLine(std::string_view line) {
  if (absl::Status s = text::ValidateUtf8(line); !s.ok()) return s;
  text::ParseOptions options;
  options.max_length = std::max(1, text::CodePointCount(line));
  return text::Document::Parse(line, options);
}

// Equal but for circumflexes: the comment policy asks for ç ğ ı ö ş ü, and
// whether "hâlâ" keeps its circumflexes is the writer's choice.
bool SameLetters(std::string_view a, std::string_view b) {
  if (a == b) return true;
  auto plain = [](std::string_view s) {
    std::u32string u = text::ToUtf32(s);
    for (char32_t& c : u) {
      switch (c) {
        case U'â':
          c = 'a';
          break;
        case U'î':
          c = 'i';
          break;
        case U'û':
          c = 'u';
          break;
        case U'Â':
          c = 'A';
          break;
        case U'Î':
          c = 'I';
          break;
        case U'Û':
          c = 'U';
          break;
        default:
          break;
      }
    }
    return u;
  };
  return plain(a) == plain(b);
}

void Score(const Sentence& s, const std::string& restored, WordScore* score,
           std::vector<std::string>* errors = nullptr) {
  const bool aligned =
      text::CodePointCount(restored) == text::CodePointCount(s.gold);
  for (const text::Token& w : s.words) {
    bool turkish = text::HasTurkishLetter(w.text);
    const std::string_view got =
        aligned ? text::SubstrByCodePoints(restored, w.begin, w.end) : "";
    bool right = aligned && SameLetters(got, w.text);
    if (!right && errors != nullptr) {
      errors->push_back(
          absl::StrCat(w.text, "\t", std::string(got), "\t", s.gold));
    }
    ++score->words;
    score->correct += right;
    if (turkish) {
      ++score->turkish_words;
      score->turkish_correct += right;
    } else if (!right) {
      ++score->plain_changed;
    }
  }
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since)
      .count();
}

nlohmann::json ScoreJson(const WordScore& s) {
  return {{"words", s.words},
          {"accuracy", s.Accuracy()},
          {"turkish_words", s.turkish_words},
          {"turkish_accuracy", s.TurkishAccuracy()},
          {"plain_words_changed", s.plain_changed}};
}

std::string Percent(double x) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.2f %%", 100 * x);
  return buf;
}

std::string Pad(std::string s, size_t width, bool left_align = false) {
  if (s.size() >= width) return s;
  std::string fill(width - s.size(), ' ');
  return left_align ? s + fill : fill + s;
}

// The sentences of `lines` that parse, with their word tokens.
std::vector<Sentence> Prepare(const std::vector<std::string>& lines,
                              int64_t* skipped) {
  std::vector<Sentence> data;
  data.reserve(lines.size());
  for (const std::string& line : lines) {
    absl::StatusOr<text::Document> doc = ParseLine(line);
    if (!doc.ok()) {
      ++*skipped;
      continue;
    }
    Sentence s;
    s.gold = doc->normalized();
    absl::StatusOr<text::Document> gold = ParseLine(s.gold);
    if (!gold.ok()) {
      ++*skipped;
      continue;
    }
    for (const text::Token& t : gold->tokens()) {
      if (t.kind == text::TokenKind::kWord) s.words.push_back(t);
    }
    s.folded = text::AsciiFold(s.gold);
    data.push_back(std::move(s));
  }
  return data;
}

}  // namespace

WordScore ScoreRestorer(
    const std::vector<std::string>& sentences,
    const std::function<std::string(const std::string&)>& restore,
    std::vector<std::string>* errors) {
  int64_t skipped = 0;
  WordScore score;
  for (const Sentence& s : Prepare(sentences, &skipped)) {
    Score(s, restore(s.folded), &score, errors);
  }
  return score;
}

absl::StatusOr<EvalReport> Evaluate(const Deasciifier& d,
                                    const std::vector<std::string>& sentences,
                                    const RestoreOptions& options,
                                    std::vector<std::string>* word_log) {
  EvalReport report;
  std::vector<Sentence> data = Prepare(sentences, &report.skipped);
  if (data.empty()) {
    return absl::InvalidArgumentError(
        "no sentence to evaluate on: every line was blank or not UTF-8");
  }
  report.sentences = static_cast<int64_t>(data.size());

  // Word by word, as a moderation rule calls it: evidence, confidence, and
  // time per call.
  struct Call {
    std::string word;
    std::string previous;
    std::string next;
    const std::string* gold;
    int begin, end;
  };
  std::vector<Call> calls;
  for (const Sentence& s : data) {
    absl::StatusOr<text::Document> doc = ParseLine(s.folded);
    if (!doc.ok()) continue;
    const size_t first = calls.size();
    for (const text::Token& t : doc->tokens()) {
      if (t.kind != text::TokenKind::kWord) continue;
      const bool starts = t.sentence_initial || calls.size() == first;
      if (!starts) {
        calls.back().next = t.text;
      }
      calls.push_back({t.text, starts ? "" : calls.back().word, "", &s.gold,
                       t.begin, t.end});
    }
  }
  auto start = std::chrono::steady_clock::now();
  for (const Call& c : calls) {
    d.RestoreWord(c.word, c.previous, c.next, options);
  }
  double word_seconds = Seconds(start);
  if (!calls.empty())
    report.restore_word_ns = 1e9 * word_seconds / calls.size();
  // Again, timing each call without the memo, for the cost of each kind of
  // word (the clock costs some 20 ns a call, so the overall figure above is
  // taken without it).
  RestoreOptions unmemoized = options;
  unmemoized.memoize = false;
  for (size_t i = 0; i < calls.size(); ++i) {
    auto call_start = std::chrono::steady_clock::now();
    const WordRestoration w = d.RestoreWord(calls[i].word, calls[i].previous,
                                            calls[i].next, unmemoized);
    double ns = 1e9 * Seconds(call_start);
    EvidenceScore& e = report.evidence[EvidenceName(w.evidence)];
    e.nanoseconds += ns;
    ++e.words;
    const std::string_view gold =
        text::SubstrByCodePoints(*calls[i].gold, calls[i].begin, calls[i].end);
    e.correct += SameLetters(w.restored, gold);
    if (word_log != nullptr) {
      word_log->push_back(absl::StrCat(
          EvidenceName(w.evidence), "\t", std::string(gold), "\t", w.restored,
          "\t", calls[i].previous, "\t", calls[i].next));
    }
    e.confidence_sum += w.confidence;
  }
  RestoreOptions most_frequent;
  most_frequent.use_context = false;
  most_frequent.restore_unseen = false;
  most_frequent.skip_foreign_sentences = false;
  double restore_seconds = 0;
  for (const Sentence& s : data) {
    Score(s, s.folded, &report.as_is);
    Score(s, d.Restore(s.folded, most_frequent), &report.most_frequent);
    auto start = std::chrono::steady_clock::now();
    std::string restored = d.Restore(s.folded, options);
    restore_seconds += Seconds(start);
    Score(s, restored, &report.model);
  }
  if (restore_seconds > 0) {
    report.restore_words_per_second = report.model.words / restore_seconds;
  }
  RestoreOptions unmemoized_restore = options;
  unmemoized_restore.memoize = false;
  auto unmemoized_start = std::chrono::steady_clock::now();
  for (const Sentence& s : data) d.Restore(s.folded, unmemoized_restore);
  double unmemoized_seconds = Seconds(unmemoized_start);
  if (unmemoized_seconds > 0) {
    report.restore_unmemoized_words_per_second =
        report.model.words / unmemoized_seconds;
  }

  return report;
}

std::string FormatReport(const EvalReport& r) {
  std::string out =
      absl::StrCat("Restoration of ASCII-folded text: ", r.sentences,
                   " sentences (", r.skipped,
                   " lines skipped). Turkish-letter words: those with ç ğ ı "
                   "ö ş ü (or capitals) in the original.\n\n");
  absl::StrAppend(&out, Pad("", 22, true), Pad("all words", 22),
                  Pad("Turkish-letter words", 24), Pad("other words", 22),
                  "\n");
  absl::StrAppend(&out, Pad("system", 22, true), Pad("words", 10),
                  Pad("accuracy", 12), Pad("words", 12), Pad("accuracy", 12),
                  Pad("changed", 22), "\n");
  auto row = [&](const char* name, const WordScore& s) {
    absl::StrAppend(&out, Pad(name, 22, true), Pad(absl::StrCat(s.words), 10),
                    Pad(Percent(s.Accuracy()), 12),
                    Pad(absl::StrCat(s.turkish_words), 12),
                    Pad(Percent(s.TurkishAccuracy()), 12),
                    Pad(absl::StrCat(s.plain_changed), 22), "\n");
  };
  row("as is", r.as_is);
  row("most frequent form", r.most_frequent);
  row("deasciifier", r.model);

  absl::StrAppend(&out, "\nDeasciifier words by evidence (RestoreWord):\n",
                  Pad("evidence", 22, true), Pad("words", 10),
                  Pad("accuracy", 12), Pad("mean confidence", 18),
                  Pad("ns/word", 10), "\n");
  for (const auto& [name, e] : r.evidence) {
    absl::StrAppend(
        &out, Pad(name, 22, true), Pad(absl::StrCat(e.words), 10),
        Pad(Percent(e.words ? double(e.correct) / e.words : 0), 12),
        Pad(Percent(e.words ? e.confidence_sum / e.words : 0), 18),
        Pad(absl::StrCat(e.words ? static_cast<int64_t>(e.nanoseconds / e.words)
                                 : 0),
            10),
        "\n");
  }
  char speed[256];
  std::snprintf(speed, sizeof(speed),
                "\nSpeed (one thread): Restore %.0f words/s with the memo, "
                "%.0f words/s without (tokenizing included); RestoreWord "
                "%.0f ns/word\n",
                r.restore_words_per_second,
                r.restore_unmemoized_words_per_second, r.restore_word_ns);
  out.append(speed);
  return out;
}

std::string ReportJson(const EvalReport& r) {
  nlohmann::json evidence = nlohmann::json::object();
  for (const auto& [name, e] : r.evidence) {
    evidence[name] = {
        {"words", e.words},
        {"accuracy", e.words ? double(e.correct) / e.words : 0},
        {"mean_confidence", e.words ? e.confidence_sum / e.words : 0},
        {"ns_per_word", e.words ? e.nanoseconds / e.words : 0}};
  }
  nlohmann::json j = {{"sentences", r.sentences},
                      {"skipped", r.skipped},
                      {"as_is", ScoreJson(r.as_is)},
                      {"most_frequent", ScoreJson(r.most_frequent)},
                      {"deasciifier", ScoreJson(r.model)},
                      {"evidence", evidence},
                      {"restore_words_per_second", r.restore_words_per_second},
                      {"restore_unmemoized_words_per_second",
                       r.restore_unmemoized_words_per_second},
                      {"restore_word_ns", r.restore_word_ns}};
  return j.dump();
}

}  // namespace newsroom::deasciify
