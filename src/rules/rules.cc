// Look-ups over the generated table. Seven rows: a linear scan is as fast
// as anything cleverer and needs no initialisation.
//
// Tested by rules_test.cc.
#include "rules/rules.h"

#include <string>

namespace newsroom::rules {

std::optional<RuleId> FromName(std::string_view name) {
  for (const RuleSpec& spec : kRuleSpecs) {
    if (name == spec.name) return spec.id;
  }
  return std::nullopt;
}

const char* NameList() {
  static const std::string* list = [] {
    auto* s = new std::string;
    for (const RuleSpec& spec : kRuleSpecs) {
      if (!s->empty()) *s += ", ";
      *s += spec.name;
    }
    return s;
  }();
  return list->c_str();
}

const Setting* FindSetting(RuleId id, std::string_view name) {
  const RuleSpec& spec = Spec(id);
  for (int i = 0; i < spec.setting_count; ++i) {
    if (name == spec.settings[i].name) return &spec.settings[i];
  }
  return nullptr;
}

}  // namespace newsroom::rules
