// `newsroom eval lexicon`: see eval_lexicon_command.h. Variants come from
// lexicon::Disguise; matching is lexicon::Matcher on a parsed Document, as
// the rules will call it.
#include "app/eval_lexicon_command.h"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>

#include "lexicon/evasion.h"
#include "lexicon/matcher.h"
#include "text/utf8.h"

namespace newsroom::app {
namespace {

using lexicon::Category;
using lexicon::DisguiseKind;
using lexicon::Entry;
using lexicon::Match;
using lexicon::Matcher;

struct EvalLexiconFlags {
  std::string lexicon_dir;
  std::string clean = "corpus/tr-dev.txt";
  int variants = 3;
  unsigned seed = 1;
  int show_misses = 0;
};

double Round4(double x) { return std::round(x * 10000) / 10000; }

struct KindCount {
  int64_t total = 0;
  int64_t caught = 0;
};

// The carrier sentences a variant is put into: "{}" is the variant.
constexpr const char* kTurkishCarriers[] = {
    "Bu yorumu yazan {} , başka söze gerek yok.",
    "Sana diyorum {} !",
    "{}",
};
constexpr const char* kEnglishCarriers[] = {
    "Whoever wrote this is {} , honestly.",
    "{} !",
    "{}",
};

bool Caught(const Matcher& m, const Entry& e, const std::string& sentence,
            int begin, int end) {
  auto doc = text::Document::Parse(sentence);
  if (!doc.ok()) return false;
  // The carrier is in the entry's language, and the engine would know it.
  lexicon::FindOptions options;
  options.language = e.language;
  for (const Match& x : m.Find(*doc, options)) {
    if (x.term == e.term && x.category == e.category && x.begin == begin &&
        x.end == end) {
      return true;
    }
  }
  return false;
}

struct FalseAlarms {
  int64_t lines = 0;
  int64_t lines_with_match = 0;
  int64_t matches = 0;
  int64_t ambiguous_matches = 0;
  int64_t belief_targets = 0;
  std::map<std::string, int64_t> by_term;  // "typed→term"
  nlohmann::json Json() const {
    nlohmann::json top = nlohmann::json::array();
    std::vector<std::pair<int64_t, std::string>> sorted;
    for (const auto& [k, v] : by_term) sorted.push_back({v, k});
    std::sort(sorted.rbegin(), sorted.rend());
    for (size_t i = 0; i < sorted.size() && i < 10; ++i) {
      top.push_back({{"match", sorted[i].second}, {"count", sorted[i].first}});
    }
    return {{"lines", lines},
            {"lines_with_abuse_match", lines_with_match},
            {"abuse_matches", matches},
            {"of_which_ambiguous_entries", ambiguous_matches},
            {"line_rate", lines ? Round4(double(lines_with_match) / lines) : 0},
            {"belief_targets", belief_targets},
            {"top", top}};
  }
};

void Count(const Matcher& m, const std::string& line,
           std::optional<langid::Language> language, FalseAlarms* fa) {
  auto doc = text::Document::Parse(line);
  if (!doc.ok()) return;
  ++fa->lines;
  lexicon::FindOptions options;
  options.language = language;
  bool any = false;
  for (const Match& x : m.Find(*doc, options)) {
    if (x.category == Category::kBeliefTarget) {
      ++fa->belief_targets;
      continue;
    }
    any = true;
    ++fa->matches;
    if (x.ambiguous) ++fa->ambiguous_matches;
    ++fa->by_term[x.typed + "→" + x.term];
  }
  if (any) ++fa->lines_with_match;
}

void PrintFalseAlarms(const char* name, const FalseAlarms& fa) {
  std::printf(
      "%-12s %6lld lines, %lld with an abuse match (%.2f%%), %lld "
      "matches (%lld of ambiguous entries); %lld belief targets\n",
      name, static_cast<long long>(fa.lines),
      static_cast<long long>(fa.lines_with_match),
      fa.lines ? 100.0 * fa.lines_with_match / fa.lines : 0.0,
      static_cast<long long>(fa.matches),
      static_cast<long long>(fa.ambiguous_matches),
      static_cast<long long>(fa.belief_targets));
  std::vector<std::pair<int64_t, std::string>> sorted;
  for (const auto& [k, v] : fa.by_term) sorted.push_back({v, k});
  std::sort(sorted.rbegin(), sorted.rend());
  for (size_t i = 0; i < sorted.size() && i < 10; ++i) {
    std::printf("    %5lld  %s\n", static_cast<long long>(sorted[i].first),
                sorted[i].second.c_str());
  }
}

int Run(const EvalLexiconFlags& flags) {
  lexicon::LexiconPaths paths =
      flags.lexicon_dir.empty()
          ? lexicon::LexiconPaths::Default()
          : lexicon::LexiconPaths::InDirectory(flags.lexicon_dir);
  auto matcher = Matcher::Load(paths);
  if (!matcher.ok()) {
    std::cerr << "newsroom eval lexicon: " << matcher.status().message()
              << "\n";
    return 2;
  }
  std::vector<Entry> entries;
  for (const auto& [path, language] :
       {std::pair{paths.abuse_tr, langid::Language::kTurkish},
        std::pair{paths.abuse_en, langid::Language::kEnglish}}) {
    auto read = lexicon::ReadAbuseLexicon(path, language);
    if (!read.ok()) {
      std::cerr << "newsroom eval lexicon: " << read.status().message() << "\n";
      return 2;
    }
    entries.insert(entries.end(), read->begin(), read->end());
  }

  // 1. Evasions.
  std::mt19937 rng(flags.seed);
  std::vector<KindCount> kinds(lexicon::kDisguiseKinds);
  std::vector<std::string> misses;
  for (const Entry& e : entries) {
    const std::string surface = lexicon::SurfaceForm(e);
    for (int k = 0; k < lexicon::kDisguiseKinds; ++k) {
      const auto kind = static_cast<DisguiseKind>(k);
      const int n = kind == DisguiseKind::kPlain ||
                            kind == DisguiseKind::kUpper ||
                            kind == DisguiseKind::kFolded
                        ? 1
                        : flags.variants;
      for (int v = 0; v < n; ++v) {
        std::optional<std::string> variant =
            lexicon::Disguise(e, surface, kind, rng);
        if (!variant) break;
        const bool turkish = e.language == langid::Language::kTurkish;
        const std::string carrier =
            turkish ? kTurkishCarriers[rng() % 3] : kEnglishCarriers[rng() % 3];
        const size_t at = carrier.find("{}");
        const std::string sentence =
            carrier.substr(0, at) + *variant + carrier.substr(at + 2);
        const int begin = text::CodePointCount(carrier.substr(0, at));
        const int end = begin + text::CodePointCount(*variant);
        ++kinds[k].total;
        if (Caught(**matcher, e, sentence, begin, end)) {
          ++kinds[k].caught;
        } else {
          misses.push_back(std::string(lexicon::DisguiseKindName(kind)) + "\t" +
                           e.term + "\t" + *variant);
        }
      }
    }
  }

  // 2. False alarms; the Scunthorpe table also without the allowlist, to
  // show what the allowlist prevents.
  lexicon::MatcherOptions no_allow_options;
  no_allow_options.use_allowlist = false;
  auto no_allow = Matcher::Load(paths, no_allow_options);
  if (!no_allow.ok()) {
    std::cerr << "newsroom eval lexicon: " << no_allow.status().message()
              << "\n";
    return 2;
  }
  FalseAlarms scunthorpe, scunthorpe_no_allow, clean;
  {
    std::ifstream in(paths.allowlist.substr(0, paths.allowlist.rfind('/')) +
                     "/scunthorpe.txt");
    if (!in) {
      std::cerr << "newsroom eval lexicon: cannot read scunthorpe.txt next to "
                << paths.allowlist << "\n";
      return 2;
    }
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      size_t tab = line.rfind('\t');
      std::optional<langid::Language> language;
      if (tab != std::string::npos) {
        std::string code = line.substr(tab + 1);
        if (code == "tr") language = langid::Language::kTurkish;
        if (code == "en") language = langid::Language::kEnglish;
        line.resize(tab);
      }
      Count(**matcher, line, language, &scunthorpe);
      Count(**no_allow, line, language, &scunthorpe_no_allow);
    }
  }
  bool have_clean = false;
  {
    std::ifstream in(flags.clean);
    if (in) {
      have_clean = true;
      std::string line;
      while (std::getline(in, line)) {
        if (!line.empty()) Count(**matcher, line, std::nullopt, &clean);
      }
    } else {
      std::cerr << "newsroom eval lexicon: no clean sentences at "
                << flags.clean
                << " (build them with: newsroom corpus build --out corpus); "
                   "reporting the Scunthorpe table only\n";
    }
  }

