#include "corpus/shared_data.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

namespace newsroom::corpus {
namespace {

namespace fs = std::filesystem;

// A small copy of the shared data's layout in a scratch folder.
class SharedDataTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "turkish-text");
    fs::create_directories(dir_ / "turkish-words");
    fs::create_directories(dir_ / "offenseval-tr");
    // Every sentence file, 200 lines each, numbered so that they differ.
    for (const char* name :
         {"tatoeba.txt", "common-voice-sentences.txt",
          "common-voice-setimes.txt", "ntrex-news.txt", "ud-pud.txt",
          "ud-penn.txt", "starlang-penn-treebank.txt", "wikipedia-ner.txt",
          "ud-boun.txt", "ud-tourism.txt", "ud-kenet.txt", "ud-framenet.txt",
          "ud-gb.txt", "ud-atis.txt", "nutuk-volume1.txt"}) {
      std::string body;
      for (int i = 0; i < 200; ++i) {
        body += std::string(name) + " cümlesi " + std::to_string(i) + "\n";
      }
      Write("turkish-text/" + std::string(name), body);
    }
    Write("turkish-words/zemberek-freq-100k.txt",
          ". 500\nçok 990\ncok 5\nmı 300\nmi 300\nİstanbul 100\n2024 50\n");
    Write("turkish-words/wordfreq-small-tr.tsv", "ve\t2.0e-02\nçok\t1.0e-03\n");
    Write("turkish-words/opensubtitles-2018-tr-50k.txt", "bir 60\nbu 40\n");
    Write("turkish-words/tesseract-tur-words.txt",
          "Nemrut'un\nSaSaD\n123\ngüzel\n");
    Write("turkish-words/starlang-dictionary.txt",
          "</doc> IS_HEADER\nağızlı IS_ADJ\n");
    std::string pairs;
    for (int i = 0; i < 300; ++i) {  // 300 distinct made-up words
      const std::string tail = {static_cast<char>('a' + i % 26),
                                static_cast<char>('a' + i / 26)};
      pairs += "yetersz" + tail + " yetersiz" + tail + "\n";
    }
    pairs += "aynı aynı\n";
    Write("turkish-words/starlang-misspellings.txt", pairs);
    Write("offenseval-tr/offenseval-tr-training-v1.tsv",
          "id\ttweet\tsubtask_a\n"
          "1\t@USER çok güzel olmuş URL\tNOT\n"
          "2\t@USER cok güzel olmuş\tNOT\n"   // "cok" lacks its ç
          "3\t@USER very nice\tNOT\n"         // no Turkish letter
          "4\t@USER bu iş mi şimdi\tNOT\n");  // "mi" is ambiguous
    options_.data_dir = dir_.string();
  }

  void Write(const std::string& relative, const std::string& body) {
    std::ofstream(dir_ / relative, std::ios::binary) << body;
  }

  fs::path dir_;
  SharedDataOptions options_;
};

TEST_F(SharedDataTest, PartsAreDisjointAndCoverEverySentence) {
  std::set<std::string> seen;
  size_t total = 0;
  for (Part part : {Part::kTrain, Part::kDev, Part::kHeldout}) {
    absl::StatusOr<std::vector<Sentence>> s = ReadSentences(options_, part);
    ASSERT_TRUE(s.ok()) << s.status();
    for (const Sentence& x : *s) {
      EXPECT_TRUE(seen.insert(x.text).second) << "in two parts: " << x.text;
    }
    total += s->size();
  }
  EXPECT_EQ(total, 15u * 200u + 2u);  // every line, and two of the tweets
}

TEST_F(SharedDataTest, BlocksOfLinesStayTogether) {
  options_.block_lines = 10;
  absl::StatusOr<std::vector<Sentence>> held =
      ReadSentences(options_, Part::kHeldout);
  ASSERT_TRUE(held.ok());
  ASSERT_FALSE(held->empty());
  // Held-out lines of a file come in whole blocks of ten.
  std::map<std::string, int> per_file;
  for (const Sentence& s : *held) {
    if (s.source != "offenseval-tr") ++per_file[s.source];
  }
  for (const auto& [file, n] : per_file) EXPECT_EQ(n % 10, 0) << file;
}

