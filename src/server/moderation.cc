// Editors' and moderators' routes: logging in and out (JSON API and HTML
// forms), the moderation queue, decisions, and the audit log.
#include <string>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "moderation/rule_id.h"
#include "server/api_json.h"
#include "server/app.h"
#include "server/app_internal.h"

namespace newsroom::server {
namespace {

std::optional<std::string> CookieValue(std::string_view header,
                                       std::string_view name) {
  for (absl::string_view part :
       absl::StrSplit(absl::string_view(header.data(), header.size()), ';')) {
    part = absl::StripAsciiWhitespace(part);
    size_t eq = part.find('=');
    if (eq == absl::string_view::npos) continue;
    if (part.substr(0, eq) == absl::string_view(name.data(), name.size())) {
      return std::string(part.substr(eq + 1));
    }
  }
  return std::nullopt;
}

// Whether the verdict stored with a comment has a finding of `rule`.
bool HasFinding(const std::string& verdict_json, std::string_view rule) {
  nlohmann::json v = nlohmann::json::parse(verdict_json, nullptr, false);
  if (v.is_discarded() || !v.is_object()) return false;
  auto rules = v.find("rules");
  if (rules == v.end() || !rules->is_array()) return false;
  for (const nlohmann::json& r : *rules) {
    if (r.is_object() && r.value("rule", "") == rule) return true;
  }
  return false;
}

}  // namespace

std::string App::SessionCookie(std::string_view token, absl::Duration max_age,
                               const http::Request& request) const {
  return absl::StrCat(kSessionCookie, "=", std::string(token),
                      "; Path=/; HttpOnly; SameSite=Strict; Max-Age=",
                      absl::ToInt64Seconds(max_age),
                      Secure(request) ? "; Secure" : "");
}

std::optional<App::Viewer> App::FindViewer(const http::Request& request) {
  std::optional<std::string> token =
      CookieValue(request.header("cookie"), kSessionCookie);
  if (!token || token->empty()) return std::nullopt;
  absl::StatusOr<store::Session> session =
      store_.FindSession(auth::TokenHash(*token), absl::Now());
  if (!session.ok()) return std::nullopt;
  absl::StatusOr<store::User> user = store_.FindUserById(session->user_id);
  if (!user.ok()) return std::nullopt;
  return Viewer{*std::move(user), *std::move(session)};
}

std::optional<App::Viewer> App::RequireViewer(Context& c,
                                              const http::Request& request,
                                              bool editor_only,
                                              bool check_csrf) {
  std::optional<Viewer> viewer = FindViewer(request);
  if (!viewer) {
    Error(c, 401,
          "log in first: POST /api/v1/session with username and password");
    return std::nullopt;
  }
  if (editor_only && viewer->user.role != store::Role::kEditor) {
    Error(c, 403, "only editors may do this");
    return std::nullopt;
  }
  if (check_csrf && !auth::ConstantTimeEquals(request.header("x-csrf-token"),
                                              viewer->session.csrf_token)) {
    Error(c, 403,
          "missing or wrong X-CSRF-Token header (the csrf_token of the login "
          "answer)");
    return std::nullopt;
  }
  return viewer;
}

namespace {

struct LoginResult {
  int status = 200;
  std::string message;
  std::string token;
  store::Session session;
  store::User user;
};

}  // namespace

// Shared by the JSON and the form login.
static LoginResult TryLogin(store::Store& store, auth::LoginThrottle& throttle,
                            auth::LoginThrottle& address_throttle,
                            int session_hours, const std::string& client,
                            const std::string& username,
                            const std::string& password) {
  LoginResult r;
  const absl::Time now = absl::Now();
  const std::string user_key = "u:" + username;
  const std::string client_key = "c:" + client;
  if (throttle.Blocked(user_key, now) ||
      address_throttle.Blocked(client_key, now)) {
    r.status = 429;
    r.message = "too many failed logins; try again later";
    return r;
  }
  absl::StatusOr<store::User> user = store.FindUser(username);
  if (!user.ok()) {
    // As slow as a wrong password, so that timing does not tell which user
    // names exist.
    static const std::string* const kDummy =
        new std::string(auth::HashPassword("newsroom-dummy").value_or(""));
    auth::VerifyPassword(*kDummy, password);
  }
  if (!user.ok() || !auth::VerifyPassword(user->password_hash, password)) {
    if (user.ok() || absl::IsNotFound(user.status()) ||
        absl::IsInvalidArgument(user.status())) {
      throttle.Failure(user_key, now);
      address_throttle.Failure(client_key, now);
      r.status = 401;
      r.message = "wrong user name or password";
    } else {
      r.status = 500;
      r.message = std::string(user.status().message());
    }
    return r;
  }
  throttle.Success(user_key);
  address_throttle.Success(client_key);
  r.token = auth::RandomToken();
  r.session.token_hash = auth::TokenHash(r.token);
  r.session.user_id = user->id;
  r.session.csrf_token = auth::RandomToken();
  r.session.created_at = now;
  r.session.expires_at = now + absl::Hours(session_hours);
  absl::Status added = store.AddSession(r.session);
  if (!added.ok()) {
    r.status = 500;
    r.message = std::string(added.message());
    return r;
  }
  r.user = *std::move(user);
  return r;
}

void App::LoginApi(Context& c, const http::Request& request,
                   const PathParams&) {
  auto body = ReadJson(c, request);
  if (!body) return;
  auto u = body->find("username");
  auto p = body->find("password");
  if (u == body->end() || !u->is_string() || p == body->end() ||
      !p->is_string()) {
    Error(c, 400, "fields \"username\" and \"password\" are required strings");
    return;
  }
  LoginResult r = TryLogin(store_, login_throttle_, address_throttle_,
                           config_.session_hours, ClientKey(request),
                           u->get<std::string>(), p->get<std::string>());
  if (r.status != 200) {
    Error(c, r.status, r.message);
    return;
  }
  Json(c, 200,
       {{"username", r.user.username},
        {"role", std::string(store::RoleName(r.user.role))},
        {"csrf_token", r.session.csrf_token},
        {"expires_at", site::FormatRfc3339(r.session.expires_at)}},
       {{"Set-Cookie",
         SessionCookie(r.token, absl::Hours(config_.session_hours), request)},
        {"Cache-Control", "no-store"}});
}

void App::LogoutApi(Context& c, const http::Request& request,
                    const PathParams&) {
  auto viewer = RequireViewer(c, request, false, true);
  if (!viewer) return;
  absl::Status s = store_.DeleteSession(viewer->session.token_hash);
  if (!s.ok() && !absl::IsNotFound(s)) {  // NotFound: logged out meanwhile
    ErrorFromStatus(c, s);
    return;
  }
  Json(c, 200, {{"status", "logged_out"}},
       {{"Set-Cookie", SessionCookie("", absl::ZeroDuration(), request)}});
}

void App::QueueApi(Context& c, const http::Request& request,
                   const PathParams&) {
  auto viewer = RequireViewer(c, request, false, false);
  if (!viewer) return;
  std::string status_name = request.query_param("status").value_or("pending");
  std::optional<store::CommentStatus> status =
      store::ParseCommentStatus(status_name);
  if (!status) {
    Error(c, 400,
          absl::StrCat(
              "status must be pending, reported, rejected or approved, not \"",
              status_name, "\""));
    return;
  }
  std::string rule = request.query_param("rule").value_or("");
  if (!rule.empty() && !moderation::ParseRuleId(rule).ok()) {
    Error(c, 400, absl::StrCat("unknown rule \"", rule, "\""));
    return;
  }
  int limit = 100;
  if (auto l = request.query_param("limit")) {
    if (!absl::SimpleAtoi(*l, &limit) || limit < 1 || limit > 1000) {
      Error(c, 400, "limit must be an integer in [1, 1000]");
      return;
    }
  }
  auto items = store_.ListQueue(*status, limit);
  auto counts = store_.CountByStatus();
  if (!items.ok() || !counts.ok()) {
    ErrorFromStatus(c, !items.ok() ? items.status() : counts.status());
    return;
  }
  nlohmann::json list = nlohmann::json::array();
  for (const store::QueueItem& item : *items) {
    if (!rule.empty() && !HasFinding(item.comment.verdict_json, rule)) continue;
    list.push_back(QueueItemJson(item));
  }
  nlohmann::json count_json = nlohmann::json::object();
  for (const auto& [s, n] : *counts) {
    count_json[std::string(store::CommentStatusName(s))] = n;
  }
  Json(c, 200,
       {{"status", status_name},
        {"counts", std::move(count_json)},
        {"comments", std::move(list)}},
       {{"Cache-Control", "no-store"}});
}

void App::AuditApi(Context& c, const http::Request& request,
                   const PathParams&) {
  auto viewer = RequireViewer(c, request, false, false);
  if (!viewer) return;
  auto decisions = store_.ListDecisions(200);
  if (!decisions.ok()) {
    ErrorFromStatus(c, decisions.status());
    return;
  }
  nlohmann::json list = nlohmann::json::array();
  for (const store::Decision& d : *decisions) list.push_back(DecisionJson(d));
  Json(c, 200, {{"decisions", std::move(list)}},
       {{"Cache-Control", "no-store"}});
}

void App::ApproveApi(Context& c, const http::Request& request,
                     const PathParams& p) {
  DecideApi(c, request, p.Id(), store::CommentStatus::kApproved);
}

void App::RejectApi(Context& c, const http::Request& request,
                    const PathParams& p) {
  DecideApi(c, request, p.Id(), store::CommentStatus::kRejected);
}

void App::DecideApi(Context& c, const http::Request& request, int64_t id,
                    store::CommentStatus to) {
  auto viewer = RequireViewer(c, request, false, true);
  if (!viewer) return;
  std::optional<store::CommentStatus> expected;
  if (!request.body.empty()) {
    auto body = ReadJson(c, request);
    if (!body) return;
    auto e = body->find("expected_status");
    if (e != body->end() && !e->is_null()) {
      if (!e->is_string() ||
          !store::ParseCommentStatus(e->get<std::string>())) {
        Error(
            c, 400,
            "expected_status must be pending, reported, rejected or approved");
        return;
      }
      expected = store::ParseCommentStatus(e->get<std::string>());
    }
  }
  absl::StatusOr<store::Comment> before = store_.FindComment(id);
  if (!before.ok()) {
    if (absl::IsNotFound(before.status())) {
      Error(c, 404, absl::StrCat("no comment ", id));
    } else {
      ErrorFromStatus(c, before.status());
    }
    return;
  }
  absl::StatusOr<store::Comment> after =
      store_.Decide(id, to, viewer->user.username, expected);
  if (!after.ok()) {
    ErrorFromStatus(c, after.status());
    return;
  }
  metrics_.CountModeratorDecision(store::CommentStatusName(to));
  if (before->status == store::CommentStatus::kApproved ||
      to == store::CommentStatus::kApproved) {
    ArticlesChanged();
  }
  nlohmann::json j = CommentJson(*after);
  j["previous_status"] = std::string(store::CommentStatusName(before->status));
  j["decided_by"] = viewer->user.username;
  Json(c, 200, j);
}

void App::LoginPage(Context& c, const http::Request& request,
                    const PathParams&) {
  if (FindViewer(request)) {
    Redirect(c, "/moderation");
    return;
  }
  Html(c, 200, site::RenderLoginPage(SiteFor(request), "", ""),
       {{"Cache-Control", "no-store"}});
}

void App::LoginForm(Context& c, const http::Request& request,
                    const PathParams&) {
  if (!SameOrigin(c, request)) return;
  auto fields = ReadForm(c, request);
  if (!fields) return;
  LoginResult r = TryLogin(store_, login_throttle_, address_throttle_,
                           config_.session_hours, ClientKey(request),
                           (*fields)["username"], (*fields)["password"]);
  if (r.status != 200) {
    std::string message =
        r.status == 401
            ? "Kullanıcı adı veya parola yanlış / Wrong user name or password"
        : r.status == 429 ? "Çok fazla başarısız deneme; daha sonra tekrar "
                            "deneyin / Too many failed logins; try again later"
                          : "Sunucu hatası / Server error";
    Html(c, r.status, site::RenderLoginPage(SiteFor(request), "", message),
         {{"Cache-Control", "no-store"}});
    return;
  }
  Redirect(
      c, "/moderation",
      {{"Set-Cookie",
        SessionCookie(r.token, absl::Hours(config_.session_hours), request)}});
}

void App::LogoutForm(Context& c, const http::Request& request,
                     const PathParams&) {
  if (!SameOrigin(c, request)) return;
  auto fields = ReadForm(c, request);
  if (!fields) return;
  std::optional<Viewer> viewer = FindViewer(request);
  if (viewer && auth::ConstantTimeEquals((*fields)["csrf_token"],
                                         viewer->session.csrf_token)) {
    absl::Status s = store_.DeleteSession(viewer->session.token_hash);
    if (!s.ok() && !absl::IsNotFound(s)) {
      ErrorFromStatus(c, s);
      return;
    }
  }
  Redirect(c, "/",
           {{"Set-Cookie", SessionCookie("", absl::ZeroDuration(), request)}});
}

void App::ModerationPage(Context& c, const http::Request& request,
                         const PathParams&) {
  std::optional<Viewer> viewer = FindViewer(request);
  if (!viewer) {
    Redirect(c, "/login");
    return;
  }
  site::ModerationPage page;
  page.username = viewer->user.username;
  page.csrf_token = viewer->session.csrf_token;
  std::string status_name = request.query_param("status").value_or("pending");
  page.tab = store::ParseCommentStatus(status_name)
                 .value_or(store::CommentStatus::kPending);
  std::string rule = request.query_param("rule").value_or("");
  if (!rule.empty() && moderation::ParseRuleId(rule).ok())
    page.rule_filter = rule;
  std::string notice = request.query_param("notice").value_or("");
  if (notice == "saved") {
    page.notice = "Karar kaydedildi / Decision saved";
  } else if (notice == "conflict") {
    page.notice =
        "Bu yorum için başka bir moderatör sizden önce karar verdi; kararınız "
        "kaydedilmedi / Another moderator decided on this comment first; your "
        "decision was not saved";
  }
  auto items = store_.ListQueue(page.tab, 200);
  auto counts = store_.CountByStatus();
  auto audit = store_.ListDecisions(50);
  if (!items.ok() || !counts.ok() || !audit.ok()) {
    ErrorFromStatus(c, !items.ok()    ? items.status()
                       : !counts.ok() ? counts.status()
                                      : audit.status());
    return;
  }
  for (store::QueueItem& item : *items) {
    if (page.rule_filter.empty() ||
        HasFinding(item.comment.verdict_json, page.rule_filter)) {
      page.items.push_back(std::move(item));
    }
  }
  page.counts = *std::move(counts);
  page.audit = *std::move(audit);
  Html(c, 200, site::RenderModerationPage(SiteFor(request), page),
       {{"Cache-Control", "no-store"}});
}

void App::ApproveForm(Context& c, const http::Request& request,
                      const PathParams& p) {
  DecideForm(c, request, p.Id(), store::CommentStatus::kApproved);
}

void App::RejectForm(Context& c, const http::Request& request,
                     const PathParams& p) {
  DecideForm(c, request, p.Id(), store::CommentStatus::kRejected);
}

void App::DecideForm(Context& c, const http::Request& request, int64_t id,
                     store::CommentStatus to) {
  std::optional<Viewer> viewer = FindViewer(request);
  if (!viewer) {
    Redirect(c, "/login");
    return;
  }
  if (!SameOrigin(c, request)) return;
  auto fields = ReadForm(c, request);
  if (!fields) return;
  if (!auth::ConstantTimeEquals((*fields)["csrf_token"],
                                viewer->session.csrf_token)) {
    Error(c, 403, "missing or wrong csrf_token; reload the moderation page");
    return;
  }
  std::optional<store::CommentStatus> expected =
      store::ParseCommentStatus((*fields)["expected"]);
  absl::StatusOr<store::Comment> before = store_.FindComment(id);
  if (!before.ok()) {
    ErrorFromStatus(c, before.status());
    return;
  }
  absl::StatusOr<store::Comment> after =
      store_.Decide(id, to, viewer->user.username, expected);
  const std::string tab(
      store::CommentStatusName(expected.value_or(before->status)));
  if (!after.ok()) {
    if (absl::IsFailedPrecondition(after.status())) {
      Redirect(c, absl::StrCat("/moderation?status=", tab, "&notice=conflict"));
    } else {
      ErrorFromStatus(c, after.status());
    }
    return;
  }
  metrics_.CountModeratorDecision(store::CommentStatusName(to));
  if (before->status == store::CommentStatus::kApproved ||
      to == store::CommentStatus::kApproved) {
    ArticlesChanged();
  }
  Redirect(c, absl::StrCat("/moderation?status=", tab, "&notice=saved#comment-",
                           id));
}

}  // namespace newsroom::server
