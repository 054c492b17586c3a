// The access log: one line per answered request — time, client, request
// line, status, bytes, time taken.
//
//   auto log = AccessLog::Open("/var/log/newsroom/access.log");
//   if (!log.ok()) return log.status();
//   (*log)->Write(request, 200, body.size(), absl::Microseconds(80));
//
//   2026-01-05T09:12:03.141Z 127.0.0.1 "GET /news/kopru-acildi" 200 5120
//   0.080ms
//
// What a client sent is printed escaped (control bytes, quotes and
// backslashes as \xNN), so that a request cannot forge or break lines.
// Thread-safe: each line is written whole, under a lock.
#ifndef NEWSROOM_SERVER_ACCESS_LOG_H_
#define NEWSROOM_SERVER_ACCESS_LOG_H_

#include <cstddef>
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "http/server.h"

namespace newsroom::server {

class AccessLog {
 public:
  // "-" (or empty): stderr; "off": nothing; else a file appended to
  // (InvalidArgument naming it when it cannot be opened).
  static absl::StatusOr<std::unique_ptr<AccessLog>> Open(
      const std::string& where);
  ~AccessLog();

  void Write(const http::Request& request, int status, size_t bytes,
             absl::Duration took);

  // The line Write() would write at `now`, without its newline.
  static std::string Line(const http::Request& request, int status,
                          size_t bytes, absl::Duration took, absl::Time now);

 private:
  AccessLog() = default;

  std::mutex mu_;
  std::FILE* file_ = nullptr;
  bool owned_ = false;
};

}  // namespace newsroom::server

#endif  // NEWSROOM_SERVER_ACCESS_LOG_H_
