// The lexicon matcher: every abusive word and every belief target of the
// lexicons, found in a comment however it is spelled, with the exact
// characters the commenter typed.
//
//   absl::StatusOr<std::unique_ptr<const Matcher>> m =
//       Matcher::Load(LexiconPaths::Default());
//   if (!m.ok()) return m.status();
//   auto doc = text::Document::Parse("Sen tam bir s.a.l.a.k sın");
//   for (const Match& x : (*m)->Find(*doc)) {
//     // x.term "salak", x.category kInsult, x.severity 1,
//     // x.typed "s.a.l.a.k" (code points [12, 21)), x.evasion "separated"
//   }
//
// What is matched. A lexicon root must start a word; the rest of the word
// must be suffixes the root takes (aptal → aptalsın, köpek → köpeğe), or
// nothing. Spellings that dodge a plain word list are matched too, and each
// match says which were used: Turkish letters typed as ASCII (serefsiz),
// leetspeak (s1k, 4mk, $, @), letters masked with asterisks (sh*t,
// s*kerim, a**hole), repeated letters (salaaak), separators inside
// a word (s.a.l.a.k, s a l a k, s_a_l_a_k), look-alike letters of other
// scripts (Cyrillic а in "sаlak"), any case (ŞEREFSİZ, SaLaK).
//
// What is not matched: innocent words that contain or fold to a root
// (ambulans, sıkıntı, Scunthorpe, class) — see allowlist.txt for the few
// the matching rules do not rule out by themselves. URLs and e-mail
// addresses in the comment are not searched.
//
// Thread-safety: a Matcher is immutable after Load; Find is const and may
// be called from any number of threads at once.
#ifndef NEWSROOM_LEXICON_MATCHER_H_
#define NEWSROOM_LEXICON_MATCHER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "langid/language.h"
#include "lexicon/lexicon.h"
#include "text/document.h"

namespace newsroom::lexicon {

// How a match was spelled, as bits (several may be set).
enum Evasion : uint32_t {
  kEvasionNone = 0,
  kFolded = 1u << 0,     // ASCII for a Turkish letter: serefsiz, got
  kLeet = 1u << 1,       // digits or symbols for letters: s1k, 4mk, $alak,
                         // sh*t
  kRepeated = 1u << 2,   // letters repeated: salaaak
  kSeparated = 1u << 3,  // separators inside the word: s.a.l.a.k, s a l a k
  kHomoglyph = 1u << 4,  // look-alike letters: Cyrillic а, fullwidth ａ, á
};
inline constexpr int kEvasionKinds = 5;

// "folded", "leet", "repeated", "separated", "homoglyph" for one bit;
// "none" for 0; several joined with '+' in the order above
// ("leet+separated").
std::string EvasionName(uint32_t evasions);

struct Match {
  std::string term;  // the lexicon entry, as written there: "şerefsiz"
  Category category = Category::kProfanity;
  int severity = 0;     // 1..3; 0 for belief targets
  int begin = 0;        // code points [begin, end) in the original text: the
  int end = 0;          // whole word, root and suffixes, as typed
  std::string typed;    // the original text at [begin, end)
  std::string evasion;  // EvasionName(evasions)
  uint32_t evasions = 0;
  langid::Language language = langid::Language::kTurkish;  // of the entry
  bool ambiguous = false;  // the entry has a common innocent sense
  bool figure = false;     // a target naming one holy figure: "peygamber"
  std::string group;       // targets: "islam", "christianity", "kurdish", …
};

struct MatcherOptions {
  // The automaton that finds lexicon keys, chosen by measurement
  // (matcher_benchmark on 31,756 OffensEval-TR tweets, one core): Find
  // costs 2.58 µs per comment with Aho–Corasick and 2.69 µs with Hyperscan
  // (the scan alone 203 ns and 208 ns; the rest is normalization and
  // checks); building takes 0.18 ms and 2.9 ms; the automaton holds 131 KB
  // and 73 KB for 307 keys. Both report the same matches.
  enum class Engine {
    // Dense Aho–Corasick DFA over normalized text. The default: as fast or
    // faster on comments, 16 times faster to build, no dependency.
    kAhoCorasick,
    // Hyperscan literal matcher. Kept for the measurement and for lexicons
    // a hundred times larger, where its smaller automaton would count.
    // Load fails with Unimplemented when the build has no Hyperscan.
    kHyperscan,
  };
  Engine engine = Engine::kAhoCorasick;
  // Apply allowlist.txt. Off only to measure what the allowlist prevents.
  bool use_allowlist = true;
};

struct FindOptions {
  // The comment's language, when known. An allowlist entry of the other
  // language is not applied ("got" is English; in a Turkish comment it is
  // the folded spelling of göt). Unknown: every entry applies.
  std::optional<langid::Language> language;
};

class Matcher {
 public:
  // Reads and compiles the five lexicon files. Errors: NotFound for a file
  // that cannot be read; InvalidArgument naming the file and line for a
  // broken line; Unimplemented/Internal from the Hyperscan engine.
  static absl::StatusOr<std::unique_ptr<const Matcher>> Load(
      const LexiconPaths& paths, const MatcherOptions& options = {});

  // Compiles entries already read (abuse entries and belief targets in
  // `entries`). Errors: InvalidArgument for an entry the reader would
  // refuse (empty term, a character that is not a letter).
  static absl::StatusOr<std::unique_ptr<const Matcher>> Build(
      std::vector<Entry> entries, std::vector<AllowEntry> allowlist,
      const MatcherOptions& options = {});

  // Every match in `doc`, abuse, targets and attack language alike, ordered
  // by begin. Where matches of one kind overlap, the most specific entry
  // (the longest root, then the gravest) is kept: "orospu çocuğu" rather
  // than "orospu". The three kinds (abuse; belief and group targets; attack
  // language) are reported beside each other even when they overlap.
  std::vector<Match> Find(const text::Document& doc,
                          const FindOptions& options = {}) const;

  // Find, keeping only belief targets (Category::kBeliefTarget).
  std::vector<Match> FindBeliefTargets(const text::Document& doc,
                                       const FindOptions& options = {}) const;

  // Figures for logs and benchmarks.
  int entry_count() const;      // abuse entries and belief targets
  int allow_count() const;      // allowlist entries
  int key_count() const;        // distinct literals compiled into the automaton
  size_t memory_bytes() const;  // the automaton
  const char* engine_name() const;

  ~Matcher();

 private:
  struct Compiled;
  explicit Matcher(std::unique_ptr<Compiled> compiled);
  std::unique_ptr<Compiled> compiled_;
};

}  // namespace newsroom::lexicon

#endif  // NEWSROOM_LEXICON_MATCHER_H_
