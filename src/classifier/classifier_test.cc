// Tests of the committed model, data/models/offensive.model, as the engine
// loads it, with lexicon features from the committed data/lexicon/.
#include "classifier/classifier.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <span>
#include <sstream>
#include <thread>

#include "classifier/internal/model.h"
#include "classifier/lexicon_features.h"
#include "datadir/datadir.h"

namespace newsroom::classifier {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

// A function, not a constant: a namespace-scope constant would ask for the
// data directory before test_environment.cc has pointed it at data/.
std::string ModelPath() { return datadir::Get() + "/models/offensive.model"; }

class CommittedOffensiveModelTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto c = Classifier::Load(ModelPath());
    ASSERT_TRUE(c.ok()) << c.status();
    classifier_ = c->release();
    auto m = lexicon::Matcher::Load(lexicon::LexiconPaths::Default());
    ASSERT_TRUE(m.ok()) << m.status();
    matcher_ = m->release();
  }
  static void TearDownTestSuite() {
    delete classifier_;
    delete matcher_;
  }

  // The score as the engine computes it: parse, lexicon, classifier.
  static double Score(std::string_view text) {
    absl::StatusOr<text::Document> doc = text::Document::Parse(text);
    EXPECT_TRUE(doc.ok()) << doc.status();
    lexicon::FindOptions options;
    options.language = langid::Language::kTurkish;
    std::vector<lexicon::Match> matches = matcher_->Find(*doc, options);
    return classifier_->Score(*doc, LexiconFeatures(matches).features());
  }

  static const Classifier* classifier_;
  static const lexicon::Matcher* matcher_;
};

const Classifier* CommittedOffensiveModelTest::classifier_ = nullptr;
const lexicon::Matcher* CommittedOffensiveModelTest::matcher_ = nullptr;

// Written for these tests, not taken from the training data.
const char* const kOffensive[] = {
    "Seni gerizekalı aptal herif, sus artık",
    "Siktir git lan şerefsiz",
    "Orospu çocukları hepiniz",
    "Amk salakları ne yapıyorsunuz",
    "Ananı sikeyim senin",
    "Beyinsiz öküz, bir sus da millet rahat etsin",
    "Hepiniz vatan hainisiniz, şerefsizler",
    "Allah belanı versin pislik herif",
    "Bu adam tam bir geri zekalı",
    "serefsiz adam yine yalan soyluyor",  // typed without Turkish letters
    "s.i.k.t.i.r git buradan",            // disguised
};

const char* const kCivil[] = {
    // Critical, but civil: the policy allows criticism.
    "Bu karar bence yanlış, bakanlık açıklama yapmalı",
    "Belediyenin bu konudaki tutumunu doğru bulmuyorum",
    "Hükümetin ekonomi politikası başarısız oldu bence",
    "Yazarın görüşlerine katılmıyorum ama saygı duyuyorum",
    "Bakan istifa etmeli, bu skandalın hesabı sorulmalı",
    "Keşke daha fazla kaynak gösterseydiniz",
    // Plain.
    "Haberi okudum, emeği geçenlere teşekkürler",
    "Yarın İstanbul'da hava yağmurlu olacakmış",
    "Maç akşam sekizde başlıyor, herkes davetli",
    "Okullar ne zaman açılacak, bilgi verebilir misiniz?",
    "Kira fiyatları çok yükseldi, gençler ev alamıyor",
};

TEST_F(CommittedOffensiveModelTest, ClearlyOffensiveCommentsScoreHigh) {
  for (const char* text : kOffensive) {
    EXPECT_GE(Score(text), 0.8) << text;
  }
}

TEST_F(CommittedOffensiveModelTest, CivilCommentsScoreLow) {
  for (const char* text : kCivil) {
    EXPECT_LE(Score(text), 0.2) << text;
  }
}

