// The news site: every route of `newsroom serve`, as one handler for
// http::Server.
//
//   auto calibration = server::perspective::Calibration::Load(path);
//   server::App app(*engine, *store, config, *calibration);
//   auto http = http::Server::Start(options, [&app](http::Request r,
//                                                   http::Responder w) {
//     app.Handle(std::move(r), std::move(w));
//   });
//
// Routes (docs/api.md has the request and answer of each):
//   readers' pages: /  /news/{slug}  /news/{slug}/photo  /rss.xml
//     /sitemap.xml  /news-sitemap.xml  /robots.txt  /media/photos/…
//     /assets/…  /favicon.svg; forms: POST /news/{slug}/comments,
//     …/comments/{id}/report
//   staff pages: /login  /logout  /moderation (and /moderation/decide,
//     /moderation/comments/{id}/thread)  /desk  /desk/new
//     /desk/articles/{id}  /desk/preview
//   /api/v1/…: articles, comments, moderate, session, the moderation
//     queue, decisions, threads, counts, photos
//   /v1alpha1/comments:analyze  :suggestscore (Google's Perspective API,
//     for Coral Talk and other Perspective clients; docs/perspective.md)
//   /healthz  /metrics
//
// Routes are a table in app.cc (path pattern, methods, CORS, handler);
// a handler reads the request, calls the components, and answers. The
// life of a comment (validate → moderate → status → store) is
// comments::Intake's; the site only parses the post and shapes the answer,
// which leaves from the store's writer thread once the comment is on disk
// (docs/architecture.md).
#ifndef NEWSROOM_SERVER_APP_H_
#define NEWSROOM_SERVER_APP_H_

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "auth/auth.h"
#include "auth/login_guard.h"
#include "comments/intake.h"
#include "http/server.h"
#include "moderation/engine.h"
#include "nlohmann/json.hpp"
#include "server/access_log.h"
#include "server/config.h"
#include "server/metrics.h"
#include "server/page_cache.h"
#include "server/perspective.h"
#include "server/router.h"
#include "server/worker_pool.h"
#include "site/render.h"
#include "store/store.h"

namespace newsroom::server {

// The network a client address stands for in per-client limits: an IPv4
// address itself, an IPv6 address's /64 (what one subscriber gets, so
// that rotating through it does not make a new client).
// "2001:db8:1:2:aa::5" → "2001:db8:1:2::/64".
std::string ClientNetwork(std::string_view address);

// True when a Host header is a host name or address with an optional port
// ("haber.example.com", "127.0.0.1:8080", "[::1]:8080"), nothing else.
bool IsHostHeader(std::string_view host);

class App {
 public:
  // `calibration` maps the engine's abuse scores to Perspective's TOXICITY
  // (loaded once at start, perspective::Calibration::Load). The engine and
  // the store must outlive the App.
  App(const moderation::Engine& engine, store::Store& store, Config config,
      perspective::Calibration calibration);
  ~App();

  void Handle(http::Request request, http::Responder respond);

  // Gives a new, empty database the demo article of data/demo/site/ with
  // a photo Newsroom draws. Does nothing when there are articles already.
  absl::Status SeedDemoContent(const std::string& data_dir);

  // Deletes rejected comments older than the retention period.
  absl::Status PurgeModerationLog();

  Metrics& metrics() { return metrics_; }

  // Where the route that answers `method` and `path` runs (the I/O thread
  // for quick work, a worker for the engine, libvips and argon2id);
  // kInline when no route answers. For tests and the docs' route list.
  static Exec WhereRuns(std::string_view method, std::string_view path);

 private:
  struct Context;  // one request on its way: route, timing, client
  struct Viewer;   // the logged-in user of a request, if any
  struct LoginResult {
    int status = 200;
    int64_t retry_after = 0;  // seconds, for 429
    std::string message;
    std::string token;
    store::Session session;
    store::User user;
  };

  // Every route: what it matches and who answers it (app.cc has the
  // table). A handler gets the request and the path's parameters.
  using Handler = void (App::*)(Context& c, const http::Request& request,
                                const PathParams& path);
  static const RouteTable<Handler>& Routes();
  void Healthz(Context& c, const http::Request& request, const PathParams& p);
  void MetricsText(Context& c, const http::Request& request,
                   const PathParams& p);

