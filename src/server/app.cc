// The site's entry: the route table, and what every route shares —
// answering (security headers, CORS, metrics, the access log), reading
// JSON and form bodies, sessions, and the page's site facts.
//
// A request is matched once against the table (server/router.h), which
// also decides 405, 404 and the CORS preflight; the handler then answers
// through the Context, exactly once, at once or later from another thread
// (a comment answers from the store's writer thread). Respond() is where
// every answer passes: it adds the headers every answer carries, counts
// the request in /metrics under its route's pattern, and logs it.
//
// The route handlers live by subject in comments.cc, moderation.cc,
// articles.cc, pages.cc and perspective_routes.cc; what a comment goes
// through before it is stored is comments::Intake's, not the site's.
//
// Tested end to end by tests/integration/site_test.py (every route),
// and the table's matching by router_test.cc.
#include "server/app.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "datadir/datadir.h"
#include "http/compress.h"
#include "moderation/rule_id.h"
#include "server/app_internal.h"
#include "server/json_body.h"
#include "text/utf8.h"

namespace newsroom::server {
namespace {

// The built browser assets: `web/` in an installed data directory, else
// the repository's web/dist/ beside data/.
std::string DefaultAssetsDir() {
  const std::string installed = datadir::Get() + "/web";
  if (std::ifstream(installed + "/embed.js").good()) return installed;
  return datadir::Get() + "/../web/dist";
}

}  // namespace

// ---------------------------------------------------------------------------
// App

namespace {

// The salt of client keys, shared by every node through the store. Should
// the database fail right after opening, a salt of this process's own
// keeps the site running (reports are then deduplicated per node until a
// restart), and the log says so.
std::string SiteSalt(store::Store& store) {
  absl::StatusOr<std::string> salt =
      store.SharedSecret("client-salt", auth::RandomToken(16));
  if (salt.ok()) return *salt;
  std::fprintf(stderr,
               "newsroom: the site's client salt could not be read (%s); "
               "using one of this process's own\n",
               salt.status().ToString().c_str());
  return auth::RandomToken(16);
}

}  // namespace

App::App(const moderation::Engine& engine, store::Store& store, Config config,
         perspective::Calibration calibration)
    : engine_(engine),
      store_(store),
      config_(std::move(config)),
      intake_(engine, store,
              comments::IntakeOptions{.max_author_chars =
                                          config_.max_author_chars}),
      // rate_per_minute 0 (--rate-limit 0, load tests) switches every
      // per-client limit off.
      comment_limiter_(std::make_unique<auth::RateLimiter>(
          config_.rate_per_minute / 60.0, config_.burst)),
      moderate_limiter_(std::make_unique<auth::RateLimiter>(
          config_.rate_per_minute > 0 ? config_.moderate_per_minute / 60.0 : 0,
          config_.moderate_burst)),
      report_limiter_(std::make_unique<auth::RateLimiter>(
          config_.rate_per_minute > 0 ? config_.reports_per_hour / 3600.0 : 0,
          std::max(1.0, config_.reports_per_hour / 5))),
      login_guard_(
          std::make_unique<auth::InMemoryLoginGuard>(auth::LoginGuardOptions{
              .pair_failures = config_.login_max_failures,
              .window = absl::Minutes(config_.login_window_minutes),
              .address_failures = config_.login_max_failures * 4,
              .account_failures = config_.login_max_failures * 4})),
      client_salt_(SiteSalt(store)),
      calibration_(std::move(calibration)),
      // A minute's worth of requests at once, then the rate.
      api_key_limiter_(config_.perspective_requests_per_minute / 60.0,
                       config_.perspective_requests_per_minute),
      page_cache_(static_cast<size_t>(config_.page_cache_megabytes) << 20),
      workers_({.threads = config_.workers,
                .max_queued = static_cast<size_t>(config_.worker_queue)}),
      // argon2id takes 64 MiB a hash: a thread or two, a short queue.
      login_workers_({.threads = 1, .max_queued = 32}) {
  auto log = AccessLog::Open(config_.access_log);
  if (log.ok()) {
    access_log_ = *std::move(log);
  } else {
    std::fprintf(stderr, "newsroom: %s; access log goes to stderr\n",
                 std::string(log.status().message()).c_str());
    access_log_ = AccessLog::Open("-").value();
  }
  assets_dir_ =
      config_.assets_dir.empty() ? DefaultAssetsDir() : config_.assets_dir;
  LoadAssets();
}

App::~App() = default;

void App::Respond(Context& c, http::Response response) {
  if (!c.respond) return;  // answered already
  response.headers.push_back({"X-Content-Type-Options", "nosniff"});
  if (c.cors) {
    response.headers.push_back({"Access-Control-Allow-Origin", "*"});
    response.headers.push_back(
        {"Access-Control-Expose-Headers", "Retry-After"});
  }
  if (absl::StartsWith(response.content_type, "text/html")) {
    response.headers.push_back({"X-Frame-Options", "DENY"});
    response.headers.push_back(
        {"Content-Security-Policy",
         "default-src 'self'; img-src 'self' data:; style-src 'self' "
         "'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; "
         "base-uri 'none'; form-action 'self'"});
    response.headers.push_back({"Referrer-Policy", "same-origin"});
  }
  Compress(c, response);
  const absl::Duration took = absl::Now() - c.start;
  metrics_.ObserveRequest(c.route, c.log_request->method, response.status,
                          took);
  access_log_->Write(*c.log_request, response.status, response.body.size(),
                     took);
  http::Responder respond = std::move(c.respond);
  c.respond = nullptr;
  respond(std::move(response));
}

void App::Json(Context& c, int status, const nlohmann::json& body,
               std::vector<http::Header> headers) {
  http::Response r;
  r.status = status;
  r.content_type = "application/json; charset=utf-8";
  r.headers = std::move(headers);
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  r.body.push_back('\n');
  Respond(c, std::move(r));
}

void App::Error(Context& c, int status, std::string_view message,
                std::vector<http::Header> headers) {
  http::Response r;
  r.status = status;
  r.content_type = "application/json; charset=utf-8";
  r.headers = std::move(headers);
  r.body = http::ErrorBody(status, message);
  Respond(c, std::move(r));
}

void App::ErrorFromStatus(Context& c, const absl::Status& status) {
  int code = 500;
  switch (status.code()) {
    case absl::StatusCode::kInvalidArgument:
      code = 400;
      break;
    case absl::StatusCode::kNotFound:
      code = 404;
      break;
    case absl::StatusCode::kAlreadyExists:
      code = 409;
      break;
    case absl::StatusCode::kFailedPrecondition:
      code = 409;
      break;
    case absl::StatusCode::kPermissionDenied:
      code = 403;
      break;
    case absl::StatusCode::kUnauthenticated:
      code = 401;
      break;
    case absl::StatusCode::kResourceExhausted:
      code = 429;
      break;
    case absl::StatusCode::kUnimplemented:
      code = 501;
      break;
    case absl::StatusCode::kUnavailable:
      code = 503;
      break;
    default:
      break;
  }
  if (code == 500) {
    std::fprintf(stderr, "newsroom: %s %s: %s\n", c.log_request->method.c_str(),
                 c.log_request->target.c_str(), status.ToString().c_str());
    Error(c, 500, "internal error; the server log has the details");
    return;
  }
  Error(c, code, SV(status.message()));
}

void App::Html(Context& c, int status, std::string body,
               std::vector<http::Header> headers) {
  http::Response r;
  r.status = status;
  r.content_type = "text/html; charset=utf-8";
  r.headers = std::move(headers);
  r.body = std::move(body);
  Respond(c, std::move(r));
}

void App::Redirect(Context& c, std::string location,
                   std::vector<http::Header> headers) {
  http::Response r;
  r.status = 303;
  r.content_type = "text/plain; charset=utf-8";
  r.headers = std::move(headers);
  r.headers.push_back({"Location", location});
  r.body = "See " + location + "\n";
  Respond(c, std::move(r));
}

std::optional<nlohmann::json> App::ReadJson(Context& c,
                                            const http::Request& request) {
  std::string_view type = request.header("content-type");
  if (!type.empty() &&
      !absl::StartsWithIgnoreCase(AV(type), "application/json")) {
    Error(c, 415,
          absl::StrCat("expected Content-Type application/json, got ",
                       std::string(type)));
    return std::nullopt;
  }
  absl::StatusOr<nlohmann::json> body =
      ParseJsonObject(request.body, config_.max_json_bytes);
  if (!body.ok()) {
    Error(c, JsonBodyHttpStatus(body.status()), SV(body.status().message()));
    return std::nullopt;
  }
  return *std::move(body);
}

std::optional<std::unordered_map<std::string, std::string>> App::ReadForm(
    Context& c, const http::Request& request) {
  if (request.body.size() > config_.max_json_bytes) {
    Error(c, 413,
          absl::StrCat("form of ", request.body.size(),
                       " bytes exceeds the limit of ", config_.max_json_bytes,
                       " bytes"));
    return std::nullopt;
  }
  std::string_view type = request.header("content-type");
  if (!absl::StartsWithIgnoreCase(AV(type),
                                  "application/x-www-form-urlencoded")) {
    Error(c, 415, "expected an application/x-www-form-urlencoded form");
    return std::nullopt;
  }
  std::unordered_map<std::string, std::string> fields;
  for (absl::string_view pair :
       absl::StrSplit(request.body, '&', absl::SkipEmpty())) {
    size_t eq = pair.find('=');
    absl::string_view k = pair.substr(0, eq);
    absl::string_view v =
        eq == absl::string_view::npos ? "" : pair.substr(eq + 1);
    std::optional<std::string> key =
        http::PercentDecode({k.data(), k.size()}, true);
    std::optional<std::string> value =
        http::PercentDecode({v.data(), v.size()}, true);
    if (!key || !value) {
      Error(c, 400, "form has a malformed percent escape");
      return std::nullopt;
    }
    if (!text::ValidateUtf8(*key).ok() || !text::ValidateUtf8(*value).ok()) {
      Error(c, 400, "form field is not valid UTF-8");
      return std::nullopt;
    }
    fields.emplace(*std::move(key), *std::move(value));
  }
  return fields;
}

bool App::SameOrigin(Context& c, const http::Request& request) {
  std::string_view host = request.header("host");
  auto matches = [&](std::string_view url) {
    size_t scheme = url.find("://");
    if (scheme == std::string_view::npos) return false;
    std::string_view rest = url.substr(scheme + 3);
    rest = rest.substr(0, rest.find('/'));
    return !host.empty() && rest == host;
  };
  std::string_view origin = request.header("origin");
  if (origin == "null") {
    // An opaque origin (a sandboxed frame, a data: URL, a file): never ours.
  } else if (!origin.empty()) {
    if (matches(origin)) return true;
  } else {
    std::string_view referer = request.header("referer");
    if (referer.empty() || matches(referer)) return true;
  }
  Error(c, 403, "cross-site form posts are refused");
  return false;
}

bool IsHostHeader(std::string_view host) {
  if (host.empty() || host.size() > 255) return false;
  size_t end = host.size();
  if (host.front() == '[') {
    end = host.find(']');
    if (end == std::string_view::npos) return false;
    for (char ch : host.substr(1, end - 1)) {
      if (!absl::ascii_isxdigit(static_cast<unsigned char>(ch)) && ch != ':' &&
          ch != '.') {
        return false;
      }
    }
    ++end;
  } else {
    end = std::min(host.find(':'), host.size());
    if (end == 0) return false;
    for (char ch : host.substr(0, end)) {
      if (!absl::ascii_isalnum(static_cast<unsigned char>(ch)) && ch != '.' &&
          ch != '-') {
        return false;
      }
    }
  }
  if (end == host.size()) return true;
  if (host[end] != ':' || end + 1 == host.size() || host.size() - end > 6) {
    return false;
  }
  for (char ch : host.substr(end + 1)) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(ch))) return false;
  }
  return true;
}

