// What the engine says about one comment.
//
//   Verdict v = engine.Moderate(text).value();
//   if (v.decision == Decision::kReject) ShowReasons(v.findings);
//   std::string json = VerdictToJson(v).dump();
//
// A Verdict is a plain value: copyable, no references into the engine.
#ifndef NEWSROOM_MODERATION_VERDICT_H_
#define NEWSROOM_MODERATION_VERDICT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "langid/language.h"
#include "moderation/rule_id.h"

namespace newsroom::moderation {

enum class Decision { kApprove, kReview, kReject };
// "approve", "review", "reject".
std::string_view DecisionName(Decision d);

// What happens to a comment that violates a rule.
enum class Action { kReview, kReject };
std::string_view ActionName(Action a);

// One place in the comment a rule points at.
struct Span {
  int start = 0;  // code-point offsets [start, end) into the original text
  int end = 0;
  std::string text;         // what the commenter typed there
  std::string replacement;  // the correction the rule's fix uses; may be empty
  std::vector<std::string> suggestions;  // alternatives, best first
  std::string reason;  // short id: "shouted", "missing_turkish_letters", …
};

// What one rule found.
struct Finding {
  RuleId rule;
  bool violated = false;            // score reached the rule's threshold
  double score = 0;                 // in [0, 1]
  Action action = Action::kReject;  // what a violation does (from the policy)
  std::vector<Span> spans;
  std::optional<std::string> fix;  // the whole comment corrected, if any
  // What the spans cannot say, for moderators: e.g. that no single word
  // carries a classifier's score. Empty when there is nothing to add.
  std::string note;
};

struct Verdict {
  Decision decision = Decision::kApprove;
  langid::Language language = langid::Language::kOther;
  double language_confidence = 0;
  // One entry per rule that found anything, in policy order.
  std::vector<Finding> findings;
};

// The finding of rule `id` in `verdict`, or null when that rule found
// nothing. The pointer is into `verdict`.
const Finding* FindingFor(const Verdict& verdict, RuleId id);

}  // namespace newsroom::moderation

#endif  // NEWSROOM_MODERATION_VERDICT_H_
