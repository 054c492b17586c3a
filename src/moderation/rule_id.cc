// The engine's view of the rule table: std::string copies of its texts,
// made once, so that callers keep the Bilingual type they always had.
//
// Tested by rule_id_test.cc.
#include "moderation/rule_id.h"

#include <array>

namespace newsroom::moderation {
namespace {

struct RuleTexts {
  Bilingual clause;
  Bilingual message;
};

const std::array<RuleTexts, rules::kRuleCount>& Texts() {
  static const auto* texts = [] {
    auto* t = new std::array<RuleTexts, rules::kRuleCount>;
    for (RuleId id : kAllRules) {
      const rules::RuleSpec& spec = rules::Spec(id);
      (*t)[static_cast<int>(id)] = {{spec.clause.tr, spec.clause.en},
                                    {spec.message.tr, spec.message.en}};
    }
    return t;
  }();
  return *texts;
}

}  // namespace

std::string_view RuleIdName(RuleId id) { return rules::Name(id); }

absl::StatusOr<RuleId> ParseRuleId(std::string_view name) {
  std::optional<RuleId> id = rules::FromName(name);
  if (id.has_value()) return *id;
  return absl::InvalidArgumentError("unknown rule \"" + std::string(name) +
                                    "\": expected one of " + rules::NameList());
}

bool RunsOn(RuleId id, langid::Language language) {
  const rules::Languages& on = rules::Spec(id).languages;
  switch (language) {
    case langid::Language::kTurkish:
      return on.turkish;
    case langid::Language::kEnglish:
      return on.english;
    default:
      return on.other;
  }
}

const Bilingual& Clause(RuleId id) {
  return Texts()[static_cast<int>(id)].clause;
}

const Bilingual& Message(RuleId id) {
  return Texts()[static_cast<int>(id)].message;
}

const Bilingual& PolicyText() {
  static const Bilingual* text =
      new Bilingual{rules::kPolicyText.tr, rules::kPolicyText.en};
  return *text;
}

}  // namespace newsroom::moderation
