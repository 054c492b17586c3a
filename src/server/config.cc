#include "server/config.h"

#include <fstream>
#include <functional>
#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "store/store.h"
#include "toml++/toml.h"

namespace newsroom::server {
namespace {

std::string Where(std::string_view origin, const toml::node& node) {
  const toml::source_region& src = node.source();
  return absl::StrCat(std::string(origin), ":", src.begin.line, ":",
                      src.begin.column);
}

class Reader {
 public:
  Reader(std::string_view origin, const toml::table& root)
      : origin_(origin), root_(root) {}

  absl::Status Table(
      std::string_view name,
      const std::function<absl::Status(const toml::table&)>& body) {
    const toml::node* node = root_.get(name);
    if (node == nullptr) return absl::OkStatus();
    const toml::table* t = node->as_table();
    if (t == nullptr) {
      return absl::InvalidArgumentError(absl::StrCat(Where(origin_, *node),
                                                     ": [", std::string(name),
                                                     "] must be a table"));
    }
    table_ = std::string(name);
    return body(*t);
  }

  absl::Status String(const toml::table& t, std::string_view key,
                      std::string* out) {
    const toml::node* n = t.get(key);
    if (n == nullptr) return absl::OkStatus();
    if (!n->is_string()) return Wrong(*n, key, "a string");
    *out = n->as_string()->get();
    return absl::OkStatus();
  }
  absl::Status Bool(const toml::table& t, std::string_view key, bool* out) {
    const toml::node* n = t.get(key);
    if (n == nullptr) return absl::OkStatus();
    if (!n->is_boolean()) return Wrong(*n, key, "true or false");
    *out = n->as_boolean()->get();
    return absl::OkStatus();
  }
  template <typename Int>
  absl::Status Integer(const toml::table& t, std::string_view key, Int* out,
                       int64_t min, int64_t max) {
    const toml::node* n = t.get(key);
    if (n == nullptr) return absl::OkStatus();
    if (!n->is_integer()) return Wrong(*n, key, "an integer");
    int64_t v = n->as_integer()->get();
    if (v < min || v > max) {
      return Wrong(*n, key,
                   absl::StrCat("an integer in [", min, ", ", max, "]"));
    }
    *out = static_cast<Int>(v);
    return absl::OkStatus();
  }
  absl::Status Number(const toml::table& t, std::string_view key, double* out,
                      double min, double max) {
    const toml::node* n = t.get(key);
    if (n == nullptr) return absl::OkStatus();
    double v;
    if (n->is_integer()) {
      v = static_cast<double>(n->as_integer()->get());
    } else if (n->is_floating_point()) {
      v = n->as_floating_point()->get();
    } else {
      return Wrong(*n, key, "a number");
    }
    if (!(v >= min && v <= max)) {
      return Wrong(*n, key, absl::StrCat("a number in [", min, ", ", max, "]"));
    }
    *out = v;
    return absl::OkStatus();
  }
  absl::Status Known(const toml::table& t,
                     std::initializer_list<std::string_view> keys) {
    for (const auto& [key, node] : t) {
      bool known = false;
      for (std::string_view k : keys) known = known || key.str() == k;
      if (!known) {
        return absl::InvalidArgumentError(
            absl::StrCat(Where(origin_, node), ": unknown key ", table_, ".",
                         std::string(key.str())));
      }
    }
    return absl::OkStatus();
  }

 private:
  absl::Status Wrong(const toml::node& n, std::string_view key,
                     std::string_view what) {
    return absl::InvalidArgumentError(
        absl::StrCat(Where(origin_, n), ": ", table_, ".", std::string(key),
                     " must be ", std::string(what)));
  }

