#include "moderation/engine.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "moderation/verdict_json.h"
#include "text/document.h"
#include "text/utf8.h"

namespace newsroom::moderation {
namespace {

const Engine& DefaultEngine() {
  static const Engine* engine = [] {
    auto built = Engine::Build({});
    EXPECT_TRUE(built.ok()) << built.status();
    return built->release();
  }();
  return *engine;
}

std::vector<std::string> Violated(const Verdict& v) {
  std::vector<std::string> out;
  for (const Finding& f : v.findings) {
    if (f.violated) out.emplace_back(RuleIdName(f.rule));
  }
  return out;
}

TEST(EngineTest, DecidesByThePolicy) {
  struct Case {
    const char* text;
    Decision decision;
    std::vector<std::string> violated;
    langid::Language language;
  };
  using L = langid::Language;
  const Case cases[] = {
      {"Belediyenin yeni park projesi çok güzel olmuş, emeği geçenlere "
       "teşekkürler.",
       Decision::kApprove,
       {},
       L::kTurkish},
      {"Haberde geçen rakamlar bence eksik, bakanlığın açıklamasına da yer "
       "verilmeliydi.",
       Decision::kApprove,
       {},
       L::kTurkish},
      {"TBMM Genel Kurulu'nda CHP ve MHP milletvekilleri bütçeyi tartıştı.",
       Decision::kApprove,
       {},
       L::kTurkish},
      {"BU HABER TAMAMEN YALAN, KİMSE İNANMASIN!",
       Decision::kReject,
       {"all_caps"},
       L::kTurkish},
      {"cok guzel bir haber olmus, tesekkurler",
       Decision::kReject,
       {"no_turkish_chars"},
       L::kTurkish},
      {"Great reporting, thank you for covering this.",
       Decision::kApprove,
       {},
       L::kEnglish},
      {"THIS IS A DISGRACE AND EVERYONE KNOWS IT",
       Decision::kReject,
       {"all_caps"},
       L::kEnglish},
  };
  for (const Case& c : cases) {
    auto v = DefaultEngine().Moderate(c.text);
    ASSERT_TRUE(v.ok()) << c.text << ": " << v.status();
    EXPECT_EQ(v->decision, c.decision) << c.text;
    EXPECT_EQ(Violated(*v), c.violated) << c.text;
    EXPECT_EQ(v->language, c.language) << c.text;
  }
}

// Short Turkish comments are where a general-purpose identifier slips, and
// short English ones can be made of words Turkish has too ("son", "in",
// "is"). The engine's second look gives both their own rules.
TEST(EngineTest, TellsShortTurkishFromEnglish) {
  struct Case {
    const char* text;
    langid::Language language;
  };
  using L = langid::Language;
  const Case cases[] = {
      // Turkish whose every word is written right: no letter to restore.
      {"O filmi severim.", L::kTurkish},
      {"Ben patatesi severim.", L::kTurkish},
      {"Affedersin!", L::kTurkish},
      {"Demek on sene evvel ölmüştü!", L::kTurkish},
      // A Turkish sentence that opens with an English film title.
      {"Not Another Happy Ending 2013 yılı yapımı romantik komedi filmi.",
       L::kTurkish},
      // Turkish typed without its letters.
      {"Sutun A tablodaki ilk sutundur.", L::kTurkish},
      // English made of words that are Turkish words too ("is" → "iş").
      {"My son is in Ankara.", L::kEnglish},
      {"Her son is in Ankara.", L::kEnglish},
      {"He is Satan", L::kEnglish},
      {"BONO IS AN ASSHOLE.", L::kEnglish},
      // One Turkish-only word, an interjection, among English ones.
      {"Fuck it. Just do it Haha", L::kEnglish},
      {"thanks Hun! Haha", L::kEnglish},
      // Turkish names as English writes them, without their letters: the
      // English edition's readers name Turkish people, places and clubs.
      {"Erdogan met Biden in Rome on Sunday.", L::kEnglish},
      {"Erdogan is a dictator.", L::kEnglish},
      {"Besiktas lost again, what a shame.", L::kEnglish},
      // And in lower case, as readers type.
      {"i live in istanbul", L::kEnglish},
      {"i met ahmet in istanbul last week", L::kEnglish},
      {"we had breakfast in besiktas", L::kEnglish},
      // A name with a Turkish ending, or beside Turkish words, is Turkish.
      {"Erdogan istifa etsin", L::kTurkish},
      {"erdogan istifa etsin", L::kTurkish},
      {"galatasaray sampiyon", L::kTurkish},
      {"istanbulda hava cok soguk", L::kTurkish},
      {"Erdogan'a sorun bunu", L::kTurkish},
      {"Kilicdaroglu da haklı", L::kTurkish},
  };
  for (const Case& c : cases) {
    auto v = DefaultEngine().Moderate(c.text);
    ASSERT_TRUE(v.ok()) << c.text << ": " << v.status();
    EXPECT_EQ(v->language, c.language) << c.text;
    if (c.language == L::kEnglish) {
      // An English comment is never refused for Turkish letters.
      std::vector<std::string> violated = Violated(*v);
      EXPECT_EQ(
          std::count(violated.begin(), violated.end(), "no_turkish_chars"), 0)
          << c.text;
    }
  }
}

TEST(EngineTest, RejectsInputThatIsNotAComment) {
  Policy policy;
  policy.max_length = 20;
  EngineOptions options;
  options.policy = policy;
  auto engine = Engine::Build(options);
  ASSERT_TRUE(engine.ok()) << engine.status();
  struct Case {
    std::string text;
    const char* message;
  };
  const Case cases[] = {
      {"", "empty"},
      {" \t\n ", "white space"},
      {"yorum \xC3\x28 burada", "not valid UTF-8"},
      {"Bu yorum yirmi karakterden uzun.", "too long"},
  };
  for (const Case& c : cases) {
    auto v = (*engine)->Moderate(c.text);
    ASSERT_FALSE(v.ok()) << c.text;
    EXPECT_EQ(v.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_NE(v.status().message().find(c.message), std::string::npos)
        << v.status().message();
  }
}

TEST(EngineTest, OffersFixesForTheLanguageRules) {
  auto caps =
      DefaultEngine().Moderate("IŞIK HIZINDA ZAM GELDİ, HALK ÇOK ÜZGÜN");
  ASSERT_TRUE(caps.ok());
  const Finding* f = FindingFor(*caps, RuleId::kAllCaps);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->fix, "Işık hızında zam geldi, halk çok üzgün");

  auto both = DefaultEngine().Moderate("ISTANBUL'DA TRAFIK YINE FELC OLDU");
  ASSERT_TRUE(both.ok());
  f = FindingFor(*both, RuleId::kAllCaps);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->fix, "İstanbul'da trafik yine felç oldu");

