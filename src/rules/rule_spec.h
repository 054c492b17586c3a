// The shape of one row of the rule table (rule_table.h, generated from
// rules.toml). Plain constant data: pointers to string literals, no
// ownership, readable from any thread.
#ifndef NEWSROOM_RULES_RULE_SPEC_H_
#define NEWSROOM_RULES_RULE_SPEC_H_

namespace newsroom::rules {

// The rule ids; the enumerators are defined in rule_table.h, in the
// policy's order.
enum class RuleId : int;

// A text in the site's two languages.
struct Text {
  const char* tr;
  const char* en;
};

// The comment languages a rule runs on.
struct Languages {
  bool turkish;
  bool english;
  bool other;  // neither Turkish nor English
};

// The default policy of a rule (config/policy.toml writes it out).
struct Defaults {
  bool enabled;
  double threshold;         // a score at or above it violates the rule
  double review_threshold;  // < 0: no review band
  const char* action;       // "reject" or "review"
};

// One integer setting of a rule's own ("min_letters").
struct Setting {
  const char* name;
  int default_value;
  int min;
  int max;
  const char* doc;
};

struct RuleSpec {
  RuleId id;
  const char* name;  // "all_caps"
  Text label;        // a word or two for badges and menus: "Capitals"
  Text clause;       // the words of the policy the rule enforces
  Text message;      // what the commenter is told, the clause quoted
  Text fix_label;    // the fix button's label; both null without a fix
  Languages languages;
  Defaults defaults;
  const Setting* settings;  // `setting_count` of them; null when none
  int setting_count;
};

}  // namespace newsroom::rules

#endif  // NEWSROOM_RULES_RULE_SPEC_H_
