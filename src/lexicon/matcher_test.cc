#include "lexicon/matcher.h"

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lexicon/internal/literal_scanner.h"
#include "text/utf8.h"

namespace newsroom::lexicon {
namespace {

using langid::Language;
using ::testing::HasSubstr;

const Matcher& Shipped() {
  static const Matcher* m = [] {
    auto loaded = Matcher::Load(LexiconPaths::Default());
    if (!loaded.ok()) {
      ADD_FAILURE() << loaded.status();
      std::abort();
    }
    return loaded->release();
  }();
  return *m;
}

std::vector<Match> FindIn(const Matcher& m, const std::string& text,
                          FindOptions options = {}) {
  auto doc = text::Document::Parse(text);
  EXPECT_TRUE(doc.ok()) << doc.status();
  if (!doc.ok()) return {};
  return m.Find(*doc, options);
}

std::vector<Match> Abuse(const std::vector<Match>& all) {
  std::vector<Match> out;
  for (const Match& m : all) {
    if (m.category != Category::kBeliefTarget) out.push_back(m);
  }
  return out;
}

struct Caught {
  const char* text;
  const char* term;     // the entry matched
  const char* typed;    // exactly what the commenter typed
  const char* evasion;  // EvasionName of the match
  std::optional<Language> language = std::nullopt;
};

void PrintTo(const Caught& c, std::ostream* os) { *os << c.text; }

class CaughtTest : public ::testing::TestWithParam<Caught> {};

TEST_P(CaughtTest, IsMatchedWithTheTypedSpan) {
  const Caught& c = GetParam();
  FindOptions options;
  options.language = c.language;
  std::vector<Match> matches = Abuse(FindIn(Shipped(), c.text, options));
  const Match* found = nullptr;
  for (const Match& m : matches) {
    if (m.term == c.term) found = &m;
  }
  ASSERT_NE(found, nullptr) << "no match for '" << c.term << "' in '" << c.text
                            << "'; " << matches.size() << " other match(es)";
  EXPECT_EQ(found->typed, c.typed);
  EXPECT_EQ(
      std::string(text::SubstrByCodePoints(c.text, found->begin, found->end)),
      c.typed);
  EXPECT_EQ(found->evasion, c.evasion);
}

INSTANTIATE_TEST_SUITE_P(
    Evasions, CaughtTest,
    ::testing::Values(
        // Plain words and Turkish suffixes.
        Caught{"Sen gerçekten aptalsın.", "aptal", "aptalsın", "none"},
        Caught{"Bunlar hep aptallar", "aptal", "aptallar", "none"},
        Caught{"Ne salaklık ama", "salak", "salaklık", "none"},
        Caught{"O zaten aptalımmış", "aptal", "aptalımmış", "none"},
        Caught{"bu adam aptalmışş", "aptal", "aptalmışş", "none"},
        Caught{"Seni gidi köpeğin teki", "köpek", "köpeğin", "none"},
        Caught{"Git köpeğe bak", "köpek", "köpeğe", "none"},
        Caught{"pezevengin biri", "pezevenk", "pezevengin", "none"},
        Caught{"Şerefsizler yine yapmış", "şerefsiz", "Şerefsizler", "none"},
        Caught{"amına koyayım", "amına koyayım", "amına koyayım", "none"},
        Caught{"senin amını", "am", "amını", "none"},
        Caught{"siktir lan", "sik", "siktir", "none"},
        Caught{"Siktir git buradan", "siktir git", "Siktir git", "none"},
        Caught{"orospu çocukları", "orospu çocuk", "orospu çocukları", "none"},
        Caught{"orospuçocuğu", "orospu çocuk", "orospuçocuğu", "none"},
        Caught{"tam bir geri zekalı", "geri zekalı", "geri zekalı", "none"},
        Caught{"sıçayım böyle işe", "sıç", "sıçayım", "none"},
        Caught{"yarrağı yesin", "yarrak", "yarrağı", "none"},
        Caught{"eşşoğlu eşşek", "eşşoğlu eşşek", "eşşoğlu eşşek", "none"},
        Caught{"eşşoğlueşşek", "eşşoğlu eşşek", "eşşoğlueşşek", "none"},
        Caught{"itoğlu", "it oğlu", "itoğlu", "none"},
        Caught{"itin oğlu", "itin oğlu", "itin oğlu", "none"},
        // Turkish upper case, with İ and I.
        Caught{"ŞEREFSİZ", "şerefsiz", "ŞEREFSİZ", "none"},
        Caught{"AŞAĞILIK HERİF", "aşağılık", "AŞAĞILIK", "none"},
        Caught{"SALAKSIN SEN", "salak", "SALAKSIN", "none"},
        Caught{"SiKTiR", "sik", "SiKTiR", "none"},
        // A capital I beside Ç or Ş is ı (SIÇ), İ is i (SİKİŞ).
        Caught{"SIÇARIM BÖYLE İŞE", "sıç", "SIÇARIM", "none"},
        Caught{"SİKİŞ VİDEOSU", "sikiş", "SİKİŞ", "none"},
        // Typed without Turkish letters.
        Caught{"sen bir serefsizsin", "şerefsiz", "serefsizsin", "folded"},
        Caught{"asagilik herif", "aşağılık", "asagilik", "folded"},
        Caught{"kopegin teki", "köpek", "kopegin", "folded"},
        Caught{"senin gotune", "göt", "gotune", "folded"},
        Caught{"kapat got", "göt", "got", "folded", Language::kTurkish},
        Caught{"pic kurusu", "piç", "pic", "folded", Language::kTurkish},
        // Leetspeak.
        Caught{"s1ktir", "sik", "s1ktir", "leet"},
        Caught{"4mk", "amk", "4mk", "leet"},
        Caught{"@mk ya", "amk", "@mk", "leet"},
        Caught{"$alak", "salak", "$alak", "leet"},
        Caught{"@pt@l", "aptal", "@pt@l", "leet"},
        Caught{"g0t", "göt", "g0t", "leet"},
        Caught{"s3r3fs1z", "şerefsiz", "s3r3fs1z", "folded+leet"},
        Caught{"s!kt!r", "sik", "s!kt!r", "leet"},
        // Repeated letters.
        Caught{"salaaaaak", "salak", "salaaaaak", "repeated"},
        Caught{"aptaaaal misin", "aptal", "aptaaaal", "repeated"},
        Caught{"aptalsııııın", "aptal", "aptalsııııın", "repeated"},
        // Separators and spacing inside a word.
        Caught{"Sen tam bir s.a.l.a.k sın", "salak", "s.a.l.a.k", "separated"},
        Caught{"s a l a k", "salak", "s a l a k", "separated"},
        Caught{"sen s-a-l-a-k", "salak", "s-a-l-a-k", "separated"},
        Caught{"s_a_l_a_k", "salak", "s_a_l_a_k", "separated"},
        Caught{"s*a*l*a*k", "salak", "s*a*l*a*k", "separated"},
        Caught{"sa.lak", "salak", "sa.lak", "separated"},
        Caught{"a.q", "aq", "a.q", "separated"},
        Caught{"o.ç", "oç", "o.ç", "separated"},
        Caught{"s.i.k.t.i.r", "sik", "s.i.k.t.i.r", "separated"},
        Caught{"sen,salak", "salak", "salak", "none"},
        // Look-alike letters of other scripts.
        Caught{"s\u0430l\u0430k", "salak", "s\u0430l\u0430k", "homoglyph"},
        Caught{"\u0440\u0456\u0441", "piç", "\u0440\u0456\u0441", "homoglyph"},
        // A text in look-alike letters throughout still has its abuse.
        Caught{"S\u0435n \u0430yn\u0131 z\u0430m\u0430nd\u0430 "
               "s\u0430l\u0430ks\u0131n",
               "salak", "s\u0430l\u0430ks\u0131n", "homoglyph"},
        Caught{"\uFF33\uFF21\uFF2C\uFF21\uFF2B", "salak",
               "\uFF33\uFF21\uFF2C\uFF21\uFF2B", "homoglyph"},
        // Everything at once.
        Caught{"$.@.l.4.k", "salak", "$.@.l.4.k", "leet+separated"},
        Caught{"S A A L A K", "salak", "S A A L A K", "repeated+separated"},
        // English.
        Caught{"you fucking idiots", "fuck", "fucking", "none"},
        Caught{"you fucking idiots", "idiot", "idiots", "none"},
        Caught{"what a f.u.c.k", "fuck", "f.u.c.k", "separated"},
        Caught{"sh1t", "shit", "sh1t", "leet"},
        Caught{"go kill yourself", "kill yourself", "kill yourself", "none"},
        Caught{"I'll kill you", "ill kill you", "I'll kill you", "none"},
        Caught{"a shitty idea", "shit", "shitty", "none"},
        Caught{"He is a real sicko.", "sicko", "sicko", "none"},
        Caught{"those lowlifes again", "lowlife", "lowlifes", "none"},
        // Words that are also things, said of a person (phrase entries).
        Caught{"you are trash", "you are trash", "you are trash", "none"},
        Caught{"You're trash.", "youre trash", "You're trash", "none"},
        Caught{"what a piece of garbage", "piece of garbage",
               "piece of garbage", "none"},
        Caught{"screw you", "screw you", "screw you", "none"},
        Caught{"What a coward!", "what a coward", "What a coward", "none"},
        Caught{"you cowards", "you cowards", "you cowards", "none"},
        Caught{"you're a coward", "youre a coward", "you're a coward", "none"},
        Caught{"He is a coward.", "coward", "coward", "none"},
        Caught{"Shut up, you fool.", "you fool", "you fool", "none"},
        Caught{"You are a clown.", "you are a clown", "You are a clown",
               "none"},
        Caught{"you're pathetic", "youre pathetic", "you're pathetic", "none"},
        Caught{"those libtards again", "libtard", "libtards", "none"},
        Caught{"I hope you die", "hope you die", "hope you die", "none"},
        // Letters masked with asterisks: symbols for letters.
        Caught{"this is sh*t", "shit", "sh*t", "leet"},
        Caught{"you f**king liar", "fuck", "f**king", "leet"},
        Caught{"what an a**hole", "asshole", "a**hole", "leet"},
        Caught{"the b***h lied", "bitch", "b***h", "leet"},
        Caught{"s*kerim böyle işi", "sik", "s*kerim", "leet"},
        Caught{"O*ospu çocuğu", "orospu çocuk", "O*ospu çocuğu", "leet"}));

TEST(MatcherTest, MatchCarriesTheEntry) {
  std::vector<Match> m = Abuse(FindIn(Shipped(), "Bu köpek gibi adam!"));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].term, "köpek");
  EXPECT_EQ(m[0].category, Category::kInsult);
  EXPECT_EQ(m[0].severity, 1);
  EXPECT_TRUE(m[0].ambiguous);
  EXPECT_EQ(m[0].language, Language::kTurkish);
  EXPECT_EQ(m[0].begin, 3);
  EXPECT_EQ(m[0].end, 8);
  EXPECT_EQ(m[0].evasions, 0u);
}

