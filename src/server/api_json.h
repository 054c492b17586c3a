// The JSON of the site's API answers, built from the store's values:
// the one place that says what a comment, an article, a queue entry or an
// audit row looks like on the wire (docs/api.md).
//
//   nlohmann::json j = CommentJson(comment);
//   // {"id": 7, "author": "Ayşe", "text": "…", "parent_id": null,
//   //  "status": "approved", "created_at": "2026-01-05T09:12:03Z"}
//
// Pure functions of their arguments; thread-safe. Strings are copied as
// stored (valid UTF-8: the site refuses anything else on the way in).
#ifndef NEWSROOM_SERVER_API_JSON_H_
#define NEWSROOM_SERVER_API_JSON_H_

#include <string_view>
#include <vector>

#include "nlohmann/json.hpp"
#include "store/store.h"

namespace newsroom::server {

// A comment with its status.
nlohmann::json CommentJson(const store::Comment& comment);
// GET /api/v1/articles/{slug}/comments: a window of an article's published
// comments, in the window's order, without their (always "approved")
// status; a thread's first comment says how many of its replies were cut
// ("more_replies"); with the article's total and the cursor of the next
// window as a string (null at the end).
nlohmann::json CommentWindowJson(std::string_view slug,
                                 const store::CommentWindow& window);
// A whole article (GET /api/v1/articles/{slug}, and the editors' answers).
nlohmann::json ArticleJson(const store::Article& article);
// One line of GET /api/v1/articles.
nlohmann::json ArticleSummaryJson(const store::Article& article);
// A comment in the moderators' queue: the comment, its article, its report
// count, the moderator's reason (a rule id, or null) and the verdict that
// explains it (null if the stored one is unreadable).
nlohmann::json QueueItemJson(const store::QueueItem& item);
// One row of the audit log.
nlohmann::json DecisionJson(const store::Decision& decision);

}  // namespace newsroom::server

#endif  // NEWSROOM_SERVER_API_JSON_H_
