// Tested by edit_test.cc.
#include "text/edit.h"

#include <algorithm>

#include "text/utf8.h"

namespace newsroom::text {

std::string ApplyEdits(std::string_view text, std::vector<Edit> edits) {
  std::stable_sort(edits.begin(), edits.end(),
                   [](const Edit& a, const Edit& b) { return a.begin < b.begin; });
  std::string out;
  out.reserve(text.size() + 16);
  size_t byte = 0;
  int cp = 0;
  auto advance_to = [&](int target, bool copy) {
    while (cp < target && byte < text.size()) {
      size_t start = byte;
      NextCodePoint(text, &byte);
      if (copy) out.append(text.substr(start, byte - start));
      ++cp;
    }
  };
  for (const Edit& e : edits) {
    if (e.begin < cp || e.end < e.begin) continue;  // overlapping or inverted
    advance_to(e.begin, /*copy=*/true);
    if (cp != e.begin) break;  // past the end of the text
    size_t before = byte;
    advance_to(e.end, /*copy=*/false);
    if (cp != e.end) {  // edit runs past the end: keep the tail unedited
      out.append(text.substr(before));
      return out;
    }
    out.append(e.replacement);
  }
  out.append(text.substr(byte));
  return out;
}

}  // namespace newsroom::text
