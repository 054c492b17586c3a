// `spelling`: "imla kuralları ile yazılmamış yorumlar onaylanmamaktadır" —
// comments not written by the spelling rules are not approved.
//
//   SpellingRule rule(policy.spelling, checker);
//   Comment c(doc, Language::kTurkish);
//   std::optional<Finding> f = rule.Check(&c);
//   // spans on each misspelled word, with suggestions, best first
//
// Every word the earlier rules have not counted is put to the spelling
// checker (Turkish or English, by the comment's language). Score: the
// misspelled share of those words, each misspelling weighted by the
// checker's confidence; or, when at least `min_misspelled` of them are
// sure misspellings (confidence ≥ kSure: a lower-case word one typo from
// a known word, informal or colloquial spellings such as "tmm", "kalıyo",
// letters repeated; not capitalised words, often names), the chance
// that one of those is a real misspelling, 1 − Π(1 − confidence),
// whatever the comment's length. One typo never violates the rule: at
// least `min_misspelled` misspelled words are needed, else the score is 0
// (the spans are still reported, for the reader).
//
// There is no whole-comment fix: a wrong automatic correction is worse than
// none, so each span carries suggestions the reader chooses from, and its
// `replacement` is the best one.
//
// Applies to Turkish and English comments. Thread-safe.
#ifndef NEWSROOM_MODERATION_SPELLING_RULE_H_
#define NEWSROOM_MODERATION_SPELLING_RULE_H_

#include "absl/container/flat_hash_set.h"
#include "moderation/policy.h"
#include "moderation/rule.h"
#include "spelling/checker.h"

namespace newsroom::moderation {

class SpellingRule : public Rule {
 public:
  // Suggestions offered per misspelled word.
  static constexpr int kSuggestions = 5;
  // A misspelling at least this confident counts whatever the comment's
  // length (spelling::WordCheck::confidence).
  static constexpr float kSure = 0.9f;

  // REQUIRES: `checker` outlives the rule.
  SpellingRule(const SpellingPolicy& policy, const spelling::Checker& checker);

  RuleId id() const override { return RuleId::kSpelling; }
  std::optional<Finding> Check(Comment* comment) const override;

 private:
  SpellingPolicy policy_;
  absl::flat_hash_set<std::string> allow_;
  const spelling::Checker& checker_;
};

}  // namespace newsroom::moderation

#endif  // NEWSROOM_MODERATION_SPELLING_RULE_H_
