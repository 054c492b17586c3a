// A typed word is restored through its key, the ASCII lower case of what was
// typed. Because every Turkish letter folds to exactly one ASCII letter and
// back, the key and every restored form have one code point per typed code
// point, so case and curly apostrophes can be remembered as bit masks over
// positions and put back after restoration.
//
// Tested by letters_test.cc.
#include "deasciify/internal/letters.h"

#include <bit>

#include "text/casing.h"
#include "text/turkish.h"
#include "text/utf8.h"

namespace newsroom::deasciify::internal {

char KeyByte(char32_t c) {
  if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'') {
    return static_cast<char>(c);
  }
  if (c == kForeignI) return 'i';
  return text::AsciiFoldLower(c);
}

bool ParseTypedWord(std::string_view word, TypedWord* out) {
  out->key.clear();
  out->upper = 0;
  out->curly = 0;
  out->ambiguous = 0;
  size_t i = 0;
  int j = 0;
  while (i < word.size()) {
    if (j == 64) return false;
    unsigned char b = static_cast<unsigned char>(word[i]);
    if (b >= 'a' && b <= 'z') {
      out->key.push_back(static_cast<char>(b));
      ++i;
    } else if (b >= 'A' && b <= 'Z') {
      out->key.push_back(static_cast<char>(b - 'A' + 'a'));
      out->upper |= uint64_t{1} << j;
      ++i;
    } else if (b >= '0' && b <= '9') {
      out->key.push_back(static_cast<char>(b));
      ++i;
    } else if (b == '\'') {
      out->key.push_back('\'');
      ++i;
    } else if (word.substr(i, 3) == "\xE2\x80\x99") {  // U+2019
      out->key.push_back('\'');
      out->curly |= uint64_t{1} << j;
      i += 3;
    } else {
      return false;
    }
    if (text::TurkishCounterpart(out->key.back()) != 0) ++out->ambiguous;
    ++j;
  }
  if (out->key.empty() || out->key.front() == '\'' || out->key.back() == '\'') {
    return false;
  }
  int letters = 0;
  for (char c : out->key) letters += c >= 'a' && c <= 'z';
  out->capitals = letters > 0 && std::popcount(out->upper) == letters;
  return letters > 0;
}

std::string ApplyTypedCase(const TypedWord& typed,
                           std::u32string_view restored) {
  std::string out;
  out.reserve(restored.size() + 8);
  for (size_t j = 0; j < restored.size(); ++j) {
    char32_t c = restored[j];
    if ((typed.curly >> j) & 1) {
      c = U'\u2019';
    } else if (c == kForeignI) {
      c = ((typed.upper >> j) & 1) ? U'I' : U'i';
    } else if ((typed.upper >> j) & 1) {
      c = text::ToUpperTrSimple(c);
    }
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else {
      text::AppendCodePoint(c, &out);
    }
  }
  return out;
}

std::u32string AsTyped(const TypedWord& typed) {
  std::u32string form(typed.key.begin(), typed.key.end());
  for (size_t j = 0; j < form.size(); ++j) {
    if (form[j] == 'i' && ((typed.upper >> j) & 1)) form[j] = kForeignI;
  }
  return form;
}

std::u32string WithPlainI(std::u32string_view form) {
  std::u32string out(form);
  for (char32_t& c : out) {
    if (c == kForeignI) c = 'i';
  }
  return out;
}

std::string ContextKey(std::string_view word) {
  std::string key;
  key.reserve(word.size());
  for (unsigned char b : word) {
    if (b >= 0x80) {
      std::string folded = text::FoldKey(word);
      key.clear();
      for (size_t i = 0; i < folded.size();) {
        if (folded.compare(i, 3, "\xE2\x80\x99") == 0) {  // U+2019
          key.push_back('\'');
          i += 3;
        } else {
          key.push_back(folded[i++]);
        }
      }
      return key;
    }
    key.push_back(b >= 'A' && b <= 'Z' ? static_cast<char>(b - 'A' + 'a')
                                       : static_cast<char>(b));
  }
  return key;
}

namespace {

char AsciiLower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return static_cast<char>(c + ('a' - 'A'));
  if (c >= 'a' && c <= 'z') return static_cast<char>(c);
  return 0;
}

// Length of the run of equal ASCII letters (either case) at `i`; 1 for
// anything else.
size_t RunAt(std::u32string_view s, size_t i) {
  const char c = AsciiLower(s[i]);
  size_t j = i + 1;
  if (c != 0) {
    while (j < s.size() && AsciiLower(s[j]) == c) ++j;
  }
  return j - i;
}

}  // namespace

bool ShortenRepeats(std::string_view word, int keep, std::string* out) {
  const std::u32string s = text::ToUtf32(word);
  std::u32string shorter;
  bool cut = false;
  for (size_t i = 0; i < s.size();) {
    const size_t run = RunAt(s, i);
    if (run >= 3) {
      shorter.append(s, i, static_cast<size_t>(keep));
      cut = true;
    } else {
      shorter.append(s, i, run);
    }
    i += run;
  }
  if (cut) *out = text::ToUtf8(shorter);
  return cut;
}

std::string LengthenRepeats(std::string_view typed, int keep,
                            std::string_view restored) {
  const std::u32string t = text::ToUtf32(typed);
  const std::u32string r = text::ToUtf32(restored);
  std::u32string out;
  size_t j = 0;
  for (size_t i = 0; i < t.size() && j < r.size();) {
    const size_t run = RunAt(t, i);
    if (run >= 3) {
      const char32_t lower = text::ToLowerTrSimple(r[j]);
      for (size_t k = 0; k < run; ++k) {
        const bool upper = t[i + k] >= 'A' && t[i + k] <= 'Z';
        out.push_back(upper ? text::ToUpperTrSimple(lower) : lower);
      }
      j += static_cast<size_t>(keep);
    } else {
      out.append(r, j, run);
      j += run;
    }
    i += run;
  }
  return text::ToUtf8(out);
}

bool IsWordLike(const text::Token& token) {
  if (token.kind == text::TokenKind::kWord) return true;
  return token.kind == text::TokenKind::kNumber &&
         (token.text.find('\'') != std::string::npos ||
          token.text.find("\xE2\x80\x99") != std::string::npos);
}

}  // namespace newsroom::deasciify::internal
