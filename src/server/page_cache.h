// Rendered answers the site shares among readers — article pages and the
// JSON comment lists the embed reads — kept while the site's content has
// not changed, within a memory budget.
//
//   PageCache cache(64 << 20);
//   auto hit = cache.Find(key, generation);
//   if (hit == nullptr) hit = cache.Insert(key, generation, Render());
//   if (IfNoneMatch(request, hit->etag)) answer 304; else answer hit->body;
//
// An entry is valid for the generation it was rendered at (the site moves
// its generation whenever an article or the set of published comments
// changes); Find() never returns an older one. The cache holds at most
// `max_bytes` of keys and bodies: inserting beyond drops the least
// recently used entries first, and a body larger than the whole budget is
// returned but not kept. Keys are the caller's, and must be normalised by
// it (a finite set per article), so that clients cannot mint new ones.
//
// Each entry carries a strong ETag computed from its body, so a client's
// If-None-Match still matches after the generation moves if the answer
// did not change. Thread-safe; entries are immutable and shared.
#ifndef NEWSROOM_SERVER_PAGE_CACHE_H_
#define NEWSROOM_SERVER_PAGE_CACHE_H_

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace newsroom::server {

class PageCache {
 public:
  // What an entry was rendered at: the site's own count of changes on
  // this node, and the store's PageGeneration() (every node's). Both only
  // grow.
  struct Generation {
    uint64_t site = 0;
    uint64_t store = 0;
    bool operator==(const Generation& o) const {
      return site == o.site && store == o.store;
    }
    // True when either count has moved past `o`'s.
    bool NewerInPartThan(const Generation& o) const {
      return site > o.site || store > o.store;
    }
  };
  struct Entry {
    Generation generation;
    std::string body;
    std::string etag;  // "\"<16 hex digits>\"", quotes included
  };

  explicit PageCache(size_t max_bytes);

  // The entry under `key` rendered at `generation`; null when there is
  // none (or only an older one).
  std::shared_ptr<const Entry> Find(const std::string& key,
                                    Generation generation);
  // Stores `body` under `key` for `generation` and returns the entry (also
  // when it is too large to keep).
  std::shared_ptr<const Entry> Insert(const std::string& key,
                                      Generation generation, std::string body);

  size_t bytes() const;
  size_t size() const;

  // The ETag of a body.
  static std::string ETagOf(std::string_view body);
  // True when an If-None-Match header value names `etag` (or is "*"),
  // comparing weakly as RFC 9110 §13.1.2 asks: W/"x" matches "x".
  static bool Matches(std::string_view if_none_match, std::string_view etag);

 private:
  struct Slot {
    std::shared_ptr<const Entry> entry;
    std::list<std::string>::iterator lru;  // position in lru_
  };
  static size_t Cost(const std::string& key, const Entry& entry);
  void EvictLocked();

  const size_t max_bytes_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Slot> slots_;
  std::list<std::string> lru_;  // most recently used first
  size_t bytes_ = 0;
};

}  // namespace newsroom::server

#endif  // NEWSROOM_SERVER_PAGE_CACHE_H_
