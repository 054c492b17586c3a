// The evaluation keeps the clean pass and the typo pass apart so that each
// figure has one meaning: false alarms are measured only on text as its
// editors published it, recall only on the one word we broke. Timings are
// wall-clock over the calls alone (parsing excluded), on one thread, with
// the checker's cache in its natural state: empty at the start and warming
// as the words of the file repeat, as in a stream of comments.
//
// Tested by evaluate_test.cc.
#include "spelling/evaluate.h"

#include <algorithm>
#include <chrono>
#include <fstream>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "spelling/internal/letters.h"
#include "text/casing.h"
#include "text/document.h"
#include "text/utf8.h"

namespace newsroom::spelling {
namespace {

using internal::CaseShape;
using Clock = std::chrono::steady_clock;

size_t Uniform(std::mt19937_64& rng, size_t n) { return rng() % n; }

double Micros(Clock::duration d) {
  return std::chrono::duration<double, std::micro>(d).count();
}

double Share(int64_t part, int64_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / whole;
}

}  // namespace

std::optional<Typo> InjectTypo(std::string_view word, std::mt19937_64& rng) {
  std::u32string w = text::ToUtf32(word);
  if (w.size() < 3) return std::nullopt;
  for (char32_t c : w) {
    if (!internal::IsLetter(c)) return std::nullopt;
  }
  CaseShape shape = internal::ShapeOf(w);
  if (shape != CaseShape::kLower && shape != CaseShape::kTitle &&
      shape != CaseShape::kUpper) {
    return std::nullopt;
  }
  const std::u32string s = internal::LowerTr(w);
  const size_t n = s.size();
  for (int attempt = 0; attempt < 20; ++attempt) {
    std::u32string t = s;
    const char* kind = "";
    switch (Uniform(rng, 4)) {
      case 0: {
        kind = "insertion";
        size_t p = Uniform(rng, n + 1);
        char32_t base =
            (p == n || (p > 0 && Uniform(rng, 2) == 0)) ? s[p - 1] : s[p];
        std::u32string keys = internal::KeyboardNeighbours(base);
        keys.push_back(base);  // a key pressed twice
        t.insert(t.begin() + p, keys[Uniform(rng, keys.size())]);
        break;
      }
      case 1: {
        kind = "deletion";
        t.erase(Uniform(rng, n), 1);
        break;
      }
      case 2: {
        kind = "substitution";
        size_t p = Uniform(rng, n);
        std::u32string keys = internal::KeyboardNeighbours(s[p]);
        if (keys.empty()) continue;
        t[p] = keys[Uniform(rng, keys.size())];
        break;
      }
      default: {
        kind = "transposition";
        size_t p = Uniform(rng, n - 1);
        if (s[p] == s[p + 1]) continue;
        std::swap(t[p], t[p + 1]);
        break;
      }
    }
    if (t == s) continue;
    return Typo{text::ToUtf8(internal::ApplyShape(t, shape)), kind};
  }
  return std::nullopt;
}

double EvalReport::false_alarm_rate() const { return Share(flagged, words); }
double EvalReport::hunspell_false_alarm_rate() const {
  return Share(hunspell_flagged, words);
}
double EvalReport::recall() const { return Share(typos_flagged, injected); }
double EvalReport::hunspell_recall() const {
  return Share(hunspell_typos_flagged, injected);
}

absl::StatusOr<EvalReport> Evaluate(const Checker& checker,
                                    const morphology::Dictionary& turkish,
                                    const EvalOptions& options) {
  std::ifstream in(options.data_path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(
        absl::StrCat("evaluation data not found: ", options.data_path));
  }
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (options.max_sentences > 0 &&
        static_cast<int>(lines.size()) >= options.max_sentences) {
      break;
    }
    lines.push_back(std::move(line));
  }
  return EvaluateSentences(checker, turkish, lines, options);
}

