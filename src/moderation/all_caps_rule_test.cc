#include "moderation/all_caps_rule.h"

#include <gtest/gtest.h>

#include "datadir/datadir.h"

namespace newsroom::moderation {
namespace {

const morphology::Dictionary* Turkish() {
  static const morphology::Dictionary* d =
      morphology::Dictionary::Load(morphology::Dictionary::Options::Turkish())
          ->release();
  return d;
}

class AllCapsRuleTest : public ::testing::Test {
 protected:
  AllCapsRuleTest()
      : rule_(Policy().all_caps,
              *LoadAcronyms(datadir::Get() + "/lexicon/acronyms.txt"),
              Turkish()) {}

  std::optional<Finding> Check(
      const std::string& text,
      langid::Language language = langid::Language::kTurkish) {
    auto doc = text::Document::Parse(text);
    EXPECT_TRUE(doc.ok()) << doc.status();
    doc_ = std::move(*doc);
    Comment c(*doc_, language);
    return rule_.Check(&c);
  }

  bool Violates(const std::string& text) {
    std::optional<Finding> f = Check(text);
    return f.has_value() && f->score >= Policy().all_caps.threshold;
  }

  AllCapsRule rule_;
  std::optional<text::Document> doc_;
};

TEST_F(AllCapsRuleTest, CommentsInCapitalsViolate) {
  const char* cases[] = {
      "BU HABER TAMAMEN YALAN, UTANMADAN YAZMIŞSINIZ!",
      "IŞIK HIZINDA ZAM GELDİ",
      "REZALET!!!",
      "HÜKÜMET İSTİFA ETMELİ",
      "THIS IS A DISGRACE",
      "ÇOK GÜZEL BİR HABER OLMUŞ 👏",
      "BU NASIL İŞ? ABD'YE NE DİYECEĞİZ",  // acronyms do not dilute it
  };
  for (const char* c : cases) EXPECT_TRUE(Violates(c)) << c;
}

TEST_F(AllCapsRuleTest, TrapsThatMustNotFire) {
  const char* cases[] = {
      "TBMM Genel Kurulu'nda CHP ve MHP milletvekilleri tartıştı.",
      "NATO zirvesi ABD ve AB liderlerini bir araya getirdi.",
      "Bu haber GERÇEKTEN çok kötü yazılmış.",     // one shouted word
      "İstanbul'da yağmur bekleniyor.",            // İ is not shouting
      "Işıklar söndü, Ilgaz'a kar yağdı.",
      "TAMAM",                                     // too short to be shouting
      "NATO, AB, BM, FIFA",                        // only acronyms
      "FIFA ve UEFA'nın kararı TFF'yi üzdü.",
      "Haberi okudum. OK.",
  };
  for (const char* c : cases) EXPECT_FALSE(Violates(c)) << c;
}

TEST_F(AllCapsRuleTest, FixUsesTurkishSentenceCaseAndKeepsAcronyms) {
  struct Case {
    const char* text;
    const char* fix;
  };
  const Case cases[] = {
      {"IŞIK HIZINDA ZAM GELDİ", "Işık hızında zam geldi"},
      {"BU HABER YALAN. İSTANBUL'DA KİMSE İNANMAZ!",
       "Bu haber yalan. İstanbul'da kimse inanmaz!"},
      {"ABD VE NATO BU İŞE KARIŞMASIN", "ABD ve NATO bu işe karışmasın"},
      {"ÇOK GÜZEL 👏 TEŞEKKÜRLER @USER", "Çok güzel 👏 teşekkürler @USER"},
  };
  for (const Case& c : cases) {
    std::optional<Finding> f = Check(c.text);
    ASSERT_TRUE(f.has_value()) << c.text;
    ASSERT_TRUE(f->fix.has_value());
    EXPECT_EQ(*f->fix, c.fix);
  }
}

TEST_F(AllCapsRuleTest, FixOfAnEnglishCommentUsesEnglishCase) {
  struct Case {
    const char* text;
    const char* fix;
  };
  const Case cases[] = {
      {"THIS IS A DISGRACE", "This is a disgrace"},
      {"NEITHER DO I! I'M TIRED OF THIS", "Neither do I! I'm tired of this"},
      {"WHY DID THE NATO SUMMIT FAIL", "Why did the NATO summit fail"},
  };
  for (const Case& c : cases) {
    std::optional<Finding> f = Check(c.text, langid::Language::kEnglish);
    ASSERT_TRUE(f.has_value()) << c.text;
    ASSERT_TRUE(f->fix.has_value());
    EXPECT_EQ(*f->fix, c.fix);
  }
}

TEST_F(AllCapsRuleTest, SpansPointAtTheShoutedWords) {
  std::optional<Finding> f = Check("Bu haber GERÇEKTEN kötü");
  ASSERT_TRUE(f.has_value());
  EXPECT_LT(f->score, Policy().all_caps.threshold);
  ASSERT_EQ(f->spans.size(), 1u);
  EXPECT_EQ(f->spans[0].start, 9);
  EXPECT_EQ(f->spans[0].end, 18);
  EXPECT_EQ(f->spans[0].text, "GERÇEKTEN");
  EXPECT_EQ(f->spans[0].replacement, "gerçekten");
}

TEST_F(AllCapsRuleTest, NormalTextReportsNothing) {
  EXPECT_FALSE(Check("Çok güzel bir haber olmuş, teşekkürler.").has_value());
}

TEST_F(AllCapsRuleTest, PolicyAllowListAddsAcronyms) {
  AllCapsPolicy policy;
  policy.allow = {"haberturk"};
  AllCapsRule rule(policy, {}, nullptr);
  EXPECT_TRUE(rule.IsAcronym("HABERTURK"));
  EXPECT_TRUE(rule.IsAcronym("HABERTURK'te"));
  EXPECT_FALSE(rule.IsAcronym("NATO"));  // empty built-in list here
}

}  // namespace
}  // namespace newsroom::moderation
