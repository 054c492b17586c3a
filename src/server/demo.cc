// The demo content a new, empty database gets: an article Newsroom wrote
// (data/demo/site/article.toml, or its English edition in
// data/demo/site/en/ for an English site), a photo it draws
// (media::MakeDemoPhoto), and a few readers' comments that go through the
// engine like any other.
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "media/photo.h"
#include "moderation/verdict_json.h"
#include "server/app.h"
#include "server/app_internal.h"
#include "toml++/toml.h"

namespace newsroom::server {
namespace {

absl::StatusOr<toml::table> ReadToml(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::stringstream ss;
  ss << in.rdbuf();
  try {
    return toml::parse(ss.str(), path);
  } catch (const toml::parse_error& e) {
    return absl::InvalidArgumentError(absl::StrCat(
        path, ":", e.source().begin.line, ": ", std::string(e.description())));
  }
}

}  // namespace

absl::Status App::SeedDemoContent(const std::string& data_dir) {
  // Any article, a draft too, means the site is not new.
  absl::StatusOr<std::vector<store::ArticleSummary>> existing =
      store_.ListArticleSummaries(1);
  if (!existing.ok()) return existing.status();
  if (!existing->empty()) return absl::OkStatus();

  // An English site starts with the English edition of the story.
  const std::string dir =
      data_dir + (config_.lang == "en" ? "/demo/site/en" : "/demo/site");
  absl::StatusOr<toml::table> article_toml = ReadToml(dir + "/article.toml");
  if (!article_toml.ok()) return article_toml.status();
  store::Article a;
  auto get = [&](const char* key, std::string* out) -> absl::Status {
    std::optional<std::string> v = (*article_toml)[key].value<std::string>();
    if (!v) {
      return absl::InvalidArgumentError(
          absl::StrCat(dir, "/article.toml: missing string ", key));
    }
    *out = *v;
    return absl::OkStatus();
  };
  for (auto [key, out] :
       std::initializer_list<std::pair<const char*, std::string*>>{
           {"slug", &a.slug},
           {"headline", &a.headline},
           {"lead", &a.lead},
           {"body", &a.body},
           {"photo_caption", &a.photo_caption},
           {"photo_credit", &a.photo_credit},
           {"source", &a.source},
           {"author", &a.author}}) {
    absl::Status s = get(key, out);
    if (!s.ok()) return s;
  }

  absl::StatusOr<std::string> jpeg = media::MakeDemoPhoto();
  if (!jpeg.ok()) return jpeg.status();
  absl::StatusOr<std::vector<store::PhotoVariant>> variants =
      media::MakeVariants(*jpeg);
  if (!variants.ok()) return variants.status();
  absl::StatusOr<store::Photo> photo = store_.AddPhoto(*std::move(variants));
  if (!photo.ok()) return photo.status();
  a.photo_id = photo->id;
  // Published a little while ago and updated since, as a running story is.
  a.published_at = absl::Now() - absl::Hours(3);
  absl::StatusOr<store::Article> created = store_.CreateArticle(a, "demo");
  // Another node on the same database, started at the same moment, seeded
  // it first (its photo stays, unused).
  if (absl::IsAlreadyExists(created.status())) return absl::OkStatus();
  if (!created.ok()) return created.status();
  created->lead = a.lead;
  absl::StatusOr<store::Article> updated =
      store_.UpdateArticle(*created, "demo");
  if (!updated.ok()) return updated.status();

  absl::StatusOr<toml::table> comments_toml = ReadToml(dir + "/comments.toml");
  if (!comments_toml.ok()) {
    ArticlesChanged();
    return absl::IsNotFound(comments_toml.status()) ? absl::OkStatus()
                                                    : comments_toml.status();
  }
  const toml::array* list = (*comments_toml)["comments"].as_array();
  std::vector<std::optional<int64_t>> ids;
  if (list != nullptr) {
    for (const toml::node& node : *list) {
      const toml::table* t = node.as_table();
      if (t == nullptr) continue;
      store::NewComment c;
      c.article_id = created->id;
      c.author = (*t)["author"].value_or(std::string("Okur"));
      c.text = (*t)["text"].value_or(std::string());
      if (auto reply = (*t)["reply_to"].value<int64_t>()) {
        if (*reply >= 0 && static_cast<size_t>(*reply) < ids.size() &&
            ids[*reply]) {
          c.parent_id = ids[*reply];
        }
      }
      absl::StatusOr<moderation::Verdict> v = engine_.Moderate(c.text);
      if (!v.ok() || v->decision != moderation::Decision::kApprove) {
        // A demo comment the engine would not publish stays out.
        ids.push_back(std::nullopt);
        continue;
      }
      c.status = store::CommentStatus::kApproved;
      c.verdict_json = moderation::VerdictToJson(*v).dump();
      c.client = "demo";
      absl::StatusOr<store::Comment> stored =
          store_.AddCommentAndWait(std::move(c));
      if (!stored.ok()) return stored.status();
      ids.push_back(stored->id);
    }
  }
  ArticlesChanged();
  return absl::OkStatus();
}

}  // namespace newsroom::server
