// A word is read once, code point by code point. ASCII takes a fast path;
// anything else is lower-cased with ICU's simple case mapping and sorted
// into a letter class by a switch over the dozen letters that matter for
// Turkish, then by ICU's script property. No allocation once the caller's
// strings have grown to the longest word.
//
// Tested by word_shape_test.cc.
#include "langid/internal/word_shape.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "text/casing.h"
#include "text/utf8.h"

namespace newsroom::langid::internal {
namespace {

uint32_t ClassOf(char32_t original, char32_t lower) {
  if (original == U'İ') return kTurkishOnlyLetter;
  switch (lower) {
    case U'ğ':
    case U'ı':
    case U'ş':
      return kTurkishOnlyLetter;
    case U'ç':
    case U'ö':
    case U'ü':
      return kTurkishSharedLetter;
    case U'â':
    case U'î':
    case U'û':
      return kCircumflexLetter;
    case U'ə':
      return kSchwaLetter;
    default:
      break;
  }
  if (!u_isalpha(static_cast<UChar32>(lower))) return 0;
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript(static_cast<UChar32>(lower), &status);
  if (U_FAILURE(status)) return 0;
  return script == USCRIPT_LATIN ? kForeignLatinLetter : kNonLatinLetter;
}

}  // namespace

void AnalyzeWord(std::string_view word, WordShape* shape) {
  shape->lower.clear();
  shape->fold.clear();
  shape->letters = 0;
  size_t i = 0;
  while (i < word.size()) {
    unsigned char b = static_cast<unsigned char>(word[i]);
    if (b < 0x80) {
      char c = static_cast<char>(b);
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c == 'q' || c == 'w' || c == 'x') shape->letters |= kQwxLetter;
      if (c == '\'') shape->letters |= kApostrophe;
      shape->lower.push_back(c);
      shape->fold.push_back(c);
      ++i;
      continue;
    }
    char32_t c = text::NextCodePoint(word, &i);
    if (c == U'\u2019' || c == U'\u02BC') {
      shape->letters |= kApostrophe;
      shape->lower.push_back('\'');
      shape->fold.push_back('\'');
      continue;
    }
    char32_t lower = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
    shape->letters |= ClassOf(c, lower);
    text::AppendCodePoint(lower, &shape->lower);
    if (lower < 0x80) {
      shape->fold.push_back(static_cast<char>(lower));
    } else if (char f = text::AsciiFoldLower(lower); f != 0) {
      shape->fold.push_back(f);
    } else {
      text::AppendCodePoint(lower, &shape->fold);
    }
  }
}

}  // namespace newsroom::langid::internal
