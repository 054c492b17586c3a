// Every word form a suffix-only Hunspell dictionary accepts, as a set of
// fingerprints: the suggester's way to ask "is this edit of the typo a
// word?" hundreds of times in microseconds, and the checker's way to know
// Hunspell's answer for most words without asking it.
//
//   auto forms = FormSet::Load("/usr/share/hunspell/tr_TR.aff",
//                              "/usr/share/hunspell/tr_TR.dic");
//   (*forms)->Contains(U"gelmiyorum");   // true: stem "gel"… + suffix flag
//   (*forms)->Contains(U"ankara'da");    // true (lower-cased)
//   (*forms)->Accepts(U"ankara'da");     // false: written "Ankara'da"
//
// Debian's hunspell-tr describes Turkish as 371 thousand entries, each
// with a list of suffix flags, every flag one suffix string without
// continuation: the language it accepts is finite (1.35 million forms) and
// can be listed. Forms are stored lower-cased (Turkish rules) as their
// FormHash fingerprints (form_hash.h), with bits saying whether a form is
// written in lower case, title case or capitals: 16 MB, built in about 0.4
// seconds with the filters below. A hash collision can make the set say yes to
// a non-word with probability ~1e-11 a lookup.
//
// Most lookups are of non-words (edits of a typo), so a 2.7 MB Bloom
// filter (bloom_filter.h) sits in front of the exact set and refuses 99.6 %
// of them in a few instructions. With EditHasher the suggester looks up an
// edit of a word without building it, and Splits() tells it where in the
// word an edit can give a form at all, from two more filters holding every
// prefix and every suffix of every form (7 MB for hunspell-tr): no edit of
// "gelmiyrum" at its start gives a form, because no form ends in
// "elmiyrum". The prefix filter is keyed with a base fixed for every
// process (MayBePrefix()), so that a search it prunes behaves the same in
// every run; whether a word is a form is only ever answered on the random
// fingerprint.
//
//   EditHasher edits(U"gelmiyrum");
//   (*forms)->ContainsHash(edits.Insertion(7, U'o'));   // "gelmiyorum": true
//   std::vector<char> starts, ends;
//   (*forms)->Splits(edits, &starts, &ends);  // ends[1] 0, ends[7] 1
//
// Supported affix files: FLAG num or the default one-character flags; SFX
// rules with strip strings and conditions made of letters and [..] / [^..]
// groups. PFX rules and continuation flags are ignored (their forms are
// missing from the set; Hunspell itself still knows them). When the affix
// file uses nothing else (hunspell-tr uses SET, LANG tr_TR, TRY, FLAG and
// SFX only), the set holds exactly the words Hunspell accepts, and
// covers_dictionary() says so: then Accepts() answers for Hunspell.
//
// Immutable after Load(); thread-safe.
#ifndef NEWSROOM_SPELLING_INTERNAL_FORM_SET_H_
#define NEWSROOM_SPELLING_INTERNAL_FORM_SET_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "spelling/internal/bloom_filter.h"
#include "spelling/internal/form_hash.h"

namespace newsroom::spelling::internal {

class FormSet {
 public:
  // NotFound when a file is missing; InvalidArgument naming the file and
  // line when the affix file uses a flag type other than num or the
  // default. Fingerprints are FormHash(…, hash_base) (form_hash.h): tests
  // pass a base of their own, to see that no answer depends on it.
  static absl::StatusOr<std::unique_ptr<const FormSet>> Load(
      const std::string& aff_path, const std::string& dic_path,
      uint64_t hash_base = kFormHashBase);

  // The base of every fingerprint the set is asked about: FormHash(lower,
  // hash_base()), EditHasher(word, hash_base()).
  uint64_t hash_base() const { return hash_base_; }

  // Whether some form has this lower case. `lower` is a lower-case word.
  bool Contains(std::u32string_view lower) const {
    return ContainsHash(FormHash(lower, hash_base_));
  }
  // The same for a word's fingerprint, FormHash(lower, hash_base()) or an
  // edit's from an EditHasher with that base.
  bool ContainsHash(uint64_t fingerprint) const {
    return filter_.MayContain(fingerprint) && Find(fingerprint) != kEmpty;
  }
  // found[k] = ContainsHash(fingerprints[k]) for k < n: the same answers,
  // several times faster for a batch of a few dozen, whose cache lines are
  // then fetched together instead of one after another.
  void ContainsHashes(const uint64_t* fingerprints, size_t n,
                      bool* found) const;

