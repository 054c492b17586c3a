// The normalized form of a comment that the lexicon patterns are matched
// against, with a map back to the code points the commenter typed.
//
//   NormalizedText t;
//   Normalize("Sen tam bir S.A.L.A.A.K sın", {}, &t);
//   // t.letters == "sen tam bir salak sin"; the unit of "salak"'s first
//   // 'a' covers the original code points of "A.A" (run 2).
//
// Each comment goes through, code point by code point:
//   Turkish lower case (İ and I → i, either of which may stand for ı) →
//   ASCII fold
//   (ş→s, remembering that a Turkish letter was typed) → homoglyphs
//   (Cyrillic а→a, ａ→a, á→a) → leet inside words (4→a, 1→i, 3→e, 0→o,
//   5→s, 7→t, 8→b, 9→g, @→a, $→s, €→e, ! and | between letters→i; a lone
//   one in a spelled-out word, "b 3 y i n") →
//   separators inside a word dropped (s.a.l.a.k, s-a-l-a-k, s_a_l_a_k,
//   zero-width spaces) → runs of single letters between spaces joined
//   (s a l a k) → repeated letters collapsed into one unit with a run count
//   (salaaak → salak).
//
// `letters` holds only 'a'-'z' and ' ' (one space between words);
// `units[i]` says where letters[i] came from. Pure and thread-safe.
#ifndef NEWSROOM_LEXICON_INTERNAL_NORMALIZER_H_
#define NEWSROOM_LEXICON_INTERNAL_NORMALIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace newsroom::lexicon::internal {

// Evasion bits a unit can carry (and the matcher reports).
enum UnitEvasion : uint8_t {
  kUnitLeet = 1u << 0,       // typed as a digit or symbol (4, @, $)
  kUnitHomoglyph = 1u << 1,  // typed as a look-alike letter (Cyrillic а, á)
  kUnitSeparated = 1u << 2,  // a separator was dropped just before it
  kUnitCapitalI = 1u << 3,   // typed as ASCII I, which is ı as often as i
};

struct Unit {
  int begin = 0;  // original code points [begin, end) this unit covers
  int end = 0;
  // The Turkish letter (ç ğ ı ö ş ü) typed in this unit, or 0 when only
  // ASCII (or leet, or look-alike) letters or İ were typed; an ASCII I in
  // a word typed with one of those letters is ı (a Turkish keyboard has
  // İ for i). A typed Turkish letter must be the pattern's own; an ASCII
  // one may stand for it.
  char32_t strict = 0;
  uint16_t run = 1;        // how many typed letters the unit stands for
  uint8_t evasion = 0;     // UnitEvasion bits
  bool start = false;      // a word may start at this unit
  bool end_after = false;  // a word may end after this unit
};

struct NormalizedText {
  std::string letters;      // 'a'-'z' and ' '
  std::vector<Unit> units;  // parallel to letters
  void Clear() {
    letters.clear();
    units.clear();
  }
};

// Normalizes `original` (valid UTF-8) into `*out` (cleared first). Code
// points inside `skip` ([begin, end) code-point ranges, e.g. URLs) count as
// white space.
void Normalize(std::string_view original,
               const std::vector<std::pair<int, int>>& skip,
               NormalizedText* out);

}  // namespace newsroom::lexicon::internal

#endif  // NEWSROOM_LEXICON_INTERNAL_NORMALIZER_H_