  // Reader-facing JSON API and forms (comments.cc).
  void PostCommentApi(Context& c, const http::Request& request,
                      const PathParams& p);
  void PostCommentForm(Context& c, const http::Request& request,
                       const PathParams& p);
  void PostComment(Context& c, const http::Request& request,
                   std::string_view slug, bool form);
  void ListCommentsApi(Context& c, const http::Request& request,
                       const PathParams& p);
  void ReportCommentApi(Context& c, const http::Request& request,
                        const PathParams& p);
  void ReportCommentForm(Context& c, const http::Request& request,
                         const PathParams& p);
  void ReportComment(Context& c, const http::Request& request, int64_t id,
                     std::string_view form_slug);
  void ModerateApi(Context& c, const http::Request& request,
                   const PathParams& p);

  // Accounts and moderation (moderation.cc).
  // A password tried: the session made, or why not (401, 403, 429, 5xx).
  LoginResult TryLogin(const http::Request& request,
                       const std::string& username,
                       const std::string& password);
  void LoginApi(Context& c, const http::Request& request, const PathParams& p);
  void LogoutApi(Context& c, const http::Request& request, const PathParams& p);
  void QueueApi(Context& c, const http::Request& request, const PathParams& p);
  void AuditApi(Context& c, const http::Request& request, const PathParams& p);
  void ApproveApi(Context& c, const http::Request& request,
                  const PathParams& p);
  void RejectApi(Context& c, const http::Request& request, const PathParams& p);
  void DecideApi(Context& c, const http::Request& request, int64_t id,
                 store::CommentStatus to);
  void LoginPage(Context& c, const http::Request& request, const PathParams& p);
  void LoginForm(Context& c, const http::Request& request, const PathParams& p);
  void LogoutForm(Context& c, const http::Request& request,
                  const PathParams& p);
  void ModerationPage(Context& c, const http::Request& request,
                      const PathParams& p);
  void ApproveForm(Context& c, const http::Request& request,
                   const PathParams& p);
  void RejectForm(Context& c, const http::Request& request,
                  const PathParams& p);
  void DecideForm(Context& c, const http::Request& request, int64_t id,
                  store::CommentStatus to);

  // Google's Perspective API (perspective_routes.cc). Every answer,
  // errors included, is in Google's shape (perspective::ErrorJson).
  void PerspectiveRoute(Context& c, const http::Request& request,
                        const PathParams& p);
  void AnalyzeCommentApi(Context& c, const http::Request& request);
  void SuggestScoreApi(Context& c, const http::Request& request);
  // The request's valid API key (`key` parameter or X-Goog-Api-Key header)
  // within its rate, or an answered 403 or 429.
  std::optional<store::ApiKey> RequireApiKey(Context& c,
                                             const http::Request& request);
  // The body as a JSON object, or an answered 400 or 413.
  std::optional<nlohmann::json> ReadPerspectiveJson(
      Context& c, const http::Request& request);
  void PerspectiveError(Context& c, int status, std::string_view message,
                        std::vector<http::Header> headers = {});
  void PerspectiveError(Context& c, const absl::Status& status);

  // The editors' desk (desk.cc).
  // The signed-in editor, or nullopt after answering: a redirect to sign
  // in, or 403 for a moderator.
  std::optional<Viewer> RequireEditorPage(Context& c,
                                          const http::Request& request);
  void DeskPage(Context& c, const http::Request& request, const PathParams& p);
  void NewArticlePage(Context& c, const http::Request& request,
                      const PathParams& p);
  void EditArticlePage(Context& c, const http::Request& request,
                       const PathParams& p);
  void CreateArticleForm(Context& c, const http::Request& request,
                         const PathParams& p);
  void SaveArticleForm(Context& c, const http::Request& request,
                       const PathParams& p);
  void PreviewArticleForm(Context& c, const http::Request& request,
                          const PathParams& p);
  // Saves the editor's form: id 0 creates an article.
  void SaveArticle(Context& c, const http::Request& request, int64_t id);
  void ShowEditor(Context& c, const http::Request& request,
                  const Viewer& viewer, const store::Article& stored,
                  const store::Article& fields, int status, std::string error);

  // The queue at volume (queue.cc).
  struct QueueFilter {
    store::QueueQuery query;
    std::string since;  // YYYY-MM-DD as asked, for the page to echo
    std::string until;
  };
  // The queue's filters from the query string (status, q, article, rule,
  // since, until, after, limit); InvalidArgument naming a bad one.
  absl::StatusOr<QueueFilter> ReadQueueFilter(
      const http::Request& request) const;
  struct DecisionOutcome {
    // The comments decided, with the status each had before.
    std::vector<std::pair<store::Comment, std::optional<store::CommentStatus>>>
        decided;
    // The ids refused, with why (FailedPrecondition: decided by someone
    // else first).
    std::vector<std::pair<int64_t, absl::Status>> refused;
  };
  DecisionOutcome DecideMany(
      const std::vector<store::DecisionRequest>& requests,
      const Viewer& viewer);
  void DecideManyForm(Context& c, const http::Request& request,
                      const PathParams& p);
  void DecideManyApi(Context& c, const http::Request& request,
                     const PathParams& p);
  void ThreadApi(Context& c, const http::Request& request, const PathParams& p);
  void ThreadPage(Context& c, const http::Request& request,
                  const PathParams& p);
  void CountsApi(Context& c, const http::Request& request, const PathParams& p);
  // What became of a comment, for the commenter who holds its receipt.
  void CommentStatusApi(Context& c, const http::Request& request,
                        const PathParams& p);