std::string ClientNetwork(std::string_view address) {
  in6_addr v6;
  const std::string text(address);
  if (inet_pton(AF_INET6, text.c_str(), &v6) != 1) return text;
  char out[INET6_ADDRSTRLEN];
  std::memset(v6.s6_addr + 8, 0, 8);  // a /64 is one subscriber
  if (inet_ntop(AF_INET6, &v6, out, sizeof out) == nullptr) return text;
  return std::string(out) + "/64";
}

std::string App::ClientKey(const http::Request& request) const {
  std::string address = request.remote_address;
  if (config_.trust_proxy) {
    std::string_view forwarded = request.header("x-forwarded-for");
    if (!forwarded.empty()) {
      address = std::string(absl::StripAsciiWhitespace(
          AV(forwarded.substr(0, forwarded.find(',')))));
    }
  }
  return auth::TokenHash(client_salt_ + ClientNetwork(address)).substr(0, 24);
}

bool App::Secure(const http::Request& request) const {
  if (config_.secure_cookies) return true;
  return config_.trust_proxy &&
         absl::EqualsIgnoreCase(AV(request.header("x-forwarded-proto")),
                                "https");
}

absl::StatusOr<store::Article> App::FindPublishedArticle(
    std::string_view slug) {
  absl::StatusOr<store::Article> article = store_.FindArticle(slug);
  if (article.ok() && !article->published) {
    return absl::NotFoundError(
        absl::StrCat("no published article ", std::string(slug)));
  }
  return article;
}

