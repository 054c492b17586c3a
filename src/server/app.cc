#include "server/app.h"

#include <charconv>
#include <fstream>
#include <sstream>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "moderation/rule_id.h"
#include "server/app_internal.h"
#include "text/utf8.h"

namespace newsroom::server {

// ---------------------------------------------------------------------------
// AccessLog

absl::StatusOr<std::unique_ptr<AccessLog>> AccessLog::Open(
    const std::string& where) {
  auto log = std::unique_ptr<AccessLog>(new AccessLog);
  if (where == "off") return log;
  if (where == "-" || where.empty()) {
    log->file_ = stderr;
    return log;
  }
  log->file_ = std::fopen(where.c_str(), "a");
  if (log->file_ == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot open access log ", where));
  }
  log->owned_ = true;
  // Whole blocks to the file; every line reaches it on exit or flush.
  std::setvbuf(log->file_, nullptr, _IOFBF, 1 << 16);
  return log;
}

AccessLog::~AccessLog() {
  if (owned_ && file_ != nullptr) std::fclose(file_);
}

void AccessLog::Write(const http::Request& request, int status, size_t bytes,
                      absl::Duration took) {
  if (file_ == nullptr) return;
  // The target is printed escaped: it came from the client.
  std::string target;
  for (unsigned char ch : request.target) {
    if (ch < 0x20 || ch == '"' || ch == '\\' || ch >= 0x7f) {
      absl::StrAppend(&target, "\\x", absl::Hex(ch, absl::kZeroPad2));
    } else {
      target.push_back(static_cast<char>(ch));
    }
  }
  std::string line = absl::StrCat(
      absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", absl::Now(), absl::UTCTimeZone()),
      " ", request.remote_address, " \"",
      request.method.size() <= 16 ? request.method : "?", " ", target, "\" ",
      status, " ", bytes, " ",
      absl::StrFormat("%.3fms", absl::ToDoubleMilliseconds(took)), "\n");
  std::lock_guard<std::mutex> lock(mu_);
  std::fwrite(line.data(), 1, line.size(), file_);
}

// ---------------------------------------------------------------------------
// App

App::App(const moderation::Engine& engine, store::Store& store, Config config,
         perspective::Calibration calibration)
    : engine_(engine),
      store_(store),
      config_(std::move(config)),
      comment_limiter_(config_.rate_per_minute / 60.0, config_.burst),
      report_limiter_(config_.rate_per_minute > 0 ? 10.0 / 60.0 : 0, 10),
      login_throttle_(config_.login_max_failures,
                      absl::Minutes(config_.login_window_minutes)),
      address_throttle_(config_.login_max_failures * 4,
                        absl::Minutes(config_.login_window_minutes)),
      client_salt_(auth::RandomToken(16)),
      calibration_(std::move(calibration)),
      // A minute's worth of requests at once, then the rate.
      api_key_limiter_(config_.perspective_requests_per_minute / 60.0,
                       config_.perspective_requests_per_minute) {
  auto log = AccessLog::Open(config_.access_log);
  if (log.ok()) {
    access_log_ = *std::move(log);
  } else {
    std::fprintf(stderr, "newsroom: %s; access log goes to stderr\n",
                 std::string(log.status().message()).c_str());
    access_log_ = AccessLog::Open("-").value();
  }
  assets_dir_ = config_.assets_dir.empty()
                    ? std::string(NEWSROOM_DATA_DIR) + "/../web/dist"
                    : config_.assets_dir;
}

App::~App() = default;

void App::Handle(http::Request request, http::Responder respond) {
  Context c;
  c.start = absl::Now();
  c.respond = std::move(respond);
  c.log_request = std::make_shared<http::Request>();
  c.log_request->method = request.method;
  c.log_request->target = request.target;
  c.log_request->remote_address = request.remote_address;
  c.app = this;
  Route(c, request);
}

void App::Respond(Context& c, http::Response response) {
  if (!c.respond) return;  // answered already
  response.headers.push_back({"X-Content-Type-Options", "nosniff"});
  if (c.cors) {
    response.headers.push_back({"Access-Control-Allow-Origin", "*"});
    response.headers.push_back({"Access-Control-Expose-Headers", "Retry-After"});
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
  const absl::Duration took = absl::Now() - c.start;
  metrics_.ObserveRequest(c.route, c.log_request->method, response.status, took);
  access_log_->Write(*c.log_request, response.status, response.body.size(), took);
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
    case absl::StatusCode::kInvalidArgument: code = 400; break;
    case absl::StatusCode::kNotFound: code = 404; break;
    case absl::StatusCode::kAlreadyExists: code = 409; break;
    case absl::StatusCode::kFailedPrecondition: code = 409; break;
    case absl::StatusCode::kPermissionDenied: code = 403; break;
    case absl::StatusCode::kUnauthenticated: code = 401; break;
    case absl::StatusCode::kResourceExhausted: code = 429; break;
    case absl::StatusCode::kUnimplemented: code = 501; break;
    case absl::StatusCode::kUnavailable: code = 503; break;
    default: break;
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
  if (request.body.size() > config_.max_json_bytes) {
    Error(c, 413, absl::StrCat("request body of ", request.body.size(),
                               " bytes exceeds the limit of ",
                               config_.max_json_bytes, " bytes"));
    return std::nullopt;
  }
  std::string_view type = request.header("content-type");
  if (!type.empty() && !absl::StartsWithIgnoreCase(AV(type), "application/json")) {
    Error(c, 415, absl::StrCat("expected Content-Type application/json, got ",
                               std::string(type)));
    return std::nullopt;
  }
  if (!text::ValidateUtf8(request.body).ok()) {
    Error(c, 400, "request body is not valid UTF-8");
    return std::nullopt;
  }
  nlohmann::json body =
      nlohmann::json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) {
    Error(c, 400, "request body is not valid JSON");
    return std::nullopt;
  }
  if (!body.is_object()) {
    Error(c, 400, "request body must be a JSON object");
    return std::nullopt;
  }
  return body;
}

std::optional<std::unordered_map<std::string, std::string>> App::ReadForm(
    Context& c, const http::Request& request) {
  if (request.body.size() > config_.max_json_bytes) {
    Error(c, 413, absl::StrCat("form of ", request.body.size(),
                               " bytes exceeds the limit of ",
                               config_.max_json_bytes, " bytes"));
    return std::nullopt;
  }
  std::string_view type = request.header("content-type");
  if (!absl::StartsWithIgnoreCase(AV(type), "application/x-www-form-urlencoded")) {
    Error(c, 415, "expected an application/x-www-form-urlencoded form");
    return std::nullopt;
  }
  std::unordered_map<std::string, std::string> fields;
  for (absl::string_view pair : absl::StrSplit(request.body, '&', absl::SkipEmpty())) {
    size_t eq = pair.find('=');
    absl::string_view k = pair.substr(0, eq);
    absl::string_view v = eq == absl::string_view::npos ? "" : pair.substr(eq + 1);
    std::optional<std::string> key = http::PercentDecode({k.data(), k.size()}, true);
    std::optional<std::string> value = http::PercentDecode({v.data(), v.size()}, true);
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
  if (!origin.empty() && origin != "null") {
    if (matches(origin)) return true;
  } else {
    std::string_view referer = request.header("referer");
    if (referer.empty() || matches(referer)) return true;
  }
  Error(c, 403, "cross-site form posts are refused");
  return false;
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
  return auth::TokenHash(client_salt_ + address).substr(0, 24);
}

bool App::Secure(const http::Request& request) const {
  if (config_.secure_cookies) return true;
  return config_.trust_proxy &&
         absl::EqualsIgnoreCase(AV(request.header("x-forwarded-proto")), "https");
}

site::SiteInfo App::SiteFor(const http::Request& request) const {
  site::SiteInfo info;
  info.name = config_.site_name;
  info.lang = config_.lang == "en" ? site::Lang::kEn : site::Lang::kTr;
  if (!config_.base_url.empty()) {
    info.base_url = config_.base_url;
  } else {
    std::string_view host = request.header("host");
    info.base_url = absl::StrCat(Secure(request) ? "https://" : "http://",
                                 host.empty() ? config_.listen : std::string(host));
  }
  while (!info.base_url.empty() && info.base_url.back() == '/') {
    info.base_url.pop_back();
  }
  info.policy_tr = moderation::PolicyText().tr;
  info.policy_en = moderation::PolicyText().en;
  info.stylesheets.push_back("/assets/site.css");
  std::ifstream manifest(assets_dir_ + "/newsroom.js");
  if (manifest.good()) info.scripts.push_back("/assets/newsroom.js");
  return info;
}

nlohmann::json App::CommentJson(const store::Comment& comment) const {
  nlohmann::json j = {
      {"id", comment.id},
      {"author", comment.author},
      {"text", comment.text},
      {"parent_id", nullptr},
      {"status", std::string(store::CommentStatusName(comment.status))},
      {"created_at", site::FormatRfc3339(comment.created_at)},
  };
  if (comment.parent_id) j["parent_id"] = *comment.parent_id;
  return j;
}

nlohmann::json App::ArticleJson(const store::Article& a) const {
  nlohmann::json j = {
      {"id", a.id},
      {"slug", a.slug},
      {"headline", a.headline},
      {"lead", a.lead},
      {"body", a.body},
      {"photo_id", nullptr},
      {"photo_caption", a.photo_caption},
      {"photo_credit", a.photo_credit},
      {"source", a.source},
      {"author", a.author},
      {"published_at", site::FormatRfc3339(a.published_at)},
      {"updated_at", site::FormatRfc3339(a.updated_at)},
      {"url", absl::StrCat("/news/", a.slug)},
  };
  if (a.photo_id) j["photo_id"] = *a.photo_id;
  return j;
}

// ---------------------------------------------------------------------------
// Routing

namespace {

bool ParseId(std::string_view text, int64_t* id) {
  if (text.empty() || text.size() > 18) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *id);
  return ec == std::errc() && end == text.data() + text.size() && *id > 0;
}

}  // namespace

void App::Route(Context& c, http::Request& request) {
  const std::string& m = request.method;
  std::vector<std::string_view> p;
  for (absl::string_view part : absl::StrSplit(request.path, '/', absl::SkipEmpty())) {
    p.push_back(std::string_view(part.data(), part.size()));
  }
  const size_t n = p.size();
  // Methods a route takes; answered with 405 and Allow otherwise.
  auto allow = [&](std::string route, std::initializer_list<std::string_view> methods) {
    c.route = std::move(route);
    for (std::string_view x : methods) {
      if (m == x || (x == "GET" && m == "HEAD")) return true;
    }
    std::string allowed;
    for (std::string_view x : methods) {
      absl::StrAppend(&allowed, allowed.empty() ? "" : ", ", std::string(x));
    }
    Error(c, 405, absl::StrCat("method ", m, " is not allowed here; allowed: ", allowed),
          {{"Allow", allowed}});
    return false;
  };
  int64_t id = 0;

  // The reader API that embedded comments on other sites call: reading
  // and posting comments, reporting one, and the draft check. Anonymous
  // (no cookie is read or set), so any origin may call it; a browser asks
  // first with OPTIONS.
  c.cors = n >= 3 && p[0] == "api" && p[1] == "v1" &&
           ((n == 3 && p[2] == "moderate") ||
            (n == 5 && p[2] == "articles" && p[4] == "comments") ||
            (n == 5 && p[2] == "comments" && p[4] == "report"));
  if (c.cors && m == "OPTIONS") {
    c.route = "preflight";
    http::Response r;
    r.status = 204;
    r.headers = {{"Access-Control-Allow-Methods", "GET, POST, OPTIONS"},
                 {"Access-Control-Allow-Headers", "Content-Type"},
                 {"Access-Control-Max-Age", "86400"}};
    Respond(c, std::move(r));
    return;
  }

  if (n == 0) {
    if (allow("/", {"GET"})) FrontPage(c, request);
    return;
  }
  if (p[0] == "healthz" && n == 1) {
    if (allow("/healthz", {"GET"})) {
      http::Response r;
      r.body = "ok\n";
      Respond(c, std::move(r));
    }
    return;
  }
  if (p[0] == "metrics" && n == 1) {
    if (allow("/metrics", {"GET"})) {
      http::Response r;
      r.content_type = "text/plain; version=0.0.4; charset=utf-8";
      r.body = metrics_.Render();
      Respond(c, std::move(r));
    }
    return;
  }
  if ((p[0] == "rss.xml" || p[0] == "feed.xml") && n == 1) {
    if (allow("/rss.xml", {"GET"})) Rss(c, request);
    return;
  }
  if (p[0] == "assets" && n == 2) {
    if (allow("/assets/{file}", {"GET"})) Asset(c, p[1]);
    return;
  }
  if (p[0] == "media" && n == 4 && p[1] == "photos" && ParseId(p[2], &id)) {
    if (allow("/media/photos/{id}/{size}", {"GET"})) {
      std::string_view file = p[3];
      if (!absl::EndsWith(AV(file), ".jpg")) {
        Error(c, 404, "no such photo size");
        return;
      }
      PhotoFile(c, request, id, file.substr(0, file.size() - 4));
    }
    return;
  }
  if (p[0] == "news" && n >= 2) {
    std::string_view slug = p[1];
    if (n == 2) {
      if (allow("/news/{slug}", {"GET"})) ArticlePage(c, request, slug);
      return;
    }
    if (n == 3 && p[2] == "photo") {
      if (allow("/news/{slug}/photo", {"GET"})) PhotoPage(c, request, slug);
      return;
    }
    if (n == 3 && p[2] == "comments") {
      if (allow("/news/{slug}/comments", {"POST"})) {
        PostComment(c, request, slug, /*form=*/true);
      }
      return;
    }
    if (n == 5 && p[2] == "comments" && ParseId(p[3], &id) && p[4] == "report") {
      if (allow("/news/{slug}/comments/{id}/report", {"POST"})) {
        ReportComment(c, request, id, slug);
      }
      return;
    }
  }
  if (p[0] == "login" && n == 1) {
    if (allow("/login", {"GET", "POST"})) {
      if (m == "POST") {
        LoginForm(c, request);
      } else {
        LoginPage(c, request);
      }
    }
    return;
  }
  if (p[0] == "logout" && n == 1) {
    if (allow("/logout", {"POST"})) LogoutForm(c, request);
    return;
  }
  if (p[0] == "moderation") {
    if (n == 1) {
      if (allow("/moderation", {"GET"})) ModerationPage(c, request);
      return;
    }
    if (n == 4 && p[1] == "comments" && ParseId(p[2], &id) &&
        (p[3] == "approve" || p[3] == "reject")) {
      if (allow("/moderation/comments/{id}/decide", {"POST"})) {
        DecideForm(c, request, id,
                   p[3] == "approve" ? store::CommentStatus::kApproved
                                     : store::CommentStatus::kRejected);
      }
      return;
    }
  }
  if (p[0] == "v1alpha1") {
    // Google's Perspective API. The method is part of the last path part:
    // "comments:analyze" (some clients escape the colon).
    std::string method;
    if (n == 2) method = http::PercentDecode(p[1]).value_or("");
    PerspectiveRoute(c, request, method);
    return;
  }
  if (p[0] == "api" && n >= 3 && p[1] == "v1") {
    std::string_view what = p[2];
    if (what == "moderate" && n == 3) {
      if (allow("/api/v1/moderate", {"POST"})) ModerateApi(c, request);
      return;
    }
    if (what == "articles") {
      if (n == 3) {
        if (allow("/api/v1/articles", {"GET", "POST"})) {
          if (m == "POST") {
            CreateArticleApi(c, request);
          } else {
            ListArticlesApi(c);
          }
        }
        return;
      }
      if (n == 4) {
        if (allow("/api/v1/articles/{slug}", {"GET", "PATCH", "PUT"})) {
          if (m == "GET" || m == "HEAD") {
            GetArticleApi(c, p[3]);
          } else {
            UpdateArticleApi(c, request, p[3]);
          }
        }
        return;
      }
      if (n == 5 && p[4] == "comments") {
        if (allow("/api/v1/articles/{slug}/comments", {"GET", "POST"})) {
          if (m == "POST") {
            PostComment(c, request, p[3], /*form=*/false);
          } else {
            ListCommentsApi(c, p[3]);
          }
        }
        return;
      }
    }
    if (what == "comments" && n == 5 && ParseId(p[3], &id)) {
      if (p[4] == "report") {
        if (allow("/api/v1/comments/{id}/report", {"POST"})) {
          ReportComment(c, request, id, "");
        }
        return;
      }
      if (p[4] == "approve" || p[4] == "reject") {
        if (allow("/api/v1/comments/{id}/decide", {"POST"})) {
          DecideApi(c, request, id,
                    p[4] == "approve" ? store::CommentStatus::kApproved
                                      : store::CommentStatus::kRejected);
        }
        return;
      }
    }
    if (what == "session" && n == 3) {
      if (allow("/api/v1/session", {"POST", "DELETE"})) {
        if (m == "POST") {
          LoginApi(c, request);
        } else {
          LogoutApi(c, request);
        }
      }
      return;
    }
    if (what == "moderation" && n == 4 && p[3] == "queue") {
      if (allow("/api/v1/moderation/queue", {"GET"})) QueueApi(c, request);
      return;
    }
    if (what == "moderation" && n == 4 && p[3] == "audit") {
      if (allow("/api/v1/moderation/audit", {"GET"})) AuditApi(c, request);
      return;
    }
    if (what == "photos" && n == 3) {
      if (allow("/api/v1/photos", {"POST"})) UploadPhotoApi(c, request);
      return;
    }
  }
  c.route = "unmatched";
  if (absl::StartsWith(request.path, "/api/")) {
    Error(c, 404, absl::StrCat("no API route ", request.path));
  } else {
    Html(c, 404, site::RenderErrorPage(SiteFor(request), 404,
                                       "Sayfa bulunamadı / Page not found"));
  }
}

absl::Status App::PurgeModerationLog() {
  if (config_.rejected_retention_days <= 0) return absl::OkStatus();
  absl::StatusOr<int64_t> n = store_.PurgeRejected(
      absl::Now() - absl::Hours(24) * config_.rejected_retention_days);
  return n.status();
}

}  // namespace newsroom::server
