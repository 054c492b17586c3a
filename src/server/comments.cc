// Readers' routes: posting (JSON API and the plain HTML form), listing,
// reporting, and moderating a draft without posting it. A post is parsed
// here and handed to comments::Intake, which validates, moderates and
// stores it; the answer is shaped here once it is on disk.
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "moderation/combined_fix.h"
#include "server/api_json.h"
#include "server/app.h"
#include "server/app_internal.h"
#include "text/displayed.h"
#include "text/utf8.h"

namespace newsroom::server {
namespace {

// What the plain HTML form tells the reader whose comment was refused:
// each violated rule's message in the page's language.
std::string RefusalMessage(const moderation::Verdict& v, bool english) {
  std::string out =
      english ? "Your comment was not published: " : "Yorumunuz yayımlanmadı: ";
  bool first = true;
  for (const moderation::Finding& f : v.findings) {
    if (!f.violated) continue;
    const moderation::Bilingual& m = moderation::Message(f.rule);
    absl::StrAppend(&out, first ? "" : " ", english ? m.en : m.tr);
    first = false;
  }
  return out;
}

}  // namespace

void App::PostCommentApi(Context& c, const http::Request& request,
                         const PathParams& p) {
  PostComment(c, request, p.Get("slug"), /*form=*/false);
}

void App::PostCommentForm(Context& c, const http::Request& request,
                          const PathParams& p) {
  PostComment(c, request, p.Get("slug"), /*form=*/true);
}

void App::PostComment(Context& c, const http::Request& request,
                      std::string_view slug, bool form) {
  const bool english = config_.lang == "en";
  if (form && !SameOrigin(c, request)) return;
  if (!WithinLimit(c, *comment_limiter_, ClientKey(request), "comments")) {
    return;
  }

  comments::Draft draft;
  draft.article_slug = std::string(slug);
  draft.client = ClientKey(request);
  // The commenter's receipt: they, and no one else, may ask later what
  // became of the comment (CommentStatusApi). Only its hash is stored.
  const std::string receipt = auth::RandomToken();
  draft.receipt_hash = auth::TokenHash(receipt);
  if (form) {
    auto fields = ReadForm(c, request);
    if (!fields) return;
    draft.author = (*fields)["author"];
    draft.text = (*fields)["text"];
    const std::string& parent = (*fields)["parent_id"];
    if (!parent.empty()) {
      int64_t id = 0;
      if (!absl::SimpleAtoi(parent, &id) || id <= 0) {
        Error(c, 400, "parent_id must be a comment id");
        return;
      }
      draft.parent_id = id;
    }
  } else {
    auto body = ReadJson(c, request);
    if (!body) return;
    auto a = body->find("author");
    auto t = body->find("text");
    if (a == body->end() || !a->is_string()) {
      Error(c, 400, "field \"author\" is required and must be a string");
      return;
    }
    if (t == body->end() || !t->is_string()) {
      Error(c, 400, "field \"text\" is required and must be a string");
      return;
    }
    draft.author = a->get<std::string>();
    draft.text = t->get<std::string>();
    auto p = body->find("parent_id");
    if (p != body->end() && !p->is_null()) {
      if (!p->is_number_integer() || p->get<int64_t>() <= 0) {
        Error(c, 400,
              "field \"parent_id\" must be a comment id (a positive integer) "
              "or null");
        return;
      }
      draft.parent_id = p->get<int64_t>();
    }
  }

  // What the form needs to show the page again if the comment is refused.
  const site::SiteInfo info = form ? SiteFor(request) : site::SiteInfo{};
  const std::string text = draft.text;
  const std::string slug_copy(slug);
  intake_.Submit(
      std::move(draft),
      [this, c, form, english, info, text, slug_copy,
       receipt](absl::StatusOr<comments::Posted> posted) mutable {
        if (!posted.ok()) {
          const absl::Status& s = posted.status();
          if (absl::IsOutOfRange(s)) {
            Error(c, 422, SV(s.message()));  // the engine's limits
          } else {
            ErrorFromStatus(c, s);
          }
          return;
        }
        metrics_.CountVerdict(
            "comments", moderation::DecisionName(posted->verdict.decision),
            ViolatedRules(posted->verdict));
        const store::Comment& stored = posted->comment;
        const std::string status(store::CommentStatusName(stored.status));
        if (stored.status == store::CommentStatus::kApproved) ArticlesChanged();
        if (!form) {
          nlohmann::json answer = {
              {"status", status}, {"verdict", std::move(posted->verdict_json)}};
          if (stored.status == store::CommentStatus::kRejected) {
            Json(c, 422, answer);
            return;
          }
          answer["comment"] = CommentJson(stored);
          answer["receipt"] = receipt;
          Json(c, 201, answer,
               {{"Location", absl::StrCat("/api/v1/comments/", stored.id)}});
          return;
        }
        if (stored.status != store::CommentStatus::kRejected) {
          // A published comment's permalink: the window that shows it
          // (a reply's thread may be far down the article's comments).
          Redirect(c,
                   absl::StrCat("/news/", slug_copy, "?posted=", status,
                                stored.status == store::CommentStatus::kApproved
                                    ? absl::StrCat("&comment=", stored.id,
                                                   "#comment-", stored.id)
                                    : std::string("#comment-form")));
          return;
        }
        absl::StatusOr<store::Article> article = store_.FindArticle(slug_copy);
        if (!article.ok()) {
          ErrorFromStatus(c, article.status());
          return;
        }
        // Render the page again with the refusal and the draft kept.
        site::ArticlePage page;
        page.article = *article;
        auto photo = PhotoViewFor(*article);
        if (photo.ok()) page.photo = *photo;
        WindowRequest first;
        first.threads = config_.threads_per_page;
        auto published = CommentWindowFor(*article, first);
        if (published.ok()) SetWindow(page, *std::move(published));
        page.notice = site::FormNotice{"rejected",
                                       RefusalMessage(posted->verdict, english),
                                       text, stored.author};
        Html(c, 422, site::RenderArticlePage(info, page));
      });
}

void App::ListCommentsApi(Context& c, const http::Request& request,
                          const PathParams& p) {
  const std::string_view slug = p.Get("slug");
  // A window of the comments, as the article page shows them.
  absl::StatusOr<WindowRequest> window =
      WindowFromQuery(request, /*with_limit=*/true);
  if (!window.ok()) {
    Error(c, 400, SV(window.status().message()));
    return;
  }
  // What the embed reads on other sites' pages: from the page cache, under
  // the same generation as the article page.
  const std::string key =
      absl::StrCat("comments|", AV(slug), "|", WindowKey(*window));
  const std::optional<PageCache::Generation> generation = CacheGeneration(c);
  if (!generation) return;
  if (auto hit = page_cache_.Find(key, *generation)) {
    Cached(c, request, *hit, "application/json; charset=utf-8");
    return;
  }
  absl::StatusOr<store::Article> article = FindPublishedArticle(slug);
  if (!article.ok()) {
    if (absl::IsNotFound(article.status())) {
      Error(c, 404, absl::StrCat("no article ", std::string(slug)));
    } else {
      ErrorFromStatus(c, article.status());
    }
    return;
  }
  absl::StatusOr<store::CommentWindow> comments =
      CommentWindowFor(*article, *window);
  if (!comments.ok()) {
    ErrorFromStatus(c, comments.status());  // 400 for a foreign cursor
    return;
  }
  std::string body =
      CommentWindowJson(slug, *comments)
          .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  body.push_back('\n');
  auto entry = page_cache_.Insert(key, *generation, std::move(body));
  Cached(c, request, *entry, "application/json; charset=utf-8");
}

void App::ReportCommentApi(Context& c, const http::Request& request,
                           const PathParams& p) {
  ReportComment(c, request, p.Id(), "");
}

void App::ReportCommentForm(Context& c, const http::Request& request,
                            const PathParams& p) {
  ReportComment(c, request, p.Id(), p.Get("slug"));
}

void App::ReportComment(Context& c, const http::Request& request, int64_t id,
                        std::string_view form_slug) {
  const bool form = !form_slug.empty();
  if (!SameOrigin(c, request)) return;
  const std::string reporter = ClientKey(request);
  if (!WithinLimit(c, *report_limiter_, reporter, "reports")) return;
  absl::StatusOr<store::Comment> comment =
      store_.ReportComment(id, reporter, config_.report_threshold);
  if (!comment.ok()) {
    if (absl::IsNotFound(comment.status())) {
      Error(c, 404, absl::StrCat("no comment ", id));
    } else {
      ErrorFromStatus(c, comment.status());
    }
    return;
  }
  if (comment->status == store::CommentStatus::kReported) ArticlesChanged();
  if (form) {
    Redirect(c, absl::StrCat("/news/", std::string(form_slug),
                             "?reported=1&comment=", id, "#comment-", id));
    return;
  }
  Json(c, 200,
       {{"id", comment->id},
        {"status", std::string(store::CommentStatusName(comment->status))},
        {"report_count", comment->report_count}});
}

void App::ModerateApi(Context& c, const http::Request& request,
                      const PathParams&) {
  if (!WithinLimit(c, *moderate_limiter_, ClientKey(request), "draft checks")) {
    return;
  }
  auto body = ReadJson(c, request);
  if (!body) return;
  auto t = body->find("text");
  if (t == body->end() || !t->is_string()) {
    Error(c, 400, "field \"text\" is required and must be a string");
    return;
  }
  std::optional<langid::Language> hint;
  auto l = body->find("lang");
  if (l != body->end() && !l->is_null()) {
    if (!l->is_string()) {
      Error(c, 400,
            "field \"lang\" must be a language code such as \"tr\" or \"en\"");
      return;
    }
    std::string code = l->get<std::string>();
    if (code == "tr") {
      hint = langid::Language::kTurkish;
    } else if (code == "en") {
      hint = langid::Language::kEnglish;
    } else {
      Error(c, 400,
            absl::StrCat("field \"lang\": unsupported language \"", code,
                         "\" (supported: tr, en)"));
      return;
    }
  }
  // As the reader will see it (text/displayed.h), as a posted comment is;
  // with suggestions for every misspelled word, published or not: the
  // reader is still writing.
  absl::StatusOr<moderation::Verdict> verdict =
      engine_.Moderate(text::AsDisplayed(t->get<std::string>()), hint,
                       moderation::Engine::Suggestions::kAlways);
  if (!verdict.ok()) {
    Error(c, absl::IsInvalidArgument(verdict.status()) ? 422 : 500,
          SV(verdict.status().message()));
    return;
  }
  metrics_.CountVerdict("moderate", moderation::DecisionName(verdict->decision),
                        ViolatedRules(*verdict));
  Json(c, 200,
       moderation::VerdictToJsonWithFix(engine_, t->get<std::string>(),
                                        *verdict));
}

}  // namespace newsroom::server
