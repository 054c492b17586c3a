// Finding every occurrence of a fixed set of keys in normalized text — the
// one compiled automaton behind all lexicon patterns. Two engines:
//
//   std::unique_ptr<LiteralScanner> s = BuildAhoCorasick({"salak", "am"});
//   std::vector<Hit> hits;
//   s->Scan("sen salaksin", &hits);  // {key 0, end 9}
//
// Aho–Corasick here is a dense DFA over the 27 symbols of normalized text
// (a-z and space); Hyperscan (Intel, Debian's libhyperscan) compiles the
// same keys with hs_compile_lit_multi. Both report every occurrence, also
// overlapping ones, in the order of their end offsets (Hyperscan's order
// among hits that end at the same offset is unspecified). Keys are
// non-empty and hold only a-z and space. Scan is const and thread-safe.
#ifndef NEWSROOM_LEXICON_INTERNAL_LITERAL_SCANNER_H_
#define NEWSROOM_LEXICON_INTERNAL_LITERAL_SCANNER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace newsroom::lexicon::internal {

struct Hit {
  int key;  // index into the keys given to Build…
  int end;  // one past the last byte of the occurrence
};

class LiteralScanner {
 public:
  virtual ~LiteralScanner() = default;
  // Appends every occurrence in `text` to *hits.
  virtual void Scan(std::string_view text, std::vector<Hit>* hits) const = 0;
  // Bytes held by the compiled automaton (and, for Hyperscan, one scratch).
  virtual size_t MemoryBytes() const = 0;
  virtual const char* Name() const = 0;
};

// REQUIRES: every key is non-empty and holds only 'a'-'z' and ' '.
std::unique_ptr<LiteralScanner> BuildAhoCorasick(
    const std::vector<std::string>& keys);

// True when this build has Hyperscan.
bool HaveHyperscan();

// Fails with Unimplemented when the build has no Hyperscan, Internal when
// Hyperscan rejects the keys (or the CPU lacks SSSE3).
absl::StatusOr<std::unique_ptr<LiteralScanner>> BuildHyperscan(
    const std::vector<std::string>& keys);

}  // namespace newsroom::lexicon::internal

#endif  // NEWSROOM_LEXICON_INTERNAL_LITERAL_SCANNER_H_
