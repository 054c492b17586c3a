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
  // The language of every page, label, message and date of the site
  // (`[site] lang`); no page shows the other.
  Lang lang = Lang::kTr;
  // The published comment policy in each language; pages show the site's.
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
    std::string url;  // /media/photos/{id}/{name}.jpg (or .webp)
    int width = 0;
    int height = 0;
  };
  std::vector<Size> sizes;  // JPEG, largest first
  std::vector<Size> webp;   // the same sizes as WebP, when stored
  // Crops for search engines and previews, by aspect: "16x9", "4x3", "1x1".
  std::map<std::string, Size> crops;
  std::string caption;
  std::string credit;
};

using CommentOrder = store::CommentOrder;

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
  // Approved; any order. A window of the article's threads
  // (store::ListCommentWindow), or all of them.
  std::vector<store::Comment> comments;
  // Top-level comments in this order; replies under them oldest first.
  CommentOrder order = CommentOrder::kNewestFirst;
  // How many approved comments the article has in all windows, for the
  // heading; nullopt: comments.size().
  std::optional<int64_t> comment_total;
  // The cursor of the window after this one (a comment id): the page then
  // links to it ("Older comments"); nullopt: this is the last window.
  std::optional<int64_t> next_cursor;
  // Threads whose replies the window cut: the first comment's id → how
  // many replies are not shown.
  std::map<int64_t, int64_t> more_replies;
  // The comment the reader chose to answer (?reply_to=ID): the form then
  // carries it as parent_id. Ignored unless it is one of `comments`.
  std::optional<int64_t> reply_to;
  std::string csrf_token;  // for the comment form
  std::optional<FormNotice> notice;
  // An editor's preview of unsaved changes: said so at the top, not for
  // search engines, and without the comment form.
  bool preview = false;
};

struct ModerationPage {
  std::string username;
  std::string csrf_token;
  store::CommentStatus tab = store::CommentStatus::kPending;
  std::map<store::CommentStatus, int64_t> counts;
  std::vector<store::QueueItem> items;  // with verdict_json to explain
  // The queue's filters as the moderator set them (echoed in the form and
  // kept in every link): words, an article, a rule id, a day range
  // (YYYY-MM-DD, inclusive).
  std::string search;
  std::optional<int64_t> article_id;
  std::string rule_filter;  // a rule id, or empty for all
  std::string since;
  std::string until;
  // Articles to choose from in the article filter: id and headline.
  std::vector<std::pair<int64_t, std::string>> articles;
  // When there are more comments: the id the next page starts after.
  std::optional<int64_t> next_after;
  // Comments per day and per violated rule, for the counts table.
  std::vector<store::DayCount> day_counts;
  std::vector<store::Decision> audit;  // newest first
  std::string notice;                  // "Decision saved", a conflict, …
  bool notice_is_error = false;
};

// The conversation around one comment (/moderation/comments/{id}/thread).
struct ThreadPage {
  std::string username;
  std::string csrf_token;
  std::string article_slug;
  std::string article_headline;
  int64_t focus = 0;                     // the comment asked about
  std::vector<store::Comment> comments;  // every status, oldest first
};

// The editors' desk (/desk): every article, drafts too, with its comments.
struct DeskPage {
  std::string username;
  std::string csrf_token;
  std::vector<store::ArticleSummary> articles;
  std::string notice;  // in the page's language: "Article saved."
};

// The editor of one article (/desk/new, /desk/articles/{id}).
struct ArticleEditor {
  std::string username;
  std::string csrf_token;
  // The stored article; id 0 for a new one. Its state (draft, published,
  // comments closed) and times come from here.
  store::Article stored;
  // The fields as the form shows them: the stored ones, or what the
  // editor typed when a save was refused.
  store::Article fields;
  std::optional<PhotoView> photo;
  std::vector<store::ArticleEvent> log;  // newest first
  std::string error;   // why the last save was refused, or empty
  std::string notice;  // "Article saved.", "Published.", …
};

std::string RenderFrontPage(const SiteInfo& info,
                            const std::vector<store::Article>& articles);
std::string RenderArticlePage(const SiteInfo& info, const ArticlePage& page);
// The photo's own URL: the photo large, caption, credit, share links.
std::string RenderPhotoPage(const SiteInfo& info, const store::Article& article,
                            const PhotoView& photo);
// An article of the feed or a sitemap, with its photo's size for an RSS
// enclosure, if it has one.
struct FeedItem {
  store::Article article;
  struct Enclosure {
    std::string url;  // site path of the JPEG size the feed shows
    int64_t bytes = 0;
    std::string type = "image/jpeg";
  };
  std::optional<Enclosure> photo;
};
// RSS 2.0: the newest articles, each with its photo as an enclosure.
std::string RenderRss(const SiteInfo& info, const std::vector<FeedItem>& items);
// /robots.txt: everything readers see may be crawled; the desk, the queue,
// sign-in and the API may not; where the sitemaps are.
std::string RenderRobots(const SiteInfo& info);
// /sitemap.xml: the front page and every published article, with the
// time each last changed.
std::string RenderSitemap(const SiteInfo& info,
                          const std::vector<store::Article>& articles);
// /news-sitemap.xml: Google News' sitemap of the articles first published
// in the two days before `now`.
std::string RenderNewsSitemap(const SiteInfo& info,
                              const std::vector<store::Article>& articles,
                              absl::Time now);
std::string RenderModerationPage(const SiteInfo& info,
                                 const ModerationPage& page);
std::string RenderThreadPage(const SiteInfo& info, const ThreadPage& page);
std::string RenderDeskPage(const SiteInfo& info, const DeskPage& page);
std::string RenderArticleEditor(const SiteInfo& info,
                                const ArticleEditor& editor);
// The sign-in form; `next` is where it leads afterwards (a path of the
// site, or empty for the default).
std::string RenderLoginPage(const SiteInfo& info, std::string_view csrf_token,
                            std::string_view error, std::string_view next = "");
std::string RenderErrorPage(const SiteInfo& info, int status,
                            std::string_view message);

// The default style sheet of every page, served at /assets/site.css.
std::string_view DefaultStylesheet();

// &, <, >, ", ' escaped; invalid UTF-8 replaced by U+FFFD, as are the
// control characters HTML and XML forbid (all of C0 but tab, LF, CR) and
// U+FFFE/U+FFFF. The result is also valid XML character data.
std::string EscapeHtml(std::string_view text);
// In Europe/Istanbul: "27.11.2026 03:02" for Turkish, "27 Nov 2026,
// 03:02" for English.
std::string FormatLocalTime(absl::Time t, Lang lang);
// The site's time zone, Europe/Istanbul (Turkey's fixed UTC+3 when the
// system has no tz database), and its offset from UTC now.
absl::TimeZone SiteTimeZone();
absl::Duration SiteUtcOffset();
// RFC 3339 in UTC, "2026-11-27T00:02:36Z", for JSON-LD and the API.
std::string FormatRfc3339(absl::Time t);

}  // namespace newsroom::site

#endif  // NEWSROOM_SITE_RENDER_H_
