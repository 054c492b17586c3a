// Text as a reader sees it on the screen.
//
//   std::string shown = text::AsDisplayed("Sen tam bir \u202enıslatpa\u202c");
//   // "Sen tam bir aptalsın": what a browser shows, so what is moderated
//
// Unicode's explicit directional formatting characters — LRE, RLE, PDF,
// LRO, RLO (U+202A–U+202E) and LRI, RLI, FSI, PDI (U+2066–U+2069) — make a
// renderer show characters in another order than they are stored:
// "\u202enıslatpa\u202c" is shown as "aptalsın". AsDisplayed() returns the
// characters in the order they are shown (the Unicode Bidirectional
// Algorithm, by ICU), without those controls; and it drops the invisible
// format characters that hide inside words (U+00AD soft hyphen, U+180E,
// U+200B zero width space, U+2060 word joiner, U+2061–U+2064, U+FEFF).
// Text without directional controls is never reordered (a Hebrew or
// Arabic quotation stays as typed), and text with none of these
// characters comes back byte for byte.
//
// HasVisibleCharacter() says whether a text shows anything at all: a
// letter, a digit, a mark on one, punctuation or a symbol — not only
// spaces and invisible characters (an "invisible name").
//
// REQUIRES: valid UTF-8 (text::ValidateUtf8). Pure and thread-safe.
#ifndef NEWSROOM_TEXT_DISPLAYED_H_
#define NEWSROOM_TEXT_DISPLAYED_H_

#include <string>
#include <string_view>

namespace newsroom::text {

std::string AsDisplayed(std::string_view utf8);
bool HasVisibleCharacter(std::string_view utf8);

// True for U+202A–U+202E and U+2066–U+2069.
bool IsDirectionalControl(char32_t c);

}  // namespace newsroom::text

#endif  // NEWSROOM_TEXT_DISPLAYED_H_
