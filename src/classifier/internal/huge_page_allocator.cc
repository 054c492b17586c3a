// Blocks below kHugePageBytes go to operator new: a huge page for them would
// waste most of its 2 MiB. Larger blocks are rounded up to whole huge pages
// and aligned to one, because the kernel only maps a huge page over an
// aligned 2 MiB range of a mapping; the advice is given before the memory
// is first touched, so the page faults that fill the table already take
// huge pages. A failed madvise (kernel without THP) is ignored: the
// memory is still good.
//
// Tested by huge_page_allocator_test.cc.
#include "classifier/internal/huge_page_allocator.h"

#include <sys/mman.h>

#include <cstdlib>

namespace newsroom::classifier::internal {
namespace {

size_t RoundUp(size_t bytes) {
  return (bytes + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes;
}

}  // namespace

void* AllocateHugePageBacked(size_t bytes) {
  if (bytes < kHugePageBytes) return ::operator new(bytes);
  if (bytes > static_cast<size_t>(-1) - kHugePageBytes) throw std::bad_alloc();
  const size_t rounded = RoundUp(bytes);
  void* p = std::aligned_alloc(kHugePageBytes, rounded);
  if (p == nullptr) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
  madvise(p, rounded, MADV_HUGEPAGE);
#endif
  return p;
}

void DeallocateHugePageBacked(void* p, size_t bytes) {
  if (p == nullptr) return;
  if (bytes < kHugePageBytes) {
    ::operator delete(p);
  } else {
    std::free(p);
  }
}

}  // namespace newsroom::classifier::internal
