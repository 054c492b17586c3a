// `newsroom eval …`: the evaluation commands. Each measures one part of the
// engine on data it did not learn from and prints a readable table and one
// JSON line (for BENCHMARKS.md).
//
// `eval language-rules --data SENTENCES.txt` takes clean, well-written
// Turkish sentences (one a line) and measures the three language rules
// through the whole engine, as a comment would go:
//   - no_turkish_chars: originals are negatives, their ASCII-folded copies
//     (where folding changes anything) are positives;
//   - all_caps: originals are negatives, their Turkish upper-case copies are
//     positives;
//   - spelling: on the originals, the share of words flagged misspelled and
//     the share of sentences on which the rule is violated.
#include <cmath>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/commands.h"
#include "app/engine_loader.h"
#include "app/eval_abuse_command.h"
#include "app/eval_deasciify_command.h"
#include "app/eval_langid_command.h"
#include "app/eval_lexicon_command.h"
#include "app/eval_offensive_command.h"
#include "app/eval_perspective_command.h"
#include "app/eval_spelling_command.h"
#include "app/progress.h"
#include "text/casing.h"
#include "text/document.h"

namespace newsroom::app {
namespace {

struct Counts {
  int64_t tp = 0, fp = 0, fn = 0, tn = 0;
  void Add(bool truth, bool predicted) {
    if (truth && predicted) ++tp;
    if (!truth && predicted) ++fp;
    if (truth && !predicted) ++fn;
    if (!truth && !predicted) ++tn;
  }
  double Precision() const { return tp + fp ? double(tp) / (tp + fp) : 0; }
  double Recall() const { return tp + fn ? double(tp) / (tp + fn) : 0; }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
  nlohmann::json Json() const {
    auto round = [](double x) { return std::round(x * 10000) / 10000; };
    return {{"tp", tp},
            {"fp", fp},
            {"fn", fn},
            {"tn", tn},
            {"precision", round(Precision())},
            {"recall", round(Recall())},
            {"f1", round(F1())}};
  }
};

using moderation::FindingFor;

bool Violated(const moderation::Verdict& v, moderation::RuleId id) {
  const moderation::Finding* f = FindingFor(v, id);
  return f != nullptr && f->violated;
}

int RunLanguageRules(const std::string& data, const std::string& policy,
                     int limit) {
  std::ifstream in(data);
  if (!in) {
    std::cerr << "newsroom eval language-rules: cannot read " << data
              << " (build it with: newsroom corpus build --out corpus)\n";
    return 2;
  }
  std::vector<std::string> sentences;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) sentences.push_back(line);
    if (limit > 0 && static_cast<int>(sentences.size()) >= limit) break;
  }
  auto engine = LoadEngine(policy);
  if (!engine.ok()) {
    std::cerr << "newsroom eval language-rules: " << engine.status().message()
              << "\n";
    return 2;
  }
  Counts no_turkish, all_caps;
  int64_t words = 0, flagged_words = 0, spelling_violations = 0;
  int64_t not_turkish = 0, errors = 0;
  Progress progress(static_cast<int64_t>(sentences.size()));
  using moderation::RuleId;
  // Only decisions are counted here.
  constexpr auto kNoSuggestions = moderation::Engine::Suggestions::kNever;
  for (const std::string& s : sentences) {
    progress.Tick();
    auto original = (*engine)->Moderate(s, std::nullopt, kNoSuggestions);
    if (!original.ok()) {
      ++errors;
      continue;
    }
    if (original->language != langid::Language::kTurkish) ++not_turkish;
    no_turkish.Add(false, Violated(*original, RuleId::kNoTurkishChars));
    all_caps.Add(false, Violated(*original, RuleId::kAllCaps));
    auto doc = text::Document::Parse(s);
    if (doc.ok()) words += doc->word_count();
    if (const auto* f = FindingFor(*original, RuleId::kSpelling)) {
      flagged_words += static_cast<int64_t>(f->spans.size());
      if (f->violated) ++spelling_violations;
    }
    std::string folded = text::AsciiFold(s);
    if (folded != s) {
      auto v = (*engine)->Moderate(folded, std::nullopt, kNoSuggestions);
      no_turkish.Add(true, v.ok() && Violated(*v, RuleId::kNoTurkishChars));
    }
    std::string upper = text::ToUpperTr(s);
    if (upper != s) {
      auto v = (*engine)->Moderate(upper, std::nullopt, kNoSuggestions);
      all_caps.Add(true, v.ok() && Violated(*v, RuleId::kAllCaps));
    }
  }
  progress.Finish();
  double fa_words = words ? double(flagged_words) / words : 0;
  double fa_sentences =
      sentences.empty() ? 0 : double(spelling_violations) / sentences.size();
  std::printf("sentences: %zu (detected as not Turkish: %lld, errors: %lld)\n",
              sentences.size(), static_cast<long long>(not_turkish),
              static_cast<long long>(errors));
  std::printf("%-18s %9s %9s %9s %7s %7s\n", "rule", "precision", "recall",
              "F1", "pos", "neg");
  for (auto [name, c] :
       {std::pair<const char*, Counts*>{"no_turkish_chars", &no_turkish},
        {"all_caps", &all_caps}}) {
    std::printf("%-18s %9.4f %9.4f %9.4f %7lld %7lld\n", name, c->Precision(),
                c->Recall(), c->F1(), static_cast<long long>(c->tp + c->fn),
                static_cast<long long>(c->tn + c->fp));
  }
  std::printf(
      "spelling: %.2f%% of %lld words flagged on clean text; rule "
      "violated on %.2f%% of sentences\n",
      100 * fa_words, static_cast<long long>(words), 100 * fa_sentences);
  nlohmann::json j = {
      {"data", data},
      {"sentences", sentences.size()},
      {"no_turkish_chars", no_turkish.Json()},
      {"all_caps", all_caps.Json()},
      {"spelling",
       {{"words", words},
        {"flagged_words", flagged_words},
        {"false_alarm_word_rate", std::round(fa_words * 10000) / 10000},
        {"violated_sentence_rate", std::round(fa_sentences * 10000) / 10000}}},
  };
  std::printf("%s\n", j.dump().c_str());
  return 0;
}

}  // namespace

