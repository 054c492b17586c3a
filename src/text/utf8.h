// UTF-8 checks and code-point arithmetic shared by every component.
//
//   absl::Status s = newsroom::text::ValidateUtf8(body);
//   if (!s.ok()) return s;               // InvalidArgument naming the byte
//   int n = newsroom::text::CodePointCount(body);
//
// All functions are pure and thread-safe.
#ifndef NEWSROOM_TEXT_UTF8_H_
#define NEWSROOM_TEXT_UTF8_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace newsroom::text {

// Returns OK when `s` is well-formed UTF-8 (no overlongs, no surrogates, no
// code points above U+10FFFF). Otherwise InvalidArgument whose message names
// the byte offset of the first bad sequence.
absl::Status ValidateUtf8(std::string_view s);

// Number of code points in `s`.
// REQUIRES: ValidateUtf8(s).ok()
int CodePointCount(std::string_view s);

// Decodes the code point that starts at byte `*i` and advances `*i` past it.
// REQUIRES: `s` is valid UTF-8 and *i < s.size().
char32_t NextCodePoint(std::string_view s, size_t* i);

// Appends the UTF-8 encoding of `c` to `out`.
void AppendCodePoint(char32_t c, std::string* out);

// The code points of `s`, and back. ToUtf32 REQUIRES: `s` is valid UTF-8.
std::u32string ToUtf32(std::string_view s);
std::string ToUtf8(std::u32string_view s);

// Returns the substring of `s` covering code points [begin, end).
// REQUIRES: `s` is valid UTF-8 and 0 <= begin <= end <= CodePointCount(s).
std::string_view SubstrByCodePoints(std::string_view s, int begin, int end);

}  // namespace newsroom::text

#endif  // NEWSROOM_TEXT_UTF8_H_
