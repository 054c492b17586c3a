// The moderators' pages: the queue, the thread around a comment, the
// sign-in form and the error page.
//
// The queue is built for a busy day: one line per comment — who, when,
// which article, the findings as badges, and the text with the words the
// rules pointed at marked — with the full reasons folded away under each
// line. The whole list is one form: a checkbox per comment, and buttons to
// approve or reject the checked ones at once with a reason chosen from the
// policy's clauses, or one comment alone (its own buttons carry its id).
// Every decision carries the status the moderator saw (`expected`), so
// the server refuses, and says so, any decision on a comment that another
// moderator moved meanwhile. Filters (words, article, rule, days) are a
// plain GET form whose values every link keeps.
//
// A verdict that cannot be read (empty, damaged, from an older engine)
// leaves the text unmarked and says so; the comment can still be decided.
//
// Tested by render_test.cc and verdict_view_test.cc.
#include <algorithm>
#include <map>
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

// The queue's URL with its filters, on tab `status`.
std::string QueueUrl(const ModerationPage& page, CommentStatus status,
                     std::optional<int64_t> after = std::nullopt) {
  std::string url = absl::StrCat("/moderation?status=", StatusName(status));
  auto param = [&](const std::string& key, const std::string& value) {
    if (!value.empty()) {
      absl::StrAppend(&url, "&", key, "=", internal::UrlEncode(value));
    }
  };
  param("q", page.search);
  if (page.article_id) param("article", absl::StrCat(*page.article_id));
  param("rule", page.rule_filter);
  param("since", page.since);
  param("until", page.until);
  if (after) param("after", absl::StrCat(*after));
  return url;
}

// The rule's short label ("Capitals"), or the id as stored.
std::string RuleLabel(const SiteInfo& info, std::string_view rule) {
  const std::optional<rules::RuleId> id = rules::FromName(rule);
  if (!id) return EscapeHtml(rule);
  const rules::Text& label = rules::Spec(*id).label;
  return Say(info, label.tr, label.en);
}

std::string Clause(const SiteInfo& info, std::string_view rule) {
  const std::optional<rules::RuleId> id = rules::FromName(rule);
  if (!id) return EscapeHtml(rule);
  const rules::Text& clause = rules::Spec(*id).clause;
  return Say(info, clause.tr, clause.en);
}

std::string DecisionLabel(const SiteInfo& info, std::string_view decision) {
  if (decision == "approve") return Say(info, "onay", "approve");
  if (decision == "review") return Say(info, "moderatöre", "to a moderator");
  if (decision == "reject") return Say(info, "ret", "reject");
  return EscapeHtml(decision);
}

std::string SessionBar(const SiteInfo& info, const std::string& username,
                       const std::string& csrf_token) {
  return absl::StrCat(
      "<div class=\"session\"><p>", Say(info, "Giriş yapan", "Signed in as"),
      ": <strong>", EscapeHtml(username),
      "</strong> · <a href=\"/moderation\">", Say(info, "Kuyruk", "Queue"),
      "</a> · <a href=\"/desk\">", Say(info, "Masa", "Desk"), "</a></p>\n",
      "<form method=\"post\" action=\"/logout\">\n",
      "<input type=\"hidden\" name=\"csrf_token\" value=\"",
      EscapeHtml(csrf_token), "\">\n<button type=\"submit\">",
      Say(info, "Çıkış", "Sign out"), "</button>\n</form>\n</div>\n");
}

std::string TabsHtml(const SiteInfo& info, const ModerationPage& page) {
  std::string out =
      absl::StrCat("<nav class=\"tabs\" aria-label=\"",
                   SayText(info, "Kuyruklar", "Queues"), "\">\n<ul>\n");
  for (const TabText& t : kTabs) {
    auto count = page.counts.find(t.status);
    const bool current = t.status == page.tab;
    absl::StrAppend(
        &out, "<li><a href=\"", EscapeHtml(QueueUrl(page, t.status)), "\"",
        current ? " aria-current=\"page\" class=\"current\"" : "",
        " data-status=\"", StatusName(t.status), "\">", Say(info, t.tr, t.en),
        " <span class=\"count\">(",
        count == page.counts.end() ? 0 : count->second, ")</span></a></li>\n");
  }
  out += "</ul>\n</nav>\n";
  return out;
}

