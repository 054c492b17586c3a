// Attacks on groups of people, told from mentions of them: a target (a
// faith, its people and sacred figures, or a group of people: a
// nationality, an ethnic group, LGBT people, refugees, women, …) and attack
// language aimed at it in the same clause.
//
//   std::vector<Match> matches = matcher.Find(doc, {language});
//   std::vector<Aim> aims = AimsOf(doc, matches);
//   for (const GroupAttack& a : FindGroupAttacks(doc, matches, aims)) {
//     // "Suriyeliler bu ülkeden defolup gitsin.": target "Suriyeliler"
//     // (group syrian), attack "defolup" (kExclusion), severity 3
//   }
//
// What separates hate from a neutral or critical mention is the attack, not
// the group's name: "Suriyeli iki işçi yaralandı", "Kudüs'te binlerce
// Ultra-Ortodoks Yahudi … cenazesine katıldı" and "Bence Ermeni
// derneklerinin yöneticileri yanlış karar verdi" have a target and no
// attack. An attack is one of, in the clause of the target (the sentence,
// cut at contrastive conjunctions: "ama", "fakat", "but", …):
//   exclusion       anywhere in the clause: "Xler defolsun", "X should be
//                   kicked out", "Xler sınır dışı edilmeli"; or written
//                   around the group's name, with no phrase of the
//                   lexicon: "No X allowed", "X out!", "Send every X
//                   back", "Ban all X", "X go home", "We don't want X
//                   here", "X should not be allowed in", "Xler dışarı!",
//                   "Xler evine!", "Ülkemde X istemiyorum" (a call: the
//                   verb an imperative or the writer's "we", the slogan
//                   opening its sentence and ending its phrase, the group
//                   what the writer does not want; not "No X were hurt",
//                   "X go back to church", "Britain wants to send X
//                   back", "Ban all X was his proposal", "Xlerin
//                   gitmesini istemiyoruz")
//   curse           anywhere in the clause: "Kahrolsun Xler", "to hell
//                   with X"
//   dehumanisation  within two words: "X sürüsü", "X are vermin" (in
//                   English also with one describing word: "X are lazy
//                   parasites", not "X are rescuing dogs"); or
//                   anywhere after a plural group as a simile ("X are
//                   spreading everywhere like vermin", "Xler her yere
//                   mikrop gibi yayılıyor"), unless the clause says how
//                   the group is treated ("treated like animals")
//   blame           within four words, said of the whole group (the target
//                   is plural, or "hepsi", "bütün", "all", "every" is in
//                   the clause): "Xlerin hepsi hain", "X are terrorists";
//                   or further on after "hepsi", "they are all" ("Xler
//                   geldi, hepsi hırsız");
//                   not "Suriyeli hırsız yakalandı" (one person); or
//                   what a holy figure (belief-targets.txt's "figure"
//                   flag) is said to be: "Muhammad was a pedophile",
//                   "Peygamberiniz sübyancı", not "Peygamber hırsızı
//                   affetti"
//   abuse           an insult, profanity, slur or threat within two words:
//                   "şerefsiz Xler", "X pislikleri"; or within four after
//                   a plural group as what it is said to be ("X are
//                   brainwashed idiots", "Xler geri kafalı yobaz": in
//                   English the copula right after the group, in Turkish
//                   the group with no case ending and the abuse ending
//                   the clause or a phrase; no phrase break between), or
//                   further on after "hepsi", "they are all"
// An attack word that is negated ("hain değildir", "are not terrorists",
// "Not all Muslims are terrorists") or asked ("hepsi terörist mi?", "Are
// all Syrians thieves?", "Should Syrians be deported?", "Suriyeliler sınır
// dışı edilmeli mi?"; not "Aren't they all …?", "Why are …?", nor an
// exclusion or curse of the gravest kind: "Yahudiler yok edilmeli mi?") does
// not count, nor an insult or blame word said of a thing rather than of
// the group ("Muslims condemned the terrorist attack", "Hristiyanlar bu
// aşağılık saldırıyı kınadı": Aim::kThing), nor abuse that names where
// the group is ("Yahudiler pislik içinde yaşamaya zorlandı"), nor blame,
// dehumanisation or abuse framed as what others call, show, say or think
// of the group ("The media portrays Muslims as terrorists", "Calling Jews
// vermin is hate speech", "Müslümanları terörist diye damgalamak
// yanlış"; the writer's own "I say", "I think" count), nor an exclusion
// or curse someone else intends, said or chanted, reported ("The
// government plans to deport Syrians", "The far-right leader said all
// Muslims should be deported", "\"Suriyeliler defolsun\" diye bağıran
// grup"), nor an English exclusion told as what happens or happened
// rather than called for ("Thousands of Syrians will be deported", "The
// Jews were exterminated in the Holocaust"; not "They should all be
// deported"), nor words attributed after them ("\"Jews are vermin,\" the
// neo-Nazi said in court"; not "…, I said"). A group that is the one hated is
// not the one attacked: "Ermeni düşmanlığı kahrolsun", "Müslümanlara yönelik
// nefret", "Alevilere saldıranların hepsi hain", "Hatred of Muslims has no
// place here", "anti-Muslim", "those who attack Alevis" condemn the hatred and
// those who show it; nor does a user name ("@Vontey_isa_boss") name a group. A
// target with a common other sense (names of God in everyday curses,
// "roman" a novel) counts only with abuse right next to it, or, as a
// plural, with blame or abuse as what it is said to be ("Romanlar
// hırsızdır"); in English, followed by "people" ("gay people") it names
// people and counts like any other. The lexicon entries are in
// data/lexicon/ (abuse-*.txt's attack language, belief-targets.txt,
// group-targets.txt).
//
// Pure functions; thread-safe.
#ifndef NEWSROOM_LEXICON_GROUP_ATTACK_H_
#define NEWSROOM_LEXICON_GROUP_ATTACK_H_

