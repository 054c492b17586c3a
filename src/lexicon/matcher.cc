// The matcher runs three stages on each comment.
//
//  1. Normalize (internal/normalizer.h): the comment becomes folded,
//     de-leeted, de-duplicated letters with word boundaries, each letter
//     remembering the original code points it came from. A word with
//     letters masked by asterisks ("sh*t") is first spelled with the
//     letters of the abuse root that fits it (Unmask below).
//  2. Scan: one automaton holds every lexicon key (roots, their softened
//     and written-together variants, allowlist words), folded and
//     de-duplicated the same way, and reports every occurrence. Which
//     engine, Aho–Corasick or Hyperscan, was decided by measurement
//     (matcher_benchmark.cc); both see the same keys.
//  3. Verify each occurrence against what the folded key forgot: the root
//     must start a word; a Turkish letter the commenter typed must be the
//     root's (sık is not sik); a double letter of the root must be typed
//     double (as is not ass); the rest of the word must be suffixes
//     (internal/suffixes.h) whose first vowel harmonises with the root
//     (sikme, not sıkma), a softened root (köpeğ) must be followed by a
//     vowel, and the word must not be covered by an allowlist entry.
//
// Verification is where precision comes from and costs nothing on clean
// text: a candidate needs a key occurrence, and the keys are words that
// rarely appear. The evasions a match used are read off the units it spans.
//
// Tested by matcher_test.cc and scunthorpe_test.cc.
#include "lexicon/matcher.h"

#include <algorithm>
#include <utility>

#include "absl/status/status.h"
#include "lexicon/internal/literal_scanner.h"
#include "lexicon/internal/normalizer.h"
#include "lexicon/internal/suffixes.h"
#include "text/casing.h"
#include "text/turkish.h"
#include "text/utf8.h"

