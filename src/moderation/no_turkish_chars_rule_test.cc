#include "moderation/no_turkish_chars_rule.h"

#include <gtest/gtest.h>

namespace newsroom::moderation {
namespace {

class NoTurkishCharsRuleTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    turkish_ = morphology::Dictionary::Load(
                   morphology::Dictionary::Options::Turkish())
                   ->release();
    auto d = deasciify::Deasciifier::Load(
        deasciify::Deasciifier::DefaultModelPath(), turkish_);
    ASSERT_TRUE(d.ok()) << d.status();
    deasciifier_ = d->release();
  }

  std::optional<Finding> Check(const std::string& text,
                               const NoTurkishCharsPolicy& policy = {}) {
    auto doc = text::Document::Parse(text);
    EXPECT_TRUE(doc.ok());
    doc_ = std::move(*doc);
    comment_.emplace(*doc_, langid::Language::kTurkish);
    NoTurkishCharsRule rule(policy, *deasciifier_, turkish_);
    return rule.Check(&*comment_);
  }

  double Score(const std::string& text) {
    std::optional<Finding> f = Check(text);
    return f.has_value() ? f->score : 0.0;
  }

  static const morphology::Dictionary* turkish_;
  static const deasciify::Deasciifier* deasciifier_;
  std::optional<text::Document> doc_;
  std::optional<Comment> comment_;
};

const morphology::Dictionary* NoTurkishCharsRuleTest::turkish_ = nullptr;
const deasciify::Deasciifier* NoTurkishCharsRuleTest::deasciifier_ = nullptr;

TEST_F(NoTurkishCharsRuleTest, TurkishTypedWithoutTurkishLettersViolates) {
  const char* cases[] = {
      "cok guzel bir haber olmus",
      "bu ulkede hicbir sey degismiyor",
      "tesekkurler, cok faydali oldu",
      "ogretmenlerin maaslari artirilmali",
      "COK GUZEL BIR HABER",
      "Metni Sayilara Donusturmek",                    // a title: common words
      "bence yanlis karar",
  };
  for (const char* c : cases) EXPECT_GE(Score(c), 0.5) << c;
}

TEST_F(NoTurkishCharsRuleTest, TrapsThatMustNotFire) {
  const char* cases[] = {
      "bu haber iyi",                                  // needs no Turkish letter
      "Çok güzel bir haber olmuş, teşekkürler.",       // written correctly
      "Ahmet Bey ile Selim Bey dün Kemal Sunal filmi izledi",  // names; no letter needed
      "Çok güzel bir haber, tesekkurler ama",          // one slip, Turkish keyboard
      "@USER #gundem https://ornek.com/cok-guzel 2026",  // not words
      // Words as typed, which the deasciifier would rather see with a
      // Turkish letter, but not surely: "su" (water) is not "şu".
      "Su buz gibi.",
      "Su.",
      "Bas gaza!",
      // The letter model's guesses at words it never saw ("pıntiydi").
      "Tom pintiydi.",
      "Bu burcun erkekleri biraz havaidirler.",
  };
  for (const char* c : cases) EXPECT_LT(Score(c), 0.5) << c;
}

// The same words count when a word beside them cannot be meant as typed.
TEST_F(NoTurkishCharsRuleTest, AmbiguousWordsCountBesideUnmistakableOnes) {
  const char* cases[] = {
      "su an cok mutluyum",
      "bas agrisi cekiyorum",
      "Su buz gibi, cok guzel.",
  };
  for (const char* c : cases) {
    std::optional<Finding> f = Check(c);
    ASSERT_TRUE(f.has_value()) << c;
    EXPECT_GE(f->score, 0.5) << c;
    EXPECT_TRUE(f->fix.has_value()) << c;
  }
  // A word-as-typed alone is still marked and restored in the fix.
  std::optional<Finding> f = Check("Su buz gibi.");
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->score, 0);
  EXPECT_EQ(f->fix, "Şu buz gibi.");
}

TEST_F(NoTurkishCharsRuleTest, SpansFixAndCountedWords) {
  std::optional<Finding> f = Check("Istanbul'da hava cok guzel");
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->fix, "İstanbul'da hava çok güzel");
  ASSERT_GE(f->spans.size(), 2u);
  // Tokens: Istanbul'da hava cok guzel → "cok" and "guzel" are counted.
  EXPECT_TRUE(comment_->counted[2]);
  EXPECT_TRUE(comment_->counted[3]);
  EXPECT_FALSE(comment_->counted[1]);
}

TEST_F(NoTurkishCharsRuleTest, NamesAreRestoredButNotCounted) {
  std::optional<Finding> f = Check("Dun aksam Sisli'de konser vardi");
  ASSERT_TRUE(f.has_value());
  for (size_t i = 0; i < comment_->counted.size(); ++i) {
    if (doc_->tokens()[i].text == "Sisli'de") {
      EXPECT_FALSE(comment_->counted[i]);
    }
  }
}

TEST_F(NoTurkishCharsRuleTest, AllowListedWordsAreNotCounted) {
  NoTurkishCharsPolicy policy;
  policy.allow = {"cok"};
  std::optional<Finding> f = Check("cok", policy);
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->score, 0);
}

}  // namespace
}  // namespace newsroom::moderation
