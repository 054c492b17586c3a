// The Scunthorpe table (data/lexicon/scunthorpe.txt) and the allowlist
// checked together: innocent text raises no abuse match, and every
// allowlist entry is still needed and has a case in the table.
#include <fstream>
#include <string>

#include "datadir/datadir.h"
#include "gtest/gtest.h"
#include "lexicon/matcher.h"
#include "text/casing.h"

namespace newsroom::lexicon {
namespace {

using langid::Language;

struct Line {
  std::string text;
  std::optional<Language> language;
  int number;
};

std::vector<Line> ReadTable() {
  std::ifstream in(datadir::Get() + "/lexicon/scunthorpe.txt");
  EXPECT_TRUE(in.good()) << "cannot read scunthorpe.txt";
  std::vector<Line> lines;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.rfind('\t');
    EXPECT_NE(tab, std::string::npos) << "scunthorpe.txt:" << number;
    if (tab == std::string::npos) continue;
    std::string lang = line.substr(tab + 1);
    Line l{line.substr(0, tab), std::nullopt, number};
    if (lang == "tr")
      l.language = Language::kTurkish;
    else if (lang == "en")
      l.language = Language::kEnglish;
    else
      EXPECT_EQ(lang, "any") << "scunthorpe.txt:" << number;
    lines.push_back(l);
  }
  return lines;
}

int AbuseCount(const Matcher& m, const std::string& text,
               std::optional<Language> language, std::string* what) {
  auto doc = text::Document::Parse(text);
  EXPECT_TRUE(doc.ok()) << text;
  if (!doc.ok()) return 0;
  FindOptions options;
  options.language = language;
  int n = 0;
  for (const Match& x : m.Find(*doc, options)) {
    if (x.category == Category::kBeliefTarget) continue;
    ++n;
    if (what) *what += "'" + x.typed + "'→" + x.term + " ";
  }
  return n;
}

TEST(ScunthorpeTest, InnocentTextHasNoAbuseMatch) {
  auto m = Matcher::Load(LexiconPaths::Default());
  ASSERT_TRUE(m.ok()) << m.status();
  std::vector<Line> lines = ReadTable();
  EXPECT_GT(lines.size(), 100u);
  for (const Line& l : lines) {
    std::string what;
    EXPECT_EQ(AbuseCount(**m, l.text, l.language, &what), 0)
        << "scunthorpe.txt:" << l.number << " \"" << l.text << "\": " << what;
  }
}

TEST(ScunthorpeTest, TableWouldFailWithoutTheAllowlist) {
  // The table is not vacuous: without the allowlist some lines match.
  MatcherOptions options;
  options.use_allowlist = false;
  auto raw = Matcher::Load(LexiconPaths::Default(), options);
  ASSERT_TRUE(raw.ok()) << raw.status();
  int failing = 0;
  for (const Line& l : ReadTable()) {
    failing += AbuseCount(**raw, l.text, l.language, nullptr) > 0;
  }
  EXPECT_GE(failing, 20);
}

TEST(ScunthorpeTest, EveryAllowlistEntryIsNeededAndTested) {
  auto allow = ReadAllowlist(LexiconPaths::Default().allowlist);
  ASSERT_TRUE(allow.ok()) << allow.status();
  MatcherOptions options;
  options.use_allowlist = false;
  auto raw = Matcher::Load(LexiconPaths::Default(), options);
  ASSERT_TRUE(raw.ok()) << raw.status();
  std::vector<Line> table = ReadTable();
  for (const AllowEntry& a : *allow) {
    // Needed: the word alone is a match when the allowlist is off (as an
    // abuse word or as a belief target).
    auto doc = text::Document::Parse(a.word);
    ASSERT_TRUE(doc.ok());
    FindOptions find;
    find.language = a.language;
    EXPECT_FALSE((*raw)->Find(*doc, find).empty())
        << a.source << ": '" << a.word
        << "' is matched by nothing; the entry can go";
    // Tested: a line of the table holds it.
    std::string key = text::FoldKey(a.word);
    bool tested = false;
    for (const Line& l : table) {
      tested |= text::FoldKey(l.text).find(key) != std::string::npos;
    }
    EXPECT_TRUE(tested) << a.source << ": '" << a.word
                        << "' has no case in scunthorpe.txt";
  }
}

}  // namespace
}  // namespace newsroom::lexicon
