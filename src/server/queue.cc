// The moderators' queue at volume: the page and the JSON API that search
// and filter a queue, decide many comments at once, show the thread around
// a comment, and count comments per day and rule; and the commenter's own
// view of what became of a comment.
//
// Every decision, one or many, names the status the moderator saw. The
// store refuses (and changes nothing of) any decision whose comment moved
// meanwhile; the answer lists those refused with the status each comment
// has now, so that two moderators working the same queue never overwrite
// each other silently. A rejection's reason is a rule id of the rule
// table: the clause of the policy the comment breaks.
//
// Tested by tests/integration/queue_test.py and tests/browser/bulk.test.mjs.
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "rules/rules.h"
#include "server/api_json.h"
#include "server/app.h"
#include "server/app_internal.h"

namespace newsroom::server {
namespace {

// The day a YYYY-MM-DD names, or nullopt.
std::optional<absl::CivilDay> ParseDay(std::string_view text) {
  absl::CivilDay day;
  if (text.empty() || !absl::ParseCivilTime(AV(text), &day))
    return std::nullopt;
  return day;
}

// The fields of an x-www-form-urlencoded body in order, repeated names
// kept (the queue's checkboxes all say "id").
std::optional<std::vector<std::pair<std::string, std::string>>> FormPairs(
    std::string_view body) {
  std::vector<std::pair<std::string, std::string>> out;
  for (absl::string_view pair :
       absl::StrSplit(AV(body), '&', absl::SkipEmpty())) {
    const size_t eq = pair.find('=');
    std::optional<std::string> key =
        http::PercentDecode(SV(pair.substr(0, eq)), true);
    std::optional<std::string> value = http::PercentDecode(
        eq == absl::string_view::npos ? std::string_view()
                                      : SV(pair.substr(eq + 1)),
        true);
    if (!key || !value) return std::nullopt;
    out.emplace_back(*std::move(key), *std::move(value));
  }
  return out;
}

// "approve" / "reject" → the status it moves a comment to.
std::optional<store::CommentStatus> DecisionTarget(std::string_view decision) {
  if (decision == "approve") return store::CommentStatus::kApproved;
  if (decision == "reject") return store::CommentStatus::kRejected;
  return std::nullopt;
}

}  // namespace

absl::StatusOr<App::QueueFilter> App::ReadQueueFilter(
    const http::Request& request) const {
  QueueFilter f;
  const std::string status = request.query_param("status").value_or("pending");
  std::optional<store::CommentStatus> s = store::ParseCommentStatus(status);
  if (!s) {
    return absl::InvalidArgumentError(absl::StrCat(
        "status must be pending, reported, rejected or approved, not \"",
        status, "\""));
  }
  f.query.status = *s;
  f.query.search = request.query_param("q").value_or("");
  if (f.query.search.size() > 200) {
    return absl::InvalidArgumentError("q is longer than 200 bytes");
  }
  if (auto a = request.query_param("article"); a && !a->empty()) {
    int64_t id = 0;
    if (!absl::SimpleAtoi(*a, &id) || id <= 0) {
      return absl::InvalidArgumentError("article must be an article id");
    }
    f.query.article_id = id;
  }
  f.query.rule = request.query_param("rule").value_or("");
  if (!f.query.rule.empty() && !rules::FromName(f.query.rule)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "unknown rule \"", f.query.rule, "\"; one of ", rules::NameList()));
  }
  const absl::TimeZone zone = site::SiteTimeZone();
  f.since = request.query_param("since").value_or("");
  f.until = request.query_param("until").value_or("");
  if (!f.since.empty()) {
    std::optional<absl::CivilDay> day = ParseDay(f.since);
    if (!day) return absl::InvalidArgumentError("since must be YYYY-MM-DD");
    f.query.since = absl::FromCivil(*day, zone);
  }
  if (!f.until.empty()) {
    std::optional<absl::CivilDay> day = ParseDay(f.until);
    if (!day) return absl::InvalidArgumentError("until must be YYYY-MM-DD");
    f.query.until = absl::FromCivil(*day + 1, zone);  // the whole day
  }
  if (auto after = request.query_param("after"); after && !after->empty()) {
    if (!absl::SimpleAtoi(*after, &f.query.after_id) || f.query.after_id < 0) {
      return absl::InvalidArgumentError("after must be a comment id");
    }
  }
  f.query.limit = 100;
  if (auto l = request.query_param("limit")) {
    if (!absl::SimpleAtoi(*l, &f.query.limit) || f.query.limit < 1 ||
        f.query.limit > 1000) {
      return absl::InvalidArgumentError(
          "limit must be an integer in [1, 1000]");
    }
  }
  return f;
}

