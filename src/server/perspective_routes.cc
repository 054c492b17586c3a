// Google's Perspective API on the news site's server: the HTTP half of
// `comments:analyze` and `comments:suggestscore` (the protocol half, pure
// functions, is perspective.h).
//
// A request goes: method (405) → API key (403) → the key's rate (429) →
// body: size (413), UTF-8 and JSON (400) → the protocol's own checks (400,
// naming the field or the attribute) → the engine, on the I/O thread as
// /api/v1/moderate does → the answer. Every answer, errors included, is in
// Google's shape, {"error": {"code", "message", "status"}}, because
// Perspective's clients read that shape and not the site's own.
//
// API keys are stored hashed (auth::TokenHash); a key found valid is
// trusted for `[perspective] key_cache_seconds` before the database is
// asked again, so `newsroom apikey revoke` takes effect within that time.
// Unknown keys are never cached: a new key works at once. The access log
// writes the key parameter as REDACTED (server/access_log.h).
//
// analyze never stores anything of the comment (whatever `doNotStore`
// says); suggestscore stores the suggestion as moderator feedback, one row
// per attribute, with the key's name and the language the engine reads the
// text as (Coral says "en" for every comment), for `newsroom feedback
// export`.
//
// Tested end to end by tests/integration/perspective_test.py.
#include <cstdio>
#include <string>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "auth/auth.h"
#include "langid/language.h"
#include "server/app.h"
#include "server/app_internal.h"
#include "server/json_body.h"
#include "server/perspective.h"
#include "text/displayed.h"

