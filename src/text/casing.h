// Turkish-aware case mapping and ASCII folding of whole texts. The facts
// about single letters they rest on (case one code point at a time, ASCII
// look-alikes, vowels) are in text/turkish.h.
//
// Turkish has two i's: dotted i/İ and dotless ı/I. Locale-blind case mapping
// turns "IŞIK" into "işik" and "istanbul" into "ISTANBUL"; the functions here
// use ICU with the Turkish locale, so "IŞIK" ↔ "ışık" and "İstanbul" ↔
// "istanbul".
//
//   std::string lower = newsroom::text::ToLowerTr("İSTANBUL'DA");  //
//   istanbul'da std::string key = newsroom::text::FoldKey("Işık"); // isik
//   CaseCounts c = newsroom::text::CountCase("NATO ve AB");         // 6 up, 2
//   low
//
// All functions are pure and thread-safe. Inputs must be valid UTF-8.
#ifndef NEWSROOM_TEXT_CASING_H_
#define NEWSROOM_TEXT_CASING_H_

#include <string>
#include <string_view>

#include "text/turkish.h"  // the per-letter facts these are built on

namespace newsroom::text {

// Lower/upper case with Turkish rules (I→ı, İ→i, i→İ, ı→I).
std::string ToLowerTr(std::string_view s);
std::string ToUpperTr(std::string_view s);

// First letter upper case, the rest lower case, with Turkish rules:
// "İSTANBUL" → "İstanbul", "ıŞIK" → "Işık".
std::string ToTitleWordTr(std::string_view word);

// The same without Turkish rules (ICU's root locale), for text in other
// languages such as English: "I" → "i", "THIS" → "this", "i'm" → "I'm".
std::string ToLowerRoot(std::string_view s);
std::string ToTitleWordRoot(std::string_view word);

// Replaces the Turkish letters ç ğ ı ö ş ü (and upper-case forms, and the
// circumflexed â î û) with their ASCII look-alikes c g i o s u; every other
// code point is copied. "Çığır" → "Cigir". Code-point count is unchanged.
std::string AsciiFold(std::string_view s);

// ASCII fold of the Turkish lower case: the key under which the spellings
// "Işık", "ISIK", "isik" and "ışık" all meet ("isik").
std::string FoldKey(std::string_view s);

// True when `s` contains one of ç ğ ı ö ş ü Ç Ğ İ Ö Ş Ü.
bool HasTurkishLetter(std::string_view s);

struct CaseCounts {
  int upper = 0;  // letters with an upper-case property (Lu, Lt)
  int lower = 0;  // letters with a lower-case property (Ll)
};
// Counts the cased letters of `s`; uncased letters, digits and marks are
// not counted.
CaseCounts CountCase(std::string_view s);

}  // namespace newsroom::text

#endif  // NEWSROOM_TEXT_CASING_H_
