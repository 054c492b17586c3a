// Switches over the handful of letters Turkish adds to ASCII, written out
// rather than looked up: they are on the hot path of every rule, and a
// switch over a few constants compiles to a compare or two for the ASCII
// letters that make up most of any text. Only code points outside ASCII and
// the Turkish letters go to ICU's case properties (u_tolower, u_toupper),
// whose simple mappings ICU's Turkish locale applies to them too.
//
// The circumflexed vowels are classed as they are pronounced: â as a back a
// ("kâr"), û as a back round u ("mahkûm", "mahkûmu"), î as a front i
// ("millî", "millîyi"). An earlier copy of these tables in the lexicon had û
// as a front vowel; turkish_test.cc pins every vowel's class.
//
// Tested by turkish_test.cc.
#include "text/turkish.h"

#include <unicode/uchar.h>

#include "text/utf8.h"

namespace newsroom::text {

bool IsTurkishLetter(char32_t c) {
  switch (c) {
    case U'ç':
    case U'ğ':
    case U'ı':
    case U'ö':
    case U'ş':
    case U'ü':
    case U'Ç':
    case U'Ğ':
    case U'İ':
    case U'Ö':
    case U'Ş':
    case U'Ü':
      return true;
    default:
      return false;
  }
}

char AsciiFoldLower(char32_t c) {
  switch (c) {
    case U'ç':
      return 'c';
    case U'ğ':
      return 'g';
    case U'ı':
      return 'i';
    case U'ö':
      return 'o';
    case U'ş':
      return 's';
    case U'ü':
      return 'u';
    case U'â':
      return 'a';
    case U'î':
      return 'i';
    case U'û':
      return 'u';
    default:
      return 0;
  }
}

char AsciiFoldLetter(char32_t c) {
  if (char lower = AsciiFoldLower(c); lower != 0) return lower;
  switch (c) {
    case U'Ç':
      return 'C';
    case U'Ğ':
      return 'G';
    case U'İ':
      return 'I';
    case U'Ö':
      return 'O';
    case U'Ş':
      return 'S';
    case U'Ü':
      return 'U';
    case U'Â':
      return 'A';
    case U'Î':
      return 'I';
    case U'Û':
      return 'U';
    default:
      return 0;
  }
}

char32_t WithoutCircumflex(char32_t c) {
  switch (c) {
    case U'â':
      return 'a';
    case U'î':
      return 'i';
    case U'û':
      return 'u';
    case U'Â':
      return 'A';
    case U'Î':
      return 'I';
    case U'Û':
      return 'U';
    default:
      return c;
  }
}

char32_t TurkishCounterpart(char c) {
  switch (c) {
    case 'c':
      return U'ç';
    case 'g':
      return U'ğ';
    case 'i':
      return U'ı';
    case 'o':
      return U'ö';
    case 's':
      return U'ş';
    case 'u':
      return U'ü';
    default:
      return 0;
  }
}

char32_t ToLowerTrNonAscii(char32_t c) {
  switch (c) {
    case U'ç':
    case U'ğ':
    case U'ı':
    case U'ö':
    case U'ş':
    case U'ü':
      return c;
    case U'Ç':
      return U'ç';
    case U'Ğ':
      return U'ğ';
    case U'İ':
      return U'i';
    case U'Ö':
      return U'ö';
    case U'Ş':
      return U'ş';
    case U'Ü':
      return U'ü';
    case U'Σ':
    case 0x0307:
      return 0;  // their lower case depends on their neighbours
    default:
      return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
  }
}

char32_t ToUpperTrSimple(char32_t c) {
  if (c < 0x80) {
    if (c == 'i') return U'İ';
    return (c >= 'a' && c <= 'z') ? c - ('a' - 'A') : c;
  }
  switch (c) {
    case U'ı':
      return U'I';
    case U'ç':
      return U'Ç';
    case U'ğ':
      return U'Ğ';
    case U'ö':
      return U'Ö';
    case U'ş':
      return U'Ş';
    case U'ü':
      return U'Ü';
    case U'â':
      return U'Â';
    case U'î':
      return U'Î';
    case U'û':
      return U'Û';
    default:
      return static_cast<char32_t>(u_toupper(static_cast<UChar32>(c)));
  }
}

bool IsVowel(char32_t c) {
  switch (c) {
    case 'a':
    case 'e':
    case U'ı':
    case 'i':
    case 'o':
    case U'ö':
    case 'u':
    case U'ü':
    case U'â':
    case U'î':
    case U'û':
      return true;
    default:
      return false;
  }
}

bool IsBackVowel(char32_t c) {
  return c == 'a' || c == U'ı' || c == 'o' || c == 'u' || c == U'â' ||
         c == U'û';
}

bool IsRoundVowel(char32_t c) {
  return c == 'o' || c == U'ö' || c == 'u' || c == U'ü' || c == U'û';
}

bool IsVoiceless(char32_t c) {
  switch (c) {
    case 'f':
    case 's':
    case 't':
    case 'k':
    case U'ç':
    case U'ş':
    case 'h':
    case 'p':
      return true;
    default:
      return false;
  }
}

char32_t LastVowel(std::u32string_view word) {
  for (size_t i = word.size(); i > 0; --i) {
    if (IsVowel(word[i - 1])) return word[i - 1];
  }
  return 0;
}

char32_t LastVowelOfUtf8(std::string_view word) {
  char32_t last = 0;
  size_t i = 0;
  while (i < word.size()) {
    char32_t c = NextCodePoint(word, &i);
    if (c >= 0x80 || (c >= 'A' && c <= 'Z')) c = ToLowerTrSimple(c);
    if (!IsVowel(c)) continue;
    // The circumflexed vowels harmonise as their plain letters.
    if (char plain = AsciiFoldLower(c);
        plain != 0 && c != U'ı' && c != U'ö' && c != U'ü') {
      c = static_cast<char32_t>(plain);
    }
    last = c;
  }
  return last;
}

char32_t LowVowel(char32_t vowel) { return IsBackVowel(vowel) ? 'a' : 'e'; }

char32_t HighVowel(char32_t vowel) {
  if (IsBackVowel(vowel)) return IsRoundVowel(vowel) ? 'u' : U'ı';
  return IsRoundVowel(vowel) ? U'ü' : 'i';
}

}  // namespace newsroom::text
