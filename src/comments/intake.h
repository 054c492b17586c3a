// The life of a reader's comment, without HTTP: validate → moderate →
// decide its status → store it durably.
//
//   comments::Intake intake(engine, store, {});
//   comments::Draft draft;
//   draft.article_slug = "kopru-acildi";
//   draft.author = "Ayşe";
//   draft.text = "Köprü çok güzel olmuş, emeği geçenlere teşekkürler.";
//   draft.client = client_hash;
//   intake.Submit(std::move(draft), [](absl::StatusOr<comments::Posted> p) {
//     if (p.ok() && p->comment.status == store::CommentStatus::kApproved) …
//   });
//
// The site's two ways of posting (the JSON API and the plain HTML form)
// both come here, and only the answer they give differs.
//
// Submit() answers exactly once through `done`:
//   - InvalidArgument, before anything is stored: a field is wrong (the
//     message names it: "field \"author\" must not be empty"), or the
//     parent is not a published comment of the article. The site answers
//     400.
//   - NotFound: there is no published article with that slug (404): a
//     draft is not there for readers.
//   - PermissionDenied: the editors closed the article's comments (403).
//   - OutOfRange: the engine will not read the text (longer than the
//     policy's max_length, or nothing in it to moderate), or the author
//     name breaks an abuse rule of the policy (insult, profanity,
//     offensive, belief_attack); 422. Nothing is stored.
//   - Otherwise the store's error (Unavailable, Internal: 5xx), or the
//     Posted comment. A comment the policy refuses is not an error: it is
//     stored with status kRejected, for the moderation log's audit, and
//     never shown.
// A Posted comment is on disk (store::Store::AddComment's durability).
//
// Threads: `done` runs on the caller's thread when the draft is refused
// before the store, otherwise on a thread of the store's (which must not
// be blocked: hand long work elsewhere). The engine and the store must
// outlive the Intake. Submit() is const and thread-safe.
#ifndef NEWSROOM_COMMENTS_INTAKE_H_
#define NEWSROOM_COMMENTS_INTAKE_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "moderation/engine.h"
#include "moderation/verdict.h"
#include "nlohmann/json.hpp"
#include "store/store.h"

namespace newsroom::comments {

struct IntakeOptions {
  // The longest author name, in characters (config: comments.max_author_chars).
  int max_author_chars = 80;
};

// What a reader sends. Fields are untrusted: Submit checks each.
// Author and text are stored as a reader will see them: directional
// controls resolved and invisible characters dropped (text::AsDisplayed).
struct Draft {
  std::string article_slug;
  std::string author;  // ASCII white space at the ends is dropped
  std::string text;
  std::optional<int64_t> parent_id;  // a published comment of the article
  std::string client;  // who sends it: a salted hash, never a raw address
  // The hash of the receipt the commenter is given (store::Comment::
  // receipt_hash); may be empty.
  std::string receipt_hash;
};

// A comment through its life: as stored, and why.
struct Posted {
  store::Comment comment;  // status kApproved, kPending or kRejected
  moderation::Verdict verdict;
  // moderation::VerdictToJsonWithFix(verdict): with the combined fix.
  nlohmann::json verdict_json;
};

class Intake {
 public:
  using Done = std::function<void(absl::StatusOr<Posted>)>;

  Intake(const moderation::Engine& engine, store::Store& store,
         IntakeOptions options);

  void Submit(Draft draft, Done done) const;

  // The status a verdict gives a new comment: approve → kApproved, review
  // → kPending (held for a moderator), reject → kRejected.
  static store::CommentStatus StatusFor(moderation::Decision decision);

 private:
  // The draft's fields, checked and tidied (InvalidArgument naming the
  // field).
  absl::Status Validate(Draft& draft) const;
  // OutOfRange when the name breaks an abuse rule of the policy.
  absl::Status CheckAuthor(const std::string& author) const;

  const moderation::Engine& engine_;
  store::Store& store_;
  const IntakeOptions options_;
};

}  // namespace newsroom::comments

#endif  // NEWSROOM_COMMENTS_INTAKE_H_
