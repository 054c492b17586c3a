// Reading a multipart/form-data body (RFC 7578): the form an HTML page
// sends when it carries a file, as the editors' desk does with a photo.
//
//   absl::StatusOr<std::vector<FormPart>> parts =
//       ParseMultipart(request.header("content-type"), request.body);
//   if (!parts.ok()) return BadRequest(parts.status().message());
//   for (const FormPart& p : *parts) {
//     if (p.name == "photo" && !p.filename.empty()) Upload(p.data);
//   }
//
// The parts point into `body`, which must outlive them. Limits keep a
// hostile body cheap: at most kMaxParts parts, part headers of at most
// kMaxPartHeaderBytes; the body's own size is the server's limit. Errors
// are InvalidArgument with a message that says what is wrong (no
// boundary, a part without a name, a body cut short, …). Pure functions;
// thread-safe.
#ifndef NEWSROOM_HTTP_MULTIPART_H_
#define NEWSROOM_HTTP_MULTIPART_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace newsroom::http {

inline constexpr size_t kMaxParts = 64;
inline constexpr size_t kMaxPartHeaderBytes = 4096;

struct FormPart {
  std::string name;          // the form field's name
  std::string filename;      // for a file; empty for a plain field
  std::string content_type;  // as sent; empty when not sent
  std::string_view data;     // the value or the file's bytes, into `body`
};

// The parts of `body`, in order. `content_type` is the request's
// Content-Type header, which must be multipart/form-data with a boundary.
absl::StatusOr<std::vector<FormPart>> ParseMultipart(
    std::string_view content_type, std::string_view body);

}  // namespace newsroom::http

#endif  // NEWSROOM_HTTP_MULTIPART_H_
