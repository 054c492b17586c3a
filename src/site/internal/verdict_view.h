// The engine's verdict on a comment as the moderation page shows it: read
// back from the JSON stored with the comment (moderation::VerdictToJson),
// and the comment's text with the characters each rule pointed at marked.
//
//   std::optional<VerdictView> v = ParseVerdict(comment.verdict_json);
//   std::string html = HighlightSpans(comment.text, v ? AllSpans(*v) : {});
//
// The JSON is read defensively: it may be empty, from an older engine, or
// damaged. Pure functions; thread-safe.
#ifndef NEWSROOM_SITE_INTERNAL_VERDICT_VIEW_H_
#define NEWSROOM_SITE_INTERNAL_VERDICT_VIEW_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsroom::site::internal {

// Code-point offsets [start, end) into the comment's text, and the rule
// that pointed there.
struct MarkedSpan {
  int64_t start = 0;
  int64_t end = 0;
  std::string rule;
};

struct FindingView {
  std::string rule;  // "all_caps", …; as the JSON says, not checked
  bool violated = false;
  std::optional<double> score;
  std::string action;  // "reject", "review", or empty
  std::vector<MarkedSpan> spans;
  std::string message_tr;
  std::string message_en;
  std::optional<std::string> fix;  // the comment corrected
};

struct VerdictView {
  std::string decision;  // "approve", "review", "reject", or empty
  std::string language;
  std::vector<FindingView> findings;
};

// nullopt when `json` is empty, not JSON, or not an object with a "rules"
// array. Inside, a finding without a string "rule" is skipped, as is a
// span without integer "start" and "end"; any other field of the wrong
// type is left at its default.
std::optional<VerdictView> ParseVerdict(std::string_view json);

// Every span of every finding.
std::vector<MarkedSpan> AllSpans(const VerdictView& verdict);

// `text` escaped (line breaks as <br>), with each span wrapped in
// <mark data-rule="RULE">. Offsets are clamped to the text; empty and
// reversed spans are dropped; overlapping spans are merged into one mark
// whose data-rule lists their rules, sorted and separated by spaces.
// Spans that only touch stay separate marks.
std::string HighlightSpans(std::string_view text,
                           std::vector<MarkedSpan> spans);

}  // namespace newsroom::site::internal

#endif  // NEWSROOM_SITE_INTERNAL_VERDICT_VIEW_H_
