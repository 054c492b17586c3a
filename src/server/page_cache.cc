// The page cache. An article page renders in about 0.1 ms and is read
// thousands of times between changes, so the site keeps what it rendered;
// before this budget a client could fill memory by asking for variants
// (10,000 `?order=xN` requests held 1.47 GB). Now the keys are normalised
// by the site and the bytes are bounded here, least recently used first.
//
// Entries are shared_ptr<const Entry>: a reader copies the body outside
// the lock, and an entry evicted while being sent stays alive until sent.
// The ETag is a 64-bit FNV-1a of the body: a cache validator, not a
// security boundary, and cheap enough to compute once per render.
//
// Tested by page_cache_test.cc.
#include "server/page_cache.h"

#include <cstdio>

#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "text/hash.h"

namespace newsroom::server {

PageCache::PageCache(size_t max_bytes) : max_bytes_(max_bytes) {}

std::string PageCache::ETagOf(std::string_view body) {
  const uint64_t h = text::Fnv1a64(body);
  char out[24];
  std::snprintf(out, sizeof out, "\"%016llx\"",
                static_cast<unsigned long long>(h));
  return out;
}

bool PageCache::Matches(std::string_view if_none_match, std::string_view etag) {
  // Debian's Abseil has its own string_view.
  const absl::string_view header(if_none_match.data(), if_none_match.size());
  const absl::string_view tag(etag.data(), etag.size());
  for (absl::string_view item : absl::StrSplit(header, ',')) {
    item = absl::StripAsciiWhitespace(item);
    if (item == "*") return true;
    absl::ConsumePrefix(&item, "W/");
    if (!item.empty() && item == tag) return true;
  }
  return false;
}

size_t PageCache::Cost(const std::string& key, const Entry& entry) {
  // The strings, and roughly what the map, the list and the entry take.
  return key.size() * 2 + entry.body.size() + entry.etag.size() + 160;
}

std::shared_ptr<const PageCache::Entry> PageCache::Find(const std::string& key,
                                                        Generation generation) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = slots_.find(key);
  if (it == slots_.end() || it->second.entry->generation != generation) {
    return nullptr;
  }
  lru_.splice(lru_.begin(), lru_, it->second.lru);
  return it->second.entry;
}

std::shared_ptr<const PageCache::Entry> PageCache::Insert(
    const std::string& key, Generation generation, std::string body) {
  auto entry = std::make_shared<Entry>();
  entry->generation = generation;
  entry->etag = ETagOf(body);
  entry->body = std::move(body);
  const size_t cost = Cost(key, *entry);
  std::lock_guard<std::mutex> lock(mu_);
  auto it = slots_.find(key);
  if (it != slots_.end()) {
    // A newer render wins; an older one (a slow renderer that started
    // before a change) must not replace it.
    if (it->second.entry->generation.NewerInPartThan(generation)) {
      return entry;
    }
    bytes_ -= Cost(key, *it->second.entry);
    lru_.erase(it->second.lru);
    slots_.erase(it);
  }
  if (cost > max_bytes_) return entry;
  lru_.push_front(key);
  slots_.emplace(key, Slot{entry, lru_.begin()});
  bytes_ += cost;
  EvictLocked();
  return entry;
}

void PageCache::EvictLocked() {
  while (bytes_ > max_bytes_ && !lru_.empty()) {
    auto it = slots_.find(lru_.back());
    bytes_ -= Cost(it->first, *it->second.entry);
    slots_.erase(it);
    lru_.pop_back();
  }
}

size_t PageCache::bytes() const {
  std::lock_guard<std::mutex> lock(mu_);
  return bytes_;
}

size_t PageCache::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return slots_.size();
}

}  // namespace newsroom::server
