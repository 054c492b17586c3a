// The homoglyph table is derived, not typed: ICU ships Unicode's
// confusables data (UTS #39) behind its spoof checker, and its skeleton
// function maps every look-alike of a letter to one prototype. We ask for
// the skeleton of each letter in the blocks where look-alikes of Latin
// letters live and keep those whose skeleton is the skeleton of an ASCII
// letter. Accented Latin letters (á, ë) are caught first by their canonical
// decomposition. The scan covers about 9,000 code points and runs once.
//
// Tested by normalizer_test.cc.
#include "lexicon/internal/homoglyphs.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uspoof.h>

#include <string>

namespace newsroom::lexicon::internal {
namespace {

// Blocks that hold letters confusable with Latin ones.
constexpr std::pair<char32_t, char32_t> kRanges[] = {
    {0x00C0, 0x02AF},    // Latin-1 letters, Latin Extended-A/B, IPA
    {0x0370, 0x052F},    // Greek, Cyrillic, Cyrillic Supplement
    {0x13A0, 0x13FF},    // Cherokee
    {0x1D00, 0x1DBF},    // Phonetic Extensions
    {0x1E00, 0x1FFF},    // Latin Extended Additional, Greek Extended
    {0x2100, 0x214F},    // Letterlike Symbols
    {0x24B6, 0x24E9},    // Circled Latin letters
    {0xA640, 0xA69F},    // Cyrillic Extended-B
    {0xAB30, 0xAB6F},    // Latin Extended-E
    {0xFF21, 0xFF5A},    // Fullwidth Latin
    {0x1D400, 0x1D7FF},  // Mathematical Alphanumeric Symbols
    {0x1F130, 0x1F189},  // Squared and negative squared Latin letters
};

bool IsTurkishLetter(char32_t c) {
  switch (c) {
    case U'ç':
    case U'Ç':
    case U'ğ':
    case U'Ğ':
    case U'ı':
    case U'İ':
    case U'ö':
    case U'Ö':
    case U'ş':
    case U'Ş':
    case U'ü':
    case U'Ü':
    case U'â':
    case U'Â':
    case U'î':
    case U'Î':
    case U'û':
    case U'Û':
      return true;
    default:
      return false;
  }
}

}  // namespace

HomoglyphTable::HomoglyphTable() {
  UErrorCode status = U_ZERO_ERROR;
  USpoofChecker* checker = uspoof_open(&status);
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  if (U_FAILURE(status) || checker == nullptr || nfkd == nullptr) {
    // ICU's data ships with libicu; without it nothing in text/ works either.
    if (checker != nullptr) uspoof_close(checker);
    return;
  }
  auto skeleton = [&](const icu::UnicodeString& s) {
    icu::UnicodeString out;
    UErrorCode st = U_ZERO_ERROR;
    uspoof_getSkeletonUnicodeString(checker, 0, s, out, &st);
    return U_SUCCESS(st) ? out : icu::UnicodeString();
  };
  // Skeleton of each ASCII letter → that letter.
  std::vector<std::pair<icu::UnicodeString, char>> ascii;
  for (char c = 'a'; c <= 'z'; ++c) {
    ascii.emplace_back(skeleton(icu::UnicodeString(static_cast<UChar32>(c))),
                       c);
  }
  for (const auto& [first, last] : kRanges) {
    for (char32_t c = first; c <= last; ++c) {
      if (IsTurkishLetter(c)) continue;
      if (!u_isalpha(c) && u_charType(c) != U_OTHER_SYMBOL) continue;
      UChar32 lower = u_tolower(static_cast<UChar32>(c));
      icu::UnicodeString s(lower);
      // 1. Compatibility decomposition: an ASCII letter, possibly with
      //    marks (á, ｋ, 𝐤, ⓚ).
      UErrorCode st = U_ZERO_ERROR;
      icu::UnicodeString decomposed = nfkd->normalize(s, st);
      if (U_SUCCESS(st) && !decomposed.isEmpty()) {
        UChar32 base = u_tolower(decomposed.char32At(0));
        bool marks_only = true;
        for (int32_t k = decomposed.moveIndex32(0, 1); k < decomposed.length();
             k = decomposed.moveIndex32(k, 1)) {
          int8_t type = u_charType(decomposed.char32At(k));
          marks_only &= type == U_NON_SPACING_MARK ||
                        type == U_COMBINING_SPACING_MARK ||
                        type == U_ENCLOSING_MARK;
        }
        if (base >= 'a' && base <= 'z' && marks_only) {
          map_[c] = static_cast<char>(base);
          continue;
        }
      }
      // 2. Confusable skeleton equal to an ASCII letter's. The skeleton of
      //    Cyrillic к and Greek κ is Latin kra (ĸ), which reads as k.
      icu::UnicodeString sk = skeleton(s);
      if (sk.isEmpty()) continue;
      if (sk == icu::UnicodeString(static_cast<UChar32>(0x0138))) {
        map_[c] = 'k';
        continue;
      }
      for (const auto& [letter_skeleton, letter] : ascii) {
        if (sk == letter_skeleton) {
          map_[c] = letter;
          break;
        }
      }
    }
  }
  uspoof_close(checker);
}

const HomoglyphTable& HomoglyphTable::Get() {
  static const HomoglyphTable* table = new HomoglyphTable();
  return *table;
}

}  // namespace newsroom::lexicon::internal
