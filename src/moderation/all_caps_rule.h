// `all_caps`: "büyük harflerle yazılmış yorumlar onaylanmamaktadır" —
// comments written in capital letters are not approved.
//
//   AllCapsRule rule(policy.all_caps, acronyms, turkish_dictionary);
//   Comment c(doc, Language::kTurkish);
//   std::optional<Finding> f = rule.Check(&c);   // score, spans, fix
//
// Score: the share of the cased letters that stand in wholly upper-case
// words ("Ankara" counts as lower case), acronyms left out ("NATO", "TBMM",
// "ABD'de"). Nothing is reported unless some word is written wholly in
// capitals, and a comment with fewer than `min_letters` cased letters outside
// acronyms scores 0. Casing is Turkish: "IŞIK" is capitals, "İstanbul" is not.
//
// Fix: every all-capitals word re-cased — sentence starts title-cased,
// other words lower-cased with Turkish rules, except that a word which the
// Turkish dictionary only knows capitalised stays capitalised
// ("İSTANBUL'DA" → "İstanbul'da"); acronyms are kept as written. In a
// Turkish comment typed in capitals on a keyboard without Turkish letters,
// an ASCII "I" may stand for "İ" as well as "I": such words are first put to
// the deasciifier, so "ISTANBUL'DA TRAFIK" becomes "İstanbul'da trafik", not
// "Istanbul'da trafık".
//
// Thread-safe; applies to every language.
#ifndef NEWSROOM_MODERATION_ALL_CAPS_RULE_H_
#define NEWSROOM_MODERATION_ALL_CAPS_RULE_H_

#include <string>
#include <string_view>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "deasciify/deasciifier.h"
#include "moderation/policy.h"
#include "moderation/rule.h"
#include "morphology/dictionary.h"

namespace newsroom::moderation {

// The acronym list: one a line, "#" comments. Stored as written.
using AcronymSet = absl::flat_hash_set<std::string>;
absl::StatusOr<AcronymSet> LoadAcronyms(const std::string& path);

class AllCapsRule : public Rule {
 public:
  // `turkish` may be null (then proper nouns are lower-cased in the fix);
  // `deasciifier` may be null (then ASCII capitals are re-cased as typed).
  // REQUIRES: both outlive the rule.
  AllCapsRule(const AllCapsPolicy& policy, AcronymSet acronyms,
              const morphology::Dictionary* turkish,
              const deasciify::Deasciifier* deasciifier = nullptr);

  RuleId id() const override { return RuleId::kAllCaps; }
  std::optional<Finding> Check(Comment* comment) const override;

  // True when `word` (as typed) is an acronym: listed itself, or listed
  // before an apostrophe suffix ("ABD'ye"), or in the policy's allow list.
  bool IsAcronym(std::string_view word) const;

 private:
  // The fix for one all-capitals word; `previous` is the word before it in
  // its sentence, as typed.
  std::string Recase(const text::Token& token, std::string_view previous,
                     langid::Language language) const;

  AllCapsPolicy policy_;
  AcronymSet acronyms_;
  const morphology::Dictionary* turkish_;
  const deasciify::Deasciifier* deasciifier_;
};

}  // namespace newsroom::moderation

#endif  // NEWSROOM_MODERATION_ALL_CAPS_RULE_H_
