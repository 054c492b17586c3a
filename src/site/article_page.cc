// The article page (/news/{slug}): the story with its photo, the readers'
// comments threaded, the comment policy and the comment form.
//
// An article page is complete without JavaScript: comments are threaded on
// the server, the order toggle and "reply" are plain links, posting and
// reporting are plain forms. The browser script (web/) only adds to it,
// through these hooks:
//
//   a[data-zoom]               opens the photo (its URL) in a lightbox
//   a[data-share]              data-share-url, data-share-title: share menu
//   button[data-copy-link]     hidden; the script shows it and copies the URL
//   form[data-comment-form]    posts with fetch; feedback goes to the live
//                              region #comment-feedback (role="status")
//   a[data-reply-to]           sets the form's parent_id without a reload
//   form[data-report-form]     reports with fetch
//   li.comment[data-comment-id]
//
// Search engines and link previews read the <head>: Open Graph, the
// Twitter card, and a NewsArticle in JSON-LD, all with absolute URLs.
//
// Tested by render_test.cc.
#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "nlohmann/json.hpp"
#include "site/internal/html.h"
#include "site/render.h"

namespace newsroom::site {
namespace {

using internal::AbsoluteUrl;
using internal::ArticlePath;
using internal::EscapeWithBreaks;
using internal::PhotoFigcaption;
using internal::PhotoImg;
using internal::Say;
using internal::SayText;
using internal::SocialMeta;
using internal::TimeElement;
using internal::UrlEncode;

// The limits the server holds comments to (server::Config defaults and
// config/policy.toml max_length); the form tells the browser the same.
constexpr int kMaxAuthorChars = 80;
constexpr int kMaxCommentChars = 5000;

std::string ArticleHead(const SiteInfo& info, const ArticlePage& page) {
  const store::Article& a = page.article;
  const std::string url = AbsoluteUrl(info, ArticlePath(a));
  std::string out = absl::StrCat(
      page.preview ? "<meta name=\"robots\" content=\"noindex\">\n" : "",
      "<meta name=\"description\" content=\"",
      EscapeHtml(a.lead.empty() ? a.headline : a.lead), "\">\n",
      "<link rel=\"canonical\" href=\"", EscapeHtml(url), "\">\n",
      SocialMeta(info, "article", a.headline, a.lead, url, page.photo),
      a.published_at == absl::UnixEpoch()
          ? std::string()
          : absl::StrCat("<meta property=\"article:published_time\" content=\"",
                         FormatRfc3339(a.published_at), "\">\n"),
      "<meta property=\"article:modified_time\" content=\"",
      FormatRfc3339(a.updated_at), "\">\n");

  // Google wants the photo in 16:9, 4:3 and 1:1; the crops are made at
  // upload (media::MakeVariants). A photo stored before they existed
  // offers its sizes instead.
  nlohmann::json images = nlohmann::json::array();
  if (page.photo) {
    for (const char* aspect : {"16x9", "4x3", "1x1"}) {
      auto crop = page.photo->crops.find(aspect);
      if (crop != page.photo->crops.end()) {
        images.push_back(AbsoluteUrl(info, crop->second.url));
      }
    }
    if (images.empty()) {
      for (const PhotoView::Size& s : page.photo->sizes) {
        images.push_back(AbsoluteUrl(info, s.url));
      }
    }
  }
  const nlohmann::json desk = {{"@type", "Organization"},
                               {"name", internal::DeskName(info)},
                               {"url", AbsoluteUrl(info, "/")}};
  nlohmann::json author =
      a.author.empty() || a.author == internal::DeskName(info)
          ? desk
          : nlohmann::json{{"@type", "Person"}, {"name", a.author}};
  const nlohmann::json ld = {
      {"@context", "https://schema.org"},
      {"@type", "NewsArticle"},
      {"headline", a.headline},
      {"description", a.lead},
      {"image", std::move(images)},
      {"datePublished", FormatRfc3339(a.published_at)},
      {"dateModified", FormatRfc3339(a.updated_at)},
      {"author", std::move(author)},
      {"publisher",
       {{"@type", "NewsMediaOrganization"},
        {"name", info.name},
        {"url", AbsoluteUrl(info, "/")},
        {"logo",
         {{"@type", "ImageObject"},
          {"url", AbsoluteUrl(info, internal::kLogoPath)},
          {"width", internal::kLogoSize},
          {"height", internal::kLogoSize}}}}},
      {"mainEntityOfPage", {{"@type", "WebPage"}, {"@id", url}}},
      {"url", url},
      {"inLanguage", info.lang == Lang::kEn ? "en" : "tr"},
  };
  absl::StrAppend(&out, "<script type=\"application/ld+json\">",
                  internal::JsonForScript(ld), "</script>\n");
  return out;
}

}  // namespace

namespace internal {

std::string InlineHtml(std::string_view text) {
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t open = text.find('[', pos);
    if (open == std::string_view::npos) break;
    const size_t close = text.find("](", open + 1);
    const size_t end =
        close == std::string_view::npos ? close : text.find(')', close + 2);
    if (end == std::string_view::npos) break;
    const std::string_view label = text.substr(open + 1, close - open - 1);
    const std::string_view url = text.substr(close + 2, end - close - 2);
    const bool web = url.starts_with("https://") || url.starts_with("http://");
    if (label.empty() || label.find('[') != std::string_view::npos || !web ||
        url.find_first_of(" \t\"<>") != std::string_view::npos) {
      out += EscapeHtml(text.substr(pos, open + 1 - pos));
      pos = open + 1;
      continue;
    }
    absl::StrAppend(&out, EscapeHtml(text.substr(pos, open - pos)),
                    "<a href=\"", EscapeHtml(url), "\">", EscapeHtml(label),
                    "</a>");
    pos = end + 1;
  }
  out += EscapeHtml(text.substr(pos));
  return out;
}

}  // namespace internal

