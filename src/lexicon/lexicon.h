// The abuse lexicons, the belief targets and the Scunthorpe allowlist as
// values: the files under data/lexicon/ read and checked line by line.
//
//   absl::StatusOr<std::vector<Entry>> tr =
//       ReadAbuseLexicon("data/lexicon/abuse-tr.txt",
//       langid::Language::kTurkish);
//   if (!tr.ok()) return tr.status();  // "abuse-tr.txt:12: unknown category …"
//   for (const Entry& e : *tr) Use(e.term, e.category, e.severity);
//
// The file formats are documented at the top of each file. Every reader
// either returns all entries or fails with InvalidArgument naming the file
// and the line, with what is wrong there; a missing file is NotFound.
// Everything here is a pure function of its input and thread-safe.
#ifndef NEWSROOM_LEXICON_LEXICON_H_
#define NEWSROOM_LEXICON_LEXICON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "langid/language.h"

namespace newsroom::lexicon {

// What an entry is. Abuse (the first five) and attack language (the last
// four) come from abuse-*.txt, targets from belief-targets.txt and
// group-targets.txt.
enum class Category {
  kProfanity,     // küfür: vulgar swearing
  kInsult,        // hakaret: words that demean a person
  kSlur,          // words that demean a group
  kSexual,        // sexual content
  kThreat,        // threats of violence
  kBeliefTarget,  // a faith, its people, figures, books, places of worship
  kGroupTarget,   // a group of people that is not a faith: nationalities,
                  // ethnic groups, LGBT people, refugees, women, …
  // Attack language: words that attack whatever group they are aimed at,
  // and say nothing alone ("gitsin", "sürüsü" are everyday words). They
  // count only with a target in the same clause (group_attack.h).
  kExclusion,       // "defolsun", "sınır dışı edilmeli", "kicked out"
  kDehumanisation,  // "sürüsü", "mikrop", "vermin", "parasites"
  kBlame,           // "hain", "terörist", "criminals": said of a whole group
  kCurse,           // "kahrolsun", "lanet olsun", "to hell with"
};
inline constexpr int kCategoryCount = 11;

// "profanity", "insult", "slur", "sexual", "threat", "belief_target",
// "group_target", "exclusion", "dehumanisation", "blame", "curse".
const char* CategoryName(Category category);

// Abuse: profanity, insult, slur, sexual, threat — offensive on its own.
inline bool IsAbuse(Category c) { return c <= Category::kThreat; }
// A target: a belief target or a group target.
inline bool IsTarget(Category c) {
  return c == Category::kBeliefTarget || c == Category::kGroupTarget;
}
// Attack language (exclusion, dehumanisation, blame, curse).
inline bool IsAttackLanguage(Category c) { return c >= Category::kExclusion; }

// Entry flags, as written in the files' flags column.
enum EntryFlag : uint32_t {
  kSuffixes = 1u << 0,   // "sfx": takes suffixes
  kBound = 1u << 1,      // "bound": needs at least one suffix
  kVerb = 1u << 2,       // "verb": verb suffix grammar
  kNoSoften = 1u << 3,   // "nosoft": no p/ç/t/k softening
  kAmbiguous = 1u << 4,  // "ambiguous": has a common innocent sense
  kFigure = 1u << 5,     // "figure": a target naming one holy figure
};

// One line of an abuse lexicon or of the belief targets.
struct Entry {
  std::string term;  // lower case as written: "şerefsiz", "orospu çocuğu"
  Category category = Category::kProfanity;
  int severity = 0;  // 1..3 for abuse; 0 for belief targets
  langid::Language language = langid::Language::kTurkish;
  uint32_t flags = 0;  // EntryFlag bits; kBound and kVerb imply kSuffixes
  std::string group;   // targets: "islam", "kurdish", …; else ""
  std::string source;  // "abuse-tr.txt:42", for messages and reviews
};

// One line of the allowlist.
struct AllowEntry {
  std::string word;  // lower case as written: "sikke", "sik sik"
  langid::Language language = langid::Language::kTurkish;
  bool prefix = false;  // true: the word and what is built on it; false: exact
  std::string note;     // why the entry is there
  std::string source;   // "allowlist.txt:31"
};

// Where the five files are.
struct LexiconPaths {
  std::string abuse_tr;        // abuse-tr.txt
  std::string abuse_en;        // abuse-en.txt
  std::string belief_targets;  // belief-targets.txt
  std::string group_targets;   // group-targets.txt
  std::string allowlist;       // allowlist.txt

  // The files in `dir` (normally <data>/lexicon) under their usual names.
  static LexiconPaths InDirectory(const std::string& dir);
  // InDirectory(datadir::Get() + "/lexicon"): the shipped lexicons.
  static LexiconPaths Default();
};

// Parses abuse lexicon text: "term<TAB>category<TAB>severity[<TAB>flags]".
// `name` is used in messages ("abuse-tr.txt:12: …"). Errors
// (InvalidArgument): a wrong number of fields, an unknown category or flag,
// a severity outside 1..3, a term that is not lower case or holds
// something other than letters and single spaces, and a duplicate term.
absl::StatusOr<std::vector<Entry>> ParseAbuseLexicon(std::string_view content,
                                                     std::string_view name,
                                                     langid::Language language);

// Parses belief targets: "term<TAB>group<TAB>language[<TAB>flags]".
// Same errors, plus an unknown language (tr and en are known).
absl::StatusOr<std::vector<Entry>> ParseBeliefTargets(std::string_view content,
                                                      std::string_view name);

// Parses group targets, in the belief targets' format (kGroupTarget).
absl::StatusOr<std::vector<Entry>> ParseGroupTargets(std::string_view content,
                                                     std::string_view name);

// Parses the allowlist: "word<TAB>language<TAB>exact|prefix[<TAB>note]".
absl::StatusOr<std::vector<AllowEntry>> ParseAllowlist(std::string_view content,
                                                       std::string_view name);

// The same, reading a file. A file that cannot be read is NotFound naming
// the path; parse errors name the file by its base name and line.
absl::StatusOr<std::vector<Entry>> ReadAbuseLexicon(const std::string& path,
                                                    langid::Language language);
absl::StatusOr<std::vector<Entry>> ReadBeliefTargets(const std::string& path);
absl::StatusOr<std::vector<Entry>> ReadGroupTargets(const std::string& path);
absl::StatusOr<std::vector<AllowEntry>> ReadAllowlist(const std::string& path);

}  // namespace newsroom::lexicon

#endif  // NEWSROOM_LEXICON_LEXICON_H_
