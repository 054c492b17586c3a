// Tested by spelling_rule_test.cc.
#include "moderation/spelling_rule.h"

#include "text/casing.h"

namespace newsroom::moderation {

SpellingRule::SpellingRule(const SpellingPolicy& policy,
                           const spelling::Checker& checker)
    : policy_(policy),
      allow_(policy.allow.begin(), policy.allow.end()),
      checker_(checker) {}

std::optional<Finding> SpellingRule::Check(Comment* comment) const {
  const std::vector<text::Token>& tokens = comment->document.tokens();
  Finding f;
  f.rule = RuleId::kSpelling;
  int checked = 0;
  int misspelled = 0;
  double weight = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const text::Token& t = tokens[i];
    if (t.kind != text::TokenKind::kWord || comment->counted[i]) continue;
    ++checked;
    spelling::WordCheck c = checker_.Check(
        t.text, {comment->language, t.sentence_initial});
    if (!c.misspelled) continue;
    if (!allow_.empty() && allow_.contains(text::ToLowerTr(t.text))) continue;
    ++misspelled;
    weight += c.confidence;
    Span s;
    s.start = t.begin;
    s.end = t.end;
    s.text = t.text;
    s.reason = spelling::ReasonName(c.reason);
    s.suggestions = checker_.Suggest(t.text, comment->language, kSuggestions);
    if (!s.suggestions.empty()) s.replacement = s.suggestions.front();
    f.spans.push_back(std::move(s));
  }
  if (f.spans.empty()) return std::nullopt;
  f.score = misspelled >= policy_.min_misspelled && checked > 0
                ? std::min(1.0, weight / checked)
                : 0.0;
  return f;
}

}  // namespace newsroom::moderation
