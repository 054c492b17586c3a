// zlib's deflate with a gzip wrapper (windowBits 15 + 16). Level 6, zlib's
// default, takes a 50 KB article page to about 12 KB in well under a
// millisecond; the bodies that are sent often (the page script, the
// style sheet) are compressed once and kept (server/assets.cc).
//
// Tested by compress_test.cc.
#include "http/compress.h"

#include <zlib.h>

#include <cctype>
#include <vector>

#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace newsroom::http {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace

bool AcceptsGzip(std::string_view accept_encoding) {
  const std::string header = Lower(accept_encoding);
  for (absl::string_view item : absl::StrSplit(header, ',')) {
    std::vector<absl::string_view> parts = absl::StrSplit(item, ';');
    const absl::string_view coding = absl::StripAsciiWhitespace(parts[0]);
    if (coding != "gzip" && coding != "*") continue;
    bool refused = false;
    for (size_t i = 1; i < parts.size(); ++i) {
      absl::string_view p = absl::StripAsciiWhitespace(parts[i]);
      if (absl::ConsumePrefix(&p, "q=")) {
        // q=0, q=0.0, q=0.000: not acceptable.
        p = absl::StripAsciiWhitespace(p);
        refused =
            !p.empty() && p.find_first_not_of("0.") == absl::string_view::npos;
      }
    }
    if (!refused) return true;
  }
  return false;
}

bool Compressible(std::string_view content_type) {
  const std::string t = Lower(content_type.substr(0, content_type.find(';')));
  return t.rfind("text/", 0) == 0 || t == "application/json" ||
         t == "application/javascript" || t == "application/xml" ||
         t == "application/rss+xml" || t == "image/svg+xml" ||
         t == "application/ld+json";
}

std::string Gzip(std::string_view data, int level) {
  z_stream z{};
  deflateInit2(&z, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, data.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);  // one call: the output buffer holds the bound
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

bool Gunzip(std::string_view gz, std::string* out) {
  z_stream z{};
  if (inflateInit2(&z, 15 + 16) != Z_OK) return false;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data()));
  z.avail_in = static_cast<uInt>(gz.size());
  out->clear();
  char buffer[16384];
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buffer);
    z.avail_out = sizeof(buffer);
    rc = inflate(&z, Z_NO_FLUSH);
    out->append(buffer, sizeof(buffer) - z.avail_out);
    if (rc == Z_BUF_ERROR && z.avail_in == 0) break;
  }
  inflateEnd(&z);
  return rc == Z_STREAM_END;
}

}  // namespace newsroom::http
