#include "morphology/dictionary.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace newsroom::morphology {
namespace {

const Dictionary& Turkish() {
  static const Dictionary* d = [] {
    auto loaded = Dictionary::Load(Dictionary::Options::Turkish());
    EXPECT_TRUE(loaded.ok()) << loaded.status();
    return loaded->release();
  }();
  return *d;
}

TEST(DictionaryTest, AcceptsInflectedTurkishAndRejectsFoldedForms) {
  struct Case {
    const char* word;
    bool ok;
  };
  const Case cases[] = {
      {"kitaplarımızdan", true}, {"gelmiyorum", true}, {"değil", true},
      {"teşekkürler", true},     {"İstanbul", true},   {"Ankara'da", true},
      {"degil", false},          {"cok", false},       {"tesekkurler", false},
      {"bilgisyar", false},
  };
  for (const Case& c : cases) EXPECT_EQ(Turkish().Spell(c.word), c.ok) << c.word;
}

TEST(DictionaryTest, RemembersAnswersAndAnswersAsWithoutMemory) {
  Dictionary::Options options = Dictionary::Options::Turkish();
  options.instances = 1;
  options.cache_entries = 0;
  auto plain = Dictionary::Load(options);
  ASSERT_TRUE(plain.ok()) << plain.status();
  // The second round is answered from the cache of the shared dictionary;
  // "Ankara'da" and "ankara'da" differ by case only and are told apart.
  const char* words[] = {"güzel",      "guzel",     "Ankara'da", "ankara'da",
                         "habrler",    "haberler",  "İSTANBUL",  "istanbul",
                         "gelmiyorum", "gelmiyorm", ""};
  for (int round = 0; round < 2; ++round) {
    for (const char* w : words) {
      EXPECT_EQ(Turkish().Spell(w), (*plain)->Spell(w)) << w << " " << round;
    }
  }
  EXPECT_TRUE(Turkish().Spell("Ankara'da"));
  EXPECT_FALSE(Turkish().Spell("ankara'da"));
}

TEST(DictionaryTest, FindsStems) {
  std::vector<std::string> stems = Turkish().Stems("kitaplarımızdan");
  ASSERT_FALSE(stems.empty());
  EXPECT_EQ(stems[0], "kitap");
}

TEST(DictionaryTest, MissingFileIsNotFoundNamingThePath) {
  auto d = Dictionary::Load({"/nonexistent/xx.aff", "/nonexistent/xx.dic", 1});
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(d.status().message().find("/nonexistent/xx.aff"), std::string::npos);
}

TEST(DictionaryTest, ManyThreadsAgreeWithOneThread) {
  const char* words[] = {"güzel", "guzel", "haberler", "habrler", "olmuş", "olmus"};
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&] {
      for (int r = 0; r < 300; ++r) {
        for (int i = 0; i < 6; ++i) {
          if (Turkish().Spell(words[i]) != (i % 2 == 0)) ++mismatches;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
}  // namespace newsroom::morphology
