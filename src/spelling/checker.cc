// How the checker decides, and why in this order.
//
// Hunspell alone flags 6–13 % of the words of clean Turkish prose: valid
// forms its one-level suffix tables lack ("görüntülenecektir"), names,
// product names, loanwords, abbreviations. A comment moderator cannot live
// with that, so Hunspell is one witness among several, and the cheapest
// witnesses go first:
//
//  1. Shape. Single letters, words with digits or inner dots are not words.
//     Three equal letters in a row are written speech ("çoook"), never
//     Turkish spelling. Informal spellings ("tmm") come from a reviewed
//     list; the progressive without its r ("kalıyo", "yapıyolar") is
//     recognised by its shape (internal/colloquial.h) when the word with
//     the r put back is Turkish and the word as typed is not.
//  2. The word lists: a hash lookup of the Turkish lower case. The learned
//     list holds the words of clean text, so most words of a comment stop
//     here, in about a tenth of a microsecond.
//  3. Hunspell, as typed and (for ALL CAPS) in lower and title case.
//  4. Morphology Hunspell lacks: closing suffixes with vowel harmony, and
//     apostrophe suffixes after names.
//  5. English words inside Turkish text.
//  6. What is left is unknown. Unknown capitalised words are names unless
//     they are one typo from a known word: "Kılıçdaroğlu" passes, "Ankra"
//     does not; before an apostrophe, which Turkish writes only after
//     names, one typo from a known name ("Ankra'da", not "Postel'in").
//     A lower-case unknown word is misspelled.
//
// Hunspell is slow on the words that reach it (a microsecond or more each,
// most of it affix stripping), so it is asked only what nothing else can
// answer.
// hunspell-tr's language is finite and its forms are listed once
// (internal/form_set.h), with how each is written; for a word in lower,
// title or capital letters the set then knows Hunspell's answer, and it
// gives it unless the word is a suggestion about to be shown. The English
// dictionary is asked about a Turkish word only if its letters can occur
// in English at all (internal/alphabet.h): "güzel" cannot.
//
// Results are cached (sharded, set-associative arrays keyed by a 64-bit
// fingerprint of the word and its context), because words repeat across
// comments and the slow path of step 3–6 costs microseconds.
//
// Suggestions gather candidates from three sources and rank them by a
// keyboard-aware edit distance minus a small bonus for frequent words:
// a symmetric-delete index over the word lists (up to two typos, ı/i-style
// differences free), every one-typo edit of the word looked up in the
// set of all forms hunspell-tr accepts, and the forms of that set the word
// reaches by putting any number of its Turkish letters right, with one
// typo more when nothing closer was found (internal/fold_search.h):
// "açabıleceğımız" is four letters from "açabileceğimiz", and people who
// type without Turkish letters miss that many in one word. The edits are looked
// up by fingerprint, without building them (internal/form_hash.h), in batches,
// and only where the set's prefix and suffix filters allow a form at all:
// of the six hundred edits of a ten-letter typo, typically a hundred or
// two are looked up. Candidates the lists do not vouch for are confirmed
// by Hunspell before they are returned.
//
// A fourth source, when the host shares its deasciifier: the word folded
// to ASCII and restored. Many words people type without their letters are
// words neither hunspell-tr nor the lists have ("sitenizim", "alerjimin"),
// and the deasciifier's letter model spells those too; but it spells a
// typo as faithfully ("ilşkilerinden"), so its word ranks like a typo's
// fix only when hunspell-tr's prefix filter says forms begin like it; else
// it is offered second. It is not confirmed by Hunspell: that is the
// point.
//
// Tested by checker_test.cc.
#include "spelling/checker.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <numeric>
#include <optional>
#include <sstream>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "absl/strings/str_cat.h"
#include "cache/result_cache.h"
#include "deasciify/deasciifier.h"
#include "spelling/internal/alphabet.h"
#include "spelling/internal/colloquial.h"
#include "spelling/internal/delete_index.h"
#include "spelling/internal/edit_distance.h"
#include "spelling/internal/fold_search.h"
#include "spelling/internal/form_hash.h"
#include "spelling/internal/form_set.h"
#include "spelling/internal/letters.h"
#include "spelling/internal/suffixes.h"
#include "text/casing.h"
#include "text/turkish.h"
#include "text/utf8.h"