std::string RuleOptions(const SiteInfo& info, std::string_view selected,
                        const std::string& none_label, bool clauses) {
  std::string out =
      absl::StrCat("<option value=\"\"", selected.empty() ? " selected" : "",
                   ">", none_label, "</option>\n");
  for (const rules::RuleSpec& r : rules::kRuleSpecs) {
    const rules::Text& text = clauses ? r.clause : r.label;
    absl::StrAppend(&out, "<option value=\"", EscapeHtml(r.name), "\"",
                    selected == r.name ? " selected" : "", ">",
                    SayText(info, text.tr, text.en), "</option>\n");
  }
  return out;
}

std::string FilterHtml(const SiteInfo& info, const ModerationPage& page) {
  const bool active = !page.search.empty() || page.article_id ||
                      !page.rule_filter.empty() || !page.since.empty() ||
                      !page.until.empty();
  std::string out = absl::StrCat(
      "<details class=\"filters\"", active ? " open" : "", "><summary>",
      Say(info, "Ara ve süz", "Search and filter"), "</summary>\n",
      "<form class=\"queue-filter\" method=\"get\" action=\"/moderation\" "
      "role=\"search\">\n",
      "<input type=\"hidden\" name=\"status\" value=\"", StatusName(page.tab),
      "\">\n<div class=\"field\"><label for=\"filter-q\">",
      Say(info, "Metin ya da yazar", "Text or author"),
      "</label><input id=\"filter-q\" name=\"q\" type=\"search\" value=\"",
      EscapeHtml(page.search), "\"></div>\n",
      "<div class=\"field\"><label for=\"filter-article\">",
      Say(info, "Haber", "Article"),
      "</label><select id=\"filter-article\" name=\"article\">\n<option "
      "value=\"\">",
      SayText(info, "Tümü", "All"), "</option>\n");
  for (const auto& [id, headline] : page.articles) {
    absl::StrAppend(&out, "<option value=\"", id, "\"",
                    page.article_id == id ? " selected" : "", ">",
                    EscapeHtml(headline), "</option>\n");
  }
  absl::StrAppend(
      &out, "</select></div>\n<div class=\"field\"><label for=\"rule-filter\">",
      Say(info, "Kural", "Rule"),
      "</label><select id=\"rule-filter\" name=\"rule\">\n",
      RuleOptions(info, page.rule_filter, SayText(info, "Tümü", "All"), false),
      "</select></div>\n<div class=\"field\"><label for=\"filter-since\">",
      Say(info, "Başlangıç günü", "From"),
      "</label><input id=\"filter-since\" name=\"since\" type=\"date\" "
      "value=\"",
      EscapeHtml(page.since),
      "\"></div>\n<div class=\"field\"><label for=\"filter-until\">",
      Say(info, "Bitiş günü", "To"),
      "</label><input id=\"filter-until\" name=\"until\" type=\"date\" "
      "value=\"",
      EscapeHtml(page.until),
      "\"></div>\n<p class=\"filter-actions\"><button "
      "type=\"submit\">",
      Say(info, "Süz", "Filter"),
      "</button> <a href=\"/moderation?status=", StatusName(page.tab), "\">",
      Say(info, "Temizle", "Clear"), "</a></p>\n</form>\n</details>\n");
  return out;
}