  auto ascii = DefaultEngine().Moderate("cok guzel bir haber olmus");
  ASSERT_TRUE(ascii.ok());
  f = FindingFor(*ascii, RuleId::kNoTurkishChars);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->fix, "çok güzel bir haber olmuş");
  ASSERT_EQ(f->spans.size(), 3u);
  EXPECT_EQ(f->spans[0].start, 0);
  EXPECT_EQ(f->spans[0].end, 3);
  EXPECT_EQ(f->spans[0].replacement, "çok");
}

TEST(EngineTest, WordsMissingTurkishLettersAreNotAlsoTypos) {
  auto v = DefaultEngine().Moderate("cok guzel bir haber olmus, tesekkurler");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(FindingFor(*v, RuleId::kSpelling), nullptr);
}

TEST(EngineTest, EnglishPhrasesInTurkishAreNeitherMissingLettersNorTypos) {
  // "sad" was restored to "şad" and the comment refused; "box kick" was
  // two typos of "boz" and sent to a moderator.
  const char* published[] = {
      "Haberi okuyunca so sad dedim.",
      "Oyuncu box kick ile topu uzaklaştırdı.",
      "Bu maçtan sonra game over oldu bence.",
  };
  for (const char* c : published) {
    auto v = DefaultEngine().Moderate(c);
    ASSERT_TRUE(v.ok());
    EXPECT_EQ(v->decision, Decision::kApprove) << c;
    EXPECT_EQ(FindingFor(*v, RuleId::kNoTurkishChars), nullptr) << c;
  }
  // Turkish typed without its letters is still Turkish, next to an English
  // word too ("ask" is "aşk", "Bi gun" is "Bir gün").
  for (const char* c : {"haberi okuyunca cok uzuldum", "seni ask ile seviyorum",
                        "Bi gun mutlu oluruz"}) {
    auto v = DefaultEngine().Moderate(c);
    ASSERT_TRUE(v.ok());
    EXPECT_EQ(Violated(*v), std::vector<std::string>{"no_turkish_chars"}) << c;
  }
}

TEST(EngineTest, ManyMisspellingsGoToAModerator) {
  auto v = DefaultEngine().Moderate(
      "Yazrın dedği gbi olmadı bu işler, hrkes biliyo bunu");
  ASSERT_TRUE(v.ok());
  const Finding* f = FindingFor(*v, RuleId::kSpelling);
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(f->violated);
  EXPECT_EQ(v->decision, Decision::kReview);
  EXPECT_GE(f->spans.size(), 4u);
}

