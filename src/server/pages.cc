// The HTML pages, the RSS feed, photos and static assets.
#include <fstream>
#include <sstream>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "server/app.h"
#include "server/app_internal.h"

namespace newsroom::server {

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
    view.sizes.push_back(
        {absl::StrCat("/media/photos/", view.id, "/", v.name, ".jpg"), v.width,
         v.height});
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
  const std::string order = request.query_param("order").value_or("newest");
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
      absl::StrCat(AV(slug), "|", order, "|", info.base_url);
  const uint64_t generation = generation_.load();
  // What every node agrees on: read before the article and its comments,
  // so that a page cached under it shows every change made before it
  // moved, on whichever node (store.h).
  uint64_t shared_generation = 0;
  if (cacheable) {
    absl::StatusOr<uint64_t> g = store_.PageGeneration();
    if (!g.ok()) {
      ErrorFromStatus(c, g.status());
      return;
    }
    shared_generation = *g;
  }
  if (cacheable) {
    std::lock_guard<std::mutex> lock(cache_mu_);
    auto it = page_cache_.find(key);
    if (it != page_cache_.end() && it->second.generation == generation &&
        it->second.shared_generation == shared_generation) {
      Html(c, 200, it->second.html);
      return;
    }
  }

  absl::StatusOr<store::Article> article = store_.FindArticle(slug);
  if (!article.ok()) {
    if (absl::IsNotFound(article.status()) ||
        absl::IsInvalidArgument(article.status())) {
      Html(c, 404,
           site::RenderErrorPage(info, 404,
                                 "Haber bulunamadı / Article not found"));
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
  if (posted == "approved") {
    page.notice = site::FormNotice{
        "approved", "Yorumunuz yayımlandı. / Your comment is published.", "",
        ""};
  } else if (posted == "pending") {
    page.notice = site::FormNotice{"pending",
                                   "Yorumunuz moderatör onayı bekliyor. / Your "
                                   "comment is waiting for a moderator.",
                                   "", ""};
  } else if (reported) {
    page.notice = site::FormNotice{
        "reported",
        "Bildiriminiz alındı. / Thank you: your report was received.", "", ""};
  }
  std::string html = site::RenderArticlePage(info, page);
  if (cacheable) {
    std::lock_guard<std::mutex> lock(cache_mu_);
    if (page_cache_.size() > 10000) page_cache_.clear();
    page_cache_[key] = CachedPage{generation, shared_generation, html};
  }
  Html(c, 200, std::move(html));
}

void App::PhotoPage(Context& c, const http::Request& request,
                    const PathParams& p) {
  const std::string_view slug = p.Get("slug");
  const site::SiteInfo info = SiteFor(request);
  absl::StatusOr<store::Article> article = store_.FindArticle(slug);
  if (!article.ok()) {
    Html(c, 404,
         site::RenderErrorPage(info, 404,
                               "Haber bulunamadı / Article not found"));
    return;
  }
  auto photo = PhotoViewFor(*article);
  if (!photo.ok()) {
    ErrorFromStatus(c, photo.status());
    return;
  }
  if (!photo->has_value()) {
    Html(
        c, 404,
        site::RenderErrorPage(
            info, 404, "Bu haberin fotoğrafı yok / This article has no photo"));
    return;
  }
  Html(c, 200, site::RenderPhotoPage(info, *article, **photo));
}

void App::PhotoFile(Context& c, const http::Request& request,
                    const PathParams& p) {
  const int64_t id = p.Id();
  const std::string_view file = p.Get("file");
  if (!absl::EndsWith(AV(file), ".jpg")) {
    Error(c, 404, "no such photo size");
    return;
  }
  const std::string_view size = file.substr(0, file.size() - 4);
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

void App::Rss(Context& c, const http::Request& request, const PathParams&) {
  auto articles = store_.ListArticles(50);
  if (!articles.ok()) {
    ErrorFromStatus(c, articles.status());
    return;
  }
  http::Response r;
  r.content_type = "application/rss+xml; charset=utf-8";
  r.body = site::RenderRss(SiteFor(request), *articles);
  Respond(c, std::move(r));
}

void App::Asset(Context& c, const http::Request&, const PathParams& p) {
  const std::string_view name = p.Get("file");
  if (name == "site.css") {
    http::Response r;
    r.content_type = "text/css; charset=utf-8";
    r.headers.push_back({"Cache-Control", "public, max-age=3600"});
    r.body = std::string(site::DefaultStylesheet());
    Respond(c, std::move(r));
    return;
  }
  // Built browser assets: plain names only, nothing outside the directory.
  bool plain = !name.empty() && name[0] != '.';
  for (char ch : name) {
    plain = plain && (absl::ascii_isalnum(static_cast<unsigned char>(ch)) ||
                      ch == '.' || ch == '-' || ch == '_');
  }
  std::ifstream in(
      plain ? assets_dir_ + "/" + std::string(name) : std::string(),
      std::ios::binary);
  if (!plain || !in) {
    Error(c, 404, absl::StrCat("no asset ", std::string(name)));
    return;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  http::Response r;
  if (absl::EndsWith(AV(name), ".js")) {
    r.content_type = "text/javascript; charset=utf-8";
  } else if (absl::EndsWith(AV(name), ".css")) {
    r.content_type = "text/css; charset=utf-8";
  } else if (absl::EndsWith(AV(name), ".svg")) {
    r.content_type = "image/svg+xml";
  } else if (absl::EndsWith(AV(name), ".map") ||
             absl::EndsWith(AV(name), ".json")) {
    r.content_type = "application/json";
  } else {
    r.content_type = "application/octet-stream";
  }
  r.headers.push_back({"Cache-Control", "public, max-age=300"});
  r.body = ss.str();
  Respond(c, std::move(r));
}

}  // namespace newsroom::server
