// The moderators' pages: the queue with the engine's reasons, the login
// form, and the error page.
//
// Each comment in the queue is shown as the engine saw it: the characters
// a rule pointed at are marked (<mark data-rule>) in the escaped text, and
// each finding is listed with its score and the message the commenter was
// given, in both languages. A verdict that cannot be read (empty, damaged,
// from an older engine) leaves the text unmarked and says so; the comment
// can still be decided.
//
// Decisions are plain forms that carry the status the moderator saw
// (`expected`), so that the server refuses a decision on a comment that
// another moderator moved meanwhile.
//
// Tested by render_test.cc and verdict_view_test.cc.
#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "rules/rules.h"
#include "site/internal/html.h"
#include "site/internal/verdict_view.h"
#include "site/render.h"

namespace newsroom::site {
namespace {

using internal::EscapeWithBreaks;
using internal::Say;
using internal::SayText;
using internal::TimeElement;
using store::CommentStatus;

struct TabText {
  CommentStatus status;
  std::string_view tr;
  std::string_view en;
};
constexpr TabText kTabs[] = {
    {CommentStatus::kPending, "Bekleyen", "Pending"},
    {CommentStatus::kReported, "Bildirilen", "Reported"},
    {CommentStatus::kRejected, "Reddedilen", "Rejected"},
    {CommentStatus::kApproved, "Onaylanan", "Approved"},
};

std::string StatusLabel(const SiteInfo& info, CommentStatus status) {
  for (const TabText& t : kTabs) {
    if (t.status == status) return Say(info, t.tr, t.en);
  }
  return std::string();
}

std::string StatusName(CommentStatus status) {
  return std::string(store::CommentStatusName(status));
}

std::string ModerationUrl(CommentStatus status, std::string_view rule) {
  std::string url = absl::StrCat("/moderation?status=", StatusName(status));
  if (!rule.empty()) {
    absl::StrAppend(&url, "&rule=", internal::UrlEncode(rule));
  }
  return url;
}

std::string RuleLabel(const SiteInfo& info, std::string_view rule) {
  const std::optional<rules::RuleId> id = rules::FromName(rule);
  if (!id) return EscapeHtml(rule);
  const rules::Text& clause = rules::Spec(*id).clause;
  return absl::StrCat("<code>", EscapeHtml(rule), "</code> — ",
                      Say(info, clause.tr, clause.en));
}

std::string DecisionLabel(const SiteInfo& info, std::string_view decision) {
  if (decision == "approve") return Say(info, "onay", "approve");
  if (decision == "review") return Say(info, "inceleme", "review");
  if (decision == "reject") return Say(info, "ret", "reject");
  return EscapeHtml(decision);
}

std::string TabsHtml(const SiteInfo& info, const ModerationPage& page) {
  std::string out =
      absl::StrCat("<nav class=\"tabs\" aria-label=\"",
                   SayText(info, "Kuyruklar", "Queues"), "\">\n<ul>\n");
  for (const TabText& t : kTabs) {
    auto count = page.counts.find(t.status);
    const bool current = t.status == page.tab;
    absl::StrAppend(&out, "<li><a href=\"",
                    EscapeHtml(ModerationUrl(t.status, page.rule_filter)), "\"",
                    current ? " aria-current=\"page\" class=\"current\"" : "",
                    " data-status=\"", StatusName(t.status), "\">",
                    Say(info, t.tr, t.en), " <span class=\"count\">(",
                    count == page.counts.end() ? 0 : count->second,
                    ")</span></a></li>\n");
  }
  out += "</ul>\n</nav>\n";
  return out;
}

std::string RuleFilterHtml(const SiteInfo& info, const ModerationPage& page) {
  std::string out = absl::StrCat(
      "<form class=\"rule-filter\" method=\"get\" action=\"/moderation\">\n",
      "<input type=\"hidden\" name=\"status\" value=\"", StatusName(page.tab),
      "\">\n<label for=\"rule-filter\">", Say(info, "Kural", "Rule"),
      "</label>\n<select id=\"rule-filter\" name=\"rule\">\n<option "
      "value=\"\"",
      page.rule_filter.empty() ? " selected" : "", ">",
      SayText(info, "Tümü", "All"), "</option>\n");
  for (const rules::RuleSpec& r : rules::kRuleSpecs) {
    absl::StrAppend(&out, "<option value=\"", EscapeHtml(r.name), "\"",
                    page.rule_filter == r.name ? " selected" : "", ">",
                    EscapeHtml(r.name), " — ",
                    SayText(info, r.clause.tr, r.clause.en), "</option>\n");
  }
  absl::StrAppend(&out, "</select>\n<button type=\"submit\">",
                  Say(info, "Süz", "Filter"), "</button>\n</form>\n");
  return out;
}

std::string FindingsHtml(const SiteInfo& info,
                         const internal::VerdictView& verdict) {
  std::string out = absl::StrCat(
      "<div class=\"verdict\" data-decision=\"", EscapeHtml(verdict.decision),
      "\">\n<p>", Say(info, "Motorun kararı", "The engine's decision"), ": ",
      DecisionLabel(info, verdict.decision));
  if (!verdict.language.empty()) {
    absl::StrAppend(&out, " · ", Say(info, "dil", "language"), ": ",
                    EscapeHtml(verdict.language));
  }
  out += "</p>\n";
  if (verdict.findings.empty()) {
    absl::StrAppend(
        &out, "<p>",
        Say(info, "Hiçbir kural bir şey bulmadı.", "No rule found anything."),
        "</p>\n</div>\n");
    return out;
  }
  out += "<ul class=\"findings\">\n";
  for (const internal::FindingView& f : verdict.findings) {
    absl::StrAppend(&out, "<li class=\"finding", f.violated ? " violated" : "",
                    "\" data-rule=\"", EscapeHtml(f.rule), "\">\n<p><strong>",
                    RuleLabel(info, f.rule), "</strong>");
    if (f.score) {
      absl::StrAppend(&out, " · ", Say(info, "puan", "score"), " ",
                      absl::StrFormat("%.2f", *f.score));
    }
    absl::StrAppend(&out, " · ",
                    f.violated
                        ? Say(info, "ihlal", "violated")
                        : Say(info, "eşiğin altında", "below threshold"));
    if (!f.action.empty()) {
      absl::StrAppend(&out, " · ", Say(info, "işlem", "action"), ": ",
                      DecisionLabel(info, f.action));
    }
    out += "</p>\n";
    if (!f.message_tr.empty()) {
      absl::StrAppend(&out, "<p lang=\"tr\">", EscapeHtml(f.message_tr),
                      "</p>\n");
    }
    if (!f.message_en.empty()) {
      absl::StrAppend(&out, "<p lang=\"en\">", EscapeHtml(f.message_en),
                      "</p>\n");
    }
    if (f.fix) {
      absl::StrAppend(&out, "<p class=\"fix\">",
                      Say(info, "Düzeltilmiş hâli", "Corrected"), ": ",
                      EscapeWithBreaks(*f.fix), "</p>\n");
    }
    out += "</li>\n";
  }
  out += "</ul>\n</div>\n";
  return out;
}

std::string DecideForm(const SiteInfo& info, const ModerationPage& page,
                       int64_t id, bool approve) {
  return absl::StrCat(
      "<form method=\"post\" action=\"/moderation/comments/", id,
      approve ? "/approve" : "/reject", "\">\n",
      "<input type=\"hidden\" name=\"csrf_token\" value=\"",
      EscapeHtml(page.csrf_token), "\">\n",
      "<input type=\"hidden\" name=\"expected\" value=\"", StatusName(page.tab),
      "\">\n<button type=\"submit\" class=\"", approve ? "approve" : "reject",
      "\">",
      approve ? Say(info, "Onayla", "Approve") : Say(info, "Reddet", "Reject"),
      "</button>\n</form>\n");
}

std::string ItemHtml(const SiteInfo& info, const ModerationPage& page,
                     const store::QueueItem& item) {
  const store::Comment& c = item.comment;
  const std::string id = absl::StrCat(c.id);
  std::string out = absl::StrCat(
      "<li class=\"queue-item\" id=\"comment-", id, "\" data-comment-id=\"", id,
      "\" data-status=\"", StatusName(c.status), "\">\n<article>\n",
      "<header>\n<h3><a href=\"/news/", internal::UrlEncode(item.article_slug),
      "\">", EscapeHtml(item.article_headline), "</a></h3>\n",
      "<p class=\"comment-meta\"><span class=\"comment-author\">",
      EscapeHtml(c.author), "</span> · ", TimeElement(c.created_at), " · #",
      id);
  if (c.parent_id) {
    absl::StrAppend(&out, " · ", Say(info, "yanıt", "reply to"), " #",
                    *c.parent_id);
  }
  if (c.report_count > 0) {
    absl::StrAppend(&out, " · ", Say(info, "bildirim", "reports"), ": ",
                    c.report_count);
  }
  out += "</p>\n</header>\n";

  const std::optional<internal::VerdictView> verdict =
      internal::ParseVerdict(c.verdict_json);
  absl::StrAppend(&out, "<blockquote class=\"comment-text\"><p>",
                  internal::HighlightSpans(
                      c.text, verdict ? internal::AllSpans(*verdict)
                                      : std::vector<internal::MarkedSpan>()),
                  "</p></blockquote>\n");
  if (verdict) {
    out += FindingsHtml(info, *verdict);
  } else {
    absl::StrAppend(&out, "<p class=\"verdict verdict-missing\">",
                    c.verdict_json.empty()
                        ? Say(info, "Bu yorum için motor kararı kayıtlı değil.",
                              "No verdict of the engine is stored for this "
                              "comment.")
                        : Say(info, "Motorun kararı okunamadı.",
                              "The engine's verdict could not be read."),
                    "</p>\n");
  }
  out += "<div class=\"decide\">\n";
  if (page.tab != CommentStatus::kApproved) {
    out += DecideForm(info, page, c.id, true);
  }
  if (page.tab != CommentStatus::kRejected) {
    out += DecideForm(info, page, c.id, false);
  }
  out += "</div>\n</article>\n</li>\n";
  return out;
}

std::string AuditHtml(const SiteInfo& info,
                      const std::vector<store::Decision>& audit) {
  std::string out = absl::StrCat(
      "<section class=\"audit\" aria-labelledby=\"audit-title\">\n",
      "<h2 id=\"audit-title\">", Say(info, "Karar günlüğü", "Audit log"),
      "</h2>\n");
  if (audit.empty()) {
    absl::StrAppend(&out, "<p>",
                    Say(info, "Henüz karar yok.", "No decisions yet."),
                    "</p>\n</section>\n");
    return out;
  }
  absl::StrAppend(&out, "<table>\n<thead><tr><th scope=\"col\">",
                  Say(info, "Kim", "Who"), "</th><th scope=\"col\">",
                  Say(info, "Yorum", "Comment"), "</th><th scope=\"col\">",
                  Say(info, "Önce → sonra", "From → to"),
                  "</th><th scope=\"col\">", Say(info, "Ne zaman", "When"),
                  "</th></tr></thead>\n<tbody>\n");
  for (const store::Decision& d : audit) {
    absl::StrAppend(
        &out, "<tr><td>", EscapeHtml(d.decided_by), "</td><td>#", d.comment_id,
        "</td><td>",
        d.from ? StatusLabel(info, *d.from) : Say(info, "gönderildi", "posted"),
        " → ", StatusLabel(info, d.to), "</td><td>", TimeElement(d.at),
        "</td></tr>\n");
  }
  out += "</tbody>\n</table>\n</section>\n";
  return out;
}

const char* ErrorTitle(int status, bool en) {
  switch (status) {
    case 400:
      return en ? "Bad request" : "Geçersiz istek";
    case 401:
    case 403:
      return en ? "Access denied" : "Erişim engellendi";
    case 404:
      return en ? "Not found" : "Sayfa bulunamadı";
    case 405:
      return en ? "Method not allowed" : "Bu işlem yapılamaz";
    case 413:
      return en ? "Too large" : "Çok büyük";
    case 422:
      return en ? "Not accepted" : "Kabul edilmedi";
    case 429:
      return en ? "Too many requests" : "Çok fazla istek";
    case 503:
      return en ? "Temporarily unavailable" : "Geçici olarak hizmet dışı";
    default:
      return status >= 500 ? (en ? "Server error" : "Sunucu hatası")
                           : (en ? "Error" : "Hata");
  }
}

}  // namespace

std::string RenderModerationPage(const SiteInfo& info,
                                 const ModerationPage& page) {
  std::string out = internal::PageStart(
      info, {.title = absl::StrCat(
                 info.lang == Lang::kEn ? "Moderation" : "Moderasyon", " — ",
                 info.name),
             .head = "<meta name=\"robots\" content=\"noindex\">\n",
             .body_class = "page-moderation"});
  absl::StrAppend(
      &out, "<h1>", Say(info, "Moderasyon", "Moderation"), "</h1>\n",
      "<div class=\"session\"><p>", Say(info, "Giriş yapan", "Signed in as"),
      ": <strong>", EscapeHtml(page.username), "</strong></p>\n",
      "<form method=\"post\" action=\"/logout\">\n",
      "<input type=\"hidden\" name=\"csrf_token\" value=\"",
      EscapeHtml(page.csrf_token), "\">\n<button type=\"submit\">",
      Say(info, "Çıkış", "Sign out"), "</button>\n</form>\n</div>\n");
  if (!page.notice.empty()) {
    absl::StrAppend(&out, "<p class=\"notice\" role=\"status\">",
                    EscapeHtml(page.notice), "</p>\n");
  }
  absl::StrAppend(&out, TabsHtml(info, page), RuleFilterHtml(info, page),
                  "<section class=\"queue\" aria-labelledby=\"queue-title\">\n",
                  "<h2 id=\"queue-title\">", StatusLabel(info, page.tab));
  if (!page.rule_filter.empty()) {
    absl::StrAppend(&out, " · ", RuleLabel(info, page.rule_filter));
  }
  out += "</h2>\n";
  if (page.items.empty()) {
    absl::StrAppend(&out, "<p class=\"empty\">",
                    Say(info, "Bu kuyrukta yorum yok.",
                        "There are no comments in this queue."),
                    "</p>\n");
  } else {
    out += "<ol class=\"queue-items\">\n";
    for (const store::QueueItem& item : page.items) {
      out += ItemHtml(info, page, item);
    }
    out += "</ol>\n";
  }
  absl::StrAppend(&out, "</section>\n", AuditHtml(info, page.audit),
                  internal::PageEnd(info));
  return out;
}

std::string RenderLoginPage(const SiteInfo& info, std::string_view csrf_token,
                            std::string_view error) {
  const bool has_error = !error.empty();
  const std::string described =
      has_error ? " aria-describedby=\"login-error\" aria-invalid=\"true\""
                : "";
  std::string out = internal::PageStart(
      info, {.title = absl::StrCat(info.lang == Lang::kEn ? "Sign in" : "Giriş",
                                   " — ", info.name),
             .head = "<meta name=\"robots\" content=\"noindex\">\n",
             .body_class = "page-login"});
  absl::StrAppend(&out, "<h1>",
                  Say(info, "Moderatör girişi", "Moderator sign-in"),
                  "</h1>\n");
  if (has_error) {
    absl::StrAppend(&out,
                    "<p class=\"notice notice-error\" id=\"login-error\" "
                    "role=\"alert\">",
                    EscapeHtml(error), "</p>\n");
  }
  absl::StrAppend(
      &out, "<form class=\"login-form\" method=\"post\" action=\"/login\">\n",
      "<input type=\"hidden\" name=\"csrf_token\" value=\"",
      EscapeHtml(csrf_token), "\">\n",
      "<div class=\"field\">\n<label for=\"login-username\">",
      Say(info, "Kullanıcı adı", "User name"), "</label>\n",
      "<input id=\"login-username\" name=\"username\" type=\"text\" required "
      "autocomplete=\"username\" autocapitalize=\"none\" spellcheck=\"false\"",
      described, ">\n</div>\n",
      "<div class=\"field\">\n<label for=\"login-password\">",
      Say(info, "Parola", "Password"), "</label>\n",
      "<input id=\"login-password\" name=\"password\" type=\"password\" "
      "required autocomplete=\"current-password\"",
      described, ">\n</div>\n<button type=\"submit\">",
      Say(info, "Giriş yap", "Sign in"), "</button>\n</form>\n",
      internal::PageEnd(info));
  return out;
}

std::string RenderErrorPage(const SiteInfo& info, int status,
                            std::string_view message) {
  const bool en = info.lang == Lang::kEn;
  const std::string title = ErrorTitle(status, en);
  std::string out = internal::PageStart(
      info, {.title = absl::StrCat(status, " ", title, " — ", info.name),
             .head = "<meta name=\"robots\" content=\"noindex\">\n",
             .body_class = "page-error"});
  absl::StrAppend(&out, "<h1>", EscapeHtml(title), " <span class=\"status\">(",
                  status, ")</span></h1>\n");
  if (!message.empty()) {
    absl::StrAppend(&out, "<p class=\"error-message\">", EscapeHtml(message),
                    "</p>\n");
  }
  absl::StrAppend(&out, "<p><a href=\"/\">",
                  Say(info, "Ana sayfaya dön", "Back to the front page"),
                  "</a></p>\n", internal::PageEnd(info));
  return out;
}

}  // namespace newsroom::site