namespace newsroom::spelling {

namespace internal {

// (language, sentence start, word) → WordCheck.
class CheckCache : public cache::ResultCache<WordCheck> {
  using ResultCache::ResultCache;
};

// (language, max, word) → suggestions.
class SuggestCache : public cache::ResultCache<std::vector<std::string>> {
  using ResultCache::ResultCache;
};

}  // namespace internal

namespace {

using internal::CaseShape;

constexpr float kSureTypo = 0.9f;
constexpr float kSureInformal = 0.95f;
constexpr float kUnsure = 0.6f;
// Suggestion ranking: distance minus this much per decade of frequency.
constexpr float kFrequencyWeight = 0.15f;
// The most a candidate that differs only by Turkish letters costs, however
// many: who types without them misses every one ("acabilecegimiz"). The
// cost of two (TypingDistance). On the dev part this lifts the pairs that
// only restore letters from 91.0 to 91.8 % top-1, and costs one injected
// keyboard typo in about 4,000 its place (lower caps cost a few more).
constexpr float kLettersOnlyCost = 0.6f;
// Edge given to a name when the input is capitalised.
constexpr float kNameBonus = 0.15f;
// Candidates farther than this are not suggested.
constexpr float kMaxSuggestDistance = 2.0f;
// Forms that differ by Turkish letters and one typo ("acmadk" → "açmadık")
// are looked for only when no candidate is this close: on the dev pairs
// that keeps nearly all they add (typo pairs top-5 76.1 % against 76.4 %
// always) for a third of their cost.
constexpr float kFoldTypoWhenNoneWithin = 1.0f;
// The deasciifier's spelling of a word neither the lists nor hunspell-tr
// know ("alerjımın" → "alerjimin") ranks as a letter fix and a little more
// than one typo, when it looks like Turkish: a form of hunspell-tr begins
// with all of it but its last kRestoredTail letters. Otherwise it comes
// second (or alone). On the dev pairs: letters-only top-1 91.80 → 95.20 %,
// typo pairs' top-1 62.24 → 62.11 % (with no test 60.79 %; a tail of 0, 2
// or 3 letters: 62.17, 61.99, 61.78 %, against letters-only 94.25, 95.38,
// 95.73 %), injected typos' top-1 unchanged.
constexpr float kRestoredCost = 1.05f;
constexpr size_t kRestoredTail = 1;
// Stand-in count for allowlisted words and forms only Hunspell knows.
constexpr int64_t kAllowlistCount = 20;

// The result caches' key: a 64-bit fingerprint of the word and two small
// numbers of context. Two different keys collide with probability 2^-64,
// so a cache answers for the wrong word about once in 10^19 lookups.
uint64_t CacheKey(std::string_view word, int a, int b) {
  return absl::HashOf(absl::string_view(word.data(), word.size()), a, b);
}

WordCheck Correct(Reason r) { return {false, r, 1.0f}; }
WordCheck Wrong(Reason r, float confidence) { return {true, r, confidence}; }

bool HasDigit(std::u32string_view w) {
  for (char32_t c : w) {
    if (c >= U'0' && c <= U'9') return true;
  }
  return false;
}

bool HasInnerPunct(std::u32string_view w) {
  for (char32_t c : w) {
    if (c == U'.' || c == U'_' || c == U'@' || c == U'/') return true;
  }
  return false;
}

// The lower case of a word in capitals with its I read as i, not ı.
std::u32string DottedLower(std::u32string_view upper) {
  std::u32string lower = internal::LowerTr(upper);
  for (size_t i = 0; i < upper.size(); ++i) {
    if (upper[i] == U'I') lower[i] = U'i';
  }
  return lower;
}

int LetterCount(std::u32string_view w) {
  int n = 0;
  for (char32_t c : w) n += internal::IsLetter(c);
  return n;
}

bool HasTripleLetter(std::u32string_view lower) {
  for (size_t i = 2; i < lower.size(); ++i) {
    if (internal::IsLetter(lower[i]) && lower[i] == lower[i - 1] &&
        lower[i] == lower[i - 2]) {
      return true;
    }
  }
  return false;
}

// Runs of three or more equal letters shortened to `keep` letters.
std::u32string CollapseRuns(std::u32string_view s, size_t keep) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    size_t j = i;
    while (j < s.size() && s[j] == s[i]) ++j;
    size_t run = j - i;
    out.append(run >= 3 ? keep : run, s[i]);
    i = j;
  }
  return out;
}

size_t FindApostrophe(std::u32string_view w) {
  for (size_t i = w.size(); i > 0; --i) {
    if (internal::IsApostrophe(w[i - 1])) return i - 1;
  }
  return std::u32string_view::npos;
}

absl::StatusOr<absl::flat_hash_map<std::string, std::string>> LoadInformal(
    const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(
        absl::StrCat("informal spelling list not found: ", path));
  }
  absl::flat_hash_map<std::string, std::string> map;
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string::npos || tab == 0 || tab + 1 == line.size()) {
      return absl::InvalidArgumentError(absl::StrCat(
          path, ":", line_no, ": expected \"informal<TAB>standard spelling\""));
    }
    map[internal::LowerTrUtf8(line.substr(0, tab))] = line.substr(tab + 1);
  }
  return map;
}

// One one-letter edit of a word, by position: what the suggester tries.
struct Edit {
  enum Kind { kDelete, kSwap, kReplace, kInsert } kind = kDelete;
  size_t i = 0;
  char32_t c = 0;  // the letter replaced or inserted

  std::u32string Apply(std::u32string_view s) const {
    std::u32string t(s);
    switch (kind) {
      case kDelete:
        t.erase(i, 1);
        break;
      case kSwap:
        std::swap(t[i], t[i + 1]);
        break;
      case kReplace:
        t[i] = c;
        break;
      case kInsert:
        t.insert(t.begin() + i, c);
        break;
    }
    return t;
  }
};

// Calls found(edit) for every non-empty one-letter edit of `s` that
// `forms` holds, trying deletions, swaps of different letters,
// replacements and insertions from the Turkish alphabet, and an apostrophe
// inside the word, in that order, until found returns true. Returns
// whether it did. Positions where FormSet::Splits() proves no edit can
// give a form are skipped; the other edits are hashed without being built
// and looked up in batches (see FormSet::ContainsHashes).
template <typename Found>
bool ForEachFormEdit(const internal::FormSet& forms, std::u32string_view s,
                     Found found) {
  constexpr size_t kBatch = 64;
  uint64_t hashes[kBatch];
  Edit edits[kBatch];
  bool in_set[kBatch];
  size_t pending = 0;
  auto flush = [&] {
    forms.ContainsHashes(hashes, pending, in_set);
    size_t n = pending;
    pending = 0;
    for (size_t k = 0; k < n; ++k) {
      if (in_set[k] && found(edits[k])) return true;
    }
    return false;
  };
  auto add = [&](uint64_t h, const Edit& edit) {
    hashes[pending] = h;
    edits[pending] = edit;
    return ++pending == kBatch && flush();
  };
  const std::u32string_view alphabet = internal::TurkishAlphabet();
  const size_t n = s.size();
  internal::EditHasher hasher(s, forms.hash_base());
  // An edit in place of s[i, j) can give a form only if possible(i, j).
  std::vector<char> starts, ends;
  forms.Splits(hasher, &starts, &ends);
  auto possible = [&](size_t i, size_t j) { return starts[i] && ends[j]; };
  for (size_t i = 0; i < n && n > 1; ++i) {  // n == 1: the empty word
    if (!possible(i, i + 1)) continue;
    if (add(hasher.Deletion(i), {Edit::kDelete, i})) return true;
  }
  for (size_t i = 0; i + 1 < n; ++i) {
    if (s[i] == s[i + 1] || !possible(i, i + 2)) continue;
    if (add(hasher.Swap(i), {Edit::kSwap, i})) return true;
  }
  for (size_t i = 0; i < n; ++i) {
    if (!possible(i, i + 1)) continue;
    for (char32_t c : alphabet) {
      if (c == s[i]) continue;
      if (add(hasher.Substitution(i, c), {Edit::kReplace, i, c})) return true;
    }
  }
  for (size_t i = 0; i <= n; ++i) {
    if (!possible(i, i)) continue;
    for (char32_t c : alphabet) {
      if (add(hasher.Insertion(i, c), {Edit::kInsert, i, c})) return true;
    }
    if (i > 1 && i < n &&
        add(hasher.Insertion(i, U'\''), {Edit::kInsert, i, U'\''})) {
      return true;
    }
  }
  return pending > 0 && flush();
}

