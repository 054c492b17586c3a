// Cost of Identifier::Identify() on comments of different lengths, with
// everything on (CLD2 + cues), CLD2 alone and the cues alone. Documents are
// parsed outside the timed loop.
//
//   build/src/langid/langid_benchmark --benchmark_min_time=0.5
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>

#include "langid/identifier.h"
#include "text/document.h"

namespace newsroom::langid {
namespace {

const char* const kTexts[] = {
    // 2 words
    "cok guzel",
    // a tweet, 13 words
    "@USER en güzel uyuyan insan ödülü jeon jungkook'a gidiyor ama bence de "
    "haksızlık URL",
    // 25 words, English
    "I honestly think this article misses the point: the new policy was "
    "announced last week, and nobody in the city council has explained how "
    "it will be paid for.",
    // 60 words, folded Turkish
    "Kizlar aranizda kas yigini beylere dusenler oldugunu goruyorum yapmayin "
    "allah askina, bu isin sonu iyi degil. Bence herkes once kendine baksin, "
    "sonra baskalarini elestirsin. Haberi okuyunca cok uzuldum ama yine de "
    "umudumu kaybetmedim. Insanlar neden bu kadar sinirli anlamiyorum; her "
    "gun ayni seyleri konusuyoruz ve hicbir sey degismiyor. Yetkililer bir an "
    "once aciklama yapmali.",
};

const Identifier& Get(int mode) {
  static const Identifier* ids[3] = {nullptr, nullptr, nullptr};
  if (ids[mode] == nullptr) {
    IdentifierOptions options;
    options.use_cld2 = mode != 2;
    options.use_cues = mode != 1;
    auto id = Identifier::Create(options);
    if (!id.ok()) {
      std::cerr << id.status() << "\n";
      std::abort();
    }
    ids[mode] = id->release();
  }
  return *ids[mode];
}

// state.range(0): index into kTexts; state.range(1): 0 both, 1 CLD2 alone,
// 2 cues alone.
void BM_Identify(benchmark::State& state) {
  const Identifier& id = Get(static_cast<int>(state.range(1)));
  auto doc = text::Document::Parse(kTexts[state.range(0)]);
  if (!doc.ok()) {
    state.SkipWithError("parse failed");
    return;
  }
  for (auto _ : state) {
    Detection d = id.Identify(*doc, std::nullopt);
    benchmark::DoNotOptimize(d);
  }
  state.SetLabel(std::to_string(doc->word_count()) + " words");
}
BENCHMARK(BM_Identify)
    ->ArgNames({"text", "mode"})
    ->ArgsProduct({{0, 1, 2, 3}, {0, 1, 2}});

// The caller's share, for scale: Document::Parse of the same tweet.
void BM_ParseTweet(benchmark::State& state) {
  for (auto _ : state) {
    auto doc = text::Document::Parse(kTexts[1]);
    benchmark::DoNotOptimize(doc);
  }
}
BENCHMARK(BM_ParseTweet);

}  // namespace
}  // namespace newsroom::langid

BENCHMARK_MAIN();