namespace newsroom::server {
void App::PerspectiveError(Context& c, int status, std::string_view message,
                           std::vector<http::Header> headers) {
  Json(c, status, perspective::ErrorJson(status, message), std::move(headers));
}

void App::PerspectiveError(Context& c, const absl::Status& status) {
  if (perspective::HttpStatusFor(status) >= 500) {
    std::fprintf(stderr, "newsroom: %s %s: %s\n", c.log_request->method.c_str(),
                 c.log_request->target.c_str(), status.ToString().c_str());
    if (perspective::HttpStatusFor(status) == 500) {
      PerspectiveError(c, 500,
                       "Internal error; the server log has the details.");
      return;
    }
  }
  Json(c, perspective::HttpStatusFor(status), perspective::ErrorJson(status));
}

void App::PerspectiveRoute(Context& c, const http::Request& request,
                           const PathParams& p) {
  // Some clients escape the colon of "comments:analyze".
  const std::string method = http::PercentDecode(p.Get("method")).value_or("");
  if (method != "comments:analyze" && method != "comments:suggestscore") {
    c.route = "unmatched";
    PerspectiveError(
        c, 404,
        absl::StrCat("Method not found: ", request.path,
                     ". Newsroom answers POST /v1alpha1/comments:analyze and "
                     "POST /v1alpha1/comments:suggestscore."));
    return;
  }
  c.route = absl::StrCat("/v1alpha1/", std::string(method));
  if (request.method != "POST") {
    PerspectiveError(
        c, 405,
        absl::StrCat("HTTP method ",
                     request.method.size() <= 16 ? request.method : "?",
                     " is not allowed on ", c.route, "; use POST."),
        {{"Allow", "POST"}});
    return;
  }
  if (method == "comments:analyze") {
    AnalyzeCommentApi(c, request);
  } else {
    SuggestScoreApi(c, request);
  }
}

std::optional<store::ApiKey> App::RequireApiKey(Context& c,
                                                const http::Request& request) {
  std::string key = request.query_param("key").value_or("");
  if (key.empty()) key = std::string(request.header("x-goog-api-key"));
  if (key.empty()) {
    PerspectiveError(c, 403,
                     "The request is missing a valid API key: pass it as the "
                     "key query parameter or in the X-Goog-Api-Key header.");
    return std::nullopt;
  }
  const std::string hash = auth::TokenHash(key);
  const absl::Time now = absl::Now();
  const absl::Duration ttl =
      absl::Seconds(config_.perspective_key_cache_seconds);
  std::optional<store::ApiKey> found;
  if (ttl > absl::ZeroDuration()) {
    std::lock_guard<std::mutex> lock(key_cache_mu_);
    auto it = key_cache_.find(hash);
    if (it != key_cache_.end()) {
      if (now - it->second.checked < ttl) {
        found = it->second.key;
      } else {
        key_cache_.erase(it);
      }
    }
  }
  if (!found) {
    absl::StatusOr<store::ApiKey> stored = store_.FindApiKey(hash);
    if (absl::IsNotFound(stored.status())) {
      PerspectiveError(c, 403,
                       "API key not valid: it is unknown or was revoked. "
                       "Please pass a valid API key.");
      return std::nullopt;
    }
    if (!stored.ok()) {
      PerspectiveError(c, stored.status());
      return std::nullopt;
    }
    found = *std::move(stored);
    if (ttl > absl::ZeroDuration()) {
      std::lock_guard<std::mutex> lock(key_cache_mu_);
      key_cache_[hash] = CachedKey{*found, now};
    }
  }
  if (!api_key_limiter_.Allow(found->name, now)) {
    const int after = api_key_limiter_.RetryAfterSeconds(found->name, now);
    PerspectiveError(
        c, 429,
        absl::StrCat("Quota exceeded for API key ", found->name, ": ",
                     config_.perspective_requests_per_minute,
                     " requests per minute. Retry in ", after, " s."),
        {{"Retry-After", absl::StrCat(after)}});
    return std::nullopt;
  }
  return found;
}

std::optional<nlohmann::json> App::ReadPerspectiveJson(
    Context& c, const http::Request& request) {
  // Any Content-Type is read as JSON, as curl users forget to set it.
  absl::StatusOr<nlohmann::json> body =
      ParseJsonObject(request.body, config_.max_json_bytes);
  if (!body.ok()) {
    const int status = JsonBodyHttpStatus(body.status());
    PerspectiveError(
        c, status,
        absl::StrCat(status == 413 ? "Request payload too large: "
                                   : "Invalid JSON payload received: ",
                     body.status().message(), "."));
    return std::nullopt;
  }
  return *std::move(body);
}

void App::AnalyzeCommentApi(Context& c, const http::Request& request) {
  if (!RequireApiKey(c, request)) return;
  std::optional<nlohmann::json> body = ReadPerspectiveJson(c, request);
  if (!body) return;
  absl::StatusOr<perspective::AnalyzeRequest> analyze =
      perspective::ParseAnalyzeRequest(*body);
  if (!analyze.ok()) {
    PerspectiveError(c, analyze.status());
    return;
  }
  // The engine's limits (text too long, only white space) are the
  // client's to fix: InvalidArgument, 400. The text is scored as the
  // client's readers will see it (directional overrides resolved,
  // text/displayed.h), not as it is stored.
  absl::StatusOr<moderation::Verdict> verdict =
      engine_.Moderate(text::AsDisplayed(analyze->text),
                       perspective::LanguageHint(analyze->languages),
                       moderation::Engine::Suggestions::kNever);
  if (!verdict.ok()) {
    PerspectiveError(c, verdict.status());
    return;
  }
  metrics_.CountVerdict("analyze", moderation::DecisionName(verdict->decision),
                        ViolatedRules(*verdict));
  Json(c, 200, perspective::AnalyzeResponse(*analyze, *verdict, calibration_));
}

void App::SuggestScoreApi(Context& c, const http::Request& request) {
  std::optional<store::ApiKey> key = RequireApiKey(c, request);
  if (!key) return;
  std::optional<nlohmann::json> body = ReadPerspectiveJson(c, request);
  if (!body) return;
  absl::StatusOr<perspective::SuggestScoreRequest> suggestion =
      perspective::ParseSuggestScoreRequest(*body);
  if (!suggestion.ok()) {
    PerspectiveError(c, suggestion.status());
    return;
  }
  // The language the engine reads the text as: the client's `languages`
  // are a hint only (Coral says "en" for Turkish comments too).
  absl::StatusOr<moderation::Verdict> verdict = engine_.Moderate(
      suggestion->text, perspective::LanguageHint(suggestion->languages),
      moderation::Engine::Suggestions::kNever);
  if (!verdict.ok()) {
    PerspectiveError(c, verdict.status());
    return;
  }
  std::string language;
  if (verdict->language != langid::Language::kOther) {
    language = std::string(langid::LanguageCode(verdict->language));
  }
  for (const auto& [attribute, score] : suggestion->attribute_scores) {
    store::Feedback feedback;
    feedback.api_key_name = key->name;
    feedback.text = suggestion->text;
    feedback.attribute = attribute;
    feedback.score = score;
    feedback.language = language;
    feedback.client_token = suggestion->client_token;
    // A durable write on the I/O thread: suggestions come one per
    // moderator decision, not per comment.
    absl::StatusOr<store::Feedback> stored = store_.AddFeedback(feedback);
    if (!stored.ok()) {
      PerspectiveError(c, stored.status());
      return;
    }
  }
  Json(c, 200, perspective::SuggestScoreResponse(*suggestion));
}

}  // namespace newsroom::server
