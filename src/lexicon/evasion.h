// Disguising a lexicon word the way commenters do, to measure the matcher
// (`newsroom eval lexicon`) — the inverse of what Matcher undoes.
//
//   std::mt19937 rng(1);
//   std::string w = SurfaceForm(entry);                  // "aptal", "amına"
//   Disguise(entry, w, DisguiseKind::kLeet, rng);         // "4pt4l"
//   Disguise(entry, w, DisguiseKind::kSeparated, rng);    // "a.p.t.a.l"
//   Disguise(entry, w, DisguiseKind::kHomoglyph, rng);    // "аptаl" (Cyrillic
//   а)
//
// Every function is pure given the generator's state; a generator must not
// be shared between threads.
#ifndef NEWSROOM_LEXICON_EVASION_H_
#define NEWSROOM_LEXICON_EVASION_H_

#include <optional>
#include <random>
#include <string>
#include <string_view>

#include "lexicon/lexicon.h"

namespace newsroom::lexicon {

enum class DisguiseKind {
  kPlain,      // the surface form as it is
  kSuffix,     // with Turkish (or English) suffixes: aptallarsın, köpeği
  kUpper,      // Turkish upper case: ŞEREFSİZ
  kFolded,     // Turkish letters typed as ASCII: serefsiz
  kLeet,       // some letters as digits or symbols: s3r3fs1z, @pt@l
  kRepeated,   // a vowel (or the last letter) typed 3-5 times: salaaak
  kSeparated,  // a separator between letters: s.a.l.a.k, s a l a k
  kHomoglyph,  // some letters as Cyrillic look-alikes: sаlаk
  kCombined,   // two of leet, repeated, separated, homoglyph, folded, upper
};
inline constexpr int kDisguiseKinds = 9;

// "plain", "suffix", "upper", "folded", "leet", "repeated", "separated",
// "homoglyph", "combined".
const char* DisguiseKindName(DisguiseKind kind);

// The word as a commenter would write it undisguised: the term, with a
// suffix when the entry needs one (am → amına).
std::string SurfaceForm(const Entry& entry);

// `word` (lower case, as SurfaceForm returns) disguised by `kind`, or
// nullopt when the kind does not apply (kFolded to a word without Turkish
// letters, kSuffix to an entry that takes none, kLeet to a word with no
// letter that has a leet form). `entry` is needed only for kSuffix.
std::optional<std::string> Disguise(const Entry& entry, std::string_view word,
                                    DisguiseKind kind, std::mt19937& rng);

}  // namespace newsroom::lexicon

#endif  // NEWSROOM_LEXICON_EVASION_H_