TEST_F(SharedDataTest, CleanTestFilesAreHeldOutWhole) {
  const std::set<std::string> kHeldBack = {"common-voice-setimes.txt",
                                           "ntrex-news.txt", "ud-pud.txt",
                                           "ud-boun.txt"};
  std::map<std::string, int> held_lines;
  for (Part part : {Part::kTrain, Part::kDev, Part::kHeldout}) {
    absl::StatusOr<std::vector<Sentence>> s = ReadSentences(options_, part);
    ASSERT_TRUE(s.ok()) << s.status();
    for (const Sentence& x : *s) {
      if (!kHeldBack.count(x.source)) continue;
      EXPECT_EQ(part, Part::kHeldout) << x.source << ": " << x.text;
      ++held_lines[x.source];
    }
  }
  for (const std::string& name : kHeldBack) {
    EXPECT_EQ(held_lines[name], 200) << name;
  }
  // Other files are split.
  absl::StatusOr<std::vector<Sentence>> train =
      ReadSentences(options_, Part::kTrain);
  ASSERT_TRUE(train.ok());
  std::set<std::string> train_sources;
  for (const Sentence& x : *train) train_sources.insert(x.source);
  EXPECT_TRUE(train_sources.count("tatoeba.txt"));
}

TEST_F(SharedDataTest, SplitIsFixedBySeed) {
  auto a = ReadSentences(options_, Part::kDev);
  auto b = ReadSentences(options_, Part::kDev);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(a->size(), b->size());
  for (size_t i = 0; i < a->size(); ++i) EXPECT_EQ((*a)[i].text, (*b)[i].text);
  int moved = 0;
  for (int i = 0; i < 1000; ++i) {
    std::string id = "doc" + std::to_string(i);
    moved += PartOf(id, 1) != PartOf(id, 2);
  }
  EXPECT_GT(moved, 100);  // another seed is another split
  int held = 0;
  for (int i = 0; i < 10000; ++i) {
    held += PartOf("doc" + std::to_string(i), 13) == Part::kHeldout;
  }
  EXPECT_NEAR(held, 1000, 150);
}

TEST(HeldBackTest, TheFourFinalTestFilesOnly) {
  for (const char* f : {"common-voice-setimes.txt", "ntrex-news.txt",
                        "ud-pud.txt", "ud-boun.txt"}) {
    EXPECT_TRUE(IsHeldBack(f)) << f;
  }
  for (const char* f : {"tatoeba.txt", "ud-penn.txt", "offenseval-tr", ""}) {
    EXPECT_FALSE(IsHeldBack(f)) << f;
  }
}

TEST_F(SharedDataTest, TweetsOnlyWhenTypedWithTheirLetters) {
  std::vector<Sentence> tweets;
  for (Part part : {Part::kTrain, Part::kDev, Part::kHeldout}) {
    absl::StatusOr<std::vector<Sentence>> sentences =
        ReadSentences(options_, part);
    ASSERT_TRUE(sentences.ok()) << sentences.status();
    for (const Sentence& s : *sentences) {
      if (s.source == "offenseval-tr") tweets.push_back(s);
    }
  }
  ASSERT_EQ(tweets.size(), 2u);
  std::set<std::string> texts = {tweets[0].text, tweets[1].text};
  EXPECT_TRUE(texts.count("@USER çok güzel olmuş"));  // "URL" removed
  EXPECT_TRUE(texts.count("@USER bu iş mi şimdi"));
  EXPECT_EQ(tweets[0].genre, Genre::kConversational);
}