TEST(MatcherTest, SpansAreCodePointsOfTheOriginal) {
  // "Çok" and "şerefsiz" hold two-byte letters; offsets count code points.
  std::vector<Match> m = Abuse(FindIn(Shipped(), "Çok şık ama şerefsiz"));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].begin, 12);
  EXPECT_EQ(m[0].end, 20);
  // A decomposed ş (s + U+0327) stays inside the span.
  m = Abuse(FindIn(Shipped(), "s\u0327erefsiz"));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].begin, 0);
  EXPECT_EQ(m[0].end, 9);
}

TEST(MatcherTest, OverlapsKeepTheMostSpecificEntry) {
  std::vector<Match> m = Abuse(FindIn(Shipped(), "orospu çocuğu"));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].term, "orospu çocuk");
  m = Abuse(FindIn(Shipped(), "salak aptal ahmak"));
  EXPECT_EQ(m.size(), 3u);
}

struct Innocent {
  const char* text;
  std::optional<Language> language = std::nullopt;
};
void PrintTo(const Innocent& c, std::ostream* os) { *os << c.text; }

class InnocentTest : public ::testing::TestWithParam<Innocent> {};

TEST_P(InnocentTest, HasNoAbuseMatch) {
  FindOptions options;
  options.language = GetParam().language;
  std::vector<Match> m = Abuse(FindIn(Shipped(), GetParam().text, options));
  for (const Match& x : m) {
    ADD_FAILURE() << "'" << x.typed << "' matched '" << x.term << "' ("
                  << x.evasion << ")";
  }
}