namespace {

// The article body: paragraphs are separated by blank lines; the line
// breaks inside one are soft; [text](https://…) is a link.
std::string BodyHtml(std::string_view body) {
  std::string out;
  std::string paragraph;
  auto flush = [&] {
    if (!paragraph.empty()) {
      absl::StrAppend(&out, "<p>", internal::InlineHtml(paragraph), "</p>\n");
      paragraph.clear();
    }
  };
  while (!body.empty()) {
    const size_t eol = body.find('\n');
    std::string_view line = body.substr(0, eol);
    body = eol == std::string_view::npos ? std::string_view()
                                         : body.substr(eol + 1);
    while (!line.empty() &&
           absl::ascii_isspace(static_cast<unsigned char>(line.front()))) {
      line.remove_prefix(1);
    }
    while (!line.empty() &&
           absl::ascii_isspace(static_cast<unsigned char>(line.back()))) {
      line.remove_suffix(1);
    }
    if (line.empty()) {
      flush();
      continue;
    }
    if (!paragraph.empty()) paragraph += ' ';
    paragraph.append(line.data(), line.size());
  }
  flush();
  return out;
}

std::string OrderParam(CommentOrder order) {
  return order == CommentOrder::kOldestFirst ? "oldest" : "newest";
}

bool Before(const store::Comment& a, const store::Comment& b) {
  if (a.created_at != b.created_at) return a.created_at < b.created_at;
  return a.id < b.id;
}

struct Thread {
  const store::Comment* top;
  std::vector<const store::Comment*> replies;  // oldest first
};

// Top-level comments in the page's order, each with every reply below it
// (replies to replies included) oldest first. Comments are placed oldest
// first, so a reply joins the thread of a parent already placed; a reply
// whose parent is not on the page (not approved) — or, in damaged data,
// not older than the reply — stands as a top-level comment. Every comment
// is shown exactly once, whatever the parent ids say.
std::vector<Thread> ThreadComments(const std::vector<store::Comment>& comments,
                                   CommentOrder order) {
  std::vector<const store::Comment*> by_age;
  for (const store::Comment& c : comments) by_age.push_back(&c);
  std::sort(by_age.begin(), by_age.end(),
            [](const store::Comment* a, const store::Comment* b) {
              return Before(*a, *b);
            });
  std::map<int64_t, size_t> thread_of;  // comment id → index in `out`
  std::vector<Thread> out;
  for (const store::Comment* c : by_age) {
    auto parent =
        c->parent_id ? thread_of.find(*c->parent_id) : thread_of.end();
    if (parent != thread_of.end()) {
      out[parent->second].replies.push_back(c);
      thread_of.emplace(c->id, parent->second);
    } else {
      thread_of.emplace(c->id, out.size());
      out.push_back({c, {}});
    }
  }
  if (order == CommentOrder::kNewestFirst) std::reverse(out.begin(), out.end());
  return out;
}

std::string CommentHtml(const SiteInfo& info, const ArticlePage& page,
                        const store::Comment& c, const store::Comment* top,
                        const std::map<int64_t, const store::Comment*>& by_id) {
  const std::string path = ArticlePath(page.article);
  const std::string id = absl::StrCat(c.id);
  std::string out = absl::StrCat(
      "<li class=\"comment\" id=\"comment-", id, "\" data-comment-id=\"", id,
      "\">\n<article aria-labelledby=\"comment-", id, "-author\">\n",
      "<header class=\"comment-meta\"><span class=\"comment-author\" "
      "id=\"comment-",
      id, "-author\">", EscapeHtml(c.author), "</span> ",
      TimeElement(info, c.created_at, "comment-time"), "</header>\n");
  // A reply to a reply says whom it answers; its thread shows it under
  // the first comment of the conversation.
  if (top != nullptr && c.parent_id && *c.parent_id != top->id) {
    auto parent = by_id.find(*c.parent_id);
    if (parent != by_id.end()) {
      absl::StrAppend(&out, "<p class=\"in-reply-to\">",
                      Say(info, "Yanıtlanan", "Replying to"),
                      ": <a href=\"#comment-", *c.parent_id, "\">",
                      EscapeHtml(parent->second->author), "</a></p>\n");
    }
  }
  absl::StrAppend(
      &out, "<p class=\"comment-text\">", EscapeWithBreaks(c.text), "</p>\n",
      "<footer class=\"comment-actions\">\n<a class=\"reply-link\" href=\"",
      path, "?order=", OrderParam(page.order), "&amp;reply_to=", id,
      "#comment-form\" data-reply-to=\"", id, "\" data-reply-author=\"",
      EscapeHtml(c.author), "\">", Say(info, "Yanıtla", "Reply"), "</a>\n",
      "<form class=\"report-form\" method=\"post\" action=\"", path,
      "/comments/", id, "/report\" data-report-form>\n",
      "<input type=\"hidden\" name=\"csrf_token\" value=\"",
      EscapeHtml(page.csrf_token), "\">\n",
      "<button type=\"submit\" class=\"link-button\" aria-label=\"",
      SayText(info, "Bu yorumu bildir", "Report this comment"), "\">",
      Say(info, "Bildir", "Report"), "</button>\n</form>\n</footer>\n",
      "</article>\n");
  return out;
}

std::string CommentsHtml(const SiteInfo& info, const ArticlePage& page) {
  const std::string path = ArticlePath(page.article);
  std::map<int64_t, const store::Comment*> by_id;
  for (const store::Comment& c : page.comments) by_id[c.id] = &c;

  std::string out = absl::StrCat(
      "<section class=\"comments\" id=\"comments\" "
      "aria-labelledby=\"comments-title\">\n<h2 id=\"comments-title\">",
      Say(info, "Yorumlar", "Comments"), " <span class=\"count\">(",
      page.comment_total.value_or(static_cast<int64_t>(page.comments.size())),
      ")</span></h2>\n");

  const bool newest = page.order == CommentOrder::kNewestFirst;
  absl::StrAppend(&out, "<nav class=\"comment-order\" aria-label=\"",
                  SayText(info, "Yorum sırası", "Comment order"), "\">",
                  Say(info, "Sırala", "Order"), ": <a href=\"", path,
                  "?order=newest#comments\"",
                  newest ? " aria-current=\"true\" class=\"current\"" : "", ">",
                  Say(info, "En yeni", "Newest"), "</a> · <a href=\"", path,
                  "?order=oldest#comments\"",
                  newest ? "" : " aria-current=\"true\" class=\"current\"", ">",
                  Say(info, "En eski", "Oldest"), "</a></nav>\n");

  if (page.comments.empty()) {
    absl::StrAppend(&out, "<p class=\"no-comments\">",
                    Say(info, "Henüz yorum yok. İlk yorumu siz yazın.",
                        "No comments yet. Be the first to write one."),
                    "</p>\n");
  } else {
    out += "<ol class=\"comment-list\">\n";
    for (const Thread& t : ThreadComments(page.comments, page.order)) {
      out += CommentHtml(info, page, *t.top, nullptr, by_id);
      if (!t.replies.empty()) {
        absl::StrAppend(&out, "<ol class=\"replies\" aria-label=\"",
                        SayText(info, "Yanıtlar", "Replies"), "\">\n");
        for (const store::Comment* r : t.replies) {
          absl::StrAppend(&out, CommentHtml(info, page, *r, t.top, by_id),
                          "</li>\n");
        }
        out += "</ol>\n";
      }
      if (auto more = page.more_replies.find(t.top->id);
          more != page.more_replies.end()) {
        absl::StrAppend(
            &out, "<p class=\"more-replies\">",
            Say(info, absl::StrCat(more->second, " yanıt daha gösterilmiyor."),
                absl::StrCat(more->second,
                             more->second == 1
                                 ? " more reply is not shown."
                                 : " more replies are not shown.")),
            "</p>\n");
      }
      out += "</li>\n";
    }
    out += "</ol>\n";
  }
  if (page.next_cursor) {
    // A plain link: the next window is a page of its own, cached like the
    // first, and reached without JavaScript.
    absl::StrAppend(
        &out, "<nav class=\"comment-pages\" aria-label=\"",
        SayText(info, "Yorum sayfaları", "Comment pages"),
        "\"><a class=\"more-comments\" rel=\"next\" href=\"", path,
        newest ? "?cursor=" : "?order=oldest&amp;cursor=", *page.next_cursor,
        "#comments\" data-next-cursor=\"", *page.next_cursor, "\">",
        newest ? Say(info, "Daha eski yorumlar", "Older comments")
               : Say(info, "Daha yeni yorumlar", "Newer comments"),
        "</a></nav>\n");
  }
  out += "</section>\n";
  return out;
}

std::string PolicyHtml(const SiteInfo& info) {
  if ((info.lang == Lang::kEn ? info.policy_en : info.policy_tr).empty()) {
    return std::string();
  }
  std::string out = absl::StrCat(
      "<section class=\"policy\" id=\"comment-policy\" "
      "aria-labelledby=\"policy-title\">\n<h3 id=\"policy-title\">",
      Say(info, "Yorum politikamız", "Our comment policy"), "</h3>\n");
  const bool en = info.lang == Lang::kEn;
  absl::StrAppend(
      &out, "<p>",
      internal::MarkPolicyClauses(en ? info.policy_en : info.policy_tr, en),
      "</p>\n</section>\n");
  return out;
}

std::string DefaultNotice(const SiteInfo& info, std::string_view status) {
  if (status == "approved") {
    return SayText(info, "Yorumunuz yayımlandı.", "Your comment is published.");
  }
  if (status == "pending") {
    return SayText(info, "Yorumunuz moderatör onayı bekliyor.",
                   "Your comment is waiting for a moderator.");
  }
  if (status == "reported") {
    return SayText(info, "Bildiriminiz alındı.",
                   "Thank you: your report was received.");
  }
  if (status == "rejected") {
    return SayText(info,
                   "Yorumunuz yorum politikamıza uymadığı için yayımlanmadı.",
                   "Your comment was not published: it breaks our comment "
                   "policy.");
  }
  return SayText(info, "Yorumunuz gönderilemedi.",
                 "Your comment could not be sent.");
}

std::string CommentFormHtml(const SiteInfo& info, const ArticlePage& page) {
  const std::string path = ArticlePath(page.article);
  const store::Comment* reply_to = nullptr;
  if (page.reply_to) {
    for (const store::Comment& c : page.comments) {
      if (c.id == *page.reply_to) reply_to = &c;
    }
  }
  const FormNotice* notice = page.notice ? &*page.notice : nullptr;
  const bool keep_draft = notice != nullptr && notice->status != "approved" &&
                          notice->status != "pending";

  std::string out = absl::StrCat(
      "<form class=\"comment-form\" id=\"comment-form\" method=\"post\" "
      "action=\"",
      path, "/comments\" accept-charset=\"utf-8\" data-comment-form>\n<h3>",
      Say(info, "Yorum yazın", "Write a comment"), "</h3>\n");
  if (reply_to != nullptr) {
    absl::StrAppend(&out, "<p class=\"replying-to\">",
                    Say(info, "Yanıtlanan", "Replying to"),
                    ": <a href=\"#comment-", reply_to->id, "\">",
                    EscapeHtml(reply_to->author), "</a> · <a href=\"", path,
                    "?order=", OrderParam(page.order), "#comment-form\">",
                    Say(info, "Vazgeç", "Cancel"), "</a></p>\n");
  }
  absl::StrAppend(
      &out, "<input type=\"hidden\" name=\"parent_id\" value=\"",
      reply_to != nullptr ? absl::StrCat(reply_to->id) : std::string(),
      "\">\n<input type=\"hidden\" name=\"csrf_token\" value=\"",
      EscapeHtml(page.csrf_token), "\">\n",
      "<div class=\"field\">\n<label for=\"comment-author\">",
      Say(info, "Adınız", "Your name"), "</label>\n",
      "<input id=\"comment-author\" name=\"author\" type=\"text\" required "
      "maxlength=\"",
      kMaxAuthorChars, "\" autocomplete=\"name\" value=\"",
      keep_draft ? EscapeHtml(notice->author) : std::string(), "\">\n</div>\n",
      "<div class=\"field\">\n<label for=\"comment-text\">",
      Say(info, "Yorumunuz", "Your comment"), "</label>\n",
      "<textarea id=\"comment-text\" name=\"text\" rows=\"6\" required "
      "maxlength=\"",
      kMaxCommentChars,
      "\" aria-describedby=\"comment-help comment-feedback\">",
      keep_draft ? EscapeHtml(notice->draft) : std::string(), "</textarea>\n",
      "<p class=\"help\" id=\"comment-help\">",
      Say(info,
          absl::StrCat("Yorumlar yayımlanmadan önce yorum politikamıza göre "
                       "denetlenir. En çok ",
                       kMaxCommentChars, " karakter."),
          absl::StrCat("Comments are checked against our comment policy "
                       "before they are published. At most ",
                       kMaxCommentChars, " characters.")),
      "</p>\n</div>\n");
  // The live region: the script writes its feedback here; without the
  // script the server's notice is in it already.
  out +=
      "<div class=\"form-feedback\" id=\"comment-feedback\" role=\"status\" "
      "aria-live=\"polite\"";
  if (notice != nullptr) {
    absl::StrAppend(
        &out, " data-status=\"", EscapeHtml(notice->status),
        "\"><p class=\"notice notice-", EscapeHtml(notice->status), "\">",
        notice->message.empty() ? DefaultNotice(info, notice->status)
                                : EscapeWithBreaks(notice->message),
        "</p></div>\n");
  } else {
    out += "></div>\n";
  }
  absl::StrAppend(&out, "<button type=\"submit\">", Say(info, "Gönder", "Send"),
                  "</button>\n</form>\n");
  return out;
}

}  // namespace

