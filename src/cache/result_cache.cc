// Tested by result_cache_test.cc.
#include "cache/result_cache.h"

namespace newsroom::cache {

size_t SetsPerShard(int capacity, int ways, int shards) {
  size_t sets = 1;
  while (sets * static_cast<size_t>(ways) * static_cast<size_t>(shards) <
         static_cast<size_t>(capacity)) {
    sets *= 2;
  }
  return sets;
}

}  // namespace newsroom::cache
