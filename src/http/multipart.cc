// A multipart body is a list of parts between delimiter lines
// ("--" boundary); each part is MIME headers, a blank line, and the bytes
// up to the CRLF before the next delimiter. The parser is one pass of
// string_view::find over the body, so its cost is linear in the body and
// it copies nothing but names. Only what browsers send is needed: the
// Content-Disposition's name and filename (quoted, with \" and \\ as
// escapes), and Content-Type. Bare LF line ends are accepted, as some
// clients send them.
//
// Tested by multipart_test.cc.
#include "http/multipart.h"

#include <cctype>
#include <optional>

#include "absl/strings/str_cat.h"

namespace newsroom::http {
namespace {

absl::Status Bad(std::string_view what) {
  return absl::InvalidArgumentError(
      absl::StrCat("multipart/form-data body: ", std::string(what)));
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// The value of parameter `key` in a header value such as
// `form-data; name="photo"; filename="a.jpg"`; nullopt when absent.
std::optional<std::string> Parameter(std::string_view value,
                                     std::string_view key) {
  size_t pos = 0;
  while (pos < value.size()) {
    size_t semi = value.find(';', pos);
    if (semi == std::string_view::npos) return std::nullopt;
    pos = semi + 1;
    std::string_view rest = Trim(value.substr(pos));
    size_t eq = rest.find('=');
    if (eq == std::string_view::npos) return std::nullopt;
    if (Lower(Trim(rest.substr(0, eq))) != key) continue;
    rest = Trim(rest.substr(eq + 1));
    if (!rest.empty() && rest.front() == '"') {
      std::string out;
      for (size_t i = 1; i < rest.size(); ++i) {
        if (rest[i] == '\\' && i + 1 < rest.size()) {
          out += rest[++i];
        } else if (rest[i] == '"') {
          return out;
        } else {
          out += rest[i];
        }
      }
      return std::nullopt;  // unterminated
    }
    return std::string(Trim(rest.substr(0, rest.find(';'))));
  }
  return std::nullopt;
}

}  // namespace

absl::StatusOr<std::vector<FormPart>> ParseMultipart(
    std::string_view content_type, std::string_view body) {
  if (Lower(Trim(content_type.substr(0, content_type.find(';')))) !=
      "multipart/form-data") {
    return Bad("the Content-Type is not multipart/form-data");
  }
  std::optional<std::string> boundary = Parameter(content_type, "boundary");
  if (!boundary || boundary->empty() || boundary->size() > 70) {
    return Bad("the Content-Type has no boundary of 1 to 70 characters");
  }
  const std::string delimiter = "--" + *boundary;
  std::vector<FormPart> parts;
  // The first delimiter may be preceded by a preamble.
  size_t pos = body.find(delimiter);
  if (pos == std::string_view::npos) return Bad("no part starts");
  for (;;) {
    pos += delimiter.size();
    if (body.substr(pos, 2) == "--") return parts;  // the closing delimiter
    // The rest of the delimiter line.
    size_t eol = body.find('\n', pos);
    if (eol == std::string_view::npos)
      return Bad("it ends inside a delimiter line");
    pos = eol + 1;
    if (parts.size() == kMaxParts) {
      return Bad(absl::StrCat("more than ", kMaxParts, " parts"));
    }
    FormPart part;
    bool disposition = false;
    // Headers, up to a blank line.
    size_t header_bytes = 0;
    for (;;) {
      eol = body.find('\n', pos);
      if (eol == std::string_view::npos)
        return Bad("it ends inside a part's headers");
      std::string_view line = body.substr(pos, eol - pos);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      pos = eol + 1;
      if (line.empty()) break;
      header_bytes += line.size();
      if (header_bytes > kMaxPartHeaderBytes) {
        return Bad("a part's headers are too long");
      }
      size_t colon = line.find(':');
      if (colon == std::string_view::npos)
        return Bad("a part header has no colon");
      const std::string name = Lower(Trim(line.substr(0, colon)));
      const std::string_view value = Trim(line.substr(colon + 1));
      if (name == "content-disposition") {
        if (Lower(Trim(value.substr(0, value.find(';')))) != "form-data") {
          return Bad("a part is not form-data");
        }
        std::optional<std::string> field = Parameter(value, "name");
        if (!field || field->empty()) return Bad("a part has no name");
        part.name = *std::move(field);
        part.filename = Parameter(value, "filename").value_or("");
        disposition = true;
      } else if (name == "content-type") {
        part.content_type = std::string(value);
      }
    }
    if (!disposition) return Bad("a part has no Content-Disposition");
    // The data ends at the CRLF (or LF) before the next delimiter.
    const size_t next = body.find(delimiter, pos);
    if (next == std::string_view::npos) return Bad("it ends inside a part");
    size_t end = next;
    if (end > pos && body[end - 1] == '\n') --end;
    if (end > pos && body[end - 1] == '\r') --end;
    part.data = body.substr(pos, end - pos);
    parts.push_back(std::move(part));
    pos = next;
  }
}

}  // namespace newsroom::http
