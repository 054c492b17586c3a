// An article's address on the site a newsroom moves from, as the importer
// matches it: one key for the spellings of one page, and a slug for the
// article made when Newsroom has none.
//
//   AddressKey("https://www.Haber.example.com/2019/05/vapur/#comments")
//       // "haber.example.com/2019/05/vapur"
//   SlugFromAddress("https://haber.example.com/2019/05/bo%C4%9Fazda-vapur/")
//       // "bogazda-vapur"
//   SlugFromText("Boğaz'da yeni vapur hattı")  // "bogazda-yeni-vapur-hatti"
//
// Pure and thread-safe.
#ifndef NEWSROOM_IMPORTER_ADDRESS_H_
#define NEWSROOM_IMPORTER_ADDRESS_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace newsroom::importer {

// The key under which an article's old address is stored: the host in
// lower case without "www." and without the default port, the path with
// percent-encoded UTF-8 decoded and without a trailing "/", and the query
// as given; the scheme (http and https are the same page to a reader) and
// the fragment are dropped. Disqus in particular often holds one page
// under several of these spellings; they meet here. InvalidArgument when
// `url` is not an absolute http(s) address (or "//host/…").
absl::StatusOr<std::string> AddressKey(std::string_view url);

// A slug ([a-z0-9-]+, at most 120 bytes, cut at a '-') from the last
// non-empty segment of the address's path, without an extension like
// ".html"; "" when there is none ("https://haber.example.com/?p=12") or
// the segment has no letter or digit.
std::string SlugFromAddress(std::string_view url);

// A slug from any text (a title, a WordPress post_name): Turkish letters
// folded (ç→c, ğ→g, ı→i, ö→o, ş→s, ü→u), lower case, apostrophes dropped,
// every other run of non-alphanumerics a single '-'. "" when nothing is
// left.
std::string SlugFromText(std::string_view text);

}  // namespace newsroom::importer

#endif  // NEWSROOM_IMPORTER_ADDRESS_H_
