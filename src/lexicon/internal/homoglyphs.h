// Letters from other scripts and styles that pass for Latin ones: Cyrillic
// а о е р с і, Greek ο, fullwidth ａ, mathematical 𝐚, accented á.
//
//   const HomoglyphTable& table = HomoglyphTable::Get();
//   char ascii = table.Lookup(U'а');  // 'a' (Cyrillic a); 0 when not a
//   look-alike
//
// The table is built once, on first use, from ICU: a letter maps to an
// ASCII letter when its compatibility decomposition is that letter plus
// marks (á, fullwidth ａ, mathematical 𝐚, circled ⓐ), or when ICU's
// confusable skeleton (uspoof_getSkeleton, UTS #39) of its lower case
// equals the skeleton of that ASCII letter (Cyrillic а, Greek ο). Turkish
// letters (ç ğ ı ö ş ü) are not in the table: they are not evasions.
// Thread-safe.
#ifndef NEWSROOM_LEXICON_INTERNAL_HOMOGLYPHS_H_
#define NEWSROOM_LEXICON_INTERNAL_HOMOGLYPHS_H_

#include <cstddef>

#include "absl/container/flat_hash_map.h"

namespace newsroom::lexicon::internal {

class HomoglyphTable {
 public:
  // The process-wide table (built on first call; later calls are free).
  static const HomoglyphTable& Get();

  // The lower-case ASCII letter `c` passes for, or 0.
  char Lookup(char32_t c) const {
    auto it = map_.find(c);
    return it == map_.end() ? 0 : it->second;
  }
  size_t size() const { return map_.size(); }

 private:
  HomoglyphTable();
  absl::flat_hash_map<char32_t, char> map_;
};

}  // namespace newsroom::lexicon::internal

#endif  // NEWSROOM_LEXICON_INTERNAL_HOMOGLYPHS_H_