// The findings as badges: violated rules filled, the others outlined.
std::string BadgesHtml(const SiteInfo& info,
                       const internal::VerdictView& verdict, int reports) {
  std::string out = "<span class=\"badges\">";
  for (const internal::FindingView& f : verdict.findings) {
    absl::StrAppend(&out, "<span class=\"badge", f.violated ? " violated" : "",
                    "\" data-rule=\"", EscapeHtml(f.rule), "\">",
                    RuleLabel(info, f.rule));
    if (!f.violated) {
      absl::StrAppend(&out, "<span class=\"visually-hidden\"> (",
                      Say(info, "eşiğin altında", "below its threshold"),
                      ")</span>");
    }
    out += "</span>";
  }
  if (reports > 0) {
    absl::StrAppend(&out, "<span class=\"badge reports\">",
                    Say(info, "bildirim", "reports"), ": ", reports, "</span>");
  }
  out += "</span>";
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
                    RuleLabel(info, f.rule), "</strong> (",
                    Clause(info, f.rule), ")");
    if (f.score) {
      absl::StrAppend(&out, " · ", Say(info, "puan", "score"), " ",
                      absl::StrFormat("%.2f", *f.score));
    }
    // Only a violation has a consequence; a lower score is information.
    if (f.violated) {
      absl::StrAppend(&out, " · ", Say(info, "ihlal", "violated"));
      if (!f.action.empty()) {
        absl::StrAppend(&out, " → ", DecisionLabel(info, f.action));
      }
    } else {
      absl::StrAppend(&out, " · ",
                      Say(info, "eşiğin altında, sayılmadı",
                          "below its threshold, not counted"));
    }
    out += "</p>\n";
    const std::string& message =
        info.lang == Lang::kEn ? f.message_en : f.message_tr;
    if (!message.empty()) {
      absl::StrAppend(&out, "<p>", EscapeHtml(message), "</p>\n");
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

std::string ItemHtml(const SiteInfo& info, const ModerationPage& page,
                     const store::QueueItem& item) {
  const store::Comment& c = item.comment;
  const std::string id = absl::StrCat(c.id);
  const std::optional<internal::VerdictView> verdict =
      internal::ParseVerdict(c.verdict_json);
  std::string out = absl::StrCat(
      "<li class=\"queue-item\" id=\"comment-", id, "\" data-comment-id=\"", id,
      "\" data-status=\"", StatusName(c.status), "\">\n",
      "<input type=\"checkbox\" class=\"select\" name=\"id\" value=\"", id,
      "\" id=\"select-", id, "\" aria-labelledby=\"select-", id,
      "-label comment-", id,
      "-author\"><span class=\"visually-hidden\" "
      "id=\"select-",
      id, "-label\">", Say(info, "Seç", "Select"), " #", id, "</span>\n",
      "<div class=\"line\">\n<p class=\"comment-meta\"><span "
      "class=\"comment-author\" id=\"comment-",
      id, "-author\">", EscapeHtml(c.author), "</span> · ",
      TimeElement(info, c.created_at),
      " · <a class=\"article-link\" "
      "href=\"/news/",
      internal::UrlEncode(item.article_slug), "\">",
      EscapeHtml(item.article_headline), "</a> · #", id);
  if (c.parent_id) {
    absl::StrAppend(&out, " · ", Say(info, "yanıt", "reply to"), " #",
                    *c.parent_id);
  }
  absl::StrAppend(
      &out, "</p>\n",
      verdict ? BadgesHtml(info, *verdict, c.report_count) : std::string(),
      "<p class=\"comment-text\">",
      internal::HighlightSpans(c.text,
                               verdict ? internal::AllSpans(*verdict)
                                       : std::vector<internal::MarkedSpan>()),
      "</p>\n");
  if (!c.reason.empty()) {
    absl::StrAppend(&out, "<p class=\"reason\">",
                    Say(info, "Ret gerekçesi", "Reason for rejection"), ": ",
                    Clause(info, c.reason), "</p>\n");
  }
  out += "</div>\n<div class=\"item-actions\">\n";
  // One comment alone: its buttons are in the queue's form and carry its id.
  if (page.tab != CommentStatus::kApproved) {
    absl::StrAppend(&out,
                    "<button type=\"submit\" class=\"approve small\" "
                    "name=\"approve\" value=\"",
                    id, "\" aria-label=\"", SayText(info, "Onayla", "Approve"),
                    " #", id, "\">", Say(info, "Onayla", "Approve"),
                    "</button>\n");
  }
  if (page.tab != CommentStatus::kRejected) {
    absl::StrAppend(&out,
                    "<button type=\"submit\" class=\"reject small\" "
                    "name=\"reject\" value=\"",
                    id, "\" aria-label=\"", SayText(info, "Reddet", "Reject"),
                    " #", id, "\">", Say(info, "Reddet", "Reject"),
                    "</button>\n");
  }
  absl::StrAppend(&out, "<a class=\"thread-link\" href=\"/moderation/comments/",
                  id, "/thread\" data-thread=\"", id, "\">",
                  Say(info, "Konuşma", "Thread"), "</a>\n</div>\n",
                  "<details class=\"why\"><summary>",
                  Say(info, "Gerekçeler", "Reasons"), "</summary>\n");
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
  out += "</details>\n</li>\n";
  return out;
}

std::string CountsHtml(const SiteInfo& info,
                       const std::vector<store::DayCount>& counts) {
  std::string out = absl::StrCat(
      "<details class=\"counts\"><summary>",
      Say(info, "Günlere ve kurallara göre sayılar", "Counts per day and rule"),
      "</summary>\n");
  if (counts.empty()) {
    absl::StrAppend(
        &out, "<p>",
        Say(info, "Bu günlerde yorum yok.", "No comments in these days."),
        "</p>\n</details>\n");
    return out;
  }
  // day → (rule → count); "" is every comment of the day.
  std::map<absl::CivilDay, std::map<std::string, int64_t>, std::greater<>> days;
  for (const store::DayCount& d : counts) days[d.day][d.rule] = d.count;
  absl::StrAppend(
      &out,
      // A table wider than a phone scrolls in its own box, which the
      // keyboard can reach.
      "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" "
      "aria-labelledby=\"counts-caption\"><table>\n<caption "
      "id=\"counts-caption\">",
      Say(info, "Gönderilen yorumlar ve her kuralın ihlal saydıkları",
          "Comments posted, and those each rule found violated"),
      "</caption>\n<thead><tr><th scope=\"col\">", Say(info, "Gün", "Day"),
      "</th><th scope=\"col\">", Say(info, "Yorum", "Comments"), "</th>");
  for (const rules::RuleSpec& r : rules::kRuleSpecs) {
    absl::StrAppend(&out, "<th scope=\"col\">",
                    Say(info, r.label.tr, r.label.en), "</th>");
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& [day, counts] : days) {
    const auto& by_rule = counts;  // a lambda does not capture a binding
    auto get = [&by_rule](const std::string& rule) {
      auto it = by_rule.find(rule);
      return it == by_rule.end() ? int64_t{0} : it->second;
    };
    absl::StrAppend(&out, "<tr><th scope=\"row\"><time datetime=\"",
                    absl::FormatCivilTime(day), "\">",
                    absl::FormatCivilTime(day), "</time></th><td>", get(""),
                    "</td>");
    for (const rules::RuleSpec& r : rules::kRuleSpecs) {
      absl::StrAppend(&out, "<td>", get(r.name), "</td>");
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table></div>\n</details>\n";
  return out;
}

std::string AuditHtml(const SiteInfo& info,
                      const std::vector<store::Decision>& audit) {
  std::string out =
      absl::StrCat("<details class=\"audit\"><summary>",
                   Say(info, "Karar günlüğü", "Audit log"), "</summary>\n");
  if (audit.empty()) {
    absl::StrAppend(&out, "<p>",
                    Say(info, "Henüz karar yok.", "No decisions yet."),
                    "</p>\n</details>\n");
    return out;
  }
  absl::StrAppend(
      &out,
      "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" "
      "aria-labelledby=\"audit-caption\"><table>\n<caption "
      "id=\"audit-caption\" class=\"visually-hidden\">",
      Say(info, "Kararlar, en yenisi üstte", "Decisions, newest first"),
      "</caption>\n<thead><tr><th scope=\"col\">",
      Say(info, "Kim", "Who"), "</th><th scope=\"col\">",
      Say(info, "Yorum", "Comment"), "</th><th scope=\"col\">",
      Say(info, "Önce → sonra", "From → to"), "</th><th scope=\"col\">",
      Say(info, "Ne zaman", "When"), "</th></tr></thead>\n<tbody>\n");
  for (const store::Decision& d : audit) {
    absl::StrAppend(
        &out, "<tr><td>", EscapeHtml(d.decided_by), "</td><td>#", d.comment_id,
        "</td><td>",
        d.from ? StatusLabel(info, *d.from) : Say(info, "gönderildi", "posted"),
        " → ", StatusLabel(info, d.to));
    if (!d.reason.empty()) {
      absl::StrAppend(&out, " (", RuleLabel(info, d.reason), ")");
    }
    absl::StrAppend(&out, "</td><td>", TimeElement(info, d.at), "</td></tr>\n");
  }
  out += "</tbody>\n</table></div>\n</details>\n";
  return out;
}

std::string BulkBar(const SiteInfo& info, const ModerationPage& page) {
  std::string out = absl::StrCat(
      "<div class=\"bulk\" role=\"group\" aria-label=\"",
      SayText(info, "Seçilen yorumlar", "Selected comments"), "\">\n");
  if (page.tab != CommentStatus::kApproved) {
    absl::StrAppend(&out,
                    "<button type=\"submit\" name=\"decision\" "
                    "value=\"approve\" class=\"approve\">",
                    Say(info, "Seçilenleri onayla", "Approve selected"),
                    "</button>\n");
  }
  if (page.tab != CommentStatus::kRejected) {
    absl::StrAppend(
        &out,
        "<button type=\"submit\" name=\"decision\" "
        "value=\"reject\" class=\"reject\">",
        Say(info, "Seçilenleri reddet", "Reject selected"),
        "</button>\n<label for=\"reject-reason\">",
        Say(info, "Ret gerekçesi", "Reason for rejection"),
        "</label>\n<select id=\"reject-reason\" name=\"reason\">\n",
        RuleOptions(info, "", SayText(info, "Belirtilmedi", "None given"),
                    false),
        "</select>\n");
  }
  out += "</div>\n";
  return out;
}

// The comments of a thread, each indented by its depth in the
// conversation, with its status; the one asked about is marked.
std::string ThreadListHtml(const SiteInfo& info,
                           const std::vector<store::Comment>& comments,
                           int64_t focus) {
  std::map<int64_t, int> depth;
  std::string out = "<ol class=\"thread\">\n";
  for (const store::Comment& c : comments) {
    int d = 0;
    if (c.parent_id) {
      auto parent = depth.find(*c.parent_id);
      if (parent != depth.end()) d = std::min(parent->second + 1, 6);
    }
    depth[c.id] = d;
    absl::StrAppend(
        &out, "<li class=\"thread-comment", c.id == focus ? " focus" : "",
        "\" data-comment-id=\"", c.id, "\" data-depth=\"", d, "\"",
        c.id == focus ? " aria-current=\"true\"" : "",
        ">\n<p class=\"comment-meta\"><span class=\"comment-author\">",
        EscapeHtml(c.author), "</span> · ", TimeElement(info, c.created_at),
        " · #", c.id, " · <span class=\"badge status\" data-status=\"",
        StatusName(c.status), "\">", StatusLabel(info, c.status),
        "</span></p>\n<p class=\"comment-text\">", EscapeWithBreaks(c.text),
        "</p>\n</li>\n");
  }
  out += "</ol>\n";
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
  absl::StrAppend(&out, "<h1>", Say(info, "Moderasyon", "Moderation"),
                  "</h1>\n", SessionBar(info, page.username, page.csrf_token));
  if (!page.notice.empty()) {
    absl::StrAppend(&out, "<p class=\"notice",
                    page.notice_is_error ? " notice-error" : "",
                    "\" role=\"status\">", EscapeHtml(page.notice), "</p>\n");
  }
  absl::StrAppend(&out, TabsHtml(info, page), FilterHtml(info, page),
                  CountsHtml(info, page.day_counts),
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
    absl::StrAppend(
        &out,
        "<form class=\"queue-form\" id=\"queue-form\" method=\"post\" "
        "action=\"/moderation/decide\">\n",
        "<input type=\"hidden\" name=\"csrf_token\" value=\"",
        EscapeHtml(page.csrf_token), "\">\n",
        "<input type=\"hidden\" name=\"expected\" value=\"",
        StatusName(page.tab),
        "\">\n<input type=\"hidden\" name=\"back\" "
        "value=\"",
        EscapeHtml(QueueUrl(page, page.tab)), "\">\n", BulkBar(info, page),
        "<ol class=\"queue-items\">\n");
    for (const store::QueueItem& item : page.items) {
      out += ItemHtml(info, page, item);
    }
    out += "</ol>\n</form>\n";
    if (page.next_after) {
      absl::StrAppend(&out, "<p class=\"more\"><a href=\"",
                      EscapeHtml(QueueUrl(page, page.tab, page.next_after)),
                      "\">", Say(info, "Sonraki yorumlar", "Next comments"),
                      "</a></p>\n");
    }
  }
  absl::StrAppend(&out, "</section>\n", AuditHtml(info, page.audit),
                  internal::PageEnd(info));
  return out;
}

std::string RenderThreadPage(const SiteInfo& info, const ThreadPage& page) {
  std::string out = internal::PageStart(
      info,
      {.title = absl::StrCat(info.lang == Lang::kEn ? "Thread" : "Konuşma",
                             " #", page.focus, " — ", info.name),
       .head = "<meta name=\"robots\" content=\"noindex\">\n",
       .body_class = "page-thread"});
  absl::StrAppend(&out, "<h1>", Say(info, "Konuşma", "Thread"), " #",
                  page.focus, "</h1>\n",
                  SessionBar(info, page.username, page.csrf_token),
                  "<p><a href=\"/news/", internal::UrlEncode(page.article_slug),
                  "\">", EscapeHtml(page.article_headline), "</a></p>\n");
  out += ThreadListHtml(info, page.comments, page.focus);
  absl::StrAppend(&out, "<p><a href=\"/moderation\">← ",
                  Say(info, "Kuyruğa dön", "Back to the queue"), "</a></p>\n",
                  internal::PageEnd(info));
  return out;
}

std::string RenderLoginPage(const SiteInfo& info, std::string_view csrf_token,
                            std::string_view error, std::string_view next) {
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
                  Say(info, "Editör ve moderatör girişi",
                      "Sign in for editors and moderators"),
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
      next.empty()
          ? std::string()
          : absl::StrCat("<input type=\"hidden\" name=\"next\" value=\"",
                         EscapeHtml(next), "\">\n"),
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