// Shorter lower-case words that are names capitalised ("ur", "lt", "ky")
// are mostly informal spellings and abbreviations.
constexpr size_t kMinEnglishNameLetters = 4;

// `lower` with its first letter capitalised the English way ("iraq" →
// "Iraq"), or empty when it does not start with a letter a-z.
std::u32string EnglishTitle(std::u32string_view lower) {
  if (lower.empty() || lower[0] < U'a' || lower[0] > U'z') return {};
  std::u32string title(lower);
  title[0] = title[0] - U'a' + U'A';
  return title;
}

}  // namespace

const char* ReasonName(Reason reason) {
  switch (reason) {
    case Reason::kKnownWord:
      return "known_word";
    case Reason::kDictionary:
      return "dictionary";
    case Reason::kInflected:
      return "inflected";
    case Reason::kProperNoun:
      return "proper_noun";
    case Reason::kAcronym:
      return "acronym";
    case Reason::kProductName:
      return "product_name";
    case Reason::kForeignWord:
      return "foreign_word";
    case Reason::kNotAWord:
      return "not_a_word";
    case Reason::kAfterQuote:
      return "after_quote";
    case Reason::kNotChecked:
      return "not_checked";
    case Reason::kUnknownWord:
      return "unknown_word";
    case Reason::kNearKnownWord:
      return "near_known_word";
    case Reason::kRepeatedLetters:
      return "repeated_letters";
    case Reason::kInformal:
      return "informal";
    case Reason::kLowercaseName:
      return "lowercase_name";
    case Reason::kApostropheOnCommonNoun:
      return "apostrophe_on_common_noun";
  }
  return "unknown";
}

struct Checker::Candidate {
  std::u32string lower;
  std::string form;  // as usually written, when a list knows it
  float distance = 0;
  int64_t count = 0;
  bool confirmed = false;  // a list or Hunspell vouches for it
  bool restored = false;   // the deasciifier's spelling, no form's
};

Checker::Checker(const Options& options) : options_(options) {}
Checker::~Checker() = default;

absl::StatusOr<std::unique_ptr<const Checker>> Checker::Load(
    const Options& options) {
  std::unique_ptr<Checker> c(new Checker(options));
  absl::StatusOr<WordList> words = WordList::Load(options.word_list_path);
  if (!words.ok()) return words.status();
  c->words_ = *std::move(words);
  absl::StatusOr<WordList> allow = WordList::Load(options.allowlist_path);
  if (!allow.ok()) return allow.status();
  c->allow_ = *std::move(allow);
  auto informal = LoadInformal(options.informal_path);
  if (!informal.ok()) return informal.status();
  c->informal_ = *std::move(informal);

  c->turkish_ = options.turkish;
  if (c->turkish_ == nullptr) {
    morphology::Dictionary::Options o = options.turkish_files;
    o.instances = options.hunspell_instances;
    auto d = morphology::Dictionary::Load(o);
    if (!d.ok()) return d.status();
    c->owned_turkish_ = *std::move(d);
    c->turkish_ = c->owned_turkish_.get();
  }
  c->english_ = options.english;
  if (c->english_ == nullptr) {
    morphology::Dictionary::Options o = options.english_files;
    o.instances = options.hunspell_instances;
    auto d = morphology::Dictionary::Load(o);
    if (!d.ok()) return d.status();
    c->owned_english_ = *std::move(d);
    c->english_ = c->owned_english_.get();
  }
  if (options.british_spellings) {
    morphology::Dictionary::Options o = options.british_files;
    o.instances = options.hunspell_instances;
    auto d = morphology::Dictionary::Load(o);
    if (!d.ok()) return d.status();
    c->british_ = *std::move(d);
  }
  auto alphabet = internal::Alphabet::Load(options.english_files.aff_path,
                                           options.english_files.dic_path);
  if (alphabet.ok()) c->english_alphabet_ = *std::move(alphabet);
  if (options.cache_entries > 0) {
    c->cache_ = std::make_unique<internal::CheckCache>(options.cache_entries);
  }
  if (options.suggest_cache_entries > 0) {
    c->suggest_cache_ =
        std::make_unique<internal::SuggestCache>(options.suggest_cache_entries);
  }
  if (options.build_indexes_at_load) {
    c->BuildListIndex();
    if (options.suggest_from_all_forms || options.names_against_all_forms) {
      c->BuildFormSet();
    }
  }
  return std::unique_ptr<const Checker>(std::move(c));
}

// ---------------------------------------------------------------------------
// Checking.

WordCheck Checker::Check(std::string_view word,
                         const WordContext& context) const {
  if (context.after_quote && context.language == Language::kTurkish) {
    std::u32string w = text::ToUtf32(word);
    if (internal::ShapeOf(w) == CaseShape::kLower &&
        internal::IsNominalSuffixChain(w)) {
      return Correct(Reason::kAfterQuote);
    }
  }
  if (cache_ == nullptr) return CheckUncached(word, context);
  uint64_t key = CacheKey(word, static_cast<int>(context.language),
                          context.sentence_initial);
  WordCheck result;
  if (cache_->Get(key, &result)) return result;
  result = CheckUncached(word, context);
  cache_->Put(key, result);
  return result;
}

WordCheck Checker::CheckUncached(std::string_view word,
                                 const WordContext& context) const {
  if (context.language == Language::kOther) {
    return Correct(Reason::kNotChecked);
  }
  std::u32string w = text::ToUtf32(word);
  // Hyphenated: every part must pass ("Kuzey-Güney", "e-posta").
  if (w.find(U'-') != std::u32string::npos) {
    size_t start = 0;
    WordContext part_context = context;
    while (start <= w.size()) {
      size_t dash = w.find(U'-', start);
      if (dash == std::u32string::npos) dash = w.size();
      if (dash > start) {
        WordCheck c = CheckPart(
            std::u32string_view(w).substr(start, dash - start), part_context);
        if (c.misspelled) return c;
      }
      part_context.sentence_initial = false;
      start = dash + 1;
    }
    return Correct(Reason::kKnownWord);
  }
  return CheckPart(w, context);
}

