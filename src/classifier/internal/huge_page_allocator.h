// An allocator for large read-mostly tables that are read at random, such as
// the classifier's weight table (8 MiB at 2^22 buckets): blocks of 2 MiB or
// more are aligned to 2 MiB and the kernel is asked to back them with
// transparent huge pages.
//
//   std::vector<int16_t, HugePageAllocator<int16_t>> weights;
//   weights.assign(size_t{1} << 22, 0);   // four 2 MiB pages, if granted
//
// Why: scoring a tweet reads about 1,700 weights spread over the whole
// table. With 4 KiB pages the table spans 2,048 pages, more than the
// second-level TLB holds next to everything else the engine touches, so most
// reads also miss the TLB, and a TLB miss under a hypervisor is a
// two-dimensional page walk. Four 2 MiB pages stay in the TLB.
//
// The request is advice (madvise(MADV_HUGEPAGE)): when transparent huge
// pages are off ("never" in /sys/kernel/mm/transparent_hugepage/enabled) or
// the kernel cannot find free 2 MiB frames, the table is an ordinary
// allocation, only aligned, and everything works the same, a little slower.
// Smaller blocks come from operator new. Stateless: every instance is
// interchangeable (operator== is true), so containers may swap and move
// freely.
#ifndef NEWSROOM_CLASSIFIER_INTERNAL_HUGE_PAGE_ALLOCATOR_H_
#define NEWSROOM_CLASSIFIER_INTERNAL_HUGE_PAGE_ALLOCATOR_H_

#include <cstddef>
#include <new>

namespace newsroom::classifier::internal {

// The huge page size the allocator aligns to.
inline constexpr size_t kHugePageBytes = size_t{2} << 20;

// Allocates `bytes` as described above. Throws std::bad_alloc on failure,
// like operator new. REQUIRES: bytes > 0
void* AllocateHugePageBacked(size_t bytes);
// Frees a block from AllocateHugePageBacked(bytes), with the same `bytes`.
void DeallocateHugePageBacked(void* p, size_t bytes);

template <typename T>
class HugePageAllocator {
 public:
  using value_type = T;

  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}  // NOLINT: rebinding

  T* allocate(size_t n) {
    if (n > static_cast<size_t>(-1) / sizeof(T)) throw std::bad_alloc();
    return static_cast<T*>(AllocateHugePageBacked(n * sizeof(T)));
  }
  void deallocate(T* p, size_t n) {
    DeallocateHugePageBacked(p, n * sizeof(T));
  }

  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const {
    return true;
  }
};

}  // namespace newsroom::classifier::internal

#endif  // NEWSROOM_CLASSIFIER_INTERNAL_HUGE_PAGE_ALLOCATOR_H_
