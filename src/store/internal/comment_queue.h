// The comments waiting for their commit, and the thread that writes them a
// batch at a time: group commit, shared by every backend, which differ only
// in how a batch is written.
//
//   CommentQueue queue(256, [this](std::vector<PendingComment>& batch) {
//     return WriteBatch(batch);  // one result per comment, in order
//   });
//   queue.Add(comment, done);     // returns at once; done runs after commit
//
// The writer thread takes everything queued (up to `max_batch`), calls
// `write` with it, and then runs each comment's callback with its result,
// in order. Stop() (and destruction) writes every comment queued before it
// began; a comment added after that is answered Unavailable at once.
//
// Thread-safe: Add from any thread. `write` and the callbacks run on the
// queue's thread.
#ifndef NEWSROOM_STORE_INTERNAL_COMMENT_QUEUE_H_
#define NEWSROOM_STORE_INTERNAL_COMMENT_QUEUE_H_

#include <deque>
#include <functional>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "store/store.h"

namespace newsroom::store::internal {

struct PendingComment {
  NewComment comment;
  Store::CommentCallback done;
};

class CommentQueue {
 public:
  using WriteFn = std::function<std::vector<absl::StatusOr<Comment>>(
      std::vector<PendingComment>& batch)>;

  // Starts the writer thread. max_batch is at least 1.
  CommentQueue(int max_batch, WriteFn write);
  ~CommentQueue();  // Stop()
  CommentQueue(const CommentQueue&) = delete;
  CommentQueue& operator=(const CommentQueue&) = delete;

  void Add(NewComment comment, Store::CommentCallback done);
  // Writes what is queued and ends the thread. Idempotent.
  void Stop();

 private:
  void Loop();

  const size_t max_batch_;
  const WriteFn write_;
  absl::Mutex mu_;
  std::deque<PendingComment> queue_ ABSL_GUARDED_BY(mu_);
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace newsroom::store::internal

#endif  // NEWSROOM_STORE_INTERNAL_COMMENT_QUEUE_H_