namespace newsroom::lexicon {
namespace {

using internal::NormalizedText;
using internal::SuffixGrammar;
using internal::Unit;
using langid::Language;

// ASCII letter for a lower-case Turkish letter; 0 for anything else.
char Fold(char32_t c) {
  if (c >= 'a' && c <= 'z') return static_cast<char>(c);
  if (char folded = text::AsciiFoldLower(c); folded != 0) return folded;
  switch (c) {
    case ' ':
      return ' ';
    default:
      return 0;
  }
}

bool IsTurkishSpecial(char32_t c) {
  return c == U'ç' || c == U'ğ' || c == U'ı' || c == U'ö' || c == U'ş' ||
         c == U'ü';
}

bool IsVowel(char32_t c) {
  switch (c) {
    case 'a':
    case 'e':
    case 'i':
    case 'o':
    case 'u':
    case U'ı':
    case U'ö':
    case U'ü':
    case U'â':
    case U'î':
    case U'û':
      return true;
    default:
      return false;
  }
}

bool IsBack(char32_t v) {
  return v == 'a' || v == U'ı' || v == 'o' || v == 'u' || v == U'â' ||
         v == U'û';
}
bool IsRounded(char32_t v) {
  return v == 'o' || v == U'ö' || v == 'u' || v == U'ü' || v == U'û';
}

// Does suffix vowel `typed` (folded letter, with the Turkish letter the
// commenter typed or 0) harmonise with the root's last vowel?
bool Harmonises(char32_t root_vowel, char typed, char32_t strict) {
  if (root_vowel == 0) return true;
  if (strict != 0) {  // ı ö ü (or i from İ): the vowel is known exactly
    if (IsBack(strict) != IsBack(root_vowel)) return false;
    if (strict == U'ı' || strict == 'i' || strict == U'ü' || strict == 'u') {
      return IsRounded(strict) == IsRounded(root_vowel);
    }
    return true;
  }
  switch (typed) {
    case 'a':
      return IsBack(root_vowel);
    case 'e':
      return !IsBack(root_vowel);
    case 'i':
      return !IsRounded(root_vowel);
    case 'u':
      return IsRounded(root_vowel);
    default:
      return true;  // o appears only in -yor
  }
}

struct Pattern {
  std::string key;                // folded, de-duplicated
  std::vector<char32_t> letters;  // the Turkish letter at each key position
  std::vector<uint16_t> runs;     // letters needed at each key position
  int index = 0;                  // into entries or allowlist
  bool allow = false;
  bool softened = false;    // needs a vowel right after the root
  char32_t last_vowel = 0;  // for vowel harmony (Turkish entries)
  bool english = false;     // an English entry
};

// Builds the pattern of `term` (code points, lower case). Fails when a code
// point has no fold.
absl::StatusOr<Pattern> MakePattern(const std::u32string& term,
                                    const std::string& source) {
  Pattern p;
  for (char32_t c : term) {
    char f = Fold(c);
    if (f == 0) {
      return absl::InvalidArgumentError(
          source + ": term holds a character that is not a letter");
    }
    if (!p.key.empty() && p.key.back() == f && f != ' ') {
      ++p.runs.back();
      continue;
    }
    p.key.push_back(f);
    p.letters.push_back(c);
    p.runs.push_back(1);
    if (IsVowel(c)) p.last_vowel = c;
  }
  if (p.key.empty() || p.key.front() == ' ' || p.key.back() == ' ') {
    return absl::InvalidArgumentError(source + ": empty term");
  }
  return p;
}

std::u32string Decode(const std::string& s) {
  std::u32string out;
  size_t i = 0;
  while (i < s.size()) out.push_back(text::NextCodePoint(s, &i));
  return out;
}

// Fold() of a letter of either case; 0 for anything else.
char LetterKey(char32_t c) {
  return c == U' ' ? 0 : Fold(text::ToLowerTrSimple(c));
}

// Letters hidden behind asterisks ("sh*t", "f**k", "a**hole", "s*kerim"):
// each masked word is spelled with the letters of the longest abuse root
// that fits it, so that the usual checks (root at the word's start, its
// suffixes) judge the word as if typed in full. A root fits when the word
// begins with it letter for letter, an asterisk standing for any one
// letter, at least two of its letters are typed, the first among them,
// and the rest of the word is letters. Asterisks elsewhere ("*çok*",
// "5*3") are left alone. Writes the code points of `text` with the
// asterisks replaced to *out, and marks the replaced code points in
// *masked (one flag a code point); false (and nothing written) when no word
// was unmasked. Linear in the text times the number of roots.
bool Unmask(const std::u32string& text,
            const std::vector<std::u32string>& roots, std::u32string* out,
            std::vector<bool>* masked) {
  bool any = false;
  size_t i = 0;
  while (i < text.size()) {
    if (LetterKey(text[i]) == 0) {
      ++i;
      continue;
    }
    size_t end = i;
    bool has_mask = false;
    while (end < text.size() &&
           (LetterKey(text[end]) != 0 || text[end] == U'*')) {
      has_mask |= text[end] == U'*';
      ++end;
    }
    const size_t begin = i;
    i = end;
    if (!has_mask) continue;
    const std::u32string* best = nullptr;
    size_t best_length = 0;
    for (const std::u32string& root : roots) {
      if (root.size() <= best_length || root.size() > end - begin) continue;
      int typed = 0, masks = 0;
      bool fits = true;
      for (size_t k = 0; k < root.size() && fits; ++k) {
        const char32_t c = text[begin + k];
        if (c == U'*') {
          ++masks;
        } else if (LetterKey(c) == LetterKey(root[k]) && LetterKey(c) != 0) {
          ++typed;
        } else {
          fits = false;
        }
      }
      for (size_t k = begin + root.size(); k < end && fits; ++k) {
        fits = text[k] != U'*';
      }
      if (fits && masks > 0 && typed >= 2) {
        best = &root;
        best_length = root.size();
      }
    }
    if (best == nullptr) continue;
    if (!any) {
      *out = text;
      masked->assign(text.size(), false);
    }
    any = true;
    for (size_t k = 0; k < best_length; ++k) {
      if (text[begin + k] == U'*') {
        (*out)[begin + k] = (*best)[k];
        (*masked)[begin + k] = true;
      }
    }
  }
  return any;
}

// A candidate match, in units of the normalized text.
struct Candidate {
  const Pattern* pattern;
  int start;     // first unit
  int root_end;  // one past the root's last unit
  int word_end;  // one past the word's last unit (root and suffixes)
};

}  // namespace

struct Matcher::Compiled {
  std::vector<Entry> entries;
  std::vector<AllowEntry> allow;
  std::vector<Pattern> patterns;
  std::vector<std::string> keys;
  std::vector<std::vector<int>> by_key;  // key → patterns
  std::unique_ptr<internal::LiteralScanner> scanner;
  // The abuse roots of one word, for words masked with asterisks.
  std::vector<std::u32string> mask_roots;
};

std::string EvasionName(uint32_t evasions) {
  if (evasions == 0) return "none";
  static constexpr const char* kNames[kEvasionKinds] = {
      "folded", "leet", "repeated", "separated", "homoglyph"};
  std::string out;
  for (int i = 0; i < kEvasionKinds; ++i) {
    if (evasions & (1u << i)) {
      if (!out.empty()) out += '+';
      out += kNames[i];
    }
  }
  return out;
}

Matcher::Matcher(std::unique_ptr<Compiled> compiled)
    : compiled_(std::move(compiled)) {}
Matcher::~Matcher() = default;

int Matcher::entry_count() const {
  return static_cast<int>(compiled_->entries.size());
}
int Matcher::allow_count() const {
  return static_cast<int>(compiled_->allow.size());
}
int Matcher::key_count() const {
  return static_cast<int>(compiled_->keys.size());
}
size_t Matcher::memory_bytes() const {
  return compiled_->scanner->MemoryBytes();
}
const char* Matcher::engine_name() const { return compiled_->scanner->Name(); }

absl::StatusOr<std::unique_ptr<const Matcher>> Matcher::Load(
    const LexiconPaths& paths, const MatcherOptions& options) {
  std::vector<Entry> entries;
  for (const auto& [path, language] :
       {std::pair{paths.abuse_tr, Language::kTurkish},
        std::pair{paths.abuse_en, Language::kEnglish}}) {
    absl::StatusOr<std::vector<Entry>> read = ReadAbuseLexicon(path, language);
    if (!read.ok()) return read.status();
    for (Entry& e : *read) entries.push_back(std::move(e));
  }
  for (auto read : {&ReadBeliefTargets, &ReadGroupTargets}) {
    const std::string& path =
        read == &ReadBeliefTargets ? paths.belief_targets : paths.group_targets;
    absl::StatusOr<std::vector<Entry>> targets = read(path);
    if (!targets.ok()) return targets.status();
    for (Entry& e : *targets) entries.push_back(std::move(e));
  }
  absl::StatusOr<std::vector<AllowEntry>> allow =
      ReadAllowlist(paths.allowlist);
  if (!allow.ok()) return allow.status();
  return Build(std::move(entries), std::move(*allow), options);
}

absl::StatusOr<std::unique_ptr<const Matcher>> Matcher::Build(
    std::vector<Entry> entries, std::vector<AllowEntry> allowlist,
    const MatcherOptions& options) {
  auto c = std::make_unique<Compiled>();
  c->entries = std::move(entries);
  if (options.use_allowlist) c->allow = std::move(allowlist);

  for (size_t i = 0; i < c->entries.size(); ++i) {
    const Entry& e = c->entries[i];
    std::u32string term = Decode(e.term);
    if (!IsTarget(e.category) && !IsAttackLanguage(e.category) &&
        term.find(U' ') == std::u32string::npos) {
      c->mask_roots.push_back(term);
    }
    std::vector<std::u32string> forms = {term};
    // Several words also match written together: orospuçocuğu.
    if (term.find(U' ') != std::u32string::npos) {
      std::u32string joined;
      for (char32_t ch : term) {
        if (ch != U' ') joined.push_back(ch);
      }
      forms.push_back(joined);
    }
    const size_t plain = forms.size();
    // Consonant softening before a vowel: köpek → köpeğe, kitap → kitabı.
    if (e.language == Language::kTurkish && (e.flags & kSuffixes) &&
        !(e.flags & kNoSoften)) {
      size_t word_start = term.rfind(U' ');
      word_start = word_start == std::u32string::npos ? 0 : word_start + 1;
      int vowels = 0;
      for (size_t k = word_start; k < term.size(); ++k)
        vowels += IsVowel(term[k]);
      char32_t last = term.back();
      char32_t soft = 0;
      if (last == 'p') soft = 'b';
      if (last == U'ç') soft = 'c';
      if (last == 't') soft = 'd';
      if (last == 'k') {
        soft = term.size() >= 2 && term[term.size() - 2] == 'n' ? U'g' : U'ğ';
      }
      if (vowels >= 2 && soft != 0) {
        for (size_t f = 0; f < plain; ++f) {
          std::u32string s = forms[f];
          s.back() = soft;
          forms.push_back(s);
        }
      }
    }
    for (size_t f = 0; f < forms.size(); ++f) {
      absl::StatusOr<Pattern> p = MakePattern(forms[f], e.source);
      if (!p.ok()) return p.status();
      p->index = static_cast<int>(i);
      p->softened = f >= plain;
      if (e.language != Language::kTurkish) {
        p->last_vowel = 0;
        p->english = true;
      }
      c->patterns.push_back(std::move(*p));
    }
  }
  for (size_t i = 0; i < c->allow.size(); ++i) {
    absl::StatusOr<Pattern> p =
        MakePattern(Decode(c->allow[i].word), c->allow[i].source);
    if (!p.ok()) return p.status();
    p->index = static_cast<int>(i);
    p->allow = true;
    c->patterns.push_back(std::move(*p));
  }
  // One key per distinct folded form.
  std::vector<int> order(c->patterns.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return c->patterns[a].key < c->patterns[b].key;
  });
  for (int i : order) {
    if (c->keys.empty() || c->keys.back() != c->patterns[i].key) {
      c->keys.push_back(c->patterns[i].key);
      c->by_key.emplace_back();
    }
    c->by_key.back().push_back(i);
  }
  if (options.engine == MatcherOptions::Engine::kHyperscan) {
    absl::StatusOr<std::unique_ptr<internal::LiteralScanner>> s =
        internal::BuildHyperscan(c->keys);
    if (!s.ok()) return s.status();
    c->scanner = std::move(*s);
  } else {
    c->scanner = internal::BuildAhoCorasick(c->keys);
  }
  return std::unique_ptr<const Matcher>(new Matcher(std::move(c)));
}