TEST_F(CommittedOffensiveModelTest, NgramsAloneStillSeparateTheClearCases) {
  // Without lexicon features (a caller that supplies none) the model is
  // weaker but still on the right side of its threshold for plain spellings.
  for (const char* text : kOffensive) {
    if (std::string_view(text).find('.') != std::string_view::npos) continue;
    absl::StatusOr<double> s = classifier_->ScoreText(text);
    ASSERT_TRUE(s.ok());
    EXPECT_GE(*s, classifier_->threshold()) << text;
  }
  for (const char* text : kCivil) {
    absl::StatusOr<double> s = classifier_->ScoreText(text);
    ASSERT_TRUE(s.ok());
    EXPECT_LT(*s, classifier_->threshold()) << text;
  }
}

TEST_F(CommittedOffensiveModelTest, ScoresAreCalibratedProbabilities) {
  for (const char* text : kOffensive) {
    double s = Score(text);
    EXPECT_GE(s, 0);
    EXPECT_LE(s, 1);
  }
  EXPECT_GT(classifier_->threshold(), 0.1);
  EXPECT_LT(classifier_->threshold(), 0.9);
}

TEST_F(CommittedOffensiveModelTest, IsTrainedWithTheLexiconFeatures) {
  std::vector<std::string> names = classifier_->extra_feature_names();
  EXPECT_FALSE(names.empty());
  for (const std::string& name : names) {
    EXPECT_THAT(name, StartsWith("lexicon_"));
  }
}

TEST_F(CommittedOffensiveModelTest, UnknownExtraFeaturesAreIgnored) {
  auto doc = text::Document::Parse("Bu karar bence yanlış");
  ASSERT_TRUE(doc.ok());
  const ExtraFeature unknown[] = {{"no_such_feature", 100}};
  EXPECT_EQ(classifier_->Score(*doc, unknown), classifier_->Score(*doc));
}

TEST_F(CommittedOffensiveModelTest, TokenContributionsPointAtTheInsult) {
  auto doc = text::Document::Parse("Bu haberi yazan gerizekalı kim acaba");
  ASSERT_TRUE(doc.ok());
  std::vector<double> c = classifier_->TokenContributions(*doc);
  ASSERT_EQ(c.size(), doc->tokens().size());
  size_t top = std::max_element(c.begin(), c.end()) - c.begin();
  EXPECT_EQ(doc->tokens()[top].text, "gerizekalı");
  EXPECT_GT(c[top], 0);
}

// Score() prefetches weights while it hashes, reuses per-thread buffers and
// TokenContributions() counts the comment's features instead of computing
// them; neither may change a number. The reference here is the plain
// computation: every feature id, then the model's margin over them.
TEST_F(CommittedOffensiveModelTest, ScoresEqualTheSimpleComputationExactly) {
  std::ifstream in(ModelPath());
  std::stringstream contents;
  contents << in.rdbuf();
  absl::StatusOr<internal::Model> model =
      internal::ParseModel(contents.str(), ModelPath());
  ASSERT_TRUE(model.ok()) << model.status();
  const char* const kSentences[] = {
      "Seni gerizekalı aptal herif, sus artık",
      "Haberi okudum, emeği geçenlere teşekkürler",
      "İSTANBUL'DA HAVA YAĞMURLU, ŞEMSİYENİZİ UNUTMAYIN!!!",
      "bu ne bicim is ya amk, belediye yine yollari kazmis",
      "@USER Şerefsizzzz 😡😡 https://t.co/x #Gündem",
      "You are such an idiot, shut up",
      "The council meets on Tuesday to discuss the budget.",
      "ΣΟΦΟΣ Iİ\u0307 Straße ÄÖÜ дом",  // lower-cased by ICU, not by hand
      "a",
      "😂😂😂",
  };
  const ExtraFeature extra[] = {{"lexicon_insult", 0.7f}, {"lexicon_abuse", 1}};
  for (const char* sentence : kSentences) {
    absl::StatusOr<text::Document> doc = text::Document::Parse(sentence);
    ASSERT_TRUE(doc.ok()) << sentence;
    std::vector<uint32_t> all;
    const size_t char_count = ExtractFeatures(*doc, model->features, &all);
    for (std::span<const ExtraFeature> e :
         {std::span<const ExtraFeature>(),
          std::span<const ExtraFeature>(extra)}) {
      const double margin = model->Margin(all, char_count, e);
      EXPECT_EQ(classifier_->Margin(*doc, e), margin) << sentence;
      EXPECT_EQ(classifier_->Score(*doc, e), model->Calibrate(margin))
          << sentence;
    }
    const double norm =
        all.empty() ? 0
                    : model->scale / std::sqrt(static_cast<double>(all.size()));
    std::vector<double> contributions;
    for (const std::vector<uint32_t>& token :
         TokenFeatures(*doc, model->features)) {
      int64_t sum = 0;
      for (uint32_t b : token) sum += model->weights[b];
      contributions.push_back(norm * static_cast<double>(sum));
    }
    EXPECT_EQ(classifier_->TokenContributions(*doc), contributions) << sentence;
  }
}

