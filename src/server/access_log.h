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
// The value of a `key` query parameter (an API key) is written as
// REDACTED, however its name is escaped ("?%6Bey=…" is "key" to the
// server, so it is to the log).
// Thread-safe: each line is written whole, under a lock.
#ifndef NEWSROOM_SERVER_ACCESS_LOG_H_
#define NEWSROOM_SERVER_ACCESS_LOG_H_

#include <cstddef>
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

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

  // `target` with the value of every `key` parameter replaced by REDACTED.
  static std::string Redacted(std::string_view target);

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
