// Colloquial spellings of the present progressive, as people type them in
// comments: the r of -Iyor dropped ("kalıyo", "yapıyolar", "diyosun"),
// and -Iyorum/-Iyoruz shortened to -Iyom/-Iyoz ("geliyom"). The spelling
// rule reports them as informal and suggests the standard form.
//
//   std::vector<std::u32string> c =
//   ColloquialProgressiveStandards(U"yapıyolar");
//   // {U"yapıyorlar"}: the caller keeps the first one Turkish accepts.
//
// Thread-safety: a pure function.
#ifndef NEWSROOM_SPELLING_INTERNAL_COLLOQUIAL_H_
#define NEWSROOM_SPELLING_INTERNAL_COLLOQUIAL_H_

#include <string>
#include <string_view>
#include <vector>

namespace newsroom::spelling::internal {

// The standard spellings `lower` (Turkish lower case) may be a colloquial
// spelling of, most likely first; empty when it has no "yo" after one of
// ı i u ü that lacks its r. The candidates are shapes only: whether one is
// a word is for the dictionary to say.
std::vector<std::u32string> ColloquialProgressiveStandards(
    std::u32string_view lower);

}  // namespace newsroom::spelling::internal

#endif  // NEWSROOM_SPELLING_INTERNAL_COLLOQUIAL_H_
