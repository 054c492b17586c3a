// The HTTP server: Boost.Beast parses and serializes, Boost.Asio runs the
// sockets; everything Newsroom sees is the small interface of server.h.
//
// Threads. The server runs one io_context per I/O thread. One acceptor
// (on the first context) hands each accepted connection to the next context
// in turn, and the connection lives on that context's single thread from
// then on: its reads, its writes, its handler call, its timer. No strand
// and no lock is needed on the path of a request, and a response that is
// ready at once is written without leaving the thread. (Measured against a
// single io_context run by every thread with a strand per connection; see
// BENCHMARKS.md.)
//
// A connection. One request at a time, in the order they arrive: the next
// request (possibly already in the buffer, pipelined) is read only after
// the previous response is written. The parser enforces the header and
// body limits; a request it rejects is answered by the server itself with a
// JSON error (400, 413 or 431) and the connection is closed after it. The
// idle timeout covers the wait for the next request and the time to read
// it, and also the time to write a response; it is off while a handler
// holds the request. Closing after an answer is "lingering": the server
// stops sending, then reads and discards what the client still sends for a
// moment, so that the client reads the answer instead of a reset.
//
// Responses. The server writes Server, Date, Content-Type and
// Content-Length (none for 204 and 304; for HEAD the length of the body it
// does not send) and decides Connection itself; a handler's copy of a
// framing header is not sent. A response with a status outside 200-999 or
// a header that could split the response (a line break in a value, a name
// that is not a token) is replaced by a 500. A handler that throws answers
// 500 through its dropped Responder.
//
// Responders. A Responder shares a small state with the connection that
// only knows it weakly. Called on the connection's thread, it writes at
// once; called from another thread, it posts the response to that thread.
// Dropped without being called, the state's destructor answers 500. The
// connection keeps itself alive while its handler has the request.
//
// Stopping. Stop() closes the acceptor and every open connection on their
// own threads, lets the threads run out of work, and joins them. After
// that, a Responder called late finds the server's gate closed and drops
// its response: the connection it would have answered is gone. Stop()
// called by a handler does not join its own thread; the Server must not be
// destroyed on one of its I/O threads.
//
// Tested by server_test.cc.

#include "http/server.h"

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <charconv>
#include <condition_variable>
#include <csignal>
#include <exception>
#include <iostream>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "nlohmann/json.hpp"

namespace newsroom::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = boost::asio::ip::tcp;

// ---------------------------------------------------------------------------
// Text helpers.

namespace {

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string Str(std::string_view s) { return std::string(s); }

}  // namespace

std::string_view Request::header(std::string_view name) const {
  for (const Header& h : headers) {
    if (EqualsIgnoreCase(h.name, name)) return h.value;
  }
  return {};
}

// The first pair whose decoded name matches; a pair with a malformed escape
// is skipped as if absent. "a" (no '=') has the value "".
std::optional<std::string> Request::query_param(std::string_view name) const {
  std::string_view rest = query;
  while (!rest.empty()) {
    size_t amp = rest.find('&');
    std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view()
                                         : rest.substr(amp + 1);
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    std::optional<std::string> key =
        PercentDecode(pair.substr(0, eq), /*form=*/true);
    if (!key || *key != name) continue;
    if (eq == std::string_view::npos) return std::string();
    std::optional<std::string> value =
        PercentDecode(pair.substr(eq + 1), /*form=*/true);
    if (value) return value;
  }
  return std::nullopt;
}