std::string RenderArticlePage(const SiteInfo& info, const ArticlePage& page) {
  const store::Article& a = page.article;
  const std::string path = ArticlePath(a);
  std::string out = internal::PageStart(
      info, {.title = absl::StrCat(a.headline, " — ", info.name),
             .head = ArticleHead(info, page),
             .body_class = "page-article"});
  if (page.preview) {
    absl::StrAppend(&out, "<p class=\"notice notice-pending preview-banner\">",
                    Say(info,
                        "Önizleme: bu sayfa okurlara böyle görünecek; "
                        "değişiklikler henüz kaydedilmedi.",
                        "Preview: readers will see the page like this; the "
                        "changes are not saved yet."),
                    "</p>\n");
  }
  absl::StrAppend(&out,
                  "<article class=\"article\" aria-labelledby=\"headline\">\n",
                  "<header class=\"article-header\">\n<h1 id=\"headline\">",
                  EscapeHtml(a.headline), "</h1>\n<p class=\"dates\">");
  if (a.published_at != absl::UnixEpoch()) {
    absl::StrAppend(&out, "<span>", Say(info, "Yayınlanma", "Published"), ": ",
                    TimeElement(info, a.published_at, "published"), "</span> ");
  } else {
    absl::StrAppend(&out, "<span>",
                    Say(info, "Henüz yayımlanmadı", "Not published yet"),
                    "</span> ");
  }
  absl::StrAppend(&out, "<span>", Say(info, "Son güncelleme", "Last update"),
                  ": ", TimeElement(info, a.updated_at, "updated"),
                  "</span></p>\n");
  if (!a.author.empty()) {
    absl::StrAppend(&out, "<p class=\"byline\">", EscapeHtml(a.author),
                    "</p>\n");
  }
  absl::StrAppend(&out, "<p class=\"lead\">", EscapeHtml(a.lead),
                  "</p>\n</header>\n");

  if (page.photo && !page.photo->sizes.empty()) {
    const PhotoView& photo = *page.photo;
    const std::string largest = photo.sizes.front().url;
    const std::string photo_page =
        photo.page_url.empty() ? absl::StrCat(path, "/photo") : photo.page_url;
    absl::StrAppend(&out, "<figure class=\"photo\" id=\"photo\">\n",
                    PhotoImg(photo, internal::kPhotoSizes, /*lead=*/true), "\n",
                    PhotoFigcaption(info, photo), "\n</figure>\n",
                    "<p class=\"photo-tools\">", "<a class=\"zoom\" href=\"",
                    EscapeHtml(largest), "\" data-zoom=\"", EscapeHtml(largest),
                    "\" data-zoom-caption=\"", EscapeHtml(photo.caption), "\">",
                    Say(info, "Büyüt", "Enlarge"),
                    "</a> <a class=\"share\" href=\"", EscapeHtml(photo_page),
                    "#share\" data-share data-share-url=\"",
                    EscapeHtml(AbsoluteUrl(info, photo_page)),
                    "\" data-share-title=\"", EscapeHtml(a.headline), "\">",
                    Say(info, "Paylaş", "Share"), "</a></p>\n");
  }

  absl::StrAppend(&out, "<div class=\"article-body\">\n", BodyHtml(a.body),
                  "</div>\n");
  if (!a.source.empty()) {
    absl::StrAppend(&out, "<p class=\"source\">", Say(info, "Kaynak", "Source"),
                    ": ", EscapeHtml(a.source), "</p>\n");
  }
  out += "</article>\n";

  absl::StrAppend(&out, "<aside class=\"discussion\" aria-label=\"",
                  SayText(info, "Okur yorumları", "Readers' comments"), "\">\n",
                  CommentsHtml(info, page), PolicyHtml(info));
  if (page.preview) {
    // Nothing to post to yet.
  } else if (a.comments_closed) {
    absl::StrAppend(&out, "<p class=\"comments-closed\" id=\"comment-form\">",
                    Say(info, "Bu haber yorumlara kapatıldı.",
                        "Comments are closed on this article."),
                    "</p>\n");
  } else {
    out += CommentFormHtml(info, page);
  }
  absl::StrAppend(&out, "</aside>\n", internal::PageEnd(info));
  return out;
}

}  // namespace newsroom::site
