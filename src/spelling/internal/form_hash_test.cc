#include "spelling/internal/form_hash.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "absl/container/flat_hash_map.h"

namespace newsroom::spelling::internal {
namespace {

TEST(FormHashTest, IsAPolynomialOverCodePointsPlusOne) {
  EXPECT_EQ(FormHash(U""), 0u);
  EXPECT_EQ(FormHash(U"a"), uint64_t{U'a'} + 1);
  EXPECT_EQ(FormHash(U"ab"),
            FormHashAdd(FormHashMul(uint64_t{U'a'} + 1, kFormHashBase),
                        uint64_t{U'b'} + 1));
  EXPECT_NE(FormHash(U"ab"), FormHash(U"ba"));
  EXPECT_LT(FormHash(U"çekoslovakyalılaştıramadıklarımızdanmışsınız"),
            kFormHashPrime);
}

TEST(FormHashTest, ModularArithmeticAgreesWithWideIntegers) {
  const uint64_t p = kFormHashPrime;
  const uint64_t values[] = {0, 1, 2, 12345, p / 2, p - 2, p - 1};
  for (uint64_t a : values) {
    for (uint64_t b : values) {
      unsigned __int128 wide = static_cast<unsigned __int128>(a) * b;
      EXPECT_EQ(FormHashMul(a, b), static_cast<uint64_t>(wide % p))
          << a << " * " << b;
      EXPECT_EQ(FormHashAdd(a, b), (a + b) % p) << a << " + " << b;
      EXPECT_EQ(FormHashSub(a, b), (a + p - b) % p) << a << " - " << b;
    }
  }
}

struct EditCase {
  std::u32string word;
  const char* edit;  // "del", "del2", "sub", "ins", "swap"
  size_t i;
  size_t j;    // second deletion
  char32_t c;  // letter replaced or inserted
  std::u32string expected;
};

TEST(EditHasherTest, HashingAnEditEqualsHashingTheEditedWord) {
  const EditCase cases[] = {
      {U"habr", "ins", 3, 0, U'e', U"haber"},
      {U"habr", "ins", 0, 0, U'ş', U"şhabr"},
      {U"habr", "ins", 4, 0, U'\'', U"habr'"},
      {U"habr", "del", 0, 0, 0, U"abr"},
      {U"habr", "del", 3, 0, 0, U"hab"},
      {U"habr", "del2", 0, 3, 0, U"ab"},
      {U"habr", "del2", 1, 2, 0, U"hr"},
      {U"ab", "del2", 0, 1, 0, U""},
      {U"habr", "sub", 1, 0, U'u', U"hubr"},
      {U"habr", "sub", 3, 0, U'ı', U"habı"},
      {U"habr", "swap", 2, 0, 0, U"harb"},
      {U"habr", "swap", 0, 0, 0, U"ahbr"},
      {U"x", "del", 0, 0, 0, U""},
      {U"", "ins", 0, 0, U'a', U"a"},
  };
  for (const EditCase& t : cases) {
    EditHasher edits(t.word);
    EXPECT_EQ(edits.Whole(), FormHash(t.word));
    uint64_t h = 0;
    std::string edit = t.edit;
    if (edit == "del") h = edits.Deletion(t.i);
    if (edit == "del2") h = edits.Deletion(t.i, t.j);
    if (edit == "sub") h = edits.Substitution(t.i, t.c);
    if (edit == "ins") h = edits.Insertion(t.i, t.c);
    if (edit == "swap") h = edits.Swap(t.i);
    EXPECT_EQ(h, FormHash(t.expected)) << edit << " " << t.i;
  }
}

// Every edit of random words over a small alphabet (so that equal letters
// and repeated edits are common), checked against the built string.
TEST(EditHasherTest, RandomWordsAllEdits) {
  const std::u32string alphabet = U"abış'";
  std::mt19937 rng(7);
  for (int round = 0; round < 300; ++round) {
    std::u32string w;
    size_t n = rng() % 12;
    for (size_t k = 0; k < n; ++k) w.push_back(alphabet[rng() % 5]);
    EditHasher edits(w);
    ASSERT_EQ(edits.Whole(), FormHash(w));
    for (size_t i = 0; i <= n; ++i) {
      for (char32_t c : alphabet) {
        std::u32string ins = w;
        ins.insert(ins.begin() + i, c);
        ASSERT_EQ(edits.Insertion(i, c), FormHash(ins));
        if (i == n) continue;
        std::u32string sub = w;
        sub[i] = c;
        ASSERT_EQ(edits.Substitution(i, c), FormHash(sub));
      }
      if (i == n) continue;
      std::u32string del = w;
      del.erase(i, 1);
      ASSERT_EQ(edits.Deletion(i), FormHash(del));
      if (i + 1 < n) {
        std::u32string swap = w;
        std::swap(swap[i], swap[i + 1]);
        ASSERT_EQ(edits.Swap(i), FormHash(swap));
      }
      for (size_t j = i + 1; j < n; ++j) {
        std::u32string del2 = w;
        del2.erase(j, 1);
        del2.erase(i, 1);
        ASSERT_EQ(edits.Deletion(i, j), FormHash(del2));
      }
    }
  }
}

// No two of the distinct short words over a Turkish alphabet collide.
TEST(FormHashTest, NoCollisionsAmongShortWords) {
  const std::u32string alphabet = U"abcçdefgğhıijklmnoöprsştuüvyz";
  absl::flat_hash_map<uint64_t, std::u32string> seen;
  std::u32string w;
  for (char32_t a : alphabet) {
    for (char32_t b : alphabet) {
      for (char32_t c : alphabet) {
        for (std::u32string s : {std::u32string{a}, std::u32string{a, b},
                                 std::u32string{a, b, c}}) {
          auto [it, inserted] = seen.emplace(FormHash(s), s);
          ASSERT_TRUE(inserted || it->second == s);
        }
      }
    }
  }
  EXPECT_EQ(seen.size(), 29u + 29u * 29u + 29u * 29u * 29u);
}

}  // namespace
}  // namespace newsroom::spelling::internal
