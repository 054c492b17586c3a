// What the site serves from memory: the browser script and style sheet
// under names that carry a hash of their content, the embed script, the
// logo and the icons; and the gzip that every compressible answer gets
// when the browser takes it.
//
// A name with a content hash ("newsroom-CUCLEO9-.js", "site-1f3a09c2.css")
// never serves other bytes, so browsers may keep it for a year without
// asking again (Cache-Control: immutable); a new build is a new name,
// which the pages link to. The script's name is Vite's (web/vite.config.ts)
// and is found in the assets directory at start; the style sheet's is an
// FNV-1a hash of its text. Everything is read and compressed once, at
// start: serving an asset is a map look-up.
//
// Tested by tests/integration/seo_test.py (assets, gzip, immutable).
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "http/compress.h"
#include "media/photo.h"
#include "server/app.h"
#include "server/app_internal.h"
#include "site/internal/html.h"
#include "text/hash.h"

namespace newsroom::server {
namespace {

std::string ContentHash(std::string_view bytes) {
  const uint64_t h = text::Fnv1a64(bytes);
  return absl::StrFormat("%08x", static_cast<uint32_t>(h ^ (h >> 32)));
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

constexpr char kImmutable[] = "public, max-age=31536000, immutable";
constexpr char kShort[] = "public, max-age=300";

}  // namespace

void App::AddAsset(std::string name, std::string content_type,
                   std::string cache_control, std::string body) {
  StaticAsset a;
  a.content_type = std::move(content_type);
  a.cache_control = std::move(cache_control);
  if (http::Compressible(a.content_type) && body.size() >= 1024) {
    a.gzip = http::Gzip(body, 9);
  }
  a.body = std::move(body);
  assets_[std::move(name)] = std::move(a);
}

void App::LoadAssets() {
  const std::string css(site::DefaultStylesheet());
  stylesheet_path_ = absl::StrCat("/assets/site-", ContentHash(css), ".css");
  AddAsset(stylesheet_path_.substr(8), "text/css; charset=utf-8", kImmutable,
           css);
  AddAsset("site.css", "text/css; charset=utf-8", kShort, css);  // old links

  // The newest newsroom-<hash>.js of the assets directory.
  std::error_code error;
  std::filesystem::path newest;
  std::filesystem::file_time_type newest_time;
  for (const auto& entry :
       std::filesystem::directory_iterator(assets_dir_, error)) {
    const std::string name = entry.path().filename().string();
    if (!absl::StartsWith(name, "newsroom-") || !absl::EndsWith(name, ".js")) {
      continue;
    }
    const auto time = entry.last_write_time(error);
    if (newest.empty() || time > newest_time) {
      newest = entry.path();
      newest_time = time;
    }
  }
  if (!newest.empty()) {
    const std::string name = newest.filename().string();
    script_path_ = absl::StrCat("/assets/", name);
    AddAsset(name, "text/javascript; charset=utf-8", kImmutable,
             ReadFile(newest));
  }
  // Other sites link embed.js by that name: kept short.
  const std::filesystem::path embed =
      std::filesystem::path(assets_dir_) / "embed.js";
  if (std::filesystem::exists(embed, error)) {
    AddAsset("embed.js", "text/javascript; charset=utf-8", kShort,
             ReadFile(embed));
  }

  if (absl::StatusOr<std::string> logo =
          media::MakeLogo(site::internal::kLogoSize);
      logo.ok()) {
    AddAsset("logo.png", "image/png", "public, max-age=86400",
             *std::move(logo));
  }
  if (absl::StatusOr<std::string> icon = media::MakeLogo(32); icon.ok()) {
    favicon_png_ = *std::move(icon);
  }
}

void App::Asset(Context& c, const http::Request&, const PathParams& p) {
  const std::string_view name = p.Get("file");
  auto it = assets_.find(std::string(name));
  if (it == assets_.end()) {
    Error(c, 404, absl::StrCat("no asset ", std::string(name)));
    return;
  }
  const StaticAsset& a = it->second;
  http::Response r;
  r.content_type = a.content_type;
  r.headers.push_back({"Cache-Control", a.cache_control});
  if (!a.gzip.empty() && c.accept_gzip) {
    r.headers.push_back({"Content-Encoding", "gzip"});
    r.body = a.gzip;
  } else {
    r.body = a.body;
  }
  Respond(c, std::move(r));
}

void App::Favicon(Context& c, const http::Request& request, const PathParams&) {
  const bool svg = absl::EndsWith(AV(request.path), ".svg");
  http::Response r;
  r.headers.push_back({"Cache-Control", "public, max-age=86400"});
  if (svg || favicon_png_.empty()) {
    r.content_type = "image/svg+xml";
    r.body = std::string(site::internal::FaviconSvg());
  } else {
    r.content_type = "image/png";
    r.body = favicon_png_;
  }
  Respond(c, std::move(r));
}

void App::Compress(Context& c, http::Response& response) {
  bool vary = false;
  bool encoded = false;
  for (const http::Header& h : response.headers) {
    if (absl::EqualsIgnoreCase(AV(h.name), "content-encoding")) encoded = true;
    if (absl::EqualsIgnoreCase(AV(h.name), "vary")) vary = true;
  }
  if (!http::Compressible(response.content_type)) return;
  if (!vary) response.headers.push_back({"Vary", "Accept-Encoding"});
  if (encoded || !c.accept_gzip || response.body.size() < 1024 ||
      response.status == 204 || response.status == 304) {
    return;
  }
  response.body = http::Gzip(response.body, 5);
  response.headers.push_back({"Content-Encoding", "gzip"});
}

}  // namespace newsroom::server