TEST(EngineTest, OneTypoNeverViolates) {
  auto v = DefaultEngine().Moderate("Bu habr bence çok iyi hazırlanmış.");
  ASSERT_TRUE(v.ok());
  const Finding* f = FindingFor(*v, RuleId::kSpelling);
  ASSERT_NE(f, nullptr);
  EXPECT_FALSE(f->violated);
  EXPECT_EQ(f->spans[0].text, "habr");
  EXPECT_EQ(v->decision, Decision::kApprove);
}

// Suggestions are worked out when someone will read them: the author of a
// withheld comment, for the rules it broke; a reader checking a draft.
// Whatever is asked, the decision, the scores and the marked words are the
// same.
TEST(EngineTest, SuggestionsWhenTheCommentIsWithheldOrWhenAsked) {
  using S = Engine::Suggestions;
  struct Case {
    const char* text;
    Decision decision;
    const char* misspelled;  // the first spelling span
    const char* best;        // its best suggestion
    bool spelling_broken = true;
  };
  const Case cases[] = {
      // One typo: published, the word still marked.
      {"Bu habr bence çok iyi hazırlanmış.", Decision::kApprove, "habr",
       "haber"},
      {"Belediye başkanının açıklamsı bence yeterliydi.", Decision::kApprove,
       "açıklamsı", "açıklaması"},
      // Two sure typos: held for a moderator.
      {"Belediyenin bu konudaki çalışmaları bence çok yetersz, her kış aynı "
       "şey oluyr ve kimse sorumluluk almıyor.",
       Decision::kReview, "yetersz", "yetersiz"},
      {"bu habr çok kötü yazılmş, imla kurallrına hiç dikat edilmemiş",
       Decision::kReview, "habr", "haber"},
      // Refused for an insult; the one typo broke nothing and its author
      // is told about the insult.
      {"Bu habri yazan adam tam bir gerizekalı.", Decision::kReject, "habri",
       "haberi", false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    auto never = DefaultEngine().Moderate(c.text, std::nullopt, S::kNever);
    auto posted = DefaultEngine().Moderate(c.text);
    auto always = DefaultEngine().Moderate(c.text, std::nullopt, S::kAlways);
    ASSERT_TRUE(never.ok() && posted.ok() && always.ok());
    for (const Verdict* v : {&*never, &*posted, &*always}) {
      EXPECT_EQ(v->decision, c.decision);
      const Finding* f = FindingFor(*v, RuleId::kSpelling);
      ASSERT_NE(f, nullptr);
      EXPECT_EQ(f->score, FindingFor(*never, RuleId::kSpelling)->score);
      EXPECT_EQ(f->spans[0].text, c.misspelled);
    }
    auto best = [](const Verdict& v) {
      return FindingFor(v, RuleId::kSpelling)->spans[0].replacement;
    };
    EXPECT_EQ(best(*never), "");
    EXPECT_EQ(best(*always), c.best);
    EXPECT_EQ(best(*posted),
              c.decision == Decision::kApprove || !c.spelling_broken
                  ? ""
                  : std::string(c.best));
    EXPECT_EQ(FindingFor(*posted, RuleId::kSpelling)->violated,
              c.spelling_broken && c.decision != Decision::kApprove);
  }
}

// Warming up builds ahead what the first comments would build; verdicts
// are what a cold engine gives.
TEST(EngineTest, AWarmedEngineGivesTheSameVerdicts) {
  auto warmed = Engine::Build({});
  ASSERT_TRUE(warmed.ok()) << warmed.status();
  (*warmed)->WarmUp();
  auto cold = Engine::Build({});
  ASSERT_TRUE(cold.ok()) << cold.status();
  for (const char* text :
       {"Bu habr bence çok iyi hazırlanmış.", "cok guzel bir haber olmus",
        "BU HABER TAMAMEN YALAN", "This sentnce has meny speling erors"}) {
    auto a =
        (*warmed)->Moderate(text, std::nullopt, Engine::Suggestions::kAlways);
    auto b =
        (*cold)->Moderate(text, std::nullopt, Engine::Suggestions::kAlways);
    ASSERT_TRUE(a.ok() && b.ok()) << text;
    EXPECT_EQ(VerdictToJson(*a), VerdictToJson(*b)) << text;
  }
}

TEST(EngineTest, DisabledRulesDoNotRun) {
  EngineOptions options;
  options.policy.all_caps.enabled = false;
  auto engine = Engine::Build(options);
  ASSERT_TRUE(engine.ok());
  auto v = (*engine)->Moderate("BU HABER TAMAMEN YALAN, KİMSE İNANMASIN!");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(FindingFor(*v, RuleId::kAllCaps), nullptr);
  EXPECT_EQ(v->decision, Decision::kApprove);
}

TEST(EngineTest, ReviewActionAndReviewBand) {
  EngineOptions options;
  options.policy.all_caps.action = Action::kReview;
  auto engine = Engine::Build(options);
  ASSERT_TRUE(engine.ok());
  auto v = (*engine)->Moderate("BU HABER TAMAMEN YALAN, KİMSE İNANMASIN!");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->decision, Decision::kReview);

  options = {};
  options.policy.all_caps.review_threshold = 0.3;
  engine = Engine::Build(options);
  ASSERT_TRUE(engine.ok());
  v = (*engine)->Moderate("Bu haber GERÇEKTEN ÇOK kötü yazılmış");
  ASSERT_TRUE(v.ok());
  const Finding* f = FindingFor(*v, RuleId::kAllCaps);
  ASSERT_NE(f, nullptr);
  EXPECT_FALSE(f->violated);
  EXPECT_EQ(v->decision, Decision::kReview);
}