  // Editors (articles.cc).
  void ListArticlesApi(Context& c, const http::Request& request,
                       const PathParams& p);
  void GetArticleApi(Context& c, const http::Request& request,
                     const PathParams& p);
  void CreateArticleApi(Context& c, const http::Request& request,
                        const PathParams& p);
  void UpdateArticleApi(Context& c, const http::Request& request,
                        const PathParams& p);
  void UploadPhotoApi(Context& c, const http::Request& request,
                      const PathParams& p);

  // Pages (pages.cc).
  void FrontPage(Context& c, const http::Request& request, const PathParams& p);
  void ArticlePage(Context& c, const http::Request& request,
                   const PathParams& p);
  void PhotoPage(Context& c, const http::Request& request, const PathParams& p);
  void PhotoFile(Context& c, const http::Request& request, const PathParams& p);
  void Rss(Context& c, const http::Request& request, const PathParams& p);
  void Robots(Context& c, const http::Request& request, const PathParams& p);
  void Sitemap(Context& c, const http::Request& request, const PathParams& p);
  void NewsSitemap(Context& c, const http::Request& request,
                   const PathParams& p);
  void SitemapOf(Context& c, const http::Request& request, bool news);
  // 304 answered (true) when the request's If-None-Match names `etag`, or
  // its If-Modified-Since is not before `modified` (and it names none).
  bool NotModified(Context& c, const http::Request& request,
                   const std::string& etag, absl::Time modified);

  // Static assets and compression (assets.cc).
  struct StaticAsset {
    std::string content_type;
    std::string cache_control;
    std::string body;
    std::string gzip;  // empty: not worth compressing
  };
  void LoadAssets();
  void AddAsset(std::string name, std::string content_type,
                std::string cache_control, std::string body);
  void Asset(Context& c, const http::Request& request, const PathParams& p);
  void Favicon(Context& c, const http::Request& request, const PathParams& p);
  // gzip for a compressible answer the client takes it for; Vary always.
  void Compress(Context& c, http::Response& response);