namespace {

// Is `t` written in look-alike letters throughout, as text pasted from a
// page set in another script's letters ("Yаlnızlık insаnа çok şеy
// öğrеtirmiş", with Cyrillic а and е)? Then a look-alike letter is no
// evasion: at least kLookalikeWords words have one.
constexpr int kLookalikeWords = 3;
bool WrittenInLookalikes(const NormalizedText& t) {
  int words = 0;
  bool counted = false;
  for (const internal::Unit& u : t.units) {
    if (u.start) counted = false;
    if (!counted && (u.evasion & internal::kUnitHomoglyph)) {
      counted = true;
      if (++words >= kLookalikeWords) return true;
    }
  }
  return false;
}

// Do the units at [start, start + key size) spell pattern `p`? An
// allowlist word must be typed plainly, "got" not as "g0t", unless the
// whole text is in look-alike letters (`lookalikes`).
bool Spells(const NormalizedText& t, const Pattern& p, int start,
            bool lookalikes) {
  if (!t.units[start].start) return false;
  const uint8_t plain_only =
      p.allow
          ? internal::kUnitLeet | (lookalikes ? 0 : internal::kUnitHomoglyph)
          : 0;
  for (size_t k = 0; k < p.key.size(); ++k) {
    if (p.key[k] == ' ') continue;
    const Unit& u = t.units[start + k];
    if (u.run < p.runs[k]) return false;
    if (u.strict != 0 && u.strict != p.letters[k]) return false;
    if (u.evasion & plain_only) return false;
    // One extra consonant inside a root makes another word (assess is not
    // asses, hassas is not hasas), and so does one extra vowel in English
    // (good is not god); emphasis stretches Turkish vowels or repeats a
    // letter at least twice more. A root's last consonant is judged with
    // its suffix (Accept).
    if (!p.allow && u.run == p.runs[k] + 1 && k + 1 != p.key.size() &&
        (!IsVowel(p.letters[k]) || p.english)) {
      return false;
    }
    // English writes double vowels too (good is not god): a vowel at the
    // end of an English root also needs two more to count as emphasis.
    if (!p.allow && p.english && u.run == p.runs[k] + 1 &&
        k + 1 == p.key.size() && IsVowel(p.letters[k])) {
      return false;
    }
  }
  return true;
}

// The longest word end for entry pattern `p` at `start`, or none.
bool Accept(const NormalizedText& t, const Pattern& p, const Entry& e,
            int start, Candidate* out) {
  const int root_end = start + static_cast<int>(p.key.size());
  const Unit& last = t.units[root_end - 1];
  const bool takes_suffixes = (e.flags & kSuffixes) != 0;
  const bool turkish = e.language == Language::kTurkish;
  // The root's last consonant typed double: in Turkish the second one must
  // begin the suffix (aptal-lar; sikke is not sik-e) or end the word
  // (salakk); in English it must come before a suffix (shit-ty; assess is
  // not asses).
  const bool doubled_last =
      last.run == p.runs.back() + 1 && !IsVowel(p.letters.back());
  *out = {&p, start, root_end, -1};
  if (last.end_after && !(doubled_last && !turkish)) {
    if (!takes_suffixes) {
      out->word_end = root_end;
      return true;
    }
    if (!(e.flags & kBound) && !p.softened) out->word_end = root_end;
  }
  if (!takes_suffixes) return false;
  // The rest of the word: units up to the next word start or space. A
  // consonant typed exactly twice inside it is two letters the suffixes
  // must spell (Piccinni is not piç-ini, aptalımmış is aptal-ım-mış); at
  // the word's end it is emphasis (salakk). after[k] is the unit after the
  // one letter k of `rest` came from.
  std::string rest;
  std::vector<int> after;
  const int n = static_cast<int>(t.units.size());
  for (int i = root_end; i < n && rest.size() < 24; ++i) {
    if (t.letters[i] == ' ' || t.units[i].start) break;
    const bool twice = t.units[i].run == 2 && !t.units[i].end_after &&
                       !IsVowel(static_cast<char32_t>(t.letters[i]));
    for (int k = twice ? 2 : 1; k > 0; --k) {
      rest.push_back(t.letters[i]);
      after.push_back(i + 1);
    }
  }
  const SuffixGrammar& grammar = e.language == Language::kTurkish
                                     ? SuffixGrammar::Turkish()
                                     : SuffixGrammar::English();
  const SuffixGrammar::Start kind =
      (e.flags & kVerb) ? SuffixGrammar::kVerb : SuffixGrammar::kNoun;
  // Without and with borrowing the root's doubled last letter (aptal|lar).
  for (int borrow = 0; borrow < 2; ++borrow) {
    if (rest.empty()) break;
    if (borrow == 0 && doubled_last && turkish) continue;
    if (borrow == 1 && last.run <= p.runs.back()) break;
    std::string suffix = borrow ? p.key.back() + rest : rest;
    std::vector<int> lengths = grammar.Accepts(suffix, kind, p.key.back());
    for (auto it = lengths.rbegin(); it != lengths.rend(); ++it) {
      const int real = *it - borrow;  // suffix letters after the root
      if (real <= 0) continue;
      // The suffixes must end where a typed unit ends.
      const int word_end = after[real - 1];
      if (real < static_cast<int>(after.size()) && after[real] == word_end) {
        continue;
      }
      if (word_end <= out->word_end) break;
      if (!t.units[word_end - 1].end_after) continue;
      const int first = root_end;  // first unit after the root
      if (p.softened &&
          !IsVowel(static_cast<char32_t>(borrow ? suffix[1] : suffix[0]))) {
        continue;
      }
      if (p.last_vowel != 0) {
        bool ok = true;
        for (int i = first; i < word_end; ++i) {
          if (IsVowel(static_cast<char32_t>(t.letters[i]))) {
            ok = Harmonises(p.last_vowel, t.letters[i], t.units[i].strict);
            break;
          }
        }
        if (!ok) continue;
      }
      out->word_end = word_end;
      break;
    }
  }
  return out->word_end > 0;
}

uint32_t Evasions(const NormalizedText& t, const Candidate& c) {
  const Pattern& p = *c.pattern;
  uint32_t ev = 0;
  for (int i = c.start; i < c.word_end; ++i) {
    const Unit& u = t.units[i];
    if (t.letters[i] == ' ') continue;
    if (u.evasion & internal::kUnitLeet) ev |= kLeet;
    if (u.evasion & internal::kUnitHomoglyph) ev |= kHomoglyph;
    if (i > c.start && (u.evasion & internal::kUnitSeparated)) ev |= kSeparated;
    if (i < c.root_end) {
      const int k = i - c.start;
      // A root's last consonant doubled before a suffix is spelling
      // (aptal-lar, shit-ty), not emphasis.
      const bool before_suffix = i == c.root_end - 1 && c.word_end > c.root_end;
      if (u.run > p.runs[k] + (before_suffix ? 1 : 0)) ev |= kRepeated;
      // ASCII for a Turkish letter; a capital I may be a correct ı.
      const bool capital_i =
          p.letters[k] == U'ı' && (u.evasion & internal::kUnitCapitalI);
      if (IsTurkishSpecial(p.letters[k]) && u.strict == 0 && !capital_i &&
          !(u.evasion & (internal::kUnitLeet | internal::kUnitHomoglyph))) {
        ev |= kFolded;
      }
    } else if (u.run > 2) {
      ev |= kRepeated;
    }
  }
  return ev;
}

// Keeps the most specific of overlapping candidates. Of two entries as
// long, one in the comment's language is kept: "Islam" in an English
// comment is the English target, read by English rules ("Islam is a
// death cult"), though the Turkish list spells it alike.
void KeepMostSpecific(const std::vector<Entry>& entries,
                      std::optional<langid::Language> language,
                      std::vector<Candidate>* cands) {
  std::stable_sort(cands->begin(), cands->end(),
                   [&](const Candidate& a, const Candidate& b) {
                     size_t ka = a.pattern->key.size();
                     size_t kb = b.pattern->key.size();
                     if (ka != kb) return ka > kb;
                     if (language.has_value()) {
                       bool la =
                           entries[a.pattern->index].language == *language;
                       bool lb =
                           entries[b.pattern->index].language == *language;
                       if (la != lb) return la;
                     }
                     int sa = entries[a.pattern->index].severity;
                     int sb = entries[b.pattern->index].severity;
                     if (sa != sb) return sa > sb;
                     return a.word_end - a.start > b.word_end - b.start;
                   });
  std::vector<Candidate> kept;
  for (const Candidate& c : *cands) {
    bool overlaps = false;
    for (const Candidate& k : kept) {
      if (c.start < k.word_end && k.start < c.word_end) {
        overlaps = true;
        break;
      }
    }
    if (!overlaps) kept.push_back(c);
  }
  *cands = std::move(kept);
}

}  // namespace

