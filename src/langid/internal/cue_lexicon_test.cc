#include "langid/internal/cue_lexicon.h"

#include <gtest/gtest.h>

#include "datadir/datadir.h"

namespace newsroom::langid::internal {
namespace {

std::vector<CueSource> SmallLists() {
  return {
      {Language::kTurkish, "tr.txt",
       "# comment\n[words]\ndeğil\nde 0.4\nönce\nşu 0.6\n\n[endings]\nyor\n"
       "mış\n[after_apostrophe]\nda\nnın\n"},
      {Language::kEnglish, "en.txt",
       "[words]\nthe\nonce\n[after_apostrophe]\nt\ns\n"},
      {Language::kOther, "other.txt",
       "[words]\nund\nsu 0.6\n[before_apostrophe]\nl\n"},
  };
}

std::optional<Cue> LookupWord(const CueLexicon& lex, const char* word) {
  WordShape shape;
  AnalyzeWord(word, &shape);
  return lex.Lookup(shape);
}

TEST(CueLexiconTest, FindsWordsInBothSpellings) {
  absl::StatusOr<CueLexicon> lex = CueLexicon::FromSources(SmallLists());
  ASSERT_TRUE(lex.ok()) << lex.status();
  struct Case {
    const char* word;
    std::optional<Language> want;
    float weight;
  };
  const Case cases[] = {
      {"değil", Language::kTurkish, 1},
      {"DEGIL", Language::kTurkish, 1},  // folded spelling
      {"de", Language::kTurkish, 0.4f},
      {"The", Language::kEnglish, 1},
      {"und", Language::kOther, 1},
      // "önce" folds to "once", an English word: only the exact spelling.
      {"önce", Language::kTurkish, 1},
      {"once", Language::kEnglish, 1},
      // "şu" folds to "su", a Spanish word.
      {"şu", Language::kTurkish, 0.6f},
      {"su", Language::kOther, 0.6f},
      // Endings, on the folded spelling of a longer word.
      {"geliyor", Language::kTurkish, 1},
      {"gelmis", Language::kTurkish, 1},
      {"yor", std::nullopt, 0},  // no stem
      {"olmus'", std::nullopt, 0},
      // Apostrophes.
      {"Ankara'da", Language::kTurkish, 1},
      {"Erdoğan’nın", Language::kTurkish, 1},
      {"don't", Language::kEnglish, 1},
      {"l'homme", Language::kOther, 1},
      {"house", std::nullopt, 0},
  };
  for (const Case& c : cases) {
    std::optional<Cue> got = LookupWord(*lex, c.word);
    ASSERT_EQ(got.has_value(), c.want.has_value()) << c.word;
    if (!got) continue;
    EXPECT_EQ(got->language, *c.want) << c.word;
    EXPECT_FLOAT_EQ(got->weight, c.weight) << c.word;
  }
}

TEST(CueLexiconTest, NamesSpeakForNoLanguage) {
  std::vector<CueSource> lists = SmallLists();
  lists.push_back(
      {Language::kOther, "names.txt", "[names]\nistanbul\nerdoğan\n"});
  absl::StatusOr<CueLexicon> lex = CueLexicon::FromSources(lists);
  ASSERT_TRUE(lex.ok()) << lex.status();
  struct Case {
    const char* word;
    bool name;
  };
  const Case cases[] = {
      {"istanbul", true},    {"İstanbul", true},
      {"ISTANBUL", true},    {"Erdogan", true},
      {"erdoğan", true},     {"İstanbul'da", false},  // a Turkish ending
      {"Erdoğan’ın", false}, {"istanbullu", false},
      {"değil", false},      {"the", false},
  };
  for (const Case& c : cases) {
    WordShape shape;
    AnalyzeWord(c.word, &shape);
    EXPECT_EQ(lex->IsName(shape), c.name) << c.word;
  }
  // A name is no cue of any language.
  EXPECT_FALSE(LookupWord(*lex, "istanbul").has_value());
}

TEST(CueLexiconTest, RejectsANameThatIsACueWord) {
  std::vector<CueSource> lists = SmallLists();
  lists.push_back(
      {Language::kOther, "names.txt", "[names]\nistanbul\ndegil\n"});
  absl::StatusOr<CueLexicon> lex = CueLexicon::FromSources(lists);
  ASSERT_FALSE(lex.ok());
  EXPECT_EQ(lex.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(lex.status().message().find("names.txt:3"), std::string::npos)
      << lex.status();
}

TEST(CueLexiconTest, RejectsAWordThatSpeaksForTwoLanguages) {
  std::vector<CueSource> lists = SmallLists();
  lists[2].text += "[words]\nthe\n";
  absl::StatusOr<CueLexicon> lex = CueLexicon::FromSources(lists);
  ASSERT_FALSE(lex.ok());
  EXPECT_EQ(lex.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(lex.status().message().find("other.txt:7"), std::string::npos)
      << lex.status();
  EXPECT_NE(lex.status().message().find("en.txt:2"), std::string::npos)
      << lex.status();
}

TEST(CueLexiconTest, RejectsBrokenLinesNamingThem) {
  const char* bad[] = {
      "değil\n",               // before any section
      "[words]\nde 0\n",       // weight out of range
      "[words]\nde x\n",       // weight not a number
      "[words]\nde 1 2\n",     // two weights
      "[suffixes]\nyor\n",     // unknown section
      "[names]\nNew York\n",   // a name is one word
      "[names]\nankara 2\n",   // and has no weight
      "[names]\nAnkara'da\n",  // nor an ending
  };
  for (const char* text : bad) {
    absl::StatusOr<CueLexicon> lex =
        CueLexicon::FromSources({{Language::kTurkish, "tr.txt", text}});
    ASSERT_FALSE(lex.ok()) << text;
    EXPECT_EQ(lex.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_NE(lex.status().message().find("tr.txt:"), std::string::npos)
        << lex.status();
  }
}

TEST(CueLexiconTest, LoadsTheRepositoryLists) {
  absl::StatusOr<CueLexicon> lex = CueLexicon::Load(datadir::Get() + "/langid");
  ASSERT_TRUE(lex.ok()) << lex.status();
  EXPECT_GT(lex->size(), 400u);
  EXPECT_EQ(LookupWord(*lex, "cok")->language, Language::kTurkish);
  EXPECT_EQ(LookupWord(*lex, "the")->language, Language::kEnglish);
  EXPECT_EQ(LookupWord(*lex, "und")->language, Language::kOther);
  WordShape shape;
  AnalyzeWord("Istanbul", &shape);
  EXPECT_TRUE(lex->IsName(shape));
}

TEST(CueLexiconTest, MissingDirectoryIsNotFound) {
  absl::StatusOr<CueLexicon> lex = CueLexicon::Load("/nonexistent/langid");
  ASSERT_FALSE(lex.ok());
  EXPECT_EQ(lex.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(lex.status().message().find("/nonexistent/langid/turkish.txt"),
            std::string::npos);
}

}  // namespace
}  // namespace newsroom::langid::internal
