// Policy files go through toml++ (which throws on syntax errors; caught here
// and turned into a Status). Every table and key is checked against the
// known ones, so a typo like `treshold` is an error rather than a silently
// ignored setting, and every error names the file, line and key.
//
// Tested by policy_test.cc.
#include "moderation/policy.h"

#include <fstream>
#include <sstream>

#define TOML_EXCEPTIONS 1
#include <toml++/toml.h>

#include "text/casing.h"

namespace newsroom::moderation {
namespace {

std::string Where(const std::string& name, const toml::node& node) {
  return name + ":" + std::to_string(node.source().begin.line) + ": ";
}

absl::Status Bad(const std::string& name, const toml::node& node,
                 const std::string& key, const std::string& what) {
  return absl::InvalidArgumentError(Where(name, node) + key + ": " + what);
}

absl::Status ReadNumber(const std::string& name, const toml::node& node,
                        const std::string& key, double lo, double hi,
                        double* out) {
  std::optional<double> v = node.value<double>();
  if (!node.is_number() || !v.has_value()) {
    return Bad(name, node, key, "must be a number");
  }
  if (*v < lo || *v > hi) {
    return Bad(name, node, key,
               "must be between " + std::to_string(lo).substr(0, 4) + " and " +
                   std::to_string(hi).substr(0, 4));
  }
  *out = *v;
  return absl::OkStatus();
}

absl::Status ReadInt(const std::string& name, const toml::node& node,
                     const std::string& key, int lo, int hi, int* out) {
  if (!node.is_integer()) return Bad(name, node, key, "must be an integer");
  int64_t v = *node.value<int64_t>();
  if (v < lo || v > hi) {
    return Bad(
        name, node, key,
        "must be between " + std::to_string(lo) + " and " + std::to_string(hi));
  }
  *out = static_cast<int>(v);
  return absl::OkStatus();
}

// Reads the keys every rule has; sets *handled when `key` was one of them.
absl::Status ReadCommon(const std::string& name, const std::string& path,
                        std::string_view key, const toml::node& node,
                        RulePolicy* rule, bool* handled) {
  *handled = true;
  std::string full = path + "." + std::string(key);
  if (key == "enabled") {
    if (!node.is_boolean())
      return Bad(name, node, full, "must be true or false");
    rule->enabled = *node.value<bool>();
  } else if (key == "threshold") {
    return ReadNumber(name, node, full, 0, 1, &rule->threshold);
  } else if (key == "review_threshold") {
    double v = 0;
    absl::Status s = ReadNumber(name, node, full, 0, 1, &v);
    if (!s.ok()) return s;
    rule->review_threshold = v;
  } else if (key == "action") {
    std::optional<std::string> v = node.value<std::string>();
    if (!node.is_string() || (*v != "reject" && *v != "review")) {
      return Bad(name, node, full, "must be \"reject\" or \"review\"");
    }
    rule->action = *v == "reject" ? Action::kReject : Action::kReview;
  } else if (key == "allow") {
    const toml::array* items = node.as_array();
    if (items == nullptr)
      return Bad(name, node, full, "must be a list of words");
    rule->allow.clear();
    for (const toml::node& item : *items) {
      if (!item.is_string()) {
        return Bad(name, item, full, "must be a list of words");
      }
      rule->allow.push_back(text::ToLowerTr(*item.value<std::string>()));
    }
  } else {
    *handled = false;
  }
  return absl::OkStatus();
}

absl::Status Unknown(const std::string& name, const toml::node& node,
                     const std::string& key) {
  return Bad(name, node, key, "unknown key");
}

absl::Status ReadRule(const std::string& name, RuleId id,
                      const toml::table& table, Policy* policy) {
  std::string path = "rules." + std::string(RuleIdName(id));
  RulePolicy* common = &policy->ForRule(id);
  for (const auto& [k, node] : table) {
    std::string_view key = k.str();
    bool handled = false;
    absl::Status s = ReadCommon(name, path, key, node, common, &handled);
    if (!s.ok()) return s;
    if (handled) continue;
    std::string full = path + "." + std::string(key);
    const rules::Setting* setting = rules::FindSetting(id, key);
    if (setting == nullptr) return Unknown(name, node, full);
    int* field = policy->Setting(id, key);
    if (field == nullptr) {
      return absl::InternalError(full +
                                 ": in the rule table but not in Policy");
    }
    s = ReadInt(name, node, full, setting->min, setting->max, field);
    if (!s.ok()) return s;
  }
  if (common->review_threshold.has_value() &&
      *common->review_threshold > common->threshold) {
    return absl::InvalidArgumentError(
        Where(name, table) + path +
        ".review_threshold: must not be above threshold");
  }
  return absl::OkStatus();
}

}  // namespace

Policy::Policy() : max_length(rules::kDefaultMaxLength) {
  for (RuleId id : kAllRules) {
    const rules::RuleSpec& spec = rules::Spec(id);
    RulePolicy& rule = ForRule(id);
    rule.enabled = spec.defaults.enabled;
    rule.threshold = spec.defaults.threshold;
    if (spec.defaults.review_threshold >= 0) {
      rule.review_threshold = spec.defaults.review_threshold;
    }
    rule.action = std::string_view(spec.defaults.action) == "review"
                      ? Action::kReview
                      : Action::kReject;
    for (int i = 0; i < spec.setting_count; ++i) {
      *Setting(id, spec.settings[i].name) = spec.settings[i].default_value;
    }
  }
}

const RulePolicy& Policy::ForRule(RuleId id) const {
  return const_cast<Policy*>(this)->ForRule(id);
}

RulePolicy& Policy::ForRule(RuleId id) {
  switch (id) {
    case RuleId::kInsult:
      return insult;
    case RuleId::kProfanity:
      return profanity;
    case RuleId::kOffensive:
      return offensive;
    case RuleId::kBeliefAttack:
      return belief_attack;
    case RuleId::kSpelling:
      return spelling;
    case RuleId::kNoTurkishChars:
      return no_turkish_chars;
    case RuleId::kAllCaps:
      return all_caps;
  }
  return insult;
}

int* Policy::Setting(RuleId id, std::string_view name) {
  if (id == RuleId::kAllCaps && name == "min_letters") {
    return &all_caps.min_letters;
  }
  if (id == RuleId::kNoTurkishChars && name == "min_words") {
    return &no_turkish_chars.min_words;
  }
  if (id == RuleId::kSpelling && name == "min_misspelled") {
    return &spelling.min_misspelled;
  }
  return nullptr;
}

absl::StatusOr<Policy> ParsePolicy(std::string_view toml_text,
                                   const std::string& name) {
  toml::table root;
  try {
    root = toml::parse(toml_text, name);
  } catch (const toml::parse_error& e) {
    return absl::InvalidArgumentError(name + ":" +
                                      std::to_string(e.source().begin.line) +
                                      ": " + std::string(e.description()));
  }
  Policy policy;
  for (const auto& [k, node] : root) {
    std::string_view key = k.str();
    if (key == "comments") {
      const toml::table* t = node.as_table();
      if (t == nullptr) return Bad(name, node, "comments", "must be a table");
      for (const auto& [ck, cnode] : *t) {
        std::string full = "comments." + std::string(ck.str());
        if (ck.str() != "max_length") return Unknown(name, cnode, full);
        absl::Status s =
            ReadInt(name, cnode, full, 1, 1000000, &policy.max_length);
        if (!s.ok()) return s;
      }
    } else if (key == "rules") {
      const toml::table* t = node.as_table();
      if (t == nullptr) return Bad(name, node, "rules", "must be a table");
      for (const auto& [rk, rnode] : *t) {
        std::string full = "rules." + std::string(rk.str());
        absl::StatusOr<RuleId> id = ParseRuleId(rk.str());
        if (!id.ok()) {
          return Bad(
              name, rnode, full,
              std::string("unknown rule (expected ") + rules::NameList() + ")");
        }
        const toml::table* rt = rnode.as_table();
        if (rt == nullptr) return Bad(name, rnode, full, "must be a table");
        absl::Status s = ReadRule(name, *id, *rt, &policy);
        if (!s.ok()) return s;
      }
    } else {
      return Unknown(name, node, std::string(key));
    }
  }
  return policy;
}

absl::StatusOr<Policy> LoadPolicyFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError("cannot read policy file " + path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return ParsePolicy(buffer.str(), path);
}

}  // namespace newsroom::moderation
