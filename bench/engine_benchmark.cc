// Throughput and latency of the moderation engine on real Turkish comments.
//
//   taskset -c 0 build/bench/engine_benchmark [--comments=FILE.tsv]
//
// FILE.tsv is OffensEval's format (id, text, label; header line); by default
// the Turkish OffensEval training tweets in ../shared/data/offenseval-tr.
// Each benchmark iteration moderates the next comment of the file, round
// robin, so the reported items_per_second is comments per second on one
// thread. BM_Moderate/rules:0 is the engine as configured by the default
// policy, all seven rules on; rules:1 parses and identifies the language
// only; rules:2, 3, 4 run all_caps, no_turkish_chars, spelling alone;
// rules:5 the four abuse rules (insult, profanity, offensive,
// belief_attack) alone; rules:6 the three language rules (all_caps,
// no_turkish_chars, spelling). Comments are moderated as the site moderates
// a posted comment: suggestions for misspelled words only when the comment
// is withheld (Engine::Suggestions::kWhenWithheld);
// BM_ModerateSuggestingAlways/rules:0 and rules:6 work them out for every
// comment, as a draft check does. Each engine is built and warmed as
// `newsroom serve` warms its own (what is built on first use, built
// before the first timed comment); the caches of checks and suggestions
// start cold. BM_Latency/rules:0 and rules:6 time every comment of the file
// once and report p50/p99/max in microseconds, and the resident memory of the
// process.
//
// Fixed work, for profilers and for checking that a change keeps every
// verdict (Google Benchmark picks its own iteration counts):
//
//   build/bench/engine_benchmark --run=2000 --rules=0 [--print]
//   valgrind --tool=callgrind --cache-sim=yes
//       --toggle-collect='newsroom::moderation::Engine::Moderate*'
//       build/bench/engine_benchmark --run=2000       (one command line)
//
// moderates the first N comments of the file (0: all) once each with the
// variant --rules (default 0) and exits; --suggest=always|withheld|never
// (default withheld, as a posted comment) says when suggestions are worked
// out; --print writes one line a comment
// with the decision and every finding, scores as exact hex floats, so that
// two builds can be compared with diff.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "datadir/datadir.h"
#include "moderation/engine.h"

namespace {

std::string g_comments_path =
    newsroom::datadir::Get() +
    "/../../shared/data/offenseval-tr/offenseval-tr-training-v1.tsv";

const std::vector<std::string>& Comments() {
  static const std::vector<std::string>* comments = [] {
    auto* out = new std::vector<std::string>;
    std::ifstream in(g_comments_path);
    if (!in) {
      std::fprintf(stderr, "cannot read %s (pass --comments=FILE.tsv)\n",
                   g_comments_path.c_str());
      std::exit(2);
    }
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
      size_t a = line.find('\t');
      size_t b = line.rfind('\t');
      if (a == std::string::npos || b <= a) continue;
      out->push_back(line.substr(a + 1, b - a - 1));
    }
    return out;
  }();
  return *comments;
}

// Which rules an engine variant runs.
enum Variant {
  kAllRules = 0,
  kNoRules,
  kAllCapsOnly,
  kNoTurkishCharsOnly,
  kSpellingOnly,
  kAbuseOnly,
  kLanguageRules,
  kVariants
};

const newsroom::moderation::Engine& EngineFor(int variant) {
  static const newsroom::moderation::Engine* engines[kVariants] = {};
  if (engines[variant] == nullptr) {
    newsroom::moderation::EngineOptions options;
    auto& p = options.policy;
    if (variant != kAllRules) {
      bool language = variant == kLanguageRules;
      p.all_caps.enabled = language || variant == kAllCapsOnly;
      p.no_turkish_chars.enabled = language || variant == kNoTurkishCharsOnly;
      p.spelling.enabled = language || variant == kSpellingOnly;
      p.insult.enabled = p.profanity.enabled = p.offensive.enabled =
          p.belief_attack.enabled = variant == kAbuseOnly;
    }
    auto built = newsroom::moderation::Engine::Build(options);
    if (!built.ok()) {
      std::fprintf(stderr, "engine: %s\n",
                   std::string(built.status().message()).c_str());
      std::exit(2);
    }
    // As `newsroom serve` does before it takes connections.
    (*built)->WarmUp();
    engines[variant] = built->release();
  }
  return *engines[variant];
}

const newsroom::moderation::Engine& TheEngine() { return EngineFor(kAllRules); }

double ResidentMegabytes(const char* field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(field, 0) == 0) {
      return std::atof(line.c_str() + std::strlen(field)) / 1024.0;
    }
  }
  return 0;
}

using Suggestions = newsroom::moderation::Engine::Suggestions;

