#include "spelling/internal/form_set.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>

#include "morphology/dictionary.h"
#include "spelling/internal/letters.h"
#include "spelling/internal/test_forms.h"
#include "text/utf8.h"

namespace newsroom::spelling::internal {
namespace {

// Unique per process, since ctest runs the tests of one file in parallel.
std::string Write(const std::string& name, const std::string& contents) {
  std::string path = (std::filesystem::temp_directory_path() /
                      (std::to_string(::getpid()) + "_" + name))
                         .string();
  std::ofstream(path) << contents;
  return path;
}

// A small dictionary in hunspell-tr's style, its files removed at the end.
class SmallDictionary {
 public:
  explicit SmallDictionary(const std::string& aff_extra = "") {
    aff_ = Write("form_set_test.aff",
                 "SET UTF-8\nLANG tr_TR\nFLAG num\n" + aff_extra +
                     "SFX 1 N 1\nSFX 1 0 lar .\n"
                     "SFX 2 N 1\nSFX 2 p bı p\n"  // kitap → kitabı
                     "SFX 3 N 1\nSFX 3 0 'da [^aeıioöuü]\n");
    dic_ = Write("form_set_test.dic",
                 "7\nkitap/1,2\nAnkara/3\nTokat/3\nABD\nİzmir/1\nNATO/1\n"
                 "LibreOffice/1\n");
  }
  ~SmallDictionary() {
    std::remove(aff_.c_str());
    std::remove(dic_.c_str());
  }
  const std::string& aff() const { return aff_; }
  const std::string& dic() const { return dic_; }