WordCheck Checker::CheckPart(std::u32string_view w,
                             const WordContext& context) const {
  if (LetterCount(w) <= 1 || HasDigit(w) || HasInnerPunct(w)) {
    return Correct(Reason::kNotAWord);
  }
  std::u32string lower = internal::LowerTr(w);
  CaseShape shape = internal::ShapeOf(w);
  bool short_caps = shape == CaseShape::kUpper && w.size() <= 4;
  if (HasTripleLetter(lower) && !short_caps) {
    return Wrong(Reason::kRepeatedLetters, kSureInformal);
  }
  std::string utf8 = text::ToUtf8(w);
  std::string lower_utf8 = text::ToUtf8(lower);
  if (informal_.contains(lower_utf8)) {
    return Wrong(Reason::kInformal, kSureInformal);
  }
  if (context.language == Language::kTurkish &&
      !ColloquialStandard(lower).empty()) {
    return Wrong(Reason::kInformal, kSureInformal);
  }
  if (context.language == Language::kEnglish) return CheckEnglish(w, utf8);
  return CheckTurkish(w, utf8, context);
}

std::u32string Checker::ColloquialStandard(std::u32string_view lower) const {
  std::vector<std::u32string> candidates =
      internal::ColloquialProgressiveStandards(lower);
  if (candidates.empty() || SpellTurkish(lower)) return {};
  for (std::u32string& c : candidates) {
    if (SpellTurkish(c) || FindEntry(text::ToUtf8(c)) != nullptr) return c;
  }
  return {};
}

const WordList::Entry* Checker::FindEntry(std::string_view lower) const {
  const WordList::Entry* e = words_.Find(lower);
  return e != nullptr ? e : allow_.Find(lower);
}

bool Checker::SpellTurkish(std::u32string_view word, bool* set_said_yes) const {
  if (options_.suggest_from_all_forms || options_.names_against_all_forms) {
    BuildFormSet();
    if (forms_ != nullptr) {
      std::optional<bool> accepted = forms_->Accepts(word);
      if (accepted.has_value()) {
        if (*accepted && set_said_yes != nullptr) *set_said_yes = true;
        return *accepted;
      }
    }
  }
  return turkish_->Spell(text::ToUtf8(word));
}

bool Checker::SpellEnglish(std::u32string_view word,
                           std::string_view utf8) const {
  if (english_alphabet_ != nullptr && !english_alphabet_->MayAccept(word)) {
    return false;
  }
  return english_->Spell(utf8);
}

bool Checker::IsBritishSpelling(std::u32string_view lower) const {
  if (british_ == nullptr) return false;
  // British letter groups and their American spelling: colour, organise,
  // analyse, centre, defence, travelled, programme, catalogue, paediatric,
  // oestrogen, judgement, amongst, whilst, grey.
  static constexpr std::pair<std::u32string_view, std::u32string_view>
      kBritishToAmerican[] = {
          {U"our", U"or"},   {U"is", U"iz"},      {U"ys", U"yz"},
          {U"tre", U"ter"},  {U"ence", U"ense"},  {U"ll", U"l"},
          {U"mme", U"m"},    {U"ogue", U"og"},    {U"ae", U"e"},
          {U"oe", U"e"},     {U"ement", U"ment"}, {U"ngst", U"ng"},
          {U"ilst", U"ile"}, {U"idst", U"id"},    {U"ey", U"ay"},
      };
  for (const auto& [from, to] : kBritishToAmerican) {
    for (size_t at = lower.find(from); at != std::u32string_view::npos;
         at = lower.find(from, at + 1)) {
      std::u32string american(lower.substr(0, at));
      american += to;
      american += lower.substr(at + from.size());
      // An American twin: the word is British if hunspell-en-gb says so.
      if (SpellEnglish(american, text::ToUtf8(american))) {
        return british_->Spell(text::ToUtf8(lower));
      }
    }
  }
  return false;
}

bool Checker::IsKnownTurkish(std::u32string_view word) const {
  std::u32string lower = internal::LowerTr(word);
  const WordList::Entry* e = FindEntry(text::ToUtf8(lower));
  if (e != nullptr) {
    // A name or acronym written in lower case is not the known word.
    if (!internal::IsNameForm(e->form) ||
        internal::ShapeOf(word) != CaseShape::kLower) {
      return true;
    }
  }
  if (SpellTurkish(word)) return true;
  if (internal::ShapeOf(word) == CaseShape::kUpper) {
    // Hunspell misses "İSTANBUL": try the lower and title case.
    if (SpellTurkish(lower)) return true;
    std::u32string title = internal::ApplyShape(lower, CaseShape::kTitle);
    if (SpellTurkish(title)) return true;
  }
  return false;
}

bool Checker::IsInflectedKnown(std::u32string_view lower) const {
  for (size_t k : internal::ClosingSuffixSplits(lower)) {
    std::u32string_view stem = lower.substr(0, k);
    if (IsKnownTurkish(stem)) return true;
    // A name's stem: "Ankara'daki" is handled by the apostrophe rule, but a
    // capitalised stem may also be a title-case dictionary word.
  }
  return false;
}

bool Checker::IsVariantOfKnownStem(std::u32string_view lower) const {
  // hunspell-tr writes some words as dictionaries of decades ago did
  // ("hükumet", "kağıt"); papers write them otherwise ("hükümet", "kâğıt"),
  // and the learned list has the papers' spelling of the frequent forms.
  // An inflected form the list lacks ("hükümetlerimizin") passes when a
  // listed stem ("hükümet") differs from Hunspell's by one such letter and
  // the whole word with that letter changed is Hunspell's
  // ("hükumetlerimizin"). The letters and the stem must both be right, so
  // a typo anywhere still fails.
  // A circumflex is never a slip of the finger: "kârları", "hâlâ",
  // "Kâzım" are the words without it ("karları").
  std::u32string plain(lower);
  bool circumflex = false;
  for (char32_t& c : plain) {
    const char32_t p = text::WithoutCircumflex(c);
    circumflex |= p != c;
    c = p;
  }
  if (circumflex && IsKnownTurkish(plain)) return true;
  static constexpr std::pair<char32_t, char32_t> kVariants[] = {
      {U'ü', U'u'}, {U'u', U'ü'}, {U'â', U'a'}, {U'a', U'â'},
      {U'î', U'i'}, {U'i', U'î'}, {U'û', U'u'}, {U'u', U'û'}};
  constexpr size_t kMinStem = 4;
  for (size_t k = lower.size() - 1; k >= kMinStem && k < lower.size(); --k) {
    const std::u32string_view stem = lower.substr(0, k);
    const WordList::Entry* e = words_.Find(text::ToUtf8(stem));
    if (e == nullptr || SpellTurkish(stem)) continue;
    for (size_t i = 0; i < k; ++i) {
      for (const auto& [from, to] : kVariants) {
        if (lower[i] != from) continue;
        std::u32string variant(lower);
        variant[i] = to;
        if (SpellTurkish(std::u32string_view(variant).substr(0, k)) &&
            SpellTurkish(variant)) {
          return true;
        }
      }
    }
  }
  return false;
}

