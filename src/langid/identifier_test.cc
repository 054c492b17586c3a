#include "langid/identifier.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "langid/internal/cld2.h"

namespace newsroom::langid {

// Lets GoogleTest print "tr" rather than the enum's bytes.
void PrintTo(Language language, std::ostream* os) {
  *os << LanguageCode(language);
}

namespace {

class IdentifierTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto id = Identifier::Create(IdentifierOptions());
    ASSERT_TRUE(id.ok()) << id.status();
    identifier_ = id->release();
  }
  static void TearDownTestSuite() {
    delete identifier_;
    identifier_ = nullptr;
  }

  static Detection Identify(std::string_view text,
                            std::optional<Language> hint = std::nullopt) {
    auto doc = text::Document::Parse(text);
    EXPECT_TRUE(doc.ok()) << text;
    return identifier_->Identify(*doc, hint);
  }

  static const Identifier* identifier_;
};

const Identifier* IdentifierTest::identifier_ = nullptr;

struct Case {
  const char* text;
  Language want;
};

TEST_F(IdentifierTest, TurkishWithAndWithoutTurkishLetters) {
  const Case cases[] = {
      {"Bu haberi okuyunca çok üzüldüm, yetkililer bir an önce açıklama "
       "yapmalı.",
       Language::kTurkish},
      {"Bu haberi okuyunca cok uzuldum, yetkililer bir an once aciklama "
       "yapmali.",
       Language::kTurkish},
      {"Kızlar aranızda kas yığını beylere düşenler olduğunu görüyorum",
       Language::kTurkish},
      {"Kizlar aranizda kas yigini beylere dusenler oldugunu goruyorum",
       Language::kTurkish},
      {"cok guzel olmus", Language::kTurkish},
      {"bu ne ya", Language::kTurkish},
      {"degil", Language::kTurkish},
      {"ÇOK GÜZEL BİR HABER", Language::kTurkish},
      {"COK GUZEL BIR HABER", Language::kTurkish},
  };
  for (const Case& c : cases) {
    Detection d = Identify(c.text);
    EXPECT_EQ(d.language, c.want) << c.text;
    EXPECT_EQ(d.basis, Basis::kText) << c.text;
  }
}

TEST_F(IdentifierTest, ShortTurkish) {
  for (const char* text :
       {"çok iyi", "aynen öyle", "bence de", "aynen", "teşekkürler", "cok iyi",
        "aynen oyle", "bence de", "tesekkurler", "Allah'ım", "harika olmuş",
        "neden"}) {
    EXPECT_EQ(Identify(text).language, Language::kTurkish) << text;
  }
}

TEST_F(IdentifierTest, English) {
  for (const char* text :
       {"This is great news", "I agree", "I don't think so",
        "What a shame, the mayor should resign.",
        "The council has not explained how the new bridge will be paid for."}) {
    Detection d = Identify(text);
    EXPECT_EQ(d.language, Language::kEnglish) << text;
    EXPECT_EQ(d.basis, Basis::kText) << text;
  }
}

TEST_F(IdentifierTest, OtherLanguages) {
  for (const char* text : {
           "Ich bin mit diesem Artikel überhaupt nicht einverstanden.",
           "Das ist eine gute Nachricht",
           "Je ne suis pas d'accord avec cet article.",
           "C'est une très bonne nouvelle",
           "No estoy de acuerdo con este artículo",
           "Это очень хорошая новость",
           // Azerbaijani that shows itself: ə, q/x beside Turkish letters,
           // its own function words.
           "Mən bu xəbərlə razı deyiləm",
           "Faylı açmaq mümkün deyil",
           "Azərbaycan dilində danışıram",
       }) {
    Detection d = Identify(text);
    EXPECT_EQ(d.language, Language::kOther) << text;
  }
}

TEST_F(IdentifierTest, AzerbaijaniThatIsAlsoTurkishIsTurkish) {
  // Azerbaijani "bu gün çox gözəl" shows ə; "bu gün" alone reads as Turkish
  // and a Turkish reader's rules may apply to it.
  EXPECT_EQ(Identify("bu gün").language, Language::kTurkish);
  EXPECT_EQ(Identify("bu gün çox gözəl").language, Language::kOther);
}

TEST_F(IdentifierTest, PlaceholdersOfTweetsAreNotText) {
  Detection d = Identify("@USER @USER cok guzel olmus URL");
  EXPECT_EQ(d.language, Language::kTurkish);
  EXPECT_EQ(d.words, 3);
  Detection e = Identify("@USER I agree with you URL");
  EXPECT_EQ(e.language, Language::kEnglish);
  EXPECT_EQ(e.words, 4);
}