void App::ModerationPage(Context& c, const http::Request& request,
                         const PathParams&) {
  std::optional<Viewer> viewer = FindViewer(request);
  if (!viewer) {
    Redirect(c, "/login?next=/moderation");
    return;
  }
  site::ModerationPage page;
  page.username = viewer->user.username;
  page.csrf_token = viewer->session.csrf_token;
  absl::StatusOr<QueueFilter> filter = ReadQueueFilter(request);
  if (!filter.ok()) {
    // A link edited by hand: the plain queue, and why.
    page.notice = std::string(SV(filter.status().message()));
    page.notice_is_error = true;
    filter = QueueFilter();
  }
  const store::QueueQuery& q = filter->query;
  page.tab = q.status;
  page.search = q.search;
  page.article_id = q.article_id;
  page.rule_filter = q.rule;
  page.since = filter->since;
  page.until = filter->until;

  const std::string notice = request.query_param("notice").value_or("");
  if (notice == "decided") {
    const std::string done = request.query_param("done").value_or("0");
    const std::string refused = request.query_param("refused").value_or("");
    page.notice = absl::StrCat(
        SiteText("Kaydedilen karar: ", "Decisions saved: "), done, ".");
    if (!refused.empty()) {
      std::string ids;
      for (absl::string_view id :
           absl::StrSplit(refused, ',', absl::SkipEmpty())) {
        int64_t n = 0;
        if (!absl::SimpleAtoi(id, &n)) continue;
        absl::StrAppend(&ids, ids.empty() ? "" : ", ", "#", n);
      }
      absl::StrAppend(
          &page.notice, " ",
          SiteText("Başka bir moderatör sizden önce karar verdiği için "
                   "kaydedilmeyenler: ",
                   "Not saved, because another moderator decided first: "),
          ids, ".");
      page.notice_is_error = true;
    }
  } else if (notice == "saved") {
    page.notice = SiteText("Karar kaydedildi.", "Decision saved.");
  } else if (notice == "conflict") {
    page.notice = SiteText(
        "Bu yorum için başka bir moderatör sizden önce karar verdi; kararınız "
        "kaydedilmedi.",
        "Another moderator decided on this comment first; your decision was "
        "not saved.");
    page.notice_is_error = true;
  } else if (notice == "none") {
    page.notice =
        SiteText("Hiçbir yorum seçilmedi.", "No comment was selected.");
    page.notice_is_error = true;
  }

  store::QueueQuery one_more = q;
  one_more.limit = q.limit + 1;
  auto items = store_.SearchQueue(one_more);
  auto counts = store_.CountByStatus();
  auto audit = store_.ListDecisions(50);
  auto articles = store_.ListArticleSummaries(200);
  auto days = store_.CountByDay(absl::Now() - absl::Hours(24 * 7),
                                site::SiteUtcOffset());
  for (const absl::Status& s : {items.status(), counts.status(), audit.status(),
                                articles.status(), days.status()}) {
    if (!s.ok()) {
      ErrorFromStatus(c, s);
      return;
    }
  }
  if (static_cast<int>(items->size()) > q.limit) {
    items->pop_back();
    page.next_after = items->back().comment.id;
  }
  page.items = *std::move(items);
  page.counts = *std::move(counts);
  page.audit = *std::move(audit);
  page.day_counts = *std::move(days);
  for (const store::ArticleSummary& a : *articles) {
    page.articles.emplace_back(a.article.id, a.article.headline);
  }
  Html(c, 200, site::RenderModerationPage(SiteFor(request), page),
       {{"Cache-Control", "no-store"}});
}

App::DecisionOutcome App::DecideMany(
    const std::vector<store::DecisionRequest>& requests, const Viewer& viewer) {
  DecisionOutcome out;
  // What each comment was, for the answer and the page cache.
  std::vector<std::optional<store::CommentStatus>> before;
  before.reserve(requests.size());
  for (const store::DecisionRequest& r : requests) {
    absl::StatusOr<store::Comment> c = store_.FindComment(r.comment_id);
    before.push_back(c.ok() ? std::optional(c->status) : std::nullopt);
  }
  std::vector<absl::StatusOr<store::Comment>> results =
      store_.DecideAll(requests, viewer.user.username);
  bool page_changed = false;
  for (size_t i = 0; i < results.size(); ++i) {
    if (results[i].ok()) {
      metrics_.CountModeratorDecision(store::CommentStatusName(requests[i].to));
      if (requests[i].to == store::CommentStatus::kApproved ||
          before[i] == store::CommentStatus::kApproved) {
        page_changed = true;
      }
      out.decided.push_back({*std::move(results[i]), before[i]});
    } else {
      out.refused.push_back({requests[i].comment_id, results[i].status()});
    }
  }
  if (page_changed) ArticlesChanged();
  return out;
}