TEST(EngineTest, VerdictJsonCarriesEverything) {
  auto v = DefaultEngine().Moderate("BU HABER YALAN");
  ASSERT_TRUE(v.ok());
  nlohmann::json j = VerdictToJson(*v);
  EXPECT_EQ(j["decision"], "reject");
  EXPECT_EQ(j["language"], "tr");
  // Rules are listed in policy order; the all_caps one is the violation
  // (the offensive rule may add a finding below its threshold before it).
  nlohmann::json rule;
  for (const nlohmann::json& r : j["rules"]) {
    if (r["rule"] == "all_caps") rule = r;
  }
  ASSERT_FALSE(rule.is_null()) << j.dump();
  EXPECT_EQ(rule["violated"], true);
  EXPECT_EQ(rule["action"], "reject");
  EXPECT_EQ(rule["spans"][0]["start"], 0);
  EXPECT_EQ(rule["spans"][0]["end"], 2);
  EXPECT_EQ(rule["spans"][0]["replacement"], "Bu");
  EXPECT_NE(
      rule["message"]["tr"].get<std::string>().find("büyük harflerle yazılmış"),
      std::string::npos);
  EXPECT_NE(rule["message"]["en"].get<std::string>().find(
                "written in capital letters"),
            std::string::npos);
  EXPECT_EQ(rule["fix"], "Bu haber yalan");
}

TEST(EngineTest, OneEngineServesManyThreads) {
  const char* texts[] = {"cok guzel bir haber olmus", "BU HABER YALAN",
                         "Çok güzel bir haber.", "Great news for the city.",
                         "Yazrın dedği gbi olmadı, hrkes biliyo"};
  std::vector<nlohmann::json> want;
  for (const char* t : texts) {
    want.push_back(VerdictToJson(*DefaultEngine().Moderate(t)));
  }
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int k = 0; k < 4; ++k) {
    threads.emplace_back([&] {
      for (int r = 0; r < 50; ++r) {
        for (size_t i = 0; i < std::size(texts); ++i) {
          if (VerdictToJson(*DefaultEngine().Moderate(texts[i])) != want[i]) {
            ++mismatches;
          }
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(mismatches.load(), 0);
}

// The slowest texts bench/engine_worst_case found within max_length, kept
// in testdata/worst_case/ (their time is the benchmark's to measure, in
// BENCHMARKS.md): each still gets a verdict, the same one twice, with
// every span inside the text and showing what is there (in NFC: some
// were typed with combining marks).
TEST(EngineTest, TheSlowestTextsFoundStillGetAVerdict) {
  const std::filesystem::path dir = std::filesystem::path(NEWSROOM_SOURCE_DIR) /
                                    "src/moderation/testdata/worst_case";
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    ++files;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream read;
    read << in.rdbuf();
    const std::string text = read.str();
    const std::string name = entry.path().filename().string();
    const int length = text::CodePointCount(text);
    ASSERT_LE(length, DefaultEngine().policy().max_length) << name;
    auto first = DefaultEngine().Moderate(text);
    ASSERT_TRUE(first.ok()) << name << ": " << first.status();
    auto second = DefaultEngine().Moderate(text);
    ASSERT_TRUE(second.ok()) << name;
    EXPECT_EQ(VerdictToJson(*first).dump(), VerdictToJson(*second).dump())
        << name;
    for (const Finding& f : first->findings) {
      for (const Span& s : f.spans) {
        ASSERT_LE(0, s.start) << name;
        ASSERT_LE(s.start, s.end) << name;
        ASSERT_LE(s.end, length) << name;
        // A span's text is what was typed there, in NFC (text::Token).
        auto typed = text::Document::Parse(
            text::SubstrByCodePoints(text, s.start, s.end));
        ASSERT_TRUE(typed.ok()) << name;
        EXPECT_EQ(s.text, typed->normalized())
            << name << " " << RuleIdName(f.rule);
      }
    }
  }
  EXPECT_GE(files, 1) << "no kept inputs in " << dir;
}

}  // namespace
}  // namespace newsroom::moderation