TEST_F(IdentifierTest, TextWithoutWordsGetsTheHintOrTheDefault) {
  Detection none = Identify("@USER URL 😀 123");
  EXPECT_EQ(none.words, 0);
  EXPECT_EQ(none.language, Language::kTurkish);  // the default
  EXPECT_EQ(none.basis, Basis::kDefault);
  EXPECT_LT(none.confidence, 0.5);
  Detection hinted = Identify("@USER URL 😀 123", Language::kEnglish);
  EXPECT_EQ(hinted.language, Language::kEnglish);
  EXPECT_EQ(hinted.basis, Basis::kHint);
}

TEST_F(IdentifierTest, HintDecidesOnlyWhenTheTextIsNotClear) {
  // Nothing telling (at most a CLD2 guess): the hint decides.
  EXPECT_EQ(Identify("ok", Language::kEnglish).language, Language::kEnglish);
  Detection ok = Identify("ok", Language::kTurkish);
  EXPECT_EQ(ok.language, Language::kTurkish);
  EXPECT_EQ(ok.basis, Basis::kHint);
  EXPECT_EQ(Identify("Bravo", Language::kEnglish).language, Language::kEnglish);
  EXPECT_EQ(Identify("Bravo", Language::kTurkish).language, Language::kTurkish);
  // Clearly another language: the text wins over the hint.
  Detection tr = Identify("bu haber çok güzel olmuş", Language::kEnglish);
  EXPECT_EQ(tr.language, Language::kTurkish);
  EXPECT_EQ(tr.basis, Basis::kText);
  Detection en =
      Identify("This is great news for the city", Language::kTurkish);
  EXPECT_EQ(en.language, Language::kEnglish);
  EXPECT_EQ(en.basis, Basis::kText);
  Detection de =
      Identify("Das ist eine sehr gute Nachricht", Language::kTurkish);
  EXPECT_EQ(de.language, Language::kOther);
}

TEST_F(IdentifierTest, NamesOfNoLanguage) {
  struct NameCase {
    const char* word;
    bool name;
  };
  const NameCase cases[] = {
      {"istanbul", true},    {"Istanbul", true},     {"ISTANBUL", true},
      {"İstanbul", true},    {"Erdoğan", true},      {"erdogan", true},
      {"BEŞİKTAŞ", true},    {"İstanbul'da", false}, {"Erdogan's", false},
      {"istanbullu", false}, {"the", false},         {"değil", false},
      {"", false},
  };
  for (const NameCase& c : cases) {
    EXPECT_EQ(identifier_->IsName(c.word), c.name) << c.word;
  }
}

TEST_F(IdentifierTest, Traps) {
  // An English sentence with a Turkish name.
  EXPECT_EQ(
      Identify("I met Ahmet Yılmaz in İstanbul and he agreed with me").language,
      Language::kEnglish);
  EXPECT_EQ(Identify("Erdoğan said the economy is doing well").language,
            Language::kEnglish);
  // Typed in lower case, as readers type: CLD2 alone reads the first three
  // as Turkish on the strength of the name.
  for (const char* text :
       {"i live in istanbul", "i met ahmet in istanbul last week",
        "i saw tarkan live in istanbul", "we had breakfast in besiktas",
        "i think erdogan will win again"}) {
    EXPECT_EQ(Identify(text).language, Language::kEnglish) << text;
  }
  // The same names in Turkish typed without its letters.
  for (const char* text : {"istanbul cok guzel", "erdogan bu konuda ne diyor",
                           "ahmet abi haklisin", "istanbulda yasiyorum",
                           "Istanbul'da yagmur var"}) {
    EXPECT_EQ(Identify(text).language, Language::kTurkish) << text;
  }
  // A Turkish sentence with an English word.
  EXPECT_EQ(Identify("Bu maç gerçekten çok cool oldu").language,
            Language::kTurkish);
  EXPECT_EQ(Identify("bu video cok nice olmus").language, Language::kTurkish);
  // Turkish with a German-looking letter run.
  EXPECT_EQ(Identify("Müdür öğleden sonra gelecek").language,
            Language::kTurkish);
}

TEST_F(IdentifierTest, ConfidenceAndProbabilitiesAreConsistent) {
  for (const char* text : {"cok guzel", "This is great news", "ok",
                           "Ich bin nicht einverstanden"}) {
    for (std::optional<Language> hint :
         {std::optional<Language>(), std::optional(Language::kTurkish),
          std::optional(Language::kEnglish)}) {
      Detection d = Identify(text, hint);
      double sum = 0;
      for (double p : d.probabilities) {
        EXPECT_GE(p, 0);
        EXPECT_LE(p, 1);
        sum += p;
      }
      EXPECT_NEAR(sum, 1, 1e-9) << text;
      EXPECT_DOUBLE_EQ(d.confidence, d.probability(d.language)) << text;
      for (double p : d.probabilities) EXPECT_LE(p, d.confidence) << text;
    }
  }
  // A sentence is surer than a word.
  EXPECT_GT(Identify("Bu haberi okuyunca çok üzüldüm, yetkililer açıklama "
                     "yapmalı.")
                .confidence,
            0.95);
  EXPECT_GT(Identify("This is great news").confidence,
            Identify("ok").confidence);
}

