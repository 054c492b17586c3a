// Case mapping goes through icu::CaseMap on UTF-8 with the "tr" locale, which
// is stateless and thread-safe. Folding is text/turkish.h's table over the
// twelve Turkish letters and three circumflexed vowels, applied by hand
// because it is on the hot path of every rule. Lower-casing is on that path
// too. With the Turkish locale, ICU lower-cases every code point by its simple
// mapping (u_tolower) except I → ı and İ → i (one code point, not the "i̇" of
// other locales), and two code points that look at their neighbours: Σ (final
// sigma) and U+0307 after I. So ToLowerTr maps a text one code point at a
// time (ToLowerTrSimple) unless it holds one of those two, and then hands
// the whole text to ICU's CaseMap. casing_test.cc checks this against ICU on
// every code point, on every pair of the usual ones, and on random text.
//
// Tested by casing_test.cc.
#include "text/casing.h"

#include <unicode/bytestream.h>
#include <unicode/casemap.h>
#include <unicode/uchar.h>

#include "text/utf8.h"

namespace newsroom::text {
namespace {

enum class Mapping { kLower, kUpper, kTitle };

std::string Map(std::string_view s, Mapping m, const char* locale = "tr") {
  std::string out;
  out.reserve(s.size() + 4);
  icu::StringByteSink<std::string> sink(&out);
  UErrorCode status = U_ZERO_ERROR;
  icu::StringPiece piece(s.data(), static_cast<int32_t>(s.size()));
  switch (m) {
    case Mapping::kLower:
      icu::CaseMap::utf8ToLower(locale, 0, piece, sink, nullptr, status);
      break;
    case Mapping::kUpper:
      icu::CaseMap::utf8ToUpper(locale, 0, piece, sink, nullptr, status);
      break;
    case Mapping::kTitle:
      // Whole string as one word: only its first letter is titlecased.
      icu::CaseMap::utf8ToTitle(
          locale, U_TITLECASE_WHOLE_STRING | U_TITLECASE_NO_BREAK_ADJUSTMENT,
          nullptr, piece, sink, nullptr, status);
      break;
  }
  if (U_FAILURE(status)) return std::string(s);
  return out;
}

}  // namespace

std::string ToLowerTr(std::string_view s) {
  bool ascii_lower = true;
  for (unsigned char b : s) {
    if (b >= 0x80 || (b >= 'A' && b <= 'Z')) {
      ascii_lower = false;
      break;
    }
  }
  if (ascii_lower) return std::string(s);
  std::string out;
  out.reserve(s.size() + 4);
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if (b == 'I') {
        out.append("ı");
      } else {
        out.push_back(
            static_cast<char>(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b));
      }
      ++i;
      continue;
    }
    const char32_t lower = ToLowerTrSimple(NextCodePoint(s, &i));
    if (lower == 0) return Map(s, Mapping::kLower);
    AppendCodePoint(lower, &out);
  }
  return out;
}

std::string ToUpperTr(std::string_view s) { return Map(s, Mapping::kUpper); }

std::string ToTitleWordTr(std::string_view word) {
  return Map(word, Mapping::kTitle);
}

std::string ToLowerRoot(std::string_view s) {
  return Map(s, Mapping::kLower, "");
}

std::string ToTitleWordRoot(std::string_view word) {
  return Map(word, Mapping::kTitle, "");
}

std::string AsciiFold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out.push_back(static_cast<char>(b));
      ++i;
      continue;
    }
    size_t start = i;
    char32_t c = NextCodePoint(s, &i);
    char f = AsciiFoldLetter(c);
    if (f != 0) {
      out.push_back(f);
    } else {
      out.append(s.substr(start, i - start));
    }
  }
  return out;
}

std::string FoldKey(std::string_view s) { return AsciiFold(ToLowerTr(s)); }

bool HasTurkishLetter(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    if (IsTurkishLetter(NextCodePoint(s, &i))) return true;
  }
  return false;
}

CaseCounts CountCase(std::string_view s) {
  CaseCounts counts;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if (b >= 'A' && b <= 'Z') ++counts.upper;
      if (b >= 'a' && b <= 'z') ++counts.lower;
      ++i;
      continue;
    }
    char32_t c = NextCodePoint(s, &i);
    if (u_isupper(c) || u_istitle(c)) {
      ++counts.upper;
    } else if (u_islower(c)) {
      ++counts.lower;
    }
  }
  return counts;
}

}  // namespace newsroom::text
