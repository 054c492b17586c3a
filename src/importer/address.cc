// Addresses are parsed by libxml2's RFC 3986 parser (uri.h), which the
// importer already links for XML, rather than by hand. Two things it does
// not do are done here: exports hold addresses with raw non-ASCII letters
// ("…/boğazda-vapur") that RFC 3986 does not allow, so those bytes are
// percent-encoded before parsing; and the key drops what does not tell
// pages apart (scheme, "www.", default port, trailing "/", fragment),
// because Disqus records one page under whichever spelling a reader
// arrived by.
//
// Tested by address_test.cc.
#include "importer/address.h"

#include <libxml/uri.h>
#include <libxml/xmlmemory.h>

#include <memory>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "store/store.h"
#include "text/casing.h"
#include "text/trim.h"
#include "text/utf8.h"

namespace newsroom::importer {
namespace {

constexpr size_t kMaxSlugBytes = 120;

struct UriDeleter {
  void operator()(xmlURIPtr uri) const { xmlFreeURI(uri); }
};
using Uri = std::unique_ptr<xmlURI, UriDeleter>;

// Percent-encodes what RFC 3986 does not allow raw but exports contain:
// bytes above ASCII, spaces, and the odd quote or bracket.
std::string EscapeForParsing(std::string_view url) {
  std::string out;
  for (unsigned char c : url) {
    if (c >= 0x80 || c <= 0x20 || c == '"' || c == '<' || c == '>' ||
        c == '\\' || c == '^' || c == '`' || c == '{' || c == '|' || c == '}') {
      absl::StrAppendFormat(&out, "%%%02X", c);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

Uri Parse(std::string_view url, bool raw) {
  const std::string escaped = EscapeForParsing(text::Trim(url));
  return Uri(xmlParseURIRaw(escaped.c_str(), raw ? 1 : 0));
}

std::string_view View(const char* s) {
  return s == nullptr ? std::string_view() : std::string_view(s);
}

// The path with percent-encoding decoded, when that gives UTF-8.
std::string DecodedPath(std::string_view url, const xmlURI& raw) {
  Uri decoded = Parse(url, false);
  if (decoded != nullptr && decoded->path != nullptr &&
      text::ValidateUtf8(decoded->path).ok()) {
    return decoded->path;
  }
  return std::string(View(raw.path));
}

}  // namespace

absl::StatusOr<std::string> AddressKey(std::string_view url) {
  Uri uri = Parse(url, true);
  const std::string scheme = absl::AsciiStrToLower(
      uri != nullptr ? std::string(View(uri->scheme)) : std::string());
  if (uri == nullptr ||
      (scheme != "http" && scheme != "https" &&
       !(scheme.empty() && uri->server != nullptr)) ||
      uri->server == nullptr || View(uri->server).empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "\"", std::string(url), "\" is not an http or https address"));
  }
  std::string host = absl::AsciiStrToLower(std::string(View(uri->server)));
  if (absl::StartsWith(host, "www.")) host.erase(0, 4);
  std::string key = host;
  const bool default_port = uri->port <= 0 ||
                            (uri->port == 80 && scheme != "https") ||
                            (uri->port == 443 && scheme != "http");
  if (!default_port) absl::StrAppend(&key, ":", uri->port);
  std::string path = DecodedPath(url, *uri);
  while (!path.empty() && path.back() == '/') path.pop_back();
  absl::StrAppend(&key, path);
  if (uri->query_raw != nullptr && uri->query_raw[0] != '\0') {
    absl::StrAppend(&key, "?", uri->query_raw);
  }
  if (key.size() > static_cast<size_t>(store::kMaxArticleUrlBytes)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the address is longer than ", store::kMaxArticleUrlBytes, " bytes"));
  }
  return key;
}

std::string SlugFromAddress(std::string_view url) {
  Uri uri = Parse(url, true);
  if (uri == nullptr) return "";
  std::string path = DecodedPath(url, *uri);
  while (!path.empty() && path.back() == '/') path.pop_back();
  std::string_view segment = path;
  if (size_t slash = segment.rfind('/'); slash != std::string_view::npos) {
    segment.remove_prefix(slash + 1);
  }
  for (std::string_view ext : {".html", ".htm", ".php", ".aspx", ".asp"}) {
    if (absl::EndsWithIgnoreCase(std::string(segment), std::string(ext))) {
      segment.remove_suffix(ext.size());
      break;
    }
  }
  return SlugFromText(segment);
}

std::string SlugFromText(std::string_view text) {
  if (!text::ValidateUtf8(text).ok()) return "";
  const std::string folded = text::FoldKey(text);
  std::string slug;
  bool dash = false;
  for (size_t i = 0; i < folded.size();) {
    const char32_t c = text::NextCodePoint(folded, &i);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (dash && !slug.empty()) slug.push_back('-');
      dash = false;
      slug.push_back(static_cast<char>(c));
    } else if (c == '\'' || c == U'’') {
      // "İstanbul'da" → "istanbulda", as Turkish sites write slugs.
    } else {
      dash = true;
    }
  }
  if (slug.size() > kMaxSlugBytes) {
    slug.resize(kMaxSlugBytes);
    if (size_t cut = slug.rfind('-'); cut != std::string::npos && cut > 0) {
      slug.resize(cut);
    }
  }
  return slug;
}

}  // namespace newsroom::importer
