// Whom an insult (or a blame: "hırsız", "yalancı"; or a curse) is said of,
// as far as the words right around it tell.
// An insult is aimed at someone; the same word said of oneself or denied
// insults no one, and a word with an innocent sense ("köpek", "pervert") said
// to the reader is meant as the insult.
//
//   std::vector<Match> matches = matcher.Find(doc, {language});
//   std::vector<Aim> aims = AimsOf(doc, matches);
//   // "Aptal değilim." → kDenied; "Seni pislik!" → kReader
//
//   kReader  the reader: a second-person copula ("aptalsın", "köpeksiniz"),
//            a vocative at the end of its clause ("Seni pislik!", "you
//            pervert!"), an English second-person subject and verb ("you
//            are vermin", "you're a liar"), or a comment that is the word
//            alone or with a form of address ("Köpek!", "@USER hayvan
//            herif", "pislik lan")
//   kSelf    the writer: a first-person copula ("aptalım", "salağız",
//            "aptaldım") or verb of feeling ("aptal hissediyorum"), "I'm
//            such an idiot", "I was a moron"
//   kDenied  denied: "aptal değilim", "Tom salak değildir", "not an idiot",
//            "isn't stupid"; not a question ("aptal değil misin?") nor a
//            rhetorical "what else" ("salak değil de ne?")
//   kTakenFor what someone is wrongly taken for, the complaint of being
//            treated so: "halkı aptal yerine koymayın", "enayi yerine
//            konmak", "gerizekalı muamelesi", "they take us for idiots",
//            "treat voters like idiots"
//   kThing   no one: an insult or blame word used as an adjective of a
//            thing said or done, the criticism a reader is free to make:
//            "What a stupid decision", "a dumb law", "aptal bir karar",
//            "salak sorular", or an act condemned: "the terrorist
//            attack", "bu aşağılık saldırıyı", "katil zanlısı"; not
//            "stupid people", "aptal adam", "stupid decision makers";
//            and a curse laid on a condition, not on people or a faith:
//            "Kahrolsun faşizm!", "Terör kahrolsun!", "Kahrolsun Kürt
//            düşmanlığı!", "To hell with racism"; not "Kahrolsun
//            Ermeniler", "Hristiyanlık kahrolsun"
//   kOther   anyone else, or the words do not say
//
// Only what the words next to the match say is read: "Ben de aptal gibi
// inandım" (like a fool) is kOther. A plural ("aptallarımız", our idiots)
// is never the writer.
//
// Pure functions; thread-safe.
#ifndef NEWSROOM_LEXICON_AIM_H_
#define NEWSROOM_LEXICON_AIM_H_

#include <span>
#include <vector>

#include "lexicon/matcher.h"
#include "text/document.h"

namespace newsroom::lexicon {

enum class Aim { kOther, kReader, kSelf, kDenied, kTakenFor, kThing };

// "other", "reader", "self", "denied", "taken_for", "thing"
const char* AimName(Aim aim);

// The aim of each match (in `matches`' order) of the matcher's findings on
// `doc`.
std::vector<Aim> AimsOf(const text::Document& doc,
                        std::span<const Match> matches);

}  // namespace newsroom::lexicon

#endif  // NEWSROOM_LEXICON_AIM_H_
