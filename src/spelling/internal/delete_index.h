// A symmetric-delete index (the idea of Wolf Garbe's SymSpell) over a list
// of words, for finding the words within a small edit distance of a typo
// without comparing it to every word.
//
//   DeleteIndex index({U"bilgisayar", U"haber"});
//   std::vector<uint32_t> ids;
//   index.Candidates(U"bilgisyar", 2, &ids);  // ids contains 0
//
// Each word is indexed under its ASCII-folded form and every form with one
// letter deleted; a query looks up its own folded form with up to
// `max_query_deletes` letters deleted. A word and a query meet when one
// insertion, deletion, substitution or swap (plus any number of ı/i, ş/s
// … differences) separates them, and also when the query carries up to
// `max_query_deletes` extra letters. Candidates are only candidates: the
// caller measures the real distance.
//
// Forms are keyed by their FormHash fingerprints (form_hash.h), computed
// for every deletion without building it; a lookup is a directory probe by
// the fingerprint's top bits and a scan of about two entries, and a
// query's lookups are issued together so that their cache misses overlap.
//
// Immutable after construction; thread-safe.
#ifndef NEWSROOM_SPELLING_INTERNAL_DELETE_INDEX_H_
#define NEWSROOM_SPELLING_INTERNAL_DELETE_INDEX_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsroom::spelling::internal {

class DeleteIndex {
 public:
  // `words` are lower case; ids are positions in `words`.
  explicit DeleteIndex(const std::vector<std::u32string>& words);

  // Appends to *ids (without duplicates) the ids of words the query may be
  // a typo of, in a fixed order for a given query and index: the query's
  // folded form first, then its deletions from left to right (each
  // followed by its own deletions when max_query_deletes is 2); the ids
  // under one form in increasing order. `query` is lower case;
  // max_query_deletes is 0, 1 or 2.
  void Candidates(std::u32string_view query, int max_query_deletes,
                  std::vector<uint32_t>* ids) const;

  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    uint64_t key;
    uint32_t id;
  };
  std::vector<Entry> entries_;       // sorted by key, then id
  std::vector<uint32_t> directory_;  // bucket b: entries_[dir[b], dir[b+1])
  int shift_ = 64;                   // bucket of a key: key >> shift_
};

}  // namespace newsroom::spelling::internal

#endif  // NEWSROOM_SPELLING_INTERNAL_DELETE_INDEX_H_
