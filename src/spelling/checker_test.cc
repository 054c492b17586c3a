#include "spelling/checker.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <thread>

#include "deasciify/deasciifier.h"
#include "morphology/dictionary.h"
#include "text/casing.h"

namespace newsroom::spelling {
namespace {

// One checker for the whole binary, from the committed data files.
const Checker& Tr() {
  static const Checker* c = [] {
    Checker::Options o;
    o.hunspell_instances = 2;
    auto loaded = Checker::Load(o);
    EXPECT_TRUE(loaded.ok()) << loaded.status();
    return loaded->release();
  }();
  return *c;
}

WordCheck CheckTr(const char* word, bool initial = false) {
  return Tr().Check(word, {Language::kTurkish, initial});
}

struct Case {
  const char* word;
  bool sentence_initial;
  bool misspelled;
  Reason reason;
};

void RunCases(const std::vector<Case>& cases, Language language) {
  for (const Case& c : cases) {
    WordCheck r = Tr().Check(c.word, {language, c.sentence_initial});
    EXPECT_EQ(r.misspelled, c.misspelled)
        << c.word << " " << ReasonName(r.reason);
    EXPECT_EQ(r.reason, c.reason) << c.word << " got " << ReasonName(r.reason);
  }
}

TEST(CheckerTest, FlagsTyposAndInformalSpellings) {
  RunCases(
      {
          {"bilgisyar", false, true, Reason::kUnknownWord},
          {"habrler", false, true, Reason::kUnknownWord},
          {"gelmiyrum", false, true, Reason::kUnknownWord},
          {"yapabilecklerimizden", false, true, Reason::kUnknownWord},
          {"çoook", false, true, Reason::kRepeatedLetters},
          {"hmmm", false, true, Reason::kRepeatedLetters},
          {"tmm", false, true, Reason::kInformal},
          {"slm", false, true, Reason::kInformal},
          {"bi", false, true, Reason::kInformal},
          {"napıyon", false, true, Reason::kInformal},
          {"herşey", false, true, Reason::kInformal},
          // The progressive without its r.
          {"kalıyo", false, true, Reason::kInformal},
          {"yapıyolar", false, true, Reason::kInformal},
          {"diyosun", false, true, Reason::kInformal},
          {"geliyom", false, true, Reason::kInformal},
      },
      Language::kTurkish);
}

TEST(CheckerTest, StandardProgressivesAndLookAlikesPass) {
  for (const char* w :
       {"kalıyor", "yapıyorlar", "oyun", "koyu", "biyoloji", "Tokyo"}) {
    WordCheck c = CheckTr(w);
    EXPECT_FALSE(c.misspelled) << w << " " << ReasonName(c.reason);
  }
}

TEST(CheckerTest, WordsFrequentInTurkishPapersAreKnownInAnyCase) {
  // hunspell-tr has "hükumet"; Turkish papers write "hükümet".
  for (const char* w :
       {"hükümet", "Hükümet", "HÜKÜMET", "hükümetin", "HÜKÜMETİN",
        "hükümetlerimizin", "Hükümetlerimizin", "hükumet"}) {
    WordCheck c = CheckTr(w);
    EXPECT_FALSE(c.misspelled) << w << " " << ReasonName(c.reason);
  }
  // The variant letter licenses no typo.
  for (const char* w : {"hükümetlerimzin", "hükümetlerimizn", "hükümte"}) {
    EXPECT_TRUE(CheckTr(w).misspelled) << w;
  }
}

TEST(CheckerTest, TyposOneEditFromAKnownWordAreSure) {
  EXPECT_GE(CheckTr("bilgisyar").confidence, 0.9f);
  EXPECT_GE(CheckTr("habrler").confidence, 0.9f);
}

TEST(CheckerTest, AcceptsCleanAgglutinatedTurkish) {
  for (const char* w :
       {"görüntülenecektir", "yapabileceklerimizden", "kitaplarımızdan",
        "gelmiyorum", "hükümetlerimizin", "değiştirilebilir", "belgenizdeki",
        "haber", "Haber", "HABER", "İSTANBUL", "ışık", "IŞIK", "seçiliyken",
        "algoritmadır"}) {
    WordCheck r = CheckTr(w);
    EXPECT_FALSE(r.misspelled) << w << " " << ReasonName(r.reason);
  }
}

TEST(CheckerTest, ClosingSuffixesNeedHarmony) {
  // "görüntülenecek" + "tir" is right; "-tır" breaks vowel harmony.
  EXPECT_EQ(CheckTr("kopyalanamayacaktır").reason, Reason::kInflected);
  EXPECT_TRUE(CheckTr("kopyalanamayacaktir").misspelled);
  // Personal endings hunspell-tr lacks for these stems: "I am a barman",
  // "you leaked"; a typo in the stem is still a typo.
  EXPECT_EQ(CheckTr("barmenim").reason, Reason::kInflected);
  EXPECT_EQ(CheckTr("sızdırdınız").reason, Reason::kInflected);
  EXPECT_TRUE(CheckTr("sızdırdınıs").misspelled);
  EXPECT_TRUE(CheckTr("brmenim").misspelled);
}

TEST(CheckerTest, NamesAcronymsAndApostrophes) {
  RunCases(
      {
          {"Ankara'da", false, false, Reason::kKnownWord},
          {"Türkiye'nin", false, false, Reason::kKnownWord},
          {"LibreOffice'in", false, false, Reason::kProductName},
          {"NextCloud'un", false, false, Reason::kProductName},
          {"Kılıçdaroğluların", false, false, Reason::kProperNoun},
          {"Zeytinoğlu'nun", false, false, Reason::kProperNoun},
          {"TBMM", false, false, Reason::kKnownWord},
          {"TBMM'de", false, false, Reason::kKnownWord},
          {"NATO", false, false, Reason::kKnownWord},
          {"XYZQ", false, false, Reason::kAcronym},
          {"LibreOffice", false, false, Reason::kForeignWord},
          {"iPhone", false, false, Reason::kKnownWord},
          {"YouTubeTV", false, false, Reason::kProductName},
          // One typo from a known word: a misspelled name, not a new one.
          {"Ankra", false, true, Reason::kNearKnownWord},
          {"HABRLER", false, true, Reason::kNearKnownWord},
          {"ankara", false, true, Reason::kLowercaseName},
          {"kitap'ta", false, true, Reason::kApostropheOnCommonNoun},
          {"Ankara'dz", false, true, Reason::kUnknownWord},
          // The apostrophe marks a name: one typo from a known name is a
          // typo ("Ankra'da"), one from a common word is another name
          // ("Postel'in" is not "pastel").
          {"Ankra'da", false, true, Reason::kNearKnownWord},
          {"Postel'in", false, false, Reason::kProperNoun},
          // So does a capital inside a sentence: one typo from a well-known
          // name is a typo, from a common word or a rare name another name.
          {"Postel", false, false, Reason::kProperNoun},
          {"Corry", false, false, Reason::kProperNoun},
          {"Ankra", true, true, Reason::kNearKnownWord},
          {"Postel", true, true, Reason::kNearKnownWord},
          // With an apostrophe the word is a name at a sentence start too.
          {"Corry'nin", true, false, Reason::kProperNoun},
          {"Ankra'da", true, true, Reason::kNearKnownWord},
      },
      Language::kTurkish);
}

TEST(CheckerTest, NamesAcronymsAndCircumflexesInNewsPass) {
  EXPECT_FALSE(CheckTr("New").misspelled);  // "New York", mid-sentence
  EXPECT_FALSE(CheckTr("York").misspelled);
  EXPECT_FALSE(CheckTr("NYSE").misspelled);
  EXPECT_FALSE(CheckTr("UAL").misspelled);
  for (const char* w : {"kârları", "hâlâ", "hâle"}) {
    EXPECT_FALSE(CheckTr(w).misspelled) << w;
  }
  // At a sentence start a capital says nothing: typos stay typos.
  EXPECT_TRUE(CheckTr("Habr", /*initial=*/true).misspelled);
  EXPECT_TRUE(CheckTr("HABRLER").misspelled);
  EXPECT_TRUE(CheckTr("HABRLER", /*initial=*/true).misspelled);
  // But a short word in capitals is an acronym there too: "FTSE endeksi
  // yükseldi.", as inside a sentence.
  for (const char* w : {"FTSE", "UAL", "XYZQ"}) {
    EXPECT_EQ(CheckTr(w, /*initial=*/true).reason, Reason::kAcronym) << w;
  }
}

TEST(CheckerTest, NotWordsAreNotChecked) {
  for (const char* w : {"x", "mp3", "H2O", "com.tr", "4K"}) {
    EXPECT_EQ(CheckTr(w).reason, Reason::kNotAWord) << w;
  }
}

TEST(CheckerTest, HyphenatedWordsAreCheckedPartByPart) {
  EXPECT_FALSE(CheckTr("Kuzey-Güney").misspelled);
  EXPECT_FALSE(CheckTr("e-posta").misspelled);
  EXPECT_TRUE(CheckTr("e-psota").misspelled);
  EXPECT_TRUE(CheckTr("kuzey-günye").misspelled);
}

TEST(CheckerTest, EnglishWordsInTurkishTextUnlessOneTypoFromTurkish) {
  EXPECT_FALSE(CheckTr("download").misspelled);  // English or learned
  // "bird" is English, but in Turkish text it is "bir" mistyped.
  EXPECT_TRUE(CheckTr("bird").misspelled);
}

TEST(CheckerTest, EnglishWordsInCapitalsKeepTheirDottedI) {
  // In capitals the I of an English word is no Turkish ı: "NATIONAL" is
  // not "natıonal" one letter from "national".
  RunCases({{"NATIONAL", false, false, Reason::kForeignWord},
            {"SAVINGS", false, false, Reason::kForeignWord},
            {"ASSOCIATION", false, false, Reason::kForeignWord},
            // Turkish words in capitals are still read as Turkish.
            {"KIRMIZI", false, false, Reason::kKnownWord},
            {"KIRMZI", false, true, Reason::kNearKnownWord}},
           Language::kTurkish);
}

TEST(CheckerTest, EnglishTextUsesTheEnglishDictionary) {
  RunCases(
      {
          {"computer", false, false, Reason::kDictionary},
          {"Government", true, false, Reason::kDictionary},
          {"NASA", false, false, Reason::kDictionary},
          {"compuetr", false, true, Reason::kUnknownWord},
          {"recieve", false, true, Reason::kUnknownWord},
          // Turkish words are not English...
          {"bilgisayar", false, true, Reason::kUnknownWord},
          {"kofte", false, true, Reason::kUnknownWord},
          // ...but one written with its Turkish letters is a foreign word
          // in English text, as "download" is in Turkish text.
          {"köfte", false, false, Reason::kForeignWord},
          {"güzel", false, false, Reason::kForeignWord},
          {"çöplk", false, true, Reason::kUnknownWord},
          // Names typed in lower case, as in Turkish text ("ankara"); a
          // short one is more often an informal spelling ("ur": your).
          {"muslims", false, true, Reason::kLowercaseName},
          {"iraq", false, true, Reason::kLowercaseName},
          {"london", false, true, Reason::kLowercaseName},
          {"ur", false, true, Reason::kUnknownWord},
      },
      Language::kEnglish);
}

TEST(CheckerTest, BritishSpellingsAreEnglish) {
  RunCases(
      {
          {"colour", false, false, Reason::kDictionary},
          {"criticised", false, false, Reason::kDictionary},
          {"programme", false, false, Reason::kDictionary},
          {"theatre", false, false, Reason::kDictionary},
          {"defence", false, false, Reason::kDictionary},
          {"travelled", false, false, Reason::kDictionary},
          {"judgement", false, false, Reason::kDictionary},
          {"paediatric", false, false, Reason::kDictionary},
          {"amongst", false, false, Reason::kDictionary},
          {"Neighbourhood", true, false, Reason::kDictionary},
          // hunspell-en-gb also knows informal words; they have no
          // American twin and stay misspelt, as do typos.
          {"cuz", false, true, Reason::kUnknownWord},
          {"libs", false, true, Reason::kUnknownWord},
          {"colr", false, true, Reason::kUnknownWord},
          {"critisised", false, true, Reason::kUnknownWord},
          {"theatr", false, true, Reason::kUnknownWord},
      },
      Language::kEnglish);
}

TEST(CheckerTest, OtherLanguagesAreNotChecked) {
  EXPECT_EQ(Tr().Check("xyzzyq", {Language::kOther, false}).reason,
            Reason::kNotChecked);
}

TEST(CheckerTest, SuggestsTheIntendedWordFirst) {
  struct S {
    const char* typed;
    const char* want;
  };
  const S cases[] = {
      {"bilgisyar", "bilgisayar"},
      {"habrler", "haberler"},
      {"gelmiyrum", "gelmiyorum"},
      {"HABRLER", "HABERLER"},
      {"Habrler", "Haberler"},
      {"çoook", "çok"},
      {"tmm", "tamam"},
      {"ankara", "Ankara"},
      {"Ankra", "Ankara"},
      {"kitap'ta", "kitapta"},
      {"yapabilecklerimizden", "yapabileceklerimizden"},
      {"kalıyo", "kalıyor"},
      {"yapıyolar", "yapıyorlar"},
      // Several Turkish letters wrong at once, beyond one edit.
      {"açabıleceğımız", "açabileceğimiz"},
      {"eğlendırebılırsınız", "eğlendirebilirsiniz"},
      {"cocugumuzun", "çocuğumuzun"},
      {"zıyaretçılerımız", "ziyaretçilerimiz"},
      {"aksehir", "Akşehir"},
      // However many letters, before a rarer word one typo away.
      {"ıçtığımızı", "içtiğimizi"},
      {"maılınızı", "mailinizi"},
      // … also on words hunspell-tr lacks for their closing suffix.
      {"kahvelerdı", "kahvelerdi"},
      {"bekletebılırdı", "bekletebilirdi"},
      // … and on names whose apostrophe was left out.
      {"akdenızden", "Akdeniz'den"},
      {"antalyadakıler", "Antalya'dakiler"},
      {"helsınkıdekı", "Helsinki'deki"},
      // Letters and a typo together.
      {"ogrencilr", "öğrenciler"},
      // Common typos keep their word first, whatever the letters add.
      {"güzek", "güzel"},
      {"teşekürler", "teşekkürler"},
      {"yanlız", "yalnız"},
      {"herkez", "herkes"},
      {"birşey", "bir şey"},
      {"hükumet", "hükümet"},
  };
  for (const S& c : cases) {
    std::vector<std::string> s = Tr().Suggest(c.typed, Language::kTurkish, 5);
    ASSERT_FALSE(s.empty()) << c.typed;
    EXPECT_EQ(s[0], c.want) << c.typed;
    EXPECT_LE(s.size(), 5u);
  }
}

// Long words with many letters typed without their Turkish form: the fold
// search with a typo reaches its budget on each (fold_search.h), and the
// suggestions are the same in every process.
TEST(CheckerTest, SuggestionsOfWordsThatExhaustTheFoldSearch) {
  struct S {
    const char* typed;
    std::vector<std::string> want;
  };
  const S cases[] = {
      {"kuduruşunuz", {"kudurursunuz", "duruşunuz", "müdürüsünüz"}},
      {"şoparısın", {"siparişin"}},
      {"kudurusunuz", {"kudurursunuz"}},
      {"soparisin", {"siparişin"}},
      {"acabilecegimiz", {"açabileceğimiz", "alabileceğimiz"}},
      {"ogrencilerimizin", {"öğrencilerimizin", "öğrencilerimizi"}},
  };
  for (const S& c : cases) {
    std::vector<std::string> s = Tr().Suggest(c.typed, Language::kTurkish, 5);
    EXPECT_EQ(s, c.want) << c.typed;
  }
}

// A checker that shares a deasciifier, as the moderation engine's does.
const Checker& TrWithRestorer() {
  static const Checker* c = [] {
    auto o = morphology::Dictionary::Options::Turkish();
    o.instances = 2;
    auto turkish = morphology::Dictionary::Load(o);
    EXPECT_TRUE(turkish.ok()) << turkish.status();
    auto deasciifier = deasciify::Deasciifier::Load(
        deasciify::Deasciifier::DefaultModelPath(), turkish->get());
    EXPECT_TRUE(deasciifier.ok()) << deasciifier.status();
    Checker::Options co;
    co.turkish = turkish->release();  // both live as long as the test
    co.deasciifier = deasciifier->release();
    auto loaded = Checker::Load(co);
    EXPECT_TRUE(loaded.ok()) << loaded.status();
    return loaded->release();
  }();
  return *c;
}

// Words neither the lists nor hunspell-tr know, typed with their Turkish
// letters wrong: the deasciifier spells them; first when a form of
// hunspell-tr begins like the word, else second.
TEST(CheckerTest, TheRestorerSpellsWordsNoListKnows) {
  struct S {
    const char* typed;
    const char* want;
    size_t position;
  };
  const S cases[] = {
      {"alerjımın", "alerjimin", 0},
      {"bıleklığınıze", "bilekliğinize", 0},
      {"Bıleklığınıze", "Bilekliğinize", 0},
      // Behind a form one letter away ("ailedendirler").
      {"aıledendıler", "ailedendiler", 1},
      {"acentedekılerde", "acentedekilerde", 0},
      // No form begins "ayırtabildi" (hunspell-tr has "ayırt" alone).
      {"ayırtabıldım", "ayırtabildim", 1},
  };
  for (const S& c : cases) {
    std::vector<std::string> with =
        TrWithRestorer().Suggest(c.typed, Language::kTurkish, 5);
    ASSERT_GT(with.size(), c.position) << c.typed;
    EXPECT_EQ(with[c.position], c.want) << c.typed;
    // Without a restorer the checker does not know the word.
    std::vector<std::string> without =
        Tr().Suggest(c.typed, Language::kTurkish, 5);
    EXPECT_EQ(std::find(without.begin(), without.end(), c.want), without.end())
        << c.typed;
  }
}

// Typos stay the suggester's: a restoration that keeps the typo
// ("ilşkilerinden": no form begins "ilş") comes after the word meant.
TEST(CheckerTest, TheRestorerDoesNotOutrankTheWordMeant) {
  struct S {
    const char* typed;
    const char* want;
  };
  const S cases[] = {
      {"ılşkılerınden", "ilişkilerinden"},
      {"elktirikli", "elektrikli"},
      {"ısteıdk", "istedik"},
      {"bilgisyar", "bilgisayar"},
      {"açabıleceğımız", "açabileceğimiz"},
      {"cocugumuzun", "çocuğumuzun"},
      {"ogrencilr", "öğrenciler"},
      {"herkez", "herkes"},
  };
  for (const S& c : cases) {
    std::vector<std::string> s =
        TrWithRestorer().Suggest(c.typed, Language::kTurkish, 5);
    ASSERT_FALSE(s.empty()) << c.typed;
    EXPECT_EQ(s[0], c.want) << c.typed;
    EXPECT_EQ(s[0], Tr().Suggest(c.typed, Language::kTurkish, 5)[0]) << c.typed;
  }
}

TEST(CheckerTest, SuggestionsKeepTheCapitalsOfTheInput) {
  std::vector<std::string> s = Tr().Suggest("HABRE", Language::kTurkish, 5);
  EXPECT_NE(std::find(s.begin(), s.end(), "HABER"), s.end());
  for (const std::string& x : s) EXPECT_EQ(x, text::ToUpperTr(x));
}

TEST(CheckerTest, SuggestsEnglishWithTheEnglishDictionary) {
  std::vector<std::string> s = Tr().Suggest("recieve", Language::kEnglish, 3);
  ASSERT_FALSE(s.empty());
  EXPECT_EQ(s[0], "receive");
  // A name typed in lower case gets its English capital, not a Turkish
  // one ("İraq") nor another word ("Hones" for "jones").
  for (const auto& [typed, name] : {std::pair{"muslims", "Muslims"},
                                    {"iraq", "Iraq"},
                                    {"jones", "Jones"}}) {
    s = Tr().Suggest(typed, Language::kEnglish, 3);
    ASSERT_FALSE(s.empty()) << typed;
    EXPECT_EQ(s[0], name) << typed;
  }
}

TEST(CheckerTest, ChecksADocument) {
  auto doc = text::Document::Parse(
      "Ankara'da bugün bilgisyar fuarı açıldı. Habrler çok ilgi gördü!");
  ASSERT_TRUE(doc.ok());
  std::vector<Misspelling> m = Tr().CheckDocument(*doc, Language::kTurkish);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(doc->tokens()[m[0].token_index].text, "bilgisyar");
  EXPECT_EQ(doc->tokens()[m[1].token_index].text, "Habrler");
}

TEST(CheckerTest, SuffixesAfterAClosingQuotePass) {
  // Turkish writes a quoted phrase's suffixes after the closing mark; the
  // same letters elsewhere are no word, nor is a non-suffix after a quote.
  auto doc = text::Document::Parse(
      "Uzmanlar \"detaylı bilgi\"yi ve \"Fear\"dan alıntıları "
      "kullandı; \"bilgi\"xyz dedi.");
  ASSERT_TRUE(doc.ok());
  std::vector<std::string> flagged;
  for (const Misspelling& m : Tr().CheckDocument(*doc, Language::kTurkish)) {
    flagged.push_back(doc->tokens()[m.token_index].text);
  }
  EXPECT_EQ(flagged, std::vector<std::string>{"xyz"});
  EXPECT_EQ(Tr().Check("yi", {Language::kTurkish, false, true}).reason,
            Reason::kAfterQuote);
  EXPECT_TRUE(Tr().Check("yi", {Language::kTurkish, false, false}).misspelled);
}

TEST(CheckerTest, ManyThreadsAgreeWithOneThread) {
  const char* words[] = {"bilgisyar", "görüntülenecektir", "Ankra", "Ankara'da",
                         "habrler",   "haberler",          "tmm",   "TBMM"};
  std::vector<bool> expected;
  for (const char* w : words) expected.push_back(CheckTr(w).misspelled);
  std::vector<std::string> first =
      Tr().Suggest("habrler", Language::kTurkish, 3);
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int r = 0; r < 50; ++r) {
        for (size_t i = 0; i < std::size(words); ++i) {
          bool initial = (r + t) % 2 == 0;
          if (Tr().Check(words[i], {Language::kTurkish, initial}).misspelled !=
              expected[i]) {
            ++mismatches;
          }
        }
        if (r % 10 == 0 &&
            Tr().Suggest("habrler", Language::kTurkish, 3) != first) {
          ++mismatches;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(mismatches.load(), 0);
}

// The result caches change nothing but speed: a checker without them, and
// one whose caches are tiny (so that entries are replaced all the time),
// answer as the default one does, on first and repeated calls.
TEST(CheckerTest, CachesAreTransparent) {
  Checker::Options no_caches;
  no_caches.hunspell_instances = 1;
  no_caches.cache_entries = 0;
  no_caches.suggest_cache_entries = 0;
  Checker::Options tiny_caches = no_caches;
  tiny_caches.cache_entries = 4;
  tiny_caches.suggest_cache_entries = 4;
  auto plain = Checker::Load(no_caches);
  auto tiny = Checker::Load(tiny_caches);
  ASSERT_TRUE(plain.ok()) << plain.status();
  ASSERT_TRUE(tiny.ok()) << tiny.status();
  const char* words[] = {"bilgisyar", "Ankra",        "HABRLER", "ankara",
                         "tmm",       "online",       "bird",    "kitap'ta",
                         "çoook",     "Kılıçdaroğlu", "iPhone",  "gelmiyrum"};
  for (int round = 0; round < 3; ++round) {
    for (const char* w : words) {
      for (Language language : {Language::kTurkish, Language::kEnglish}) {
        for (bool initial : {false, true}) {
          WordCheck a = (*plain)->Check(w, {language, initial});
          for (const Checker* c : {&Tr(), tiny->get()}) {
            WordCheck b = c->Check(w, {language, initial});
            EXPECT_EQ(a.misspelled, b.misspelled) << w;
            EXPECT_EQ(a.reason, b.reason) << w;
            EXPECT_EQ(a.confidence, b.confidence) << w;
          }
        }
        for (int max : {1, 5}) {
          std::vector<std::string> a = (*plain)->Suggest(w, language, max);
          EXPECT_EQ(Tr().Suggest(w, language, max), a) << w << " " << max;
          EXPECT_EQ((*tiny)->Suggest(w, language, max), a) << w << " " << max;
        }
      }
    }
  }
}

TEST(CheckerTest, MissingListIsNotFoundNamingThePath) {
  Checker::Options o;
  o.word_list_path = "/nonexistent/tr-words.tsv";
  auto c = Checker::Load(o);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(c.status().message().find("/nonexistent/tr-words.tsv"),
            std::string::npos);
}

}  // namespace
}  // namespace newsroom::spelling
