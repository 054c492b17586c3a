// Turkish-aware case mapping and ASCII folding.
//
// Turkish has two i's: dotted i/İ and dotless ı/I. Locale-blind case mapping
// turns "IŞIK" into "işik" and "istanbul" into "ISTANBUL"; the functions here
// use ICU with the Turkish locale, so "IŞIK" ↔ "ışık" and "İstanbul" ↔
// "istanbul".
//
//   std::string lower = newsroom::text::ToLowerTr("İSTANBUL'DA");  // istanbul'da
//   std::string key = newsroom::text::FoldKey("Işık");             // isik
//   CaseCounts c = newsroom::text::CountCase("NATO ve AB");         // 6 up, 2 low
//
// All functions are pure and thread-safe. Inputs must be valid UTF-8.
#ifndef NEWSROOM_TEXT_CASING_H_
#define NEWSROOM_TEXT_CASING_H_

#include <string>
#include <string_view>

namespace newsroom::text {

// Lower/upper case with Turkish rules (I→ı, İ→i, i→İ, ı→I).
std::string ToLowerTr(std::string_view s);
std::string ToUpperTr(std::string_view s);

// The Turkish lower case of one code point, where it does not depend on
// the text around it: exactly what ToLowerTr makes of `c` wherever it
// stands. 0 where it does (Σ, final or not; U+0307 COMBINING DOT ABOVE,
// which "I" absorbs: "I" + U+0307 → "i") and for U+0000. For loops over
// code points on the hot path: when it returns 0 the caller lower-cases the
// whole text with ToLowerTr. ASCII and the Turkish letters are mapped
// inline; other code points through ICU's case properties.
char32_t ToLowerTrNonAscii(char32_t c);  // REQUIRES: c >= 0x80
inline char32_t ToLowerTrSimple(char32_t c) {
  if (c >= 0x80) return ToLowerTrNonAscii(c);
  if (c >= 'A' && c <= 'Z') return c == 'I' ? U'ı' : c + ('a' - 'A');
  return c;
}

// First letter upper case, the rest lower case, with Turkish rules:
// "İSTANBUL" → "İstanbul", "ıŞIK" → "Işık".
std::string ToTitleWordTr(std::string_view word);

// Replaces the Turkish letters ç ğ ı ö ş ü (and upper-case forms, and the
// circumflexed â î û) with their ASCII look-alikes c g i o s u; every other
// code point is copied. "Çığır" → "Cigir". Code-point count is unchanged.
std::string AsciiFold(std::string_view s);

// The ASCII letter a lower-case Turkish or circumflexed letter stands for:
// ç→c ğ→g ı→i ö→o ş→s ü→u â→a î→i û→u; 0 for any other code point
// (upper-case letters included). The per-code-point step of AsciiFold for
// callers that walk code points themselves.
char AsciiFoldLower(char32_t c);

// ASCII fold of the Turkish lower case: the key under which the spellings
// "Işık", "ISIK", "isik" and "ışık" all meet ("isik").
std::string FoldKey(std::string_view s);

// True when `s` contains one of ç ğ ı ö ş ü Ç Ğ İ Ö Ş Ü.
bool HasTurkishLetter(std::string_view s);

// True when code point `c` is one of c g i o s u (either case), the ASCII
// letters that stand for a Turkish letter when it is missing.
bool IsFoldableAscii(char32_t c);

struct CaseCounts {
  int upper = 0;  // letters with an upper-case property (Lu, Lt)
  int lower = 0;  // letters with a lower-case property (Ll)
};
// Counts the cased letters of `s`; uncased letters, digits and marks are
// not counted.
CaseCounts CountCase(std::string_view s);

}  // namespace newsroom::text

#endif  // NEWSROOM_TEXT_CASING_H_
