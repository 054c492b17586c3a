// An HTTP/1.1 server: Newsroom's own small interface over Boost.Beast/Asio.
//
//   http::ServerOptions options;
//   options.port = 0;  // any free port
//   auto server = http::Server::Start(options, [](http::Request request,
//                                                 http::Responder respond) {
//     respond(http::Response{.status = 200, .body = "ok"});
//   });
//   if (!server.ok()) return server.status();
//   std::cout << (*server)->port();
//   (*server)->Wait();  // until SIGINT/SIGTERM or Stop()
//
// Beast and Asio are included only by server.cc: they cost half a minute of
// compile time per translation unit, and nothing else needs to know them.
//
// A handler is called on one of the I/O threads with the whole request (the
// body already read, within the size limit). It answers by calling the
// Responder exactly once, at once or later from any thread: a comment post
// answers after its durable commit, from the store's writer thread. A
// Responder that is dropped without being called answers 500, so a
// connection never hangs.
//
// The server itself answers what never reaches a handler: a malformed
// request (400: also chunk extensions or trailers over the header limit,
// and a Transfer-Encoding that does not end in chunked), a body over the
// limit (413), headers over the limit (431), and a connection over the
// per-address or total limits (503, except for essential paths such as
// /healthz); each with a JSON error body (ErrorBody below).
#ifndef NEWSROOM_HTTP_SERVER_H_
#define NEWSROOM_HTTP_SERVER_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace newsroom::http {

struct Header {
  std::string name;  // lower case in a Request; as given in a Response
  std::string value;
};

struct Request {
  std::string method;  // "GET", "POST", … as sent
  std::string target;  // as sent: path and query
  std::string path;    // target before '?', not percent-decoded
  std::string query;   // target after '?', without it; may be empty
  std::vector<Header> headers;
  std::string body;
  std::string remote_address;  // peer IP address, "127.0.0.1"

  // The first header of that name (case-insensitive); empty when absent.
  std::string_view header(std::string_view name) const;
  // The percent-decoded value of a query parameter; nullopt when absent.
  std::optional<std::string> query_param(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::vector<Header> headers;  // extra headers: Set-Cookie, Location, …
  std::string body;
};

// Answers the request; call exactly once, from any thread.
using Responder = std::function<void(Response)>;
using Handler = std::function<void(Request request, Responder respond)>;

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;  // 0: a free port, see Server::port()
  int threads = 0;       // I/O threads; 0: one per core
  size_t max_body_bytes = 1 << 20;
  // The request line and headers; also the most chunk extensions and
  // trailers a chunked body may carry, all chunks together.
  size_t max_header_bytes = 16 << 10;
  // Time to send a request's headers, counted from the end of the previous
  // answer (or the connection's start): the longest a kept-alive
  // connection waits idle, and all a slow client gets to dribble headers.
  std::chrono::seconds header_timeout{10};
  // Time to send a body, and to read an answer.
  std::chrono::seconds idle_timeout{60};
  // Open connections one client address may hold; 0: no limit. A
  // connection beyond is answered 503 (Retry-After) and closed, unless it
  // asks for one of `essential_paths`.
  int max_connections_per_address = 0;
  // Open connections in all; 0: the process's descriptor limit
  // (RLIMIT_NOFILE) less `reserved_descriptors`, which stay free for the
  // database, logs and the like. Beyond, new connections are refused as
  // above, so that the server never runs out of descriptors for its own
  // work and health checks are still answered.
  int max_connections = 0;
  int reserved_descriptors = 64;
  // Paths answered even on a refused connection (load balancers' checks).
  std::vector<std::string> essential_paths = {"/healthz"};
  // Stop() lets answers in flight finish for at most this long.
  std::chrono::seconds drain_timeout{10};
};

class Server {
 public:
  // Binds, listens and starts the I/O threads. An error names the address
  // that could not be bound and why.
  static absl::StatusOr<std::unique_ptr<Server>> Start(ServerOptions options,
                                                       Handler handler);

  virtual ~Server() = default;  // stops and joins

  // The port actually bound (useful with options.port = 0).
  virtual uint16_t port() const = 0;
  // Blocks until SIGINT or SIGTERM arrives or Stop() is called. After a
  // signal, the process ignores further SIGINT and SIGTERM, so that a
  // second one cannot cut the drain of Stop() short (it is bounded by
  // drain_timeout; SIGKILL still stops the process at once).
  virtual void Wait() = 0;
  // Stops accepting, closes idle connections, lets requests in flight be
  // answered (for at most options.drain_timeout), closes the rest, joins
  // the I/O threads. Idempotent.
  virtual void Stop() = 0;
};

// {"error": {"code": 413, "status": "PAYLOAD_TOO_LARGE", "message": "…"}}:
// the JSON error body every Newsroom error answer carries.
std::string ErrorBody(int status, std::string_view message);
// "PAYLOAD_TOO_LARGE" for 413, "NOT_FOUND" for 404, … (canonical names).
std::string_view StatusName(int status);

// "127.0.0.1:8080" → host and port; "[::1]:80" for IPv6. An error says
// what is wrong with the text.
absl::StatusOr<std::pair<std::string, uint16_t>> ParseListenAddress(
    std::string_view text);

// Percent-decodes a URL component ('+' as space when form is true).
// nullopt on a malformed escape.
std::optional<std::string> PercentDecode(std::string_view text,
                                         bool form = false);

}  // namespace newsroom::http

#endif  // NEWSROOM_HTTP_SERVER_H_
