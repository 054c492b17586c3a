// The progressive suffix is -(I)yor in every harmony: "yapıyor", "geliyor",
// "oluyor", "görüyor". Spoken Turkish drops its r, and comments are typed
// as they are spoken, so "yo" after a high vowel with no r after it is the
// mark: put the r back ("yapıyo" → "yapıyor", "yapıyolar" → "yapıyorlar",
// "yapıyodu" → "yapıyordu"); a final m or z is the short first person
// ("geliyom" → "geliyorum", "geliyoz" → "geliyoruz"), a final n the second
// ("geliyon" → "geliyorsun"). Only shapes are made
// here; the checker keeps a candidate only if the dictionary accepts it
// and the word as typed is not itself a word.
//
// Tested by colloquial_test.cc.
#include "spelling/internal/colloquial.h"

namespace newsroom::spelling::internal {
namespace {

bool IsHighVowel(char32_t c) {
  return c == U'ı' || c == U'i' || c == U'u' || c == U'ü';
}

}  // namespace

std::vector<std::u32string> ColloquialProgressiveStandards(
    std::u32string_view lower) {
  std::vector<std::u32string> out;
  for (size_t y = 1; y + 1 < lower.size(); ++y) {
    if (lower[y] != U'y' || lower[y + 1] != U'o' ||
        !IsHighVowel(lower[y - 1])) {
      continue;
    }
    const size_t after = y + 2;  // the letter after "yo"
    if (after < lower.size() && lower[after] == U'r') continue;
    std::u32string head(lower.substr(0, after));
    std::u32string_view tail = lower.substr(after);
    if (tail == U"m" || tail == U"z") {
      out.push_back(head + U"ru" + std::u32string(tail));
    } else if (tail == U"n") {
      out.push_back(head + U"rsun");  // "geliyon" → "geliyorsun"
    }
    out.push_back(head + U"r" + std::u32string(tail));
  }
  return out;
}

}  // namespace newsroom::spelling::internal