  // Where in `word` (of n letters) an edit can make a form, as two arrays
  // of n + 1 flags: (*starts)[i] is 0 when no form begins with word[0, i),
  // (*ends)[j] is 0 when no form ends with word[j, n). So replacing,
  // deleting or inserting letters in place of word[i, j) can give a form
  // only if (*starts)[i] && (*ends)[j]. A 1 proves nothing (the filters
  // have false positives); a 0 is certain. REQUIRES: word.base() ==
  // hash_base().
  void Splits(const EditHasher& word, std::vector<char>* starts,
              std::vector<char>* ends) const;

  // Whether some form may begin with the word whose key this is: its
  // FormHash with kFixedHashBase (form_hash.h), not with hash_base(), ""
  // and whole forms included. A walk that builds a word letter by letter
  // stops where this says no. The no is certain; a yes is wrong 2–3 % of
  // the time, for the same words in every process, so that a search
  // bounded by how often it asks stops at the same place in each.
  bool MayBePrefix(uint64_t prefix_key) const {
    return prefix_filter_.MayContain(prefix_key);
  }

  // True when the set holds exactly the words Hunspell accepts with these
  // files, with Hunspell's capitals: the affix file has only SET UTF-8,
  // LANG tr_TR (so that Hunspell's case mapping is Turkish, as here), TRY,
  // FLAG, KEY, REP, MAP and SFX lines, the suffixes no continuation flags
  // and no capitals, and the dictionary no escaped characters and no
  // forbidden-word flag.
  bool covers_dictionary() const { return covers_dictionary_; }

  // Hunspell's Spell(word) for a word as typed, when the set can tell: the
  // set covers the dictionary, and `word` is made of letters and
  // apostrophes (Hunspell reads numbers, splits at hyphens, drops final
  // dots, and ’ is left to it too) and either no form has its lower case,
  // or it is in lower case (accepted when a form is written so), in title
  // case (accepted when a form is written so or in lower case), or in
  // capitals without an apostrophe (accepted when a form is written in
  // capitals, title or lower case; Hunspell refuses a leading İ, so that
  // is left to it). std::nullopt otherwise ("iPhone", "ANKARA'DA",
  // "İSTANBUL"): ask Hunspell.
  std::optional<bool> Accepts(std::u32string_view word) const;

  // Distinct lower-case forms (but for collisions).
  size_t size() const { return size_; }

 private:
  // A table entry: the fingerprint (61 bits, never all ones) and how forms
  // with that lower case are written.
  static constexpr uint64_t kFingerprintBits = (uint64_t{1} << 61) - 1;
  static constexpr uint64_t kLowerCase = uint64_t{1} << 61;
  static constexpr uint64_t kTitleCase = uint64_t{1} << 62;
  static constexpr uint64_t kUpperCase = uint64_t{1} << 63;
  static constexpr uint64_t kEmpty = ~uint64_t{0};

  FormSet() = default;
  size_t Slot(uint64_t fingerprint) const {
    return static_cast<size_t>((fingerprint * 0x9e3779b97f4a7c15ull) >>
                               table_shift_);
  }
  // The entry for `fingerprint`, or kEmpty.
  uint64_t Find(uint64_t fingerprint) const {
    for (size_t i = Slot(fingerprint);; i = (i + 1) & table_mask_) {
      uint64_t e = table_[i];
      if (e == kEmpty || (e & kFingerprintBits) == fingerprint) return e;
    }
  }
  void Insert(uint64_t entry);

  // Open addressing with linear probing, at most 70 % full.
  std::vector<uint64_t> table_ = {kEmpty, kEmpty};
  size_t table_mask_ = 1;
  int table_shift_ = 63;  // 64 − log2(table size)
  size_t size_ = 0;
  uint64_t hash_base_ = kFormHashBase;
  bool covers_dictionary_ = false;
  BloomFilter filter_{0, 1};  // every fingerprint in table_
  // Every prefix of every form ("" and the form too) by its key with
  // kFixedHashBase; every suffix by its fingerprint.
  BloomFilter prefix_filter_{0, 1};
  BloomFilter suffix_filter_{0, 1};
};

}  // namespace newsroom::spelling::internal

#endif  // NEWSROOM_SPELLING_INTERNAL_FORM_SET_H_
