// Normalization is one pass over the code points and one pass over the
// white-space separated chunks.
//
// The first pass classifies each code point: a letter (folded to a-z, with
// the Turkish letter it was, if any), a possible leet character, an
// apostrophe, another separator, a combining mark (which joins the letter
// before it), or white space. Whether a digit is a letter depends on its
// chunk: "4mk" and "s1k" are words, "2026" is not.
//
// The second pass turns each chunk into pieces: runs of letters between
// separators. A root may run across separators ("s.a.l.a.k", "pi-ç") and
// may start at any piece that is not a lone letter after a lone letter
// ("sen,salak" has a word start at "salak"; inside "s.a.l.a.k" only "s" is
// one). After an apostrophe a word may end but not start: "Amasya'da" is
// one word with a suffix. A run of chunks that are one letter each ("s a l
// a k") is joined into one word. Equal letters in a row inside a word
// become one unit that remembers how many were typed, so patterns are
// matched on "salak" whether the commenter wrote "salak" or "saaalaaak";
// the matcher then checks the counts where a pattern needs a double letter.
//
// Tested by normalizer_test.cc.
#include "lexicon/internal/normalizer.h"

#include <unicode/uchar.h>

#include "lexicon/internal/homoglyphs.h"
#include "text/utf8.h"

namespace newsroom::lexicon::internal {
namespace {

enum class Kind : uint8_t {
  kLetter,
  kLeetDigit,   // 0 1 3 4 5 7 8 9
  kLeetSymbol,  // @ $ €
  kLeetBang,    // ! | (an i only between letters)
  kApostrophe,
  kSeparator,
  kMark,
  kSpace,
};

struct Atom {
  Kind kind;
  char letter = 0;  // for letters and leet characters
  bool upper = false;
  bool lower = false;
  uint8_t evasion = 0;
  char32_t strict = 0;
  char32_t c = 0;
  int begin = 0;  // code points
  int end = 0;
};

Atom Classify(char32_t c) {
  Atom a{Kind::kSeparator};
  a.c = c;
  if (c < 0x80) {
    if (c >= 'a' && c <= 'z') {
      a.kind = Kind::kLetter;
      a.letter = static_cast<char>(c);
      a.lower = true;
    } else if (c >= 'A' && c <= 'Z') {
      // ASCII I is left non-strict: in text typed without Turkish letters
      // it stands for İ as often as for I.
      a.kind = Kind::kLetter;
      a.letter = static_cast<char>(c - 'A' + 'a');
      a.upper = true;
      if (c == 'I') a.evasion = kUnitCapitalI;
    } else if (c >= '0' && c <= '9') {
      static constexpr char kLeet[] = "oi\0eas\0tbg";
      a.letter = kLeet[c - '0'];
      a.kind = a.letter != 0 ? Kind::kLeetDigit : Kind::kSeparator;
    } else if (c == '@') {
      a.kind = Kind::kLeetSymbol;
      a.letter = 'a';
    } else if (c == '$') {
      a.kind = Kind::kLeetSymbol;
      a.letter = 's';
    } else if (c == '!' || c == '|') {
      a.kind = Kind::kLeetBang;
      a.letter = 'i';
    } else if (c == '\'' || c == '`') {
      a.kind = Kind::kApostrophe;
    } else if (c == ' ' || (c >= '\t' && c <= '\r')) {
      a.kind = Kind::kSpace;
    }
    return a;
  }
  auto turkish = [&](char letter, char32_t strict, bool upper) {
    a.kind = Kind::kLetter;
    a.letter = letter;
    a.strict = strict;
    a.upper = upper;
    a.lower = !upper;
    return a;
  };
  switch (c) {
    case U'ç':
      return turkish('c', U'ç', false);
    case U'Ç':
      return turkish('c', U'ç', true);
    case U'ğ':
      return turkish('g', U'ğ', false);
    case U'Ğ':
      return turkish('g', U'ğ', true);
    case U'ı':
      return turkish('i', U'ı', false);
    // İ is left non-strict too: text typed without ı and then put in
    // capitals on a Turkish keyboard has İ for ı (HİYAR).
    case U'İ':
      return turkish('i', 0, true);
    case U'ö':
      return turkish('o', U'ö', false);
    case U'Ö':
      return turkish('o', U'ö', true);
    case U'ş':
      return turkish('s', U'ş', false);
    case U'Ş':
      return turkish('s', U'ş', true);
    case U'ü':
      return turkish('u', U'ü', false);
    case U'Ü':
      return turkish('u', U'ü', true);
    case U'â':
      return turkish('a', 0, false);
    case U'Â':
      return turkish('a', 0, true);
    case U'î':
      return turkish('i', 0, false);
    case U'Î':
      return turkish('i', 0, true);
    case U'û':
      return turkish('u', 0, false);
    case U'Û':
      return turkish('u', 0, true);
    case 0x2019:
    case 0x2018:
    case 0x00B4:
    case 0x02BC:
      a.kind = Kind::kApostrophe;
      return a;
    case 0x20AC:  // €
      a.kind = Kind::kLeetSymbol;
      a.letter = 'e';
      return a;
    default:
      break;
  }
  UChar32 u = static_cast<UChar32>(c);
  if (u_isUWhiteSpace(u)) {
    a.kind = Kind::kSpace;
    return a;
  }
  int8_t type = u_charType(u);
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK ||
      type == U_COMBINING_SPACING_MARK) {
    a.kind = Kind::kMark;
    return a;
  }
  if (char letter = HomoglyphTable::Get().Lookup(c); letter != 0) {
    a.kind = Kind::kLetter;
    a.letter = letter;
    a.evasion = kUnitHomoglyph;
    a.upper = u_isupper(u);
    a.lower = !a.upper;
    return a;
  }
  // A letter of another script ends the word: nothing here can match it.
  if (u_isalpha(u)) a.kind = Kind::kSpace;
  // Everything else (punctuation, symbols, emoji, zero-width characters)
  // is a separator.
  return a;
}

struct ChunkSpan {
  size_t b, e;        // atoms [b, e)
  int letters;        // letter atoms
  int leet;           // leet characters
  bool bang;          // the leet character is ! or |
  bool spelled_leet;  // one leet character among spelled-out letters
};

enum class Boundary : uint8_t { kNone, kSeparator, kApostrophe, kCamel };

struct Piece {
  int first = 0;  // index into the chunk's units
  int size = 0;
  Boundary before = Boundary::kNone;
};

class Builder {
 public:
  explicit Builder(NormalizedText* out) : out_(out) { letters_.clear(); }

