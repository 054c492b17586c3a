// Scoring speed of the committed offensive-language model: Score() on
// parsed documents (what the engine pays per comment, the parse being
// shared with the other rules), and ScoreText() including the parse.
//
//   ninja -C build classifier_benchmark &&
//   build/src/classifier/classifier_benchmark
//
// BM_Score cycles through eight sentences, so after the first round every
// weight it reads is in the L1/L2 cache. The *Corpus benchmarks cycle
// through all the OffensEval training tweets instead: each tweet reads
// about 1,150 weights scattered over the 8 MiB table, many of them not read
// for the previous tweets, which is what the engine sees.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "classifier/classifier.h"
#include "classifier/dataset.h"
#include "classifier/internal/model.h"
#include "classifier/lexicon_features.h"
#include "datadir/datadir.h"
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
    auto c = Classifier::Load(datadir::Get() + "/models/offensive.model");
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

// The OffensEval training tweets that parse.
const std::vector<std::string>& CorpusTexts() {
  static const std::vector<std::string>* texts = [] {
    const std::string path =
        datadir::Get() +
        "/../../shared/data/offenseval-tr/offenseval-tr-training-v1.tsv";
    absl::StatusOr<std::vector<Example>> examples = ReadOffensEvalTsv(path);
    if (!examples.ok()) {
      std::fprintf(stderr, "%s\n",
                   std::string(examples.status().message()).c_str());
      std::exit(1);
    }
    auto* out = new std::vector<std::string>;
    for (const Example& e : *examples) {
      if (text::Document::Parse(e.text).ok()) out->push_back(e.text);
    }
    return out;
  }();
  return *texts;
}

// The *Corpus benchmarks parse each tweet in the loop, as the engine does,
// so that the document is in cache when it is scored; the cost of scoring
// is theirs minus BM_ParseCorpus.
void BM_ParseCorpus(benchmark::State& state) {
  const std::vector<std::string>& texts = CorpusTexts();
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(text::Document::Parse(texts[i]));
    if (++i == texts.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ParseCorpus);

void BM_ScoreCorpus(benchmark::State& state) {
  const Classifier& model = Model();
  const std::vector<std::string>& texts = CorpusTexts();
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(model.Score(*text::Document::Parse(texts[i])));
    if (++i == texts.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ScoreCorpus);

// Score() in two halves: computing the bucket ids (pure arithmetic on the
// comment) and reading their weights (memory).
void BM_ExtractFeaturesCorpus(benchmark::State& state) {
  const FeatureOptions& options = Model().feature_options();
  const std::vector<std::string>& texts = CorpusTexts();
  std::vector<uint32_t> buckets;
  size_t i = 0;
  size_t features = 0;
  for (auto _ : state) {
    buckets.clear();
    ExtractFeatures(*text::Document::Parse(texts[i]), options, &buckets);
    features += buckets.size();
    benchmark::DoNotOptimize(buckets.data());
    if (++i == texts.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["features"] =
      static_cast<double>(features) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_ExtractFeaturesCorpus);

// Only the reads (no parse): the ids of the first 3,000 tweets are computed
// beforehand, back to back (~14 MB).
void BM_ReadWeightsCorpus(benchmark::State& state) {
  const std::string path = datadir::Get() + "/models/offensive.model";
  static const internal::Model* model = [&] {
    std::ifstream in(path);
    std::stringstream contents;
    contents << in.rdbuf();
    return new internal::Model(*internal::ParseModel(contents.str(), path));
  }();
  const std::vector<std::string>& texts = CorpusTexts();
  std::vector<uint32_t> all;
  std::vector<size_t> ends;
  for (size_t d = 0; d < texts.size() && d < 3000; ++d) {
    ExtractFeatures(*text::Document::Parse(texts[d]), model->features, &all);
    ends.push_back(all.size());
  }
  size_t i = 0;
  for (auto _ : state) {
    const size_t begin = i == 0 ? 0 : ends[i - 1];
    benchmark::DoNotOptimize(model->Margin(
        std::span<const uint32_t>(all).subspan(begin, ends[i] - begin), {}));
    if (++i == ends.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ReadWeightsCorpus);

// What the offensive rule pays to point at words, for a comment it flags.
void BM_TokenContributionsCorpus(benchmark::State& state) {
  const Classifier& model = Model();
  const std::vector<std::string>& texts = CorpusTexts();
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        model.TokenContributions(*text::Document::Parse(texts[i])));
    if (++i == texts.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_TokenContributionsCorpus);

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
    benchmark::DoNotOptimize(
        Classifier::Load(datadir::Get() + "/models/offensive.model"));
  }
}
BENCHMARK(BM_Load)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace newsroom::classifier

BENCHMARK_MAIN();