  std::string origin_;
  const toml::table& root_;
  std::string table_;
};

#define RETURN_IF_ERROR(expr)          \
  do {                                 \
    absl::Status status_ = (expr);     \
    if (!status_.ok()) return status_; \
  } while (false)

}  // namespace

absl::StatusOr<Config> ParseConfig(std::string_view text,
                                   std::string_view origin) {
  toml::table root;
  try {
    root = toml::parse(text, std::string(origin));
  } catch (const toml::parse_error& e) {
    return absl::InvalidArgumentError(absl::StrCat(
        std::string(origin), ":", e.source().begin.line, ":",
        e.source().begin.column, ": ", std::string(e.description())));
  }
  Config c;
  Reader r(origin, root);
  for (const auto& [key, node] : root) {
    std::string_view k = key.str();
    if (k != "server" && k != "database" && k != "comments" &&
        k != "sessions" && k != "site" && k != "perspective") {
      return absl::InvalidArgumentError(
          absl::StrCat(Where(origin, node), ": unknown table ", std::string(k),
                       " (known: server, database, comments, sessions, site, "
                       "perspective)"));
    }
  }
  RETURN_IF_ERROR(r.Table("server", [&](const toml::table& t) -> absl::Status {
    RETURN_IF_ERROR(r.Known(
        t, {"listen", "db", "threads", "workers", "worker_queue", "base_url",
            "max_body_bytes", "max_json_bytes", "access_log", "trust_proxy",
            "secure_cookies", "max_connections_per_client",
            "header_timeout_seconds", "page_cache_megabytes"}));
    RETURN_IF_ERROR(r.String(t, "listen", &c.listen));
    RETURN_IF_ERROR(r.String(t, "db", &c.db));
    RETURN_IF_ERROR(r.Integer(t, "threads", &c.threads, 0, 256));
    RETURN_IF_ERROR(r.Integer(t, "workers", &c.workers, 0, 256));
    RETURN_IF_ERROR(r.Integer(t, "worker_queue", &c.worker_queue, 1, 100000));
    RETURN_IF_ERROR(r.Integer(t, "max_connections_per_client",
                              &c.max_connections_per_client, 0, 1000000));
    RETURN_IF_ERROR(r.Integer(t, "header_timeout_seconds",
                              &c.header_timeout_seconds, 1, 3600));
    RETURN_IF_ERROR(r.Integer(t, "page_cache_megabytes",
                              &c.page_cache_megabytes, 0, 1 << 16));
    RETURN_IF_ERROR(r.String(t, "base_url", &c.base_url));
    RETURN_IF_ERROR(r.Integer(t, "max_body_bytes", &c.max_body_bytes, 1024,
                              int64_t{1} << 30));
    RETURN_IF_ERROR(r.Integer(t, "max_json_bytes", &c.max_json_bytes, 1024,
                              int64_t{16} << 20));
    RETURN_IF_ERROR(r.String(t, "access_log", &c.access_log));
    RETURN_IF_ERROR(r.Bool(t, "trust_proxy", &c.trust_proxy));
    return r.Bool(t, "secure_cookies", &c.secure_cookies);
  }));
  // [database] url; [server] db is the older spelling of the same setting.
  RETURN_IF_ERROR(
      r.Table("database", [&](const toml::table& t) -> absl::Status {
        RETURN_IF_ERROR(r.Known(t, {"url"}));
        if (root["server"]["db"] && t.contains("url")) {
          return absl::InvalidArgumentError(absl::StrCat(
              std::string(origin),
              ": the database is set twice, as [database] url and [server] db; "
              "keep [database] url"));
        }
        return r.String(t, "url", &c.db);
      }));
  RETURN_IF_ERROR(
      r.Table("comments", [&](const toml::table& t) -> absl::Status {
        RETURN_IF_ERROR(r.Known(
            t, {"rate_per_minute", "burst", "moderate_per_minute",
                "moderate_burst", "reports_per_hour", "report_threshold",
                "rejected_retention_days", "max_author_chars",
                "threads_per_page", "tell_commenter_reason"}));
        RETURN_IF_ERROR(
            r.Number(t, "rate_per_minute", &c.rate_per_minute, 0, 1e9));
        RETURN_IF_ERROR(r.Number(t, "burst", &c.burst, 1, 1e9));
        RETURN_IF_ERROR(
            r.Number(t, "moderate_per_minute", &c.moderate_per_minute, 0, 1e9));
        RETURN_IF_ERROR(
            r.Number(t, "moderate_burst", &c.moderate_burst, 1, 1e9));
        RETURN_IF_ERROR(
            r.Number(t, "reports_per_hour", &c.reports_per_hour, 0, 1e9));
        RETURN_IF_ERROR(
            r.Integer(t, "report_threshold", &c.report_threshold, 1, 1000000));
        RETURN_IF_ERROR(r.Integer(t, "rejected_retention_days",
                                  &c.rejected_retention_days, 0, 36500));
        RETURN_IF_ERROR(
            r.Integer(t, "max_author_chars", &c.max_author_chars, 1, 1000));
        RETURN_IF_ERROR(r.Integer(t, "threads_per_page", &c.threads_per_page, 1,
                                  store::kMaxWindowThreads));
        return r.Bool(t, "tell_commenter_reason", &c.tell_commenter_reason);
      }));
  RETURN_IF_ERROR(
      r.Table("sessions", [&](const toml::table& t) -> absl::Status {
        RETURN_IF_ERROR(r.Known(t, {"session_hours", "login_max_failures",
                                    "login_window_minutes"}));
        RETURN_IF_ERROR(
            r.Integer(t, "session_hours", &c.session_hours, 1, 24 * 90));
        RETURN_IF_ERROR(
            r.Integer(t, "login_max_failures", &c.login_max_failures, 1, 1000));
        return r.Integer(t, "login_window_minutes", &c.login_window_minutes, 1,
                         24 * 60);
      }));
  RETURN_IF_ERROR(r.Table("site", [&](const toml::table& t) -> absl::Status {
    RETURN_IF_ERROR(r.Known(t, {"name", "lang", "demo_content", "assets_dir"}));
    RETURN_IF_ERROR(r.String(t, "name", &c.site_name));
    RETURN_IF_ERROR(r.String(t, "lang", &c.lang));
    if (c.lang != "tr" && c.lang != "en") {
      return absl::InvalidArgumentError(
          absl::StrCat(Where(origin, *t.get("lang")),
                       ": site.lang must be \"tr\" or \"en\""));
    }
    RETURN_IF_ERROR(r.Bool(t, "demo_content", &c.demo_content));
    return r.String(t, "assets_dir", &c.assets_dir);
  }));
  RETURN_IF_ERROR(
      r.Table("perspective", [&](const toml::table& t) -> absl::Status {
        RETURN_IF_ERROR(r.Known(
            t, {"requests_per_minute", "key_cache_seconds", "calibration"}));
        RETURN_IF_ERROR(r.Number(t, "requests_per_minute",
                                 &c.perspective_requests_per_minute, 0, 1e9));
        RETURN_IF_ERROR(r.Integer(t, "key_cache_seconds",
                                  &c.perspective_key_cache_seconds, 0, 3600));
        return r.String(t, "calibration", &c.perspective_calibration);
      }));
  return c;
}

absl::StatusOr<Config> LoadConfigFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(absl::StrCat("cannot read config file ", path));
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return ParseConfig(ss.str(), path);
}

}  // namespace newsroom::server