  // Emits one chunk (atoms [b, e), no spaces among them). `spelled_leet`:
  // the chunk is one leet character between one-letter chunks ("b 3 y i n"),
  // to be read as a letter.
  void Chunk(std::vector<Atom>& atoms, size_t b, size_t e, bool spelled_leet) {
    if (spelled_leet) {
      for (size_t i = b; i < e; ++i) {
        if (atoms[i].kind == Kind::kLeetDigit ||
            atoms[i].kind == Kind::kLeetSymbol ||
            atoms[i].kind == Kind::kLeetBang) {
          atoms[i].kind = Kind::kLetter;
          atoms[i].evasion |= kUnitLeet;
        }
      }
    }
    // Digits are leet only in a chunk with a letter before any apostrophe:
    // "4mk" and "s1k" are words, "2026" and "4'te" are numbers.
    bool has_letter = false;
    for (size_t i = b; i < e && atoms[i].kind != Kind::kApostrophe; ++i) {
      has_letter |= atoms[i].kind == Kind::kLetter;
    }
    if (!has_letter) {
      for (size_t i = b; i < e; ++i) {
        if (atoms[i].kind == Kind::kLeetDigit ||
            atoms[i].kind == Kind::kLeetSymbol) {
          atoms[i].kind = Kind::kSeparator;
        }
        has_letter |= atoms[i].kind == Kind::kLetter;
      }
      if (!has_letter) return;  // punctuation, numbers: only a boundary
    }
    const bool hashtag = atoms[b].c == '#';
    // A word typed with ç ğ ı ö ş or ü came from a Turkish keyboard, where
    // capital i is İ: its ASCII I is ı ("SIKIŞIK" is sıkışık).
    bool turkish_keyboard = false;
    for (size_t i = b; i < e && !turkish_keyboard; ++i) {
      turkish_keyboard = atoms[i].strict != 0;
    }
    units_.clear();
    pieces_.clear();
    Boundary pending = Boundary::kNone;
    bool previous_letter = false;  // the previous atom resolved to a letter
    bool previous_lower = false;
    for (size_t i = b; i < e; ++i) {
      Atom& a = atoms[i];
      bool is_letter = false;
      switch (a.kind) {
        case Kind::kLetter:
          is_letter = true;
          break;
        case Kind::kLeetDigit:
          is_letter = true;
          a.evasion |= kUnitLeet;
          break;
        case Kind::kLeetSymbol:
          is_letter = true;
          a.evasion |= kUnitLeet;
          break;
        case Kind::kLeetBang: {
          // Between letters, with at most one separator on either side:
          // s!k, k-@-f-!-r; not "salak!" or "evet!..".
          auto letter_at = [&](size_t k) {
            return atoms[k].kind == Kind::kLetter ||
                   atoms[k].kind == Kind::kLeetDigit ||
                   atoms[k].kind == Kind::kLeetSymbol;
          };
          size_t next = i + 1;
          if (next < e && atoms[next].kind == Kind::kSeparator) ++next;
          bool before = previous_letter ||
                        (i >= b + 2 && atoms[i - 1].kind == Kind::kSeparator &&
                         letter_at(i - 2));
          is_letter = before && next < e && letter_at(next);
          a.evasion |= kUnitLeet;
          break;
        }
        case Kind::kApostrophe:
          if (pending != Boundary::kSeparator) pending = Boundary::kApostrophe;
          break;
        default:
          pending = Boundary::kSeparator;
          break;
      }
      if (!is_letter) {
        previous_letter = false;
        continue;
      }
      if (hashtag && previous_letter && previous_lower && a.upper &&
          pending == Boundary::kNone) {
        pending = Boundary::kCamel;
      }
      if (pieces_.empty() || pending != Boundary::kNone) {
        pieces_.push_back({static_cast<int>(units_.size()), 0,
                           pieces_.empty() ? Boundary::kNone : pending});
      }
      pending = Boundary::kNone;
      Unit u;
      u.begin = a.begin;
      u.end = a.end;
      u.strict = a.strict;
      if (turkish_keyboard && a.c == 'I') u.strict = U'ı';
      u.evasion = a.evasion;
      units_.push_back(u);
      letters_.push_back(a.letter);
      ++pieces_.back().size;
      previous_letter = true;
      previous_lower = a.lower;
    }
    // Word starts and ends between pieces.
    units_.front().start = true;
    units_.back().end_after = true;
    for (size_t p = 1; p < pieces_.size(); ++p) {
      const Piece& prev = pieces_[p - 1];
      const Piece& cur = pieces_[p];
      Unit& last = units_[prev.first + prev.size - 1];
      Unit& first = units_[cur.first];
      if (cur.before == Boundary::kSeparator) first.evasion |= kUnitSeparated;
      if (prev.size == 1 && cur.size == 1) continue;  // s.a.l.a.k
      last.end_after = true;
      if (cur.before != Boundary::kApostrophe) first.start = true;
    }
    // A chunk of one letter joins the one-letter chunk before it: s a l a k.
    const bool single = units_.size() == 1;
    if (single && previous_single_ && !out_->units.empty()) {
      out_->units.back().end_after = false;
      units_.front().start = false;
      units_.front().evasion |= kUnitSeparated;
    } else if (!out_->units.empty()) {
      Unit space;
      space.begin = space.end = units_.front().begin;
      out_->units.push_back(space);
      out_->letters.push_back(' ');
    }
    previous_single_ = single;
    for (size_t i = 0; i < units_.size(); ++i) Emit(letters_[i], units_[i]);
    letters_.clear();
  }

