// Words typed with ASCII letters reduced to keys, and the case
// bookkeeping that lets a word typed in any case be restored through its
// lower-case key.
//
//   TypedWord w;
//   if (ParseTypedWord("ISIK'TA", &w)) {
//     // w.key == "isik'ta"; restore the key to "ışık'ta", then
//     std::string out = ApplyTypedCase(w, U"ışık'ta");  // "IŞIK'TA"
//   }
//
// All functions are pure and thread-safe.
#ifndef NEWSROOM_DEASCIIFY_INTERNAL_LETTERS_H_
#define NEWSROOM_DEASCIIFY_INTERNAL_LETTERS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/document.h"
#include "text/turkish.h"

namespace newsroom::deasciify::internal {

// In a restored spelling, the i of a foreign word, whose capital is I
// ("Instagram", "Indianapolis"), as opposed to the Turkish i, whose capital
// is İ. Spellings are lower case but for this one letter.
inline constexpr char32_t kForeignI = U'I';

// The key byte of a code point of a lower-case spelling: itself for a-z,
// 0-9 and ', i for kForeignI, the ASCII look-alike for ç ğ ı ö ş ü â î û
// (text::AsciiFoldLower), and 0 for anything else (such spellings are not
// restorable).
char KeyByte(char32_t c);

// A word as typed with ASCII letters only, reduced to its key.
struct TypedWord {
  // ASCII lower case of the word with every apostrophe (' or U+2019) written
  // as '. "Turkiye’NIN" → "turkiye'nin". One byte per typed code point:
  // a-z, 0-9 and '.
  std::string key;
  // Bit j is set when code point j of the typed word is an upper-case
  // letter. Words longer than 64 code points are not parsed.
  uint64_t upper = 0;
  // Bit j is set when code point j is U+2019 (so that it is written back as
  // typed).
  uint64_t curly = 0;
  // Number of ambiguous letters (c g i o s u, either case) in the key.
  int ambiguous = 0;
  // True when every letter was typed in upper case ("ISIK", "I").
  bool capitals = false;
};

// Fills `*out` and returns true when `word` consists of ASCII letters,
// digits and apostrophes only, with at least one letter, an apostrophe
// neither first nor last, and at most 64 code points ("Turkiye'nin",
// "sayfasi1", "3'unu"). Returns false for anything else: words carrying
// Turkish or other non-ASCII letters, or punctuation, are never restored.
bool ParseTypedWord(std::string_view word, TypedWord* out);

// Writes `restored` (lower case, one code point per key byte) in the case in
// which `typed` was written: "ışık" for "ISIK" → "IŞIK", for "Isik" →
// "Işık"; kForeignI as I or i. Apostrophes come back as typed.
// REQUIRES: restored.size() == typed.key.size()
std::string ApplyTypedCase(const TypedWord& typed,
                           std::u32string_view restored);

// The spelling that ApplyTypedCase() writes back exactly as typed (a typed
// I is kForeignI).
std::u32string AsTyped(const TypedWord& typed);

// `form` with kForeignI written i: for its vowels.
std::u32string WithPlainI(std::u32string_view form);

// ASCII lower case when `word` is ASCII, else text::FoldKey(word); in both
// cases apostrophes are written as '. The key under which the model files
// a previous word.
std::string ContextKey(std::string_view word);

// True for the characters at which a word token is cut into separately
// restored pieces: ASCII digits, '.', ':' and '_' ("T.DAG", "sayfasi1").
inline bool IsPieceSeparator(char c) {
  return (c >= '0' && c <= '9') || c == '.' || c == ':' || c == '_';
}

// Calls fn(piece) for each maximal run of non-separator bytes of `word`, in
// order, and returns true; or returns false without calling fn when `word`
// is one piece: it has no separator, or it is a number with a suffix
// ("3'unu", restored whole so that the digits inform the suffix).
template <typename Fn>
bool ForEachPiece(std::string_view word, Fn fn) {
  bool separated = false;
  for (char c : word) separated |= IsPieceSeparator(c);
  if (!separated) return false;
  if (word[0] >= '0' && word[0] <= '9' &&
      (word.find('\'') != std::string_view::npos ||
       word.find("\xE2\x80\x99") != std::string_view::npos)) {
    return false;
  }
  size_t i = 0;
  while (i < word.size()) {
    while (i < word.size() && IsPieceSeparator(word[i])) ++i;
    size_t start = i;
    while (i < word.size() && !IsPieceSeparator(word[i])) ++i;
    if (i > start) fn(word.substr(start, i - start));
  }
  return true;
}

// Calls fn(part) for each part of an ASCII word written in camel case,
// cut before each capital that follows a small letter ("TarimSurasindan":
// "Tarim", "Surasindan"), and returns true; or returns false without
// calling fn when there is no such capital or a part would have fewer than
// two letters ("iPhone").
template <typename Fn>
bool ForEachCamelCasePart(std::string_view word, Fn fn) {
  auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  std::vector<size_t> cuts = {0};
  for (size_t i = 1; i < word.size(); ++i) {
    if (upper(word[i]) && lower(word[i - 1])) cuts.push_back(i);
  }
  if (cuts.size() == 1) return false;
  cuts.push_back(word.size());
  for (size_t k = 0; k + 1 < cuts.size(); ++k) {
    int letters = 0;
    for (size_t i = cuts[k]; i < cuts[k + 1]; ++i) {
      letters += lower(word[i]) || upper(word[i]);
    }
    if (letters < 2) return false;
  }
  for (size_t k = 0; k + 1 < cuts.size(); ++k) {
    fn(word.substr(cuts[k], cuts[k + 1] - cuts[k]));
  }
  return true;
}

// Writes into *out `word` with every run of three or more equal ASCII
// letters (either case) cut to `keep` letters ("cooook" → "cok" for 1,
// "cook" for 2) and returns true; false when it has no such run.
bool ShortenRepeats(std::string_view word, int keep, std::string* out);

// The inverse for a restoration: `restored` is the restoration of
// ShortenRepeats(typed, keep); each cut run of `typed` is written back at
// its length, as the restored letter, in the case each letter was typed.
std::string LengthenRepeats(std::string_view typed, int keep,
                            std::string_view restored);

// True for the tokens that are restored: words, and numbers with a suffix
// after an apostrophe ("2026'da", "3'ü"), whose suffix is restored like a
// word's.
bool IsWordLike(const text::Token& token);

}  // namespace newsroom::deasciify::internal

#endif  // NEWSROOM_DEASCIIFY_INTERNAL_LETTERS_H_
