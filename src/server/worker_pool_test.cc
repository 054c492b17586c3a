#include "server/worker_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <future>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

namespace newsroom::server {
namespace {

TEST(WorkerPoolTest, RunsEveryTaskOffTheCallersThread) {
  std::atomic<int> done{0};
  std::mutex mu;
  std::set<std::thread::id> ids;
  {
    WorkerPool pool({.threads = 2, .max_queued = 1000});
    EXPECT_EQ(pool.threads(), 2);
    for (int i = 0; i < 100; ++i) {
      ASSERT_TRUE(pool.TrySubmit([&] {
        std::lock_guard<std::mutex> lock(mu);
        ids.insert(std::this_thread::get_id());
        ++done;
      }));
    }
  }  // the destructor runs what is queued
  EXPECT_EQ(done.load(), 100);
  EXPECT_EQ(ids.count(std::this_thread::get_id()), 0u);
}

TEST(WorkerPoolTest, AFullQueueRefusesAtOnce) {
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::promise<void> started;
  WorkerPool pool({.threads = 1, .max_queued = 2});
  ASSERT_TRUE(pool.TrySubmit([&] {
    started.set_value();
    released.wait();
  }));
  started.get_future().wait();  // the one thread is busy
  EXPECT_TRUE(pool.TrySubmit([] {}));
  EXPECT_TRUE(pool.TrySubmit([] {}));
  EXPECT_EQ(pool.queued(), 2u);
  bool ran = false;
  EXPECT_FALSE(pool.TrySubmit([&] { ran = true; }));
  release.set_value();
  // Room again once the queue drains.
  std::promise<void> later;
  for (;;) {
    if (pool.TrySubmit([&] { later.set_value(); })) break;
    std::this_thread::yield();
  }
  later.get_future().wait();
  EXPECT_FALSE(ran);
}

TEST(WorkerPoolTest, ATaskThatThrowsDoesNotKillItsThread) {
  WorkerPool pool({.threads = 1, .max_queued = 10});
  ASSERT_TRUE(pool.TrySubmit([] { throw std::runtime_error("kaboom"); }));
  std::promise<int> after;
  ASSERT_TRUE(pool.TrySubmit([&] { after.set_value(42); }));
  EXPECT_EQ(after.get_future().get(), 42);
}

}  // namespace
}  // namespace newsroom::server
