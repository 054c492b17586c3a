// The nominal chain is matched against slots in their fixed order, each
// slot optional, each slot a short list of allomorphs, with backtracking
// (chains are at most a handful of suffixes, so this is instant). Closing
// suffixes are templates over archiphonemes, realised per candidate stem
// exactly as a Turkish speaker would: D→d/t, A→a/e, I→ı/i/u/ü, (y)→y after
// a vowel.
//
// Tested by suffixes_test.cc.
#include "spelling/internal/suffixes.h"

#include <string>

#include "text/turkish.h"

namespace newsroom::spelling::internal {
namespace {

using Slot = std::vector<std::u32string_view>;

const std::vector<Slot>& NominalSlots() {
  static const std::vector<Slot>* slots = new std::vector<Slot>{
      // Plural.
      {U"lar", U"ler"},
      // Possessive.
      {U"ımız", U"imiz", U"umuz", U"ümüz", U"mız", U"miz", U"muz", U"müz",
       U"ınız", U"iniz", U"unuz", U"ünüz", U"nız", U"niz", U"nuz", U"nüz",
       U"ları", U"leri", U"ım",   U"im",   U"um",  U"üm",  U"m",   U"ın",
       U"in",   U"un",   U"ün",   U"n",    U"sı",  U"si",  U"su",  U"sü",
       U"ı",    U"i",    U"u",    U"ü"},
      // Case.
      {U"ndan", U"nden", U"dan", U"den", U"tan", U"ten", U"nda", U"nde", U"da",
       U"de",   U"ta",   U"te",  U"nın", U"nin", U"nun", U"nün", U"ın",  U"in",
       U"un",   U"ün",   U"yla", U"yle", U"la",  U"le",  U"yı",  U"yi",  U"yu",
       U"yü",   U"nı",   U"ni",  U"nu",  U"nü",  U"ı",   U"i",   U"u",   U"ü",
       U"ya",   U"ye",   U"na",  U"ne",  U"a",   U"e",   U"ca",  U"ce",  U"ça",
       U"çe",   U"ce",   U"nca", U"nce"},
      // Relative -ki.
      {U"ki"},
      // After -ki: plural, then a case with buffer n.
      {U"ler"},
      {U"nden", U"nde", U"nin", U"ni", U"ne", U"yle", U"den", U"de", U"in",
       U"i", U"e", U"le"},
      // Copula and personal endings.
      {U"dırlar", U"dirler", U"durlar", U"dürler", U"dır",  U"dir",  U"dur",
       U"dür",    U"tır",    U"tir",    U"tur",    U"tür",  U"ydı",  U"ydi",
       U"ydu",    U"ydü",    U"dı",     U"di",     U"du",   U"dü",   U"tı",
       U"ti",     U"tu",     U"tü",     U"ymış",   U"ymiş", U"ymuş", U"ymüş",
       U"mış",    U"miş",    U"muş",    U"müş",    U"ysa",  U"yse",  U"sa",
       U"se",     U"yken",   U"ken",    U"yım",    U"yim",  U"yum",  U"yüm",
       U"yız",    U"yiz",    U"yuz",    U"yüz",    U"sın",  U"sin",  U"sun",
       U"sün",    U"sınız",  U"siniz",  U"sunuz",  U"sünüz"},
  };
  return *slots;
}

bool MatchFrom(std::u32string_view s, size_t slot, size_t pos) {
  if (pos == s.size()) return true;
  const std::vector<Slot>& slots = NominalSlots();
  for (size_t k = slot; k < slots.size(); ++k) {
    for (std::u32string_view alt : slots[k]) {
      if (s.substr(pos, alt.size()) == alt &&
          MatchFrom(s, k + 1, pos + alt.size())) {
        return true;
      }
    }
  }
  return false;
}

// Realises `pattern` after `stem`. Pattern letters: D (d/t), A (a/e),
// I (ı/i/u/ü), Y (y after a vowel, else nothing); others literal.
// Returns false when the stem has no vowel.
bool Realize(std::u32string_view stem, std::u32string_view pattern,
             std::u32string* out) {
  out->clear();
  char32_t vowel = text::LastVowel(stem);
  if (vowel == 0 || stem.empty()) return false;
  char32_t last = stem.back();
  for (char32_t p : pattern) {
    char32_t c = p;
    switch (p) {
      case U'D':
        c = text::IsVoiceless(last) ? U't' : U'd';
        break;
      case U'A':
        c = text::LowVowel(vowel);
        break;
      case U'I':
        c = text::HighVowel(vowel);
        break;
      case U'Y':
        if (!text::IsVowel(last)) continue;
        c = U'y';
        break;
      default:
        break;
    }
    out->push_back(c);
    last = c;
    if (text::IsVowel(c)) vowel = c;
  }
  return true;
}

// The closing suffixes, in the notation of Realize().
constexpr std::u32string_view kClosingPatterns[] = {
    U"DIr", U"DIrlAr", U"YDI", U"YmIş", U"YsA", U"Yken", U"YlA",
};

// The personal endings of the copula and of the past, which hunspell-tr
// lacks for many stems ("barmenim", "atletiksin", "sızdırdınız"): accepted
// after a known stem, not suggested (ClosingSuffixesAfter()).
constexpr std::u32string_view kPersonalPatterns[] = {
    U"YIm", U"sIn", U"YIz", U"sInIz", U"YDIm", U"YDIn", U"YDIk", U"YDInIz",
};

// -ki follows a locative: "belgenizde" + "ki".
bool EndsInLocative(std::u32string_view s) {
  if (s.size() < 2) return false;
  std::u32string_view loc = s.substr(s.size() - 2);
  return loc == U"da" || loc == U"de" || loc == U"ta" || loc == U"te";
}

}  // namespace

bool IsNominalSuffixChain(std::u32string_view s) { return MatchFrom(s, 0, 0); }

std::vector<size_t> ClosingSuffixSplits(std::u32string_view lower) {
  std::vector<size_t> splits;
  std::u32string realized;
  auto split = [&](std::u32string_view pattern) {
    // A realisation is as long as the pattern or one letter shorter.
    for (size_t len = pattern.size() - 1; len <= pattern.size(); ++len) {
      if (len + 2 > lower.size()) continue;
      size_t k = lower.size() - len;
      std::u32string_view stem = lower.substr(0, k);
      if (Realize(stem, pattern, &realized) && realized == lower.substr(k)) {
        splits.push_back(k);
      }
    }
  };
  for (std::u32string_view pattern : kClosingPatterns) split(pattern);
  for (std::u32string_view pattern : kPersonalPatterns) split(pattern);
  // -ki after a locative: "belgenizdeki".
  if (lower.size() > 5 && lower.substr(lower.size() - 2) == U"ki" &&
      EndsInLocative(lower.substr(0, lower.size() - 2))) {
    splits.push_back(lower.size() - 2);
  }
  return splits;
}

std::vector<std::u32string> ClosingSuffixesAfter(std::u32string_view stem) {
  std::vector<std::u32string> out;
  std::u32string realized;
  for (std::u32string_view pattern : kClosingPatterns) {
    if (Realize(stem, pattern, &realized)) out.push_back(realized);
  }
  if (stem.size() > 3 && EndsInLocative(stem)) out.push_back(U"ki");
  return out;
}

}  // namespace newsroom::spelling::internal
