// Tested by rule_id_test.cc.
#include "moderation/rule_id.h"

namespace newsroom::moderation {
namespace {

struct RuleText {
  RuleId id;
  std::string_view name;
  Bilingual clause;
  Bilingual message;
};

const RuleText* Table() {
  static const RuleText* table = new RuleText[7]{
      {RuleId::kInsult, "insult",
       {"Hakaret", "insults"},
       {"Yorumunuz hakaret içeriyor. Yorum politikamız: «Hakaret … içeren "
        "yorumlar onaylanmamaktadır.»",
        "Your comment contains an insult. Our comment policy: “Comments that "
        "contain insults … are not approved.”"}},
      {RuleId::kProfanity, "profanity",
       {"küfür", "swearing"},
       {"Yorumunuz küfür içeriyor. Yorum politikamız: «… küfür … içeren "
        "yorumlar onaylanmamaktadır.»",
        "Your comment contains swearing. Our comment policy: “Comments that "
        "contain … swearing … are not approved.”"}},
      {RuleId::kOffensive, "offensive",
       {"rahatsız edici ve imalı cümleler",
        "offensive sentences or allusions"},
       {"Yorumunuz rahatsız edici ya da imalı ifadeler içeriyor. Yorum "
        "politikamız: «… rahatsız edici ve imalı cümleler … içeren yorumlar "
        "onaylanmamaktadır.»",
        "Your comment contains offensive sentences or allusions. Our comment "
        "policy: “Comments that contain … offensive sentences or allusions … "
        "are not approved.”"}},
      {RuleId::kBeliefAttack, "belief_attack",
       {"inançlara saldırı", "attacks on beliefs"},
       {"Yorumunuz inançlara saldırı içeriyor. Yorum politikamız: «… "
        "inançlara saldırı içeren … yorumlar onaylanmamaktadır.»",
        "Your comment attacks beliefs. Our comment policy: “Comments that "
        "contain … attacks on beliefs … are not approved.”"}},
      {RuleId::kSpelling, "spelling",
       {"imla kuralları ile yazılmamış", "not written with spelling rules"},
       {"Yorumunuzda yazım hataları var. Yorum politikamız: «… imla "
        "kuralları ile yazılmamış … yorumlar onaylanmamaktadır.»",
        "Your comment has spelling mistakes. Our comment policy: “Comments "
        "that … are not written with spelling rules … are not approved.”"}},
      {RuleId::kNoTurkishChars, "no_turkish_chars",
       {"Türkçe karakter kullanılmayan", "do not use Turkish characters"},
       {"Yorumunuz Türkçe karakterler (ç, ğ, ı, ö, ş, ü) kullanılmadan "
        "yazılmış. Yorum politikamız: «… Türkçe karakter kullanılmayan … "
        "yorumlar onaylanmamaktadır.»",
        "Your comment is written without Turkish characters (ç, ğ, ı, ö, ş, "
        "ü). Our comment policy: “Comments that … do not use Turkish "
        "characters … are not approved.”"}},
      {RuleId::kAllCaps, "all_caps",
       {"büyük harflerle yazılmış", "written in capital letters"},
       {"Yorumunuz büyük harflerle yazılmış. Yorum politikamız: «… büyük "
        "harflerle yazılmış yorumlar onaylanmamaktadır.»",
        "Your comment is written in capital letters. Our comment policy: "
        "“Comments that … are written in capital letters are not approved.”"}},
  };
  return table;
}

const RuleText& Find(RuleId id) { return Table()[static_cast<int>(id)]; }

}  // namespace

std::string_view RuleIdName(RuleId id) { return Find(id).name; }

absl::StatusOr<RuleId> ParseRuleId(std::string_view name) {
  for (RuleId id : kAllRules) {
    if (Find(id).name == name) return id;
  }
  return absl::InvalidArgumentError(
      "unknown rule \"" + std::string(name) +
      "\": expected one of insult, profanity, offensive, belief_attack, "
      "spelling, no_turkish_chars, all_caps");
}

const Bilingual& Clause(RuleId id) { return Find(id).clause; }

const Bilingual& Message(RuleId id) { return Find(id).message; }

const Bilingual& PolicyText() {
  static const Bilingual* text = new Bilingual{
      "Hakaret, küfür, rahatsız edici ve imalı cümleler veya inançlara "
      "saldırı içeren, imla kuralları ile yazılmamış, Türkçe karakter "
      "kullanılmayan ve büyük harflerle yazılmış yorumlar "
      "onaylanmamaktadır.",
      "Comments that contain insults, swearing, offensive sentences or "
      "allusions, attacks on beliefs, are not written with spelling rules, "
      "do not use Turkish characters and are written in capital letters are "
      "not approved."};
  return *text;
}

}  // namespace newsroom::moderation
