// The index is one sorted vector of (hash of a delete form, word id) pairs:
// compact (16 bytes an entry, about eleven entries a word) and built with a
// single sort, so that building it for the whole word list takes tens of
// milliseconds. Lookups are binary searches.
//
// Tested by delete_index_test.cc.
#include "spelling/internal/delete_index.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "spelling/internal/letters.h"

namespace newsroom::spelling::internal {
namespace {

std::u32string Folded(std::u32string_view s) {
  std::u32string out(s);
  for (char32_t& c : out) c = Fold(c);
  return out;
}

// Calls fn(hash) for `s` and for each distinct form of `s` with up to
// `depth` letters deleted.
template <typename Fn>
void ForEachDelete(const std::u32string& s, int depth,
                   absl::flat_hash_set<uint64_t>* seen, Fn fn) {
  uint64_t h = HashU32(s);
  if (!seen->insert(h).second) return;
  fn(h);
  if (depth == 0 || s.size() <= 1) return;
  std::u32string shorter;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && s[i] == s[i - 1]) continue;  // same result as deleting i-1
    shorter.assign(s, 0, i);
    shorter.append(s, i + 1);
    ForEachDelete(shorter, depth - 1, seen, fn);
  }
}

}  // namespace

uint64_t HashU32(std::u32string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (char32_t c : s) {
    h ^= static_cast<uint64_t>(c);
    h *= 1099511628211ull;
  }
  return h;
}

DeleteIndex::DeleteIndex(const std::vector<std::u32string>& words) {
  entries_.reserve(words.size() * 10);
  absl::flat_hash_set<uint64_t> seen;
  for (uint32_t id = 0; id < words.size(); ++id) {
    seen.clear();
    ForEachDelete(Folded(words[id]), 1, &seen, [&](uint64_t h) {
      entries_.push_back({h, id});
    });
  }
  std::sort(entries_.begin(), entries_.end(),
            [](const Entry& a, const Entry& b) {
              return a.key < b.key || (a.key == b.key && a.id < b.id);
            });
}

void DeleteIndex::Candidates(std::u32string_view query, int max_query_deletes,
                             std::vector<uint32_t>* ids) const {
  absl::flat_hash_set<uint64_t> seen;
  absl::flat_hash_set<uint32_t> found(ids->begin(), ids->end());
  ForEachDelete(Folded(query), max_query_deletes, &seen, [&](uint64_t h) {
    auto it = std::lower_bound(
        entries_.begin(), entries_.end(), h,
        [](const Entry& e, uint64_t key) { return e.key < key; });
    for (; it != entries_.end() && it->key == h; ++it) {
      if (found.insert(it->id).second) ids->push_back(it->id);
    }
  });
}

}  // namespace newsroom::spelling::internal
