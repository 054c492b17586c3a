#include "lexicon/internal/literal_scanner.h"

#include <algorithm>
#include <random>
#include <set>
#include <utility>

#include "gtest/gtest.h"

namespace newsroom::lexicon::internal {
namespace {

using Found = std::set<std::pair<int, int>>;  // (key, end)

Found Naive(const std::vector<std::string>& keys, const std::string& text) {
  Found found;
  for (size_t k = 0; k < keys.size(); ++k) {
    for (size_t pos = text.find(keys[k]); pos != std::string::npos;
         pos = text.find(keys[k], pos + 1)) {
      found.insert(
          {static_cast<int>(k), static_cast<int>(pos + keys[k].size())});
    }
  }
  return found;
}

Found ScanAll(const LiteralScanner& s, const std::string& text) {
  std::vector<Hit> hits;
  s.Scan(text, &hits);
  Found found;
  for (const Hit& h : hits) found.insert({h.key, h.end});
  EXPECT_EQ(found.size(), hits.size()) << "duplicate hits";
  return found;
}

std::vector<std::unique_ptr<LiteralScanner>> Engines(
    const std::vector<std::string>& keys) {
  std::vector<std::unique_ptr<LiteralScanner>> engines;
  engines.push_back(BuildAhoCorasick(keys));
  if (HaveHyperscan()) {
    auto hs = BuildHyperscan(keys);
    EXPECT_TRUE(hs.ok()) << hs.status();
    if (hs.ok()) engines.push_back(std::move(*hs));
  }
  return engines;
}

TEST(LiteralScannerTest, OverlappingAndNestedKeys) {
  std::vector<std::string> keys = {"he", "she", "his",       "hers",
                                   "am", "amk", "sen salak", "a"};
  std::string text = "ushers amk sen salak sensalak";
  for (const auto& engine : Engines(keys)) {
    EXPECT_EQ(ScanAll(*engine, text), Naive(keys, text)) << engine->Name();
  }
}

TEST(LiteralScannerTest, RandomisedAgainstNaiveSearch) {
  std::mt19937 rng(20260101);
  std::uniform_int_distribution<int> letter(0, 4);  // small alphabet: a-d, ' '
  auto random_string = [&](int length) {
    std::string s;
    for (int i = 0; i < length; ++i) {
      int c = letter(rng);
      s.push_back(c == 4 ? ' ' : static_cast<char>('a' + c));
    }
    return s;
  };
  for (int round = 0; round < 50; ++round) {
    std::vector<std::string> keys;
    std::set<std::string> unique;
    while (keys.size() < 20) {
      std::string k = random_string(1 + static_cast<int>(rng() % 5));
      if (unique.insert(k).second) keys.push_back(k);
    }
    std::string text = random_string(200);
    for (const auto& engine : Engines(keys)) {
      ASSERT_EQ(ScanAll(*engine, text), Naive(keys, text))
          << engine->Name() << " round " << round;
    }
  }
}

TEST(LiteralScannerTest, ReportsItsSize) {
  auto ac = BuildAhoCorasick({"salak", "aptal"});
  EXPECT_GT(ac->MemoryBytes(), 0u);
  EXPECT_STREQ(ac->Name(), "aho-corasick");
}

}  // namespace
}  // namespace newsroom::lexicon::internal
