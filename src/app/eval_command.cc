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
#include "app/eval_deasciify_command.h"
#include "app/eval_langid_command.h"
#include "app/eval_lexicon_command.h"
#include "app/eval_offensive_command.h"
#include "app/eval_perspective_command.h"
#include "app/eval_spelling_command.h"
#include "app/progress.h"
#include "classifier/dataset.h"
#include "classifier/evaluate.h"
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
    return {{"tp", tp}, {"fp", fp}, {"fn", fn}, {"tn", tn},
            {"precision", round(Precision())}, {"recall", round(Recall())},
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
  for (const std::string& s : sentences) {
    progress.Tick();
    auto original = (*engine)->Moderate(s);
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
      auto v = (*engine)->Moderate(folded);
      no_turkish.Add(true, v.ok() && Violated(*v, RuleId::kNoTurkishChars));
    }
    std::string upper = text::ToUpperTr(s);
    if (upper != s) {
      auto v = (*engine)->Moderate(upper);
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
  for (auto [name, c] : {std::pair<const char*, Counts*>{"no_turkish_chars", &no_turkish},
                         {"all_caps", &all_caps}}) {
    std::printf("%-18s %9.4f %9.4f %9.4f %7lld %7lld\n", name, c->Precision(),
                c->Recall(), c->F1(), static_cast<long long>(c->tp + c->fn),
                static_cast<long long>(c->tn + c->fp));
  }
  std::printf("spelling: %.2f%% of %lld words flagged on clean text; rule "
              "violated on %.2f%% of sentences\n",
              100 * fa_words, static_cast<long long>(words), 100 * fa_sentences);
  nlohmann::json j = {
      {"data", data},
      {"sentences", sentences.size()},
      {"no_turkish_chars", no_turkish.Json()},
      {"all_caps", all_caps.Json()},
      {"spelling", {{"words", words},
                    {"flagged_words", flagged_words},
                    {"false_alarm_word_rate", std::round(fa_words * 10000) / 10000},
                    {"violated_sentence_rate", std::round(fa_sentences * 10000) / 10000}}},
  };
  std::printf("%s\n", j.dump().c_str());
  return 0;
}

// True when rule `id` keeps the comment from being published as written:
// the rule is violated, or its score falls in the rule's review band (the
// comment waits for a moderator). With `violated_only`, only the first.
bool Withheld(const moderation::Engine& engine, const moderation::Verdict& v,
              moderation::RuleId id, bool violated_only) {
  const moderation::Finding* f = FindingFor(v, id);
  if (f == nullptr) return false;
  if (f->violated) return true;
  if (violated_only) return false;
  const moderation::RulePolicy& rp = engine.policy().ForRule(id);
  return rp.review_threshold.has_value() && f->score >= *rp.review_threshold;
}

// `newsroom eval --data FILE.tsv`: the whole engine on OffensEval-format
// data. A comment counts as OFF when the engine would not publish it as
// written because of insult, profanity, offensive or belief_attack: one of
// them is violated (rejected, or held for review when the rule's action is
// review) or scores in its review band (held for a moderator). A comment
// held only by the language rules (spelling, all_caps, no_turkish_chars)
// counts as NOT. With `violated_only`, review bands do not count.
// `scores_path`, when not empty, receives each tweet's rule scores.
int RunAbuse(const std::string& data, const std::string& split_name,
             const std::string& policy, const std::string& scores_path,
             bool violated_only) {
  std::ofstream scores;
  if (!scores_path.empty()) {
    scores.open(scores_path);
    if (!scores) {
      std::cerr << "newsroom eval: cannot write " << scores_path << "\n";
      return 2;
    }
    scores << "id\tlabel\tdecision\tinsult\tprofanity\toffensive\t"
              "belief_attack\n";
  }
  std::optional<classifier::Split> split;
  if (split_name != "all") {
    split = classifier::ParseSplit(split_name);
    if (!split.has_value()) {
      std::cerr << "newsroom eval: --split must be train, dev, test or all\n";
      return 2;
    }
  }
  auto engine = LoadEngine(policy);
  if (!engine.ok()) {
    std::cerr << "newsroom eval: " << engine.status().message() << "\n";
    return 2;
  }
  using moderation::RuleId;
  auto evaluation = classifier::EvaluateFile(
      data, split,
      [&](const classifier::Example& x) -> absl::StatusOr<bool> {
        absl::StatusOr<moderation::Verdict> v = (*engine)->Moderate(x.text);
        if (!v.ok()) return v.status();
        if (scores.is_open()) {
          scores << x.id << '\t' << (x.offensive ? "OFF" : "NOT") << '\t'
                 << moderation::DecisionName(v->decision);
          for (RuleId id : {RuleId::kInsult, RuleId::kProfanity,
                            RuleId::kOffensive, RuleId::kBeliefAttack}) {
            const moderation::Finding* f = FindingFor(*v, id);
            scores << '\t' << (f != nullptr ? f->score : 0.0);
          }
          scores << '\n';
        }
        for (RuleId id : {RuleId::kInsult, RuleId::kProfanity,
                          RuleId::kOffensive, RuleId::kBeliefAttack}) {
          if (Withheld(**engine, *v, id, violated_only)) return true;
        }
        return false;
      });
  if (!evaluation.ok()) {
    std::cerr << "newsroom eval: " << evaluation.status().message() << "\n";
    return 2;
  }
  std::printf("data: %s (split: %s)\n%s", data.c_str(), split_name.c_str(),
              classifier::FormatEvaluation(*evaluation).c_str());
  return 0;
}

}  // namespace

