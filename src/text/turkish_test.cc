#include "text/turkish.h"

#include <gtest/gtest.h>

#include <string>

#include "text/casing.h"
#include "text/utf8.h"

namespace newsroom::text {
namespace {

TEST(TurkishTest, TheTwelveTurkishLettersAndNothingElse) {
  for (char32_t c : U"çğıöşüÇĞİÖŞÜ") {
    if (c == 0) continue;
    EXPECT_TRUE(IsTurkishLetter(c)) << static_cast<uint32_t>(c);
  }
  for (char32_t c : U"cgiosuCGIOSUâîûÂÎÛäé€ 1") {
    if (c == 0) continue;
    EXPECT_FALSE(IsTurkishLetter(c)) << static_cast<uint32_t>(c);
  }
}

TEST(TurkishTest, FoldingAndCounterpartsAreInverse) {
  const std::u32string turkish = U"çğıöşü";
  const std::string ascii = "cgiosu";
  for (size_t k = 0; k < ascii.size(); ++k) {
    EXPECT_EQ(AsciiFoldLower(turkish[k]), ascii[k]);
    EXPECT_EQ(TurkishCounterpart(ascii[k]), turkish[k]);
    EXPECT_EQ(AsciiFoldLetter(turkish[k]), ascii[k]);
  }
  const std::u32string upper = U"ÇĞİÖŞÜ";  // İ is the one ASCII lacks
  for (size_t k = 0; k < upper.size(); ++k) {
    EXPECT_EQ(AsciiFoldLetter(upper[k]), ascii[k] - ('a' - 'A'))
        << static_cast<uint32_t>(upper[k]);
  }
  EXPECT_EQ(AsciiFoldLower(U'â'), 'a');
  EXPECT_EQ(AsciiFoldLower(U'î'), 'i');
  EXPECT_EQ(AsciiFoldLower(U'û'), 'u');
  EXPECT_EQ(AsciiFoldLetter(U'Û'), 'U');
  EXPECT_EQ(AsciiFoldLetter(U'İ'), 'I');
  // Upper case and other letters do not fold through AsciiFoldLower.
  EXPECT_EQ(AsciiFoldLower(U'Ç'), 0);
  EXPECT_EQ(AsciiFoldLower('c'), 0);
  EXPECT_EQ(AsciiFoldLetter(U'é'), 0);
  for (char c : std::string("abdefhjklmnprtvyz'1")) {
    EXPECT_EQ(TurkishCounterpart(c), 0u) << c;
  }
}

TEST(TurkishTest, WithoutCircumflexKeepsEverythingElse) {
  const std::u32string marked = U"âîûÂÎÛ";
  const std::u32string plain = U"aiuAIU";
  for (size_t k = 0; k < marked.size(); ++k) {
    EXPECT_EQ(WithoutCircumflex(marked[k]), plain[k]);
  }
  for (char32_t c : std::u32string(U"aiuçğıöşüÇĞİÖŞÜéê’'x")) {
    EXPECT_EQ(WithoutCircumflex(c), c) << static_cast<uint32_t>(c);
  }
}

TEST(TurkishTest, DottedAndDotlessIOneCodePointAtATime) {
  struct Case {
    char32_t upper, lower;
  };
  const Case cases[] = {
      {'I', U'ı'},  {U'İ', 'i'},  {U'Ç', U'ç'}, {U'Ğ', U'ğ'}, {U'Ö', U'ö'},
      {U'Ş', U'ş'}, {U'Ü', U'ü'}, {U'Â', U'â'}, {U'Î', U'î'}, {U'Û', U'û'},
      {'A', 'a'},   {'Z', 'z'},   {U'Ä', U'ä'},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ToLowerTrSimple(c.upper), c.lower)
        << static_cast<uint32_t>(c.upper);
    EXPECT_EQ(ToUpperTrSimple(c.lower), c.upper)
        << static_cast<uint32_t>(c.lower);
  }
  EXPECT_EQ(ToUpperTrSimple('1'), U'1');
  EXPECT_EQ(ToUpperTrSimple(U'ß'), U'ß');  // one to one: no "SS"
  EXPECT_EQ(ToLowerTrSimple(U'Σ'), 0u);    // decided by the neighbours
}

TEST(TurkishTest, UpperCaseOneCodePointAgreesWithIcuOnWords) {
  for (std::string word : {"ışık", "istanbul", "çiğdem öğüt", "kâğıt", "millî",
                           "mahkûm", "ıslıkçı"}) {
    std::string upper;
    for (char32_t c : ToUtf32(word))
      AppendCodePoint(ToUpperTrSimple(c), &upper);
    EXPECT_EQ(upper, ToUpperTr(word));
  }
}

TEST(TurkishTest, VowelClasses) {
  struct Case {
    char32_t vowel;
    bool back, round;
  };
  const Case cases[] = {
      {'a', true, false},   {'e', false, false}, {U'ı', true, false},
      {'i', false, false},  {'o', true, true},   {U'ö', false, true},
      {'u', true, true},    {U'ü', false, true}, {U'â', true, false},
      {U'î', false, false}, {U'û', true, true},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(static_cast<uint32_t>(c.vowel));
    EXPECT_TRUE(IsVowel(c.vowel));
    EXPECT_EQ(IsBackVowel(c.vowel), c.back);
    EXPECT_EQ(IsRoundVowel(c.vowel), c.round);
  }
  for (char32_t c : U"bcçdfgğhjklmnprsştvyzA") {
    if (c == 0) continue;
    EXPECT_FALSE(IsVowel(c)) << static_cast<uint32_t>(c);
    EXPECT_FALSE(IsBackVowel(c));
    EXPECT_FALSE(IsRoundVowel(c));
  }
}

TEST(TurkishTest, VoicelessConsonantsOfFistikciSahap) {
  for (char32_t c : U"fstkçşhp") {
    if (c == 0) continue;
    EXPECT_TRUE(IsVoiceless(c)) << static_cast<uint32_t>(c);
  }
  for (char32_t c : U"bcdgğjlmnrvyzae") {
    if (c == 0) continue;
    EXPECT_FALSE(IsVoiceless(c)) << static_cast<uint32_t>(c);
  }
}

TEST(TurkishTest, SuffixVowelsFollowTheLastVowel) {
  struct Case {
    std::u32string word;
    char32_t low;   // -lAr
    char32_t high;  // -(y)I
  };
  const Case cases[] = {
      {U"kitap", 'a', U'ı'},  // kitaplar, kitabı
      {U"ev", 'e', 'i'},      // evler, evi
      {U"göz", 'e', U'ü'},    // gözler, gözü
      {U"okul", 'a', 'u'},    // okullar, okulu
      {U"kız", 'a', U'ı'},    // kızlar, kızı
      {U"mahkûm", 'a', 'u'},  // mahkûmlar, mahkûmu
      {U"millî", 'e', 'i'},   // millîler, millîyi
      {U"kâr", 'a', U'ı'},    // kârlar, kârı
      {U"tv", 'e', 'i'},      // no vowel: read by letter names
  };
  for (const Case& c : cases) {
    EXPECT_EQ(LowVowelAfter(c.word), c.low) << ToUtf8(c.word);
    EXPECT_EQ(HighVowelAfter(c.word), c.high) << ToUtf8(c.word);
  }
  EXPECT_EQ(LastVowel(U"istanbul"), 'u');
  EXPECT_EQ(LastVowel(U"krk"), 0u);
}

TEST(TurkishTest, LastVowelOfTypedWordsInAnyCase) {
  struct Case {
    std::string word;
    char32_t vowel;
  };
  const Case cases[] = {
      {"ISIK", U'ı'},  // ASCII I reads as ı
      {"İSTANBUL", 'u'}, {"Ankara'da", 'a'}, {"GÖZ", U'ö'}, {"kâr", 'a'},
      {"MİLLÎ", 'i'},    {"mahkûm", 'u'},    {"TBMM", 0},   {"", 0},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(LastVowelOfUtf8(c.word), c.vowel) << c.word;
  }
}

}  // namespace
}  // namespace newsroom::text
