// A progress line on stderr for long batch jobs, shown only when stderr is
// a terminal.
//
//   Progress progress(total_lines);   // total 0 when unknown
//   for (…) { …; progress.Tick(); }
//   progress.Finish();
//
// Not thread-safe: one Progress per loop.
#ifndef NEWSROOM_APP_PROGRESS_H_
#define NEWSROOM_APP_PROGRESS_H_

#include <chrono>
#include <cstdint>

namespace newsroom::app {

class Progress {
 public:
  // Inputs with fewer lines than this get no progress line.
  static constexpr int64_t kMinLines = 2000;

  // `total` is the number of items, or 0 when unknown.
  explicit Progress(int64_t total);
  ~Progress();

  void Tick();
  void Finish();

 private:
  void Draw(bool final);

  int64_t total_;
  int64_t done_ = 0;
  bool enabled_;
  bool finished_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace newsroom::app

#endif  // NEWSROOM_APP_PROGRESS_H_
