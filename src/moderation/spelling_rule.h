// `spelling`: "imla kuralları ile yazılmamış yorumlar onaylanmamaktadır" —
// comments not written by the spelling rules are not approved.
//
//   SpellingRule rule(policy.spelling, checker);
//   Comment c(doc, Language::kTurkish);
//   std::optional<Finding> f = rule.Check(&c);
//   // spans on each misspelled word
//   rule.Suggest(c, &*f);
//   // now with suggestions, best first
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
// least `min_misspelled` different misspelled words are needed (a word
// typed twice counts once), else the score is 0 (the spans are still
// reported, for the reader).
//
// There is no whole-comment fix: a wrong automatic correction is worse than
// none, so each span carries suggestions the reader chooses from, and its
// `replacement` is the best one. Suggestions cost twice what the rest of
// the rule does, so Check() marks the words and Suggest() adds them, when
// the engine knows someone will be shown them (Engine::Suggestions).
//
// Work per comment is bounded here, at the rule, whatever the checker
// does inside: a word longer than kMaxWordLetters is no word of any
// language the site takes — it is misspelled, and the checker never sees
// it; suggestions are looked for only for words of at most
// kMaxSuggestedLetters, and for the first kMaxSuggestedWords misspelled
// words of a comment (the rest are marked without suggestions). So the
// rule's cost is linear in the text, whatever the text.
//
// Applies to Turkish and English comments. Thread-safe.
#ifndef NEWSROOM_MODERATION_SPELLING_RULE_H_
#define NEWSROOM_MODERATION_SPELLING_RULE_H_

#include "absl/container/flat_hash_set.h"
#include "moderation/policy.h"
#include "moderation/rule.h"
#include "morphology/dictionary.h"
#include "spelling/checker.h"

namespace newsroom::moderation {

class SpellingRule : public Rule {
 public:
  // Suggestions offered per misspelled word.
  static constexpr int kSuggestions = 5;
  // A misspelling at least this confident counts whatever the comment's
  // length (spelling::WordCheck::confidence).
  static constexpr float kSure = 0.9f;
  // Longer tokens are misspelled without asking the checker. The longest
  // words in the Turkish word list have about 30 letters; agglutination
  // jokes ("Çekoslovakyalılaştıramadıklarımızdanmışsınız", 44) still fit.
  static constexpr int kMaxWordLetters = 64;
  // Suggestion search is quadratic in the word's length (its deletions);
  // 2,000 letters took 160 ms, 5,000 took 2.3 s.
  static constexpr int kMaxSuggestedLetters = 40;
  // Misspelled words of one comment that get suggestions.
  static constexpr int kMaxSuggestedWords = 20;

  // With `english` and `turkish`, the words of an English phrase in a
  // Turkish comment are not misspelt Turkish (english_phrase.h).
  // REQUIRES: `checker` and the dictionaries outlive the rule.
  SpellingRule(const SpellingPolicy& policy, const spelling::Checker& checker,
               const morphology::Dictionary* english = nullptr,
               const morphology::Dictionary* turkish = nullptr);

  RuleId id() const override { return RuleId::kSpelling; }
  std::optional<Finding> Check(Comment* comment) const override;
  void Suggest(const Comment& comment, Finding* finding) const override;

 private:
  SpellingPolicy policy_;
  absl::flat_hash_set<std::string> allow_;
  const spelling::Checker& checker_;
  const morphology::Dictionary* english_;
  const morphology::Dictionary* turkish_;
};

}  // namespace newsroom::moderation

#endif  // NEWSROOM_MODERATION_SPELLING_RULE_H_
