// The base is drawn once, during static initialisation (nothing hashes a
// form before main()). The prefix, suffix and power tables are filled in
// one pass each; then every edit is a handful of multiplications modulo
// 2^61 − 1, each one 64×64→128-bit product and a fold of the high bits
// onto the low (2^61 ≡ 1).
//
// Tested by form_hash_test.cc.
#include "spelling/internal/form_hash.h"

#include <random>

namespace newsroom::spelling::internal {
namespace {

uint64_t RandomBase() {
  std::random_device device;
  uint64_t r = (uint64_t{device()} << 32) ^ device();
  return (uint64_t{1} << 32) + r % (kFormHashPrime - 2 - (uint64_t{1} << 32));
}

}  // namespace

const uint64_t kFormHashBase = RandomBase();

namespace {

// B^k for k <= kSharedPowers, computed once.
constexpr size_t kSharedPowers = 64;
const uint64_t* SharedPowers() {
  static const uint64_t* powers = [] {
    uint64_t* p = new uint64_t[kSharedPowers + 1];
    p[0] = 1;
    for (size_t k = 1; k <= kSharedPowers; ++k) {
      p[k] = FormHashMul(p[k - 1], kFormHashBase);
    }
    return p;
  }();
  return powers;
}

}  // namespace

uint64_t FormHash(std::u32string_view s, uint64_t base) {
  uint64_t h = 0;
  for (char32_t c : s) h = FormHashExtend(h, c, base);
  return h;
}

EditHasher::EditHasher(std::u32string_view word, uint64_t base)
    : word_(word),
      base_(base),
      prefix_(word.size() + 1),
      suffix_(word.size() + 1) {
  const size_t n = word.size();
  if (n <= kSharedPowers && base == kFormHashBase) {  // power_[k], k <= n
    power_ = SharedPowers();
  } else {
    extra_powers_.resize(n + 2);
    extra_powers_[0] = 1;
    for (size_t k = 1; k < extra_powers_.size(); ++k) {
      extra_powers_[k] = FormHashMul(extra_powers_[k - 1], base);
    }
    power_ = extra_powers_.data();
  }
  prefix_[0] = 0;
  for (size_t i = 0; i < n; ++i) {
    prefix_[i + 1] = FormHashExtend(prefix_[i], word[i], base);
  }
  suffix_[n] = 0;
  for (size_t i = n; i > 0; --i) {
    suffix_[i - 1] = FormHashAdd(
        FormHashMul(uint64_t{word[i - 1]} + 1, power_[n - i]), suffix_[i]);
  }
}

}  // namespace newsroom::spelling::internal