site::SiteInfo App::SiteFor(const http::Request& request) const {
  site::SiteInfo info;
  info.name = config_.site_name;
  info.lang = config_.lang == "en" ? site::Lang::kEn : site::Lang::kTr;
  if (!config_.base_url.empty()) {
    info.base_url = config_.base_url;
  } else {
    // Only on a server for this machine (serve refuses a public address
    // without base_url): the Host header, if it is a host name.
    std::string_view host = request.header("host");
    info.base_url =
        absl::StrCat(Secure(request) ? "https://" : "http://",
                     IsHostHeader(host) ? std::string(host) : config_.listen);
  }
  while (!info.base_url.empty() && info.base_url.back() == '/') {
    info.base_url.pop_back();
  }
  info.policy_tr = moderation::PolicyText().tr;
  info.policy_en = moderation::PolicyText().en;
  info.stylesheets.push_back(stylesheet_path_);
  if (!script_path_.empty()) info.scripts.push_back(script_path_);
  return info;
}

// ---------------------------------------------------------------------------
// Routes

const RouteTable<App::Handler>& App::Routes() {
  static const RouteTable<Handler>* const table = [] {
    auto* t = new RouteTable<Handler>;
    constexpr Cors kSite = Cors::kSameOrigin;
    // The reader API that embedded comments on other sites call: reading
    // and posting comments, and the draft check. Anonymous (no cookie is
    // read or set), so any origin may call it; a browser asks first with
    // OPTIONS. Reporting is the site's own pages' only: a report hides a
    // comment, and no other site's page may send them in a reader's name.
    constexpr Cors kEmbed = Cors::kAnyOrigin;

    // Pages and files.
    t->Add({"GET"}, "/", kSite, &App::FrontPage);
    t->Add({"GET"}, "/news/{slug}", kSite, &App::ArticlePage);
    t->Add({"GET"}, "/news/{slug}/photo", kSite, &App::PhotoPage);
    // Where the engine, argon2id or libvips run: off the I/O threads.
    constexpr Exec kWorker = Exec::kWorker;
    constexpr Exec kLogin = Exec::kLogin;
    t->Add({"POST"}, "/news/{slug}/comments", kSite, &App::PostCommentForm,
           kWorker);
    t->Add({"POST"}, "/news/{slug}/comments/{id}/report", kSite,
           &App::ReportCommentForm);
    t->Add({"GET"}, "/rss.xml", kSite, &App::Rss);
    t->Add({"GET"}, "/feed.xml", kSite, &App::Rss);
    t->Add({"GET"}, "/sitemap.xml", kSite, &App::Sitemap);
    t->Add({"GET"}, "/news-sitemap.xml", kSite, &App::NewsSitemap);
    t->Add({"GET"}, "/robots.txt", kSite, &App::Robots);
    t->Add({"GET"}, "/favicon.svg", kSite, &App::Favicon);
    t->Add({"GET"}, "/favicon.ico", kSite, &App::Favicon);
    t->Add({"GET"}, "/media/photos/{id}/{file}", kSite, &App::PhotoFile);
    t->Add({"GET"}, "/assets/{file}", kSite, &App::Asset);
    t->Add({"GET"}, "/healthz", kSite, &App::Healthz);
    t->Add({"GET"}, "/metrics", kSite, &App::MetricsText);

    // Moderators' pages.
    t->Add({"GET"}, "/login", kSite, &App::LoginPage);
    t->Add({"POST"}, "/login", kSite, &App::LoginForm, kLogin);
    t->Add({"POST"}, "/logout", kSite, &App::LogoutForm);
    t->Add({"GET"}, "/moderation", kSite, &App::ModerationPage);
    t->Add({"POST"}, "/moderation/comments/{id}/approve", kSite,
           &App::ApproveForm);
    t->Add({"POST"}, "/moderation/comments/{id}/reject", kSite,
           &App::RejectForm);
    t->Add({"POST"}, "/moderation/decide", kSite, &App::DecideManyForm);
    t->Add({"GET"}, "/moderation/comments/{id}/thread", kSite,
           &App::ThreadPage);

    // The editors' desk.
    t->Add({"GET"}, "/desk", kSite, &App::DeskPage);
    t->Add({"GET"}, "/desk/new", kSite, &App::NewArticlePage);
    // Both forms may carry a photo that libvips decodes and resizes.
    t->Add({"POST"}, "/desk/new", kSite, &App::CreateArticleForm, kWorker);
    t->Add({"POST"}, "/desk/preview", kSite, &App::PreviewArticleForm);
    t->Add({"GET"}, "/desk/articles/{id}", kSite, &App::EditArticlePage);
    t->Add({"POST"}, "/desk/articles/{id}", kSite, &App::SaveArticleForm,
           kWorker);

    // The JSON API (docs/api.md).
    t->Add({"POST"}, "/api/v1/moderate", kEmbed, &App::ModerateApi, kWorker);
    t->Add({"GET"}, "/api/v1/articles/{slug}/comments", kEmbed,
           &App::ListCommentsApi);
    t->Add({"POST"}, "/api/v1/articles/{slug}/comments", kEmbed,
           &App::PostCommentApi, kWorker);
    t->Add({"POST"}, "/api/v1/comments/{id}/report", kSite,
           &App::ReportCommentApi);
    t->Add({"GET"}, "/api/v1/comments/{id}/status", kEmbed,
           &App::CommentStatusApi);
    t->Add({"GET"}, "/api/v1/articles", kSite, &App::ListArticlesApi);
    t->Add({"POST"}, "/api/v1/articles", kSite, &App::CreateArticleApi);
    t->Add({"GET"}, "/api/v1/articles/{slug}", kSite, &App::GetArticleApi);
    t->Add({"PATCH", "PUT"}, "/api/v1/articles/{slug}", kSite,
           &App::UpdateArticleApi);
    t->Add({"POST"}, "/api/v1/photos", kSite, &App::UploadPhotoApi, kWorker);
    t->Add({"POST"}, "/api/v1/session", kSite, &App::LoginApi, kLogin);
    t->Add({"DELETE"}, "/api/v1/session", kSite, &App::LogoutApi);
    t->Add({"GET"}, "/api/v1/moderation/queue", kSite, &App::QueueApi);
    t->Add({"GET"}, "/api/v1/moderation/audit", kSite, &App::AuditApi);
    t->Add({"POST"}, "/api/v1/moderation/decisions", kSite,
           &App::DecideManyApi);
    t->Add({"GET"}, "/api/v1/moderation/comments/{id}/thread", kSite,
           &App::ThreadApi);
    t->Add({"GET"}, "/api/v1/moderation/counts", kSite, &App::CountsApi);
    t->Add({"POST"}, "/api/v1/comments/{id}/approve", kSite, &App::ApproveApi);
    t->Add({"POST"}, "/api/v1/comments/{id}/reject", kSite, &App::RejectApi);

    // Google's Perspective API: the method is the last path segment
    // ("comments:analyze"); the handler answers every HTTP method, in
    // Google's error shape.
    t->Add({}, "/v1alpha1/{method}", kSite, &App::PerspectiveRoute, kWorker);
    return t;
  }();
  return *table;
}