 private:
  // Appends a unit, merging it into the previous one when it repeats the
  // same letter inside a word.
  void Emit(char letter, const Unit& u) {
    if (!out_->units.empty() && out_->letters.back() == letter &&
        !out_->units.back().end_after && !u.start) {
      Unit& prev = out_->units.back();
      prev.end = u.end;
      if (prev.run < 0xFFFF) ++prev.run;
      if (prev.strict == 0) prev.strict = u.strict;
      prev.evasion |= u.evasion;
      prev.end_after = u.end_after;
      return;
    }
    out_->units.push_back(u);
    out_->letters.push_back(letter);
  }

  // Scratch for one chunk, kept per thread to spare allocations.
  struct Scratch {
    std::vector<Unit> units;
    std::vector<Piece> pieces;
    std::string letters;
  };
  static Scratch& ThreadScratch() {
    thread_local Scratch scratch;
    return scratch;
  }

  NormalizedText* out_;
  Scratch& scratch_ = ThreadScratch();
  std::vector<Unit>& units_ = scratch_.units;
  std::vector<Piece>& pieces_ = scratch_.pieces;
  std::string& letters_ = scratch_.letters;
  bool previous_single_ = false;
};

}  // namespace

void Normalize(std::string_view original,
               const std::vector<std::pair<int, int>>& skip,
               NormalizedText* out) {
  out->Clear();
  thread_local std::vector<Atom> atoms;
  atoms.clear();
  size_t i = 0;
  int cp = 0;
  size_t next_skip = 0;
  while (i < original.size()) {
    char32_t c = text::NextCodePoint(original, &i);
    while (next_skip < skip.size() && skip[next_skip].second <= cp) ++next_skip;
    Atom a;
    if (next_skip < skip.size() && skip[next_skip].first <= cp) {
      a.kind = Kind::kSpace;
    } else {
      a = Classify(c);
    }
    a.begin = cp;
    a.end = cp + 1;
    ++cp;
    if (a.kind == Kind::kMark) {
      // A combining mark belongs to the character before it ("s" + U+0327).
      if (!atoms.empty() && atoms.back().kind != Kind::kSpace) {
        atoms.back().end = a.end;
      }
      continue;
    }
    atoms.push_back(a);
  }
  // Chunks, and which are one letter or one leet character (with
  // separators at most).
  thread_local std::vector<ChunkSpan> chunks;
  chunks.clear();
  for (size_t b = 0; b < atoms.size();) {
    if (atoms[b].kind == Kind::kSpace) {
      ++b;
      continue;
    }
    ChunkSpan c{b, b, 0, 0, false, false};
    while (c.e < atoms.size() && atoms[c.e].kind != Kind::kSpace) {
      Kind k = atoms[c.e].kind;
      if (k == Kind::kLetter) ++c.letters;
      if (k == Kind::kLeetDigit || k == Kind::kLeetSymbol) ++c.leet;
      if (k == Kind::kLeetBang) {
        ++c.leet;
        c.bang = true;
      }
      if (k == Kind::kApostrophe) c.letters += 2;  // not a spelled letter
      ++c.e;
    }
    chunks.push_back(c);
    b = c.e;
  }
  // A lone leet character is a letter when it is spelled out next to a
  // one-letter chunk, or next to another such leet character ("5 7 u p i d",
  // "c @ h ! l").
  for (bool changed = true; changed;) {
    changed = false;
    auto one_letter = [&](size_t k) {
      return (chunks[k].letters == 1 && chunks[k].leet == 0) ||
             chunks[k].spelled_leet;
    };
    for (size_t i = 0; i < chunks.size(); ++i) {
      ChunkSpan& c = chunks[i];
      if (c.spelled_leet || c.letters != 0 || c.leet != 1) continue;
      const bool left = i > 0 && one_letter(i - 1);
      const bool right = i + 1 < chunks.size() && one_letter(i + 1);
      // "!" needs letters on both sides: "s a l a k !" ends a sentence.
      if (c.bang ? left && right : left || right) {
        c.spelled_leet = changed = true;
      }
    }
  }
  Builder builder(out);
  for (const ChunkSpan& c : chunks) {
    builder.Chunk(atoms, c.b, c.e, c.spelled_leet);
  }
}

}  // namespace newsroom::lexicon::internal