std::optional<std::string> PercentDecode(std::string_view text, bool form) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      int hi = HexValue(text[i + 1]);
      int lo = HexValue(text[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (c == '+' && form) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

absl::StatusOr<std::pair<std::string, uint16_t>> ParseListenAddress(
    std::string_view text) {
  const std::string quoted = absl::StrCat("'", Str(text), "'");
  std::string_view host;
  std::string_view port;
  if (!text.empty() && text.front() == '[') {
    size_t close = text.find(']');
    if (close == std::string_view::npos) {
      return absl::InvalidArgumentError(
          absl::StrCat("listen address ", quoted,
                       " opens '[' for an IPv6 host without ']'"));
    }
    host = text.substr(1, close - 1);
    std::string_view after = text.substr(close + 1);
    if (after.empty() || after.front() != ':') {
      return absl::InvalidArgumentError(absl::StrCat(
          "listen address ", quoted, " has no port; write it as [host]:port"));
    }
    port = after.substr(1);
  } else {
    size_t colon = text.rfind(':');
    if (colon == std::string_view::npos) {
      return absl::InvalidArgumentError(absl::StrCat(
          "listen address ", quoted, " has no port; write it as host:port"));
    }
    host = text.substr(0, colon);
    port = text.substr(colon + 1);
    if (host.find(':') != std::string_view::npos) {
      return absl::InvalidArgumentError(
          absl::StrCat("listen address ", quoted,
                       ": an IPv6 host goes in brackets, as [::1]:8080"));
    }
  }
  if (host.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("listen address ", quoted, " has an empty host"));
  }
  if (port.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("listen address ", quoted, " has an empty port"));
  }
  unsigned value = 0;
  auto [end, ec] =
      std::from_chars(port.data(), port.data() + port.size(), value);
  if (ec == std::errc::result_out_of_range ||
      (ec == std::errc() && end == port.data() + port.size() &&
       value > 65535)) {
    return absl::InvalidArgumentError(
        absl::StrCat("listen address ", quoted, ": port ", Str(port),
                     " is out of range (0-65535)"));
  }
  if (ec != std::errc() || end != port.data() + port.size()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "listen address ", quoted, ": port '", Str(port), "' is not a number"));
  }
  return std::make_pair(Str(host), static_cast<uint16_t>(value));
}

std::string_view StatusName(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "CREATED";
    case 202:
      return "ACCEPTED";
    case 204:
      return "NO_CONTENT";
    case 301:
      return "MOVED_PERMANENTLY";
    case 302:
      return "FOUND";
    case 303:
      return "SEE_OTHER";
    case 304:
      return "NOT_MODIFIED";
    case 307:
      return "TEMPORARY_REDIRECT";
    case 308:
      return "PERMANENT_REDIRECT";
    case 400:
      return "BAD_REQUEST";
    case 401:
      return "UNAUTHORIZED";
    case 403:
      return "FORBIDDEN";
    case 404:
      return "NOT_FOUND";
    case 405:
      return "METHOD_NOT_ALLOWED";
    case 406:
      return "NOT_ACCEPTABLE";
    case 408:
      return "REQUEST_TIMEOUT";
    case 409:
      return "CONFLICT";
    case 410:
      return "GONE";
    case 411:
      return "LENGTH_REQUIRED";
    case 412:
      return "PRECONDITION_FAILED";
    case 413:
      return "PAYLOAD_TOO_LARGE";
    case 414:
      return "URI_TOO_LONG";
    case 415:
      return "UNSUPPORTED_MEDIA_TYPE";
    case 422:
      return "UNPROCESSABLE_ENTITY";
    case 429:
      return "TOO_MANY_REQUESTS";
    case 431:
      return "REQUEST_HEADER_FIELDS_TOO_LARGE";
    case 500:
      return "INTERNAL";
    case 501:
      return "NOT_IMPLEMENTED";
    case 502:
      return "BAD_GATEWAY";
    case 503:
      return "SERVICE_UNAVAILABLE";
    case 504:
      return "GATEWAY_TIMEOUT";
    default:
      return "UNKNOWN";
  }
}

