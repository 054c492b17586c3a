// The newsroom's moderation policy: which rules are on, how sure a rule must
// be before it counts, and what a violation does. Read from
// config/policy.toml, where every default is written out and explained.
// The defaults and each rule's own settings come from the rule table
// (src/rules/rules.toml), which also generates config/policy.toml.
//
//   absl::StatusOr<Policy> policy = LoadPolicyFile("config/policy.toml");
//   if (!policy.ok()) Die(policy.status());  // "policy.toml:14: rules.…"
//   Policy defaults;                          // same values as the file
//
// Policy is a plain value.
#ifndef NEWSROOM_MODERATION_POLICY_H_
#define NEWSROOM_MODERATION_POLICY_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "moderation/rule_id.h"
#include "moderation/verdict.h"

namespace newsroom::moderation {

struct RulePolicy {
  bool enabled = true;
  // A score at or above `threshold` violates the rule.
  double threshold = 0.5;
  // Scores in [review_threshold, threshold) send the comment to a moderator
  // without counting as a violation. Unset: no such band.
  std::optional<double> review_threshold;
  // What a violation does to the comment.
  Action action = Action::kReject;
  // Words the rule never counts (compared after Turkish lower-casing).
  std::vector<std::string> allow;
};

// A rule's own settings; their meaning, defaults and ranges are in the
// rule table (`settings` of the rule in src/rules/rules.toml).
struct AllCapsPolicy : RulePolicy {
  int min_letters = 0;
};

struct NoTurkishCharsPolicy : RulePolicy {
  int min_words = 0;
};

struct SpellingPolicy : RulePolicy {
  int min_misspelled = 0;
};

struct Policy {
  // Longest comment accepted, in characters (code points).
  int max_length = 0;

  RulePolicy insult;
  RulePolicy profanity;
  RulePolicy offensive;
  RulePolicy belief_attack;
  SpellingPolicy spelling;
  NoTurkishCharsPolicy no_turkish_chars;
  AllCapsPolicy all_caps;

  // The defaults of the rule table, as config/policy.toml writes them.
  Policy();

  const RulePolicy& ForRule(RuleId id) const;
  RulePolicy& ForRule(RuleId id);
  // The field that holds setting `name` of rule `id` (a `settings` entry
  // of the rule table), or null when the rule has no such setting.
  int* Setting(RuleId id, std::string_view name);
};

// Parses policy TOML. `name` labels errors ("policy.toml:12: …").
// InvalidArgument, naming the line and the key, for a syntax error, an
// unknown table or key, a value of the wrong type, or a value out of range.
absl::StatusOr<Policy> ParsePolicy(std::string_view toml,
                                   const std::string& name);

// Reads and parses a policy file; NotFound when it cannot be read.
absl::StatusOr<Policy> LoadPolicyFile(const std::string& path);

}  // namespace newsroom::moderation

#endif  // NEWSROOM_MODERATION_POLICY_H_
