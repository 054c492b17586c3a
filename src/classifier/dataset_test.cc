#include "classifier/dataset.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

namespace newsroom::classifier {
namespace {

using ::testing::HasSubstr;

absl::StatusOr<std::vector<Example>> ParseString(const std::string& s) {
  std::istringstream in(s);
  return ParseOffensEvalTsv(in, "data.tsv");
}

TEST(ParseOffensEvalTsvTest, ReadsRowsAfterTheHeader) {
  absl::StatusOr<std::vector<Example>> data = ParseString(
      "id\ttweet\tsubtask_a\n"
      "20948\t@USER en güzel uyuyan insan ödülü\tNOT\r\n"
      "\n"
      "17442\tya amk dm atmıcan madem\tOFF\n");
  ASSERT_TRUE(data.ok()) << data.status();
  ASSERT_EQ(data->size(), 2u);
  EXPECT_EQ((*data)[0].id, "20948");
  EXPECT_EQ((*data)[0].text, "@USER en güzel uyuyan insan ödülü");
  EXPECT_FALSE((*data)[0].offensive);
  EXPECT_EQ((*data)[0].line, 2);
  EXPECT_EQ((*data)[1].id, "17442");
  EXPECT_TRUE((*data)[1].offensive);
  EXPECT_EQ((*data)[1].line, 4);
}

TEST(ParseOffensEvalTsvTest, BadLinesAreInvalidArgumentNamingTheLine) {
  struct Case {
    std::string text;
    std::string message;
  };
  const Case cases[] = {
      {"1\tiki alan\n", "data.tsv:1: expected three tab-separated fields"},
      {"1\tbir\tNOT\n2\tdört\talan\tOFF\n", "data.tsv:2: expected three"},
      {"1\tbir\toff\n", "data.tsv:1: label must be OFF or NOT, got \"off\""},
      {"\tbir\tNOT\n", "data.tsv:1: empty id"},
      {"1\tbozuk \xC3\x28 metin\tNOT\n", "data.tsv:1: text is not valid UTF-8"},
  };
  for (const Case& c : cases) {
    absl::StatusOr<std::vector<Example>> data = ParseString(c.text);
    ASSERT_FALSE(data.ok()) << c.message;
    EXPECT_EQ(data.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(data.status().message(), HasSubstr(c.message));
  }
}

TEST(ReadOffensEvalTsvTest, MissingFileIsNotFound) {
  absl::StatusOr<std::vector<Example>> data =
      ReadOffensEvalTsv("/nonexistent/offenseval.tsv");
  EXPECT_EQ(data.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(data.status().message(),
              HasSubstr("/nonexistent/offenseval.tsv"));
}

// The split is part of every reported figure: it must never change.
TEST(OffensEvalSplitTest, SplitOfIsStable) {
  struct Case {
    const char* id;
    Split split;
  };
  const Case cases[] = {
      {"20948", Split::kTest},  {"10906", Split::kTest},
      {"13520", Split::kDev},   {"17525", Split::kDev},
      {"10134", Split::kTrain}, {"23457", Split::kTrain},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(SplitOf(c.id), c.split) << c.id;
  }
}

TEST(OffensEvalSplitTest, SplitIsEightyTenTen) {
  int counts[3] = {0, 0, 0};
  const int n = 100000;
  for (int i = 0; i < n; ++i) {
    ++counts[static_cast<int>(SplitOf(std::to_string(i)))];
  }
  EXPECT_NEAR(counts[0], 0.8 * n, 0.01 * n);
  EXPECT_NEAR(counts[1], 0.1 * n, 0.01 * n);
  EXPECT_NEAR(counts[2], 0.1 * n, 0.01 * n);
}

TEST(OffensEvalSplitTest, FoldsAreBalancedAndIndependentOfTheSplit) {
  const int folds = 5, n = 50000;
  std::vector<int> counts(folds, 0), dev_counts(folds, 0);
  for (int i = 0; i < n; ++i) {
    std::string id = std::to_string(i);
    int f = FoldOf(id, folds);
    ASSERT_GE(f, 0);
    ASSERT_LT(f, folds);
    ++counts[f];
    if (SplitOf(id) == Split::kDev) ++dev_counts[f];
  }
  for (int f = 0; f < folds; ++f) {
    EXPECT_NEAR(counts[f], n / folds, 0.04 * n / folds);
    // Every fold holds about a tenth of its ids in dev.
    EXPECT_NEAR(dev_counts[f], 0.1 * counts[f], 0.02 * counts[f]);
  }
}

TEST(OffensEvalSplitTest, NamesRoundTrip) {
  for (Split s : {Split::kTrain, Split::kDev, Split::kTest}) {
    EXPECT_EQ(ParseSplit(SplitName(s)), s);
  }
  EXPECT_EQ(ParseSplit("all"), std::nullopt);
  EXPECT_EQ(ParseSplit("Dev"), std::nullopt);
}

TEST(ParseExamplesTest, TellsTheFormatsApartByTheirFirstLine) {
  struct Case {
    std::string contents;
    DataFormat format;
    size_t examples;
    bool first_offensive;
    std::string first_text;
  };
  const Case cases[] = {
      {"id\ttweet\tsubtask_a\n1\tSen tam bir aptalsın\tOFF\n",
       DataFormat::kOffensEval, 1, true, "Sen tam bir aptalsın"},
      {"id\ttweet\tsubtask_a\tsubtask_b\tsubtask_c\n"
       "86426\t@USER She should ask a few native Americans\tOFF\tUNT\tNULL\n"
       "90194\tThanks for the update\tNOT\tNULL\tNULL\n",
       DataFormat::kOlid, 2, true,
       "@USER She should ask a few native Americans"},
      {",count,hate_speech,offensive_language,neither,class,tweet\n"
       "0,3,0,0,3,2,\"As a woman, you \"\"should\"\"\nknow\"\n"
       "1,3,0,3,0,1,plain tweet\n",
       DataFormat::kDavidson, 2, false, "As a woman, you \"should\"\nknow"},
      {"id\tgroup\tbelief\tlabel\tkind\tpart\ttext\n"
       "1\tjewish\t1\tNOT\tneutral\tdev\tYahudi aileler bir araya geldi.\n",
       DataFormat::kGroupSet, 1, false, "Yahudi aileler bir araya geldi."},
      {"  1 This software and database is being provided to you, the "
       "LICENSEE, by  \n"
       "00001740 03 n 01 entity 0 000 | something; \"the shark was an "
       "entity\"  \n",
       DataFormat::kWordNet, 1, false, "the shark was an entity"},
      {"Saldıran köpek balığının türü ise bilinmiyor.\n\n  Hava güzel.  \n",
       DataFormat::kPlainText, 2, false,
       "Saldıran köpek balığının türü ise bilinmiyor."},
  };
  for (const Case& c : cases) {
    DataFormat format;
    absl::StatusOr<std::vector<Example>> data =
        ParseExamples(c.contents, "data", &format);
    ASSERT_TRUE(data.ok()) << data.status();
    EXPECT_EQ(format, c.format) << c.contents;
    ASSERT_EQ(data->size(), c.examples) << c.contents;
    EXPECT_EQ((*data)[0].offensive, c.first_offensive) << c.contents;
    EXPECT_EQ((*data)[0].text, c.first_text);
  }
}

TEST(ParseExamplesTest, GroupSetRowsKeepTheirGroupKindAndPart) {
  absl::StatusOr<std::vector<Example>> data = ParseExamples(
      "id\tgroup\tbelief\tlabel\tkind\tpart\ttext\n"
      "1\tmuslim\t1\tOFF\texclusion\ttest\tMüslümanlar gitsin.\n"
      "2\tsyrian\t0\tNOT\tnews\tdev\tSuriyeli iki işçi yaralandı.\n",
      "groups.tsv");
  ASSERT_TRUE(data.ok()) << data.status();
  ASSERT_EQ(data->size(), 2u);
  EXPECT_EQ((*data)[0].group, "muslim");
  EXPECT_TRUE((*data)[0].belief);
  EXPECT_EQ((*data)[0].kind, "exclusion");
  EXPECT_EQ((*data)[0].split, Split::kTest);
  EXPECT_FALSE((*data)[1].belief);
  EXPECT_EQ((*data)[1].split, Split::kDev);
}

TEST(ParseExamplesTest, PlainSentencesAreSplitByTheirText) {
  absl::StatusOr<std::vector<Example>> data =
      ParseExamples("Hava bugün güzel.\nHava bugün güzel.\n", "clean.txt");
  ASSERT_TRUE(data.ok()) << data.status();
  ASSERT_EQ(data->size(), 2u);
  EXPECT_EQ((*data)[0].split, SplitOf("Hava bugün güzel."));
  EXPECT_EQ((*data)[0].split, (*data)[1].split);
}

// Lines as they stand in WordNet 3.0's data.noun and data.adj.
constexpr char kWordNet[] =
    "  1 This software and database is being provided to you, the LICENSEE, "
    "by  \n"
    "  2 Princeton University under the following license.  \n"
    "07979880 14 n 01 hell 0 000 | a cause of difficulty and suffering; "
    "\"war is hell\"; \"pure hell\"  \n"
    "10183757 18 n 01 hog 0 000 | a person regarded as greedy and pig-like; "
    "\"he is one hell of a jumper\"  \n"
    "10340312 18 n 02 mick 0 mickey 0 000 | (ethnic slur) offensive term for a "
    "person of Irish descent; \"the Micks were not welcome there\"  \n"
    "01178974 00 a 01 stupid 0 000 | lacking intelligence; \"stupid "
    "idea\"; \"he is one hell of a jumper\"; \"you flaming idiot, sir\"  \n";

TEST(ParseExamplesTest, WordNetGivesTheUsageExamplesOfItsGlosses) {
  DataFormat format;
  absl::StatusOr<std::vector<Example>> data =
      ParseExamples(kWordNet, "data.noun", &format);
  ASSERT_TRUE(data.ok()) << data.status();
  EXPECT_EQ(format, DataFormat::kWordNet);
  // Examples of fewer than three words ("pure hell") are left
  // out, a repeated example counts once, and the examples of a sense
  // WordNet labels a slur are not clean sentences; only WordNet's own
  // labels leave a sense out. The gloss's definition is not an example.
  std::vector<std::string> texts;
  for (const Example& e : *data) {
    texts.push_back(e.text);
    EXPECT_FALSE(e.offensive);
    EXPECT_EQ(e.split, SplitOf(e.text));
  }
  EXPECT_EQ(texts, (std::vector<std::string>{"war is hell",
                                             "he is one hell of a jumper",
                                             "you flaming idiot, sir"}));
  EXPECT_EQ((*data)[1].line, 4);
}

TEST(ParseExamplesTest, WordNetSynsetWithoutAGlossIsAnError) {
  absl::StatusOr<std::vector<Example>> data = ParseExamples(
      "  1 This software and database is being provided to you, the "
      "LICENSEE, by  \n00001740 03 n 01 entity 0 000\n",
      "data.noun");
  ASSERT_FALSE(data.ok());
  EXPECT_EQ(data.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(data.status().message(), HasSubstr("data.noun:2"));
}

TEST(ParseExamplesTest, MalformedRowsNameTheFileAndLine) {
  struct Case {
    std::string contents;
    std::string message;
  };
  const Case cases[] = {
      {"id\ttweet\tsubtask_a\tsubtask_b\tsubtask_c\n1\ttext\tMAYBE\tx\ty\n",
       "olid.tsv:2: subtask_a must be OFF or NOT"},
      {"id\tgroup\tbelief\tlabel\tkind\tpart\ttext\n1\tg\t1\tNOT\tk\ttrain\tx"
       "\n",
       "olid.tsv:2: part must be dev or test"},
      {",count,hate_speech,offensive_language,neither,class,tweet\n0,3,0,0,3,7,"
       "x\n",
       "olid.tsv: row 2: class must be 0, 1 or 2"},
      {"ok line\nbad \xff line\n", "olid.tsv:2: text is not valid UTF-8"},
  };
  for (const Case& c : cases) {
    absl::StatusOr<std::vector<Example>> data =
        ParseExamples(c.contents, "olid.tsv");
    ASSERT_FALSE(data.ok()) << c.contents;
    EXPECT_EQ(data.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(data.status().message(), HasSubstr(c.message));
  }
}

TEST(ReadExamplesTest, MissingFileIsNotFound) {
  EXPECT_EQ(ReadExamples("/nonexistent/data.tsv").status().code(),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace newsroom::classifier
