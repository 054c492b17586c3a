// gzip for responses (RFC 9110 content coding "gzip"), with zlib.
//
//   if (AcceptsGzip(request.header("accept-encoding")) && Compressible(type)) {
//     response.body = Gzip(response.body);
//     response.headers.push_back({"Content-Encoding", "gzip"});
//   }
//
// Pure functions; thread-safe.
#ifndef NEWSROOM_HTTP_COMPRESS_H_
#define NEWSROOM_HTTP_COMPRESS_H_

#include <string>
#include <string_view>

namespace newsroom::http {

// Whether an Accept-Encoding header admits gzip: "gzip" or "*" listed
// without q=0 (case and spaces aside). An empty header admits nothing.
bool AcceptsGzip(std::string_view accept_encoding);

// Whether a body of this Content-Type is worth compressing: text, JSON,
// JavaScript, XML and SVG are; images and the like already are compressed.
bool Compressible(std::string_view content_type);

// `data` as a gzip stream at zlib level `level` (1 fastest .. 9 smallest).
std::string Gzip(std::string_view data, int level = 6);

// True, with the data in *out, for a whole gzip stream; false for anything
// else. For tests and clients.
bool Gunzip(std::string_view gz, std::string* out);

}  // namespace newsroom::http

#endif  // NEWSROOM_HTTP_COMPRESS_H_