  // Helpers (app.cc).
  void Respond(Context& c, http::Response response);
  void Json(Context& c, int status, const nlohmann::json& body,
            std::vector<http::Header> headers = {});
  void Error(Context& c, int status, std::string_view message,
             std::vector<http::Header> headers = {});
  void ErrorFromStatus(Context& c, const absl::Status& status);
  void Html(Context& c, int status, std::string body,
            std::vector<http::Header> headers = {});
  void Redirect(Context& c, std::string location,
                std::vector<http::Header> headers = {});
  void NotFound(Context& c, const http::Request& request);
  // True when `key` may make one more request of `limit` now (and counts
  // it); otherwise answers 429 "too many `what` from this address" with
  // Retry-After and returns false.
  bool WithinLimit(Context& c, auth::RateLimit& limit, std::string_view key,
                   std::string_view what);
  // The generation an answer cached now is valid for, or an answered
  // error when the store cannot say.
  std::optional<PageCache::Generation> CacheGeneration(Context& c);
  // A cached page or list: 304 when the request's If-None-Match names its
  // ETag, else the body; both with the ETag.
  void Cached(Context& c, const http::Request& request,
              const PageCache::Entry& entry, std::string_view content_type);
  // The parsed JSON object of a request body, or an answered error.
  std::optional<nlohmann::json> ReadJson(Context& c,
                                         const http::Request& request);
  // The fields of an x-www-form-urlencoded body, or an answered error.
  std::optional<std::unordered_map<std::string, std::string>> ReadForm(
      Context& c, const http::Request& request);
  // False (and 403 answered) when a browser form came from another site.
  bool SameOrigin(Context& c, const http::Request& request);
  // The session of the request's cookie, if valid.
  std::optional<Viewer> FindViewer(const http::Request& request);
  // The viewer, or an answered 401/403 (and CSRF checked for writes).
  std::optional<Viewer> RequireViewer(Context& c, const http::Request& request,
                                      bool editor_only, bool check_csrf);
  std::string ClientKey(const http::Request& request) const;
  bool Secure(const http::Request& request) const;
  std::string SessionCookie(std::string_view token, absl::Duration max_age,
                            const http::Request& request) const;
  site::SiteInfo SiteFor(const http::Request& request) const;
  // `tr` or `en`, in the site's language (`[site] lang`): what the server
  // itself says on a page (notices, errors).
  std::string SiteText(std::string_view tr, std::string_view en) const {
    return std::string(config_.lang == "en" ? en : tr);
  }
  // The article readers may see: NotFound for a draft as for a slug that
  // was never used.
  absl::StatusOr<store::Article> FindPublishedArticle(std::string_view slug);
  // The URL a photo's stored variant is served at.
  static std::string PhotoUrl(int64_t photo_id, const store::PhotoVariant& v);
  absl::StatusOr<std::optional<site::PhotoView>> PhotoViewFor(
      const store::Article& article);
  // Which window of an article's approved comments a reader asked for
  // (the article page, the embed's list). See CommentWindowFor.
  struct WindowRequest {
    store::CommentOrder order = store::CommentOrder::kNewestFirst;
    // The threads after this comment's (a cursor a previous window gave).
    std::optional<int64_t> cursor;
    // Without a cursor: begin with this comment's thread (a permalink, a
    // reply being written), when it is a published comment of the
    // article; else the first window.
    std::optional<int64_t> anchor;
    int threads = 0;
  };
  // The window a reader's query asks for: `order` (oldest, or else
  // newest), `cursor` and, when `with_limit`, `limit` (threads; default
  // `threads_per_page`). InvalidArgument naming a cursor or limit that is
  // not a plain number in range (ParseUrlNumber).
  absl::StatusOr<WindowRequest> WindowFromQuery(const http::Request& request,
                                                bool with_limit) const;
  // The window's part of a cache key, from canonical values only
  // ("newest|123|50").
  static std::string WindowKey(const WindowRequest& w);
  // The window `w` names, at most kRepliesShown replies a thread.
  // InvalidArgument when the cursor is not a comment of the article.
  absl::StatusOr<store::CommentWindow> CommentWindowFor(
      const store::Article& article, const WindowRequest& w);
  // Replies shown under each thread of a window.
  static constexpr int kRepliesShown = 50;
  // Puts a window's comments, total, cut replies and next cursor on a page.
  static void SetWindow(site::ArticlePage& page, store::CommentWindow window);
  void ArticlesChanged() { generation_.fetch_add(1); }

  const moderation::Engine& engine_;
  store::Store& store_;
  const Config config_;
  Metrics metrics_;
  const comments::Intake intake_;
  std::unique_ptr<AccessLog> access_log_;
  // Per client: comments, draft checks, reports.
  std::unique_ptr<auth::RateLimit> comment_limiter_;
  std::unique_ptr<auth::RateLimit> moderate_limiter_;
  std::unique_ptr<auth::RateLimit> report_limiter_;
  // Failed logins, per (account, client) with an account-wide backoff that
  // spares known-good clients (auth/login_guard.h).
  std::unique_ptr<auth::LoginGuard> login_guard_;
  // Client keys are hashes, salted with the site's salt, which every node
  // shares through the store (so that a reader's report counts once
  // whichever node takes it, and after restarts).
  std::string client_salt_;
  std::string assets_dir_;
  // Read at start (LoadAssets) and never changed: readable from any thread.
  std::unordered_map<std::string, StaticAsset> assets_;
  std::string script_path_;      // "/assets/newsroom-<hash>.js", or empty
  std::string stylesheet_path_;  // "/assets/site-<hash>.css"
  std::string favicon_png_;

  // Perspective API: the TOXICITY calibration, the per-key rate, and the
  // keys found valid (by key hash, with when), trusted for
  // config_.perspective_key_cache_seconds. Only valid keys are cached, so
  // the cache holds at most one entry per key the newsroom made.
  const perspective::Calibration calibration_;
  auth::RateLimiter api_key_limiter_;
  struct CachedKey {
    store::ApiKey key;
    absl::Time checked;
  };
  std::mutex key_cache_mu_;
  std::unordered_map<std::string, CachedKey> key_cache_;

  // Rendered article pages and comment lists, valid while generation_
  // (this node's changes) and the store's PageGeneration() (every node's)
  // have not moved (any change to an article or to which comments are
  // approved moves them), within config_.page_cache_megabytes.
  std::atomic<uint64_t> generation_{0};
  PageCache page_cache_;

  // Last: destroyed first, they finish their queued work while everything
  // it uses is still here.
  WorkerPool workers_;
  WorkerPool login_workers_;
};

}  // namespace newsroom::server

#endif  // NEWSROOM_SERVER_APP_H_