void App::DecideManyForm(Context& c, const http::Request& request,
                         const PathParams&) {
  std::optional<Viewer> viewer = FindViewer(request);
  if (!viewer) {
    Redirect(c, "/login?next=/moderation");
    return;
  }
  if (!SameOrigin(c, request)) return;
  if (request.body.size() > config_.max_json_bytes) {
    Error(c, 413, "form too large");
    return;
  }
  std::optional<std::vector<std::pair<std::string, std::string>>> pairs =
      FormPairs(request.body);
  if (!pairs) {
    Error(c, 400, "form has a malformed percent escape");
    return;
  }
  std::string csrf, expected_name, decision, reason, back = "/moderation";
  std::vector<int64_t> ids;
  std::optional<int64_t> only;
  for (const auto& [key, value] : *pairs) {
    int64_t id = 0;
    if (key == "csrf_token") {
      csrf = value;
    } else if (key == "expected") {
      expected_name = value;
    } else if (key == "decision") {
      decision = value;
    } else if (key == "reason") {
      reason = value;
    } else if (key == "back" && value.starts_with("/moderation") &&
               value.find_first_of("\r\n") == std::string::npos) {
      back = value;
    } else if (key == "id" && absl::SimpleAtoi(value, &id) && id > 0) {
      ids.push_back(id);
    } else if ((key == "approve" || key == "reject") &&
               absl::SimpleAtoi(value, &id) && id > 0) {
      // One comment's own button.
      decision = key;
      only = id;
    }
  }
  if (!auth::ConstantTimeEquals(csrf, viewer->session.csrf_token)) {
    Error(c, 403, "missing or wrong csrf_token; reload the moderation page");
    return;
  }
  std::optional<store::CommentStatus> to = DecisionTarget(decision);
  if (!to) {
    Error(c, 400, "decision must be approve or reject");
    return;
  }
  if (!reason.empty() && !rules::FromName(reason)) {
    Error(c, 400,
          absl::StrCat("unknown reason \"", reason, "\"; one of ",
                       rules::NameList()));
    return;
  }
  if (only) ids = {*only};
  const std::string separator = back.find('?') == std::string::npos ? "?" : "&";
  if (ids.empty()) {
    Redirect(c, absl::StrCat(back, separator, "notice=none"));
    return;
  }
  std::vector<store::DecisionRequest> requests;
  for (int64_t id : ids) {
    requests.push_back({id, *to, store::ParseCommentStatus(expected_name),
                        *to == store::CommentStatus::kRejected ? reason : ""});
  }
  DecisionOutcome outcome = DecideMany(requests, *viewer);
  std::vector<std::string> refused;
  for (const auto& [id, status] : outcome.refused) {
    if (refused.size() < 50) refused.push_back(absl::StrCat(id));
  }
  Redirect(
      c, absl::StrCat(
             back, separator, "notice=decided&done=", outcome.decided.size(),
             refused.empty() ? "" : "&refused=", absl::StrJoin(refused, ",")));
}