WordCheck Checker::CheckTurkish(std::u32string_view w, std::string_view utf8,
                                const WordContext& context) const {
  if (IsKnownTurkish(w)) {
    const WordList::Entry* e = FindEntry(text::ToUtf8(internal::LowerTr(w)));
    return Correct(e != nullptr ? Reason::kKnownWord : Reason::kDictionary);
  }
  CaseShape shape = internal::ShapeOf(w);
  size_t apostrophe = FindApostrophe(w);
  if (apostrophe != std::u32string_view::npos) {
    return CheckApostrophe(w, apostrophe, context);
  }
  std::u32string lower = internal::LowerTr(w);
  if (shape != CaseShape::kMixed &&
      (IsInflectedKnown(lower) || IsVariantOfKnownStem(lower))) {
    return Correct(Reason::kInflected);
  }
  // English, unless one typo from a Turkish word: "bird" is "bir" mistyped.
  std::optional<bool> near;
  if (static_cast<int>(lower.size()) >= options_.min_english_length) {
    bool english;
    if (shape == CaseShape::kMixed) {
      english = SpellEnglish(w, utf8) && !IsNearKnownWord(lower);
    } else if (shape == CaseShape::kUpper && w.find(U'I') != w.npos) {
      // In capitals an English word's I reads as a Turkish ı, which puts
      // "NATIONAL" ("natıonal") one letter from "national": held against
      // the Turkish words with its I read as i.
      english = SpellEnglish(w, utf8) && !IsNearKnownWord(DottedLower(w));
    } else {
      // CheckUnknownShape() asks IsNearKnownWord() for these shapes (but
      // for lower-case names), so ask it first: it is cheaper than
      // Hunspell, and true settles the question without Hunspell.
      near = IsNearKnownWord(lower);
      english = !*near && SpellEnglish(w, utf8);
    }
    if (english) return Correct(Reason::kForeignWord);
  }
  return CheckUnknownShape(w, context, near);
}

WordCheck Checker::CheckApostrophe(std::u32string_view w, size_t apostrophe,
                                   const WordContext& context) const {
  std::u32string_view base = w.substr(0, apostrophe);
  std::u32string suffix = internal::LowerTr(w.substr(apostrophe + 1));
  if (LetterCount(base) == 0) return Wrong(Reason::kUnknownWord, kUnsure);
  if (!internal::IsNominalSuffixChain(suffix)) {
    return Wrong(Reason::kUnknownWord, kSureTypo);
  }
  CaseShape shape = internal::ShapeOf(base);
  if (LetterCount(base) == 1 || HasDigit(base)) {
    return Correct(Reason::kNotAWord);
  }
  std::u32string lower = internal::LowerTr(base);
  if (shape == CaseShape::kLower) {
    const WordList::Entry* e = FindEntry(text::ToUtf8(lower));
    if (e != nullptr && internal::IsNameForm(e->form)) {
      return Wrong(Reason::kLowercaseName, kSureTypo);
    }
    std::u32string title = internal::ApplyShape(lower, CaseShape::kTitle);
    if (SpellTurkish(title) && !SpellTurkish(lower)) {
      return Wrong(Reason::kLowercaseName, kSureTypo);
    }
    if (IsKnownTurkish(lower)) {
      return Wrong(Reason::kApostropheOnCommonNoun, kSureTypo);
    }
    return Wrong(Reason::kUnknownWord, kUnsure);
  }
  if (shape == CaseShape::kMixed) return Correct(Reason::kProductName);
  if (IsKnownTurkish(base)) return Correct(Reason::kDictionary);
  WordCheck check = CheckUnknownShape(base, context);
  if (shape == CaseShape::kTitle && check.reason == Reason::kNearKnownWord &&
      !IsNearListWord(lower, /*names_only=*/true,
                      options_.well_known_name_count)) {
    // Turkish writes the apostrophe only after a name, so the word is a
    // name, at a sentence start too: mistyped only when one typo from a
    // well-known name ("Ankra'da"), as a capitalised word inside a
    // sentence, not from a common word ("Postel'in" is no "pastel").
    return Correct(Reason::kProperNoun);
  }
  return check;
}

WordCheck Checker::CheckUnknownShape(std::u32string_view w,
                                     const WordContext& context,
                                     std::optional<bool> near) const {
  CaseShape shape = internal::ShapeOf(w);
  std::u32string lower = internal::LowerTr(w);
  auto near_known = [&] {
    if (!near.has_value()) near = IsNearKnownWord(lower);
    return *near;
  };
  switch (shape) {
    case CaseShape::kMixed:
      return Correct(Reason::kProductName);
    case CaseShape::kUpper:
    case CaseShape::kTitle: {
      // At a sentence start the capital is no sign of a name, so even
      // short words are held against the known words.
      bool long_enough =
          context.sentence_initial ||
          static_cast<int>(lower.size()) >= options_.min_name_check_length;
      // A short ALL-CAPS word is an acronym ("NYSE", "UAL"), at a sentence
      // start too, where the capitals are not the sentence's; inside a
      // sentence a capitalised English word is part of a name ("New
      // York", "Air France"). Nearly every short word is one typo from
      // some Turkish form.
      if (shape == CaseShape::kUpper &&
          static_cast<int>(lower.size()) <= options_.max_acronym_length) {
        return Correct(Reason::kAcronym);
      }
      if (!context.sentence_initial && shape == CaseShape::kTitle &&
          SpellEnglish(w, text::ToUtf8(w))) {
        return Correct(Reason::kForeignWord);
      }
      // Inside a sentence a capitalised word is a name, mistyped only when
      // one typo from a well-known one.
      const bool name =
          shape == CaseShape::kTitle && !context.sentence_initial;
      if (long_enough &&
          (name ? IsNearListWord(lower, /*names_only=*/true,
                                 options_.well_known_name_count)
                : near_known())) {
        return Wrong(Reason::kNearKnownWord, kSureTypo);
      }
      return Correct(shape == CaseShape::kUpper ? Reason::kAcronym
                                                : Reason::kProperNoun);
    }
    case CaseShape::kLower:
    case CaseShape::kNone:
      break;
  }
  std::u32string title = internal::ApplyShape(lower, CaseShape::kTitle);
  if (SpellTurkish(title)) {
    return Wrong(Reason::kLowercaseName, kSureTypo);
  }
  return Wrong(Reason::kUnknownWord, near_known() ? kSureTypo : kUnsure);
}

