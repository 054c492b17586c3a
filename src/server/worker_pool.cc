// The worker pool: one mutex-guarded deque and a condition variable. The
// site submits a task per slow request (hundreds to thousands a second),
// far below what a single lock handles, so nothing cleverer is needed.
// A task that throws is caught here: the Responder it held answers 500 as
// it is destroyed, and the thread lives on.
//
// Tested by worker_pool_test.cc.
#include "server/worker_pool.h"

#include <cstdio>
#include <exception>

namespace newsroom::server {

WorkerPool::WorkerPool(WorkerPoolOptions options)
    : max_queued_(options.max_queued) {
  int n = options.threads;
  if (n <= 0) n = static_cast<int>(std::thread::hardware_concurrency());
  if (n <= 0) n = 1;
  threads_.reserve(n);
  for (int i = 0; i < n; ++i) threads_.emplace_back([this] { Run(); });
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (std::thread& t : threads_) t.join();
}

bool WorkerPool::TrySubmit(std::function<void()> task) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_ || queue_.size() >= max_queued_) return false;
    queue_.push_back(std::move(task));
  }
  ready_.notify_one();
  return true;
}

size_t WorkerPool::queued() const {
  std::lock_guard<std::mutex> lock(mu_);
  return queue_.size();
}

void WorkerPool::Run() {
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock<std::mutex> lock(mu_);
      ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left to run
      task = std::move(queue_.front());
      queue_.pop_front();
    }
    try {
      task();
    } catch (const std::exception& e) {
      std::fprintf(stderr, "newsroom: a worker task threw: %s\n", e.what());
    } catch (...) {
      std::fprintf(stderr, "newsroom: a worker task threw\n");
    }
  }
}

}  // namespace newsroom::server