absl::StatusOr<EvalReport> EvaluateSentences(
    const Checker& checker, const morphology::Dictionary& turkish,
    const std::vector<std::string>& sentences, const EvalOptions& options) {
  std::mt19937_64 rng(options.seed);
  EvalReport r;
  absl::flat_hash_map<std::string, int64_t> false_alarms;
  absl::flat_hash_map<std::string, int64_t> misses_by_reason;
  Clock::duration check_time{}, hunspell_time{}, suggest_time{};
  int64_t suggest_calls = 0;
  std::vector<std::pair<std::string, bool>> clean_words;
  {
    // Build the lazily built indexes first, so that no timing below
    // includes them.
    Clock::time_point t0 = Clock::now();
    checker.Suggest("bilgisyar", Language::kTurkish, 1);
    checker.Check("Bilgisyar", {Language::kTurkish, false});
    r.index_build_ms = Micros(Clock::now() - t0) / 1000.0;
  }
  for (const std::string& line : sentences) {
    if (options.max_sentences > 0 && r.sentences >= options.max_sentences) {
      break;
    }
    absl::StatusOr<text::Document> doc = text::Document::Parse(line);
    if (!doc.ok()) continue;
    ++r.sentences;
    std::vector<size_t> eligible;
    const std::vector<text::Token>& tokens = doc->tokens();
    for (size_t i = 0; i < tokens.size(); ++i) {
      const text::Token& t = tokens[i];
      if (t.kind != text::TokenKind::kWord) continue;
      ++r.words;
      WordContext ctx = ContextOf(t, Language::kTurkish);
      Clock::time_point t0 = Clock::now();
      WordCheck c = checker.Check(t.text, ctx);
      Clock::time_point t1 = Clock::now();
      bool hunspell_ok = turkish.Spell(t.text);
      Clock::time_point t2 = Clock::now();
      check_time += t1 - t0;
      clean_words.emplace_back(t.text, t.sentence_initial);
      hunspell_time += t2 - t1;
      if (c.misspelled) {
        ++r.flagged;
        ++false_alarms[t.text];
      }
      if (!hunspell_ok) ++r.hunspell_flagged;
      std::u32string w = text::ToUtf32(t.text);
      CaseShape shape = internal::ShapeOf(w);
      bool letters_only = std::all_of(w.begin(), w.end(), internal::IsLetter);
      if (w.size() >= 3 && letters_only && shape != CaseShape::kMixed &&
          shape != CaseShape::kNone) {
        eligible.push_back(i);
      }
    }
    if (eligible.empty()) continue;
    const text::Token& target = tokens[eligible[Uniform(rng, eligible.size())]];
    std::optional<Typo> typo = InjectTypo(target.text, rng);
    if (!typo.has_value()) continue;
    ++r.injected;
    WordCheck c = checker.Check(typo->typed,
                                {Language::kTurkish, target.sentence_initial});
    bool hunspell_ok = turkish.Spell(typo->typed);
    if (hunspell_ok) ++r.real_word_typos;
    if (!hunspell_ok) ++r.hunspell_typos_flagged;
    if (!c.misspelled) {
      ++misses_by_reason[ReasonName(c.reason)];
      if (static_cast<int>(r.misses.size()) < options.examples) {
        r.misses.push_back(absl::StrCat(target.text, " → ", typo->typed, " (",
                                        typo->kind, ", ", ReasonName(c.reason),
                                        ")"));
      }
      continue;
    }
    ++r.typos_flagged;
    Clock::time_point t0 = Clock::now();
    std::vector<std::string> s =
        checker.Suggest(typo->typed, Language::kTurkish, options.suggestions);
    suggest_time += Clock::now() - t0;
    ++suggest_calls;
    if (!s.empty() && s[0] == target.text) ++r.top1;
    bool in5 = false;
    for (size_t k = 0; k < s.size() && k < 5; ++k) in5 |= s[k] == target.text;
    if (in5) ++r.top5;
    if (s.empty() || s[0] != target.text) {
      if (static_cast<int>(r.bad_suggestions.size()) < options.examples) {
        std::string got = s.empty() ? "(none)" : s[0];
        for (size_t k = 1; k < s.size() && k < 3; ++k) {
          absl::StrAppend(&got, ", ", s[k]);
        }
        r.bad_suggestions.push_back(absl::StrCat(
            typo->typed, " → ", got, " (wanted ", target.text, ")"));
      }
    }
  }
  if (r.words == 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("no words in ", options.data_path));
  }
  r.check_us_per_word = Micros(check_time) / r.words;
  Clock::time_point warm0 = Clock::now();
  for (const auto& [word, initial] : clean_words) {
    checker.Check(word, {Language::kTurkish, initial});
  }
  r.check_warm_us_per_word = Micros(Clock::now() - warm0) / r.words;
  r.hunspell_us_per_word = Micros(hunspell_time) / r.words;
  if (suggest_calls > 0) {
    r.suggest_us_per_word = Micros(suggest_time) / suggest_calls;
  }
  std::vector<std::pair<std::string, int64_t>> fa(false_alarms.begin(),
                                                  false_alarms.end());
  std::sort(fa.begin(), fa.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  if (static_cast<int>(fa.size()) > options.examples) {
    fa.resize(options.examples);
  }
  r.false_alarms = std::move(fa);
  r.misses_by_reason.assign(misses_by_reason.begin(), misses_by_reason.end());
  std::sort(r.misses_by_reason.begin(), r.misses_by_reason.end(),
            [](const auto& a, const auto& b) { return a.second > b.second; });
  return r;
}

