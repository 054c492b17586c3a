#include "server/api_json.h"

#include <gtest/gtest.h>

#include "absl/time/time.h"

namespace newsroom::server {
namespace {

store::Comment MakeComment() {
  store::Comment c;
  c.id = 7;
  c.article_id = 1;
  c.author = "Ayşe";
  c.text = "Köprü çok güzel olmuş.";
  c.status = store::CommentStatus::kApproved;
  c.created_at = absl::FromUnixSeconds(1767604323);  // 2026-01-05T09:12:03Z
  c.verdict_json = R"({"decision":"approve","rules":[]})";
  c.report_count = 2;
  return c;
}

TEST(ApiJsonTest, Comment) {
  store::Comment c = MakeComment();
  EXPECT_EQ(CommentJson(c), nlohmann::json::parse(R"({"id": 7, "author": "Ayşe",
              "text": "Köprü çok güzel olmuş.", "parent_id": null,
              "status": "approved", "created_at": "2026-01-05T09:12:03Z"})"));
  c.parent_id = 3;
  EXPECT_EQ(CommentJson(c)["parent_id"], 3);
}

TEST(ApiJsonTest, CommentWindowLeavesOutTheStatusAndNamesTheNextWindow) {
  store::CommentWindow window;
  window.comments = {MakeComment()};
  window.total = 12;
  window.next = store::CommentPosition{absl::FromUnixSeconds(1767604323), 7};
  window.more_replies = {{7, 3}};
  nlohmann::json list = CommentWindowJson("kopru", window);
  EXPECT_EQ(list["article"], "kopru");
  ASSERT_EQ(list["comments"].size(), 1u);
  EXPECT_FALSE(list["comments"][0].contains("status"));
  EXPECT_EQ(list["comments"][0]["id"], 7);
  EXPECT_EQ(list["comments"][0]["more_replies"], 3);
  EXPECT_EQ(list["total"], 12);
  EXPECT_EQ(list["next_cursor"], "7");

  nlohmann::json last = CommentWindowJson("bos", store::CommentWindow{});
  EXPECT_EQ(last["comments"], nlohmann::json::array());
  EXPECT_EQ(last["total"], 0);
  EXPECT_TRUE(last["next_cursor"].is_null());
}

TEST(ApiJsonTest, ArticleAndItsSummary) {
  store::Article a;
  a.id = 1;
  a.slug = "kopru-acildi";
  a.headline = "Köprü açıldı";
  a.published_at = absl::FromUnixSeconds(1767604323);
  a.updated_at = absl::FromUnixSeconds(1767607923);
  nlohmann::json j = ArticleJson(a);
  EXPECT_EQ(j["url"], "/news/kopru-acildi");
  EXPECT_TRUE(j["photo_id"].is_null());
  EXPECT_EQ(j["updated_at"], "2026-01-05T10:12:03Z");
  a.photo_id = 4;
  EXPECT_EQ(ArticleJson(a)["photo_id"], 4);
  nlohmann::json s = ArticleSummaryJson(a);
  EXPECT_EQ(s.size(), 5u);
  EXPECT_EQ(s["headline"], "Köprü açıldı");
  EXPECT_EQ(j["published"], true);
  EXPECT_EQ(j["comments_closed"], false);
  // A draft never published has no publication time.
  a.published = false;
  a.published_at = absl::UnixEpoch();
  EXPECT_TRUE(ArticleJson(a)["published_at"].is_null());
  EXPECT_EQ(ArticleJson(a)["published"], false);
}

TEST(ApiJsonTest, QueueItemCarriesTheVerdictOrNull) {
  store::QueueItem item{MakeComment(), "kopru-acildi", "Köprü açıldı"};
  nlohmann::json j = QueueItemJson(item);
  EXPECT_EQ(j["article"]["url"], "/news/kopru-acildi");
  EXPECT_EQ(j["report_count"], 2);
  EXPECT_EQ(j["verdict"]["decision"], "approve");
  EXPECT_TRUE(j["reason"].is_null());
  item.comment.reason = "insult";
  EXPECT_EQ(QueueItemJson(item)["reason"], "insult");
  item.comment.verdict_json = "{broken";
  EXPECT_TRUE(QueueItemJson(item)["verdict"].is_null());
}

TEST(ApiJsonTest, DecisionFromNothingIsNull) {
  store::Decision d;
  d.id = 1;
  d.comment_id = 7;
  d.decided_by = "engine";
  d.to = store::CommentStatus::kPending;
  d.at = absl::FromUnixSeconds(1767604323);
  EXPECT_TRUE(DecisionJson(d)["from"].is_null());
  d.from = store::CommentStatus::kPending;
  d.to = store::CommentStatus::kApproved;
  d.decided_by = "moderatör1";
  nlohmann::json j = DecisionJson(d);
  EXPECT_EQ(j["from"], "pending");
  EXPECT_EQ(j["to"], "approved");
  EXPECT_EQ(j["decided_by"], "moderatör1");
  EXPECT_TRUE(j["reason"].is_null());
  d.reason = "all_caps";
  EXPECT_EQ(DecisionJson(d)["reason"], "all_caps");
}

}  // namespace
}  // namespace newsroom::server