WordCheck Checker::CheckEnglish(std::u32string_view w,
                                std::string_view utf8) const {
  if (SpellEnglish(w, utf8)) return Correct(Reason::kDictionary);
  std::u32string lower = internal::LowerTr(w);
  if (SpellEnglish(lower, text::ToUtf8(lower))) {
    return Correct(Reason::kDictionary);
  }
  if (IsBritishSpelling(lower)) return Correct(Reason::kDictionary);
  switch (internal::ShapeOf(w)) {
    case CaseShape::kMixed:
      return Correct(Reason::kProductName);
    case CaseShape::kUpper:
      return Correct(Reason::kAcronym);
    case CaseShape::kTitle:
      return Correct(Reason::kProperNoun);
    default:
      // A Turkish word in English text ("çok güzel, thanks") is a foreign
      // word, as an English word in Turkish text is. Only one written with
      // a Turkish letter: the Turkish list also knows "ur", "im" and "da"
      // from tweets, and in English text those are informal spellings.
      if (text::HasTurkishLetter(utf8) && IsKnownTurkish(w)) {
        return Correct(Reason::kForeignWord);
      }
      // A name typed in lower case ("muslims", "iraq"), as in Turkish
      // text, but no surer a misspelling than an unknown word: English
      // readers drop capitals at least as freely. Not a short word, more
      // often an informal spelling than a name ("ur" is no "Ur").
      if (std::u32string title = EnglishTitle(lower);
          title.size() >= kMinEnglishNameLetters &&
          SpellEnglish(title, text::ToUtf8(title))) {
        return Wrong(Reason::kLowercaseName, kUnsure);
      }
      return Wrong(Reason::kUnknownWord, kUnsure);
  }
}

bool Checker::IsNearListWord(std::u32string_view lower, bool names_only,
                             int64_t min_count) const {
  BuildListIndex();
  std::vector<uint32_t> ids;
  delete_index_->Candidates(lower, 1, &ids);
  for (uint32_t id : ids) {
    const std::u32string& cand = index_words_[id];
    if (cand == lower) continue;
    if (names_only && (!internal::IsNameForm(index_entries_[id]->form) ||
                       index_entries_[id]->count < min_count)) {
      continue;
    }
    if (internal::TypingDistance(lower, cand, 1.0f) <= 1.0f) return true;
  }
  return false;
}

bool Checker::IsNearKnownWord(std::u32string_view lower) const {
  if (IsNearListWord(lower, /*names_only=*/false)) return true;
  if (options_.names_against_all_forms) {
    BuildFormSet();
    if (forms_ != nullptr) {
      // Every edit differs from `lower`, so any edit that is a form will do.
      return ForEachFormEdit(*forms_, lower, [](const Edit&) { return true; });
    }
  }
  return false;
}

std::vector<Misspelling> Checker::CheckDocument(const text::Document& document,
                                                Language language) const {
  std::vector<Misspelling> out;
  const std::vector<text::Token>& tokens = document.tokens();
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind != text::TokenKind::kWord) continue;
    WordCheck c = Check(tokens[i].text, ContextOf(tokens[i], language));
    if (c.misspelled) out.push_back({static_cast<int>(i), c});
  }
  return out;
}

// ---------------------------------------------------------------------------
// Suggestions.

void Checker::BuildListIndex() const {
  std::call_once(list_index_once_, [this] {
    for (const WordList* list : {&words_, &allow_}) {
      for (const WordList::Entry& e : list->entries()) {
        std::u32string lower = internal::LowerTr(text::ToUtf32(e.form));
        if (lower.find(U'-') != std::u32string::npos) continue;
        index_words_.push_back(std::move(lower));
        index_entries_.push_back(&e);
      }
    }
    delete_index_ = std::make_unique<internal::DeleteIndex>(index_words_);
  });
}

void Checker::BuildFormSet() const {
  std::call_once(forms_once_, [this] {
    auto forms = internal::FormSet::Load(options_.turkish_files.aff_path,
                                         options_.turkish_files.dic_path);
    // Without the form set suggestions come from the word lists only.
    if (forms.ok()) forms_ = *std::move(forms);
  });
}

void Checker::AddListCandidates(std::u32string_view lower,
                                std::vector<Candidate>* out) const {
  BuildListIndex();
  std::vector<uint32_t> ids;
  delete_index_->Candidates(lower, 2, &ids);
  for (uint32_t id : ids) {
    const std::u32string& cand = index_words_[id];
    float d = internal::TypingDistance(lower, cand, kMaxSuggestDistance);
    if (d > kMaxSuggestDistance) continue;
    const WordList::Entry* e = index_entries_[id];
    int64_t count = e->count > 0 ? e->count : kAllowlistCount;
    out->push_back({cand, e->form, d, count, true});
  }
}

void Checker::AddFormCandidates(std::u32string_view lower,
                                std::vector<Candidate>* out) const {
  if (forms_ == nullptr) return;
  std::vector<std::u32string> tried;  // the edits found so far: a few
  ForEachFormEdit(*forms_, lower, [&](const Edit& edit) {
    std::u32string cand = edit.Apply(lower);
    if (std::find(tried.begin(), tried.end(), cand) != tried.end()) {
      return false;
    }
    tried.push_back(cand);
    float d = internal::TypingDistance(lower, cand, kMaxSuggestDistance);
    out->push_back({std::move(cand), "", d, 0, false});
    return false;
  });
}

std::string Checker::NameForm(std::u32string_view lower) const {
  const WordList::Entry* e = FindEntry(text::ToUtf8(lower));
  if (e != nullptr) return internal::IsNameForm(e->form) ? e->form : "";
  std::u32string title = internal::ApplyShape(lower, CaseShape::kTitle);
  if (SpellTurkish(title) && !SpellTurkish(lower)) return text::ToUtf8(title);
  return {};
}