INSTANTIATE_TEST_SUITE_P(
    Sentences, InnocentTest,
    ::testing::Values(
        // A root inside a word, not at its start.
        Innocent{"Kaptan geldi, adam da geldi."},
        Innocent{"Zaman zaman tamam dedik."}, Innocent{"Bu bir klasik."},
        // Typed Turkish letters that are not the root's.
        Innocent{"Çok sık görüşürüz, şık giyinir."},
        Innocent{"Ekonomide sıkıntı var ve çok sıkıcı."},
        // Vowel harmony: sıkma, sıkar are not sik + suffix.
        Innocent{"sikma canini boyle, sikar seni"},
        // Doubled letters in a root must be typed double.
        Innocent{"as far as I know", Language::kEnglish},
        // English words next to Turkish roots.
        Innocent{"I got it", Language::kEnglish},
        Innocent{"nice pic", Language::kEnglish},
        // Things and deeds named by words that are insults in a phrase.
        Innocent{"Take out the trash on Monday.", Language::kEnglish},
        Innocent{"The screw came loose.", Language::kEnglish},
        Innocent{"It was a cowardly attack on civilians.", Language::kEnglish},
        Innocent{"The circus hired a new clown.", Language::kEnglish},
        Innocent{"A knee-jerk reaction from the council.", Language::kEnglish},
        Innocent{"My cat is a Maine coon.", Language::kEnglish},
        // URLs and e-mail addresses are not searched.
        Innocent{"bak https://example.com/salak-haber"},
        Innocent{"yaz: salak@example.com"},
        // Numbers are not leet.
        Innocent{"Saat 4'te 1 saat 3 dakika"},
        // Asterisks for emphasis, arithmetic and footnotes hide no letter;
        // a masked word needs two typed letters of a root, the first one.
        Innocent{"Bu *çok* güzel bir haber, **gerçekten**."},
        Innocent{"5*3 eder 15, a*b de çarpım."},
        Innocent{"Fiyatlar* yükseldi (*geçen yıla göre)."},
        Innocent{"f*** this", Language::kEnglish},
        Innocent{"*** sansürlendi ***"}));

