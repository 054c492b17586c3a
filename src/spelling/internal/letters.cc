// Per-code-point case mapping (text/turkish.h) is enough for single Turkish
// words: the only context-dependent rules in Unicode's SpecialCasing concern
// Greek final sigma and Lithuanian dots, and the Turkish dotted/dotless i is
// a fixed per-letter override of ICU's default mapping. The keyboard is the
// Turkish Q layout as three staggered rows; a key's neighbours are the keys
// beside it and the two keys that touch it above and below.
//
// Tested by letters_test.cc.
#include "spelling/internal/letters.h"

#include <unicode/uchar.h>

#include <cstdint>

#include "text/utf8.h"

namespace newsroom::spelling::internal {

char32_t LowerTr(char32_t c) {
  const char32_t lower = text::ToLowerTrSimple(c);
  return lower != 0 ? lower : c;
}

std::u32string LowerTr(std::u32string_view s) {
  std::u32string out(s);
  for (char32_t& c : out) c = LowerTr(c);
  return out;
}

std::u32string UpperTr(std::u32string_view s) {
  std::u32string out(s);
  for (char32_t& c : out) c = UpperTr(c);
  return out;
}

std::string LowerTrUtf8(std::string_view utf8) {
  bool plain = true;  // already lower case ASCII or lower-case Turkish
  for (unsigned char b : utf8) {
    if (b >= 'A' && b <= 'Z') plain = false;
    if (b >= 0x80) plain = false;
    if (!plain) break;
  }
  if (plain) return std::string(utf8);
  return text::ToUtf8(LowerTr(text::ToUtf32(utf8)));
}

bool IsLetter(char32_t c) {
  if (c < 0x80) return (c | 32) >= 'a' && (c | 32) <= 'z';
  return u_isalpha(static_cast<UChar32>(c));
}

bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isupper(static_cast<UChar32>(c)) ||
         u_istitle(static_cast<UChar32>(c));
}

bool IsApostrophe(char32_t c) { return c == U'\'' || c == U'’'; }

CaseShape ShapeOf(std::u32string_view s) {
  int upper = 0, lower = 0;
  bool first_upper = false, seen_cased = false, later_upper = false;
  for (char32_t c : s) {
    if (!IsLetter(c)) continue;
    bool up = IsUpper(c);
    bool low = !up && LowerTr(c) == c && UpperTr(c) != c;
    if (!up && !low) continue;
    if (!seen_cased) {
      first_upper = up;
      seen_cased = true;
    } else if (up) {
      later_upper = true;
    }
    (up ? upper : lower)++;
  }
  if (upper == 0 && lower == 0) return CaseShape::kNone;
  if (upper == 0) return CaseShape::kLower;
  if (lower == 0) return upper >= 2 ? CaseShape::kUpper : CaseShape::kTitle;
  if (first_upper && !later_upper) return CaseShape::kTitle;
  return CaseShape::kMixed;
}

bool IsNameForm(std::string_view form) {
  const CaseShape shape = ShapeOf(text::ToUtf32(form));
  return shape == CaseShape::kTitle || shape == CaseShape::kUpper;
}

std::u32string ApplyShape(std::u32string_view s, CaseShape shape) {
  std::u32string out(s);
  if (shape == CaseShape::kUpper) {
    for (char32_t& c : out) c = UpperTr(c);
  } else if (shape == CaseShape::kTitle) {
    for (char32_t& c : out) {
      if (IsLetter(c)) {
        c = UpperTr(c);
        break;
      }
    }
  }
  return out;
}

namespace {

// The Turkish Q layout, letters only; each row is offset by about half a
// key to the right of the row above.
constexpr std::u32string_view kRows[3] = {
    U"qwertyuıopğü",
    U"asdfghjklşi",
    U"zxcvbnmöç",
};

// Row and column of every key, for code points below kKeyTableSize (all
// the keys of the layout are): -1 for code points not on a letter key.
constexpr size_t kKeyTableSize = 0x180;
struct KeyTable {
  int8_t row[kKeyTableSize];
  int8_t col[kKeyTableSize];
};

constexpr KeyTable MakeKeyTable() {
  KeyTable t{};
  for (size_t c = 0; c < kKeyTableSize; ++c) t.row[c] = t.col[c] = -1;
  for (int r = 0; r < 3; ++r) {
    for (size_t k = 0; k < kRows[r].size(); ++k) {
      t.row[kRows[r][k]] = static_cast<int8_t>(r);
      t.col[kRows[r][k]] = static_cast<int8_t>(k);
    }
  }
  return t;
}
constexpr KeyTable kKeys = MakeKeyTable();

bool Locate(char32_t c, int* row, int* col) {
  if (c >= kKeyTableSize || kKeys.row[c] < 0) return false;
  *row = kKeys.row[c];
  *col = kKeys.col[c];
  return true;
}

}  // namespace

std::u32string KeyboardNeighbours(char32_t c) {
  std::u32string out;
  int r, k;
  if (!Locate(c, &r, &k)) return out;
  auto add = [&](int row, int col) {
    if (row < 0 || row > 2 || col < 0) return;
    if (col >= static_cast<int>(kRows[row].size())) return;
    out.push_back(kRows[row][col]);
  };
  add(r, k - 1);
  add(r, k + 1);
  add(r - 1, k);      // the row above is offset to the left:
  add(r - 1, k + 1);  // keys k and k+1 touch this one
  add(r + 1, k - 1);  // the row below is offset to the right:
  add(r + 1, k);      // keys k-1 and k touch this one
  return out;
}

bool AreKeyboardNeighbours(char32_t a, char32_t b) {
  if (a == b) return false;
  int ra, ka, rb, kb;
  if (!Locate(a, &ra, &ka) || !Locate(b, &rb, &kb)) return false;
  if (rb == ra) return kb == ka - 1 || kb == ka + 1;
  if (rb == ra - 1) return kb == ka || kb == ka + 1;  // the row above
  if (rb == ra + 1) return kb == ka - 1 || kb == ka;  // the row below
  return false;
}

std::u32string_view TurkishAlphabet() {
  // A constant, so that its length is not counted again at every call
  // (the suggester's walk asks at every letter it visits).
  static constexpr std::u32string_view kAlphabet =
      U"abcçdefgğhıijklmnoöprsştuüvyzqwx";
  return kAlphabet;
}

}  // namespace newsroom::spelling::internal
