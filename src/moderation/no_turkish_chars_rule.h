// `no_turkish_chars`: "Türkçe karakter kullanılmayan yorumlar
// onaylanmamaktadır" — Turkish comments typed without ç ğ ı ö ş ü are not
// approved.
//
//   NoTurkishCharsRule rule(policy.no_turkish_chars, deasciifier);
//   Comment c(doc, Language::kTurkish);
//   std::optional<Finding> f = rule.Check(&c);
//   // "cok guzel bir haber olmus": score ≈ 1, spans on cok, guzel, olmus,
//   // fix "çok güzel bir haber olmuş"
//
// Every word is put to the deasciifier, which says whether it should carry
// Turkish letters and how sure it is. Words that need no special letter
// ("bu haber iyi") give no evidence either way. A capitalised word inside a
// sentence whose restored form the Turkish dictionary does not know in
// lower case is taken for a name: it is restored in the fix when the
// deasciifier knows it ("Istanbul" → "İstanbul") but never counted. A
// capitalised common word ("Donusturmek" in a title) is counted.
//
// A word that is a word as typed too ("su" for "şu", "bas" for "baş") may
// be just what the writer meant, and the letter model's spelling of a word
// never seen in training that the dictionary does not confirm is a guess
// ("pintiydi" → "pıntiydi"). A comment scores 0 unless one counted word is
// neither — no word without its letters, spelt from what was seen
// ("guzel", "cok") — or the deasciifier is at least kSureOfAWord sure of
// it: "Su buz gibi." (water, not "Şu", 0.61) and "Bas gaza!" (0.55) are
// published; their words are still marked, and restored in the fix.
//
// Score: when the comment has no Turkish letter at all, the probability that
// at least one counted word really needs one, 1 − Π(1 − confidence). When
// the writer did type some Turkish letters, that probability times the share
// of missing words among the words that have or need them: a keyboard that
// types ç and ş is not the problem, an occasional slip is not this rule.
//
// The words of an English phrase ("so sad") are not Turkish at all, and
// are left alone (english_phrase.h).
//
// Counted words are marked in Comment::counted so that `spelling` does not
// count them again. Applies to Turkish comments only. Thread-safe.
#ifndef NEWSROOM_MODERATION_NO_TURKISH_CHARS_RULE_H_
#define NEWSROOM_MODERATION_NO_TURKISH_CHARS_RULE_H_

#include "absl/container/flat_hash_set.h"
#include "deasciify/deasciifier.h"
#include "moderation/policy.h"
#include "moderation/rule.h"
#include "morphology/dictionary.h"

namespace newsroom::moderation {

class NoTurkishCharsRule : public Rule {
 public:
  // `turkish` may be null: then every capitalised word inside a sentence is
  // taken for a name. With `english` (and `turkish`), the words of an
  // English phrase are left alone (english_phrase.h). REQUIRES: all outlive
  // the rule.
  NoTurkishCharsRule(const NoTurkishCharsPolicy& policy,
                     const deasciify::Deasciifier& deasciifier,
                     const morphology::Dictionary* turkish,
                     const morphology::Dictionary* english = nullptr);

  // How sure the deasciifier must be that a word that is a word as typed
  // needs its Turkish letters, for the word alone to break the rule.
  // Chosen on the development part of the shared sentences (BENCHMARKS.md).
  static constexpr double kSureOfAWord = 0.7;
  // A restored word at least this sure is never taken for part of an
  // English phrase ("Bi gun", "gore bi"): it was seen so in training.
  static constexpr double kSurelyTurkish = 0.95;

  RuleId id() const override { return RuleId::kNoTurkishChars; }
  std::optional<Finding> Check(Comment* comment) const override;

 private:
  NoTurkishCharsPolicy policy_;
  absl::flat_hash_set<std::string> allow_;
  const deasciify::Deasciifier& deasciifier_;
  const morphology::Dictionary* turkish_;
  const morphology::Dictionary* english_;
};

}  // namespace newsroom::moderation

#endif  // NEWSROOM_MODERATION_NO_TURKISH_CHARS_RULE_H_
