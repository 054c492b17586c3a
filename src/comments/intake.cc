// A comment's way from a reader's draft to a durable row, in the order the
// checks cost: the fields first (free), then the article and the parent
// (one indexed read each), then the engine (tens of microseconds), and the
// store last, whose durable commit is shared with every comment posted at
// the same moment. Nothing is stored for a draft refused before the engine;
// a draft the policy refuses is stored as rejected, so that the moderation
// log can show what was refused and why.
//
// The engine's own refusals (text too long, nothing to read) are the
// reader's to fix, like a bad field, but they are not a malformed request:
// they come back as OutOfRange so that the site can answer 422 rather than
// 400. So does a name that breaks the policy's abuse rules: the name is
// printed above the comment, so it is moderated too (but only by those
// rules; names need neither Turkish letters nor a dictionary).
//
// Text and name are taken as a reader will see them (text::AsDisplayed):
// directional overrides resolved, invisible characters dropped. What is
// stored is what was moderated is what is shown.
//
// Tested by intake_test.cc.
#include "comments/intake.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "moderation/combined_fix.h"
#include "moderation/rule_id.h"
#include "moderation/verdict_json.h"
#include "text/displayed.h"
#include "text/utf8.h"

namespace newsroom::comments {
namespace {

// The rules a name can break. The language rules (capitals, spelling,
// Turkish letters) do not apply to names: "AYŞE", "Ozturk" and "Xanthe"
// are names people have.
bool IsAbuseRule(moderation::RuleId rule) {
  return rule == moderation::RuleId::kInsult ||
         rule == moderation::RuleId::kProfanity ||
         rule == moderation::RuleId::kOffensive ||
         rule == moderation::RuleId::kBeliefAttack;
}

}  // namespace

Intake::Intake(const moderation::Engine& engine, store::Store& store,
               IntakeOptions options)
    : engine_(engine), store_(store), options_(std::move(options)) {}

store::CommentStatus Intake::StatusFor(moderation::Decision decision) {
  switch (decision) {
    case moderation::Decision::kApprove:
      return store::CommentStatus::kApproved;
    case moderation::Decision::kReview:
      return store::CommentStatus::kPending;
    case moderation::Decision::kReject:
      break;
  }
  return store::CommentStatus::kRejected;
}

absl::Status Intake::Validate(Draft& draft) const {
  if (!text::ValidateUtf8(draft.author).ok()) {
    return absl::InvalidArgumentError("field \"author\" is not valid UTF-8");
  }
  if (!text::ValidateUtf8(draft.text).ok()) {
    return absl::InvalidArgumentError("field \"text\" is not valid UTF-8");
  }
  // What readers will see is what is stored and moderated.
  draft.author = text::AsDisplayed(draft.author);
  draft.text = text::AsDisplayed(draft.text);
  draft.author = std::string(absl::StripAsciiWhitespace(draft.author));
  if (draft.author.empty()) {
    return absl::InvalidArgumentError("field \"author\" must not be empty");
  }
  if (!text::HasVisibleCharacter(draft.author)) {
    return absl::InvalidArgumentError(
        "field \"author\" has no visible character");
  }
  if (text::CodePointCount(draft.author) > options_.max_author_chars) {
    return absl::InvalidArgumentError(
        absl::StrCat("field \"author\" is longer than ",
                     options_.max_author_chars, " characters"));
  }
  if (absl::StripAsciiWhitespace(draft.text).empty()) {
    return absl::InvalidArgumentError("field \"text\" must not be empty");
  }
  if (draft.parent_id && *draft.parent_id <= 0) {
    return absl::InvalidArgumentError(
        "field \"parent_id\" must be a comment id (a positive integer)");
  }
  return absl::OkStatus();
}

absl::Status Intake::CheckAuthor(const std::string& author) const {
  absl::StatusOr<moderation::Verdict> verdict = engine_.Moderate(
      author, std::nullopt, moderation::Engine::Suggestions::kNever);
  if (!verdict.ok()) return absl::OkStatus();  // nothing in it to judge
  std::string broken;
  for (const moderation::Finding& f : verdict->findings) {
    if (!f.violated || !IsAbuseRule(f.rule)) continue;
    if (!broken.empty()) broken += ", ";
    broken += moderation::RuleIdName(f.rule);
  }
  if (broken.empty()) return absl::OkStatus();
  return absl::OutOfRangeError(
      absl::StrCat("field \"author\" breaks the comment policy (", broken,
                   "): choose another name"));
}

void Intake::Submit(Draft draft, Done done) const {
  if (absl::Status valid = Validate(draft); !valid.ok()) {
    done(valid);
    return;
  }
  absl::StatusOr<store::Article> article =
      store_.FindArticle(draft.article_slug);
  if (article.ok() && !article->published) {
    article = absl::NotFoundError("a draft");
  }
  if (!article.ok()) {
    if (absl::IsNotFound(article.status()) ||
        absl::IsInvalidArgument(article.status())) {
      done(
          absl::NotFoundError(absl::StrCat("no article ", draft.article_slug)));
    } else {
      done(article.status());
    }
    return;
  }
  if (article->comments_closed) {
    done(absl::PermissionDeniedError("comments are closed on this article"));
    return;
  }
  if (draft.parent_id) {
    absl::StatusOr<store::Comment> parent =
        store_.FindComment(*draft.parent_id);
    if (!parent.ok() && !absl::IsNotFound(parent.status())) {
      done(parent.status());
      return;
    }
    if (!parent.ok() || parent->article_id != article->id ||
        parent->status != store::CommentStatus::kApproved) {
      done(absl::InvalidArgumentError(
          absl::StrCat("parent_id ", *draft.parent_id,
                       " is not a published comment of this article")));
      return;
    }
  }

  if (absl::Status name = CheckAuthor(draft.author); !name.ok()) {
    done(name);
    return;
  }
  absl::StatusOr<moderation::Verdict> verdict = engine_.Moderate(draft.text);
  if (!verdict.ok()) {
    done(absl::IsInvalidArgument(verdict.status())
             ? absl::OutOfRangeError(verdict.status().message())
             : verdict.status());
    return;
  }
  nlohmann::json verdict_json =
      moderation::VerdictToJsonWithFix(engine_, draft.text, *verdict);

  store::NewComment comment;
  comment.article_id = article->id;
  comment.parent_id = draft.parent_id;
  comment.author = std::move(draft.author);
  comment.text = std::move(draft.text);
  comment.verdict_json = verdict_json.dump();
  comment.client = std::move(draft.client);
  comment.receipt_hash = std::move(draft.receipt_hash);
  comment.status = StatusFor(verdict->decision);
  store_.AddComment(std::move(comment),
                    [done = std::move(done), verdict = *std::move(verdict),
                     verdict_json = std::move(verdict_json)](
                        absl::StatusOr<store::Comment> stored) mutable {
                      if (!stored.ok()) {
                        done(stored.status());
                        return;
                      }
                      done(Posted{*std::move(stored), std::move(verdict),
                                  std::move(verdict_json)});
                    });
}

}  // namespace newsroom::comments
