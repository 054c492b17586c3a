// ASCII white space off both ends of a std::string_view. Debian's Abseil
// has its own absl::string_view, which std::string_view does not convert
// to, so absl::StripAsciiWhitespace is out of reach for the importer's
// views.
//
//   std::string_view id = Trim("  1001\n");  // "1001"
#ifndef NEWSROOM_IMPORTER_INTERNAL_TRIM_H_
#define NEWSROOM_IMPORTER_INTERNAL_TRIM_H_

#include <string_view>

namespace newsroom::importer::internal {

inline std::string_view Trim(std::string_view s) {
  constexpr std::string_view kSpace = " \t\n\v\f\r";
  const size_t begin = s.find_first_not_of(kSpace);
  if (begin == std::string_view::npos) return {};
  return s.substr(begin, s.find_last_not_of(kSpace) - begin + 1);
}

}  // namespace newsroom::importer::internal

#endif  // NEWSROOM_IMPORTER_INTERNAL_TRIM_H_
