// A depth-first walk over the spellings of a word, pruned by the form
// set's prefix filter. The fingerprint is a polynomial hash
// (form_hash.h), so extending a prefix by one letter is one multiply-add,
// and no spelling is ever built as a string until it is a form: the walk
// keeps the letters chosen so far in one buffer.
//
// Each prefix carries two hashes: its key with the fixed base, which the
// prefix filter is asked about, and its fingerprint with the set's random
// base, which only the exact set of forms is asked about. The filter's
// false positives send the walk down prefixes no form begins with, and
// those cost probes; were they keyed with the random base, a walk that
// reaches its budget would stop at a different place in each process, and
// suggestions would differ between two runs ("kuduruşunuz" lost
// "müdürüsünüz" in one of six). With the fixed key they are the same false
// positives everywhere. Nothing is accepted on the fixed key's say-so: a
// word crafted to collide with it costs the walk probes it has a budget
// for, no more.
//
// Why a walk and not a list of keys: an index of every hunspell-tr form by
// its ASCII fold would answer the no-edit case with one lookup, but it
// costs another 11 MB (1.35 million forms) and cannot answer "fold-equal
// after one edit" without indexing every deletion too. The prefix filter
// is already built for the one-edit search, and the walk over it stays
// within 1,500 probes even with one edit: at each position the
// edit branches (about seventy letters) die within a step or two unless
// they are a real prefix.
//
// The search with one edit makes the edit exactly once, so that a caller
// asking for 0 and then 1 gets the fold-only forms first and never twice.
//
// Tested by fold_search_test.cc.
#include "spelling/internal/fold_search.h"

#include <algorithm>

#include "spelling/internal/form_hash.h"
#include "spelling/internal/letters.h"
#include "spelling/internal/suffixes.h"
#include "text/turkish.h"

namespace newsroom::spelling::internal {

std::u32string FoldClass(char32_t c) {
  std::u32string out(1, c);
  const char32_t folded = Fold(c);
  auto add = [&out](char32_t x) {
    if (x != 0 && out.find(x) == std::u32string::npos) out.push_back(x);
  };
  add(folded);
  if (folded < 0x80) add(text::TurkishCounterpart(static_cast<char>(folded)));
  return out;
}

std::vector<std::u32string> ApostropheSuffixes(std::u32string_view stem,
                                               std::u32string_view typed) {
  std::vector<std::u32string> out;
  std::vector<std::u32string> classes;
  size_t choices = 1;
  for (char32_t c : typed) {
    classes.push_back(FoldClass(c));
    choices *= classes.back().size();
    if (choices > 64) return out;
  }
  const char32_t low = text::LowVowelAfter(stem);
  const char32_t high = text::HighVowelAfter(stem);
  std::u32string t(typed.size(), 0);
  for (size_t k = 0; k < choices; ++k) {
    size_t rest = k;
    for (size_t i = 0; i < typed.size(); ++i) {
      t[i] = classes[i][rest % classes[i].size()];
      rest /= classes[i].size();
    }
    char32_t first_vowel = 0;
    for (char32_t c : t) {
      if (text::IsVowel(c)) {
        first_vowel = c;
        break;
      }
    }
    if (first_vowel != 0 && first_vowel != low && first_vowel != high) {
      continue;
    }
    if (IsNominalSuffixChain(t)) out.push_back(t);
  }
  return out;
}

namespace {

// "dirler", the longest closing suffix; "larından", a long name's suffix.
constexpr size_t kLongestClosingSuffix = 6;
constexpr size_t kLongestNameSuffix = 8;

class Walk {
 public:
  // What the walk finds goes to `forms` (FoldSearch::Find()) and to
  // `suffixed` (FoldSearch::FindSuffixed()); either may be null.
  Walk(const FormSet& forms, std::u32string_view word,
       const FoldSearch::Limits& limits, std::vector<std::u32string>* found,
       std::vector<std::u32string>* suffixed)
      : forms_(forms),
        word_(word),
        limits_(limits),
        found_(found),
        suffixed_(suffixed),
        initial_found_(found != nullptr ? found->size() : 0),
        initial_suffixed_(suffixed != nullptr ? suffixed->size() : 0),
        probes_left_(limits.max_probes),
        apostrophe_allowed_(word.find(U'\'') == std::u32string_view::npos) {
    classes_.reserve(word.size());
    for (char32_t c : word) classes_.push_back(FoldClass(c));
    buffer_.reserve(word.size() + 1);
  }

  // Returns false when a limit cut the walk short. REQUIRES: edits is 0
  // unless only forms are looked for.
  bool Run(int edits) {
    Visit(0, Prefix(), edits);
    return !cut_;
  }

 private:
  bool Stopped() const { return cut_; }

  // A prefix's fingerprint (with the set's base: is it a form?) and its
  // key (with the fixed base: may a form begin with it?).
  struct Prefix {
    uint64_t hash = 0;
    uint64_t key = 0;
  };

  // Extends the prefix by `c`; true when some form may begin with it.
  bool Step(const Prefix& prefix, char32_t c, Prefix* next) {
    if (probes_left_-- <= 0) {
      cut_ = true;
      return false;
    }
    next->key = FormHashExtend(prefix.key, c, kFixedHashBase);
    if (!forms_.MayBePrefix(next->key)) return false;
    next->hash = FormHashExtend(prefix.hash, c, forms_.hash_base());
    return true;
  }

