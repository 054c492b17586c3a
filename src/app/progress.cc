#include "app/progress.h"

#include <unistd.h>

#include <cstdio>
#include <string>

namespace newsroom::app {

Progress::Progress(int64_t total)
    : total_(total),
      enabled_(isatty(STDERR_FILENO) != 0),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

Progress::~Progress() { Finish(); }

void Progress::Tick() {
  ++done_;
  if (!enabled_ || (done_ & 63) != 0) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  if (done_ >= kMinLines || total_ >= kMinLines) Draw(false);
}

void Progress::Finish() {
  if (finished_) return;
  finished_ = true;
  if (enabled_ && (done_ >= kMinLines || total_ >= kMinLines)) Draw(true);
}

void Progress::Draw(bool final) {
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_)
          .count();
  double rate = seconds > 0 ? done_ / seconds : 0;
  std::string bar;
  if (total_ > 0) {
    int filled = static_cast<int>(30.0 * done_ / total_);
    bar = "[" + std::string(filled, '#') + std::string(30 - filled, ' ') + "] ";
    std::fprintf(stderr, "\r%s%lld/%lld comments, %.0f/s", bar.c_str(),
                 static_cast<long long>(done_), static_cast<long long>(total_),
                 rate);
  } else {
    std::fprintf(stderr, "\r%lld comments, %.0f/s",
                 static_cast<long long>(done_), rate);
  }
  if (final) std::fputc('\n', stderr);
  std::fflush(stderr);
}

}  // namespace newsroom::app
