// What the screen shows. A comment was moderated as stored and shown as
// rendered, and the two differ once directional overrides are in it: "Sen
// tam bir \u202enıslatpa\u202c" passed the policy and appeared as "Sen tam
// bir aptalsın". The fix is to moderate — and store — the text in the
// order it is displayed. ICU's ubidi does the reordering (its visual
// order, with the controls removed and mirrored brackets mirrored), and
// only when a control is present: reordering text that has none would
// turn every right-to-left quotation around.
//
// Tested by displayed_test.cc.
#include "text/displayed.h"

#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <memory>

#include "text/utf8.h"

namespace newsroom::text {
namespace {

bool IsInvisibleFormat(char32_t c) {
  return c == 0x00AD || c == 0x180E || c == 0x200B || c == 0x2060 ||
         (c >= 0x2061 && c <= 0x2064) || c == 0xFEFF;
}

std::string WithoutInvisible(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const size_t start = i;
    const char32_t c = NextCodePoint(s, &i);
    if (!IsInvisibleFormat(c)) out.append(s.substr(start, i - start));
  }
  return out;
}

// The visual order of `s`, controls removed; `s` unchanged if ICU fails.
std::string VisualOrder(std::string_view s) {
  const icu::UnicodeString logical = icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UBiDi, decltype(&ubidi_close)> bidi(
      ubidi_openSized(logical.length(), 0, &status), &ubidi_close);
  if (U_FAILURE(status)) return std::string(s);
  ubidi_setPara(bidi.get(), logical.getBuffer(), logical.length(),
                UBIDI_DEFAULT_LTR, nullptr, &status);
  if (U_FAILURE(status)) return std::string(s);
  icu::UnicodeString visual;
  // The visual text is at most as long as the logical one.
  UChar* buffer = visual.getBuffer(logical.length() + 1);
  const int32_t length =
      ubidi_writeReordered(bidi.get(), buffer, logical.length() + 1,
                           UBIDI_DO_MIRRORING | UBIDI_KEEP_BASE_COMBINING |
                               UBIDI_REMOVE_BIDI_CONTROLS,
                           &status);
  visual.releaseBuffer(U_SUCCESS(status) ? length : 0);
  if (U_FAILURE(status)) return std::string(s);
  std::string out;
  visual.toUTF8String(out);
  return out;
}

}  // namespace

bool IsDirectionalControl(char32_t c) {
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

std::string AsDisplayed(std::string_view utf8) {
  bool directional = false;
  bool invisible = false;
  size_t i = 0;
  while (i < utf8.size()) {
    if (static_cast<unsigned char>(utf8[i]) < 0x80) {
      ++i;
      continue;
    }
    const char32_t c = NextCodePoint(utf8, &i);
    directional = directional || IsDirectionalControl(c);
    invisible = invisible || IsInvisibleFormat(c);
  }
  if (!directional && !invisible) return std::string(utf8);
  std::string out = directional ? VisualOrder(utf8) : std::string(utf8);
  // ubidi keeps LRM, RLM and ALM (they have no visible effect of their
  // own); the directional controls it removes.
  return invisible ? WithoutInvisible(out) : out;
}

bool HasVisibleCharacter(std::string_view utf8) {
  size_t i = 0;
  while (i < utf8.size()) {
    const char32_t c = NextCodePoint(utf8, &i);
    if (IsInvisibleFormat(c) || IsDirectionalControl(c)) continue;
    switch (u_charType(static_cast<UChar32>(c))) {
      case U_SPACE_SEPARATOR:
      case U_LINE_SEPARATOR:
      case U_PARAGRAPH_SEPARATOR:
      case U_CONTROL_CHAR:
      case U_FORMAT_CHAR:
      case U_UNASSIGNED:
      case U_PRIVATE_USE_CHAR:
      case U_SURROGATE:
        continue;
      default:
        // Combining marks alone (U_NON_SPACING_MARK) show too: on a dotted
        // circle, but visibly.
        return true;
    }
  }
  return false;
}

}  // namespace newsroom::text