void Checker::AddListNamesWithSuffix(std::u32string_view lower,
                                     std::vector<std::u32string>* out) const {
  constexpr size_t kLongestSuffix = 8;
  if (lower.find(U'\'') != std::u32string_view::npos) return;
  BuildListIndex();
  std::vector<uint32_t> ids;
  for (size_t k = 2; k < lower.size(); ++k) {
    if (lower.size() - k > kLongestSuffix) continue;
    std::u32string_view stem = lower.substr(0, k);
    ids.clear();
    delete_index_->Candidates(stem, 0, &ids);
    for (uint32_t id : ids) {
      const std::u32string& name = index_words_[id];
      if (name == stem || !internal::FoldEqual(name, stem)) continue;
      for (const std::u32string& suffix :
           internal::ApostropheSuffixes(name, lower.substr(k))) {
        std::u32string cand = name + U'\'' + suffix;
        if (std::find(out->begin(), out->end(), cand) == out->end()) {
          out->push_back(std::move(cand));
        }
      }
    }
  }
}

void Checker::AddFoldCandidates(std::u32string_view lower,
                                std::vector<Candidate>* out) const {
  if (forms_ == nullptr) return;
  internal::FoldSearch search(*forms_);
  std::vector<std::u32string> found;
  auto add_found = [&] {
    for (std::u32string& cand : found) {
      float d = internal::TypingDistance(lower, cand);
      out->push_back({std::move(cand), "", d, 0, false});
    }
    found.clear();
  };
  // Forms that differ by Turkish letters only, or by those and a left-out
  // apostrophe ("akdenizde" → "akdeniz'de"). Words hunspell-tr lacks for a
  // closing suffix ("kahvelerdı" →
  // "kahvelerdi"), when the checker takes them: the stem is a word in
  // lower case, not only a name's lower case. And names with the
  // apostrophe before their suffix left out ("atınadan" → "Atina'dan"),
  // the name a form or a listed word.
  std::vector<std::u32string> suffixed;
  search.FindBoth(lower, &found, &suffixed);
  add_found();
  AddListNamesWithSuffix(lower, &suffixed);
  for (std::u32string& cand : suffixed) {
    std::string form;
    size_t apostrophe = cand.find(U'\'');
    if (apostrophe == std::u32string::npos) {
      if (!IsInflectedKnown(cand)) continue;
      form = text::ToUtf8(cand);
    } else {
      std::string name =
          NameForm(std::u32string_view(cand).substr(0, apostrophe));
      if (name.empty()) continue;
      form = name + text::ToUtf8(std::u32string_view(cand).substr(apostrophe));
    }
    float d = internal::TypingDistance(lower, cand);
    out->push_back({std::move(cand), std::move(form), d, 0, true});
  }
  // Letters and a typo together only when nothing within one typo was
  // found: that walk costs ten times the other.
  float best = kFoldTypoWhenNoneWithin + 1;
  for (const Candidate& c : *out) best = std::min(best, c.distance);
  if (best <= kFoldTypoWhenNoneWithin) return;
  search.Find(lower, 1, &found);
  add_found();
}

void Checker::AddRestoredCandidate(std::u32string_view lower,
                                   std::vector<Candidate>* out) const {
  if (options_.deasciifier == nullptr) return;
  std::string folded;
  for (char32_t c : lower) {
    const char32_t f = internal::Fold(c);
    if (f >= 0x80) return;  // a letter the restorer cannot write back
    folded.push_back(static_cast<char>(f));
  }
  using Evidence = deasciify::WordRestoration::Evidence;
  deasciify::WordRestoration r =
      options_.deasciifier->RestoreWord(folded, std::string_view());
  if (r.evidence == Evidence::kNotRestorable ||
      r.evidence == Evidence::kUnseen) {
    return;
  }
  std::u32string restored = text::ToUtf32(r.restored);
  if (restored == lower || !internal::FoldEqual(restored, lower)) return;
  // Plausible when some form of hunspell-tr begins with all of it but its
  // last kRestoredTail letters ("alerjimin": "alerjimi…" begins
  // "alerjimiz"). A typo inside the word breaks that ("ilşkilerinden": no
  // form begins "ilş"). The prefix filter is keyed with a fixed base, so
  // the answer is the same in every process (form_hash.h).
  bool plausible = false;
  if (forms_ != nullptr && restored.size() > kRestoredTail) {
    const size_t head = restored.size() - kRestoredTail;
    uint64_t key = 0;
    plausible = true;
    for (size_t i = 0; i < head && plausible; ++i) {
      key =
          internal::FormHashExtend(key, restored[i], internal::kFixedHashBase);
      plausible = forms_->MayBePrefix(key);
    }
  }
  // Implausible: after every other candidate (and then moved up to second).
  float distance = plausible ? kRestoredCost : kMaxSuggestDistance + 1.0f;
  out->push_back({std::move(restored), std::move(r.restored), distance, 0,
                  /*confirmed=*/true, /*restored=*/true});
}

std::vector<std::string> Checker::Suggest(std::string_view word,
                                          Language language, int max) const {
  if (suggest_cache_ == nullptr || max <= 0 || word.empty() ||
      language == Language::kOther) {
    return SuggestUncached(word, language, max);
  }
  uint64_t key = CacheKey(word, static_cast<int>(language), max);
  std::vector<std::string> result;
  if (suggest_cache_->Get(key, &result)) return result;
  result = SuggestUncached(word, language, max);
  suggest_cache_->Put(key, result);
  return result;
}

