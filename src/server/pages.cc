// The HTML pages for readers, the RSS feed, the sitemaps, robots.txt and
// photos. Readers see published articles only: a draft is 404 as a slug
// that was never used.
#include <algorithm>
#include <functional>
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

void App::ArticlePage(Context& c, const http::Request& request,
                      const PathParams& p) {
  const std::string_view slug = p.Get("slug");
  const site::SiteInfo info = SiteFor(request);
  // Only two orders exist; anything else a client writes is the default,
  // so that it cannot mint cache keys.
  const std::string order =
      request.query_param("order") == "oldest" ? "oldest" : "newest";
  const std::optional<std::string> posted = request.query_param("posted");
  const bool reported = request.query_param("reported").has_value();
  std::optional<int64_t> reply_to;
  if (auto r = request.query_param("reply_to")) {
    int64_t id = 0;
    if (absl::SimpleAtoi(*r, &id) && id > 0) reply_to = id;
  }
  // Plain views of the page are shared by every reader; only they are
  // cached.
  const bool cacheable = !posted && !reported && !reply_to;
  const std::string key =
      absl::StrCat("page|", AV(slug), "|", order, "|", info.base_url);
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
  auto comments =
      store_.ListComments(article->id, store::CommentStatus::kApproved);
  if (!comments.ok()) {
    ErrorFromStatus(c, comments.status());
    return;
  }
  page.comments = *std::move(comments);
  page.order = order == "oldest" ? site::CommentOrder::kOldestFirst
                                 : site::CommentOrder::kNewestFirst;
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
