// UTF-8 validation and decoding on top of ICU's macros (unicode/utf8.h),
// which reject overlong forms, surrogates and values above U+10FFFF.
//
// Tested by utf8_test.cc.
#include "text/utf8.h"

#include <unicode/utf8.h>

#include "absl/strings/str_cat.h"

namespace newsroom::text {

absl::Status ValidateUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t length = static_cast<int32_t>(s.size());
  if (s.size() > static_cast<size_t>(INT32_MAX)) {
    return absl::InvalidArgumentError("text is too large to be UTF-8 checked");
  }
  int32_t i = 0;
  while (i < length) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, length, c);
    if (c < 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          "text is not valid UTF-8: bad byte sequence at byte ", start));
    }
  }
  return absl::OkStatus();
}

int CodePointCount(std::string_view s) {
  int n = 0;
  for (unsigned char b : s) {
    if ((b & 0xC0) != 0x80) ++n;
  }
  return n;
}

char32_t NextCodePoint(std::string_view s, size_t* i) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t pos = static_cast<int32_t>(*i);
  UChar32 c;
  U8_NEXT_OR_FFFD(p, pos, static_cast<int32_t>(s.size()), c);
  *i = static_cast<size_t>(pos);
  return static_cast<char32_t>(c);
}

void AppendCodePoint(char32_t c, std::string* out) {
  uint8_t buf[U8_MAX_LENGTH];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(buf, n, U8_MAX_LENGTH, static_cast<UChar32>(c), error);
  if (error) {
    out->append("\xEF\xBF\xBD");
    return;
  }
  out->append(reinterpret_cast<const char*>(buf), n);
}

std::u32string ToUtf32(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out.push_back(b);
      ++i;
    } else {
      out.push_back(NextCodePoint(s, &i));
    }
  }
  return out;
}

std::string ToUtf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (char32_t c : s) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else {
      AppendCodePoint(c, &out);
    }
  }
  return out;
}

std::string_view SubstrByCodePoints(std::string_view s, int begin, int end) {
  size_t i = 0;
  int cp = 0;
  while (cp < begin && i < s.size()) {
    NextCodePoint(s, &i);
    ++cp;
  }
  size_t start = i;
  while (cp < end && i < s.size()) {
    NextCodePoint(s, &i);
    ++cp;
  }
  return s.substr(start, i - start);
}

}  // namespace newsroom::text
