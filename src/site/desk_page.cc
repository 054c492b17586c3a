// The editors' desk: the list of every article (drafts too) with its
// comments, and the editor of one article.
//
// Both are plain server-rendered pages whose forms work without
// JavaScript: the editor is one multipart form (the photo travels with the
// text) whose buttons say what to do — save, preview, publish, withdraw,
// close or open the comments — through the `action` field. The site's
// script only adds conveniences (a slug suggested from the headline, a
// preview of the photo chosen).
//
// Every state an article can be in is shown in words, not colour alone:
// "Draft", "Published", "Withdrawn"; "Comments closed". Times are the
// site's (FormatLocalTime); the first publication time is shown apart from
// the last update, because the first never moves.
//
// Tested by render_test.cc.
#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "site/internal/html.h"
#include "site/render.h"

namespace newsroom::site {
namespace {

using internal::ArticlePath;
using internal::Say;
using internal::SayText;
using internal::TimeElement;

// The longest headline, standfirst and body the editor accepts (the server
// enforces the same; the browser is told with maxlength).
constexpr int kMaxHeadlineChars = 200;
constexpr int kMaxLeadChars = 600;
constexpr int kMaxSourceChars = 300;

std::string StateLabel(const SiteInfo& info, const store::Article& a) {
  if (a.published) return Say(info, "Yayında", "Published");
  if (a.published_at != absl::UnixEpoch()) {
    return Say(info, "Yayından kaldırıldı", "Withdrawn");
  }
  return Say(info, "Taslak", "Draft");
}

std::string StateName(const store::Article& a) {
  if (a.published) return "published";
  return a.published_at != absl::UnixEpoch() ? "withdrawn" : "draft";
}

std::string SessionBar(const SiteInfo& info, std::string_view username,
                       std::string_view csrf_token) {
  return absl::StrCat(
      "<div class=\"session\"><p>", Say(info, "Giriş yapan", "Signed in as"),
      ": <strong>", EscapeHtml(username), "</strong> · <a href=\"/desk\">",
      Say(info, "Masa", "Desk"), "</a> · <a href=\"/moderation\">",
      Say(info, "Moderasyon", "Moderation"), "</a></p>\n",
      "<form method=\"post\" action=\"/logout\">\n",
      "<input type=\"hidden\" name=\"csrf_token\" value=\"",
      EscapeHtml(csrf_token), "\">\n<button type=\"submit\">",
      Say(info, "Çıkış", "Sign out"), "</button>\n</form>\n</div>\n");
}

std::string Notice(std::string_view notice, bool error) {
  if (notice.empty()) return std::string();
  return absl::StrCat(
      "<p class=\"notice ", error ? "notice-error" : "notice-approved",
      "\" role=\"", error ? "alert" : "status", "\"",
      error ? " id=\"editor-error\"" : "", ">", EscapeHtml(notice), "</p>\n");
}

std::string ActionLog(const SiteInfo& info, store::ArticleAction action) {
  switch (action) {
    case store::ArticleAction::kCreated:
      return Say(info, "oluşturdu", "created");
    case store::ArticleAction::kUpdated:
      return Say(info, "güncelledi", "updated");
    case store::ArticleAction::kPublished:
      return Say(info, "yayımladı", "published");
    case store::ArticleAction::kUnpublished:
      return Say(info, "yayından kaldırdı", "withdrew");
    case store::ArticleAction::kCommentsClosed:
      return Say(info, "yorumları kapattı", "closed the comments");
    case store::ArticleAction::kCommentsOpened:
      return Say(info, "yorumları açtı", "opened the comments");
  }
  return std::string();
}

// One text field of the editor: label, the control, and its help.
std::string Field(const SiteInfo& info, const std::string& id,
                  const std::string& label, const std::string& control,
                  const std::string& help = "") {
  std::string out = absl::StrCat("<div class=\"field\">\n<label for=\"", id,
                                 "\">", label, "</label>\n", control);
  if (!help.empty()) {
    absl::StrAppend(&out, "<p class=\"help\" id=\"", id, "-help\">", help,
                    "</p>\n");
  }
  out += "</div>\n";
  return out;
}

std::string Input(const std::string& id, const std::string& name,
                  std::string_view value, int max_chars, bool required,
                  const std::string& extra = "") {
  return absl::StrCat("<input id=\"", id, "\" name=\"", name,
                      "\" type=\"text\" maxlength=\"", max_chars, "\" value=\"",
                      EscapeHtml(value), "\"", required ? " required" : "",
                      extra, ">\n");
}

}  // namespace

std::string RenderDeskPage(const SiteInfo& info, const DeskPage& page) {
  std::string out = internal::PageStart(
      info, {.title = absl::StrCat(info.lang == Lang::kEn ? "Desk" : "Masa",
                                   " — ", info.name),
             .head = "<meta name=\"robots\" content=\"noindex\">\n",
             .body_class = "page-desk"});
  absl::StrAppend(&out, "<h1>", Say(info, "Haber masası", "News desk"),
                  "</h1>\n", SessionBar(info, page.username, page.csrf_token),
                  Notice(page.notice, false),
                  "<p><a class=\"button\" href=\"/desk/new\">",
                  Say(info, "Yeni haber", "New article"), "</a></p>\n");
  if (page.articles.empty()) {
    absl::StrAppend(&out, "<p class=\"empty\">",
                    Say(info, "Henüz haber yok.", "No articles yet."), "</p>\n",
                    internal::PageEnd(info));
    return out;
  }
  absl::StrAppend(
      &out,
      "<div class=\"table-scroll\">\n<table class=\"desk-list\">\n<caption>",
      Say(info, "Haberler, son değişen en üstte",
          "Articles, latest change first"),
      "</caption>\n<thead><tr><th scope=\"col\">",
      Say(info, "Başlık", "Headline"), "</th><th scope=\"col\">",
      Say(info, "Durum", "State"), "</th><th scope=\"col\">",
      Say(info, "Yorumlar", "Comments"), "</th><th scope=\"col\">",
      Say(info, "Bekleyen", "Pending"), "</th><th scope=\"col\">",
      Say(info, "Son güncelleme", "Last update"),
      "</th></tr></thead>\n<tbody>\n");
  for (const store::ArticleSummary& s : page.articles) {
    const store::Article& a = s.article;
    absl::StrAppend(&out, "<tr data-article-id=\"", a.id, "\" data-state=\"",
                    StateName(a),
                    "\"><th scope=\"row\"><a href=\"/desk/articles/", a.id,
                    "\">", EscapeHtml(a.headline), "</a>");
    if (a.published) {
      absl::StrAppend(&out, " <a class=\"view\" href=\"", ArticlePath(a),
                      "\" aria-label=\"",
                      SayText(info, "Sitede gör", "View on the site"), ": ",
                      EscapeHtml(a.headline), "\">", Say(info, "Gör", "View"),
                      "</a>");
    }
    absl::StrAppend(&out, "</th><td>", StateLabel(info, a));
    if (a.comments_closed) {
      absl::StrAppend(&out, " · ",
                      Say(info, "yorumlar kapalı", "comments closed"));
    }
    absl::StrAppend(&out, "</td><td>", s.approved, "</td><td>");
    if (s.pending + s.reported > 0) {
      absl::StrAppend(
          &out, "<a href=\"/moderation?article=", a.id, "\">", s.pending,
          s.reported > 0 ? absl::StrCat(" + ", s.reported, " ") : "",
          s.reported > 0 ? Say(info, "bildirilen", "reported") : "", "</a>");
    } else {
      out += "0";
    }
    absl::StrAppend(&out, "</td><td>", TimeElement(info, a.updated_at),
                    "</td></tr>\n");
  }
  absl::StrAppend(&out, "</tbody>\n</table>\n</div>\n",
                  internal::PageEnd(info));
  return out;
}

std::string RenderArticleEditor(const SiteInfo& info,
                                const ArticleEditor& editor) {
  const store::Article& stored = editor.stored;
  const store::Article& f = editor.fields;
  const bool is_new = stored.id == 0;
  const std::string title =
      is_new ? SayText(info, "Yeni haber", "New article")
             : SayText(info, "Haberi düzenle", "Edit article");
  std::string out = internal::PageStart(
      info, {.title = absl::StrCat(title, " — ", info.name),
             .head = "<meta name=\"robots\" content=\"noindex\">\n",
             .body_class = "page-editor"});
  const std::string action = is_new
                                 ? std::string("/desk/new")
                                 : absl::StrCat("/desk/articles/", stored.id);
  absl::StrAppend(&out, "<h1>", title, "</h1>\n",
                  SessionBar(info, editor.username, editor.csrf_token),
                  Notice(editor.error, true), Notice(editor.notice, false));

  if (!is_new) {
    absl::StrAppend(&out, "<dl class=\"article-state\">\n<dt>",
                    Say(info, "Durum", "State"), "</dt><dd data-state=\"",
                    StateName(stored), "\">", StateLabel(info, stored));
    if (stored.published) {
      absl::StrAppend(&out, " · <a href=\"", ArticlePath(stored), "\">",
                      Say(info, "Sitede gör", "View on the site"), "</a>");
    }
    out += "</dd>\n";
    if (stored.published_at != absl::UnixEpoch()) {
      absl::StrAppend(
          &out, "<dt>", Say(info, "Yayınlanma", "Published"), "</dt><dd>",
          TimeElement(info, stored.published_at, "published"), "</dd>\n");
    }
    absl::StrAppend(
        &out, "<dt>", Say(info, "Son güncelleme", "Last update"), "</dt><dd>",
        TimeElement(info, stored.updated_at, "updated"), "</dd>\n<dt>",
        Say(info, "Yorumlar", "Comments"), "</dt><dd data-comments=\"",
        stored.comments_closed ? "closed" : "open", "\">",
        stored.comments_closed ? Say(info, "kapalı", "closed")
                               : Say(info, "açık", "open"),
        "</dd>\n</dl>\n");
  }

  const std::string described =
      editor.error.empty() ? "" : " aria-describedby=\"editor-error\"";
  absl::StrAppend(
      &out, "<form class=\"editor\" method=\"post\" action=\"", action,
      "\" enctype=\"multipart/form-data\" accept-charset=\"utf-8\" "
      "data-article-editor>\n",
      "<input type=\"hidden\" name=\"csrf_token\" value=\"",
      EscapeHtml(editor.csrf_token), "\">\n",
      Field(info, "article-headline", Say(info, "Başlık", "Headline"),
            Input("article-headline", "headline", f.headline, kMaxHeadlineChars,
                  true, described)),
      Field(info, "article-lead", Say(info, "Spot", "Standfirst"),
            absl::StrCat(
                "<textarea id=\"article-lead\" name=\"lead\" rows=\"3\" "
                "maxlength=\"",
                kMaxLeadChars, "\" aria-describedby=\"article-lead-help\">",
                EscapeHtml(f.lead), "</textarea>\n"),
            Say(info,
                "Başlığın altındaki bir iki cümle; arama motorları ve "
                "paylaşımlar da bunu gösterir.",
                "A sentence or two under the headline; search engines and "
                "link previews show it too.")),
      Field(info, "article-body", Say(info, "Metin", "Body"),
            absl::StrCat("<textarea id=\"article-body\" name=\"body\" "
                         "rows=\"16\" required "
                         "aria-describedby=\"article-body-help\">",
                         EscapeHtml(f.body), "</textarea>\n"),
            Say(info,
                "Paragrafları boş bir satırla ayırın. Bağlantı: "
                "[bağlantı metni](https://adres).",
                "Separate paragraphs with a blank line. A link: "
                "[link text](https://address).")),
      Field(
          info, "article-source", Say(info, "Kaynak", "Source"),
          Input("article-source", "source", f.source, kMaxSourceChars, false)));

  // The photo: the current one, a file to replace it, caption and credit.
  absl::StrAppend(&out, "<fieldset class=\"photo-fields\">\n<legend>",
                  Say(info, "Fotoğraf", "Photo"), "</legend>\n");
  if (editor.photo && !editor.photo->sizes.empty()) {
    absl::StrAppend(
        &out, "<figure class=\"photo-current\">",
        internal::PhotoImg(*editor.photo,
                           "(min-width: 22rem) 20rem, calc(100vw - 2rem)",
                           /*lead=*/false),
        "<figcaption>", Say(info, "Şimdiki fotoğraf", "Current photo"),
        "</figcaption></figure>\n",
        "<p><input type=\"checkbox\" id=\"article-remove-photo\" "
        "name=\"remove_photo\" value=\"1\"> <label "
        "for=\"article-remove-photo\">",
        Say(info, "Fotoğrafı kaldır", "Remove the photo"), "</label></p>\n");
  }
  absl::StrAppend(
      &out,
      Field(
          info, "article-photo",
          editor.photo ? Say(info, "Yeni fotoğraf", "New photo")
                       : Say(info, "Fotoğraf yükle", "Upload a photo"),
          "<input id=\"article-photo\" name=\"photo\" type=\"file\" "
          "accept=\"image/jpeg,image/png,image/webp\" "
          "aria-describedby=\"article-photo-help\">\n",
          Say(info, "JPEG, PNG ya da WebP; en az 800 piksel genişlik iyi olur.",
              "JPEG, PNG or WebP; at least 800 pixels wide is best.")),
      Field(info, "article-caption", Say(info, "Fotoğraf altı", "Caption"),
            Input("article-caption", "photo_caption", f.photo_caption, 300,
                  false)),
      Field(
          info, "article-credit", Say(info, "Fotoğraf sahibi", "Credit"),
          Input("article-credit", "photo_credit", f.photo_credit, 120, false)),
      "</fieldset>\n");

  absl::StrAppend(
      &out,
      Field(info, "article-slug", Say(info, "Adres (slug)", "Address (slug)"),
            Input("article-slug", "slug", f.slug, 120, false,
                  absl::StrCat(" pattern=\"[a-z0-9\\-]*\" "
                               "aria-describedby=\"article-slug-help\"",
                               is_new ? "" : " readonly")),
            is_new ? Say(info,
                         "Küçük harf, rakam ve tire; boş bırakılırsa "
                         "başlıktan yapılır. Yayımlandıktan sonra değişmez.",
                         "Lower-case letters, digits and hyphens; left "
                         "empty, it is made from the headline. It cannot "
                         "change once published.")
                   : Say(info, "Haberin adresi değişmez.",
                         "An article's address does not change.")));

  // The buttons: what they do depends on the state.
  out += "<div class=\"editor-actions\">\n";
  auto button = [&](const std::string& value, const std::string& label,
                    std::string_view css) {
    absl::StrAppend(
        &out, "<button type=\"submit\" name=\"action\" value=\"", value, "\"",
        css.empty() ? "" : absl::StrCat(" class=\"", std::string(css), "\""),
        ">", label, "</button>\n");
  };
  if (is_new || !stored.published) {
    button("save", Say(info, "Taslağı kaydet", "Save draft"), "");
    button("publish", Say(info, "Şimdi yayımla", "Publish now"), "approve");
  } else {
    button("save", Say(info, "Güncelle", "Update"), "approve");
  }
  absl::StrAppend(&out,
                  "<button type=\"submit\" name=\"action\" value=\"preview\" "
                  "formaction=\"/desk/preview\" formtarget=\"_blank\" "
                  "class=\"secondary\">",
                  Say(info, "Önizle", "Preview"), "</button>\n");
  if (!is_new) {
    if (stored.published) {
      button("unpublish", Say(info, "Yayından kaldır", "Withdraw"), "reject");
    }
    button(stored.comments_closed ? "open_comments" : "close_comments",
           stored.comments_closed
               ? Say(info, "Yorumları aç", "Open the comments")
               : Say(info, "Yorumları kapat", "Close the comments"),
           "secondary");
  }
  out += "</div>\n</form>\n";

  if (!editor.log.empty()) {
    absl::StrAppend(&out,
                    "<section class=\"audit\" aria-labelledby=\"log-title\">\n"
                    "<h2 id=\"log-title\">",
                    Say(info, "Bu haberin kayıtları", "This article's log"),
                    "</h2>\n<ul>\n");
    for (const store::ArticleEvent& e : editor.log) {
      absl::StrAppend(&out, "<li>", TimeElement(info, e.at), " · <strong>",
                      EscapeHtml(e.by), "</strong> ", ActionLog(info, e.action),
                      "</li>\n");
    }
    out += "</ul>\n</section>\n";
  }
  out += internal::PageEnd(info);
  return out;
}

}  // namespace newsroom::site