TEST(MatcherTest, LanguageDecidesAboutForeignAllowlistEntries) {
  EXPECT_TRUE(Abuse(FindIn(Shipped(), "I got it")).empty());
  FindOptions turkish;
  turkish.language = Language::kTurkish;
  EXPECT_EQ(Abuse(FindIn(Shipped(), "got", turkish)).size(), 1u);
}

TEST(MatcherTest, OfTwoEntriesSpeltAlikeTheCommentsLanguageIsKept) {
  // "islam" is in the Turkish and the English target lists: each comment
  // gets its own language's entry, read by that language's rules.
  for (Language language : {Language::kEnglish, Language::kTurkish}) {
    FindOptions options;
    options.language = language;
    std::vector<Match> m = FindIn(Shipped(), "Islam is a religion.", options);
    ASSERT_FALSE(m.empty());
    EXPECT_EQ(m[0].term, "islam");
    EXPECT_EQ(m[0].language, language);
  }
}

TEST(MatcherTest, FindsBeliefTargets) {
  auto doc = text::Document::Parse(
      "İslam'a, Kuran'a, camilere, Hristiyanlara, kiliseye ve ateistlere "
      "saygı; the Church and the mosque.");
  ASSERT_TRUE(doc.ok());
  std::vector<Match> t = Shipped().FindBeliefTargets(*doc);
  std::vector<std::string> terms;
  for (const Match& m : t) {
    EXPECT_EQ(m.category, Category::kBeliefTarget);
    terms.push_back(m.term);
  }
  EXPECT_EQ(terms,
            (std::vector<std::string>{"islam", "kuran", "cami", "hristiyan",
                                      "kilise", "ateist", "church", "mosque"}));
  EXPECT_EQ(t[0].group, "islam");
  EXPECT_EQ(t[0].typed, "İslam'a");
  EXPECT_EQ(t[4].group, "christianity");
}

