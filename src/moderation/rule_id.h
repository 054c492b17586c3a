// The rules of the comment policy as the engine names them: their ids and
// the clause each one enforces, in Turkish and English. The facts come
// from the one rule table (rules/rules.h, generated from
// src/rules/rules.toml); this header gives them the engine's types.
//
//   absl::StatusOr<RuleId> id = ParseRuleId("all_caps");
//   RuleIdName(RuleId::kNoTurkishChars);       // "no_turkish_chars"
//   Clause(RuleId::kAllCaps).tr;               // "büyük harflerle yazılmış"
//
// The ids are the same everywhere: API, config, UI, logs, metrics.
#ifndef NEWSROOM_MODERATION_RULE_ID_H_
#define NEWSROOM_MODERATION_RULE_ID_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "langid/language.h"
#include "rules/rules.h"

namespace newsroom::moderation {

using rules::kAllRules;
using rules::RuleId;

// "insult", "profanity", "offensive", "belief_attack", "spelling",
// "no_turkish_chars", "all_caps".
std::string_view RuleIdName(RuleId id);

// Inverse of RuleIdName; InvalidArgument naming the unknown id otherwise.
absl::StatusOr<RuleId> ParseRuleId(std::string_view name);

// True when rule `id` runs on comments in `language` (the table's
// `languages`).
bool RunsOn(RuleId id, langid::Language language);

struct Bilingual {
  std::string tr;
  std::string en;
};

// The words of the policy that the rule enforces.
const Bilingual& Clause(RuleId id);

// The whole policy text as newsrooms print it under every article.
const Bilingual& PolicyText();

// What a reader is told when the rule finds something: what is wrong, then
// the policy clause quoted.
const Bilingual& Message(RuleId id);

}  // namespace newsroom::moderation

#endif  // NEWSROOM_MODERATION_RULE_ID_H_