void App::DecideManyApi(Context& c, const http::Request& request,
                        const PathParams&) {
  auto viewer = RequireViewer(c, request, false, true);
  if (!viewer) return;
  auto body = ReadJson(c, request);
  if (!body) return;
  auto list = body->find("decisions");
  if (list == body->end() || !list->is_array() || list->empty()) {
    Error(c, 400, "field \"decisions\" must be a non-empty array");
    return;
  }
  if (list->size() > 1000) {
    Error(c, 400, "at most 1000 decisions at once");
    return;
  }
  std::vector<store::DecisionRequest> requests;
  for (size_t i = 0; i < list->size(); ++i) {
    const nlohmann::json& d = (*list)[i];
    const std::string where = absl::StrCat("decisions[", i, "]");
    if (!d.is_object()) {
      Error(c, 400, absl::StrCat(where, " must be an object"));
      return;
    }
    auto id = d.find("id");
    if (id == d.end() || !id->is_number_integer() || id->get<int64_t>() <= 0) {
      Error(c, 400, absl::StrCat(where, ".id must be a comment id"));
      return;
    }
    // "decision": approve or reject; or "to": any status (an undo moves a
    // comment back where it was).
    auto decision = d.find("decision");
    auto target = d.find("to");
    std::optional<store::CommentStatus> to =
        decision != d.end() && decision->is_string()
            ? DecisionTarget(decision->get<std::string>())
        : target != d.end() && target->is_string()
            ? store::ParseCommentStatus(target->get<std::string>())
            : std::nullopt;
    if (!to) {
      Error(c, 400,
            absl::StrCat(where,
                         ".decision must be approve or reject (or .to "
                         "a status: pending, reported, rejected, "
                         "approved)"));
      return;
    }
    store::DecisionRequest r{id->get<int64_t>(), *to, std::nullopt, ""};
    if (auto e = d.find("expected_status"); e != d.end() && !e->is_null()) {
      r.expected = e->is_string()
                       ? store::ParseCommentStatus(e->get<std::string>())
                       : std::nullopt;
      if (!r.expected) {
        Error(c, 400,
              absl::StrCat(where,
                           ".expected_status must be pending, reported, "
                           "rejected or approved"));
        return;
      }
    }
    if (auto reason = d.find("reason");
        reason != d.end() && !reason->is_null()) {
      if (!reason->is_string() ||
          !rules::FromName(reason->get<std::string>())) {
        Error(c, 400,
              absl::StrCat(where,
                           ".reason must be a rule id: ", rules::NameList()));
        return;
      }
      if (*to == store::CommentStatus::kRejected)
        r.reason = reason->get<std::string>();
    }
    requests.push_back(std::move(r));
  }
  DecisionOutcome outcome = DecideMany(requests, *viewer);
  nlohmann::json decided = nlohmann::json::array();
  for (const auto& [comment, before] : outcome.decided) {
    nlohmann::json j = CommentJson(comment);
    j["previous_status"] =
        before ? nlohmann::json(std::string(store::CommentStatusName(*before)))
               : nlohmann::json(nullptr);
    j["reason"] = comment.reason.empty() ? nlohmann::json(nullptr)
                                         : nlohmann::json(comment.reason);
    decided.push_back(std::move(j));
  }
  nlohmann::json refused = nlohmann::json::array();
  for (const auto& [id, status] : outcome.refused) {
    nlohmann::json j = {{"id", id},
                        {"error", std::string(SV(status.message()))},
                        {"conflict", absl::IsFailedPrecondition(status)}};
    if (absl::StatusOr<store::Comment> now = store_.FindComment(id); now.ok()) {
      j["status"] = std::string(store::CommentStatusName(now->status));
    }
    refused.push_back(std::move(j));
  }
  Json(c, 200,
       {{"decided", std::move(decided)}, {"refused", std::move(refused)}},
       {{"Cache-Control", "no-store"}});
}

void App::QueueApi(Context& c, const http::Request& request,
                   const PathParams&) {
  auto viewer = RequireViewer(c, request, false, false);
  if (!viewer) return;
  absl::StatusOr<QueueFilter> filter = ReadQueueFilter(request);
  if (!filter.ok()) {
    Error(c, 400, SV(filter.status().message()));
    return;
  }
  store::QueueQuery one_more = filter->query;
  one_more.limit += 1;
  auto items = store_.SearchQueue(one_more);
  auto counts = store_.CountByStatus();
  if (!items.ok() || !counts.ok()) {
    ErrorFromStatus(c, !items.ok() ? items.status() : counts.status());
    return;
  }
  nlohmann::json next = nullptr;
  if (static_cast<int>(items->size()) > filter->query.limit) {
    items->pop_back();
    next = items->back().comment.id;
  }
  nlohmann::json list = nlohmann::json::array();
  for (const store::QueueItem& item : *items)
    list.push_back(QueueItemJson(item));
  nlohmann::json count_json = nlohmann::json::object();
  for (const auto& [s, n] : *counts) {
    count_json[std::string(store::CommentStatusName(s))] = n;
  }
  Json(c, 200,
       {{"status", std::string(store::CommentStatusName(filter->query.status))},
        {"counts", std::move(count_json)},
        {"comments", std::move(list)},
        {"next_after", std::move(next)}},
       {{"Cache-Control", "no-store"}});
}

