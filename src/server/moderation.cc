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

// Shared by the JSON and the form login. Runs on a worker thread: argon2id
// costs tens of milliseconds and 64 MiB by design.
App::LoginResult App::TryLogin(const http::Request& request,
                               const std::string& username,
                               const std::string& password) {
  LoginResult r;
  const absl::Time now = absl::Now();
  const std::string client = ClientKey(request);
  if (absl::Duration wait = login_guard_->Wait(username, client, now);
      wait > absl::ZeroDuration()) {
    r.status = 429;
    r.retry_after = std::max<int64_t>(
        1, absl::ToInt64Seconds(absl::Ceil(wait, absl::Seconds(1))));
    r.message = absl::StrCat("too many failed logins; try again in ",
                             r.retry_after, " s");
    return r;
  }
  absl::StatusOr<store::User> user = store_.FindUser(username);
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
      login_guard_->Failure(username, client, now);
      r.status = 401;
      r.message = "wrong user name or password";
    } else {
      r.status = 503;
      r.message = std::string(user.status().message());
    }
    return r;
  }
  login_guard_->Success(username, client, now);
  if (user->disabled) {
    r.status = 403;
    r.message = "this account is disabled; ask an editor";
    return r;
  }
  r.token = auth::RandomToken();
  r.session.token_hash = auth::TokenHash(r.token);
  r.session.user_id = user->id;
  r.session.csrf_token = auth::RandomToken();
  r.session.created_at = now;
  r.session.expires_at = now + absl::Hours(config_.session_hours);
  absl::Status added = store_.AddSession(r.session);
  if (!added.ok()) {
    r.status = absl::IsFailedPrecondition(added) ? 403
               : absl::IsUnavailable(added)      ? 503
                                                 : 500;
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
  LoginResult r =
      TryLogin(request, u->get<std::string>(), p->get<std::string>());
  if (r.status != 200) {
    std::vector<http::Header> headers;
    if (r.retry_after > 0) {
      headers.push_back({"Retry-After", absl::StrCat(r.retry_after)});
    }
    Error(c, r.status, r.message, std::move(headers));
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

namespace {

// Where to go after signing in: `next` when it is a path of this site
// (never another site: "//evil.example" and "/\\evil" are refused), else
// the desk for an editor and the queue for a moderator.
std::string AfterLogin(std::string_view next, store::Role role) {
  if (next.size() > 1 && next.size() < 512 && next[0] == '/' &&
      next[1] != '/' && next[1] != '\\' &&
      next.find_first_of("\r\n") == std::string_view::npos) {
    return std::string(next);
  }
  return role == store::Role::kEditor ? "/desk" : "/moderation";
}

}  // namespace

void App::LoginPage(Context& c, const http::Request& request,
                    const PathParams&) {
  const std::string next = request.query_param("next").value_or("");
  if (std::optional<Viewer> viewer = FindViewer(request)) {
    Redirect(c, AfterLogin(next, viewer->user.role));
    return;
  }
  Html(c, 200, site::RenderLoginPage(SiteFor(request), "", "", next),
       {{"Cache-Control", "no-store"}});
}

void App::LoginForm(Context& c, const http::Request& request,
                    const PathParams&) {
  if (!SameOrigin(c, request)) return;
  auto fields = ReadForm(c, request);
  if (!fields) return;
  LoginResult r =
      TryLogin(request, (*fields)["username"], (*fields)["password"]);
  if (r.status != 200) {
    std::string message =
        r.status == 401 ? SiteText("Kullanıcı adı veya parola yanlış.",
                                   "Wrong user name or password.")
        : r.status == 429
            ? SiteText(
                  "Çok fazla başarısız deneme; daha sonra yeniden deneyin.",
                  "Too many failed logins; try again later.")
        : r.status == 403
            ? SiteText("Bu hesap kapatılmış.", "This account is disabled.")
            : SiteText("Sunucu hatası.", "Server error.");
    std::vector<http::Header> headers = {{"Cache-Control", "no-store"}};
    if (r.retry_after > 0) {
      headers.push_back({"Retry-After", absl::StrCat(r.retry_after)});
    }
    Html(
        c, r.status,
        site::RenderLoginPage(SiteFor(request), "", message, (*fields)["next"]),
        std::move(headers));
    return;
  }
  Redirect(
      c, AfterLogin((*fields)["next"], r.user.role),
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
