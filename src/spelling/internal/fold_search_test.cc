#include "spelling/internal/fold_search.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "spelling/internal/letters.h"
#include "spelling/internal/test_forms.h"
#include "text/utf8.h"

namespace newsroom::spelling::internal {
namespace {

const FormSet& HunspellTr() { return HunspellTrForms(); }

std::vector<std::string> Find(const char* typed, int edits) {
  std::vector<std::u32string> found;
  FoldSearch(HunspellTr()).Find(text::ToUtf32(typed), edits, &found);
  std::vector<std::string> out;
  for (const std::u32string& f : found) out.push_back(text::ToUtf8(f));
  return out;
}

bool Has(const std::vector<std::string>& v, const std::string& w) {
  return std::find(v.begin(), v.end(), w) != v.end();
}

TEST(FoldClassTest, LettersAWordMayStandFor) {
  EXPECT_EQ(FoldClass(U'i'), U"iı");
  EXPECT_EQ(FoldClass(U'ı'), U"ıi");
  EXPECT_EQ(FoldClass(U'g'), U"gğ");
  EXPECT_EQ(FoldClass(U'ğ'), U"ğg");
  EXPECT_EQ(FoldClass(U'ş'), U"şs");
  EXPECT_EQ(FoldClass(U'c'), U"cç");
  EXPECT_EQ(FoldClass(U'o'), U"oö");
  EXPECT_EQ(FoldClass(U'u'), U"uü");
  EXPECT_EQ(FoldClass(U'â'), U"âa");
  EXPECT_EQ(FoldClass(U'î'), U"îiı");
  EXPECT_EQ(FoldClass(U'û'), U"ûuü");
  EXPECT_EQ(FoldClass(U'a'), U"a");  // nobody types a for â
  EXPECT_EQ(FoldClass(U'k'), U"k");
  EXPECT_EQ(FoldClass(U'\''), U"'");
}

// Words typed with several Turkish letters wrong at once: one edit away
// from nothing, one fold away from the word meant.
TEST(FoldSearchTest, FindsTheWordBehindEveryWrongLetter) {
  struct Case {
    const char* typed;
    const char* want;
  };
  const Case cases[] = {
      {"açabıleceğımız", "açabileceğimiz"},  // ı for i, four times
      {"acabilecegimiz", "açabileceğimiz"},  // no Turkish letter at all
      {"dusunuyorum", "düşünüyorum"},
      {"ogrencilerimiz", "öğrencilerimiz"},
      {"cocuklugumuzda", "çocukluğumuzda"},
      {"ısık", "ışık"},
      {"sehır", "şehir"},
      {"gunluk", "günlük"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> found = Find(c.typed, 0);
    EXPECT_TRUE(Has(found, c.want)) << c.typed;
  }
}

TEST(FoldSearchTest, WithoutAnEditFindsOnlyFoldEqualFormsAndNeverTheWord) {
  for (const char* typed : {"cok", "acmadik", "guzel", "kitap", "haberlr"}) {
    std::vector<std::string> found = Find(typed, 0);
    for (const std::string& f : found) {
      EXPECT_NE(f, typed);
      std::u32string a = text::ToUtf32(f), b = text::ToUtf32(typed);
      ASSERT_EQ(a.size(), b.size()) << f;
      for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(Fold(a[i]), Fold(b[i]));
    }
  }
  EXPECT_TRUE(Has(Find("cok", 0), "çok"));
  EXPECT_TRUE(Find("kitap", 0).empty());    // already right: nothing else
  EXPECT_TRUE(Find("haberlr", 0).empty());  // a typo, not letters
}

// Letters wrong and a slip of the finger in the same word.
TEST(FoldSearchTest, WithOneEditFindsLettersAndATypoTogether) {
  struct Case {
    const char* typed;
    const char* want;
  };
  const Case cases[] = {
      {"acmadk", "açmadık"},                 // a letter left out
      {"ogrencilr", "öğrenciler"},           // a vowel left out
      {"dusunuyroum", "düşünüyorum"},        // two letters swapped
      {"cocuklugumuzfa", "çocukluğumuzda"},  // f for d
      {"gunlukk", "günlük"},                 // a letter typed twice
  };
  for (const Case& c : cases) {
    EXPECT_FALSE(Has(Find(c.typed, 0), c.want)) << c.typed;
    EXPECT_TRUE(Has(Find(c.typed, 1), c.want)) << c.typed;
  }
}

// hunspell-tr lacks most closing suffixes on inflected words: the form
// before them is a form, and the suffix follows its vowels.
TEST(FoldSearchTest, FindsWordsTheSetLacksForAClosingSuffix) {
  struct Case {
    const char* typed;
    const char* want;
  };
  const Case cases[] = {
      {"kahvelerdı", "kahvelerdi"},            // -DI after a plural
      {"bekletebılırdı", "bekletebilirdi"},    // after -(y)Abil-Ir
      {"iletiliyordur", "iletiliyordur"},      // typed right: not found
      {"iletılıyordur", "iletiliyordur"},      // -DIr
      {"animatorlerdeki", "animatörlerdeki"},  // -ki after a locative
  };
  for (const Case& c : cases) {
    std::vector<std::u32string> found;
    FoldSearch(HunspellTr()).FindSuffixed(text::ToUtf32(c.typed), &found);
    bool has = std::find(found.begin(), found.end(), text::ToUtf32(c.want)) !=
               found.end();
    EXPECT_EQ(has, std::string(c.typed) != c.want) << c.typed;
    EXPECT_FALSE(Has(Find(c.typed, 0), c.want)) << c.typed;  // not a form
  }
  // Forms themselves are Find()'s, not FindSuffixed()'s.
  std::vector<std::u32string> found;
  FoldSearch(HunspellTr()).FindSuffixed(U"gelmıyorum", &found);
  EXPECT_EQ(std::find(found.begin(), found.end(), U"gelmiyorum"), found.end());
}

TEST(FoldSearchTest, FindsNamesWhoseApostropheWasLeftOut) {
  std::vector<std::u32string> forms, suffixed;
  FoldSearch(HunspellTr()).FindBoth(U"nevsehıre", &forms, &suffixed);
  EXPECT_NE(std::find(suffixed.begin(), suffixed.end(), U"nevşehir'e"),
            suffixed.end());
  // A form with its apostrophe is Find()'s: "izmir'de" is hunspell-tr's.
  EXPECT_TRUE(Has(Find("izmırde", 0), "izmir'de"));
  EXPECT_TRUE(Has(Find("ankarada", 0), "ankara'da"));
  // A word typed with an apostrophe gets no second one.
  for (const std::string& f : Find("izmır'de", 0)) {
    EXPECT_EQ(std::count(f.begin(), f.end(), '\''), 1) << f;
  }
}

TEST(FoldSearchTest, OneWalkFindsWhatTwoWould) {
  for (const char* typed :
       {"kahvelerdı", "nevsehıre", "turkıyede", "açabıleceğımız"}) {
    std::u32string w = text::ToUtf32(typed);
    std::vector<std::u32string> forms, suffixed, forms2, suffixed2;
    FoldSearch search(HunspellTr());
    search.FindBoth(w, &forms, &suffixed);
    search.Find(w, 0, &forms2);
    search.FindSuffixed(w, &suffixed2);
    EXPECT_EQ(forms, forms2) << typed;
    EXPECT_EQ(suffixed, suffixed2) << typed;
  }
}

TEST(ApostropheSuffixesTest, ChainsThatFoldLikeTheTypedOnesInHarmony) {
  struct Case {
    std::u32string_view stem, typed;
    std::vector<std::u32string> want;
  };
  const Case cases[] = {
      {U"atina", U"dan", {U"dan"}}, {U"antalya", U"dakıler", {U"dakiler"}},
      {U"artvin", U"ın", {U"in"}},  // front: not "ın"
      {U"mehmet", U"e", {U"e"}},    {U"ankara", U"xyz", {}},  // no suffix
      {U"ankara", U"ıııııııı", {}},  // too many letters to choose
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ApostropheSuffixes(c.stem, c.typed), c.want)
        << text::ToUtf8(c.stem) << "'" << text::ToUtf8(c.typed);
  }
}

TEST(FoldSearchTest, StaysWithinItsLimits) {
  FoldSearch search(HunspellTr());
  std::vector<std::u32string> found;
  FoldSearch::Limits few;
  few.max_probes = 10;
  EXPECT_FALSE(search.Find(U"açabıleceğımız", 1, few, &found));
  FoldSearch::Limits one;
  one.max_results = 1;
  found.clear();
  EXPECT_FALSE(search.Find(U"acmadik", 0, one, &found));
  EXPECT_EQ(found.size(), 1u);
  // Too long to search at all: nothing found, and said so.
  found.clear();
  std::u32string long_word(41, U'i');
  EXPECT_FALSE(search.Find(long_word, 1, &found));
  EXPECT_TRUE(found.empty());
  // A complete search says so.
  EXPECT_TRUE(search.Find(U"cok", 0, &found));
}

// The set of every hunspell-tr form again, its fingerprints with another
// base than the process's (any base in [2, 2^61 − 1) is a valid one).
const FormSet& HunspellTrWithBase(int which) {
  static const FormSet* sets[2] = {};
  static constexpr uint64_t kBases[2] = {0x0123456789abcdull,
                                         0x1f2e3d4c5b6a79ull};
  if (sets[which] == nullptr) {
    auto loaded = FormSet::Load("/usr/share/hunspell/tr_TR.aff",
                                "/usr/share/hunspell/tr_TR.dic", kBases[which]);
    EXPECT_TRUE(loaded.ok()) << loaded.status();
    sets[which] = loaded->release();
  }
  return *sets[which];
}

// Long words with many letters that fold: the walk with one edit reaches
// its budget, and where it stops must not depend on the fingerprints.
TEST(FoldSearchTest, FindsTheSameWhateverTheHashBase) {
  const FormSet* sets[] = {&HunspellTr(), &HunspellTrWithBase(0),
                           &HunspellTrWithBase(1)};
  ASSERT_NE(sets[1]->hash_base(), sets[2]->hash_base());
  for (const char* typed :
       {"kudurusunuz", "soparisin", "acabilecegimiz", "ogrencilerimizin",
        "kuduruşunuz", "şoparısın", "cocuklugumuzda", "dusunuyorum",
        "isizliginin", "ulkemizdeki", "guzellestirilmis", "sogusturulmus"}) {
    const std::u32string w = text::ToUtf32(typed);
    std::vector<std::u32string> first[3], forms[3], suffixed[3];
    bool complete[3];
    for (int k = 0; k < 3; ++k) {
      FoldSearch search(*sets[k]);
      complete[k] = search.Find(w, 1, &first[k]);
      search.FindBoth(w, &forms[k], &suffixed[k]);
    }
    EXPECT_FALSE(complete[0]) << typed << ": the budget was not reached";
    for (int k = 1; k < 3; ++k) {
      EXPECT_EQ(first[k], first[0]) << typed << ", base " << k;
      EXPECT_EQ(complete[k], complete[0]) << typed << ", base " << k;
      EXPECT_EQ(forms[k], forms[0]) << typed << ", base " << k;
      EXPECT_EQ(suffixed[k], suffixed[0]) << typed << ", base " << k;
    }
  }
}

TEST(FoldSearchTest, AppendsWithoutRepeatingWhatWasFound) {
  FoldSearch search(HunspellTr());
  std::vector<std::u32string> found;
  search.Find(U"acmadik", 0, &found);
  const size_t first = found.size();
  ASSERT_GT(first, 0u);
  search.Find(U"acmadik", 0, &found);
  EXPECT_EQ(found.size(), first);
}

}  // namespace
}  // namespace newsroom::spelling::internal