std::string ErrorBody(int status, std::string_view message) {
  nlohmann::json body = {{"error",
                          {{"code", status},
                           {"status", Str(StatusName(status))},
                           {"message", Str(message)}}}};
  // Invalid UTF-8 in a message (a quoted request, say) becomes U+FFFD
  // rather than an exception.
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// ---------------------------------------------------------------------------
// The server.

namespace {

class ServerImpl;

using ConnectionExecutor = asio::io_context::executor_type;

// The io_context this I/O thread runs; null on other threads.
thread_local const asio::io_context* current_context = nullptr;

// Decides whether a Responder called after the server stopped may still
// post to an io_context: open from Start() until the I/O threads are
// joined.
struct Gate {
  std::mutex mu;
  bool open = true;
};

// "Thu, 01 Jan 2026 00:00:00 GMT" for now, formatted once a second per
// thread.
std::string_view HttpDate() {
  thread_local time_t cached_second = 0;
  thread_local char cached[64];
  thread_local size_t cached_size = 0;
  time_t now = time(nullptr);
  if (now != cached_second) {
    struct tm tm;
    gmtime_r(&now, &tm);
    cached_size =
        strftime(cached, sizeof cached, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    cached_second = now;
  }
  return std::string_view(cached, cached_size);
}

bool HasLineBreak(std::string_view s) {
  return s.find_first_of(std::string_view("\r\n\0", 3)) !=
         std::string_view::npos;
}

// An RFC 9110 token: what a header name may be made of.
bool IsToken(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    bool ok =
        (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
        (c >= 'A' && c <= 'Z') ||
        std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
    if (!ok) return false;
  }
  return true;
}

// Headers the server writes itself, from the response's fields and the
// connection's state; a handler's copy of them is not sent.
bool IsFramingHeader(std::string_view name) {
  return EqualsIgnoreCase(name, "content-length") ||
         EqualsIgnoreCase(name, "content-type") ||
         EqualsIgnoreCase(name, "transfer-encoding") ||
         EqualsIgnoreCase(name, "connection");
}

constexpr size_t kLingerBufferSize = 4096;

// The read buffer's bound. Beast needs a whole line of a chunked body (a
// chunk header with its extensions, a trailer) in the buffer before it
// parses it; without a bound, one endless chunk extension grew the buffer
// (512 MB of ";eeee…" took the server to 1.2 GB). Bodies stream through
// it, so it does not bound them.
constexpr size_t kReadBufferBytes = 64 << 10;

// How long a refused connection (over a connection limit) gets to send
// its request line, in case it is a health check.
constexpr std::chrono::seconds kRefusedHeaderTimeout{1};

Response ErrorResponse(int status, std::string_view message) {
  Response r;
  r.status = status;
  r.content_type = "application/json";
  r.body = ErrorBody(status, message);
  return r;
}

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(ServerImpl& server, asio::io_context& context,
             ConnectionExecutor executor, tcp::socket socket);
  ~Connection();

  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  const ConnectionExecutor& executor() const { return executor_; }
  const asio::io_context* context() const { return context_; }

  // Each runs on executor().
  void Start() { ReadRequest(); }
  void Close();
  void Answer(Response response);
  // Stopping: closes the connection unless a request of it is being
  // answered (then it closes after the answer).
  void Drain();

  const std::string& remote_address() const { return remote_address_; }
  // Answers every request but essential ones 503 with `why`, and closes.
  void Refuse(std::string why) { refusal_ = std::move(why); }

 private:
  void ReadRequest();
  void OnHeader(beast::error_code ec);
  void ReadBody();
  void OnBody(beast::error_code ec);
  // Answers a request the parser rejected (ec), or closes quietly when the
  // peer went away or the connection timed out.
  void OnReadError(beast::error_code ec);
  void CallHandler();
  void Write(Response response, bool close);
  void OnWrite(beast::error_code ec, bool close);
  // Stops sending, then reads and discards what the client still sends for
  // a while, so that the client reads the last response before the close
  // instead of a reset.
  void LingeringClose();
  void Linger();

  ServerImpl& server_;
  const asio::io_context* const context_;
  const ConnectionExecutor executor_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  bhttp::response<bhttp::string_body> response_;
  std::string remote_address_;
  // Held while a handler has the request, so that the connection outlives
  // a Responder that knows it weakly.
  std::shared_ptr<Connection> self_;
  bool awaiting_response_ = false;
  bool closed_ = false;
  bool head_ = false;
  bool keep_alive_ = true;
  unsigned version_ = 11;
  std::unique_ptr<char[]> linger_buffer_;  // only while lingering
  size_t lingered_bytes_ = 0;
  bool writing_ = false;
  std::string refusal_;  // non-empty: over a connection limit
  // Chunk extensions of the request being read, all chunks together.
  size_t chunk_extension_bytes_ = 0;
  std::function<void(std::uint64_t, beast::string_view, beast::error_code&)>
      on_chunk_header_;
};

// What a Responder shares with its connection. Answers 500 if dropped
// unanswered.
class ResponseSlot {
 public:
  ResponseSlot(const std::shared_ptr<Connection>& connection,
               std::shared_ptr<Gate> gate)
      : connection_(connection),
        context_(connection->context()),
        executor_(connection->executor()),
        gate_(std::move(gate)) {}

  ~ResponseSlot() {
    if (!answered_.load(std::memory_order_acquire)) {
      Deliver(ErrorResponse(500, "the request was dropped without an answer"));
    }
  }

  void Deliver(Response response) {
    if (answered_.exchange(true, std::memory_order_acq_rel)) return;
    // On the connection's own thread: write at once. (The io_context is
    // running, so it is alive; the pointer is only compared.)
    if (current_context == context_) {
      if (std::shared_ptr<Connection> c = connection_.lock()) {
        c->Answer(std::move(response));
      }
      return;
    }
    std::lock_guard<std::mutex> lock(gate_->mu);
    if (!gate_->open) return;
    std::shared_ptr<Connection> c = connection_.lock();
    if (c == nullptr) return;
    asio::post(executor_, [c, response = std::move(response)]() mutable {
      c->Answer(std::move(response));
    });
    // `c` is released here, under the lock: a posted handler holds the
    // connection now, and the io_context outlives it.
  }

 private:
  std::weak_ptr<Connection> connection_;
  const asio::io_context* context_;
  ConnectionExecutor executor_;
  std::shared_ptr<Gate> gate_;
  std::atomic<bool> answered_{false};
};

class ServerImpl final : public Server {
 public:
  ServerImpl(ServerOptions options, Handler handler)
      : options_(std::move(options)),
        handler_(std::move(handler)),
        gate_(std::make_shared<Gate>()) {}

  ~ServerImpl() override {
    Stop();
    // Connections die with the handlers that hold them, inside their
    // io_context; they unregister under mu_, which is still here.
    accept_retry_.reset();
    acceptor_.reset();
    guards_.clear();
    contexts_.clear();
  }

  absl::Status Listen();
  void StartThreads();

  uint16_t port() const override { return port_; }
  void Wait() override;
  void Stop() override;

  const ServerOptions& options() const { return options_; }
  const Handler& handler() const { return handler_; }
  const std::shared_ptr<Gate>& gate() const { return gate_; }

  // False when the server is stopping: the connection must not start.
  // Over a connection limit, it starts refused (Connection::Refuse).
  bool Register(Connection* c) {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_) return false;
    int& from_address = per_address_[c->remote_address()];
    if (max_connections_ > 0 &&
        connections_.size() >= static_cast<size_t>(max_connections_)) {
      c->Refuse("the server is at its connection limit; try again shortly");
    } else if (options_.max_connections_per_address > 0 &&
               from_address >= options_.max_connections_per_address) {
      c->Refuse(absl::StrCat("more than ", options_.max_connections_per_address,
                             " open connections from your address"));
    }
    connections_.insert(c);
    ++from_address;
    return true;
  }
  void Unregister(Connection* c) {
    std::lock_guard<std::mutex> lock(mu_);
    if (connections_.erase(c) == 0) return;
    auto it = per_address_.find(c->remote_address());
    if (it != per_address_.end() && --it->second <= 0) per_address_.erase(it);
    if (connections_.empty()) drained_.notify_all();
  }
  bool stopping() const {
    return stopping_flag_.load(std::memory_order_relaxed);
  }

 private:
  void Accept();

  const ServerOptions options_;
  const Handler handler_;
  const std::shared_ptr<Gate> gate_;

  std::vector<std::unique_ptr<asio::io_context>> contexts_;
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>>
      guards_;
  std::unique_ptr<tcp::acceptor> acceptor_;
  std::optional<asio::steady_timer> accept_retry_;  // on the acceptor's context
  std::vector<std::thread> threads_;
  size_t next_context_ = 0;  // used by the acceptor's thread only
  uint16_t port_ = 0;

  std::mutex mu_;  // guards stopping_, connections_, per_address_
  bool stopping_ = false;
  std::atomic<bool> stopping_flag_{false};
  std::unordered_set<Connection*> connections_;
  std::unordered_map<std::string, int> per_address_;  // open connections
  std::condition_variable drained_;  // connections_ became empty
  int max_connections_ = 0;          // 0: no limit

  std::mutex wait_mu_;  // guards stopped_, waiters_
  bool stopped_ = false;
  std::vector<asio::io_context*> waiters_;
};

// ----- Connection

Connection::Connection(ServerImpl& server, asio::io_context& context,
                       ConnectionExecutor executor, tcp::socket socket)
    : server_(server),
      context_(&context),
      executor_(std::move(executor)),
      stream_(std::move(socket)),
      buffer_(std::max(kReadBufferBytes,
                       server.options().max_header_bytes + 1024)) {
  on_chunk_header_ = [this](std::uint64_t, beast::string_view extensions,
                            beast::error_code& ec) {
    chunk_extension_bytes_ += extensions.size();
    if (chunk_extension_bytes_ > server_.options().max_header_bytes) {
      ec = bhttp::error::bad_chunk_extension;
    }
  };
  beast::error_code ec;
  tcp::endpoint peer = stream_.socket().remote_endpoint(ec);
  if (!ec) {
    asio::ip::address address = peer.address();
    if (address.is_v6() && address.to_v6().is_v4_mapped()) {
      address = asio::ip::make_address_v4(asio::ip::v4_mapped, address.to_v6());
    }
    remote_address_ = address.to_string();
  }
  stream_.socket().set_option(tcp::no_delay(true), ec);
}

Connection::~Connection() { server_.Unregister(this); }

void Connection::Close() {
  if (closed_) return;
  closed_ = true;
  awaiting_response_ = false;
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
  stream_.close();
  self_.reset();  // last: may destroy this
}

void Connection::ReadRequest() {
  if (closed_) return;
  if (server_.stopping()) {
    Close();
    return;
  }
  head_ = false;
  keep_alive_ = true;
  version_ = 11;
  parser_.emplace();
  parser_->header_limit(static_cast<uint32_t>(
      std::min<size_t>(server_.options().max_header_bytes, UINT32_MAX)));
  parser_->body_limit(server_.options().max_body_bytes);
  chunk_extension_bytes_ = 0;
  parser_->on_chunk_header(on_chunk_header_);
  stream_.expires_after(refusal_.empty() ? server_.options().header_timeout
                                         : kRefusedHeaderTimeout);
  bhttp::async_read_header(
      stream_, buffer_, *parser_,
      [self = shared_from_this()](beast::error_code ec, size_t) {
        self->OnHeader(ec);
      });
}

void Connection::OnHeader(beast::error_code ec) {
  if (ec) {
    OnReadError(ec);
    return;
  }
  const auto& request = parser_->get();
  if (!refusal_.empty()) {
    const std::string_view target(request.target().data(),
                                  request.target().size());
    const std::string_view path = target.substr(0, target.find('?'));
    bool essential = false;
    for (const std::string& p : server_.options().essential_paths) {
      essential = essential || path == p;
    }
    if (!essential) {
      Response busy = ErrorResponse(503, refusal_);
      busy.headers.push_back({"Retry-After", "1"});
      Write(std::move(busy), /*close=*/true);
      return;
    }
  }
  // RFC 9112 §6.3: a request whose Transfer-Encoding does not end in
  // chunked has no length a server can know.
  if (request.find(bhttp::field::transfer_encoding) != request.end() &&
      !parser_->chunked()) {
    Write(ErrorResponse(400,
                        "malformed request: a Transfer-Encoding must end in "
                        "chunked"),
          /*close=*/true);
    return;
  }
  if (parser_->is_done()) {
    CallHandler();
    return;
  }
  auto expect = request.find(bhttp::field::expect);
  if (expect != request.end() && request.version() >= 11 &&
      EqualsIgnoreCase(
          std::string_view(expect->value().data(), expect->value().size()),
          "100-continue")) {
    static constexpr std::string_view kContinue =
        "HTTP/1.1 100 Continue\r\n\r\n";
    stream_.expires_after(server_.options().idle_timeout);
    asio::async_write(
        stream_, asio::buffer(kContinue.data(), kContinue.size()),
        [self = shared_from_this()](beast::error_code ec, size_t) {
          if (ec) {
            self->Close();
            return;
          }
          self->ReadBody();
        });
    return;
  }
  ReadBody();
}

void Connection::ReadBody() {
  stream_.expires_after(server_.options().idle_timeout);
  bhttp::async_read(stream_, buffer_, *parser_,
                    [self = shared_from_this()](beast::error_code ec, size_t) {
                      self->OnBody(ec);
                    });
}

void Connection::OnBody(beast::error_code ec) {
  if (ec) {
    OnReadError(ec);
    return;
  }
  // Beast bounds the header, not the trailer it adds to it after a chunked
  // body: headers and trailers together keep to the header limit.
  if (parser_->chunked()) {
    size_t fields = 0;
    for (const auto& field : parser_->get()) {
      fields += field.name_string().size() + field.value().size() + 4;
    }
    if (fields > server_.options().max_header_bytes) {
      Write(
          ErrorResponse(
              431, absl::StrCat("the request headers and trailers are "
                                "larger than ",
                                server_.options().max_header_bytes, " bytes")),
          /*close=*/true);
      return;
    }
  }
  CallHandler();
}

void Connection::OnReadError(beast::error_code ec) {
  if (closed_) return;
  if (ec == bhttp::error::body_limit) {
    Write(ErrorResponse(
              413, absl::StrCat("the request body is larger than ",
                                server_.options().max_body_bytes, " bytes")),
          /*close=*/true);
  } else if (ec == bhttp::error::buffer_overflow && parser_ &&
             parser_->is_header_done()) {
    Write(
        ErrorResponse(400, absl::StrCat("malformed request: a chunk header or "
                                        "trailer is longer than ",
                                        buffer_.max_size(), " bytes")),
        /*close=*/true);
  } else if (ec == bhttp::error::header_limit ||
             ec == bhttp::error::buffer_overflow) {
    Write(ErrorResponse(
              431, absl::StrCat("the request headers are larger than ",
                                server_.options().max_header_bytes, " bytes")),
          /*close=*/true);
  } else if (ec.category() ==
                 bhttp::make_error_code(bhttp::error::bad_method).category() &&
             ec != bhttp::error::end_of_stream &&
             ec != bhttp::error::partial_message) {
    Write(ErrorResponse(400, absl::StrCat("malformed request: ", ec.message())),
          /*close=*/true);
  } else {
    // The peer closed, reset or went idle past the timeout; or Stop().
    Close();
  }
}

void Connection::CallHandler() {
  bhttp::request<bhttp::string_body> message = parser_->release();
  parser_.reset();
  Request request;
  request.method = std::string(message.method_string());
  request.target = std::string(message.target());
  size_t question = request.target.find('?');
  request.path = request.target.substr(0, question);
  if (question != std::string::npos) {
    request.query = request.target.substr(question + 1);
  }
  request.headers.reserve(std::distance(message.begin(), message.end()));
  for (const auto& field : message) {
    Header h;
    beast::string_view name = field.name_string();
    h.name.resize(name.size());
    std::transform(name.begin(), name.end(), h.name.begin(), AsciiLower);
    h.value = std::string(field.value());
    request.headers.push_back(std::move(h));
  }
  request.body = std::move(message.body());
  request.remote_address = remote_address_;

  head_ = message.method() == bhttp::verb::head;
  keep_alive_ = message.keep_alive();
  version_ = message.version();
  awaiting_response_ = true;
  self_ = shared_from_this();
  stream_.expires_never();

  auto slot = std::make_shared<ResponseSlot>(self_, server_.gate());
  Responder respond = [slot](Response response) {
    slot->Deliver(std::move(response));
  };
  slot.reset();
  try {
    server_.handler()(std::move(request), std::move(respond));
  } catch (const std::exception& e) {
    // The Responder, if the handler still had it, answered 500 as it was
    // destroyed during the unwinding.
    std::cerr << "http: handler threw: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "http: handler threw a non-exception\n";
  }
}

void Connection::Drain() {
  if (awaiting_response_ || writing_) return;  // closes after the answer
  Close();
}

void Connection::Answer(Response response) {
  if (closed_ || !awaiting_response_) return;
  awaiting_response_ = false;
  // The caller holds a reference; self_ is no longer needed.
  std::shared_ptr<Connection> keep = std::move(self_);
  bool close = !keep_alive_ || server_.stopping();
  Write(std::move(response), close);
}

void Connection::Write(Response response, bool close) {
  bool valid = response.status >= 100 && response.status <= 999 &&
               !HasLineBreak(response.content_type);
  for (const Header& h : response.headers) {
    if (!IsToken(h.name) || HasLineBreak(h.value)) {
      valid = false;
    }
    if (EqualsIgnoreCase(h.name, "connection") &&
        EqualsIgnoreCase(h.value, "close")) {
      close = true;
    }
  }
  if (!valid) {
    std::cerr << "http: a handler answered status " << response.status
              << " with a malformed header; answering 500\n";
    response = ErrorResponse(500, "the response was malformed");
  }
  // 1xx are not final answers; nothing but the server sends them.
  if (response.status < 200) {
    response = ErrorResponse(500, "the response status is not final");
  }

  response_ = {};
  response_.version(version_);
  response_.result(static_cast<unsigned>(response.status));
  response_.set(bhttp::field::server, "newsroom");
  std::string_view date = HttpDate();
  response_.set(bhttp::field::date,
                beast::string_view(date.data(), date.size()));
  const bool no_body = response.status == 204 || response.status == 304;
  if (!no_body) {
    response_.set(bhttp::field::content_type, response.content_type);
    response_.content_length(response.body.size());
  }
  for (const Header& h : response.headers) {
    if (IsFramingHeader(h.name)) continue;
    response_.insert(beast::string_view(h.name.data(), h.name.size()),
                     beast::string_view(h.value.data(), h.value.size()));
  }
  if (close) {
    response_.set(bhttp::field::connection, "close");
  } else if (version_ < 11) {
    response_.set(bhttp::field::connection, "keep-alive");
  }
  if (!head_ && !no_body) response_.body() = std::move(response.body);

  stream_.expires_after(server_.options().idle_timeout);
  writing_ = true;
  bhttp::async_write(
      stream_, response_,
      [self = shared_from_this(), close](beast::error_code ec, size_t) {
        self->writing_ = false;
        self->OnWrite(ec, close);
      });
}

void Connection::OnWrite(beast::error_code ec, bool close) {
  if (ec) {
    Close();
    return;
  }
  response_ = {};
  if (close) {
    LingeringClose();
    return;
  }
  ReadRequest();
}

void Connection::LingeringClose() {
  if (closed_) return;
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  if (ec) {
    Close();
    return;
  }
  // Whatever of the request is still buffered counts as read.
  buffer_.consume(buffer_.size());
  stream_.expires_after(std::min<std::chrono::steady_clock::duration>(
      server_.options().idle_timeout, std::chrono::seconds(2)));
  linger_buffer_.reset(new char[kLingerBufferSize]);
  Linger();
}

void Connection::Linger() {
  stream_.async_read_some(
      asio::buffer(linger_buffer_.get(), kLingerBufferSize),
      [self = shared_from_this()](beast::error_code ec, size_t n) {
        self->lingered_bytes_ += n;
        constexpr size_t kMaxLingerBytes = 1 << 20;
        if (ec || self->closed_ || self->lingered_bytes_ > kMaxLingerBytes) {
          self->Close();
          return;
        }
        self->Linger();
      });
}

// ----- ServerImpl

absl::Status ServerImpl::Listen() {
  int threads = options_.threads;
  if (threads <= 0) {
    threads = static_cast<int>(std::thread::hardware_concurrency());
    if (threads <= 0) threads = 1;
  }
  for (int i = 0; i < threads; ++i) {
    contexts_.push_back(std::make_unique<asio::io_context>(1));
    guards_.push_back(asio::make_work_guard(*contexts_.back()));
  }

  const std::string where =
      absl::StrCat(options_.host.find(':') != std::string::npos
                       ? absl::StrCat("[", options_.host, "]")
                       : options_.host,
                   ":", options_.port);
  if (options_.host.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot listen on ", where, ": the host is empty"));
  }
  boost::system::error_code ec;
  tcp::endpoint endpoint;
  asio::ip::address address = asio::ip::make_address(options_.host, ec);
  if (!ec) {
    endpoint = tcp::endpoint(address, options_.port);
  } else {
    tcp::resolver resolver(*contexts_[0]);
    auto results =
        resolver.resolve(options_.host, std::to_string(options_.port),
                         tcp::resolver::passive, ec);
    if (ec || results.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "cannot listen on ", where, ": cannot resolve '", options_.host,
          "': ", ec ? ec.message() : std::string("no address")));
    }
    endpoint = results.begin()->endpoint();
  }

  acceptor_ = std::make_unique<tcp::acceptor>(*contexts_[0]);
  accept_retry_.emplace(*contexts_[0]);
  auto failed = [&](const char* step) {
    absl::Status status = absl::UnavailableError(absl::StrCat(
        "cannot listen on ", where, ": ", step, ": ", ec.message()));
    acceptor_.reset();
    return status;
  };
  acceptor_->open(endpoint.protocol(), ec);
  if (ec) return failed("socket");
  acceptor_->set_option(asio::socket_base::reuse_address(true), ec);
  if (ec) return failed("SO_REUSEADDR");
  acceptor_->bind(endpoint, ec);
  if (ec) return failed("bind");
  acceptor_->listen(asio::socket_base::max_listen_connections, ec);
  if (ec) return failed("listen");
  port_ = acceptor_->local_endpoint(ec).port();
  if (ec) return failed("getsockname");
  max_connections_ = options_.max_connections;
  rlimit files{};
  if (max_connections_ <= 0 && getrlimit(RLIMIT_NOFILE, &files) == 0 &&
      files.rlim_cur != RLIM_INFINITY) {
    max_connections_ = std::max<int>(
        16, static_cast<int>(files.rlim_cur) - options_.reserved_descriptors);
  }
  return absl::OkStatus();
}

