// Field names are the API's: `rules` holds one object per finding with
// `rule`, `violated`, `score`, `action`, `spans`, `message`, `fix` and
// `note` (only when there is one).
// Scores are rounded to four decimals so that output is stable to read.
//
// Tested by verdict_json_test.cc.
#include "moderation/verdict_json.h"

#include <cmath>

namespace newsroom::moderation {

nlohmann::json VerdictToJson(const Verdict& verdict) {
  nlohmann::json rules = nlohmann::json::array();
  for (const Finding& f : verdict.findings) {
    nlohmann::json spans = nlohmann::json::array();
    for (const Span& s : f.spans) {
      nlohmann::json span = {
          {"start", s.start}, {"end", s.end}, {"text", s.text}};
      if (!s.reason.empty()) span["reason"] = s.reason;
      if (!s.replacement.empty()) span["replacement"] = s.replacement;
      if (!s.suggestions.empty()) span["suggestions"] = s.suggestions;
      spans.push_back(std::move(span));
    }
    nlohmann::json rule = {
        {"rule", std::string(RuleIdName(f.rule))},
        {"violated", f.violated},
        {"score", std::round(f.score * 10000) / 10000},
        {"action", std::string(ActionName(f.action))},
        {"spans", std::move(spans)},
        {"message", {{"tr", Message(f.rule).tr}, {"en", Message(f.rule).en}}},
    };
    if (f.fix.has_value()) rule["fix"] = *f.fix;
    if (!f.note.empty()) rule["note"] = f.note;
    rules.push_back(std::move(rule));
  }
  return {
      {"decision", std::string(DecisionName(verdict.decision))},
      {"language", std::string(langid::LanguageCode(verdict.language))},
      {"rules", std::move(rules)},
  };
}

}  // namespace newsroom::moderation