  // buffer_ spells a prefix of a form (maybe), made of word_[0, i) with
  // `edits` edits still to make.
  void Visit(size_t i, const Prefix& prefix, int edits) {
    const uint64_t hash = prefix.hash;
    if (Stopped()) return;
    const size_t n = word_.size();
    if (suffixed_ != nullptr && !apostrophe_used_ && i >= 2 && i < n &&
        n - i <= std::max(kLongestClosingSuffix, kLongestNameSuffix)) {
      SuffixesAfter(i, hash);
    }
    if (i == n && edits == 0) {
      if (found_ != nullptr && forms_.ContainsHash(hash)) {
        Add(buffer_, found_, initial_found_);
      }
      return;
    }
    Prefix next;
    if (i < n) {
      for (char32_t c : classes_[i]) {  // the letter, or a fold of it
        if (Step(prefix, c, &next)) Descend(c, i + 1, next, edits);
        if (Stopped()) return;
      }
    }
    // The apostrophe before a name's suffix, left out ("akdenizden").
    if (found_ != nullptr && edits == 0 && apostrophe_allowed_ &&
        !apostrophe_used_ && i > 1 && i < n && Step(prefix, U'\'', &next)) {
      apostrophe_used_ = true;
      Descend(U'\'', i, next, edits);
      apostrophe_used_ = false;
      if (Stopped()) return;
    }
    if (edits == 0) return;
    const std::u32string_view alphabet = TurkishAlphabet();
    // A letter typed that was not meant.
    if (i < n && n > 1) Visit(i + 1, prefix, edits - 1);
    // A letter meant that was not typed (an apostrophe only inside).
    for (char32_t c : alphabet) {
      if (Step(prefix, c, &next)) Descend(c, i, next, edits - 1);
      if (Stopped()) return;
    }
    if (i > 1 && i < n && Step(prefix, U'\'', &next)) {
      Descend(U'\'', i, next, edits - 1);
    }
    if (i == n) return;
    // Another letter typed for the one meant.
    for (char32_t c : alphabet) {
      if (classes_[i].find(c) != std::u32string::npos) continue;
      if (Step(prefix, c, &next)) Descend(c, i + 1, next, edits - 1);
      if (Stopped()) return;
    }
    // Two neighbours typed the wrong way round.
    if (i + 1 < n && word_[i] != word_[i + 1]) {
      for (char32_t a : classes_[i + 1]) {
        Prefix mid;
        if (!Step(prefix, a, &mid)) continue;
        buffer_.push_back(a);
        for (char32_t b : classes_[i]) {
          if (Step(mid, b, &next)) Descend(b, i + 2, next, edits - 1);
          if (Stopped()) break;
        }
        buffer_.pop_back();
        if (Stopped()) return;
      }
    }
  }

  void Add(const std::u32string& word, std::vector<std::u32string>* out,
           size_t initial) {
    if (word == word_ ||
        std::find(out->begin(), out->end(), word) != out->end()) {
      return;
    }
    out->push_back(word);
    cut_ = out->size() >= initial + limits_.max_results;
  }

  // buffer_, word_[0, i) with its letters chosen, followed by a closing
  // suffix, or an apostrophe and a name's suffix, whose letters fold like
  // word_[i, n).
  void SuffixesAfter(size_t i, uint64_t hash) {
    if (probes_left_-- <= 0) {
      cut_ = true;
      return;
    }
    if (!forms_.ContainsHash(hash)) return;
    const std::u32string_view tail = word_.substr(i);
    if (apostrophe_allowed_ && tail.size() <= kLongestNameSuffix) {
      for (const std::u32string& suffix : ApostropheSuffixes(buffer_, tail)) {
        std::u32string word = buffer_ + U'\'' + suffix;
        if (!forms_.Contains(word)) Add(word, suffixed_, initial_suffixed_);
        if (Stopped()) return;
      }
    }
    if (tail.size() > kLongestClosingSuffix) return;
    for (const std::u32string& suffix : ClosingSuffixesAfter(buffer_)) {
      if (!FoldEqual(suffix, tail)) continue;
      std::u32string word = buffer_ + suffix;
      if (!forms_.Contains(word)) Add(word, suffixed_, initial_suffixed_);
      if (Stopped()) return;
    }
  }

  void Descend(char32_t c, size_t i, const Prefix& prefix, int edits) {
    buffer_.push_back(c);
    Visit(i, prefix, edits);
    buffer_.pop_back();
  }

  const FormSet& forms_;
  const std::u32string_view word_;
  const FoldSearch::Limits& limits_;
  std::vector<std::u32string>* const found_;
  std::vector<std::u32string>* const suffixed_;
  const size_t initial_found_;
  const size_t initial_suffixed_;
  int probes_left_;
  bool cut_ = false;
  const bool apostrophe_allowed_;  // the word has none
  bool apostrophe_used_ = false;   // buffer_ has one the walk put in
  std::vector<std::u32string> classes_;
  std::u32string buffer_;
};

}  // namespace

bool FoldSearch::Find(std::u32string_view lower, int edits,
                      const Limits& limits,
                      std::vector<std::u32string>* found) const {
  if (lower.empty() || lower.size() > limits.max_letters) {
    return lower.empty();
  }
  return Walk(forms_, lower, limits, found, nullptr)
      .Run(std::clamp(edits, 0, 1));
}

bool FoldSearch::FindSuffixed(std::u32string_view lower, const Limits& limits,
                              std::vector<std::u32string>* found) const {
  return FindBoth(lower, limits, nullptr, found);
}

bool FoldSearch::FindBoth(std::u32string_view lower, const Limits& limits,
                          std::vector<std::u32string>* forms,
                          std::vector<std::u32string>* suffixed) const {
  if (lower.empty() || lower.size() > limits.max_letters) {
    return lower.empty();
  }
  return Walk(forms_, lower, limits, forms, suffixed).Run(0);
}

}  // namespace newsroom::spelling::internal