// state.range(0) is the Variant (see the file comment).
void Moderate(benchmark::State& state, Suggestions suggestions) {
  const auto& comments = Comments();
  const auto& engine = EngineFor(static_cast<int>(state.range(0)));

  size_t i = 0;
  size_t rejected = 0;
  for (auto _ : state) {
    auto verdict = engine.Moderate(comments[i], std::nullopt, suggestions);
    if (verdict.ok() &&
        verdict->decision == newsroom::moderation::Decision::kReject) {
      ++rejected;
    }
    benchmark::DoNotOptimize(verdict);
    if (++i == comments.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["rejected_share"] =
      static_cast<double>(rejected) / static_cast<double>(state.iterations());
}

void BM_Moderate(benchmark::State& state) {
  Moderate(state, Suggestions::kWhenWithheld);
}
BENCHMARK(BM_Moderate)
    ->ArgName("rules")
    ->DenseRange(kAllRules, kLanguageRules)
    ->MinTime(3.0);

void BM_ModerateSuggestingAlways(benchmark::State& state) {
  Moderate(state, Suggestions::kAlways);
}
BENCHMARK(BM_ModerateSuggestingAlways)
    ->ArgName("rules")
    ->Arg(kAllRules)
    ->Arg(kLanguageRules)
    ->MinTime(3.0);

// state.range(0) is the Variant (see the file comment).
void BM_Latency(benchmark::State& state) {
  const auto& comments = Comments();
  const auto& engine = EngineFor(static_cast<int>(state.range(0)));
  std::vector<double> micros;
  micros.reserve(comments.size());
  for (auto _ : state) {
    micros.clear();
    for (const std::string& c : comments) {
      auto start = std::chrono::steady_clock::now();
      auto verdict = engine.Moderate(c);
      benchmark::DoNotOptimize(verdict);
      micros.push_back(std::chrono::duration<double, std::micro>(
                           std::chrono::steady_clock::now() - start)
                           .count());
    }
  }
  std::sort(micros.begin(), micros.end());
  auto pct = [&](double p) {
    return micros[std::min(micros.size() - 1,
                           static_cast<size_t>(p * micros.size()))];
  };
  state.counters["comments"] = static_cast<double>(micros.size());
  state.counters["p50_us"] = pct(0.50);
  state.counters["p99_us"] = pct(0.99);
  state.counters["max_us"] = micros.back();
  state.counters["rss_mb"] = ResidentMegabytes("VmRSS:");
  state.counters["peak_rss_mb"] = ResidentMegabytes("VmHWM:");
}
BENCHMARK(BM_Latency)
    ->ArgName("rules")
    ->Arg(kAllRules)
    ->Arg(kLanguageRules)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);

// The --run mode (see the file comment).
int RunFixed(size_t count, int variant, Suggestions suggestions, bool print) {
  using newsroom::moderation::Verdict;
  const auto& comments = Comments();
  const auto& engine = EngineFor(variant);
  if (count == 0 || count > comments.size()) count = comments.size();
  size_t rejected = 0;
  for (size_t i = 0; i < count; ++i) {
    absl::StatusOr<Verdict> v =
        engine.Moderate(comments[i], std::nullopt, suggestions);
    if (!v.ok()) {
      if (print)
        std::printf("%zu error %s\n", i, v.status().ToString().c_str());
      continue;
    }
    rejected += v->decision == newsroom::moderation::Decision::kReject;
    if (!print) continue;
    std::printf(
        "%zu %s %d %a", i,
        std::string(newsroom::moderation::DecisionName(v->decision)).c_str(),
        static_cast<int>(v->language), v->language_confidence);
    for (const auto& f : v->findings) {
      std::printf(" | %s %d %a",
                  std::string(newsroom::moderation::RuleIdName(f.rule)).c_str(),
                  f.violated ? 1 : 0, f.score);
      for (const auto& s : f.spans) {
        std::printf(" [%d,%d %s %s %s", s.start, s.end, s.text.c_str(),
                    s.reason.c_str(), s.replacement.c_str());
        for (const auto& alt : s.suggestions) std::printf(" %s", alt.c_str());
        std::printf("]");
      }
      if (f.fix.has_value()) std::printf(" fix=%s", f.fix->c_str());
    }
    std::printf("\n");
  }
  std::fprintf(stderr, "moderated %zu comments, %zu rejected\n", count,
               rejected);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  long run = -1;  // --run=N; -1: benchmarks
  int variant = kAllRules;
  bool print = false;
  Suggestions suggestions = Suggestions::kWhenWithheld;
  for (int i = 1; i < argc; ++i) {
    bool ours = true;
    if (std::strncmp(argv[i], "--comments=", 11) == 0) {
      g_comments_path = argv[i] + 11;
    } else if (std::strncmp(argv[i], "--run=", 6) == 0) {
      run = std::atol(argv[i] + 6);
    } else if (std::strncmp(argv[i], "--rules=", 8) == 0) {
      variant = std::atoi(argv[i] + 8);
    } else if (std::strcmp(argv[i], "--suggest=always") == 0) {
      suggestions = Suggestions::kAlways;
    } else if (std::strcmp(argv[i], "--suggest=withheld") == 0) {
      suggestions = Suggestions::kWhenWithheld;
    } else if (std::strcmp(argv[i], "--suggest=never") == 0) {
      suggestions = Suggestions::kNever;
    } else if (std::strcmp(argv[i], "--print") == 0) {
      print = true;
    } else {
      ours = false;
    }
    if (ours) {
      for (int j = i; j + 1 < argc; ++j) argv[j] = argv[j + 1];
      --argc;
      --i;
    }
  }
  if (variant < 0 || variant >= kVariants) {
    std::fprintf(stderr, "--rules must be in [0, %d]\n", kVariants - 1);
    return 2;
  }
  if (run >= 0) {
    return RunFixed(static_cast<size_t>(run), variant, suggestions, print);
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  Comments();
  TheEngine();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