Exec App::WhereRuns(std::string_view method, std::string_view path) {
  RouteMatch<Handler> match = Routes().Find(method, path);
  if (match.outcome != RouteOutcome::kFound) return Exec::kInline;
  return match.route->exec;
}

void App::Handle(http::Request request, http::Responder respond) {
  Context c;
  c.start = absl::Now();
  c.respond = std::move(respond);
  c.log_request = std::make_shared<http::Request>();
  c.log_request->method = request.method;
  c.log_request->target = request.target;
  c.log_request->remote_address = request.remote_address;
  c.app = this;
  c.accept_gzip = http::AcceptsGzip(request.header("accept-encoding"));

  RouteMatch<Handler> match = Routes().Find(request.method, request.path);
  c.cors = match.cors;
  switch (match.outcome) {
    case RouteOutcome::kFound: {
      c.route = match.route->pattern.text();
      const Handler handler = match.route->handler;
      if (match.route->exec == Exec::kInline) {
        (this->*handler)(c, request, match.params);
        return;
      }
      WorkerPool& pool =
          match.route->exec == Exec::kLogin ? login_workers_ : workers_;
      const bool queued =
          pool.TrySubmit([this, handler, c, request = std::move(request),
                          params = std::move(match.params)]() mutable {
            (this->*handler)(c, request, params);
          });
      if (!queued) {
        Error(c, 503, "the server is busy; try again in a moment",
              {{"Retry-After", "1"}});
      }
      return;
    }
    case RouteOutcome::kPreflight: {
      c.route = "preflight";
      http::Response r;
      r.status = 204;
      r.headers = {{"Access-Control-Allow-Methods", "GET, POST, OPTIONS"},
                   {"Access-Control-Allow-Headers", "Content-Type"},
                   {"Access-Control-Max-Age", "86400"}};
      Respond(c, std::move(r));
      return;
    }
    case RouteOutcome::kWrongMethod:
      c.route = match.route->pattern.text();
      Error(c, 405,
            absl::StrCat("method ", request.method,
                         " is not allowed here; allowed: ", match.allow),
            {{"Allow", match.allow}});
      return;
    case RouteOutcome::kNotFound:
      NotFound(c, request);
      return;
  }
}