TEST(MatcherTest, BeliefTargetBesideAbuse) {
  std::vector<Match> all = FindIn(Shipped(), "Allahsız şerefsizler");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].term, "allah");
  EXPECT_EQ(all[0].typed, "Allahsız");
  EXPECT_EQ(all[1].term, "şerefsiz");
}

TEST(MatcherTest, AllowlistCanBeTurnedOff) {
  MatcherOptions options;
  options.use_allowlist = false;
  auto raw = Matcher::Load(LexiconPaths::Default(), options);
  ASSERT_TRUE(raw.ok()) << raw.status();
  EXPECT_EQ(Abuse(FindIn(**raw, "amca")).size(), 1u);
  EXPECT_TRUE(Abuse(FindIn(Shipped(), "amca")).empty());
}

TEST(MatcherTest, ConcurrentFindsAgree) {
  const std::vector<std::string> texts = {"Sen tam bir s.a.l.a.k sın",
                                          "ŞEREFSİZ",
                                          "4mk",
                                          "Ambulans geldi",
                                          "orospu çocukları",
                                          "İslam'a saldıran yobazlar",
                                          "köpeğin teki",
                                          "you fucking idiots"};
  std::vector<std::vector<std::string>> expected;
  for (const std::string& t : texts) {
    std::vector<std::string> spans;
    for (const Match& m : FindIn(Shipped(), t))
      spans.push_back(m.term + "@" + m.typed);
    expected.push_back(spans);
  }
  std::vector<text::Document> docs;
  for (const std::string& t : texts) docs.push_back(*text::Document::Parse(t));
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int w = 0; w < 4; ++w) {
    threads.emplace_back([&, w] {
      for (int i = 0; i < 2000; ++i) {
        size_t k = (i + w) % docs.size();
        std::vector<std::string> spans;
        for (const Match& m : Shipped().Find(docs[k]))
          spans.push_back(m.term + "@" + m.typed);
        if (spans != expected[k]) ++mismatches;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(mismatches.load(), 0);
}

TEST(MatcherTest, RandomTextKeepsSpansInsideTheOriginal) {
  // Adversarial soup: letters, Turkish letters, leet, separators, spaces,
  // Cyrillic look-alikes, combining marks, emoji and URLs.
  const std::vector<std::string> pieces = {"s",
                                           "a",
                                           "l",
                                           "k",
                                           "i",
                                           "ı",
                                           "ş",
                                           "ğ",
                                           "İ",
                                           "I",
                                           "4",
                                           "1",
                                           "@",
                                           "$",
                                           "!",
                                           ".",
                                           "-",
                                           "_",
                                           " ",
                                           "  ",
                                           "\u0430",
                                           "\u0456",
                                           "\u0327",
                                           "\u200B",
                                           "😀",
                                           "'",
                                           "am",
                                           "sik",
                                           "göt",
                                           "aptal",
                                           "https://x.co/salak ",
                                           "#Aptal"};
  std::mt19937 rng(99);
  for (int round = 0; round < 3000; ++round) {
    std::string text = "x";
    const int n = 1 + static_cast<int>(rng() % 30);
    for (int i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
    auto doc = text::Document::Parse(text);
    ASSERT_TRUE(doc.ok()) << text;
    for (const Match& m : Shipped().Find(*doc)) {
      ASSERT_GE(m.begin, 0) << text;
      ASSERT_LT(m.begin, m.end) << text;
      ASSERT_LE(m.end, doc->length()) << text;
      ASSERT_EQ(m.typed,
                std::string(text::SubstrByCodePoints(text, m.begin, m.end)))
          << text;
    }
  }
}

TEST(MatcherTest, HyperscanAndAhoCorasickAgree) {
  if (!internal::HaveHyperscan()) GTEST_SKIP() << "built without Hyperscan";
  MatcherOptions options;
  options.engine = MatcherOptions::Engine::kHyperscan;
  auto hs = Matcher::Load(LexiconPaths::Default(), options);
  ASSERT_TRUE(hs.ok()) << hs.status();
  EXPECT_STREQ((*hs)->engine_name(), "hyperscan");
  EXPECT_STREQ(Shipped().engine_name(), "aho-corasick");
  for (const char* t :
       {"Sen tam bir s.a.l.a.k sın", "s a l a k", "amına koyayım amk",
        "orospuçocuğu", "Ambulans ve amca", "köpeğe", "I'll kill you",
        "İslam'a saldıran şerefsiz yobazlar"}) {
    std::vector<Match> a = FindIn(Shipped(), t), b = FindIn(**hs, t);
    ASSERT_EQ(a.size(), b.size()) << t;
    for (size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].term, b[i].term) << t;
      EXPECT_EQ(a[i].begin, b[i].begin) << t;
      EXPECT_EQ(a[i].end, b[i].end) << t;
    }
  }
}

class BrokenFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // One directory per test and process: ctest runs these tests in
    // parallel, and several checkouts may test at once.
    dir_ = ::testing::TempDir() + "/lexicon_broken_" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name() +
           "_" + std::to_string(::getpid());
    std::filesystem::create_directories(dir_);
    Write("abuse-tr.txt", "# ok\naptal\tinsult\t1\tsfx\n");
    Write("abuse-en.txt", "idiot\tinsult\t1\tsfx\n");
    Write("belief-targets.txt", "cami\tislam\ttr\tsfx\n");
    Write("group-targets.txt", "ermeni\tarmenian\ttr\tsfx\n");
    Write("allowlist.txt", "amca\ttr\tprefix\n");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::string& name, const std::string& content) {
    std::ofstream(dir_ + "/" + name) << content;
  }
  std::string dir_;
};

