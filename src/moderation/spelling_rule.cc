// Why the score is what it is. A share of the words alone let a long
// comment with two plain typos through ("… oluyr … yetersz …" in twenty
// words is a tenth misspelt), although the policy's clause is about exactly
// such comments. A merely unknown word may be a rare word or a name, so
// those still count by their share; but a word the checker is sure of (a
// lower-case word one typo from a known word, an informal or colloquial
// spelling, letters repeated) is a misspelling whatever the comment's
// length, and
// `min_misspelled` sure ones send the comment to a moderator. The checker
// is sure of a word of clean text rarely enough (BENCHMARKS.md, issue 13)
// that this costs well-written comments little.
//
// Tested by spelling_rule_test.cc.
#include "moderation/spelling_rule.h"

#include <algorithm>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "moderation/english_phrase.h"
#include "text/casing.h"

namespace newsroom::moderation {
namespace {

// Lower-case typos one edit from a known word ("yetersz"), informal and
// colloquial spellings, letters repeated. Not a capitalised word one typo
// from a known word: in news that is mostly a foreign name ("Kavanaugh").
bool IsSure(const spelling::WordCheck& c) {
  if (c.confidence < SpellingRule::kSure) return false;
  switch (c.reason) {
    case spelling::Reason::kUnknownWord:
    case spelling::Reason::kInformal:
    case spelling::Reason::kRepeatedLetters:
      return true;
    default:
      return false;
  }
}

}  // namespace

SpellingRule::SpellingRule(const SpellingPolicy& policy,
                           const spelling::Checker& checker,
                           const morphology::Dictionary* english,
                           const morphology::Dictionary* turkish)
    : policy_(policy),
      allow_(policy.allow.begin(), policy.allow.end()),
      checker_(checker),
      english_(english),
      turkish_(turkish) {}

std::optional<Finding> SpellingRule::Check(Comment* comment) const {
  const std::vector<text::Token>& tokens = comment->document.tokens();
  Finding f;
  f.rule = RuleId::kSpelling;
  int checked = 0;
  int misspelled = 0;
  int sure = 0;
  double weight = 0;
  double all_false = 1;  // Π (1 − confidence) over the sure misspellings
  // The misspelled words counted, in lower case: a word typed twice is one
  // misspelling ("nori … nori", a term no list knows, is one question).
  absl::flat_hash_set<std::string> counted;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const text::Token& t = tokens[i];
    if (t.kind != text::TokenKind::kWord || comment->counted[i]) continue;
    ++checked;
    const int letters = t.end - t.begin;
    spelling::WordCheck c;
    if (letters > kMaxWordLetters) {
      c.misspelled = true;
      c.confidence = 1.0;
      c.reason = spelling::Reason::kUnknownWord;
    } else {
      c = checker_.Check(t.text, spelling::ContextOf(t, comment->language));
    }
    if (!c.misspelled) continue;
    if (comment->language == langid::Language::kTurkish &&
        english_ != nullptr && turkish_ != nullptr &&
        InEnglishPhrase(comment->document, i, *english_, *turkish_)) {
      continue;
    }
    std::string lower = text::ToLowerTr(t.text);
    if (!allow_.empty() && letters <= kMaxWordLetters &&
        allow_.contains(lower)) {
      continue;
    }
    if (counted.insert(std::move(lower)).second) {
      ++misspelled;
      weight += c.confidence;
      if (IsSure(c)) {
        ++sure;
        all_false *= 1.0 - c.confidence;
      }
    }
    Span s;
    s.start = t.begin;
    s.end = t.end;
    s.text = t.text;
    s.reason = spelling::ReasonName(c.reason);
    f.spans.push_back(std::move(s));
  }
  if (f.spans.empty()) return std::nullopt;
  f.score = 0;
  if (misspelled >= policy_.min_misspelled && checked > 0) {
    f.score = std::min(1.0, weight / checked);
  }
  if (sure >= policy_.min_misspelled) {
    f.score = std::max(f.score, 1.0 - all_false);
  }
  return f;
}

void SpellingRule::Suggest(const Comment& comment, Finding* finding) const {
  int suggested = 0;
  for (Span& s : finding->spans) {
    if (suggested == kMaxSuggestedWords) break;
    if (s.end - s.start > kMaxSuggestedLetters) continue;
    ++suggested;
    s.suggestions = checker_.Suggest(s.text, comment.language, kSuggestions);
    if (!s.suggestions.empty()) s.replacement = s.suggestions.front();
  }
}

}  // namespace newsroom::moderation