void App::NotFound(Context& c, const http::Request& request) {
  c.route = "unmatched";
  if (absl::StartsWith(request.path, "/api/")) {
    Error(c, 404, absl::StrCat("no API route ", request.path));
  } else {
    Html(c, 404,
         site::RenderErrorPage(
             SiteFor(request), 404,
             SiteText("Sayfa bulunamadı.", "Page not found.")));
  }
}

bool App::WithinLimit(Context& c, auth::RateLimit& limit, std::string_view key,
                      std::string_view what) {
  const absl::Time now = absl::Now();
  if (limit.Allow(key, now)) return true;
  const int after = limit.RetryAfterSeconds(key, now);
  Error(c, 429,
        absl::StrCat("too many ", AV(what), " from this address; try again in ",
                     after, " s"),
        {{"Retry-After", absl::StrCat(after)}});
  return false;
}

void App::Healthz(Context& c, const http::Request&, const PathParams&) {
  // A node whose database does not answer is out of service: a load
  // balancer sends its readers elsewhere.
  http::Response r;
  r.headers.push_back({"Cache-Control", "no-store"});
  if (absl::Status db = store_.Ping(); !db.ok()) {
    r.status = 503;
    r.headers.push_back({"Retry-After", "1"});
    r.body = "database unavailable\n";
  } else {
    r.body = "ok\n";
  }
  Respond(c, std::move(r));
}

