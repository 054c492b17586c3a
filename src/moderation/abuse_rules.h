// The abuse clauses of the policy: `profanity` (küfür), `insult` (hakaret),
// `offensive` (rahatsız edici ve imalı cümleler) and `belief_attack`
// (inançlara saldırı).
//
//   AbuseModels models{&turkish, &english, &neutral};
//   AbuseAnalysis a = AbuseAnalysis::Of(doc, language, matcher, models);
//   Comment c(doc, language);
//   c.abuse = &a;
//   std::optional<Finding> f = OffensiveRule(policy.offensive,
//   models).Check(&c);
//
// All four read one AbuseAnalysis of the comment, made once by the engine:
// the lexicon matcher's findings (roots found through suffixes, ASCII
// folding, leetspeak, repeated or separated letters and homoglyphs, with
// spans on what was typed), the attacks on groups among them
// (lexicon/group_attack.h), and the calibrated score of the classifier of
// the comment's language (each language has its own model; a language
// without one gets no score).
//
// Scores:
//   - profanity (profanity, sexual entries) and insult (insult, slur,
//     threat entries, and blame or dehumanisation said to the reader: "Sen
//     bir katilsin", "hırsızsınız", "Sen tam bir domuzsun", "You are
//     vermin"): the gravest match, by severity 1/2/3 →
//     0.6/0.85/0.97.
//     An entry marked ambiguous (a word with a common innocent sense, such
//     as "köpek") counts only as far as the classifier finds the comment
//     offensive (its score times the classifier's), unless it is said to
//     the reader ("köpeksin", "Seni pislik!"). An insult said of oneself,
//     denied, or what someone is taken for ("aptal değilim", "Ben bir
//     aptaldım", "Tom salak değildir", "I'm such an idiot", "halkı aptal
//     yerine koymayın"; lexicon/aim.h) insults no one: it is no insult
//     finding, and the classifier's push on it is taken out like a neutral
//     word's.
//   - offensive: the larger of
//       * an attack on a group of people (exclusion, dehumanisation,
//         collective blame, a curse or abuse aimed at the group), by the
//         attack's severity as above; spans on the group and the attack;
//       * the classifier's calibrated probability of the comment without
//         its neutral words (news vocabulary, animals, weather, sport,
//         public office, names of groups: lexicon/neutral_words.h) that
//         push it up: the comment is scored again as if they were never
//         typed (the n-grams across their edges and the lexicon findings
//         inside them too: "domuz" the animal takes its dehumanisation
//         finding with it; a word said to the reader is no neutral
//         word, "domuzsun"), never above its
//         score as written, so a comment whose only signal is neutral
//         words scores below the review band and is published. Spans only on
//         the words whose contribution is clearly positive and that are
//         not neutral; when no word carries the score, no span, and the
//         finding's note says so.
//   - belief_attack: an attack (as above) whose target is a faith, its
//     people, sacred figures, books or places, or belief and non-belief.
//     A mention of a religion, however negative the news, scores 0; names
//     of God in everyday curses ("Allah belanı versin") are no target.
//
// Rules are immutable and thread-safe.
#ifndef NEWSROOM_MODERATION_ABUSE_RULES_H_
#define NEWSROOM_MODERATION_ABUSE_RULES_H_

#include <optional>
#include <vector>

#include "classifier/classifier.h"
#include "lexicon/aim.h"
#include "lexicon/group_attack.h"
#include "lexicon/matcher.h"
#include "lexicon/neutral_words.h"
#include "moderation/policy.h"
#include "moderation/rule.h"

namespace newsroom::moderation {

// The models the abuse rules read, per language; any may be null (no
// classifier score in that language; no neutral words). Not owned.
struct AbuseModels {
  const classifier::Classifier* turkish = nullptr;
  const classifier::Classifier* english = nullptr;
  const lexicon::NeutralWords* turkish_neutral = nullptr;
  const lexicon::NeutralWords* english_neutral = nullptr;

  // The classifier and the neutral words of `language`, or null.
  const classifier::Classifier* ClassifierFor(langid::Language language) const;
  const lexicon::NeutralWords* NeutralFor(langid::Language language) const;
};

// What the lexicon and the classifier say about one comment.
struct AbuseAnalysis {
  std::vector<lexicon::Match> matches;        // by begin
  std::vector<lexicon::GroupAttack> attacks;  // indices into matches
  std::vector<lexicon::Aim> aims;             // of each match
  // Per match: attack language said of a group but not meant by the writer
  // (FindGroupAttacks' `said_not_meant`).
  std::vector<uint8_t> said_not_meant;
  // Calibrated probability that the comment is offensive; nullopt when no
  // classifier reads the comment's language.
  std::optional<double> offensive;
  // The classifier's margin behind `offensive` (Classifier::Margin).
  double margin = 0;
  // The classifier that gave `offensive` (null with it).
  const classifier::Classifier* classifier = nullptr;
  // The tokens it read as the group placeholder (classifier::TargetMask);
  // empty when its model has none.
  std::vector<uint8_t> targets;

  // Runs the matcher, finds the attacks on groups and runs the classifier
  // of `language` if there is one.
  static AbuseAnalysis Of(const text::Document& doc, langid::Language language,
                          const lexicon::Matcher& matcher,
                          const AbuseModels& models);
};

// How much match `k` of `analysis` counts, in [0, 1] (see the file
// comment).
double MatchScore(const AbuseAnalysis& analysis, size_t k);

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
  // A word carries the score (is pointed at) when its contribution to the
  // margin is at least this much: a word of the review band's comments moves
  // the margin by 0.5–2 where it matters, and by less than 0.1 where it does
  // not.
  static constexpr double kCarries = 0.25;

  // REQUIRES: `models` (and what it points at) outlives the rule.
  OffensiveRule(const RulePolicy& policy, const AbuseModels& models);
  RuleId id() const override { return RuleId::kOffensive; }
  std::optional<Finding> Check(Comment* comment) const override;

 private:
  RulePolicy policy_;
  const AbuseModels& models_;
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
