// A fixed set of threads for the site's slow work — the moderation engine,
// argon2id, libvips — so that the HTTP server's I/O threads only read,
// route and write, and a slow request never stalls the others (or
// /healthz) on the same I/O thread.
//
//   WorkerPool pool({.threads = 2, .max_queued = 256});
//   if (!pool.TrySubmit([=] { Moderate(text); respond(...); })) {
//     respond(503 with Retry-After);  // full: shed, do not queue forever
//   }
//
// Work runs in the order submitted, each on one of the threads. The queue
// is bounded: when max_queued tasks wait, TrySubmit refuses at once, so an
// overload is answered (503) rather than piled up in memory. The
// destructor runs what is queued, then joins. Thread-safe.
#ifndef NEWSROOM_SERVER_WORKER_POOL_H_
#define NEWSROOM_SERVER_WORKER_POOL_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace newsroom::server {

struct WorkerPoolOptions {
  // Threads; 0: one per core. The engine is CPU-bound, so more threads
  // than cores only add waiting.
  int threads = 0;
  // Tasks that may wait for a thread; beyond, TrySubmit refuses.
  size_t max_queued = 256;
};

class WorkerPool {
 public:
  explicit WorkerPool(WorkerPoolOptions options);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Queues `task`; false (and `task` dropped, not run) when the queue is
  // full or the pool is shutting down.
  bool TrySubmit(std::function<void()> task);

  // Tasks waiting now (for metrics).
  size_t queued() const;
  int threads() const { return static_cast<int>(threads_.size()); }

 private:
  void Run();

  const size_t max_queued_;
  mutable std::mutex mu_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> queue_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace newsroom::server

#endif  // NEWSROOM_SERVER_WORKER_POOL_H_
