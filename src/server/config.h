// How `newsroom serve` runs: the [server], [database], [comments],
// [sessions], [site] and [perspective] tables of config/server.toml, each value
// overridable on the command line. Every field's default is the one written
// here and in config/server.toml.
#ifndef NEWSROOM_SERVER_CONFIG_H_
#define NEWSROOM_SERVER_CONFIG_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace newsroom::server {

struct Config {
  // [server]
  std::string listen = "127.0.0.1:8080";
  // [database] url (also read from [server] db, its older spelling).
  std::string db = "sqlite:newsroom.db";
  int threads = 0;  // 0: one I/O thread per core
  // Threads for the engine and image work, off the I/O threads (0: one per
  // core), and how many requests may wait for them before 503.
  int workers = 0;
  int worker_queue = 256;
  // The site's public address for links that leave the page (Open Graph,
  // RSS, share links). Empty: http://{listen}.
  std::string base_url;
  size_t max_body_bytes = 16 << 20;  // photo uploads
  size_t max_json_bytes = 64 << 10;  // every JSON or form request
  std::string access_log = "-";      // "-" stderr, "off", or a file path
  // Behind a reverse proxy: take the client address from X-Forwarded-For
  // and TLS from X-Forwarded-Proto.
  bool trust_proxy = false;
  // Mark cookies Secure even without X-Forwarded-Proto (site served over
  // TLS by a proxy that does not say so).
  bool secure_cookies = false;
  // Open connections one client address may hold; beyond, a new one is
  // answered 503 and closed. 0: no limit. Not applied with trust_proxy
  // (behind a reverse proxy every connection comes from the proxy's
  // address).
  int max_connections_per_client = 64;
  // Seconds a client has to send a request's headers (including the wait
  // for the next request on a kept-alive connection).
  int header_timeout_seconds = 10;
  // Rendered pages and comment lists kept in memory, in MiB.
  int page_cache_megabytes = 64;

  // [comments]
  double rate_per_minute = 6;  // per client; 0 switches the limit off
  double burst = 3;
  // Draft checks (POST /api/v1/moderate) per client: the comment form asks
  // as the reader types, at most every 400 ms. 0 switches the limit off.
  double moderate_per_minute = 120;
  double moderate_burst = 30;
  // Reports per client per hour (a burst of a fifth of it at once).
  double reports_per_hour = 20;
  int report_threshold = 3;          // reports that send a comment to review
  int rejected_retention_days = 30;  // the moderation log's memory
  int max_author_chars = 80;
  // Threads of comments on one page of an article (and the embed's list
  // by default): the rest are a link ("Older comments") away.
  int threads_per_page = 50;
  // A commenter whose comment a moderator rejected with a reason is told
  // the reason (the clause of the policy), when they ask with the receipt
  // their post was answered with.
  bool tell_commenter_reason = true;

  // [sessions]
  int session_hours = 12;
  int login_max_failures = 5;
  int login_window_minutes = 15;

  // [site]
  std::string site_name = "Newsroom";
  std::string lang = "tr";   // "tr" or "en": the interface's language
  bool demo_content = true;  // a new, empty database gets the demo article
  // Built browser assets; empty: web/ in the data directory, or the
  // repository's web/dist/ beside data/.
  std::string assets_dir;

  // [perspective] — the Perspective API routes (docs/perspective.md).
  // Requests per minute per API key, with bursts of up to a minute's worth;
  // over it, 429 RESOURCE_EXHAUSTED with Retry-After. 0 switches the limit
  // off (load tests). Coral calls once per comment posted and once per
  // moderator decision.
  double perspective_requests_per_minute = 600;
  // Seconds a key found valid is trusted without asking the database again:
  // a revoked key stops working within this time. 0 asks on every request
  // (one indexed SQLite read); unknown keys are never cached.
  int perspective_key_cache_seconds = 5;
  // The TOXICITY calibration, loaded once at start (a broken file stops the
  // start). Empty: DATA_DIR/models/perspective-calibration.txt.
  std::string perspective_calibration;
};

// Parses config TOML text; `origin` names it in errors ("server.toml:12:
// comments.burst must be a number"). Unknown keys are errors too: a
// misspelt setting must not be silently ignored.
absl::StatusOr<Config> ParseConfig(std::string_view toml,
                                   std::string_view origin);
absl::StatusOr<Config> LoadConfigFile(const std::string& path);

}  // namespace newsroom::server

#endif  // NEWSROOM_SERVER_CONFIG_H_
