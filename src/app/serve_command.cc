// `newsroom serve [--listen 127.0.0.1:8080] [--db sqlite:newsroom.db]
//                 [--config FILE] [--policy FILE] [--rate-limit N] …`
//
// The news site: opens (creating and migrating) the database, builds the
// moderation engine and loads the Perspective API's calibration once, gives
// an empty database the demo article, and serves until SIGINT or SIGTERM.
// Prints "listening on HOST:PORT" on stdout once it accepts connections
// (with --listen HOST:0 the port is a free one, which tests read there).
#include <condition_variable>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <thread>

#include "app/commands.h"
#include "app/engine_loader.h"
#include "auth/auth.h"
#include "datadir/datadir.h"
#include "http/server.h"
#include "media/photo.h"
#include "server/app.h"
#include "server/config.h"
#include "server/perspective.h"
#include "store/store.h"

namespace newsroom::app {
namespace {

struct Options {
  std::string config;
  std::string policy;
  std::string listen;
  std::string db;
  std::string access_log;
  std::string base_url;
  double rate_limit = -1;
  int threads = -1;
  bool no_demo = false;
};

// 127.0.0.0/8, ::1, localhost: only this machine can connect.
bool IsLoopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

int Fail(const absl::Status& status) {
  std::cerr << "newsroom serve: " << status.message() << "\n";
  return 1;
}

int RunServe(const Options& o) {
  server::Config config;
  if (!o.config.empty()) {
    absl::StatusOr<server::Config> loaded = server::LoadConfigFile(o.config);
    if (!loaded.ok()) return Fail(loaded.status());
    config = *std::move(loaded);
  }
  if (!o.listen.empty()) config.listen = o.listen;
  if (!o.db.empty()) config.db = o.db;
  if (!o.access_log.empty()) config.access_log = o.access_log;
  if (o.rate_limit >= 0) config.rate_per_minute = o.rate_limit;
  if (o.threads >= 0) config.threads = o.threads;
  if (o.no_demo) config.demo_content = false;

  absl::StatusOr<std::pair<std::string, uint16_t>> address =
      http::ParseListenAddress(config.listen);
  if (!address.ok()) return Fail(address.status());
  if (!o.base_url.empty()) config.base_url = o.base_url;
  // A site others reach must not build its links from the request's Host
  // header (RSS, canonical and Open Graph links, share links).
  if (config.base_url.empty() && !IsLoopback(address->first)) {
    return Fail(absl::InvalidArgumentError(
        "listening on " + config.listen +
        " needs the site's public address: set [server] base_url in the "
        "config or pass --base-url https://haber.example.com"));
  }
  if (!datadir::Found()) {
    return Fail(absl::NotFoundError(
        "no data directory at " + datadir::Get() +
        ": pass --data-dir DIR (the repository's data/, or where it is "
        "installed)"));
  }
  if (absl::Status s = auth::Init(); !s.ok()) return Fail(s);
  if (absl::Status s = media::Init(); !s.ok()) return Fail(s);

  absl::StatusOr<std::unique_ptr<store::Store>> store = store::Open(config.db);
  if (!store.ok()) return Fail(store.status());
  // The Perspective API's TOXICITY calibration: read once, here (before
  // the engine, which takes seconds), so that a broken file stops the start
  // and never fails a request.
  absl::StatusOr<server::perspective::Calibration> calibration =
      server::perspective::Calibration::Load(
          config.perspective_calibration.empty()
              ? server::perspective::DefaultCalibrationPath()
              : config.perspective_calibration);
  if (!calibration.ok()) return Fail(calibration.status());
  absl::StatusOr<std::unique_ptr<const moderation::Engine>> engine =
      LoadEngine(o.policy);
  if (!engine.ok()) return Fail(engine.status());
  // Not on a reader's comment while an I/O thread waits.
  (*engine)->WarmUp();

  server::App site(**engine, **store, config, *std::move(calibration));
  if (config.demo_content) {
    if (absl::Status s = site.SeedDemoContent(datadir::Get()); !s.ok()) {
      return Fail(s);
    }
  }
  if (absl::Status s = site.PurgeModerationLog(); !s.ok()) return Fail(s);

  http::ServerOptions options;
  options.host = address->first;
  options.port = address->second;
  options.threads = config.threads;
  options.max_body_bytes = config.max_body_bytes;
  options.header_timeout = std::chrono::seconds(config.header_timeout_seconds);
  // Behind a reverse proxy every connection comes from the proxy's address:
  // the proxy limits clients, not this cap.
  options.max_connections_per_address =
      config.trust_proxy ? 0 : config.max_connections_per_client;
  absl::StatusOr<std::unique_ptr<http::Server>> http = http::Server::Start(
      options, [&site](http::Request request, http::Responder respond) {
        site.Handle(std::move(request), std::move(respond));
      });
  if (!http.ok()) return Fail(http.status());
  // The moderation log forgets refused comments after the retention
  // period: checked at start (above) and every hour.
  std::mutex purge_mu;
  std::condition_variable purge_cv;
  bool stopping = false;
  std::thread purger([&] {
    std::unique_lock<std::mutex> lock(purge_mu);
    while (!purge_cv.wait_for(lock, std::chrono::hours(1),
                              [&] { return stopping; })) {
      if (absl::Status s = site.PurgeModerationLog(); !s.ok()) {
        std::cerr << "newsroom: purging the moderation log: " << s.message()
                  << "\n";
      }
    }
  });
  std::cout << "listening on " << address->first << ":" << (*http)->port()
            << std::endl;
  std::cerr << "newsroom: serving http://" << address->first << ":"
            << (*http)->port() << "/ from " << config.db << "\n";
  (*http)->Wait();
  (*http)->Stop();
  {
    std::lock_guard<std::mutex> lock(purge_mu);
    stopping = true;
  }
  purge_cv.notify_all();
  purger.join();
  std::cerr << "newsroom: stopped\n";
  return 0;
}

}  // namespace

void RegisterServeCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "serve",
      "Serve the news site: article pages, comments through the "
      "policy, the moderators' queue and the JSON API.");
  cmd->add_option("--config", options->config,
                  "Server settings (TOML; see config/server.toml)");
  cmd->add_option("--policy", options->policy,
                  "Comment policy (TOML; default: the built-in policy, as "
                  "config/policy.toml)");
  cmd->add_option("--listen", options->listen,
                  "Address to listen on, HOST:PORT (default 127.0.0.1:8080; "
                  "port 0 takes a free one)");
  cmd->add_option("--base-url", options->base_url,
                  "The site's public address (https://haber.example.com); "
                  "required when listening beyond this machine");
  cmd->add_option(
      "--db", options->db,
      "Database URL: sqlite:PATH, or postgresql://USER@HOST:PORT/DBNAME "
      "for a site of several nodes (default sqlite:newsroom.db)");
  cmd->add_option("--rate-limit", options->rate_limit,
                  "Comments per minute per client; 0 switches the limit off "
                  "(default 6)");
  cmd->add_option("--threads", options->threads,
                  "I/O threads (default 0: one per core)");
  cmd->add_option(
      "--access-log", options->access_log,
      "Where request lines go: - (stderr, default), off, or a file");
  cmd->add_flag("--no-demo", options->no_demo,
                "Do not give an empty database the demo article");
  cmd->callback([options, exit_code] { *exit_code = RunServe(*options); });
}

}  // namespace newsroom::app
