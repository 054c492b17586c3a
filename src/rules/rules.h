// The rules of the comment policy, as one table: each rule's id, the
// clause of the policy it enforces, what a commenter is told, the label of
// its fix, the languages it runs on, its default policy and its own
// settings. The engine (moderation), the pages (site) and the browser
// script (web/src/rules.ts) all read them from here; the table itself is
// src/rules/rules.toml, turned into rule_table.h by generate.py.
//
//   const RuleSpec& all_caps = Spec(RuleId::kAllCaps);
//   all_caps.clause.tr;                        // "büyük harflerle yazılmış"
//   std::optional<RuleId> id = FromName("spelling");
//   for (RuleId id : kAllRules) Print(Name(id));
//
// Constant data; every function is thread-safe.
#ifndef NEWSROOM_RULES_RULES_H_
#define NEWSROOM_RULES_RULES_H_

#include <optional>
#include <string_view>

#include "rules/rule_spec.h"
#include "rules/rule_table.h"

namespace newsroom::rules {

// The row of rule `id`.
inline const RuleSpec& Spec(RuleId id) {
  return kRuleSpecs[static_cast<int>(id)];
}

// "insult", "profanity", …, "all_caps".
inline std::string_view Name(RuleId id) { return Spec(id).name; }

// The rule named `name` (exactly, lower case), or nullopt.
std::optional<RuleId> FromName(std::string_view name);

// "insult, profanity, …, all_caps": for error messages.
const char* NameList();

// `text` in the language "en" or anything else (Turkish).
inline const char* In(const Text& text, bool english) {
  return english ? text.en : text.tr;
}

// The setting `name` of rule `id`, or null.
const Setting* FindSetting(RuleId id, std::string_view name);

}  // namespace newsroom::rules

#endif  // NEWSROOM_RULES_RULES_H_
