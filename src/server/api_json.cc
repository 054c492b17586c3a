// The API's JSON shapes, each written once. Times are RFC 3339 in UTC
// (site::FormatRfc3339), ids are numbers, and an absent optional field is
// null rather than missing, so that a client can tell "no parent" from an
// older server.
//
// Tested by api_json_test.cc.
#include "server/api_json.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "site/render.h"

namespace newsroom::server {

nlohmann::json CommentJson(const store::Comment& comment) {
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

nlohmann::json CommentWindowJson(std::string_view slug,
                                 const store::CommentWindow& window) {
  nlohmann::json list = nlohmann::json::array();
  for (const store::Comment& comment : window.comments) {
    nlohmann::json j = CommentJson(comment);
    j.erase("status");
    if (auto more = window.more_replies.find(comment.id);
        more != window.more_replies.end()) {
      j["more_replies"] = more->second;
    }
    list.push_back(std::move(j));
  }
  return {{"article", std::string(slug)},
          {"comments", std::move(list)},
          {"total", window.total},
          {"next_cursor", window.next
                              ? nlohmann::json(absl::StrCat(window.next->id))
                              : nlohmann::json(nullptr)}};
}

nlohmann::json ArticleJson(const store::Article& a) {
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
      {"published", a.published},
      {"comments_closed", a.comments_closed},
      // A draft never published has no publication time.
      {"published_at",
       a.published_at == absl::UnixEpoch()
           ? nlohmann::json(nullptr)
           : nlohmann::json(site::FormatRfc3339(a.published_at))},
      {"updated_at", site::FormatRfc3339(a.updated_at)},
      {"url", absl::StrCat("/news/", a.slug)},
  };
  if (a.photo_id) j["photo_id"] = *a.photo_id;
  return j;
}

nlohmann::json ArticleSummaryJson(const store::Article& a) {
  return {{"slug", a.slug},
          {"headline", a.headline},
          {"published_at", site::FormatRfc3339(a.published_at)},
          {"updated_at", site::FormatRfc3339(a.updated_at)},
          {"url", absl::StrCat("/news/", a.slug)}};
}

nlohmann::json QueueItemJson(const store::QueueItem& item) {
  nlohmann::json j = CommentJson(item.comment);
  j["article"] = {{"id", item.comment.article_id},
                  {"slug", item.article_slug},
                  {"headline", item.article_headline},
                  {"url", absl::StrCat("/news/", item.article_slug)}};
  j["report_count"] = item.comment.report_count;
  j["reason"] = item.comment.reason.empty()
                    ? nlohmann::json(nullptr)
                    : nlohmann::json(item.comment.reason);
  nlohmann::json verdict =
      nlohmann::json::parse(item.comment.verdict_json, nullptr, false);
  j["verdict"] = verdict.is_discarded() ? nlohmann::json(nullptr) : verdict;
  return j;
}

nlohmann::json DecisionJson(const store::Decision& d) {
  return {{"id", d.id},
          {"comment_id", d.comment_id},
          {"decided_by", d.decided_by},
          {"from", d.from ? nlohmann::json(
                                std::string(store::CommentStatusName(*d.from)))
                          : nlohmann::json(nullptr)},
          {"to", std::string(store::CommentStatusName(d.to))},
          {"reason", d.reason.empty() ? nlohmann::json(nullptr)
                                      : nlohmann::json(d.reason)},
          {"at", site::FormatRfc3339(d.at)}};
}

}  // namespace newsroom::server
