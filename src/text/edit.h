// Rewriting a text at code-point spans, for the fixes that rules offer
// ("the whole comment, corrected").
//
//   std::vector<Edit> edits = {{0, 2, "Bu"}, {3, 8, "haber"}};
//   std::string fixed = ApplyEdits("BU HABER!", edits);  // "Bu haber!"
//
// Pure and thread-safe.
#ifndef NEWSROOM_TEXT_EDIT_H_
#define NEWSROOM_TEXT_EDIT_H_

#include <string>
#include <string_view>
#include <vector>

namespace newsroom::text {

struct Edit {
  int begin = 0;            // code-point offsets into the text
  int end = 0;
  std::string replacement;  // UTF-8
};

// Returns `text` with each edit's span replaced. Edits may come in any order;
// an edit that overlaps an earlier-starting one, or falls outside the text,
// is ignored.
// REQUIRES: `text` is valid UTF-8.
std::string ApplyEdits(std::string_view text, std::vector<Edit> edits);

}  // namespace newsroom::text

#endif  // NEWSROOM_TEXT_EDIT_H_
