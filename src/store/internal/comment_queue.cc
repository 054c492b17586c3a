// Tested through store_contract_test.cc (ConcurrentPostersShareCommits…,
// ABadCommentInABatchFailsAlone, DestructionWritesEveryQueuedComment).
#include "store/internal/comment_queue.h"

#include <algorithm>
#include <utility>

namespace newsroom::store::internal {

CommentQueue::CommentQueue(int max_batch, WriteFn write)
    : max_batch_(static_cast<size_t>(std::max(max_batch, 1))),
      write_(std::move(write)) {
  thread_ = std::thread([this] { Loop(); });
}

CommentQueue::~CommentQueue() { Stop(); }

void CommentQueue::Stop() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  if (thread_.joinable()) thread_.join();
}

void CommentQueue::Add(NewComment comment, Store::CommentCallback done) {
  {
    absl::MutexLock lock(&mu_);
    if (!stopping_) {
      queue_.push_back(PendingComment{std::move(comment), std::move(done)});
      return;
    }
  }
  done(absl::UnavailableError("the comment store is closing"));
}

void CommentQueue::Loop() {
  for (;;) {
    std::vector<PendingComment> batch;
    {
      absl::MutexLock lock(&mu_);
      auto ready = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
        return stopping_ || !queue_.empty();
      };
      mu_.Await(absl::Condition(&ready));
      if (queue_.empty()) return;  // stopping, and everything written
      const size_t n = std::min(queue_.size(), max_batch_);
      batch.reserve(n);
      for (size_t i = 0; i < n; ++i) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    std::vector<absl::StatusOr<Comment>> results = write_(batch);
    for (size_t i = 0; i < batch.size(); ++i) {
      batch[i].done(i < results.size()
                        ? std::move(results[i])
                        : absl::InternalError("a comment got no result"));
    }
  }
}

}  // namespace newsroom::store::internal
