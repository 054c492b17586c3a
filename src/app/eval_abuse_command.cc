// The abuse rules are judged by what a newsroom sees: on labelled tweets,
// macro-F1 with "withheld" (refused, or held for a moderator because of
// insult, profanity, offensive or belief_attack) as OFF; on clean text and
// on neutral mentions of groups, the share withheld, which is moderators'
// time and readers refused for nothing; on attacks on groups, the share
// caught. Several files go through one engine in one run, so the figures of
// one table are always of one model, lexicon and policy.
//
// Two withheld shares are printed for clean comments: by the abuse rules
// (the measure of this evaluation) and by the whole policy (what a reader
// of professionally written prose would meet, language rules included).
//
// Tested by running it (BENCHMARKS.md); the parts it is built from are
// tested in classifier/ and moderation/.
#include "app/eval_abuse_command.h"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "app/engine_loader.h"
#include "app/progress.h"
#include "classifier/dataset.h"
#include "classifier/evaluate.h"
#include "langid/language.h"
#include "moderation/engine.h"

namespace newsroom::app {
namespace {

using moderation::RuleId;

constexpr RuleId kAbuseRules[] = {RuleId::kInsult, RuleId::kProfanity,
                                  RuleId::kOffensive, RuleId::kBeliefAttack};

// True when rule `id` keeps the comment from being published as written:
// violated, or scored in the rule's review band (with `violated_only`, only
// the first).
bool Withheld(const moderation::Engine& engine, const moderation::Verdict& v,
              RuleId id, bool violated_only) {
  const moderation::Finding* f = moderation::FindingFor(v, id);
  if (f == nullptr) return false;
  if (f->violated) return true;
  if (violated_only) return false;
  const moderation::RulePolicy& rp = engine.policy().ForRule(id);
  return rp.review_threshold.has_value() && f->score >= *rp.review_threshold;
}

struct Share {
  int64_t n = 0, hits = 0;
  void Add(bool hit) {
    ++n;
    hits += hit;
  }
  double value() const { return n ? static_cast<double>(hits) / n : 0; }
  std::string Percent() const {
    if (n == 0) return "-";
    char b[32];
    std::snprintf(b, sizeof b, "%.1f %%", 100 * value());
    return b;
  }
  nlohmann::json Json() const {
    return {{"n", n},
            {"hits", hits},
            {"share", std::round(value() * 10000) / 10000}};
  }
};

struct GroupCounts {
  bool belief = false;
  Share neutral_withheld;  // NOT rows withheld by the abuse rules
  Share attack_caught;     // OFF rows withheld by the abuse rules
  Share neutral_belief;    // NOT rows flagged belief_attack
  Share attack_belief;     // OFF rows flagged belief_attack
};

struct FileResult {
  std::string name;
  std::string split;
  classifier::DataFormat format;
  int64_t errors = 0;
  std::vector<bool> truth, predicted;
  Share clean_withheld;         // NOT rows, abuse rules
  Share clean_withheld_policy;  // NOT rows, whole policy
  Share off_caught;             // OFF rows, abuse rules
  std::map<std::string, GroupCounts> groups;
  std::map<std::string, Share> kinds;  // withheld by kind of row
  // belief_attack on rows about a faith: flagged on attacks (true
  // positives) and on the rest (false positives).
  int64_t belief_tp = 0, belief_fp = 0, belief_fn = 0;
};

// "file.tsv:dev" → ("file.tsv", "dev"); no known suffix → (spec, "").
std::pair<std::string, std::string> SplitSpec(const std::string& spec) {
  size_t colon = spec.rfind(':');
  if (colon != std::string::npos) {
    std::string suffix = spec.substr(colon + 1);
    if (suffix == "train" || suffix == "dev" || suffix == "test" ||
        suffix == "all") {
      return {spec.substr(0, colon), suffix};
    }
  }
  return {spec, ""};
}

std::string BaseName(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string Fixed(double x, int digits = 4) {
  char b[32];
  std::snprintf(b, sizeof b, "%.*f", digits, x);
  return b;
}

}  // namespace

int RunEvalAbuse(const EvalAbuseFlags& flags) {
  if (flags.data.empty()) {
    std::cerr << "newsroom eval: give --data FILE (see newsroom eval --help)\n";
    return 2;
  }
  std::optional<langid::Language> hint;
  if (!flags.lang.empty()) {
    absl::StatusOr<langid::Language> parsed =
        langid::ParseLanguageCode(flags.lang);
    if (!parsed.ok()) {
      std::cerr << "newsroom eval: --lang: " << parsed.status().message()
                << "\n";
      return 2;
    }
    hint = *parsed;
  }
  std::ofstream scores;
  if (!flags.scores.empty()) {
    scores.open(flags.scores);
    if (!scores) {
      std::cerr << "newsroom eval: cannot write " << flags.scores << "\n";
      return 2;
    }
    scores << "file\tid\tlabel\tdecision\tinsult\tprofanity\toffensive\t"
              "belief_attack\ttext\n";
  }
  // Read everything first, so that a bad file fails before the engine loads.
  struct Input {
    std::string path, split;
    classifier::DataFormat format;
    std::vector<classifier::Example> examples;
  };
  std::vector<Input> inputs;
  for (const std::string& spec : flags.data) {
    auto [path, split] = SplitSpec(spec);
    Input in;
    in.path = path;
    absl::StatusOr<std::vector<classifier::Example>> examples =
        classifier::ReadExamples(path, &in.format);
    if (!examples.ok()) {
      std::cerr << "newsroom eval: " << examples.status().message() << "\n";
      return 2;
    }
    const bool tweets = in.format == classifier::DataFormat::kOffensEval ||
                        in.format == classifier::DataFormat::kOlid ||
                        in.format == classifier::DataFormat::kDavidson;
    in.split = !split.empty() ? split : tweets ? flags.split : "all";
    std::optional<classifier::Split> wanted;
    if (in.split != "all") {
      wanted = classifier::ParseSplit(in.split);
      if (!wanted.has_value()) {
        std::cerr << "newsroom eval: split must be train, dev, test or all, "
                     "got \""
                  << in.split << "\"\n";
        return 2;
      }
    }
    for (classifier::Example& e : *examples) {
      if (!wanted.has_value() || e.split == *wanted) {
        in.examples.push_back(std::move(e));
      }
    }
    if (in.examples.empty()) {
      std::cerr << "newsroom eval: " << path << " has no examples in split "
                << in.split << "\n";
      return 2;
    }
    inputs.push_back(std::move(in));
  }
  auto engine = LoadEngine(flags.policy);
  if (!engine.ok()) {
    std::cerr << "newsroom eval: " << engine.status().message() << "\n";
    return 2;
  }

  int64_t total = 0;
  for (const Input& in : inputs) total += in.examples.size();
  Progress progress(total);
  std::vector<FileResult> results;
  for (const Input& in : inputs) {
    FileResult r;
    r.name = BaseName(in.path);
    r.split = in.split;
    r.format = in.format;
    for (const classifier::Example& x : in.examples) {
      progress.Tick();
      absl::StatusOr<moderation::Verdict> v = (*engine)->Moderate(
          x.text, hint, moderation::Engine::Suggestions::kNever);
      bool withheld = false, policy_withheld = false, belief = false;
      if (!v.ok()) {
        ++r.errors;
      } else {
        for (RuleId id : kAbuseRules) {
          withheld |= Withheld(**engine, *v, id, flags.violated_only);
        }
        belief =
            Withheld(**engine, *v, RuleId::kBeliefAttack, flags.violated_only);
        policy_withheld = v->decision != moderation::Decision::kApprove;
        if (scores.is_open()) {
          scores << r.name << '\t' << x.id << '\t'
                 << (x.offensive ? "OFF" : "NOT") << '\t'
                 << moderation::DecisionName(v->decision);
          for (RuleId id : kAbuseRules) {
            const moderation::Finding* f = moderation::FindingFor(*v, id);
            scores << '\t' << (f != nullptr ? f->score : 0.0);
          }
          scores << '\t' << x.text << '\n';
        }
      }
      r.truth.push_back(x.offensive);
      r.predicted.push_back(withheld);
      if (x.offensive) {
        r.off_caught.Add(withheld);
      } else {
        r.clean_withheld.Add(withheld);
        r.clean_withheld_policy.Add(policy_withheld);
      }
      if (!x.kind.empty()) r.kinds[x.kind].Add(withheld);
      if (!x.group.empty()) {
        GroupCounts& g = r.groups[x.group];
        g.belief = x.belief;
        (x.offensive ? g.attack_caught : g.neutral_withheld).Add(withheld);
        if (x.belief) {
          (x.offensive ? g.attack_belief : g.neutral_belief).Add(belief);
          if (belief && x.offensive) ++r.belief_tp;
          if (belief && !x.offensive) ++r.belief_fp;
          if (!belief && x.offensive) ++r.belief_fn;
        }
      }
    }
    results.push_back(std::move(r));
  }
  progress.Finish();

  // One table for every file.
  std::printf("\n%-34s %-5s %6s %5s %8s %9s %9s %9s\n", "data", "split", "n",
              "OFF", "macro-F1", "OFF held", "NOT held", "NOT held");
  std::printf("%-34s %-5s %6s %5s %8s %9s %9s %9s\n", "", "", "", "", "",
              "(abuse)", "(abuse)", "(policy)");
  nlohmann::json json = nlohmann::json::array();
  for (const FileResult& r : results) {
    const bool labelled = r.off_caught.n > 0 && r.clean_withheld.n > 0;
    classifier::Metrics m = classifier::ComputeMetrics(r.truth, r.predicted);
    std::printf(
        "%-34s %-5s %6zu %5lld %8s %9s %9s %9s\n", r.name.c_str(),
        r.split.c_str(), r.truth.size(), static_cast<long long>(r.off_caught.n),
        labelled ? Fixed(m.macro_f1).c_str() : "-",
        r.off_caught.Percent().c_str(), r.clean_withheld.Percent().c_str(),
        r.clean_withheld_policy.Percent().c_str());
    nlohmann::json j = {
        {"data", r.name},
        {"split", r.split},
        {"format", classifier::DataFormatName(r.format)},
        {"examples", r.truth.size()},
        {"errors", r.errors},
        {"off_caught", r.off_caught.Json()},
        {"not_withheld", r.clean_withheld.Json()},
        {"not_withheld_whole_policy", r.clean_withheld_policy.Json()},
    };
    if (labelled) {
      j["macro_f1"] = std::round(m.macro_f1 * 10000) / 10000;
      j["off_precision"] = std::round(m.offensive.precision * 10000) / 10000;
      j["off_recall"] = std::round(m.offensive.recall * 10000) / 10000;
    }
    if (!r.kinds.empty()) {
      for (const auto& [kind, share] : r.kinds) {
        j["kinds"][kind] = share.Json();
      }
    }
    if (!r.groups.empty()) {
      for (const auto& [group, g] : r.groups) {
        nlohmann::json gj = {{"neutral_withheld", g.neutral_withheld.Json()},
                             {"attack_caught", g.attack_caught.Json()}};
        if (g.belief) {
          gj["neutral_belief_attack"] = g.neutral_belief.Json();
          gj["attack_belief_attack"] = g.attack_belief.Json();
        }
        j["groups"][group] = gj;
      }
      const int64_t flagged = r.belief_tp + r.belief_fp;
      j["belief_attack"] = {
          {"true_positives", r.belief_tp},
          {"false_positives", r.belief_fp},
          {"false_negatives", r.belief_fn},
          {"precision",
           flagged ? std::round(10000.0 * r.belief_tp / flagged) / 10000 : 0.0},
          {"recall", r.belief_tp + r.belief_fn
                         ? std::round(10000.0 * r.belief_tp /
                                      (r.belief_tp + r.belief_fn)) /
                               10000
                         : 0.0}};
    }
    if (r.errors > 0) {
      std::printf(
          "  (%lld comments the engine refused as input, counted as "
          "published)\n",
          static_cast<long long>(r.errors));
    }
    json.push_back(std::move(j));
  }

  // Groups and kinds, for the group sets.
  for (const FileResult& r : results) {
    if (r.groups.empty()) continue;
    std::printf("\n%s (%s): withheld by the abuse rules, per group\n",
                r.name.c_str(), r.split.c_str());
    std::printf("%-12s %8s %10s %8s %10s %12s %12s\n", "group", "neutral",
                "withheld", "attacks", "caught", "belief_att.", "belief_att.");
    std::printf("%-12s %8s %10s %8s %10s %12s %12s\n", "", "", "", "", "",
                "(neutral)", "(attacks)");
    for (const auto& [group, g] : r.groups) {
      std::printf("%-12s %8lld %10s %8lld %10s %12s %12s\n", group.c_str(),
                  static_cast<long long>(g.neutral_withheld.n),
                  g.neutral_withheld.Percent().c_str(),
                  static_cast<long long>(g.attack_caught.n),
                  g.attack_caught.Percent().c_str(),
                  g.belief ? g.neutral_belief.Percent().c_str() : "",
                  g.belief ? g.attack_belief.Percent().c_str() : "");
    }
    std::printf("by kind:");
    for (const auto& [kind, share] : r.kinds) {
      std::printf("  %s %s of %lld", kind.c_str(), share.Percent().c_str(),
                  static_cast<long long>(share.n));
    }
    const int64_t flagged = r.belief_tp + r.belief_fp;
    std::printf(
        "\nbelief_attack on faith rows: precision %s (%lld of %lld "
        "flagged are attacks), recall %s (%lld of %lld attacks)\n",
        flagged ? Fixed(double(r.belief_tp) / flagged).c_str() : "-",
        static_cast<long long>(r.belief_tp), static_cast<long long>(flagged),
        r.belief_tp + r.belief_fn
            ? Fixed(double(r.belief_tp) / (r.belief_tp + r.belief_fn)).c_str()
            : "-",
        static_cast<long long>(r.belief_tp),
        static_cast<long long>(r.belief_tp + r.belief_fn));
  }
  std::printf("%s\n", json.dump().c_str());
  return 0;
}

}  // namespace newsroom::app
