#include "classifier/internal/huge_page_allocator.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace newsroom::classifier::internal {
namespace {

using Table = std::vector<int16_t, HugePageAllocator<int16_t>>;

TEST(HugePageAllocatorTest, LargeBlocksAreAlignedToAHugePage) {
  for (size_t entries :
       {size_t{1} << 20, size_t{1} << 22, (size_t{1} << 22) + 3}) {
    Table t(entries, 0);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(t.data()) % kHugePageBytes, 0u)
        << entries;
    t.back() = 7;  // the whole block is usable
    EXPECT_EQ(t.back(), 7);
  }
}

TEST(HugePageAllocatorTest, SmallBlocksWork) {
  Table t;
  for (int i = 0; i < 1000; ++i) t.push_back(static_cast<int16_t>(i));
  EXPECT_EQ(t.size(), 1000u);
  EXPECT_EQ(t[999], 999);
}

TEST(HugePageAllocatorTest, TablesCopyMoveAndCompareLikeVectors) {
  Table a(size_t{1} << 21, 0);
  a[12345] = -3;
  Table b = a;
  EXPECT_EQ(a, b);
  Table c = std::move(a);
  EXPECT_EQ(c, b);
  c.assign(10, 1);  // shrinks to a small block
  EXPECT_EQ(c, Table(10, 1));
}

}  // namespace
}  // namespace newsroom::classifier::internal
