// Editors' routes: articles and photos through the JSON API.
#include <string>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "media/photo.h"
#include "server/api_json.h"
#include "server/app.h"
#include "server/app_internal.h"

namespace newsroom::server {
namespace {

// Copies the string fields of an article request onto `a`. `create` makes
// headline and body required. Returns an error message, empty when fine.
std::string ApplyArticleFields(const nlohmann::json& body, bool create,
                               store::Article* a) {
  struct Field {
    const char* name;
    std::string* target;
    bool required;
  };
  const Field fields[] = {
      {"headline", &a->headline, true},
      {"lead", &a->lead, false},
      {"body", &a->body, true},
      {"photo_caption", &a->photo_caption, false},
      {"photo_credit", &a->photo_credit, false},
      {"source", &a->source, false},
      {"author", &a->author, false},
  };
  for (const Field& f : fields) {
    auto it = body.find(f.name);
    if (it == body.end()) {
      if (create && f.required) {
        return absl::StrCat("field \"", f.name, "\" is required");
      }
      continue;
    }
    if (!it->is_string())
      return absl::StrCat("field \"", f.name, "\" must be a string");
    *f.target = it->get<std::string>();
    if (f.required && f.target->empty()) {
      return absl::StrCat("field \"", f.name, "\" must not be empty");
    }
  }
  auto photo = body.find("photo_id");
  if (photo != body.end()) {
    if (photo->is_null()) {
      a->photo_id.reset();
    } else if (photo->is_number_integer() && photo->get<int64_t>() > 0) {
      a->photo_id = photo->get<int64_t>();
    } else {
      return "field \"photo_id\" must be a photo id or null";
    }
  }
  for (const auto& [key, value] : body.items()) {
    if (key != "slug" && key != "headline" && key != "lead" && key != "body" &&
        key != "photo_id" && key != "photo_caption" && key != "photo_credit" &&
        key != "source" && key != "author") {
      return absl::StrCat("unknown field \"", key, "\"");
    }
  }
  return "";
}

}  // namespace

void App::ListArticlesApi(Context& c, const http::Request&, const PathParams&) {
  auto articles = store_.ListArticles(100);
  if (!articles.ok()) {
    ErrorFromStatus(c, articles.status());
    return;
  }
  nlohmann::json list = nlohmann::json::array();
  for (const store::Article& a : *articles)
    list.push_back(ArticleSummaryJson(a));
  Json(c, 200, {{"articles", std::move(list)}});
}

void App::GetArticleApi(Context& c, const http::Request&, const PathParams& p) {
  const std::string_view slug = p.Get("slug");
  absl::StatusOr<store::Article> a = FindPublishedArticle(slug);
  if (!a.ok()) {
    if (absl::IsNotFound(a.status())) {
      Error(c, 404, absl::StrCat("no article ", std::string(slug)));
    } else {
      ErrorFromStatus(c, a.status());
    }
    return;
  }
  Json(c, 200, ArticleJson(*a));
}

void App::CreateArticleApi(Context& c, const http::Request& request,
                           const PathParams&) {
  auto viewer = RequireViewer(c, request, /*editor_only=*/true, true);
  if (!viewer) return;
  auto body = ReadJson(c, request);
  if (!body) return;
  store::Article a;
  auto slug = body->find("slug");
  if (slug == body->end() || !slug->is_string()) {
    Error(c, 400,
          "field \"slug\" is required: lower-case letters, digits and '-'");
    return;
  }
  a.slug = slug->get<std::string>();
  a.author = viewer->user.username;
  if (std::string bad = ApplyArticleFields(*body, true, &a); !bad.empty()) {
    Error(c, 400, bad);
    return;
  }
  if (a.photo_id && !store_.FindPhoto(*a.photo_id).ok()) {
    Error(c, 400, absl::StrCat("no photo ", *a.photo_id));
    return;
  }
  absl::StatusOr<store::Article> created =
      store_.CreateArticle(std::move(a), viewer->user.username);
  if (!created.ok()) {
    ErrorFromStatus(c, created.status());
    return;
  }
  ArticlesChanged();
  Json(c, 201, ArticleJson(*created),
       {{"Location", absl::StrCat("/api/v1/articles/", created->slug)}});
}

void App::UpdateArticleApi(Context& c, const http::Request& request,
                           const PathParams& p) {
  const std::string_view slug = p.Get("slug");
  auto viewer = RequireViewer(c, request, /*editor_only=*/true, true);
  if (!viewer) return;
  auto body = ReadJson(c, request);
  if (!body) return;
  absl::StatusOr<store::Article> a = store_.FindArticle(slug);
  if (!a.ok()) {
    if (absl::IsNotFound(a.status())) {
      Error(c, 404, absl::StrCat("no article ", std::string(slug)));
    } else {
      ErrorFromStatus(c, a.status());
    }
    return;
  }
  if (body->contains("slug") && (*body)["slug"] != a->slug) {
    Error(c, 400, "an article's slug cannot change: its address is published");
    return;
  }
  if (std::string bad = ApplyArticleFields(*body, false, &*a); !bad.empty()) {
    Error(c, 400, bad);
    return;
  }
  if (a->photo_id && !store_.FindPhoto(*a->photo_id).ok()) {
    Error(c, 400, absl::StrCat("no photo ", *a->photo_id));
    return;
  }
  absl::StatusOr<store::Article> updated =
      store_.UpdateArticle(*std::move(a), viewer->user.username);
  if (!updated.ok()) {
    ErrorFromStatus(c, updated.status());
    return;
  }
  ArticlesChanged();
  Json(c, 200, ArticleJson(*updated));
}

void App::UploadPhotoApi(Context& c, const http::Request& request,
                         const PathParams&) {
  auto viewer = RequireViewer(c, request, /*editor_only=*/true, true);
  if (!viewer) return;
  if (!absl::StartsWithIgnoreCase(AV(request.header("content-type")),
                                  "image/")) {
    Error(c, 415,
          "send the photo's bytes with Content-Type image/jpeg, image/png or "
          "image/webp");
    return;
  }
  absl::StatusOr<std::vector<store::PhotoVariant>> variants =
      media::MakeVariants(request.body);
  if (!variants.ok()) {
    Error(c, absl::IsInvalidArgument(variants.status()) ? 422 : 500,
          SV(variants.status().message()));
    return;
  }
  absl::StatusOr<store::Photo> photo = store_.AddPhoto(*variants);
  if (!photo.ok()) {
    ErrorFromStatus(c, photo.status());
    return;
  }
  nlohmann::json sizes = nlohmann::json::array();
  for (const store::PhotoVariant& v : *variants) {
    sizes.push_back({{"name", v.name},
                     {"width", v.width},
                     {"height", v.height},
                     {"content_type", v.content_type},
                     {"url", PhotoUrl(photo->id, v)}});
  }
  Json(c, 201, {{"id", photo->id}, {"sizes", std::move(sizes)}});
}

}  // namespace newsroom::server