std::vector<std::string> Checker::SuggestUncached(std::string_view word,
                                                  Language language,
                                                  int max) const {
  std::vector<std::string> result;
  if (max <= 0 || word.empty() || language == Language::kOther) return result;
  // Whether Hunspell accepts a candidate form. The form set's "no" is
  // final; its "yes" is Hunspell's to confirm, so that a fingerprint
  // collision can never put a non-word in front of a reader.
  auto spell = [&](std::u32string_view form) {
    if (language == Language::kEnglish) {
      return SpellEnglish(form, text::ToUtf8(form));
    }
    bool set_said_yes = false;
    bool yes = SpellTurkish(form, &set_said_yes);
    return set_said_yes ? turkish_->Spell(text::ToUtf8(form)) : yes;
  };
  std::u32string w = text::ToUtf32(word);
  CaseShape shape = internal::ShapeOf(w);
  std::u32string lower = internal::LowerTr(w);

  std::vector<Candidate> cands;
  auto informal = informal_.find(text::ToUtf8(lower));
  if (informal != informal_.end()) {
    cands.push_back(
        {text::ToUtf32(informal->second), informal->second, -10.0f, 0, true});
  }
  // The progressive's dropped r: "kalıyo" → "kalıyor".
  if (language == Language::kTurkish) {
    std::u32string standard = ColloquialStandard(lower);
    if (!standard.empty()) {
      cands.push_back({standard, text::ToUtf8(standard), -10.0f, 0, true});
    }
  }
  // Repeated letters: "çoook" → "çok", "kaaaar" → "kaar"/"kar".
  if (HasTripleLetter(lower)) {
    for (size_t keep : {1, 2}) {
      std::u32string c = CollapseRuns(lower, keep);
      cands.push_back({c, "", -1.0f + 0.1f * keep, 0, false});
    }
  }
  // Only the capitals wrong: "ankara" → "Ankara", "iraq" → "Iraq" (English
  // capitals are not Turkish ones: not "İraq").
  {
    std::u32string title = language == Language::kTurkish
                               ? internal::ApplyShape(lower, CaseShape::kTitle)
                               : EnglishTitle(lower);
    if (!title.empty() && title != w && spell(title) && !spell(lower)) {
      cands.push_back({lower, text::ToUtf8(title), 0.2f, 0, true});
    }
  }
  // Apostrophe after a common noun: "kitap'ta" → "kitapta".
  size_t apostrophe = FindApostrophe(lower);
  if (apostrophe != std::u32string::npos) {
    std::u32string joined = lower;
    joined.erase(apostrophe, 1);
    cands.push_back({joined, "", 0.5f, 0, false});
  }

  if (language == Language::kEnglish) {
    // English: every one-typo edit, confirmed by hunspell-en-us.
    absl::flat_hash_set<std::u32string> seen;
    std::u32string_view alphabet = U"abcdefghijklmnopqrstuvwxyz";
    auto consider = [&](std::u32string&& cand) {
      if (!seen.insert(cand).second) return;
      if (!SpellEnglish(cand, text::ToUtf8(cand))) return;
      float d = internal::TypingDistance(lower, cand);
      cands.push_back({std::move(cand), "", d, 0, true});
    };
    for (size_t i = 0; i < lower.size(); ++i) {
      consider(lower.substr(0, i) + lower.substr(i + 1));
      if (i + 1 < lower.size() && lower[i] != lower[i + 1]) {
        std::u32string t = lower;
        std::swap(t[i], t[i + 1]);
        consider(std::move(t));
      }
      for (char32_t c : alphabet) {
        if (c == lower[i]) continue;
        std::u32string t = lower;
        t[i] = c;
        consider(std::move(t));
      }
    }
    for (size_t i = 0; i <= lower.size(); ++i) {
      for (char32_t c : alphabet) {
        consider(lower.substr(0, i) + c + lower.substr(i));
      }
    }
  } else {
    AddListCandidates(lower, &cands);
    if (options_.suggest_from_all_forms) {
      BuildFormSet();
      AddFormCandidates(lower, &cands);
      AddFoldCandidates(lower, &cands);
    }
    AddRestoredCandidate(lower, &cands);
  }

  // Rank: distance minus a bonus per decade of frequency; then settle the
  // written form of the best few (confirming with Hunspell what no list
  // vouches for), give names a small edge when the input is capitalised
  // ("Ankra" → "Ankara" before "Anıra"), and rank again.
  for (Candidate& c : cands) {
    if (!c.restored && internal::FoldEqual(c.lower, lower)) {
      c.distance = std::min(c.distance, kLettersOnlyCost);
    }
    c.distance -= kFrequencyWeight * std::log10(1.0f + c.count);
  }
  auto by_score = [](const Candidate& a, const Candidate& b) {
    return a.distance < b.distance;
  };
  // The restoration, when among the settled candidates but ranked lower,
  // comes second: it spells words no list or form knows, so no other
  // candidate stands for it. (Moving it up from further back costs typos:
  // on the dev pairs, typo top-5 76.44 → 76.31 %.)
  auto second_at_worst = [](std::vector<Candidate>* v) {
    for (size_t i = 2; i < v->size(); ++i) {
      if ((*v)[i].restored) {
        std::rotate(v->begin() + 1, v->begin() + i, v->begin() + i + 1);
        return;
      }
    }
  };
  // The candidates in rank order, ties in the order they were found. Their
  // indices are sorted, not the candidates: a rare word has hundreds, and
  // only the first few are read.
  std::vector<uint32_t> order(cands.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return by_score(cands[a], cands[b]);
  });
  std::vector<Candidate> settled;
  absl::flat_hash_set<std::u32string> seen_lower;
  for (uint32_t k : order) {
    Candidate& c = cands[k];
    if (static_cast<int>(settled.size()) >= 3 * max) break;
    if (!seen_lower.insert(c.lower).second && c.form.empty()) continue;
    if (c.form.empty()) {
      std::string low = text::ToUtf8(c.lower);
      const WordList::Entry* e =
          language == Language::kTurkish ? FindEntry(low) : nullptr;
      if (e != nullptr) {
        c.form = e->form;
      } else if (spell(c.lower)) {
        c.form = low;
      } else {
        std::u32string title = internal::ApplyShape(c.lower, CaseShape::kTitle);
        if (!spell(title)) continue;
        c.form = text::ToUtf8(title);
      }
    }
    if (shape == CaseShape::kTitle &&
        internal::ShapeOf(text::ToUtf32(c.form)) == CaseShape::kTitle) {
      c.distance -= kNameBonus;
    }
    settled.push_back(std::move(c));
  }
  std::stable_sort(settled.begin(), settled.end(), by_score);
  second_at_worst(&settled);
  absl::flat_hash_set<std::string> emitted;
  for (const Candidate& c : settled) {
    if (static_cast<int>(result.size()) >= max) break;
    std::u32string form = text::ToUtf32(c.form);
    CaseShape form_shape = internal::ShapeOf(form);
    if (shape == CaseShape::kUpper) {
      form = internal::UpperTr(form);
    } else if (shape == CaseShape::kTitle && form_shape == CaseShape::kLower) {
      form = internal::ApplyShape(form, CaseShape::kTitle);
    }
    std::string out = text::ToUtf8(form);
    if (out == word) continue;  // the input itself
    if (emitted.insert(out).second) result.push_back(std::move(out));
  }
  return result;
}

}  // namespace newsroom::spelling
