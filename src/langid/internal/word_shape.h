// One word reduced to what the language identifier looks at: two lookup
// keys and the kinds of letters it is written with.
//
//   WordShape shape;
//   AnalyzeWord("DEĞİL", &shape);
//   // shape.lower == "değil", shape.fold == "degil",
//   // shape.letters & kTurkishOnlyLetter
//
// Lower case is Unicode's simple, locale-free mapping (I → i, İ → i, ı stays
// ı), so "I" and "ISTANBUL" meet English and folded-Turkish keys alike; the
// fold then writes ç ğ ı ö ş ü â î û as c g i o s u a i u. Apostrophes
// (' and U+2019) are written as '.
//
// Pure functions; thread-safe.
#ifndef NEWSROOM_LANGID_INTERNAL_WORD_SHAPE_H_
#define NEWSROOM_LANGID_INTERNAL_WORD_SHAPE_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace newsroom::langid::internal {

// Bits of WordShape::letters.
enum LetterClass : uint32_t {
  // ğ ı İ ş: in the Turkish alphabet and (bar Azerbaijani) few others.
  kTurkishOnlyLetter = 1u << 0,
  // ç ö ü: Turkish, but also German, French, Azerbaijani, ...
  kTurkishSharedLetter = 1u << 1,
  // â î û: Turkish spelling of a few loan words ("hâlâ", "millî").
  kCircumflexLetter = 1u << 2,
  // ə: Azerbaijani, never Turkish.
  kSchwaLetter = 1u << 3,
  // q w x: in English, never in the Turkish alphabet.
  kQwxLetter = 1u << 4,
  // Any other Latin letter outside a–z (ä ß é ñ ø ł ...).
  kForeignLatinLetter = 1u << 5,
  // A letter of another script (Cyrillic, Greek, Arabic, Han, ...).
  kNonLatinLetter = 1u << 6,
  // An apostrophe inside the word ("Ankara'da", "don't").
  kApostrophe = 1u << 7,
};

struct WordShape {
  std::string lower;     // simple lower case, apostrophes as '
  std::string fold;      // `lower` with Turkish letters folded to ASCII
  uint32_t letters = 0;  // LetterClass bits
};

// Fills `*shape` for `word` (one word token, valid UTF-8). Reuses the
// strings' capacity, so a caller can analyze many words without allocating.
void AnalyzeWord(std::string_view word, WordShape* shape);

}  // namespace newsroom::langid::internal

#endif  // NEWSROOM_LANGID_INTERNAL_WORD_SHAPE_H_
