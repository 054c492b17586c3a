// The abuse clauses of the policy: `profanity` (küfür), `insult` (hakaret),
// `offensive` (rahatsız edici ve imalı cümleler) and `belief_attack`
// (inançlara saldırı).
//
//   AbuseAnalysis a = AbuseAnalysis::Of(doc, language, matcher, classifier);
//   Comment c(doc, language);
//   c.abuse = &a;
//   std::optional<Finding> f = ProfanityRule(policy.profanity).Check(&c);
//
// All four read one AbuseAnalysis of the comment, made once by the engine:
// the lexicon matcher's findings (roots found through suffixes, ASCII
// folding, leetspeak, repeated or separated letters and homoglyphs, with
// spans on what was typed) and the offensive-language classifier's
// calibrated score.
//
// Scores:
//   - profanity (profanity, sexual entries) and insult (insult, slur,
//     threat entries): the gravest match, by severity 1/2/3 → 0.6/0.85/0.97.
//     An entry marked ambiguous (a word with a common innocent sense, such
//     as "köpek") counts only as far as the classifier finds the comment
//     offensive (its score times the classifier's), unless it is said of
//     the reader ("köpeksin").
//   - offensive: the classifier's calibrated probability that the comment
//     is offensive; spans on the words that raised it most. Turkish only:
//     the model is learnt from Turkish.
//   - belief_attack: a belief target (İslam, Kuran, kilise, ateist, …) and
//     abuse in the same sentence scores as the abuse; a belief target in a
//     comment the classifier finds offensive scores 0.9 × its score, except
//     names of God alone, which stand in everyday curses.
//     Respectful or neutral mentions of religion score 0.
//
// Rules are immutable and thread-safe.
#ifndef NEWSROOM_MODERATION_ABUSE_RULES_H_
#define NEWSROOM_MODERATION_ABUSE_RULES_H_

#include <optional>
#include <vector>

#include "classifier/classifier.h"
#include "lexicon/matcher.h"
#include "moderation/policy.h"
#include "moderation/rule.h"

namespace newsroom::moderation {

// What the lexicon and the classifier say about one comment.
struct AbuseAnalysis {
  std::vector<lexicon::Match> matches;  // abuse and belief targets, by begin
  // Calibrated probability that the comment is offensive; nullopt when the
  // classifier does not apply (not a Turkish comment).
  std::optional<double> offensive;

  // Runs the matcher and, for Turkish comments, the classifier.
  static AbuseAnalysis Of(const text::Document& doc, langid::Language language,
                          const lexicon::Matcher& matcher,
                          const classifier::Classifier& classifier);
};

// How much one lexicon match counts, in [0, 1] (see the file comment).
double MatchScore(const lexicon::Match& match, const AbuseAnalysis& analysis);

class ProfanityRule : public Rule {
 public:
  explicit ProfanityRule(const RulePolicy& policy);
  RuleId id() const override { return RuleId::kProfanity; }
  std::optional<Finding> Check(Comment* comment) const override;

 private:
  RulePolicy policy_;
};

class InsultRule : public Rule {
 public:
  explicit InsultRule(const RulePolicy& policy);
  RuleId id() const override { return RuleId::kInsult; }
  std::optional<Finding> Check(Comment* comment) const override;

 private:
  RulePolicy policy_;
};

class OffensiveRule : public Rule {
 public:
  // Words pointed at, at most.
  static constexpr int kMaxSpans = 3;

  // REQUIRES: `classifier` outlives the rule.
  OffensiveRule(const RulePolicy& policy,
                const classifier::Classifier& classifier);
  RuleId id() const override { return RuleId::kOffensive; }
  std::optional<Finding> Check(Comment* comment) const override;

 private:
  RulePolicy policy_;
  const classifier::Classifier& classifier_;
};

class BeliefAttackRule : public Rule {
 public:
  explicit BeliefAttackRule(const RulePolicy& policy);
  RuleId id() const override { return RuleId::kBeliefAttack; }
  std::optional<Finding> Check(Comment* comment) const override;

 private:
  RulePolicy policy_;
};

}  // namespace newsroom::moderation

#endif  // NEWSROOM_MODERATION_ABUSE_RULES_H_
