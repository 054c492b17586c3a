// Characters off both ends of a std::string_view. Debian's Abseil has its
// own absl::string_view, which std::string_view does not convert to, so
// absl::StripAsciiWhitespace is out of reach for std::string_view callers.
//
//   std::string_view id = Trim("  1001\n");           // "1001"
//   std::string_view cell = Trim(" kedi\t\r", " \r");  // "kedi\t"
//
// Tested by trim_test.cc.
#ifndef NEWSROOM_TEXT_TRIM_H_
#define NEWSROOM_TEXT_TRIM_H_

#include <string_view>

namespace newsroom::text {

// ASCII white space.
inline constexpr std::string_view kAsciiSpace = " \t\n\v\f\r";

// `s` without the characters of `chars` at either end.
inline std::string_view Trim(std::string_view s,
                             std::string_view chars = kAsciiSpace) {
  const size_t begin = s.find_first_not_of(chars);
  if (begin == std::string_view::npos) return {};
  return s.substr(begin, s.find_last_not_of(chars) - begin + 1);
}

}  // namespace newsroom::text

#endif  // NEWSROOM_TEXT_TRIM_H_