void App::MetricsText(Context& c, const http::Request&, const PathParams&) {
  http::Response r;
  r.content_type = "text/plain; version=0.0.4; charset=utf-8";
  r.body = metrics_.Render();
  absl::StrAppend(
      &r.body,
      "# HELP newsroom_page_cache_entries Pages and comment lists in the "
      "page cache.\n# TYPE newsroom_page_cache_entries gauge\n"
      "newsroom_page_cache_entries ",
      page_cache_.size(),
      "\n# HELP newsroom_page_cache_bytes Bytes the page cache holds.\n"
      "# TYPE newsroom_page_cache_bytes gauge\nnewsroom_page_cache_bytes ",
      page_cache_.bytes(),
      "\n# HELP newsroom_worker_queue Requests waiting for a worker thread.\n"
      "# TYPE newsroom_worker_queue gauge\nnewsroom_worker_queue ",
      workers_.queued(), "\n");
  Respond(c, std::move(r));
}

absl::Status App::PurgeModerationLog() {
  if (config_.rejected_retention_days <= 0) return absl::OkStatus();
  absl::StatusOr<int64_t> n = store_.PurgeRejected(
      absl::Now() - absl::Hours(24) * config_.rejected_retention_days);
  return n.status();
}

}  // namespace newsroom::server