void RegisterEvalCommand(CLI::App& app, int* exit_code) {
  CLI::App* eval = app.add_subcommand(
      "eval",
      "Measure the engine on held-out data (figures for BENCHMARKS.md). "
      "Without a sub-command: the abuse rules on OffensEval-format data "
      "(id, text, OFF/NOT). A comment counts as OFF when the engine would "
      "not publish it as written because of insult, profanity, offensive or "
      "belief_attack: one of them is violated or scores in its review band "
      "(held for a moderator); --violated-only counts violations alone");
  eval->require_subcommand(0, 1);
  auto abuse_data = std::make_shared<std::string>();
  auto abuse_split = std::make_shared<std::string>("dev");
  auto abuse_policy = std::make_shared<std::string>();
  eval->add_option("--data", *abuse_data, "OffensEval-format TSV");
  eval->add_option("--split", *abuse_split,
                   "Part of the fixed, seeded split to use: train, dev, test "
                   "or all (use all for data that is not OffensEval-TR's "
                   "training file)")
      ->capture_default_str();
  eval->add_option("--policy", *abuse_policy, "Policy file (default: built-in)");
  auto abuse_violated_only = std::make_shared<bool>(false);
  eval->add_flag("--violated-only", *abuse_violated_only,
                 "Count a comment OFF only when one of the four rules is "
                 "violated, not when it is held in a review band");
  auto abuse_scores = std::make_shared<std::string>();
  eval->add_option("--scores", *abuse_scores,
                   "Also write each tweet's id, label, decision and the four "
                   "rules' scores (0 when a rule found nothing) to this TSV");
  eval->callback([=] {
    if (!eval->get_subcommands().empty()) return;
    if (abuse_data->empty()) {
      std::cerr << "newsroom eval: give --data FILE.tsv or a sub-command "
                   "(see newsroom eval --help)\n";
      *exit_code = 2;
      return;
    }
    *exit_code = RunAbuse(*abuse_data, *abuse_split, *abuse_policy,
                          *abuse_scores, *abuse_violated_only);
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
  rules->callback([=] { *exit_code = RunLanguageRules(*data, *policy, *limit); });

  RegisterEvalDeasciifyCommand(*eval, exit_code);
  RegisterEvalLangidCommand(*eval, exit_code);
  RegisterEvalSpellingCommand(*eval, exit_code);
  RegisterEvalLexiconCommand(*eval, exit_code);
  RegisterEvalOffensiveCommand(*eval, exit_code);
  RegisterEvalPerspectiveCommand(*eval, exit_code);
}

}  // namespace newsroom::app
