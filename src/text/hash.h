// Hashes of text that must stay the same from one run, build and machine to
// the next: the splits of the training data, the keys of committed models,
// content-hashed asset names, ETags. (absl::Hash changes between runs and
// must not be used for any of these.)
//
// FNV-1a, 64 bits (Fowler, Noll, Vo; draft-eastlake-fnv): for each byte,
// h = (h ^ byte) * prime, from the offset basis. Its low bits mix poorly;
// callers that reduce it modulo a small number or index a table by it
// finish it with a mixer of their own.
#ifndef NEWSROOM_TEXT_HASH_H_
#define NEWSROOM_TEXT_HASH_H_

#include <cstdint>
#include <string_view>

namespace newsroom::text {

inline constexpr uint64_t kFnv1a64Basis = 14695981039346656037ull;
inline constexpr uint64_t kFnv1a64Prime = 1099511628211ull;

// One more byte (or code point, or any value) folded into `h`.
constexpr uint64_t Fnv1a64Step(uint64_t h, uint64_t value) {
  return (h ^ value) * kFnv1a64Prime;
}

// `bytes` folded into `h`, FNV-1a's offset basis unless a caller continues
// a hash or starts from a basis of its own.
constexpr uint64_t Fnv1a64(std::string_view bytes, uint64_t h = kFnv1a64Basis) {
  for (char c : bytes) h = Fnv1a64Step(h, static_cast<unsigned char>(c));
  return h;
}

}  // namespace newsroom::text

#endif  // NEWSROOM_TEXT_HASH_H_
