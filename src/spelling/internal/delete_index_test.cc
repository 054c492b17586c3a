#include "spelling/internal/delete_index.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace newsroom::spelling::internal {
namespace {

bool Finds(const DeleteIndex& index, std::u32string_view q, uint32_t id,
           int deletes = 1) {
  std::vector<uint32_t> ids;
  index.Candidates(q, deletes, &ids);
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

TEST(DeleteIndexTest, FindsWordsOneTypoAway) {
  DeleteIndex index({U"bilgisayar", U"haber", U"ışık", U"kalem"});
  EXPECT_TRUE(Finds(index, U"bilgisyar", 0));  // deletion
  EXPECT_TRUE(Finds(index, U"habper", 1));     // insertion
  EXPECT_TRUE(Finds(index, U"hbaer", 1));      // swap
  EXPECT_TRUE(Finds(index, U"habar", 1));      // substitution
  EXPECT_TRUE(Finds(index, U"isik", 2));       // ı/i and ş/s are free
  EXPECT_FALSE(Finds(index, U"kitap", 3));
  EXPECT_FALSE(Finds(index, U"hbr", 1));  // two letters missing
}

TEST(DeleteIndexTest, TwoQueryDeletesReachTwoExtraLetters) {
  DeleteIndex index({U"haber"});
  EXPECT_FALSE(Finds(index, U"habberrr", 0, 1));
  EXPECT_TRUE(Finds(index, U"hazbeer", 0, 2));
}

TEST(DeleteIndexTest, HashIsFnv1a) {
  EXPECT_EQ(HashU32(U""), 1469598103934665603ull);
  EXPECT_NE(HashU32(U"ab"), HashU32(U"ba"));
}

}  // namespace
}  // namespace newsroom::spelling::internal
