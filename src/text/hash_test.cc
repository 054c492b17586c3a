#include "text/hash.h"

#include <cstdint>
#include <string_view>

#include "gtest/gtest.h"

namespace newsroom::text {
namespace {

TEST(Fnv1a64Test, GivesThePublishedValues) {
  // The reference values of FNV-1a 64 (draft-eastlake-fnv, test vectors).
  struct Case {
    std::string_view bytes;
    uint64_t hash;
  };
  const Case kCases[] = {
      {"", 0xcbf29ce484222325ull},
      {"a", 0xaf63dc4c8601ec8cull},
      {"foobar", 0x85944171f73967e8ull},
  };
  for (const Case& c : kCases) {
    EXPECT_EQ(Fnv1a64(c.bytes), c.hash) << "\"" << c.bytes << "\"";
  }
}

TEST(Fnv1a64Test, ContinuesAHashAcrossPieces) {
  EXPECT_EQ(Fnv1a64("bar", Fnv1a64("foo")), Fnv1a64("foobar"));
  EXPECT_EQ(Fnv1a64("gövde"), Fnv1a64("de", Fnv1a64("göv")));
}

TEST(Fnv1a64Test, ReadsBytesAsUnsigned) {
  // "ö" is 0xC3 0xB6: a signed char would fold in sign-extended values.
  uint64_t h = kFnv1a64Basis;
  h = Fnv1a64Step(h, 0xC3);
  h = Fnv1a64Step(h, 0xB6);
  EXPECT_EQ(Fnv1a64("ö"), h);
}

TEST(Fnv1a64Test, IsAConstantExpression) {
  static_assert(Fnv1a64("a") == 0xaf63dc4c8601ec8cull);
  SUCCEED();
}

}  // namespace
}  // namespace newsroom::text