std::vector<Match> Matcher::Find(const text::Document& doc,
                                 const FindOptions& options) const {
  const Compiled& c = *compiled_;
  thread_local NormalizedText t;
  thread_local std::vector<internal::Hit> hits;
  thread_local std::vector<std::pair<int, int>> skip;
  skip.clear();
  for (const text::Token& token : doc.tokens()) {
    if (token.kind == text::TokenKind::kUrl) {
      skip.emplace_back(token.begin, token.end);
    }
  }
  // Words masked with asterisks are matched as unmasked; the letters put
  // in count as symbols typed for letters (leet).
  thread_local std::u32string unmasked;
  thread_local std::vector<bool> masked;
  const std::string_view original = doc.original();
  if (original.find('*') != std::string_view::npos &&
      Unmask(text::ToUtf32(original), c.mask_roots, &unmasked, &masked)) {
    const std::string unmasked_text = text::ToUtf8(unmasked);
    internal::Normalize(unmasked_text, skip, &t);
    for (internal::Unit& u : t.units) {
      for (int k = u.begin; k < u.end; ++k) {
        if (masked[k]) u.evasion |= internal::kUnitLeet;
      }
    }
  } else {
    internal::Normalize(original, skip, &t);
  }
  hits.clear();
  c.scanner->Scan(t.letters, &hits);
  if (hits.empty()) return {};

  std::vector<std::pair<int, int>> allowed;  // unit spans
  std::vector<Candidate> abuse, targets, attacks;
  const bool lookalikes = WrittenInLookalikes(t);
  for (const internal::Hit& h : hits) {
    const int start = h.end - static_cast<int>(c.keys[h.key].size());
    if (!t.units[start].start) continue;
    for (int pi : c.by_key[h.key]) {
      const Pattern& p = c.patterns[pi];
      if (!Spells(t, p, start, lookalikes)) continue;
      if (p.allow) {
        const AllowEntry& a = c.allow[p.index];
        if (options.language.has_value() &&
            (*options.language == Language::kTurkish ||
             *options.language == Language::kEnglish) &&
            *options.language != a.language) {
          continue;
        }
        if (!a.prefix && !t.units[h.end - 1].end_after) continue;
        allowed.emplace_back(start, h.end);
        continue;
      }
      const Entry& e = c.entries[p.index];
      Candidate cand;
      if (!Accept(t, p, e, start, &cand)) continue;
      (IsTarget(e.category)           ? targets
       : IsAttackLanguage(e.category) ? attacks
                                      : abuse)
          .push_back(cand);
    }
  }
  auto allow_filter = [&](std::vector<Candidate>* cands) {
    std::erase_if(*cands, [&](const Candidate& cand) {
      for (const auto& [a0, a1] : allowed) {
        if (a0 <= cand.start && a1 >= cand.root_end) return true;
      }
      return false;
    });
  };
  allow_filter(&abuse);
  allow_filter(&targets);
  allow_filter(&attacks);
  KeepMostSpecific(c.entries, options.language, &abuse);
  KeepMostSpecific(c.entries, options.language, &targets);
  KeepMostSpecific(c.entries, options.language, &attacks);

  std::vector<Match> matches;
  for (const auto* cands : {&abuse, &targets, &attacks}) {
    for (const Candidate& cand : *cands) {
      const Entry& e = c.entries[cand.pattern->index];
      Match m;
      m.term = e.term;
      m.category = e.category;
      m.severity = e.severity;
      m.begin = t.units[cand.start].begin;
      m.end = t.units[cand.word_end - 1].end;
      m.typed =
          std::string(text::SubstrByCodePoints(doc.original(), m.begin, m.end));
      m.evasions = Evasions(t, cand);
      m.evasion = EvasionName(m.evasions);
      m.language = e.language;
      m.ambiguous = (e.flags & kAmbiguous) != 0;
      m.figure = (e.flags & kFigure) != 0;
      m.group = e.group;
      matches.push_back(std::move(m));
    }
  }
  std::stable_sort(matches.begin(), matches.end(),
                   [](const Match& a, const Match& b) {
                     if (a.begin != b.begin) return a.begin < b.begin;
                     return a.category < b.category;
                   });
  return matches;
}

std::vector<Match> Matcher::FindBeliefTargets(
    const text::Document& doc, const FindOptions& options) const {
  std::vector<Match> all = Find(doc, options);
  std::erase_if(all, [](const Match& m) {
    return m.category != Category::kBeliefTarget;
  });
  return all;
}

}  // namespace newsroom::lexicon