 private:
  std::string aff_, dic_;
};

TEST(FormSetTest, ExpandsSuffixRulesWithStripAndCondition) {
  SmallDictionary d;
  auto set = FormSet::Load(d.aff(), d.dic());
  ASSERT_TRUE(set.ok()) << set.status();
  EXPECT_TRUE((*set)->Contains(U"kitap"));
  EXPECT_TRUE((*set)->Contains(U"kitaplar"));
  EXPECT_TRUE((*set)->Contains(U"kitabı"));
  EXPECT_FALSE((*set)->Contains(U"kitapbı"));
  EXPECT_TRUE((*set)->Contains(U"ankara"));      // lower-cased
  EXPECT_FALSE((*set)->Contains(U"ankara'da"));  // condition: ends in vowel
  EXPECT_TRUE((*set)->Contains(U"tokat'da"));
  EXPECT_TRUE((*set)->Contains(U"izmirlar"));
  // kitap kitaplar kitabı ankara tokat tokat'da abd izmir izmirlar nato
  // natolar libreoffice libreofficelar
  EXPECT_EQ((*set)->size(), 13u);
  EXPECT_TRUE((*set)->covers_dictionary());
}

struct AcceptsCase {
  const char* word;
  std::optional<bool> accepted;  // what Hunspell says, or nullopt
};

TEST(FormSetTest, AcceptsAnswersForHunspellWhereTheCapitalsAllow) {
  SmallDictionary d;
  auto set = FormSet::Load(d.aff(), d.dic());
  ASSERT_TRUE(set.ok()) << set.status();
  const AcceptsCase cases[] = {
      {"kitap", true},  // lower case, written so
      {"Kitap", true},  // title case: the lower case is a form
      {"KİTAP", true},  // capitals: likewise
      {"kitabı", true},
      {"kitapbı", false},  // no form, whatever the capitals
      {"KİTAPBI", false},
      {"ankara", false},  // written "Ankara" only
      {"Ankara", true},
      {"ANKARA", true},
      {"tokat'da", false},
      {"Tokat'da", true},
      {"TOKAT'DA", std::nullopt},  // capitals with an apostrophe
      {"abd", false},              // written "ABD" only
      {"Abd", false},
      {"ABD", true},
      {"izmir", false},
      {"İzmir", true},
      {"İzmirlar", true},
      {"Izmir", false},         // I is the capital of ı: another word
      {"İZMİR", std::nullopt},  // Hunspell refuses a leading İ in capitals
      {"NATO", true},
      {"NATOLAR", true},   // the hidden twin "Nato" + "lar"
      {"Natolar", false},  // the twin is for capitals only
      {"natolar", false},
      {"LİBREOFFİCE", true},  // the hidden twin "Libreoffice"
      {"LİBREOFFİCELAR", true},
      {"LIBREOFFICE", false},  // I is the capital of ı: "lıbreoffıce"
      {"Libreoffice", false},
      {"LibreOffice", std::nullopt},  // mixed capitals
      {"kİtap", std::nullopt},
      {"kitap-lar", std::nullopt},
      {"3kitap", std::nullopt},
      {"kitap’ta", std::nullopt},
      {"", std::nullopt},
  };
  for (const AcceptsCase& t : cases) {
    EXPECT_EQ((*set)->Accepts(text::ToUtf32(t.word)), t.accepted) << t.word;
  }
}

TEST(FormSetTest, AcceptsAgreesWithHunspellOnTheSmallDictionary) {
  SmallDictionary d;
  auto set = FormSet::Load(d.aff(), d.dic());
  ASSERT_TRUE(set.ok()) << set.status();
  morphology::Dictionary::Options o{d.aff(), d.dic(), 1};
  auto hunspell = morphology::Dictionary::Load(o);
  ASSERT_TRUE(hunspell.ok()) << hunspell.status();
  for (const char* w :
       {"kitap", "kitaplar", "kitabı", "ankara", "tokat'da", "abd", "izmir",
        "izmirlar", "kitapbı", "ankaralar", "nato", "natolar", "libreoffice",
        "libreofficelar", "abdlar"}) {
    std::u32string lower = text::ToUtf32(w);
    for (const std::u32string& v :
         {lower, ApplyShape(lower, CaseShape::kTitle), UpperTr(lower)}) {
      std::optional<bool> accepted = (*set)->Accepts(v);
      if (accepted.has_value()) {
        EXPECT_EQ(*accepted, (*hunspell)->Spell(text::ToUtf8(v)))
            << text::ToUtf8(v);
      }
    }
  }
}

TEST(FormSetTest, MakesNoPromiseForAffixFilesItDoesNotCover) {
  const char* extras[] = {"PFX 9 Y 1\nPFX 9 0 un .\n",  // prefixes
                          "COMPOUNDFLAG 7\n", "IGNORE ı\n",
                          "LANG en_US\n",  // not Turkish capitals
                          "SFX 8 N 1\nSFX 8 0 ler/1 .\n"};  // continuation
  for (const char* extra : extras) {
    SmallDictionary d(extra);
    auto set = FormSet::Load(d.aff(), d.dic());
    ASSERT_TRUE(set.ok()) << set.status();
    EXPECT_FALSE((*set)->covers_dictionary()) << extra;
    EXPECT_EQ((*set)->Accepts(U"kitapbı"), std::nullopt) << extra;
    EXPECT_TRUE((*set)->Contains(U"kitaplar")) << extra;
  }
}

TEST(FormSetTest, RejectsUnsupportedFlagTypes) {
  std::string aff = Write("form_set_long.aff", "FLAG long\n");
  std::string dic = Write("form_set_long.dic", "1\nev\n");
  auto set = FormSet::Load(aff, dic);
  ASSERT_FALSE(set.ok());
  EXPECT_EQ(set.status().code(), absl::StatusCode::kInvalidArgument);
  std::remove(aff.c_str());
  std::remove(dic.c_str());
}

const FormSet& HunspellTr() { return HunspellTrForms(); }

TEST(FormSetTest, HunspellTrIsFiniteAndCovered) {
  const FormSet& set = HunspellTr();
  EXPECT_GT(set.size(), 1000000u);
  EXPECT_TRUE(set.covers_dictionary());
  EXPECT_TRUE(set.Contains(U"gelmiyorum"));
  EXPECT_TRUE(set.Contains(U"ankara'da"));
  EXPECT_FALSE(set.Contains(U"gelmiyrum"));
}

// Words of every capitalisation, as Hunspell itself judges them (the
// checker's evaluation compares millions more).
TEST(FormSetTest, AcceptsAgreesWithHunspellTr) {
  auto hunspell =
      morphology::Dictionary::Load(morphology::Dictionary::Options::Turkish());
  ASSERT_TRUE(hunspell.ok()) << hunspell.status();
  for (const char* w :
       {"haber",     "haberler",    "gelmiyorum",   "görüntülenecektir",
        "ankara'da", "istanbul",    "kılıçdaroğlu", "tbmm",
        "abd",       "ışık",        "ıspanak",      "iğne",
        "gelmiyrum", "bilgisyar",   "kitap'ta",     "şeker",
        "çocuklar",  "ünlü",        "öğretmen",     "ağaç",
        "nato",      "türkiye'nin", "erdoğan"}) {
    std::u32string lower = text::ToUtf32(w);
    for (const std::u32string& v :
         {lower, ApplyShape(lower, CaseShape::kTitle), UpperTr(lower)}) {
      std::optional<bool> accepted = HunspellTr().Accepts(v);
      if (accepted.has_value()) {
        EXPECT_EQ(*accepted, (*hunspell)->Spell(text::ToUtf8(v)))
            << text::ToUtf8(v);
      }
    }
  }
}

TEST(FormSetTest, ContainsHashesAgreesWithContainsHash) {
  const FormSet& set = HunspellTr();
  std::vector<uint64_t> fingerprints;
  for (const char* w : {"gelmiyorum", "haber", "habr", "ankara'da", "x"}) {
    fingerprints.push_back(FormHash(text::ToUtf32(w)));
  }
  std::mt19937_64 rng(5);
  for (int k = 0; k < 200; ++k) fingerprints.push_back(rng() % kFormHashPrime);
  std::unique_ptr<bool[]> found(new bool[fingerprints.size()]);
  set.ContainsHashes(fingerprints.data(), fingerprints.size(), found.get());
  for (size_t k = 0; k < fingerprints.size(); ++k) {
    EXPECT_EQ(found[k], set.ContainsHash(fingerprints[k])) << k;
  }
  EXPECT_TRUE(found[0]);
  EXPECT_TRUE(found[1]);
  EXPECT_FALSE(found[2]);
}

// No real prefix or suffix of a form is refused; and for typos most edit
// positions are (the filters' false positives make single positions
// uncertain, so the count is checked over many words).
TEST(FormSetTest, SplitsNeverRefuseAFormsPrefixOrSuffixAndPruneTypos) {
  const FormSet& set = HunspellTr();
  for (const char* w : {"gelmiyorum", "haberler", "ankara'da", "kitabı"}) {
    std::u32string word = text::ToUtf32(w);
    EditHasher edits(word);
    std::vector<char> starts, ends;
    set.Splits(edits, &starts, &ends);
    for (size_t i = 0; i <= word.size(); ++i) {
      EXPECT_TRUE(starts[i]) << w << " prefix " << i;
      EXPECT_TRUE(ends[i]) << w << " suffix " << i;
    }
  }
  int positions = 0, possible = 0;
  for (const char* w : {"gelmiyrum", "bilgisyar", "habrler", "kitaplrımız",
                        "yapabilecklerimizden", "öğretmenlerimzi", "çocuklrın",
                        "görüntülencektir"}) {
    std::u32string word = text::ToUtf32(w);
    EditHasher edits(word);
    std::vector<char> starts, ends;
    set.Splits(edits, &starts, &ends);
    for (size_t i = 0; i < word.size(); ++i) {
      ++positions;
      possible += starts[i] && ends[i + 1];
    }
  }
  EXPECT_LT(possible * 3, positions) << possible << " of " << positions;
}

}  // namespace
}  // namespace newsroom::spelling::internal
