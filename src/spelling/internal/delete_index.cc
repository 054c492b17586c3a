// The index is one sorted vector of (fingerprint of a delete form, word id)
// pairs: compact (16 bytes an entry, about eleven entries a word) and built
// with a single sort, so that building it for the whole word list takes
// tens of milliseconds. Fingerprints are polynomial hashes, close to
// uniform in [0, 2^61), so their top bits pick a bucket of a directory
// with about one bucket per two entries; a lookup reads two directory
// slots and scans the bucket. A query's forms (about forty, for two
// deletions from a ten-letter word) are first all hashed, then their
// directory slots and buckets prefetched, then scanned.
//
// A query's delete forms are visited depth first (a deletion, then the
// deletions of that), skipping a form seen before, exactly as the index
// used to when it built each form as a string; the order of the ids it
// returns is part of how the suggester breaks ties, so it is kept.
//
// Tested by delete_index_test.cc.
#include "spelling/internal/delete_index.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "spelling/internal/form_hash.h"
#include "spelling/internal/letters.h"

namespace newsroom::spelling::internal {
namespace {

std::u32string Folded(std::u32string_view s) {
  std::u32string out(s);
  for (char32_t& c : out) c = Fold(c);
  return out;
}

}  // namespace

DeleteIndex::DeleteIndex(const std::vector<std::u32string>& words) {
  entries_.reserve(words.size() * 10);
  for (uint32_t id = 0; id < words.size(); ++id) {
    std::u32string s = Folded(words[id]);
    EditHasher edits(s);
    entries_.push_back({edits.Whole(), id});
    if (s.size() <= 1) continue;
    for (size_t i = 0; i < s.size(); ++i) {
      if (i > 0 && s[i] == s[i - 1]) continue;  // same as deleting i-1
      entries_.push_back({edits.Deletion(i), id});
    }
  }
  std::sort(entries_.begin(), entries_.end(),
            [](const Entry& a, const Entry& b) {
              return a.key < b.key || (a.key == b.key && a.id < b.id);
            });
  // Equal (key, id) pairs only come from hash collisions inside one word.
  entries_.erase(std::unique(entries_.begin(), entries_.end(),
                             [](const Entry& a, const Entry& b) {
                               return a.key == b.key && a.id == b.id;
                             }),
                 entries_.end());
  int bits = 0;
  while (bits < 30 && (size_t{1} << bits) * 2 < entries_.size()) ++bits;
  shift_ = 61 - bits;
  directory_.assign((size_t{1} << bits) + 1, 0);
  size_t e = 0;
  for (size_t b = 0; b < (size_t{1} << bits); ++b) {
    directory_[b] = static_cast<uint32_t>(e);
    while (e < entries_.size() && (entries_[e].key >> shift_) == b) ++e;
  }
  directory_.back() = static_cast<uint32_t>(entries_.size());
}

void DeleteIndex::Candidates(std::u32string_view query, int max_query_deletes,
                             std::vector<uint32_t>* ids) const {
  std::u32string q = Folded(query);
  const size_t n = q.size();
  EditHasher edits(q);
  // The distinct delete forms, in the order of the traversal: at most the
  // query, its n deletions and their n(n-1)/2 pairs, room made at once
  // rather than by growing (a suggestion asks for a dozen-letter word's
  // seventy-odd forms).
  const size_t most = 1 + (max_query_deletes >= 1 ? n : 0) +
                      (max_query_deletes >= 2 ? n * (n - 1) / 2 : 0);
  std::vector<uint64_t> keys;
  keys.reserve(most);
  absl::flat_hash_set<uint64_t> seen;
  seen.reserve(most);
  auto visit = [&](uint64_t h) {
    if (!seen.insert(h).second) return false;
    keys.push_back(h);
    return true;
  };
  visit(edits.Whole());
  if (max_query_deletes >= 1 && n > 1) {
    for (size_t i = 0; i < n; ++i) {
      if (i > 0 && q[i] == q[i - 1]) continue;  // same as deleting i-1
      if (!visit(edits.Deletion(i))) continue;
      if (max_query_deletes < 2 || n - 1 <= 1) continue;
      // The deletions of q without letter i, by position jj in that form.
      auto at = [&](size_t jj) { return jj < i ? q[jj] : q[jj + 1]; };
      for (size_t jj = 0; jj + 1 < n; ++jj) {
        if (jj > 0 && at(jj) == at(jj - 1)) continue;
        size_t j = jj < i ? jj : jj + 1;  // position in q
        visit(edits.Deletion(std::min(i, j), std::max(i, j)));
      }
    }
  }
  // Look them up in three passes, so that the cache misses of each pass
  // overlap: directory slots, then entries, then the scan in order.
  // (A loop that only prefetches would be deleted by the compiler; the
  // first one stores the buckets.)
  std::vector<size_t> buckets(keys.size());
  for (size_t k = 0; k < keys.size(); ++k) {
    buckets[k] = keys[k] >> shift_;
    __builtin_prefetch(&directory_[buckets[k]]);
  }
  std::vector<std::pair<uint32_t, uint32_t>> ranges(keys.size());
  for (size_t k = 0; k < keys.size(); ++k) {
    ranges[k] = {directory_[buckets[k]], directory_[buckets[k] + 1]};
    if (ranges[k].first < ranges[k].second) {
      __builtin_prefetch(&entries_[ranges[k].first]);
    }
  }
  absl::flat_hash_set<uint32_t> found(ids->begin(), ids->end());
  for (size_t k = 0; k < keys.size(); ++k) {
    for (uint32_t e = ranges[k].first; e < ranges[k].second; ++e) {
      if (entries_[e].key == keys[k] && found.insert(entries_[e].id).second) {
        ids->push_back(entries_[e].id);
      }
    }
  }
}

}  // namespace newsroom::spelling::internal