double DetectionCounts::precision() const {
  return Share(true_positives, true_positives + false_positives);
}
double DetectionCounts::recall() const {
  return Share(true_positives, true_positives + false_negatives);
}
double DetectionCounts::f1() const {
  double p = precision(), r = recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

absl::StatusOr<PairReport> EvaluatePairs(
    const Checker& checker, const morphology::Dictionary& turkish,
    const std::vector<MisspellingPair>& pairs, const EvalOptions& options) {
  if (pairs.empty()) {
    return absl::InvalidArgumentError("no misspelling pairs to evaluate");
  }
  PairReport r;
  // Distinct words, in first-seen order (deterministic examples).
  std::vector<std::string> wrong_words, right_words;
  absl::flat_hash_map<std::string, bool> is_wrong;  // word → wrong side
  for (const MisspellingPair& p : pairs) {
    if (is_wrong.emplace(p.wrong, true).second) wrong_words.push_back(p.wrong);
  }
  for (const MisspellingPair& p : pairs) {
    if (is_wrong.emplace(p.right, false).second) right_words.push_back(p.right);
  }
  r.misspelt_words = static_cast<int64_t>(wrong_words.size());
  r.correct_words = static_cast<int64_t>(right_words.size());
  const WordContext ctx{Language::kTurkish, false};
  for (const std::string& w : wrong_words) {
    if (checker.Check(w, ctx).misspelled) {
      ++r.checker.true_positives;
    } else {
      ++r.checker.false_negatives;
      if (static_cast<int>(r.misses.size()) < options.examples) {
        r.misses.push_back(absl::StrCat(
            w, " (", ReasonName(checker.Check(w, ctx).reason), ")"));
      }
    }
    if (turkish.Spell(w)) {
      ++r.hunspell.false_negatives;
    } else {
      ++r.hunspell.true_positives;
    }
  }
  for (const std::string& w : right_words) {
    if (checker.Check(w, ctx).misspelled) {
      ++r.checker.false_positives;
      if (static_cast<int>(r.false_alarms.size()) < options.examples) {
        r.false_alarms.push_back(w);
      }
    }
    if (!turkish.Spell(w)) ++r.hunspell.false_positives;
  }
  Clock::duration suggest_time{};
  for (const MisspellingPair& p : pairs) {
    ++r.pairs;
    const bool letters_only = text::FoldKey(p.wrong) == text::FoldKey(p.right);
    r.letters_only_pairs += letters_only;
    Clock::time_point t0 = Clock::now();
    std::vector<std::string> s =
        checker.Suggest(p.wrong, Language::kTurkish, options.suggestions);
    suggest_time += Clock::now() - t0;
    const bool first = !s.empty() && s[0] == p.right;
    bool in5 = false;
    for (size_t k = 0; k < s.size() && k < 5; ++k) in5 |= s[k] == p.right;
    r.top1 += first;
    r.top5 += in5;
    if (letters_only) {
      r.letters_only_top1 += first;
      r.letters_only_top5 += in5;
    }
    if (!in5 && static_cast<int>(r.bad_suggestions.size()) < options.examples) {
      std::string got = s.empty() ? "(none)" : s[0];
      for (size_t k = 1; k < s.size() && k < 3; ++k) {
        absl::StrAppend(&got, ", ", s[k]);
      }
      r.bad_suggestions.push_back(
          absl::StrCat(p.wrong, " → ", got, " (wanted ", p.right, ")"));
    }
  }
  r.suggest_us_per_word = Micros(suggest_time) / r.pairs;
  return r;
}

std::string FormatPairReport(const PairReport& r, bool examples) {
  std::string out;
  absl::StrAppendFormat(
      &out, "pairs                    %d (%d only restore Turkish letters)\n",
      r.pairs, r.letters_only_pairs);
  absl::StrAppendFormat(&out,
                        "words                    %d misspelt, %d correct\n",
                        r.misspelt_words, r.correct_words);
  const std::pair<const char*, const DetectionCounts*> kRows[] = {
      {"checker", &r.checker}, {"Hunspell alone", &r.hunspell}};
  for (const auto& [name, d] : kRows) {
    absl::StrAppendFormat(
        &out, "detection, %-14s P %.4f  R %.4f  F1 %.4f  (TP %d FP %d FN %d)\n",
        name, d->precision(), d->recall(), d->f1(), d->true_positives,
        d->false_positives, d->false_negatives);
  }
  absl::StrAppendFormat(&out,
                        "suggestions, all pairs   top-1 %.2f %%  top-5 %.2f %%"
                        "  (%.1f µs/word)\n",
                        100 * Share(r.top1, r.pairs),
                        100 * Share(r.top5, r.pairs), r.suggest_us_per_word);
  const int64_t typo_pairs = r.pairs - r.letters_only_pairs;
  absl::StrAppendFormat(
      &out, "  but letters only       top-1 %.2f %%  top-5 %.2f %%\n",
      100 * Share(r.top1 - r.letters_only_top1, typo_pairs),
      100 * Share(r.top5 - r.letters_only_top5, typo_pairs));
  absl::StrAppendFormat(
      &out, "  letters only           top-1 %.2f %%  top-5 %.2f %%\n",
      100 * Share(r.letters_only_top1, r.letters_only_pairs),
      100 * Share(r.letters_only_top5, r.letters_only_pairs));
  if (examples) {
    out += "misspelt words passed:\n ";
    for (const std::string& m : r.misses) absl::StrAppend(&out, " ", m);
    out += "\ncorrect words flagged:\n ";
    for (const std::string& m : r.false_alarms) absl::StrAppend(&out, " ", m);
    out += "\ncorrection not in the top 5:\n";
    for (const std::string& m : r.bad_suggestions) {
      absl::StrAppend(&out, "  ", m, "\n");
    }
  }
  return out;
}

std::string FormatReport(const EvalReport& r, bool examples) {
  std::string out;
  absl::StrAppendFormat(&out, "sentences                %d\n", r.sentences);
  absl::StrAppendFormat(&out,
                        "false alarms (clean)     %.2f %%  (%d of %d words)\n",
                        100 * r.false_alarm_rate(), r.flagged, r.words);
  absl::StrAppendFormat(&out, "  Hunspell alone         %.2f %%  (%d words)\n",
                        100 * r.hunspell_false_alarm_rate(),
                        r.hunspell_flagged);
  absl::StrAppendFormat(&out,
                        "recall (1 typo/sentence) %.2f %%  (%d of %d typos)\n",
                        100 * r.recall(), r.typos_flagged, r.injected);
  absl::StrAppendFormat(&out, "  Hunspell alone         %.2f %%\n",
                        100 * r.hunspell_recall());
  absl::StrAppendFormat(
      &out, "  real-word typos        %d (%.2f %%; counted as misses)\n",
      r.real_word_typos, 100 * Share(r.real_word_typos, r.injected));
  absl::StrAppendFormat(
      &out, "suggestions, flagged    top-1 %.2f %%  top-5 %.2f %%  (of %d)\n",
      100 * Share(r.top1, r.typos_flagged),
      100 * Share(r.top5, r.typos_flagged), r.typos_flagged);
  absl::StrAppendFormat(
      &out, "suggestions, all typos  top-1 %.2f %%  top-5 %.2f %%\n",
      100 * Share(r.top1, r.injected), 100 * Share(r.top5, r.injected));
  absl::StrAppendFormat(
      &out,
      "check                    %.3f µs/word first pass, %.3f µs/word "
      "again (Hunspell alone %.3f)\n",
      r.check_us_per_word, r.check_warm_us_per_word, r.hunspell_us_per_word);
  absl::StrAppendFormat(
      &out,
      "suggest                  %.1f µs/word (indexes built first: %.1f ms)\n",
      r.suggest_us_per_word, r.index_build_ms);
  out += "  missed typos accepted as";
  for (const auto& [reason, n] : r.misses_by_reason) {
    absl::StrAppend(&out, " ", reason, ":", n);
  }
  out += "\n";
  if (examples) {
    out += "most frequent false alarms:\n ";
    for (const auto& [w, n] : r.false_alarms) {
      absl::StrAppend(&out, " ", w, ":", n);
    }
    out += "\nmissed typos:\n";
    for (const std::string& m : r.misses) absl::StrAppend(&out, "  ", m, "\n");
    out += "first suggestion wrong:\n";
    for (const std::string& m : r.bad_suggestions) {
      absl::StrAppend(&out, "  ", m, "\n");
    }
  }
  return out;
}

}  // namespace newsroom::spelling