TEST_F(SharedDataTest, KeysTypedWithoutLetters) {
  auto z = ReadWordCounts(options_, WordSource::kZemberek);
  ASSERT_TRUE(z.ok());
  const std::vector<WordCount> tesseract = {{"yapıyorsun", 0},
                                            {"sevmeyecegim", 0}};
  absl::flat_hash_set<std::string> keys =
      TypedWithoutLettersKeys({*z}, {tesseract}, 0.01);
  EXPECT_TRUE(keys.contains("cok"));  // cok is 5 of 995
  EXPECT_FALSE(TypedWithoutLettersKeys({*z}, {}, 0.001).contains("cok"));
  EXPECT_FALSE(keys.contains("mi"));            // mı and mi
  EXPECT_FALSE(keys.contains("istanbul"));      // no Turkish letter
  EXPECT_TRUE(keys.contains("yapiyorsun"));     // only with its letters
  EXPECT_FALSE(keys.contains("sevmeyecegim"));  // an ASCII typo vouches not
  EXPECT_TRUE(IsTypedWithTurkishLetters("şimdi yapıyorsun", keys));
  // Words the lists do not know are put to the further test.
  auto lacks = [](std::string_view w) { return w == "vatanlarina"; };
  EXPECT_TRUE(IsTypedWithTurkishLetters("şimdi vatanlarına", keys, lacks));
  EXPECT_FALSE(IsTypedWithTurkishLetters("şimdi vatanlarina", keys, lacks));
  EXPECT_TRUE(HasWordTypedWithoutLetters("Ne yapiyorsun?", keys));
  EXPECT_FALSE(IsTypedWithTurkishLetters("şimdi yapiyorsun", keys));
  EXPECT_FALSE(IsTypedWithTurkishLetters("very nice", keys));
}

TEST_F(SharedDataTest, WordCountsArePerBillionAndWordsOnly) {
  auto z = ReadWordCounts(options_, WordSource::kZemberek);
  ASSERT_TRUE(z.ok());
  std::map<std::string, double> m;
  for (const WordCount& w : *z) m[w.word] = w.per_billion;
  EXPECT_FALSE(m.count("."));
  EXPECT_FALSE(m.count("2024"));
  // 990 of 2245 tokens.
  EXPECT_NEAR(m["çok"], 990.0 / 2245.0 * 1e9, 1);
  EXPECT_TRUE(m.count("İstanbul"));
  auto w = ReadWordCounts(options_, WordSource::kWordfreq);
  ASSERT_TRUE(w.ok());
  EXPECT_NEAR((*w)[0].per_billion, 2.0e7, 1);
  auto t = ReadWordCounts(options_, WordSource::kTesseract);
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->size(), 3u);  // "123" is not a word
  EXPECT_EQ((*t)[0].word, "Nemrut'un");
  EXPECT_EQ((*t)[0].per_billion, 0);
  auto d = ReadWordCounts(options_, WordSource::kStarlangDictionary);
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d->size(), 1u);
  EXPECT_EQ((*d)[0].word, "ağızlı");
}

TEST_F(SharedDataTest, MisspellingsSplitByTheirCorrectWord) {
  size_t total = 0;
  for (Part part : {Part::kTrain, Part::kDev, Part::kHeldout}) {
    auto m = ReadMisspellings(options_, part);
    ASSERT_TRUE(m.ok());
    for (const Misspelling& x : *m) EXPECT_NE(x.wrong, x.right);
    total += m->size();
    if (part == Part::kHeldout) EXPECT_GT(m->size(), 10u);
  }
  EXPECT_EQ(total, 300u);  // "aynı aynı" is not a misspelling
}

TEST_F(SharedDataTest, ErrorsNameTheFile) {
  fs::remove(dir_ / "turkish-text/ud-gb.txt");
  auto s = ReadSentences(options_, Part::kTrain);
  EXPECT_EQ(s.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(s.status().message().find("ud-gb.txt"), std::string::npos);

  Write("turkish-words/opensubtitles-2018-tr-50k.txt", "bir 60\nbu kırk\n");
  auto w = ReadWordCounts(options_, WordSource::kOpenSubtitles);
  EXPECT_EQ(w.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(w.status().message().find(":2:"), std::string::npos) << w.status();

  Write("turkish-words/wordfreq-small-tr.tsv", "ve\t2.0e-02\n\xFF\t1\n");
  auto bad = ReadWordCounts(options_, WordSource::kWordfreq);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace newsroom::corpus
