// The facts of the Turkish alphabet, in one place: which letters are
// Turkish, their case one code point at a time (the dotted and dotless i),
// their ASCII look-alikes and back, vowels, vowel harmony and the voiceless
// consonants that harden a suffix's d. Every component that reasons about
// Turkish letters (casing, the spelling checker, the deasciifier, the
// lexicon matcher, the classifier's features) calls these; none keeps a
// table of its own.
//
//   using namespace newsroom::text;
//   ToLowerTrSimple(U'I');           // U'ı'
//   ToUpperTrSimple(U'i');           // U'İ'
//   AsciiFoldLower(U'ş');            // 's'
//   TurkishCounterpart('s');         // U'ş'
//   HighVowelAfter(U"kitap");        // U'ı'  (kitabı)
//   LowVowelAfter(U"göz");           // U'e'  (gözler)
//
// Vowels are the eight of the alphabet and the circumflexed â î û of
// loanwords ("kâğıt", "millî", "mahkûm"): â and û are back vowels, û and
// the o/ö/u/ü are round, î is front and unrounded, as they are pronounced.
//
// All functions are pure and thread-safe. Code points need not be letters;
// anything a function does not know is passed through or answered with 0 /
// false, as each says.
#ifndef NEWSROOM_TEXT_TURKISH_H_
#define NEWSROOM_TEXT_TURKISH_H_

#include <string_view>

namespace newsroom::text {

// ---------------------------------------------------------------------------
// Letters

// True for ç ğ ı ö ş ü Ç Ğ İ Ö Ş Ü: the letters a text typed on an ASCII
// keyboard lacks (not the circumflexed â î û, which the comment policy does
// not ask for).
bool IsTurkishLetter(char32_t c);

// The ASCII letter a lower-case Turkish or circumflexed letter stands for:
// ç→c ğ→g ı→i ö→o ş→s ü→u â→a î→i û→u; 0 for any other code point
// (upper-case letters and ASCII included).
char AsciiFoldLower(char32_t c);

// The same for either case: Ç→C Ğ→G İ→I Ö→O Ş→S Ü→U Â→A Î→I Û→U and the
// lower-case ones as AsciiFoldLower; 0 for any other code point.
char AsciiFoldLetter(char32_t c);

// â î û and their capitals as a i u A I U; any other code point as it is.
// The circumflex marks a long vowel or a palatal consonant ("kâr", "hâlâ");
// the same word is also written without it.
char32_t WithoutCircumflex(char32_t c);

// The Turkish letter that lower-case ASCII `c` stands for when a text is
// typed without Turkish letters: c→ç g→ğ i→ı o→ö s→ş u→ü; 0 for any other
// byte. The inverse of AsciiFoldLower on the six letters.
char32_t TurkishCounterpart(char c);

// ---------------------------------------------------------------------------
// Case, one code point at a time

// The Turkish lower case of one code point, where it does not depend on the
// text around it: exactly what ICU's Turkish lower-casing makes of `c`
// wherever it stands (I→ı, İ→i). 0 where it does (Σ, final or not; U+0307
// COMBINING DOT ABOVE, which "I" absorbs: "I" + U+0307 → "i") and for
// U+0000: a caller that gets 0 lower-cases the whole text with
// text::ToLowerTr (casing.h). ASCII and the Turkish letters are mapped
// inline; other code points through ICU's case properties.
char32_t ToLowerTrNonAscii(char32_t c);  // REQUIRES: c >= 0x80
inline char32_t ToLowerTrSimple(char32_t c) {
  if (c >= 0x80) return ToLowerTrNonAscii(c);
  if (c >= 'A' && c <= 'Z') return c == 'I' ? U'ı' : c + ('a' - 'A');
  return c;
}

// The Turkish upper case of one code point by its simple (one to one)
// mapping: i→İ, ı→I, ç→Ç, …, â→Â; other code points by ICU's simple upper
// case (so "ß" stays "ß"; text::ToUpperTr gives "SS" for whole texts).
char32_t ToUpperTrSimple(char32_t c);

// ---------------------------------------------------------------------------
// Vowels and harmony. Arguments are lower case; an upper-case or
// non-letter code point is not a vowel.

// a e ı i o ö u ü and â î û.
bool IsVowel(char32_t c);
// a ı o u â û.
bool IsBackVowel(char32_t c);
// o ö u ü û.
bool IsRoundVowel(char32_t c);

// The voiceless consonants f s t k ç ş h p ("fıstıkçı şahap"), after which
// a suffix's d is written t ("kitapta", "sokakta").
bool IsVoiceless(char32_t c);

// The last vowel of lower-case `word`, or 0 when it has none.
char32_t LastVowel(std::u32string_view word);

// The last vowel of UTF-8 `word` in any case, as a plain lower-case vowel
// (a e ı i o ö u ü; â î û count as a i u; ASCII "I" counts as ı, as
// Turkish reads it); 0 when it has none.
char32_t LastVowelOfUtf8(std::string_view word);

// The vowel of a two-way suffix (-lAr, -dA) after a word whose last vowel
// is `vowel`: a after a back vowel, e otherwise (also for 0).
char32_t LowVowel(char32_t vowel);
// The vowel of a four-way suffix (-(y)I, -lIk) after a word whose last
// vowel is `vowel`: ı i u ü by backness and rounding (i for 0).
char32_t HighVowel(char32_t vowel);

// The same after a lower-case word: LowVowel(LastVowel(word)).
inline char32_t LowVowelAfter(std::u32string_view word) {
  return LowVowel(LastVowel(word));
}
inline char32_t HighVowelAfter(std::u32string_view word) {
  return HighVowel(LastVowel(word));
}

}  // namespace newsroom::text

#endif  // NEWSROOM_TEXT_TURKISH_H_
