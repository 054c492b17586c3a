#include "lexicon/lexicon.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace newsroom::lexicon {
namespace {

using langid::Language;
using ::testing::HasSubstr;

TEST(LexiconTest, ParsesEntriesFlagsAndComments) {
  auto entries = ParseAbuseLexicon(
      "# header\n"
      "\n"
      "aptal\tinsult\t1\tsfx\n"
      "am\tprofanity\t3\tbound\n"
      "sik\tprofanity\t3\tverb,nosoft\n"
      "köpek\tinsult\t1\tsfx,ambiguous\n"
      "orospu çocuğu\tinsult\t3\n",
      "abuse-tr.txt", Language::kTurkish);
  ASSERT_TRUE(entries.ok()) << entries.status();
  ASSERT_EQ(entries->size(), 5u);
  EXPECT_EQ((*entries)[0].term, "aptal");
  EXPECT_EQ((*entries)[0].category, Category::kInsult);
  EXPECT_EQ((*entries)[0].severity, 1);
  EXPECT_EQ((*entries)[0].flags, kSuffixes);
  EXPECT_EQ((*entries)[0].source, "abuse-tr.txt:3");
  EXPECT_EQ((*entries)[1].flags, kBound | kSuffixes);
  EXPECT_EQ((*entries)[2].flags, kVerb | kSuffixes | kNoSoften);
  EXPECT_EQ((*entries)[3].flags, kSuffixes | kAmbiguous);
  EXPECT_EQ((*entries)[4].term, "orospu çocuğu");
  EXPECT_EQ((*entries)[4].flags, 0u);
}

struct BrokenLine {
  const char* content;
  const char* message;  // a part of the expected message
};

class BrokenAbuseLineTest : public ::testing::TestWithParam<BrokenLine> {};

TEST_P(BrokenAbuseLineTest, IsInvalidArgumentNamingFileAndLine) {
  std::string content =
      std::string("# ok\naptal\tinsult\t1\n") + GetParam().content + "\n";
  auto entries = ParseAbuseLexicon(content, "abuse-tr.txt", Language::kTurkish);
  ASSERT_FALSE(entries.ok());
  EXPECT_EQ(entries.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(entries.status().message(), HasSubstr("abuse-tr.txt:3: "));
  EXPECT_THAT(entries.status().message(), HasSubstr(GetParam().message));
}

INSTANTIATE_TEST_SUITE_P(
    Lines, BrokenAbuseLineTest,
    ::testing::Values(
        BrokenLine{"salak insult 1", "found 1 field"},
        BrokenLine{"salak\tinsult", "found 2 field"},
        BrokenLine{"salak\tinsolent\t1", "unknown category 'insolent'"},
        BrokenLine{"salak\tinsult\t4", "severity must be 1, 2 or 3"},
        BrokenLine{"salak\tinsult\tx", "severity must be 1, 2 or 3"},
        BrokenLine{"salak\tinsult\t1\tsuffix", "unknown flag 'suffix'"},
        // A holy figure is a target, not an abuse word.
        BrokenLine{"salak\tinsult\t1\tfigure", "unknown flag 'figure'"},
        BrokenLine{"Salak\tinsult\t1", "not lower case"},
        BrokenLine{"ŞEREFSİZ\tinsult\t2", "write it as şerefsiz"},
        BrokenLine{"s4lak\tinsult\t1", "not a letter"},
        BrokenLine{"geri  zekalı\tinsult\t2", "double space"},
        BrokenLine{"aptal\tinsult\t2", "duplicate term 'aptal'"}));

TEST(LexiconTest, InvalidUtf8IsRefused) {
  auto entries =
      ParseAbuseLexicon("apt\xffl\tinsult\t1\n", "x.txt", Language::kTurkish);
  ASSERT_FALSE(entries.ok());
  EXPECT_EQ(entries.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(entries.status().message(), HasSubstr("x.txt"));
}

TEST(LexiconTest, BeliefTargetsNeedAKnownLanguage) {
  auto ok = ParseBeliefTargets(
      "cami\tislam\ttr\tsfx\nmosque\tislam\ten\njesus\tchristianity\ten\t"
      "figure\n",
      "belief-targets.txt");
  ASSERT_TRUE(ok.ok()) << ok.status();
  EXPECT_EQ((*ok)[0].category, Category::kBeliefTarget);
  EXPECT_EQ((*ok)[0].group, "islam");
  EXPECT_EQ((*ok)[1].language, Language::kEnglish);
  EXPECT_EQ((*ok)[2].flags, kFigure);

  auto bad = ParseBeliefTargets("cami\tislam\tde\n", "belief-targets.txt");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.status().message(),
              HasSubstr("belief-targets.txt:1: unknown language 'de'"));
  auto bound = ParseBeliefTargets("cami\tislam\ttr\tbound\n", "b.txt");
  EXPECT_FALSE(bound.ok());
}

TEST(LexiconTest, AllowlistScopes) {
  auto ok = ParseAllowlist(
      "sikke\ttr\tprefix\tcoin\ngot\ten\texact\nsik sik\ttr\texact\n",
      "allowlist.txt");
  ASSERT_TRUE(ok.ok()) << ok.status();
  EXPECT_TRUE((*ok)[0].prefix);
  EXPECT_EQ((*ok)[0].note, "coin");
  EXPECT_FALSE((*ok)[1].prefix);
  EXPECT_EQ((*ok)[2].word, "sik sik");

  auto bad = ParseAllowlist("sikke\ttr\tstem\n", "allowlist.txt");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.status().message(),
              HasSubstr("allowlist.txt:1: scope must be exact or prefix"));
}

TEST(LexiconTest, MissingFileIsNotFound) {
  auto entries =
      ReadAbuseLexicon("/nonexistent/abuse-tr.txt", Language::kTurkish);
  ASSERT_FALSE(entries.ok());
  EXPECT_EQ(entries.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(entries.status().message(),
              HasSubstr("/nonexistent/abuse-tr.txt"));
}

TEST(LexiconTest, ShippedFilesParse) {
  LexiconPaths paths = LexiconPaths::Default();
  auto tr = ReadAbuseLexicon(paths.abuse_tr, Language::kTurkish);
  ASSERT_TRUE(tr.ok()) << tr.status();
  auto en = ReadAbuseLexicon(paths.abuse_en, Language::kEnglish);
  ASSERT_TRUE(en.ok()) << en.status();
  auto targets = ReadBeliefTargets(paths.belief_targets);
  ASSERT_TRUE(targets.ok()) << targets.status();
  auto allow = ReadAllowlist(paths.allowlist);
  ASSERT_TRUE(allow.ok()) << allow.status();
  EXPECT_GT(tr->size(), 80u);
  EXPECT_GT(en->size(), 50u);
  EXPECT_GT(targets->size(), 60u);
  EXPECT_GT(allow->size(), 20u);
  // Every abuse category is represented in Turkish.
  for (Category c : {Category::kProfanity, Category::kInsult, Category::kSlur,
                     Category::kSexual, Category::kThreat}) {
    bool found = false;
    for (const Entry& e : *tr) found |= e.category == c;
    EXPECT_TRUE(found) << CategoryName(c);
  }
}

}  // namespace
}  // namespace newsroom::lexicon
