// The HTML pages for readers, the RSS feed, the sitemaps, robots.txt and
// photos. Readers see published articles only: a draft is 404 as a slug
// that was never used.
#include <algorithm>
#include <functional>
#include <limits>
#include <map>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "server/app.h"
#include "server/app_internal.h"

namespace newsroom::server {

std::string App::PhotoUrl(int64_t photo_id, const store::PhotoVariant& v) {
  // WebP sizes are stored as "1600.webp"; JPEG ones as "1600".
  return v.content_type == "image/webp"
             ? absl::StrCat("/media/photos/", photo_id, "/", v.name)
             : absl::StrCat("/media/photos/", photo_id, "/", v.name, ".jpg");
}

absl::StatusOr<std::optional<site::PhotoView>> App::PhotoViewFor(
    const store::Article& article) {
  if (!article.photo_id) return std::optional<site::PhotoView>();
  absl::StatusOr<std::vector<store::PhotoVariant>> variants =
      store_.ListPhotoVariants(*article.photo_id);
  if (!variants.ok()) {
    if (absl::IsNotFound(variants.status()))
      return std::optional<site::PhotoView>();
    return variants.status();
  }
  site::PhotoView view;
  view.id = *article.photo_id;
  view.page_url = absl::StrCat("/news/", article.slug, "/photo");
  view.caption = article.photo_caption;
  view.credit = article.photo_credit;
  for (const store::PhotoVariant& v : *variants) {
    const std::string url = PhotoUrl(view.id, v);
    if (v.content_type == "image/webp") {
      view.webp.push_back({url, v.width, v.height});
    } else if (v.name == "16x9" || v.name == "4x3" || v.name == "1x1") {
      view.crops[v.name] = {url, v.width, v.height};
    } else {
      view.sizes.push_back({url, v.width, v.height});
    }
  }
  if (view.sizes.empty()) return std::optional<site::PhotoView>();
  return std::optional<site::PhotoView>(std::move(view));
}

void App::FrontPage(Context& c, const http::Request& request,
                    const PathParams&) {
  auto articles = store_.ListArticles(50);
  if (!articles.ok()) {
    ErrorFromStatus(c, articles.status());
    return;
  }
  Html(c, 200, site::RenderFrontPage(SiteFor(request), *articles));
}

namespace {

// The comment a page's link names (?reply_to=ID, ?comment=ID), or nullopt
// when the parameter is absent or not a comment id: the page is then shown
// without it.
std::optional<int64_t> CommentIdParam(const http::Request& request,
                                      std::string_view name) {
  const std::optional<std::string> value = request.query_param(name);
  int64_t id = 0;
  if (value && absl::SimpleAtoi(*value, &id) && id > 0) return id;
  return std::nullopt;
}

}  // namespace

absl::StatusOr<int64_t> ParseUrlNumber(std::string_view param,
                                       std::string_view value, int64_t max) {
  int64_t n = 0;
  // SimpleAtoi takes "+7", " 7" and "007" too: only one spelling counts.
  if (!absl::SimpleAtoi(AV(value), &n) || n < 1 || n > max ||
      absl::StrCat(n) != value) {
    return absl::InvalidArgumentError(absl::StrCat(
        AV(param), " must be a number from 1 to ", max, ", written plainly"));
  }
  return n;
}

absl::StatusOr<App::WindowRequest> App::WindowFromQuery(
    const http::Request& request, bool with_limit) const {
  WindowRequest w;
  // Only two orders exist; anything else a client writes is the default,
  // so that it cannot mint cache keys.
  if (request.query_param("order") == "oldest") {
    w.order = store::CommentOrder::kOldestFirst;
  }
  w.threads = config_.threads_per_page;
  // A cursor is a comment id in one spelling (checked against the article
  // before anything is cached under it): no other value reaches a key.
  if (auto cursor = request.query_param("cursor")) {
    absl::StatusOr<int64_t> id =
        ParseUrlNumber("cursor", *cursor, std::numeric_limits<int64_t>::max());
    if (!id.ok()) return id.status();
    w.cursor = *id;
  }
  if (auto limit = request.query_param("limit"); limit && with_limit) {
    absl::StatusOr<int64_t> n =
        ParseUrlNumber("limit", *limit, store::kMaxWindowThreads);
    if (!n.ok()) return n.status();
    w.threads = static_cast<int>(*n);
  }
  return w;
}

std::string App::WindowKey(const WindowRequest& w) {
  return absl::StrCat(
      w.order == store::CommentOrder::kOldestFirst ? "oldest" : "newest", "|",
      w.cursor ? absl::StrCat(*w.cursor) : std::string(), "|", w.threads);
}

absl::StatusOr<store::CommentWindow> App::CommentWindowFor(
    const store::Article& article, const WindowRequest& w) {
  store::CommentWindowQuery q;
  q.article_id = article.id;
  q.status = store::CommentStatus::kApproved;
  q.order = w.order;
  q.threads = w.threads;
  q.replies = kRepliesShown;
  if (w.cursor) {
    absl::StatusOr<store::Comment> at = store_.FindComment(*w.cursor);
    if (!at.ok() && !absl::IsNotFound(at.status())) return at.status();
    if (!at.ok() || at->article_id != article.id) {
      return absl::InvalidArgumentError(absl::StrCat(
          "cursor ", *w.cursor, " is not a comment of this article"));
    }
    q.after = store::CommentPosition{at->created_at, at->id};
  } else if (w.anchor) {
    // The window begins with the thread the comment is shown in: up from
    // it through its published parents (as the page threads them).
    absl::StatusOr<std::vector<store::Comment>> thread =
        store_.ListThread(*w.anchor);
    if (!thread.ok() && !absl::IsNotFound(thread.status())) {
      return thread.status();
    }
    if (thread.ok()) {
      std::map<int64_t, const store::Comment*> by_id;
      for (const store::Comment& c : *thread) by_id[c.id] = &c;
      auto at = by_id.find(*w.anchor);
      const auto published = [&](decltype(at) it) {
        return it != by_id.end() && it->second->article_id == article.id &&
               it->second->status == store::CommentStatus::kApproved;
      };
      if (published(at)) {
        for (size_t steps = 0; steps < by_id.size(); ++steps) {
          if (!at->second->parent_id) break;
          auto parent = by_id.find(*at->second->parent_id);
          if (!published(parent)) break;
          at = parent;
        }
        q.after = store::CommentPosition{at->second->created_at, at->first};
        q.including_after = true;
      }
    }
  }
  return store_.ListCommentWindow(q);
}

void App::ArticlePage(Context& c, const http::Request& request,
                      const PathParams& p) {
  const std::string_view slug = p.Get("slug");
  const site::SiteInfo info = SiteFor(request);
  absl::StatusOr<WindowRequest> parsed =
      WindowFromQuery(request, /*with_limit=*/false);
  if (!parsed.ok()) {
    Html(c, 400,
         site::RenderErrorPage(
             info, 400,
             SiteText("Bu yorum sayfası yok: bağlantıdaki imleç bir yorum "
                      "numarası değil.",
                      "There is no such page of comments: the link's cursor "
                      "is not a comment number.")));
    return;
  }
  WindowRequest window = *std::move(parsed);
  const std::optional<std::string> posted = request.query_param("posted");
  const bool reported = request.query_param("reported").has_value();
  const std::optional<int64_t> reply_to = CommentIdParam(request, "reply_to");
  // A permalink (?comment=ID, where a post or a report sends the reader)
  // and a reply being written show the window with that comment.
  const std::optional<int64_t> anchor =
      reply_to ? reply_to : CommentIdParam(request, "comment");
  if (!window.cursor) window.anchor = anchor;
  // Plain views of the page are shared by every reader; only they are
  // cached.
  const bool cacheable = !posted && !reported && !anchor;
  const std::string key = absl::StrCat("page|", AV(slug), "|",
                                       WindowKey(window), "|", info.base_url);
  std::optional<PageCache::Generation> generation;
  if (cacheable) {
    generation = CacheGeneration(c);
    if (!generation) return;
    if (auto hit = page_cache_.Find(key, *generation)) {
      Cached(c, request, *hit, "text/html; charset=utf-8");
      return;
    }
  }

  absl::StatusOr<store::Article> article = FindPublishedArticle(slug);
  if (!article.ok()) {
    if (absl::IsNotFound(article.status()) ||
        absl::IsInvalidArgument(article.status())) {
      Html(c, 404,
           site::RenderErrorPage(
               info, 404, SiteText("Haber bulunamadı.", "Article not found.")));
    } else {
      ErrorFromStatus(c, article.status());
    }
    return;
  }
  site::ArticlePage page;
  page.article = *article;
  auto photo = PhotoViewFor(*article);
  if (!photo.ok()) {
    ErrorFromStatus(c, photo.status());
    return;
  }
  page.photo = *std::move(photo);
  absl::StatusOr<store::CommentWindow> comments =
      CommentWindowFor(*article, window);
  if (!comments.ok()) {
    if (absl::IsInvalidArgument(comments.status())) {
      Html(c, 400,
           site::RenderErrorPage(
               info, 400,
               SiteText("Bu yorum sayfası yok: bağlantıdaki yorum bu habere "
                        "ait değil ya da kaldırılmış.",
                        "There is no such page of comments: the link's "
                        "comment is not on this article, or was removed.")));
    } else {
      ErrorFromStatus(c, comments.status());
    }
    return;
  }
  SetWindow(page, *std::move(comments));
  page.order = window.order;
  page.reply_to = reply_to;
  // The page's own words for each notice (site::RenderArticlePage).
  if (posted == "approved" || posted == "pending") {
    page.notice = site::FormNotice{*posted, "", "", ""};
  } else if (reported) {
    page.notice = site::FormNotice{"reported", "", "", ""};
  }
  std::string html = site::RenderArticlePage(info, page);
  if (cacheable) {
    auto entry = page_cache_.Insert(key, *generation, std::move(html));
    Cached(c, request, *entry, "text/html; charset=utf-8");
    return;
  }
  Html(c, 200, std::move(html));
}

void App::SetWindow(site::ArticlePage& page, store::CommentWindow window) {
  page.comments = std::move(window.comments);
  page.comment_total = window.total;
  page.more_replies = std::move(window.more_replies);
  if (window.next) page.next_cursor = window.next->id;
}

std::optional<PageCache::Generation> App::CacheGeneration(Context& c) {
  // This node's changes, and what every node agrees on: read before the
  // article and its comments, so that an answer cached under it shows
  // every change made before it moved, on whichever node (store.h).
  PageCache::Generation g;
  g.site = generation_.load();
  absl::StatusOr<uint64_t> shared = store_.PageGeneration();
  if (!shared.ok()) {
    ErrorFromStatus(c, shared.status());
    return std::nullopt;
  }
  g.store = *shared;
  return g;
}

void App::Cached(Context& c, const http::Request& request,
                 const PageCache::Entry& entry, std::string_view content_type) {
  http::Response r;
  r.content_type = std::string(content_type);
  // Shared and cacheable, but checked with the server each time: a
  // comment may have been published since.
  r.headers = {{"ETag", entry.etag}, {"Cache-Control", "no-cache"}};
  if (PageCache::Matches(request.header("if-none-match"), entry.etag)) {
    r.status = 304;
  } else {
    r.body = entry.body;
  }
  Respond(c, std::move(r));
}

void App::PhotoPage(Context& c, const http::Request& request,
                    const PathParams& p) {
  const std::string_view slug = p.Get("slug");
  const site::SiteInfo info = SiteFor(request);
  absl::StatusOr<store::Article> article = FindPublishedArticle(slug);
  if (!article.ok()) {
    Html(c, 404,
         site::RenderErrorPage(
             info, 404, SiteText("Haber bulunamadı.", "Article not found.")));
    return;
  }
  auto photo = PhotoViewFor(*article);
  if (!photo.ok()) {
    ErrorFromStatus(c, photo.status());
    return;
  }
  if (!photo->has_value()) {
    Html(c, 404,
         site::RenderErrorPage(info, 404,
                               SiteText("Bu haberin fotoğrafı yok.",
                                        "This article has no photo.")));
    return;
  }
  Html(c, 200, site::RenderPhotoPage(info, *article, **photo));
}

void App::PhotoFile(Context& c, const http::Request& request,
                    const PathParams& p) {
  const int64_t id = p.Id();
  // "1600.jpg" is the stored JPEG "1600"; "1600.webp" is stored so.
  const std::string_view file = p.Get("file");
  std::string_view size;
  if (absl::EndsWith(AV(file), ".jpg")) {
    size = file.substr(0, file.size() - 4);
  } else if (absl::EndsWith(AV(file), ".webp")) {
    size = file;
  } else {
    Error(c, 404, "no such photo size");
    return;
  }
  absl::StatusOr<store::PhotoVariant> v = store_.FindPhotoVariant(id, size);
  if (!v.ok()) {
    if (absl::IsNotFound(v.status()) || absl::IsInvalidArgument(v.status())) {
      Error(c, 404,
            absl::StrCat("no photo ", id, " in size ", std::string(size)));
    } else {
      ErrorFromStatus(c, v.status());
    }
    return;
  }
  http::Response r;
  r.content_type = v->content_type;
  // A photo's bytes never change under its URL: a new upload is a new id.
  r.headers.push_back({"Cache-Control", "public, max-age=31536000, immutable"});
  r.body = std::move(v->bytes);
  Respond(c, std::move(r));
}

bool App::NotModified(Context& c, const http::Request& request,
                      const std::string& etag, absl::Time modified) {
  const std::string_view if_none_match = request.header("if-none-match");
  bool fresh = false;
  if (!if_none_match.empty()) {
    fresh = if_none_match.find(etag) != std::string_view::npos ||
            if_none_match == "*";
  } else if (std::string_view since = request.header("if-modified-since");
             !since.empty()) {
    absl::Time t;
    std::string error;
    fresh =
        absl::ParseTime("%a, %d %b %Y %H:%M:%S GMT", AV(since), &t, &error) &&
        absl::ToUnixSeconds(modified) <= absl::ToUnixSeconds(t);
  }
  if (!fresh) return false;
  http::Response r;
  r.status = 304;
  r.headers = {
      {"ETag", etag},
      {"Last-Modified", absl::FormatTime("%a, %d %b %Y %H:%M:%S GMT", modified,
                                         absl::UTCTimeZone())}};
  Respond(c, std::move(r));
  return true;
}

void App::Rss(Context& c, const http::Request& request, const PathParams&) {
  auto articles = store_.ListArticles(50);
  if (!articles.ok()) {
    ErrorFromStatus(c, articles.status());
    return;
  }
  std::vector<site::FeedItem> items;
  absl::Time modified = absl::UnixEpoch();
  for (store::Article& a : *articles) {
    modified = std::max(modified, a.updated_at);
    site::FeedItem item;
    if (a.photo_id) {
      // The enclosure: the 800-pixel JPEG, or the largest there is.
      absl::StatusOr<std::vector<store::PhotoVariant>> variants =
          store_.ListPhotoVariants(*a.photo_id);
      const store::PhotoVariant* pick = nullptr;
      if (variants.ok()) {
        for (const store::PhotoVariant& v : *variants) {
          if (v.content_type != "image/jpeg" || v.name == "16x9" ||
              v.name == "4x3" || v.name == "1x1") {
            continue;
          }
          if (pick == nullptr || v.name == "800") pick = &v;
        }
      }
      if (pick != nullptr) {
        item.photo = site::FeedItem::Enclosure{
            PhotoUrl(*a.photo_id, *pick), pick->byte_size, pick->content_type};
      }
    }
    item.article = std::move(a);
    items.push_back(std::move(item));
  }
  std::string body = site::RenderRss(SiteFor(request), items);
  // The feed is the same for everyone until an article changes: a hash of
  // it is its ETag, the last change its Last-Modified.
  const std::string etag =
      absl::StrCat("\"", absl::Hex(std::hash<std::string>()(body)), "\"");
  if (NotModified(c, request, etag, modified)) return;
  http::Response r;
  r.content_type = "application/rss+xml; charset=utf-8";
  r.headers = {
      {"ETag", etag},
      {"Last-Modified", absl::FormatTime("%a, %d %b %Y %H:%M:%S GMT", modified,
                                         absl::UTCTimeZone())},
      {"Cache-Control", "public, max-age=60"}};
  r.body = std::move(body);
  Respond(c, std::move(r));
}

void App::Robots(Context& c, const http::Request& request, const PathParams&) {
  http::Response r;
  r.content_type = "text/plain; charset=utf-8";
  r.headers.push_back({"Cache-Control", "public, max-age=3600"});
  r.body = site::RenderRobots(SiteFor(request));
  Respond(c, std::move(r));
}

void App::Sitemap(Context& c, const http::Request& request, const PathParams&) {
  SitemapOf(c, request, /*news=*/false);
}

void App::NewsSitemap(Context& c, const http::Request& request,
                      const PathParams&) {
  SitemapOf(c, request, /*news=*/true);
}

void App::SitemapOf(Context& c, const http::Request& request, bool news) {
  auto articles = store_.ListArticles(news ? 1000 : 50000);
  if (!articles.ok()) {
    ErrorFromStatus(c, articles.status());
    return;
  }
  const site::SiteInfo info = SiteFor(request);
  http::Response r;
  r.content_type = "application/xml; charset=utf-8";
  r.headers.push_back({"Cache-Control", "public, max-age=300"});
  r.body = news ? site::RenderNewsSitemap(info, *articles, absl::Now())
                : site::RenderSitemap(info, *articles);
  Respond(c, std::move(r));
}

}  // namespace newsroom::server