TEST_F(BrokenFileTest, GoodFilesLoad) {
  auto m = Matcher::Load(LexiconPaths::InDirectory(dir_));
  ASSERT_TRUE(m.ok()) << m.status();
  EXPECT_EQ((*m)->entry_count(), 4);
  EXPECT_EQ((*m)->allow_count(), 1);
}

TEST_F(BrokenFileTest, BrokenLineNamesFileAndLine) {
  Write("abuse-en.txt", "idiot\tinsult\t1\tsfx\n\nmoron\tinsult\n");
  auto m = Matcher::Load(LexiconPaths::InDirectory(dir_));
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(m.status().message(), HasSubstr("abuse-en.txt:3:"));
}

TEST_F(BrokenFileTest, BrokenAllowlistLineNamesFileAndLine) {
  Write("allowlist.txt", "# c\namca\ttr\tprefix\nsikke\tturkish\tprefix\n");
  auto m = Matcher::Load(LexiconPaths::InDirectory(dir_));
  ASSERT_FALSE(m.ok());
  EXPECT_THAT(m.status().message(),
              HasSubstr("allowlist.txt:3: unknown language 'turkish'"));
}

TEST_F(BrokenFileTest, MissingFileIsNotFound) {
  std::remove((dir_ + "/belief-targets.txt").c_str());
  auto m = Matcher::Load(LexiconPaths::InDirectory(dir_));
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace newsroom::lexicon