void ServerImpl::StartThreads() {
  Accept();
  for (auto& context : contexts_) {
    asio::io_context* c = context.get();
    threads_.emplace_back([c] {
      current_context = c;
      c->run();
      current_context = nullptr;
    });
  }
}

void ServerImpl::Accept() {
  asio::io_context& context = *contexts_[next_context_];
  next_context_ = (next_context_ + 1) % contexts_.size();
  ConnectionExecutor executor = context.get_executor();
  acceptor_->async_accept(
      executor,
      [this, &context, executor](beast::error_code ec, tcp::socket socket) {
        if (!acceptor_->is_open()) return;  // Stop()
        if (!ec) {
          auto connection = std::make_shared<Connection>(
              *this, context, executor, std::move(socket));
          if (Register(connection.get())) {
            asio::post(executor, [connection] { connection->Start(); });
          }
        } else {
          // Out of file descriptors, say: try again shortly; the
          // connections that close free some.
          std::cerr << "http: accept: " << ec.message() << "\n";
          accept_retry_->expires_after(std::chrono::milliseconds(100));
          accept_retry_->async_wait([this](beast::error_code ec) {
            if (!ec && acceptor_->is_open()) Accept();
          });
          return;
        }
        Accept();
      });
}

void ServerImpl::Wait() {
  bool signalled = false;
  {
    asio::io_context signals_context(1);
    asio::signal_set signals(signals_context, SIGINT, SIGTERM);
    signals.async_wait(
        [&signals_context, &signalled](beast::error_code ec, int) {
          if (ec) return;
          signalled = true;
          signals_context.stop();
        });
    {
      std::lock_guard<std::mutex> lock(wait_mu_);
      if (stopped_) return;
      waiters_.push_back(&signals_context);
    }
    signals_context.run();
    std::lock_guard<std::mutex> lock(wait_mu_);
    waiters_.erase(
        std::find(waiters_.begin(), waiters_.end(), &signals_context));
  }
  // The signal set gave SIGINT and SIGTERM back their default action, and a
  // second one (an impatient operator, a supervisor that repeats itself)
  // would then kill the process in the middle of the drain that follows,
  // with answers unsent. The drain is bounded (drain_timeout), so further
  // stop signals are ignored; SIGKILL still ends the process at once.
  if (signalled) {
    std::signal(SIGINT, SIG_IGN);
    std::signal(SIGTERM, SIG_IGN);
  }
}

