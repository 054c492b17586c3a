#include "moderation/english_phrase.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newsroom::moderation {
namespace {

class EnglishPhraseTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    turkish_ = morphology::Dictionary::Load(
                   morphology::Dictionary::Options::Turkish())
                   ->release();
    english_ = morphology::Dictionary::Load(
                   morphology::Dictionary::Options::English())
                   ->release();
  }

  // The words of `text` that belong to an English phrase.
  std::vector<std::string> Phrases(const std::string& text) {
    auto doc = text::Document::Parse(text);
    EXPECT_TRUE(doc.ok());
    std::vector<std::string> out;
    for (size_t i = 0; i < doc->tokens().size(); ++i) {
      if (InEnglishPhrase(*doc, i, *english_, *turkish_)) {
        out.emplace_back(doc->tokens()[i].text);
      }
    }
    return out;
  }

  static const morphology::Dictionary* turkish_;
  static const morphology::Dictionary* english_;
};

const morphology::Dictionary* EnglishPhraseTest::turkish_ = nullptr;
const morphology::Dictionary* EnglishPhraseTest::english_ = nullptr;

using Words = std::vector<std::string>;

TEST_F(EnglishPhraseTest, TwoEnglishWordsInARowAreAPhrase) {
  EXPECT_EQ(Phrases("Haberi okuyunca so sad dedim."), (Words{"so", "sad"}));
  EXPECT_EQ(Phrases("Oyuncu box kick ile topu uzaklaştırdı."),
            (Words{"box", "kick"}));
  EXPECT_EQ(Phrases("Bence bu iş win win olur."), (Words{"win", "win"}));
}

TEST_F(EnglishPhraseTest, AnEnglishWordAmongTurkishOnesIsNoPhrase) {
  // "ask" is "aşk" typed without ş, "bird" is "bir" mistyped.
  EXPECT_TRUE(Phrases("seni ask ile seviyorum").empty());
  EXPECT_TRUE(Phrases("bird daha yapma bunu").empty());
  // Turkish words typed without their letters are no English phrase,
  // next to "bi" ("bir", informally) neither.
  EXPECT_TRUE(Phrases("cok guzel bir haber olmus").empty());
  EXPECT_TRUE(Phrases("Bi gun mutlu oluruz").empty());
  EXPECT_TRUE(Phrases("kendimize gore bi tutkumuz var").empty());
  // A sentence's end parts the words: "sad." and "So" are not in a row.
  EXPECT_TRUE(Phrases("Bu çok sad. So ne yapalım?").empty());
}

}  // namespace
}  // namespace newsroom::moderation
