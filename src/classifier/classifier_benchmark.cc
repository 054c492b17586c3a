// Scoring speed of the committed offensive-language model: Score() on
// parsed documents (what the engine pays per comment, the parse being
// shared with the other rules), and ScoreText() including the parse.
//
//   ninja -C build classifier_benchmark &&
//   build/src/classifier/classifier_benchmark
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "classifier/classifier.h"
#include "classifier/lexicon_features.h"
#include "lexicon/matcher.h"

namespace newsroom::classifier {
namespace {

// Comments of typical tweet length (~120 characters on average in the
// training data) and a few longer ones.
const char* const kComments[] = {
    "Bu karar bence yanlış, bakanlık açıklama yapmalı",
    "@USER Seni gerizekalı aptal herif, sus artık. Kimse senin fikrini "
    "sormadı!",
    "Haberi okudum, emeği geçenlere teşekkürler. Böyle haberlerin devamını "
    "bekliyoruz.",
    "bu ne bicim is ya amk, belediye yine yollari kazmis kimse sormuyor",
    "Sayın yetkililer, mahallemizdeki parkın aydınlatması aylardır bozuk. "
    "Akşamları çocuklarımız dışarı çıkamıyor, lütfen bir çözüm bulun.",
    "Şerefsizler!!! Hepinizin Allah belasını versin 😡😡",
    "Yarın İstanbul'da hava yağmurlu olacakmış, şemsiyenizi unutmayın.",
    "Ekonomi politikası tamamen başarısız oldu, enflasyon her ay artıyor ve "
    "maaşlar eriyor. Bu gidişle orta sınıf kalmayacak, birilerinin bunu "
    "görmesi lazım. Açıklama yapan bakan da sorunun farkında değil gibi.",
};

const Classifier& Model() {
  static const Classifier* model = [] {
    auto c = Classifier::Load(std::string(NEWSROOM_DATA_DIR) +
                              "/models/offensive.model");
    if (!c.ok()) {
      std::fprintf(stderr, "%s\n", std::string(c.status().message()).c_str());
      std::exit(1);
    }
    return c->release();
  }();
  return *model;
}

std::vector<text::Document> Documents() {
  std::vector<text::Document> docs;
  for (const char* c : kComments) docs.push_back(*text::Document::Parse(c));
  return docs;
}

void BM_Score(benchmark::State& state) {
  const Classifier& model = Model();
  const std::vector<text::Document> docs = Documents();
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(model.Score(docs[i]));
    if (++i == docs.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Score);

const lexicon::Matcher& Lexicon() {
  static const lexicon::Matcher* matcher = [] {
    auto m = lexicon::Matcher::Load(lexicon::LexiconPaths::Default());
    if (!m.ok()) {
      std::fprintf(stderr, "%s\n", std::string(m.status().message()).c_str());
      std::exit(1);
    }
    return m->release();
  }();
  return *matcher;
}

std::vector<lexicon::Match> Find(const text::Document& doc) {
  lexicon::FindOptions options;
  options.language = langid::Language::kTurkish;
  return Lexicon().Find(doc, options);
}

// The matches already found (by the insult and profanity rules).
void BM_ScoreWithLexiconFeatures(benchmark::State& state) {
  const Classifier& model = Model();
  const std::vector<text::Document> docs = Documents();
  std::vector<std::vector<lexicon::Match>> matches;
  for (const text::Document& doc : docs) matches.push_back(Find(doc));
  size_t i = 0;
  for (auto _ : state) {
    LexiconFeatures extra(matches[i]);
    benchmark::DoNotOptimize(model.Score(docs[i], extra.features()));
    if (++i == docs.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ScoreWithLexiconFeatures);

// The matcher run for the classifier alone.
void BM_FindAndScore(benchmark::State& state) {
  const Classifier& model = Model();
  const std::vector<text::Document> docs = Documents();
  size_t i = 0;
  for (auto _ : state) {
    std::vector<lexicon::Match> matches = Find(docs[i]);
    LexiconFeatures extra(matches);
    benchmark::DoNotOptimize(model.Score(docs[i], extra.features()));
    if (++i == docs.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_FindAndScore);

void BM_ScoreTextIncludingParse(benchmark::State& state) {
  const Classifier& model = Model();
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(model.ScoreText(kComments[i]));
    if (++i == std::size(kComments)) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ScoreTextIncludingParse);

void BM_Parse(benchmark::State& state) {
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(text::Document::Parse(kComments[i]));
    if (++i == std::size(kComments)) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Parse);

void BM_Load(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(Classifier::Load(std::string(NEWSROOM_DATA_DIR) +
                                              "/models/offensive.model"));
  }
}
BENCHMARK(BM_Load)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace newsroom::classifier

BENCHMARK_MAIN();
