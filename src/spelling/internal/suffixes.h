// Turkish suffixes the spelling engine accepts beyond hunspell-tr's tables.
//
//   IsNominalSuffixChain(U"nun");    // true: "Kılıçdaroğlu'nun"
//   IsNominalSuffixChain(U"dakiler"); // true: "Ankara'dakiler"
//   IsNominalSuffixChain(U"dz");     // false
//   ClosingSuffixSplits(U"görüntülenecektir");
//       // {17 - 3}: "görüntülenecek" + "tir"
//   ClosingSuffixesAfter(U"görüntülenecek");  // "tir", "ti", "miş", …
//
// After an apostrophe (names, acronyms, product names) Turkish writes the
// inflectional suffixes: plural, possessive, case, the relative -ki and the
// copula, in that order. Their vowels follow the pronunciation of the name,
// which the spelling does not tell ("LibreOffice'in", "Google'da"), so the
// chain is checked for order and for being real suffixes, not for harmony.
//
// Closing suffixes (copula -DIr, -(y)DI, -(y)mIş, -(y)sA, -(y)ken,
// instrumental -(y)lA, relative -ki) attach to almost any inflected word,
// and hunspell-tr lists them for few stems; so do the personal endings of
// the copula and the past (-(y)Im, -sIn, -(y)Iz, -sInIz, -(y)DIm, -(y)DIn,
// -(y)DIk, -(y)DInIz: "barmenim", "sızdırdınız"), which are accepted but
// never suggested. ClosingSuffixSplits() realises
// each of them for every possible stem — vowel harmony (A: a/e, I: ı/i/u/ü),
// d/t after voiceless consonants, buffer y after vowels — and reports the
// splits whose realisation is exactly the end of the word; the caller then
// checks that the stem is a word.
//
// Pure and thread-safe.
#ifndef NEWSROOM_SPELLING_INTERNAL_SUFFIXES_H_
#define NEWSROOM_SPELLING_INTERNAL_SUFFIXES_H_

#include <string>
#include <string_view>
#include <vector>

namespace newsroom::spelling::internal {

// True when `s` (lower case, without the apostrophe) is a sequence of
// Turkish inflectional suffixes, or empty.
bool IsNominalSuffixChain(std::u32string_view s);

// Stem lengths k such that lower[0, k) + a closing suffix realised for it
// is `lower`. Stems are at least two letters and contain a vowel.
std::vector<size_t> ClosingSuffixSplits(std::u32string_view lower);

// The closing suffixes as written after lower-case `stem`, one for each:
// ClosingSuffixesAfter(U"kahveler") holds "dir", "dirler", "di", "miş",
// "se", "ken", "le" (and "ki" after a locative: "bölümde" → "ki"). Empty
// for a stem without a vowel.
std::vector<std::u32string> ClosingSuffixesAfter(std::u32string_view stem);

}  // namespace newsroom::spelling::internal

#endif  // NEWSROOM_SPELLING_INTERNAL_SUFFIXES_H_