TEST_F(IdentifierTest, ReportsWhatCld2Said) {
  Detection d = Identify("Bundesregierung Artikel einverstanden");
  EXPECT_EQ(d.cld2_code, "de");
  EXPECT_EQ(d.language, Language::kOther);
}

// CLD2 is asked only when its vote could change the answer: the cue words
// of a longer comment settle it alone.
TEST_F(IdentifierTest, AsksCld2OnlyWhenItsVoteCouldDecide) {
  Detection turkish = Identify(
      "Bu haberi okuyunca çok üzüldüm, yetkililer bir açıklama yapmalı ve "
      "sorumlular hesap vermeli.");
  EXPECT_EQ(turkish.language, Language::kTurkish);
  EXPECT_EQ(turkish.cld2_code, "");
  Detection english =
      Identify("I do not think that the mayor should resign over this.");
  EXPECT_EQ(english.language, Language::kEnglish);
  EXPECT_EQ(english.cld2_code, "");
  // Two words without a cue: CLD2 decides.
  Detection short_text = Identify("Bundesregierung Artikel einverstanden");
  EXPECT_NE(short_text.cld2_code, "");
}

TEST_F(IdentifierTest, UsesTheCld2TablesTheBuildAskedFor) {
#if NEWSROOM_CLD2_FULL_TABLES
  // libcld2_full must be linked ahead of libcld2, or the small tables
  // answer instead (a linker with --as-needed drops it silently).
  EXPECT_TRUE(internal::Cld2HasFullTables()) << Identifier::Cld2Version();
#else
  EXPECT_FALSE(internal::Cld2HasFullTables()) << Identifier::Cld2Version();
#endif
}

TEST_F(IdentifierTest, SameAnswersFromManyThreads) {
  const char* texts[] = {"cok guzel olmus", "This is great news",
                         "Das ist eine gute Nachricht", "aynen öyle"};
  std::vector<Language> want;
  for (const char* t : texts) want.push_back(Identify(t).language);
  std::vector<std::thread> threads;
  std::atomic<int> mismatches = 0;
  for (int k = 0; k < 4; ++k) {
    threads.emplace_back([&] {
      for (int round = 0; round < 200; ++round) {
        for (size_t i = 0; i < std::size(texts); ++i) {
          if (Identify(texts[i]).language != want[i]) ++mismatches;
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(mismatches.load(), 0);
}

TEST(IdentifierOptionsTest, CuesOffGivesCld2Alone) {
  IdentifierOptions options;
  options.use_cues = false;
  auto id = Identifier::Create(options);
  ASSERT_TRUE(id.ok()) << id.status();
  auto doc = text::Document::Parse("bu ne ya");
  // CLD2 alone does not see Turkish here; the cues do (tested above).
  EXPECT_NE((*id)->Identify(*doc, std::nullopt).language, Language::kTurkish);
}

TEST(IdentifierOptionsTest, DefaultLanguageIsAnOption) {
  IdentifierOptions options;
  options.default_language = Language::kOther;
  auto id = Identifier::Create(options);
  ASSERT_TRUE(id.ok()) << id.status();
  auto doc = text::Document::Parse("@USER 😀");
  Detection d = (*id)->Identify(*doc, std::nullopt);
  EXPECT_EQ(d.language, Language::kOther);
  EXPECT_EQ(d.basis, Basis::kDefault);
}

TEST(IdentifierOptionsTest, BadOptionsAndMissingListsAreErrors) {
  IdentifierOptions negative;
  negative.hint_weight = -1;
  EXPECT_EQ(Identifier::Create(negative).status().code(),
            absl::StatusCode::kInvalidArgument);
  IdentifierOptions zero_words;
  zero_words.max_words = 0;
  EXPECT_EQ(Identifier::Create(zero_words).status().code(),
            absl::StatusCode::kInvalidArgument);
  IdentifierOptions missing;
  missing.data_dir = "/nonexistent";
  auto id = Identifier::Create(missing);
  EXPECT_EQ(id.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(id.status().message().find("/nonexistent/langid/turkish.txt"),
            std::string::npos);
}

}  // namespace
}  // namespace newsroom::langid
