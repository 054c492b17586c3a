// Benchmarks the lexicon matcher on real Turkish tweets, for both engines:
//
//   ninja -C build matcher_benchmark
//   build/src/lexicon/matcher_benchmark [--benchmark_filter=Find]
//
// Text: the tweets of OffensEval-TR (column 2 of
// /work/shared/data/offenseval-tr/offenseval-tr-training-v1.tsv, or the file
// named by $NEWSROOM_BENCH_TWEETS), used only as text to match, parsed into
// Documents beforehand.
//   BM_Find/<engine>        ns per comment for Matcher::Find (all rules'
//                           lexicons: abuse in both languages, belief
//                           targets, allowlist), items/s = comments/s.
//   BM_Scan/<engine>        the automaton alone on normalized text.
//   BM_Normalize            normalization alone.
//   BM_Build/<engine>       building the matcher from parsed entries;
//                           counters: keys, automaton bytes.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "lexicon/internal/literal_scanner.h"
#include "lexicon/internal/normalizer.h"
#include "lexicon/matcher.h"

namespace newsroom::lexicon {
namespace {

using Engine = MatcherOptions::Engine;

const std::vector<text::Document>& Tweets() {
  static const std::vector<text::Document>* docs = [] {
    auto* out = new std::vector<text::Document>;
    const char* env = std::getenv("NEWSROOM_BENCH_TWEETS");
    std::string path =
        env != nullptr
            ? env
            : "/work/shared/data/offenseval-tr/offenseval-tr-training-v1.tsv";
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);  // header: id, tweet, subtask_a
    while (std::getline(in, line) && out->size() < 20000) {
      size_t a = line.find('\t');
      size_t b = line.rfind('\t');
      if (a == std::string::npos || b <= a) continue;
      auto doc = text::Document::Parse(line.substr(a + 1, b - a - 1));
      if (doc.ok()) out->push_back(std::move(*doc));
    }
    return out;
  }();
  return *docs;
}

struct Lexicon {
  std::vector<Entry> entries;
  std::vector<AllowEntry> allow;
};

const Lexicon& Entries() {
  static const Lexicon* lex = [] {
    auto* l = new Lexicon;
    LexiconPaths p = LexiconPaths::Default();
    for (auto [path, lang] :
         {std::pair{p.abuse_tr, langid::Language::kTurkish},
          std::pair{p.abuse_en, langid::Language::kEnglish}}) {
      auto e = ReadAbuseLexicon(path, lang);
      if (!e.ok()) std::abort();
      l->entries.insert(l->entries.end(), e->begin(), e->end());
    }
    auto t = ReadBeliefTargets(p.belief_targets);
    auto g = ReadGroupTargets(p.group_targets);
    auto a = ReadAllowlist(p.allowlist);
    if (!t.ok() || !g.ok() || !a.ok()) std::abort();
    l->entries.insert(l->entries.end(), t->begin(), t->end());
    l->entries.insert(l->entries.end(), g->begin(), g->end());
    l->allow = *a;
    return l;
  }();
  return *lex;
}

std::unique_ptr<const Matcher> Make(Engine engine) {
  MatcherOptions options;
  options.engine = engine;
  auto m = Matcher::Build(Entries().entries, Entries().allow, options);
  if (!m.ok()) return nullptr;
  return std::move(*m);
}

bool Usable(benchmark::State& state, Engine engine) {
  if (Tweets().empty()) {
    state.SkipWithError("no tweets (set NEWSROOM_BENCH_TWEETS)");
    return false;
  }
  if (engine == Engine::kHyperscan && !internal::HaveHyperscan()) {
    state.SkipWithError("built without Hyperscan");
    return false;
  }
  return true;
}

void BM_Find(benchmark::State& state, Engine engine) {
  if (!Usable(state, engine)) return;
  auto m = Make(engine);
  const auto& docs = Tweets();
  size_t i = 0, matches = 0;
  for (auto _ : state) {
    std::vector<Match> found = m->Find(docs[i]);
    matches += found.size();
    benchmark::DoNotOptimize(found.data());
    if (++i == docs.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["ns_per_comment"] = benchmark::Counter(
      static_cast<double>(state.iterations()),
      benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  state.counters["matches_per_comment"] =
      static_cast<double>(matches) / static_cast<double>(state.iterations());
}
BENCHMARK_CAPTURE(BM_Find, aho_corasick, Engine::kAhoCorasick);
BENCHMARK_CAPTURE(BM_Find, hyperscan, Engine::kHyperscan);

void BM_Normalize(benchmark::State& state) {
  if (!Usable(state, Engine::kAhoCorasick)) return;
  const auto& docs = Tweets();
  internal::NormalizedText t;
  size_t i = 0;
  for (auto _ : state) {
    internal::Normalize(docs[i].original(), {}, &t);
    benchmark::DoNotOptimize(t.letters.data());
    if (++i == docs.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Normalize);

void BM_Scan(benchmark::State& state, Engine engine) {
  if (!Usable(state, engine)) return;
  // The matcher's own keys, scanned over the tweets' normalized text.
  std::vector<std::string> keys;
  std::vector<std::string> normalized;
  internal::NormalizedText t;
  for (const auto& d : Tweets()) {
    internal::Normalize(d.original(), {}, &t);
    normalized.push_back(t.letters);
  }
  // The matcher's keys, near enough: every entry and allowlist word run
  // through the normalizer is its folded, de-duplicated key (the softened
  // and written-together variants are left out).
  for (const Entry& e : Entries().entries) {
    internal::Normalize(e.term, {}, &t);
    keys.push_back(t.letters);
  }
  for (const AllowEntry& a : Entries().allow) {
    internal::Normalize(a.word, {}, &t);
    keys.push_back(t.letters);
  }
  std::unique_ptr<internal::LiteralScanner> s;
  if (engine == Engine::kHyperscan) {
    auto hs = internal::BuildHyperscan(keys);
    if (!hs.ok()) {
      state.SkipWithError("Hyperscan build failed");
      return;
    }
    s = std::move(*hs);
  } else {
    s = internal::BuildAhoCorasick(keys);
  }
  std::vector<internal::Hit> hits;
  size_t i = 0;
  for (auto _ : state) {
    hits.clear();
    s->Scan(normalized[i], &hits);
    benchmark::DoNotOptimize(hits.data());
    if (++i == normalized.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK_CAPTURE(BM_Scan, aho_corasick, Engine::kAhoCorasick);
BENCHMARK_CAPTURE(BM_Scan, hyperscan, Engine::kHyperscan);

void BM_Build(benchmark::State& state, Engine engine) {
  if (engine == Engine::kHyperscan && !internal::HaveHyperscan()) {
    state.SkipWithError("built without Hyperscan");
    return;
  }
  Entries();
  size_t bytes = 0;
  int keys = 0;
  for (auto _ : state) {
    auto m = Make(engine);
    bytes = m->memory_bytes();
    keys = m->key_count();
    benchmark::DoNotOptimize(m.get());
  }
  state.counters["automaton_bytes"] = static_cast<double>(bytes);
  state.counters["keys"] = keys;
}
BENCHMARK_CAPTURE(BM_Build, aho_corasick, Engine::kAhoCorasick)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Build, hyperscan, Engine::kHyperscan)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace newsroom::lexicon

BENCHMARK_MAIN();
