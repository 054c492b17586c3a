// What the route files of App (app.cc, comments.cc, moderation.cc,
// articles.cc, pages.cc, perspective_routes.cc) share. Not part of the
// server's interface.
#ifndef NEWSROOM_SERVER_APP_INTERNAL_H_
#define NEWSROOM_SERVER_APP_INTERNAL_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "http/server.h"
#include "moderation/rule_id.h"
#include "moderation/verdict.h"
#include "server/app.h"
#include "store/store.h"

namespace newsroom::server {

// One request on its way. Copyable: an answer that waits for the store
// carries its Context into the store's callback.
struct App::Context {
  absl::Time start;
  std::string route = "unmatched";  // the route's pattern, for metrics
  http::Responder respond;          // empty once answered
  std::shared_ptr<http::Request> log_request;  // method, target, address
  App* app = nullptr;
  // A route other sites may call from their pages (the embed): its answers,
  // errors included, carry Access-Control-Allow-Origin: *.
  bool cors = false;
  // The client takes gzip (Accept-Encoding): Respond compresses text.
  bool accept_gzip = false;
};

struct App::Viewer {
  store::User user;
  store::Session session;
};

// Debian's Abseil has its own string_view; these cross between the two.
inline absl::string_view AV(std::string_view s) { return {s.data(), s.size()}; }
inline std::string_view SV(absl::string_view s) { return {s.data(), s.size()}; }

inline constexpr char kSessionCookie[] = "newsroom_session";

// The ids of the rules `v` found violated, for Metrics::CountVerdict.
inline std::vector<std::string> ViolatedRules(const moderation::Verdict& v) {
  std::vector<std::string> rules;
  for (const moderation::Finding& f : v.findings) {
    if (f.violated) rules.emplace_back(moderation::RuleIdName(f.rule));
  }
  return rules;
}

// A number a reader's URL carries (a comment window's cursor or limit),
// written as the server writes it: 1 to `max`, decimal digits without a
// sign or leading zeros, so that one number has one spelling (cache keys
// are made of it). InvalidArgument naming `param` otherwise.
absl::StatusOr<int64_t> ParseUrlNumber(std::string_view param,
                                       std::string_view value, int64_t max);

}  // namespace newsroom::server

#endif  // NEWSROOM_SERVER_APP_INTERNAL_H_
