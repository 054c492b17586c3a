// Why not merge the fixes' edits? Each rule's fix is a whole corrected
// comment, made with what that rule knows (the all-caps fix restores
// letters while re-casing; the letters fix keeps the case); their spans
// overlap and disagree. Asking the engine again is simple and exact: a
// combined fix is offered only when the engine itself no longer finds the
// fixed rules violated. The runs are few (kMaxFixRounds) and only happen
// for drafts with two fixes or more.
//
// Tested by combined_fix_test.cc.
#include "moderation/combined_fix.h"

#include <set>
#include <vector>

#include "moderation/verdict_json.h"

namespace newsroom::moderation {
namespace {

// The rules of `v` that are violated and offer a fix.
std::set<RuleId> FixedRules(const Verdict& v) {
  std::set<RuleId> out;
  for (const Finding& f : v.findings) {
    if (f.violated && f.fix.has_value()) out.insert(f.rule);
  }
  return out;
}

bool ClearsAll(const Verdict& after, const std::set<RuleId>& rules) {
  for (const Finding& f : after.findings) {
    if (f.violated && rules.count(f.rule) > 0) return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> CombinedFix(const Engine& engine,
                                       std::string_view text,
                                       const Verdict& verdict) {
  const std::set<RuleId> rules = FixedRules(verdict);
  if (rules.size() < 2) return std::nullopt;
  std::vector<std::string> candidates;
  for (const Finding& f : verdict.findings) {
    if (f.violated && f.fix.has_value() && *f.fix != text) {
      candidates.push_back(*f.fix);
    }
  }
  int runs = 0;
  // A fix that clears every fixed rule alone (re-casing may restore the
  // letters as well), tried last rule first: the later rules' fixes are
  // made knowing more.
  for (auto it = candidates.rbegin(); it != candidates.rend(); ++it) {
    if (runs == kMaxFixRounds) return std::nullopt;
    ++runs;
    absl::StatusOr<Verdict> after =
        engine.Moderate(*it, std::nullopt, Engine::Suggestions::kNever);
    if (after.ok() && ClearsAll(*after, rules)) return *it;
  }
  // Else one fix after another, each on the result of the last.
  std::string current = candidates.empty() ? std::string(text) : candidates[0];
  while (runs < kMaxFixRounds) {
    ++runs;
    absl::StatusOr<Verdict> after =
        engine.Moderate(current, std::nullopt, Engine::Suggestions::kNever);
    if (!after.ok()) return std::nullopt;
    if (ClearsAll(*after, rules)) return current;
    std::optional<std::string> next;
    for (const Finding& f : after->findings) {
      if (f.violated && rules.count(f.rule) > 0 && f.fix && *f.fix != current) {
        next = *f.fix;
        break;
      }
    }
    if (!next) return std::nullopt;
    current = *std::move(next);
  }
  return std::nullopt;
}

nlohmann::json VerdictToJsonWithFix(const Engine& engine, std::string_view text,
                                    const Verdict& verdict) {
  nlohmann::json j = VerdictToJson(verdict);
  if (std::optional<std::string> fix = CombinedFix(engine, text, verdict)) {
    j["fix"] = *std::move(fix);
  }
  return j;
}

}  // namespace newsroom::moderation
