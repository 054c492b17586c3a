// Letter-level helpers for the spelling engine: Turkish case mapping of
// words, the shape of a word's capitalisation and the Turkish Q keyboard.
// The facts about single letters (case, folding, vowels) are text/turkish.h's.
//
//   std::u32string w = text::ToUtf32("İSTANBUL'DA");
//   CaseShape shape = ShapeOf(w);        // kUpper
//   std::u32string low = LowerTr(w);     // istanbul'da
//   ApplyShape(ToU32("haber"), kUpper);  // HABER
//
// Case mapping here is per code point (Turkish needs nothing else for single
// words), which is much faster than ICU's string case mapping on the hot
// path. All functions are pure and thread-safe.
#ifndef NEWSROOM_SPELLING_INTERNAL_LETTERS_H_
#define NEWSROOM_SPELLING_INTERNAL_LETTERS_H_

#include <string>
#include <string_view>

#include "text/turkish.h"

namespace newsroom::spelling::internal {

// Turkish case mapping of one code point / a word: I→ı, İ→i, i→İ, ı→I,
// text/turkish.h's one-code-point mappings (a code point whose lower case
// depends on its neighbours, which no Turkish word has, is kept as it is).
char32_t LowerTr(char32_t c);
inline char32_t UpperTr(char32_t c) { return text::ToUpperTrSimple(c); }
std::u32string LowerTr(std::u32string_view s);
std::u32string UpperTr(std::u32string_view s);
// UTF-8 convenience: Turkish lower case of a word.
std::string LowerTrUtf8(std::string_view utf8);

bool IsLetter(char32_t c);
bool IsUpper(char32_t c);
bool IsApostrophe(char32_t c);  // ' or ’

// How a word is capitalised, counting letters only.
enum class CaseShape {
  kNone,   // no cased letter
  kLower,  // "haber"
  kTitle,  // "Haber", "Ankara'da" (first letter upper, the rest lower)
  kUpper,  // "HABER", "NATO" (two or more letters, all upper)
  kMixed,  // "LibreOffice", "iPhone", "HAber"
};
CaseShape ShapeOf(std::u32string_view s);

// Whether a word list writes `form` (UTF-8) as a name or an acronym: in
// title case or in capitals ("Ankara", "NATO").
bool IsNameForm(std::string_view form);

// Gives lower-case `s` the shape: kTitle upper-cases the first letter,
// kUpper every letter; kLower, kMixed and kNone return `s` unchanged.
std::u32string ApplyShape(std::u32string_view s, CaseShape shape);

// ASCII fold of one lower-case code point (ç→c, ğ→g, ı→i, ö→o, ş→s, ü→u,
// â→a, î→i, û→u, text::AsciiFoldLower); other code points unchanged.
inline char32_t Fold(char32_t c) {
  const char folded = text::AsciiFoldLower(c);
  return folded != 0 ? static_cast<char32_t>(folded) : c;
}

// True when lower-case `a` and `b` differ at most by letters with the same
// ASCII fold: FoldEqual(U"acmadik", U"açmadık").
inline bool FoldEqual(std::u32string_view a, std::u32string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Fold(a[i]) != Fold(b[i])) return false;
  }
  return true;
}

// True when `a` and `b` (lower case) are different keys side by side on a
// Turkish Q keyboard, in the same row or the rows above and below.
bool AreKeyboardNeighbours(char32_t a, char32_t b);
// The keys side by side with `c` on a Turkish Q keyboard, lower case.
std::u32string KeyboardNeighbours(char32_t c);

// The lower-case letters the suggester tries when it inserts or replaces a
// letter: the 29 letters of the Turkish alphabet plus q, w, x.
std::u32string_view TurkishAlphabet();

}  // namespace newsroom::spelling::internal

#endif  // NEWSROOM_SPELLING_INTERNAL_LETTERS_H_