void App::ThreadApi(Context& c, const http::Request& request,
                    const PathParams& p) {
  const int64_t id = p.Id();
  auto viewer = RequireViewer(c, request, false, false);
  if (!viewer) return;
  absl::StatusOr<std::vector<store::Comment>> thread = store_.ListThread(id);
  if (!thread.ok()) {
    if (absl::IsNotFound(thread.status())) {
      Error(c, 404, absl::StrCat("no comment ", id));
    } else {
      ErrorFromStatus(c, thread.status());
    }
    return;
  }
  nlohmann::json list = nlohmann::json::array();
  for (const store::Comment& comment : *thread)
    list.push_back(CommentJson(comment));
  Json(c, 200, {{"comment_id", id}, {"comments", std::move(list)}},
       {{"Cache-Control", "no-store"}});
}

void App::ThreadPage(Context& c, const http::Request& request,
                     const PathParams& p) {
  const int64_t id = p.Id();
  std::optional<Viewer> viewer = FindViewer(request);
  if (!viewer) {
    Redirect(c,
             absl::StrCat("/login?next=/moderation/comments/", id, "/thread"));
    return;
  }
  absl::StatusOr<std::vector<store::Comment>> thread = store_.ListThread(id);
  if (!thread.ok()) {
    if (absl::IsNotFound(thread.status())) {
      Html(c, 404,
           site::RenderErrorPage(
               SiteFor(request), 404,
               SiteText("Böyle bir yorum yok.", "No such comment.")));
    } else {
      ErrorFromStatus(c, thread.status());
    }
    return;
  }
  site::ThreadPage page;
  page.username = viewer->user.username;
  page.csrf_token = viewer->session.csrf_token;
  page.focus = id;
  if (absl::StatusOr<store::Article> a =
          store_.FindArticleById(thread->front().article_id);
      a.ok()) {
    page.article_slug = a->slug;
    page.article_headline = a->headline;
  }
  page.comments = *std::move(thread);
  Html(c, 200, site::RenderThreadPage(SiteFor(request), page),
       {{"Cache-Control", "no-store"}});
}

void App::CountsApi(Context& c, const http::Request& request,
                    const PathParams&) {
  auto viewer = RequireViewer(c, request, false, false);
  if (!viewer) return;
  int days = 14;
  if (auto d = request.query_param("days")) {
    if (!absl::SimpleAtoi(*d, &days) || days < 1 || days > 90) {
      Error(c, 400, "days must be an integer in [1, 90]");
      return;
    }
  }
  absl::StatusOr<std::vector<store::DayCount>> counts = store_.CountByDay(
      absl::Now() - absl::Hours(24) * days, site::SiteUtcOffset());
  if (!counts.ok()) {
    ErrorFromStatus(c, counts.status());
    return;
  }
  std::map<absl::CivilDay, nlohmann::json> by_day;
  for (const store::DayCount& d : *counts) {
    nlohmann::json& day = by_day[d.day];
    if (day.is_null()) {
      day = {{"day", absl::FormatCivilTime(d.day)},
             {"comments", 0},
             {"rules", nlohmann::json::object()}};
    }
    if (d.rule.empty()) {
      day["comments"] = d.count;
    } else {
      day["rules"][d.rule] = d.count;
    }
  }
  nlohmann::json list = nlohmann::json::array();
  for (auto& [day, j] : by_day) list.push_back(std::move(j));
  Json(c, 200, {{"days", std::move(list)}}, {{"Cache-Control", "no-store"}});
}

void App::CommentStatusApi(Context& c, const http::Request& request,
                           const PathParams& p) {
  const int64_t id = p.Id();
  const std::string receipt = request.query_param("receipt").value_or("");
  absl::StatusOr<store::Comment> comment = store_.FindComment(id);
  // Only the commenter, who holds the receipt, learns anything: any other
  // question gets the same 404 as a comment that does not exist.
  if (!comment.ok() || receipt.empty() || comment->receipt_hash.empty() ||
      !auth::ConstantTimeEquals(auth::TokenHash(receipt),
                                comment->receipt_hash)) {
    if (comment.ok() || absl::IsNotFound(comment.status())) {
      Error(c, 404, absl::StrCat("no comment ", id, " with this receipt"));
    } else {
      ErrorFromStatus(c, comment.status());
    }
    return;
  }
  nlohmann::json j = {
      {"id", id},
      {"status", std::string(store::CommentStatusName(comment->status))},
      {"reason", nullptr},
      {"message", nullptr}};
  if (config_.tell_commenter_reason && !comment->reason.empty()) {
    if (std::optional<rules::RuleId> rule = rules::FromName(comment->reason)) {
      const rules::Text& message = rules::Spec(*rule).message;
      j["reason"] = comment->reason;
      j["message"] = {{"tr", message.tr}, {"en", message.en}};
    }
  }
  Json(c, 200, j, {{"Cache-Control", "no-store"}});
}

}  // namespace newsroom::server