#include <span>
#include <string>
#include <vector>

#include "lexicon/aim.h"
#include "lexicon/matcher.h"
#include "text/document.h"

namespace newsroom::lexicon {

// Words of a comment: code points [begin, end) and the text there.
struct FrameWords {
  int begin = 0;
  int end = 0;
  std::string text;
};

struct GroupAttack {
  size_t target = 0;  // index into the matches: a belief or group target
  size_t attack = 0;  // index into the matches: attack language or abuse
                      // (the target's own index when `frame` is set)
  // An exclusion written around the group's name, with no phrase of the
  // lexicon in it ("No Muslims allowed", "Send every Muslim back",
  // "Suriyeliler dışarı!"): the words before and after the name that make
  // it ("Send every", "back"). Empty for an attack word of the lexicon.
  std::vector<FrameWords> frame;
  // The attack's kind: kExclusion, kDehumanisation, kBlame or kCurse for
  // attack language; the abuse match's own category for abuse aimed at the
  // group.
  Category kind = Category::kExclusion;
  int severity = 1;     // 1..3, of the attack's entry
  bool belief = false;  // the target is a faith, its people or figures
};

// Every attack on a target in `doc`, given the matcher's findings on it (in
// Find's order) and whom each is said of (AimsOf, the same order). At most
// one attack per target: the gravest. With `said_not_meant` (one entry
// per match, or empty when none is marked), marks the attack language that
// would attack a group but is not the writer's: denied, asked, or what others
// say, think or call it ("Ermenilere hain diyenler utansın", "Not all Muslims
// are terrorists"); a match that is also part of an attack is not marked.
std::vector<GroupAttack> FindGroupAttacks(
    const text::Document& doc, std::span<const Match> matches,
    std::span<const Aim> aims, std::vector<uint8_t>* said_not_meant = nullptr);

}  // namespace newsroom::lexicon

#endif  // NEWSROOM_LEXICON_GROUP_ATTACK_H_
