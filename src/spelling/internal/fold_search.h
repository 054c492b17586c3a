// The forms a typed word may be when its Turkish letters are wrong: every
// form that differs from the word only by letters with the same ASCII fold
// (i/ı, g/ğ, u/ü, s/ş, o/ö, c/ç, and the circumflexed â/î/û to their plain
// vowels), optionally after one more slip of the finger.
//
//   FoldSearch search(*forms);                 // forms: hunspell-tr's
//   std::vector<std::u32string> found;
//   search.Find(U"açabıleceğımız", 0, &found); // {"açabileceğimiz"}
//   search.Find(U"acmadik", 0, &found);        // "açmadık", "açmadik"…
//   search.Find(U"acmadk", 1, &found);         // adds "açmadık"
//
// People who type without Turkish letters (or with a keyboard that puts ı
// where i was meant) miss several letters in one word: "açabıleceğımız"
// is four letters from "açabileceğimiz", out of reach of a one-edit
// search, yet only one word of Turkish folds to the same letters. The
// search walks the word left to right, choosing at each position one of
// the letters that fold like the typed one (text/turkish.h says which),
// and follows only the prefixes some form of the dictionary begins with
// (FormSet::MayBePrefix): a word of ten letters with six foldable ones has
// 64 spellings, of which the prefix filter keeps a handful alive. With
// `edits` = 1 it also makes exactly one deletion, insertion, substitution
// (outside the letter's fold class) or swap of neighbours anywhere, with
// the fold choices still free around it ("acmadk" → "açmadık").
//
// Bounded: each step is one probe of the prefix filter and the walk stops
// after Limits::max_probes of them (a 14-letter word needs about a hundred
// with no edit and up to a thousand or so with one: on the dev part of
// Starlang's pairs no suggestion changes between 1,500 and 30,000, and
// 1,000 loses a few), words longer than
// Limits::max_letters are not searched, and at most Limits::max_results
// forms are returned. Results come in a fixed order for a given word and
// set (the walk's order), never `word` itself, and are the same in every
// process: the prefix filter is keyed with a fixed base, so the walk
// follows the same false prefixes and stops at the same probe whatever
// the fingerprints' random base (form_hash.h), which only confirms forms.
//
// Thread-safe: a FoldSearch holds only a reference to an immutable
// FormSet.
#ifndef NEWSROOM_SPELLING_INTERNAL_FOLD_SEARCH_H_
#define NEWSROOM_SPELLING_INTERNAL_FOLD_SEARCH_H_

#include <string>
#include <string_view>
#include <vector>

#include "spelling/internal/form_set.h"

namespace newsroom::spelling::internal {

// The lower-case letters a typed lower-case `c` may stand for: `c`, its
// ASCII fold and the Turkish letter of that fold (text::AsciiFoldLower,
// text::TurkishCounterpart), `c` first: "iı" for i, "ıi" for ı, "ğg" for
// ğ, "îiı" for î, "âa" for â; "a" alone (nobody types a for â), and any
// other code point alone.
std::u32string FoldClass(char32_t c);

// The suffix chains (IsNominalSuffixChain(), suffixes.h) that fold like
// `typed` and, after a name ending in `stem` (lower case), begin with the
// vowel harmony asks for: ApostropheSuffixes(U"atina", U"dan") is {"dan"},
// ApostropheSuffixes(U"antalya", U"dakıler") {"dakiler"},
// ApostropheSuffixes(U"artvin", U"ın") {"in"}. Empty when `typed` has
// more than six letters that fold.
std::vector<std::u32string> ApostropheSuffixes(std::u32string_view stem,
                                               std::u32string_view typed);

class FoldSearch {
 public:
  struct Limits {
    int max_probes = 1500;
    size_t max_letters = 40;
    size_t max_results = 32;
  };

  // `forms` must outlive the search.
  explicit FoldSearch(const FormSet& forms) : forms_(forms) {}
  FoldSearch(const FoldSearch&) = delete;
  FoldSearch& operator=(const FoldSearch&) = delete;

  // Appends to *found the distinct forms of the set, other than `lower`
  // and other than what *found already holds, that `lower` becomes by fold
  // choices and exactly `edits` (0 or 1) one-letter edits. Returns false
  // when a limit cut the search short (what was found is still appended).
  // `lower` is a lower-case word.
  bool Find(std::u32string_view lower, int edits,
            std::vector<std::u32string>* found) const {
    return Find(lower, edits, Limits(), found);
  }
  bool Find(std::u32string_view lower, int edits, const Limits& limits,
            std::vector<std::u32string>* found) const;

  // The same, with no edit, for words the set lacks because hunspell-tr
  // has no closing suffix on them: a form of two letters or more followed
  // by a closing suffix as written after it (ClosingSuffixesAfter(),
  // suffixes.h), the whole fold-equal to `lower` ("kahvelerdı" →
  // "kahvelerdi", "bekletebılırdı" → "bekletebilirdi"); and, when `lower`
  // has no apostrophe, a form followed by an apostrophe and one of
  // ApostropheSuffixes() ("atınadan" → "atina'dan": a name's suffix with
  // the apostrophe left out). Only such words that are not forms
  // themselves. Whether the form is a word in lower case, or a name, is
  // the caller's to check.
  bool FindSuffixed(std::u32string_view lower,
                    std::vector<std::u32string>* found) const {
    return FindSuffixed(lower, Limits(), found);
  }
  bool FindSuffixed(std::u32string_view lower, const Limits& limits,
                    std::vector<std::u32string>* found) const;

  // Find(lower, 0, forms) and FindSuffixed(lower, suffixed) in one walk,
  // for the cost of one (Limits::max_results applies to each).
  bool FindBoth(std::u32string_view lower, std::vector<std::u32string>* forms,
                std::vector<std::u32string>* suffixed) const {
    return FindBoth(lower, Limits(), forms, suffixed);
  }
  bool FindBoth(std::u32string_view lower, const Limits& limits,
                std::vector<std::u32string>* forms,
                std::vector<std::u32string>* suffixed) const;

 private:
  const FormSet& forms_;
};

}  // namespace newsroom::spelling::internal

#endif  // NEWSROOM_SPELLING_INTERNAL_FOLD_SEARCH_H_
