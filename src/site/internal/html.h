// The pieces every page of the site is built from: escaping, URLs, dates,
// the interface language, and the frame (head, header, footer) around a
// page's content.
//
//   std::string html = PageStart(info, {.title = "Haberler"});
//   html += "<h1>" + EscapeHtml(article.headline) + "</h1>";
//   html += PageEnd(info);
//
// Pure functions; thread-safe.
#ifndef NEWSROOM_SITE_INTERNAL_HTML_H_
#define NEWSROOM_SITE_INTERNAL_HTML_H_

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "absl/time/time.h"
#include "nlohmann/json.hpp"
#include "site/render.h"

namespace newsroom::site::internal {

// Returned by NextCodePointLenient for an ill-formed sequence.
inline constexpr char32_t kInvalidCodePoint = 0xFFFFFFFF;

// Decodes the code point that starts at byte `*i` and advances `*i` past
// it. An ill-formed sequence (stray continuation byte, overlong form,
// surrogate, beyond U+10FFFF, cut short) gives kInvalidCodePoint and
// advances past its longest well-formed prefix, at least one byte — the
// "maximal subpart" practice of Unicode and the WHATWG decoder.
// REQUIRES: *i < s.size().
char32_t NextCodePointLenient(std::string_view s, size_t* i);

// A paragraph of an article's body as HTML: escaped, with each
// "[text](https://address)" a link (http and https only; anything else
// stays as typed).
std::string InlineHtml(std::string_view text);

// EscapeHtml, then every line break ("\n", "\r\n", "\r") as <br>.
std::string EscapeWithBreaks(std::string_view text);

// Percent-encodes everything but RFC 3986's unreserved characters, for a
// query value or a path segment.
std::string UrlEncode(std::string_view s);

// `path` ("/news/x") on the site's base URL; a URL that already names its
// scheme is returned as it is.
std::string AbsoluteUrl(const SiteInfo& info, std::string_view path);

// `j` serialized for a <script> element: invalid UTF-8 replaced, and
// <, >, & written as \u003c, \u003e, \u0026 so that no string inside can
// close the element ("</script>") or open a comment.
std::string JsonForScript(const nlohmann::json& j);

// "Fri, 27 Nov 2026 00:02:36 +0000" (RFC 822, as RSS 2.0 wants), in UTC,
// with English day and month names whatever the process locale.
std::string FormatRfc822(absl::Time t);

// <time class="…" datetime="2026-11-27T00:02:36Z">27.11.2026 03:02</time>,
// the shown time in the site's language (FormatLocalTime), its spaces
// non-breaking so that the date and the hour stay on one line.
std::string TimeElement(const SiteInfo& info, absl::Time t,
                        std::string_view css_class = "");

// An interface label in the site's language, escaped: "Yayınlanma" on a
// Turkish site, "Published" on an English one. Every label of every page
// goes through here (or SayText), so that no page shows the other
// language (tests/browser/labels.mjs reads the pairs back from the
// sources).
std::string Say(const SiteInfo& info, std::string_view tr, std::string_view en);
// The same, for an attribute value.
std::string SayText(const SiteInfo& info, std::string_view tr,
                    std::string_view en);

// `policy` escaped, with each clause it contains wrapped in
// <span class="clause" data-rule="ID">, for each rule of the rule table
// (rules/rules.h). Clauses are found ignoring the case of ASCII letters
// ("Hakaret" at the start of a sentence); a policy worded otherwise is shown
// unmarked.
std::string MarkPolicyClauses(std::string_view policy, bool english);

// Pieces the article page and the photo page share (photo_page.cc).

// "/news/{slug}", the slug percent-encoded.
std::string ArticlePath(const store::Article& article);
// How wide a photo in <main> is shown: the column is at most 46rem with
// 1rem of padding each side, so 44rem on a wide screen and the viewport
// less 2rem on a phone. The `sizes` of every photo the pages show so.
inline constexpr std::string_view kPhotoSizes =
    "(min-width: 46rem) 44rem, calc(100vw - 2rem)";
// <img> of the photo, in a <picture> with a WebP <source> when the photo
// has WebP sizes: srcset with every size's width, `sizes_attr` as its
// sizes, src and dimensions of the smallest size at least 800 px wide (so
// that the page does not jump while it loads), the caption as alt text.
// The `lead` photo of a page is fetched with high priority; others load
// lazily.
// REQUIRES: !photo.sizes.empty()
std::string PhotoImg(const PhotoView& photo, std::string_view sizes_attr,
                     bool lead);
// <figcaption> with the caption and "Fotoğraf / Photo: credit".
std::string PhotoFigcaption(const SiteInfo& info, const PhotoView& photo);
// Open Graph and Twitter card <meta> tags; og:image is the absolute URL of
// the size named 1600 (or the largest) when there is a photo.
std::string SocialMeta(const SiteInfo& info, const char* type,
                       std::string_view title, std::string_view description,
                       std::string_view url,
                       const std::optional<PhotoView>& photo);

// The publisher's logo (JSON-LD, the touch icon), a square PNG the server
// draws (media::MakeLogo), and the site's icon.
inline constexpr char kLogoPath[] = "/assets/logo.png";
inline constexpr int kLogoSize = 512;
// The SVG of /favicon.svg.
std::string_view FaviconSvg();

// The news desk as an author: "Newsroom Haber Merkezi", "Newsroom News
// Desk". An article signed so, or not signed, is by the desk.
std::string DeskName(const SiteInfo& info);

struct PageOptions {
  std::string title;        // plain text; escaped
  std::string head;         // extra markup for <head> (meta, JSON-LD)
  std::string body_class;   // "page-article", …
};
// Doctype, <head> (title, style sheets, scripts, the RSS link), the skip
// link, the site header, and <main id="main">.
std::string PageStart(const SiteInfo& info, const PageOptions& options);
// </main>, the site footer, </body></html>.
std::string PageEnd(const SiteInfo& info);

}  // namespace newsroom::site::internal

#endif  // NEWSROOM_SITE_INTERNAL_HTML_H_