  // Report.
  std::printf("lexicon: %d entries, %d allowlist words, %d keys, %s\n",
              (*matcher)->entry_count(), (*matcher)->allow_count(),
              (*matcher)->key_count(), (*matcher)->engine_name());
  std::printf(
      "evasion variants of %zu abuse entries (seed %u, up to %d per "
      "kind):\n",
      entries.size(), flags.seed, flags.variants);
  std::printf("  %-10s %8s %8s %8s\n", "kind", "variants", "caught", "share");
  nlohmann::json by_kind = nlohmann::json::object();
  int64_t all_total = 0, all_caught = 0;
  for (int k = 0; k < lexicon::kDisguiseKinds; ++k) {
    const KindCount& c = kinds[k];
    const char* name = lexicon::DisguiseKindName(static_cast<DisguiseKind>(k));
    double share = c.total ? double(c.caught) / c.total : 0;
    std::printf("  %-10s %8lld %8lld %7.2f%%\n", name,
                static_cast<long long>(c.total),
                static_cast<long long>(c.caught), 100 * share);
    by_kind[name] = {
        {"variants", c.total}, {"caught", c.caught}, {"share", Round4(share)}};
    all_total += c.total;
    all_caught += c.caught;
  }
  std::printf("  %-10s %8lld %8lld %7.2f%%\n", "all",
              static_cast<long long>(all_total),
              static_cast<long long>(all_caught),
              all_total ? 100.0 * all_caught / all_total : 0.0);
  for (int i = 0; i < flags.show_misses && i < static_cast<int>(misses.size());
       ++i) {
    std::printf("  missed: %s\n", misses[i].c_str());
  }
  std::printf("false alarms (abuse matches on innocent text):\n");
  PrintFalseAlarms("scunthorpe", scunthorpe);
  std::printf("  (without the allowlist: %lld lines with an abuse match)\n",
              static_cast<long long>(scunthorpe_no_allow.lines_with_match));
  if (have_clean) PrintFalseAlarms("clean", clean);
  nlohmann::json j = {
      {"entries", (*matcher)->entry_count()},
      {"engine", (*matcher)->engine_name()},
      {"seed", flags.seed},
      {"evasion", by_kind},
      {"evasion_all",
       {{"variants", all_total},
        {"caught", all_caught},
        {"share", all_total ? Round4(double(all_caught) / all_total) : 0}}},
      {"scunthorpe", scunthorpe.Json()},
  };
  j["scunthorpe"]["lines_with_abuse_match_without_allowlist"] =
      scunthorpe_no_allow.lines_with_match;
  if (have_clean) {
    j["clean"] = clean.Json();
    j["clean"]["data"] = flags.clean;
  }
  std::printf("%s\n", j.dump().c_str());
  return 0;
}

}  // namespace

void RegisterEvalLexiconCommand(CLI::App& eval, int* exit_code) {
  CLI::App* cmd = eval.add_subcommand(
      "lexicon",
      "Share of disguised lexicon words caught, per kind of disguise; false "
      "alarms on the Scunthorpe table and on clean Turkish sentences");
  auto flags = std::make_shared<EvalLexiconFlags>();
  cmd->add_option("--lexicon-dir", flags->lexicon_dir,
                  "Directory of abuse-tr.txt, abuse-en.txt, "
                  "belief-targets.txt, allowlist.txt, scunthorpe.txt "
                  "(default: the data directory's lexicon/)");
  cmd->add_option("--clean", flags->clean,
                  "Clean Turkish sentences, one a line")
      ->capture_default_str();
  cmd->add_option("--variants", flags->variants,
                  "Variants per entry and kind of disguise")
      ->capture_default_str();
  cmd->add_option("--seed", flags->seed, "Seed of the variant generator")
      ->capture_default_str();
  cmd->add_option("--show-misses", flags->show_misses,
                  "Print up to N missed variants");
  cmd->callback([flags, exit_code] { *exit_code = Run(*flags); });
}

}  // namespace newsroom::app
