// The pages of the news site, rendered on the server as HTML that is
// readable and usable without JavaScript.
//
//   std::string html = site::RenderArticlePage(info, page);
//
// Every string that came from a person (headline, body, comment, author,
// caption) goes through EscapeHtml; nothing a commenter typed can become
// markup. Dates are stored in UTC and shown in Europe/Istanbul.
//
// The pages carry stable ids, classes and data- attributes that the
// browser scripts (web/) hook onto; the scripts add to a page, the page
// never depends on them.
#ifndef NEWSROOM_SITE_RENDER_H_
#define NEWSROOM_SITE_RENDER_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/time/time.h"
#include "store/store.h"

namespace newsroom::site {

enum class Lang { kTr, kEn };

struct SiteInfo {
  std::string name = "Newsroom";
  // Absolute base URL for links that leave the page (Open Graph, JSON-LD,
  // RSS, share links): "http://127.0.0.1:8080", no trailing slash.
  std::string base_url;
  Lang lang = Lang::kTr;
  // The published comment policy, both languages.
  std::string policy_tr;
  std::string policy_en;
  // Script and style sheet of the browser interface, when built; pages
  // work without them.
  std::vector<std::string> scripts;
  std::vector<std::string> stylesheets;
};

struct PhotoView {
  int64_t id = 0;
  std::string page_url;  // the photo's own page: /news/{slug}/photo
  struct Size {
    std::string url;  // /media/photos/{id}/{name}.jpg
    int width = 0;
    int height = 0;
  };
  std::vector<Size> sizes;  // largest first
  std::string caption;
  std::string credit;
};

enum class CommentOrder { kNewestFirst, kOldestFirst };

// What the reader is told after posting through the plain HTML form.
struct FormNotice {
  // "approved", "pending", "rejected", "reported", "error"
  std::string status;
  std::string message;  // already in the page's language
  std::string draft;    // the text to put back in the form when refused
  std::string author;
};

struct ArticlePage {
  store::Article article;
  std::optional<PhotoView> photo;
  std::vector<store::Comment> comments;  // approved; any order
  // Top-level comments in this order; replies under them oldest first.
  CommentOrder order = CommentOrder::kNewestFirst;
  // The comment the reader chose to answer (?reply_to=ID): the form then
  // carries it as parent_id. Ignored unless it is one of `comments`.
  std::optional<int64_t> reply_to;
  std::string csrf_token;  // for the comment form
  std::optional<FormNotice> notice;
};

struct ModerationPage {
  std::string username;
  std::string csrf_token;
  store::CommentStatus tab = store::CommentStatus::kPending;
  std::map<store::CommentStatus, int64_t> counts;
  std::vector<store::QueueItem> items;  // with verdict_json to explain
  std::string rule_filter;              // a rule id, or empty for all
  std::vector<store::Decision> audit;   // newest first
  std::string notice;                   // "Decision saved", a conflict, …
};

std::string RenderFrontPage(const SiteInfo& info,
                            const std::vector<store::Article>& articles);
std::string RenderArticlePage(const SiteInfo& info, const ArticlePage& page);
// The photo's own URL: the photo large, caption, credit, share links.
std::string RenderPhotoPage(const SiteInfo& info, const store::Article& article,
                            const PhotoView& photo);
std::string RenderRss(const SiteInfo& info,
                      const std::vector<store::Article>& articles);
std::string RenderModerationPage(const SiteInfo& info,
                                 const ModerationPage& page);
std::string RenderLoginPage(const SiteInfo& info, std::string_view csrf_token,
                            std::string_view error);
std::string RenderErrorPage(const SiteInfo& info, int status,
                            std::string_view message);

// The default style sheet of every page, served at /assets/site.css.
std::string_view DefaultStylesheet();

// &, <, >, ", ' escaped; invalid UTF-8 replaced by U+FFFD, as are the
// control characters HTML and XML forbid (all of C0 but tab, LF, CR) and
// U+FFFE/U+FFFF. The result is also valid XML character data.
std::string EscapeHtml(std::string_view text);
// "27.11.2026 03:02" in Europe/Istanbul (both languages write it so).
std::string FormatLocalTime(absl::Time t);
// RFC 3339 in UTC, "2026-11-27T00:02:36Z", for JSON-LD and the API.
std::string FormatRfc3339(absl::Time t);

}  // namespace newsroom::site

#endif  // NEWSROOM_SITE_RENDER_H_
