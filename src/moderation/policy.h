// The newsroom's moderation policy: which rules are on, how sure a rule must
// be before it counts, and what a violation does. Read from
// config/policy.toml, where every default is written out and explained.
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

struct AllCapsPolicy : RulePolicy {
  // Comments with fewer cased letters (outside acronyms) than this are never
  // "written in capitals": "TAMAM" is a reply, not shouting.
  int min_letters = 6;
};

struct NoTurkishCharsPolicy : RulePolicy {
  // At least this many words must be missing their Turkish letters.
  int min_words = 1;
};

struct SpellingPolicy : RulePolicy {
  // At least this many misspelled words: one typo never triggers the rule.
  int min_misspelled = 2;
};

struct Policy {
  // Longest comment accepted, in characters (code points).
  int max_length = 5000;

  RulePolicy insult;
  RulePolicy profanity;
  RulePolicy offensive;
  RulePolicy belief_attack;
  SpellingPolicy spelling;
  NoTurkishCharsPolicy no_turkish_chars;
  AllCapsPolicy all_caps;

  // The defaults documented in config/policy.toml.
  Policy();

  const RulePolicy& ForRule(RuleId id) const;
};

// Parses policy TOML. `name` labels errors ("policy.toml:12: …").
// InvalidArgument, naming the line and the key, for a syntax error, an
// unknown table or key, a value of the wrong type, or a value out of range.
absl::StatusOr<Policy> ParsePolicy(std::string_view toml, const std::string& name);

// Reads and parses a policy file; NotFound when it cannot be read.
absl::StatusOr<Policy> LoadPolicyFile(const std::string& path);

}  // namespace newsroom::moderation

#endif  // NEWSROOM_MODERATION_POLICY_H_