TEST_F(CommittedOffensiveModelTest, ScoreTextRejectsWhatIsNotAComment) {
  EXPECT_EQ(classifier_->ScoreText("").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(classifier_->ScoreText("bozuk \xC3\x28").status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(CommittedOffensiveModelTest, ConcurrentScoringGivesTheSameScores) {
  std::vector<text::Document> docs;
  std::vector<double> expected;
  for (std::span<const char* const> list :
       {std::span(kOffensive), std::span(kCivil)}) {
    for (const char* text : list) {
      docs.push_back(*text::Document::Parse(text));
      expected.push_back(classifier_->Score(docs.back()));
    }
  }
  std::vector<int> mismatches(8, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 200; ++round) {
        for (size_t i = 0; i < docs.size(); ++i) {
          size_t k = (i + t) % docs.size();
          if (classifier_->Score(docs[k]) != expected[k]) ++mismatches[t];
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (int t = 0; t < 8; ++t) EXPECT_EQ(mismatches[t], 0) << "thread " << t;
}

TEST_F(CommittedOffensiveModelTest, FileSaysHowToRebuildIt) {
  std::ifstream in(ModelPath());
  std::string first;
  std::getline(in, first);
  EXPECT_THAT(first,
              StartsWith("# GENERATED BY newsroom train offensive --data "));
  EXPECT_THAT(first, HasSubstr("; DO NOT EDIT"));
}

TEST(ClassifierLoadTest, BrokenFileIsInvalidArgumentNamingFileAndLine) {
  std::ifstream in(ModelPath());
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  // Break the third weight line.
  size_t weights = 0;
  while (weights < lines.size() && lines[weights].rfind("weights ", 0) != 0) {
    ++weights;
  }
  ASSERT_LT(weights + 3, lines.size());
  lines[weights + 3] = "12 not-a-number";
  const std::string path = testing::TempDir() + "/broken.model";
  {
    std::ofstream out(path);
    for (const std::string& line : lines) out << line << "\n";
  }
  auto c = Classifier::Load(path);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(c.status().message(),
              HasSubstr(path + ":" + std::to_string(weights + 4) + ":"));
  std::remove(path.c_str());
}

TEST(ClassifierLoadTest, MissingFileIsNotFoundAndSaysHowToBuildIt) {
  auto c = Classifier::Load("/nonexistent/offensive.model");
  EXPECT_EQ(c.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(c.status().message(), HasSubstr("/nonexistent/offensive.model"));
  EXPECT_THAT(c.status().message(), HasSubstr("newsroom train offensive"));
}

TEST(ClassifierLoadTest, TruncatedFileIsInvalidArgument) {
  std::ifstream in(ModelPath());
  std::stringstream contents;
  contents << in.rdbuf();
  std::string text = contents.str().substr(0, contents.str().size() / 2);
  auto c = Classifier::FromString(text, "half.model");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(c.status().message()), StartsWith("half.model:"));
}

}  // namespace
}  // namespace newsroom::classifier