void RegisterEvalCommand(CLI::App& app, int* exit_code) {
  CLI::App* eval = app.add_subcommand(
      "eval",
      "Measure the engine on held-out data (figures for BENCHMARKS.md). "
      "Without a sub-command: the abuse rules on one or more data files "
      "(--data FILE[:SPLIT], repeated), one table: per file macro-F1 with "
      "withheld as OFF, the share of clean comments withheld (by the abuse "
      "rules and by the whole policy), the share of attacks caught, and for "
      "group sets (data/eval/groups-*.tsv) the same per group and "
      "belief_attack's precision. A comment is withheld when insult, "
      "profanity, offensive or belief_attack is violated or scores in its "
      "review band (held for a moderator); --violated-only counts violations "
      "alone. Formats: OffensEval TSV, OLID TSV, Davidson CSV, group sets, "
      "WordNet data files (their usage examples, all NOT) and plain text "
      "(one clean sentence a line, all NOT)");
  eval->require_subcommand(0, 1);
  auto abuse = std::make_shared<EvalAbuseFlags>();
  eval->add_option("--data", abuse->data,
                   "Data file, optionally with :train, :dev, :test or :all "
                   "(the fixed hash split); repeat for several files");
  eval->add_option("--split", abuse->split,
                   "Default split of labelled tweets (OffensEval, OLID, "
                   "Davidson); clean sentences and group sets default to all")
      ->capture_default_str();
  eval->add_option("--policy", abuse->policy,
                   "Policy file (default: built-in)");
  eval->add_option("--lang", abuse->lang,
                   "Language hint given with every comment (tr or en); the "
                   "engine's identifier still decides");
  eval->add_flag("--violated-only", abuse->violated_only,
                 "Count a comment withheld only when one of the four rules is "
                 "violated, not when it is held in a review band");
  eval->add_option("--scores", abuse->scores,
                   "Also write each comment's file, id, label, decision, the "
                   "four rules' scores (0 when a rule found nothing) and text "
                   "to this TSV");
  eval->callback([=] {
    if (!eval->get_subcommands().empty()) return;
    *exit_code = RunEvalAbuse(*abuse);
  });

  CLI::App* rules = eval->add_subcommand(
      "language-rules",
      "no_turkish_chars and all_caps precision/recall on folded and "
      "upper-cased copies of clean Turkish sentences; spelling false alarms");
  auto data = std::make_shared<std::string>("corpus/tr-heldout.txt");
  auto policy = std::make_shared<std::string>();
  auto limit = std::make_shared<int>(0);
  rules->add_option("--data", *data, "Clean Turkish sentences, one a line")
      ->capture_default_str();
  rules->add_option("--policy", *policy, "Policy file (default: built-in)");
  rules->add_option("--limit", *limit, "Use only the first N sentences");
  rules->callback(
      [=] { *exit_code = RunLanguageRules(*data, *policy, *limit); });

  RegisterEvalDeasciifyCommand(*eval, exit_code);
  RegisterEvalLangidCommand(*eval, exit_code);
  RegisterEvalSpellingCommand(*eval, exit_code);
  RegisterEvalLexiconCommand(*eval, exit_code);
  RegisterEvalOffensiveCommand(*eval, exit_code);
  RegisterEvalPerspectiveCommand(*eval, exit_code);
}

}  // namespace newsroom::app
