// The editors' desk: the list of articles and the editor, as HTML pages
// for editors (moderators are refused, readers sent to sign in).
//
// The editor posts one multipart form (the photo travels with the text)
// whose `action` says what to do. A state change (publish, withdraw,
// close or open the comments) saves the text first when it changed, so
// that nothing typed is lost, and moves "last update" only then. Every
// write names the editor, and the store logs it in the article's audit
// log in the same transaction. A refused save shows the editor again with
// what was typed and why it was refused; a save that worked redirects
// (303) to the article's editor, so a reload never posts twice.
//
// Tested by tests/integration/desk_test.py and tests/browser/desk.test.mjs.
#include <string>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "http/multipart.h"
#include "media/photo.h"
#include "server/app.h"
#include "server/app_internal.h"
#include "text/casing.h"
#include "text/utf8.h"

namespace newsroom::server {
namespace {

// What the editor's form holds, as posted.
struct EditorForm {
  std::string csrf_token;
  std::string action;
  store::Article fields;  // headline, lead, body, source, slug, caption, credit
  bool remove_photo = false;
  std::string photo;  // the uploaded file's bytes, if any
};

struct FieldLimit {
  const char* name;
  std::string store::Article::*field;
  int max_chars;  // code points
};
constexpr FieldLimit kFields[] = {
    {"headline", &store::Article::headline, 200},
    {"lead", &store::Article::lead, 600},
    {"body", &store::Article::body, 100000},
    {"source", &store::Article::source, 300},
    {"slug", &store::Article::slug, 120},
    {"photo_caption", &store::Article::photo_caption, 300},
    {"photo_credit", &store::Article::photo_credit, 120},
};

// Reads the editor's form; the error (for the editor, in English, as the
// API's are) names the field.
absl::StatusOr<EditorForm> ReadEditorForm(const http::Request& request) {
  absl::StatusOr<std::vector<http::FormPart>> parts =
      http::ParseMultipart(request.header("content-type"), request.body);
  if (!parts.ok()) return parts.status();
  EditorForm form;
  for (const http::FormPart& part : *parts) {
    if (part.name == "photo") {
      if (!part.filename.empty() && !part.data.empty()) {
        form.photo = std::string(part.data);
      }
      continue;
    }
    if (!text::ValidateUtf8(part.data).ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("the field ", part.name, " is not valid UTF-8"));
    }
    const std::string value(part.data);
    if (part.name == "csrf_token") {
      form.csrf_token = value;
    } else if (part.name == "action") {
      form.action = value;
    } else if (part.name == "remove_photo") {
      form.remove_photo = !value.empty();
    } else {
      for (const FieldLimit& f : kFields) {
        if (part.name != f.name) continue;
        if (text::CodePointCount(value) > f.max_chars) {
          return absl::InvalidArgumentError(
              absl::StrCat("the field ", f.name, " is longer than ",
                           f.max_chars, " characters"));
        }
        form.fields.*f.field = value;
      }
    }
  }
  // Paragraphs as typed in a browser arrive with CRLF.
  std::string body;
  for (char ch : form.fields.body) {
    if (ch != '\r') body += ch;
  }
  form.fields.body = std::move(body);
  return form;
}

// An address made from a headline: Turkish lower case folded to ASCII,
// runs of anything else one hyphen ("Boğaz'da yeni hat!" →
// "bogaz-da-yeni-hat").
std::string SlugFrom(std::string_view headline) {
  std::string out;
  for (char ch : text::FoldKey(headline)) {
    const bool keep = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
    if (keep) {
      out += ch;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
    if (out.size() >= 80) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

bool SameContent(const store::Article& a, const store::Article& b) {
  return a.headline == b.headline && a.lead == b.lead && a.body == b.body &&
         a.source == b.source && a.photo_caption == b.photo_caption &&
         a.photo_credit == b.photo_credit && a.photo_id == b.photo_id;
}

}  // namespace

std::optional<App::Viewer> App::RequireEditorPage(
    Context& c, const http::Request& request) {
  std::optional<Viewer> viewer = FindViewer(request);
  if (!viewer) {
    Redirect(c, absl::StrCat("/login?next=", request.path));
    return std::nullopt;
  }
  if (viewer->user.role != store::Role::kEditor) {
    Html(c, 403,
         site::RenderErrorPage(
             SiteFor(request), 403,
             SiteText("Haber masası yalnızca editörler içindir.",
                      "The news desk is for editors only.")));
    return std::nullopt;
  }
  return viewer;
}

void App::DeskPage(Context& c, const http::Request& request,
                   const PathParams&) {
  std::optional<Viewer> viewer = RequireEditorPage(c, request);
  if (!viewer) return;
  absl::StatusOr<std::vector<store::ArticleSummary>> articles =
      store_.ListArticleSummaries(500);
  if (!articles.ok()) {
    ErrorFromStatus(c, articles.status());
    return;
  }
  site::DeskPage page;
  page.username = viewer->user.username;
  page.csrf_token = viewer->session.csrf_token;
  page.articles = *std::move(articles);
  Html(c, 200, site::RenderDeskPage(SiteFor(request), page),
       {{"Cache-Control", "no-store"}});
}

void App::ShowEditor(Context& c, const http::Request& request,
                     const Viewer& viewer, const store::Article& stored,
                     const store::Article& fields, int status,
                     std::string error) {
  site::ArticleEditor editor;
  editor.username = viewer.user.username;
  editor.csrf_token = viewer.session.csrf_token;
  editor.stored = stored;
  editor.fields = fields;
  editor.error = std::move(error);
  if (stored.id != 0) {
    absl::StatusOr<std::optional<site::PhotoView>> photo = PhotoViewFor(stored);
    if (photo.ok()) editor.photo = *std::move(photo);
    absl::StatusOr<std::vector<store::ArticleEvent>> log =
        store_.ListArticleEvents(stored.id, 50);
    if (log.ok()) editor.log = *std::move(log);
  }
  const std::string notice = request.query_param("notice").value_or("");
  if (notice == "saved") {
    editor.notice = SiteText("Kaydedildi.", "Saved.");
  } else if (notice == "published") {
    editor.notice = SiteText("Yayımlandı.", "Published.");
  } else if (notice == "unpublished") {
    editor.notice = SiteText("Yayından kaldırıldı.", "Withdrawn.");
  } else if (notice == "closed") {
    editor.notice = SiteText("Yorumlar kapatıldı.", "Comments closed.");
  } else if (notice == "opened") {
    editor.notice = SiteText("Yorumlar açıldı.", "Comments opened.");
  }
  Html(c, status, site::RenderArticleEditor(SiteFor(request), editor),
       {{"Cache-Control", "no-store"}});
}

void App::NewArticlePage(Context& c, const http::Request& request,
                         const PathParams&) {
  std::optional<Viewer> viewer = RequireEditorPage(c, request);
  if (!viewer) return;
  store::Article blank;
  blank.published = false;
  ShowEditor(c, request, *viewer, blank, blank, 200, "");
}

void App::EditArticlePage(Context& c, const http::Request& request,
                          const PathParams& p) {
  const int64_t id = p.Id();
  std::optional<Viewer> viewer = RequireEditorPage(c, request);
  if (!viewer) return;
  absl::StatusOr<store::Article> article = store_.FindArticleById(id);
  if (!article.ok()) {
    if (absl::IsNotFound(article.status())) {
      Html(c, 404,
           site::RenderErrorPage(
               SiteFor(request), 404,
               SiteText("Böyle bir haber yok.", "No such article.")));
    } else {
      ErrorFromStatus(c, article.status());
    }
    return;
  }
  ShowEditor(c, request, *viewer, *article, *article, 200, "");
}

void App::CreateArticleForm(Context& c, const http::Request& request,
                            const PathParams&) {
  SaveArticle(c, request, 0);
}

void App::SaveArticleForm(Context& c, const http::Request& request,
                          const PathParams& p) {
  SaveArticle(c, request, p.Id());
}

// POST /desk/new and POST /desk/articles/{id} (id 0 for a new article).
void App::SaveArticle(Context& c, const http::Request& request, int64_t id) {
  std::optional<Viewer> viewer = RequireEditorPage(c, request);
  if (!viewer) return;
  if (!SameOrigin(c, request)) return;
  absl::StatusOr<EditorForm> form = ReadEditorForm(request);
  if (!form.ok()) {
    Error(c, 400, SV(form.status().message()));
    return;
  }
  if (!auth::ConstantTimeEquals(form->csrf_token, viewer->session.csrf_token)) {
    Error(c, 403, "missing or wrong csrf_token; reload the editor");
    return;
  }
  const std::string& by = viewer->user.username;
  store::Article stored;
  stored.published = false;
  if (id != 0) {
    absl::StatusOr<store::Article> found = store_.FindArticleById(id);
    if (!found.ok()) {
      ErrorFromStatus(c, found.status());
      return;
    }
    stored = *std::move(found);
  }
  // The form's content on top of what is stored; slug, state and times
  // are the store's to keep.
  store::Article edited = stored;
  for (const FieldLimit& f : kFields) {
    if (std::string_view(f.name) != "slug")
      edited.*f.field = form->fields.*f.field;
  }
  if (id == 0) {
    edited.slug = form->fields.slug.empty() ? SlugFrom(edited.headline)
                                            : form->fields.slug;
    edited.author = by;
  }
  auto refuse = [&](std::string why) {
    ShowEditor(c, request, *viewer, stored, edited, 422, std::move(why));
  };
  if (edited.headline.empty() || edited.body.empty()) {
    refuse(SiteText("Başlık ve metin boş olamaz.",
                    "The headline and the body cannot be empty."));
    return;
  }
  if (form->remove_photo) edited.photo_id.reset();
  if (!form->photo.empty()) {
    absl::StatusOr<std::vector<store::PhotoVariant>> variants =
        media::MakeVariants(form->photo);
    if (!variants.ok()) {
      refuse(absl::StrCat(
          SiteText("Fotoğraf okunamadı: ", "The photo could not be read: "),
          std::string(SV(variants.status().message()))));
      return;
    }
    absl::StatusOr<store::Photo> photo = store_.AddPhoto(*std::move(variants));
    if (!photo.ok()) {
      ErrorFromStatus(c, photo.status());
      return;
    }
    edited.photo_id = photo->id;
  }

  const std::string& action = form->action;
  absl::StatusOr<store::Article> saved = stored;
  if (id == 0) {
    edited.published = action == "publish";
    saved = store_.CreateArticle(edited, by);
  } else if (!SameContent(edited, stored)) {
    saved = store_.UpdateArticle(edited, by);
  }
  if (saved.ok() && id != 0) {
    if (action == "publish") {
      saved = store_.SetPublished(id, true, by);
    } else if (action == "unpublish") {
      saved = store_.SetPublished(id, false, by);
    } else if (action == "close_comments") {
      saved = store_.SetCommentsClosed(id, true, by);
    } else if (action == "open_comments") {
      saved = store_.SetCommentsClosed(id, false, by);
    }
  }
  if (!saved.ok()) {
    if (absl::IsAlreadyExists(saved.status())) {
      refuse(
          SiteText("Bu adres (slug) başka bir haberin; başka bir adres yazın.",
                   "Another article has this address (slug); write another."));
    } else if (absl::IsInvalidArgument(saved.status())) {
      refuse(std::string(SV(saved.status().message())));
    } else {
      ErrorFromStatus(c, saved.status());
    }
    return;
  }
  ArticlesChanged();
  const char* notice = action == "publish"          ? "published"
                       : action == "unpublish"      ? "unpublished"
                       : action == "close_comments" ? "closed"
                       : action == "open_comments"  ? "opened"
                                                    : "saved";
  Redirect(c, absl::StrCat("/desk/articles/", saved->id, "?notice=", notice));
}

void App::PreviewArticleForm(Context& c, const http::Request& request,
                             const PathParams&) {
  std::optional<Viewer> viewer = RequireEditorPage(c, request);
  if (!viewer) return;
  if (!SameOrigin(c, request)) return;
  absl::StatusOr<EditorForm> form = ReadEditorForm(request);
  if (!form.ok()) {
    Error(c, 400, SV(form.status().message()));
    return;
  }
  if (!auth::ConstantTimeEquals(form->csrf_token, viewer->session.csrf_token)) {
    Error(c, 403, "missing or wrong csrf_token; reload the editor");
    return;
  }
  site::ArticlePage page;
  page.preview = true;
  page.article = form->fields;
  page.article.published = false;
  page.article.author = viewer->user.username;
  page.article.published_at = absl::UnixEpoch();
  page.article.updated_at = absl::Now();
  if (page.article.slug.empty())
    page.article.slug = SlugFrom(page.article.headline);
  // The photo shown is the stored one (a new upload is not stored by a
  // preview).
  if (absl::StatusOr<store::Article> stored =
          store_.FindArticle(form->fields.slug);
      stored.ok() && !form->remove_photo) {
    page.article.photo_id = stored->photo_id;
    absl::StatusOr<std::optional<site::PhotoView>> photo =
        PhotoViewFor(page.article);
    if (photo.ok()) page.photo = *std::move(photo);
  }
  Html(c, 200, site::RenderArticlePage(SiteFor(request), page),
       {{"Cache-Control", "no-store"}});
}

}  // namespace newsroom::server
