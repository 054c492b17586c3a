// The access log. A file is written in whole 64 KiB blocks rather than
// line by line: under load the log is one fwrite a request into a buffer,
// and the kernel sees a write every few hundred requests. Every line
// reaches the file when the server exits (fclose flushes).
//
// Tested by access_log_test.cc.
#include "server/access_log.h"

#include <optional>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"

namespace newsroom::server {
namespace {

// Bytes a client chose, printable and unable to end the field.
std::string Escaped(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char ch : s) {
    if (ch < 0x20 || ch == '"' || ch == '\\' || ch >= 0x7f) {
      absl::StrAppend(&out, "\\x", absl::Hex(ch, absl::kZeroPad2));
    } else {
      out.push_back(static_cast<char>(ch));
    }
  }
  return out;
}

// Whether a query parameter's name, once decoded as a server reads it
// ("%6Bey" is "key"), is one whose value must not be written down.
bool IsSecretName(std::string_view encoded_name) {
  std::optional<std::string> name = http::PercentDecode(encoded_name, true);
  return name.has_value() && *name == "key";
}

}  // namespace

std::string AccessLog::Redacted(std::string_view target) {
  const size_t q = target.find('?');
  if (q == std::string_view::npos) return std::string(target);
  std::string out(target.substr(0, q + 1));
  std::string_view rest = target.substr(q + 1);
  bool first = true;
  while (true) {
    const size_t amp = rest.find('&');
    std::string_view param = rest.substr(0, amp);
    if (!first) out.push_back('&');
    first = false;
    const size_t eq = param.find('=');
    if (IsSecretName(param.substr(0, eq))) {
      out.append(param.substr(0, eq));
      out.append("=REDACTED");
    } else {
      out.append(param);
    }
    if (amp == std::string_view::npos) break;
    rest = rest.substr(amp + 1);
  }
  return out;
}

absl::StatusOr<std::unique_ptr<AccessLog>> AccessLog::Open(
    const std::string& where) {
  auto log = std::unique_ptr<AccessLog>(new AccessLog);
  if (where == "off") return log;
  if (where == "-" || where.empty()) {
    log->file_ = stderr;
    return log;
  }
  log->file_ = std::fopen(where.c_str(), "a");
  if (log->file_ == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot open access log ", where));
  }
  log->owned_ = true;
  std::setvbuf(log->file_, nullptr, _IOFBF, 1 << 16);
  return log;
}

AccessLog::~AccessLog() {
  if (owned_ && file_ != nullptr) std::fclose(file_);
}

std::string AccessLog::Line(const http::Request& request, int status,
                            size_t bytes, absl::Duration took, absl::Time now) {
  return absl::StrCat(
      absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", now, absl::UTCTimeZone()), " ",
      request.remote_address, " \"",
      request.method.size() <= 16 ? Escaped(request.method) : "?", " ",
      Escaped(Redacted(request.target)), "\" ", status, " ", bytes, " ",
      absl::StrFormat("%.3fms", absl::ToDoubleMilliseconds(took)));
}

void AccessLog::Write(const http::Request& request, int status, size_t bytes,
                      absl::Duration took) {
  if (file_ == nullptr) return;
  std::string line = Line(request, status, bytes, took, absl::Now());
  line.push_back('\n');
  std::lock_guard<std::mutex> lock(mu_);
  std::fwrite(line.data(), 1, line.size(), file_);
}

}  // namespace newsroom::server