void ServerImpl::Stop() {
  bool first = false;
  {
    std::lock_guard<std::mutex> lock(wait_mu_);
    if (!stopped_) {
      stopped_ = true;
      first = true;
      for (asio::io_context* waiter : waiters_) waiter->stop();
    }
  }
  if (first) {
    std::vector<std::shared_ptr<Connection>> open;
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
      stopping_flag_.store(true);
      for (Connection* c : connections_) {
        if (auto shared = c->weak_from_this().lock()) {
          open.push_back(std::move(shared));
        }
      }
    }
    if (acceptor_ != nullptr) {
      asio::post(acceptor_->get_executor(), [this] {
        beast::error_code ec;
        acceptor_->close(ec);
        accept_retry_->cancel();
      });
    }
    // Idle connections close now; those with a request in flight close
    // after its answer, for at most drain_timeout.
    for (std::shared_ptr<Connection>& c : open) {
      asio::post(c->executor(), [c] { c->Drain(); });
    }
    open.clear();
    if (current_context == nullptr) {  // not on an I/O thread, which must run
      std::unique_lock<std::mutex> lock(mu_);
      drained_.wait_for(lock, options_.drain_timeout,
                        [this] { return connections_.empty(); });
      for (Connection* c : connections_) {
        if (auto shared = c->weak_from_this().lock()) {
          open.push_back(std::move(shared));
        }
      }
    }
    for (std::shared_ptr<Connection>& c : open) {
      asio::post(c->executor(), [c] { c->Close(); });
    }
    open.clear();
    // The threads return from run() once the closes have run and nothing
    // is left to do.
    for (auto& guard : guards_) guard.reset();
  }
  for (std::thread& t : threads_) {
    if (t.joinable() && t.get_id() != std::this_thread::get_id()) t.join();
  }
  {
    std::lock_guard<std::mutex> lock(gate_->mu);
    gate_->open = false;
  }
}

}  // namespace

absl::StatusOr<std::unique_ptr<Server>> Server::Start(ServerOptions options,
                                                      Handler handler) {
  auto server =
      std::make_unique<ServerImpl>(std::move(options), std::move(handler));
  absl::Status status = server->Listen();
  if (!status.ok()) return status;
  server->StartThreads();
  return server;
}

}  // namespace newsroom::http
