#include "http/server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <condition_variable>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace newsroom::http {
namespace {

using ::testing::HasSubstr;

// ---------------------------------------------------------------------------
// A small blocking HTTP/1.1 client over a POSIX socket.

struct ClientResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower case
  std::string body;

  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

class Client {
 public:
  explicit Client(uint16_t port) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    // A safety net so that a broken server fails a test instead of hanging
    // it; no test depends on this time.
    timeval timeout{.tv_sec = 20, .tv_usec = 0};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&address),
                         sizeof address) == 0;
  }
  ~Client() { close(fd_); }

  bool connected() const { return connected_; }

  bool Send(std::string_view data) {
    while (!data.empty()) {
      ssize_t n = send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (n <= 0) return false;
      data.remove_prefix(n);
    }
    return true;
  }

  // Reads one response; for a HEAD request the body is not read.
  std::optional<ClientResponse> Read(bool head = false) {
    size_t end;
    while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
      if (!Fill()) return std::nullopt;
    }
    ClientResponse response;
    std::string head_text = buffer_.substr(0, end);
    buffer_.erase(0, end + 4);
    size_t line_end = head_text.find("\r\n");
    std::string status_line = head_text.substr(0, line_end);
    if (status_line.rfind("HTTP/1.", 0) != 0 || status_line.size() < 12) {
      return std::nullopt;
    }
    response.status = std::stoi(status_line.substr(9, 3));
    size_t pos =
        line_end == std::string::npos ? head_text.size() : line_end + 2;
    while (pos < head_text.size()) {
      size_t next = head_text.find("\r\n", pos);
      if (next == std::string::npos) next = head_text.size();
      std::string line = head_text.substr(pos, next - pos);
      size_t colon = line.find(':');
      std::string name = line.substr(0, colon);
      for (char& c : name) c = static_cast<char>(tolower(c));
      std::string value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.erase(0, 1);
      response.headers.emplace(name, value);
      pos = next + 2;
    }
    if (head || response.status == 100 || response.status == 204 ||
        response.status == 304) {
      return response;
    }
    size_t length = std::stoul(response.header("content-length").empty()
                                   ? "0"
                                   : response.header("content-length"));
    while (buffer_.size() < length) {
      if (!Fill()) return std::nullopt;
    }
    response.body = buffer_.substr(0, length);
    buffer_.erase(0, length);
    return response;
  }

  // True when the server closed the connection (after any buffered data).
  bool ReadsEndOfStream() {
    char c[4096];
    for (;;) {
      ssize_t n = recv(fd_, c, sizeof c, 0);
      if (n == 0) return true;
      if (n < 0) return errno == ECONNRESET;
    }
  }

 private:
  bool Fill() {
    char chunk[4096];
    ssize_t n = recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buffer_.append(chunk, n);
    return true;
  }

  int fd_ = -1;
  bool connected_ = false;
  std::string buffer_;
};

// ---------------------------------------------------------------------------

class ServerTest : public ::testing::Test {
 protected:
  void StartServer(Handler handler, ServerOptions options = {}) {
    options.port = 0;
    if (options.threads == 0) options.threads = 2;
    auto server = Server::Start(options, std::move(handler));
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = std::move(*server);
  }

  std::optional<ClientResponse> RoundTrip(std::string_view request) {
    Client client(server_->port());
    if (!client.connected() || !client.Send(request)) return std::nullopt;
    return client.Read();
  }

  std::unique_ptr<Server> server_;
};

Response Text(std::string body) {
  Response response;
  response.body = std::move(body);
  return response;
}

Handler Echo() {
  return [](Request request, Responder respond) {
    Response response;
    response.body = request.method + " " + request.path + " " + request.query +
                    " " + std::string(request.header("X-Kullanici")) + " " +
                    request.remote_address + " [" + request.body + "]";
    response.headers.push_back({"X-Target", request.target});
    respond(std::move(response));
  };
}

TEST_F(ServerTest, AnswersGet) {
  StartServer(Echo());
  auto response = RoundTrip(
      "GET /haber/ekonomi?sayfa=2 HTTP/1.1\r\nHost: x\r\n"
      "x-kullanici: Ayşe\r\n\r\n");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, "GET /haber/ekonomi sayfa=2 Ayşe 127.0.0.1 []");
  EXPECT_EQ(response->header("content-type"), "text/plain; charset=utf-8");
  EXPECT_EQ(response->header("content-length"),
            std::to_string(response->body.size()));
  EXPECT_EQ(response->header("server"), "newsroom");
  EXPECT_EQ(response->header("x-target"), "/haber/ekonomi?sayfa=2");
  EXPECT_FALSE(response->header("date").empty());
}

TEST_F(ServerTest, AnswersPostWithBody) {
  StartServer(Echo());
  std::string body = "yorum=Çok güzel bir haber, teşekkürler!";
  auto response = RoundTrip(
      "POST /api/yorum HTTP/1.1\r\nHost: x\r\nContent-Type: "
      "application/x-www-form-urlencoded\r\nContent-Length: " +
      std::to_string(body.size()) + "\r\n\r\n" + body);
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, "POST /api/yorum   127.0.0.1 [" + body + "]");
}

TEST_F(ServerTest, ReadsChunkedBody) {
  StartServer(Echo());
  auto response = RoundTrip(
      "POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
      "6\r\nMerhab\r\n2\r\na!\r\n0\r\n\r\n");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_THAT(response->body, HasSubstr("[Merhaba!]"));
}

TEST_F(ServerTest, HandlerSeesDecodedQueryParameters) {
  std::mutex mu;
  std::optional<std::string> city, flag, missing;
  StartServer([&](Request request, Responder respond) {
    {
      std::lock_guard<std::mutex> lock(mu);
      city = request.query_param("sehir");
      flag = request.query_param("tam");
      missing = request.query_param("yok");
    }
    respond(Response{});
  });
  auto response = RoundTrip(
      "GET /ara?tam&sehir=%C4%B0stanbul+Kad%C4%B1k%C3%B6y HTTP/1.1\r\n"
      "Host: x\r\n\r\n");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  std::lock_guard<std::mutex> lock(mu);
  EXPECT_EQ(city, "İstanbul Kadıköy");
  EXPECT_EQ(flag, "");
  EXPECT_EQ(missing, std::nullopt);
}

TEST_F(ServerTest, HeadAnswersHeadersWithoutBody) {
  StartServer(
      [](Request request, Responder respond) { respond(Text("on bayt ok")); });
  Client client(server_->port());
  ASSERT_TRUE(
      client.Send("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n"
                  "GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
  auto head = client.Read(/*head=*/true);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->header("content-length"), "10");
  // The next bytes are the GET's response, not a HEAD body.
  auto get = client.Read();
  ASSERT_TRUE(get);
  EXPECT_EQ(get->body, "on bayt ok");
}

TEST_F(ServerTest, KeepsConnectionAliveAcrossRequests) {
  StartServer(Echo());
  Client client(server_->port());
  ASSERT_TRUE(client.Send("GET /bir HTTP/1.1\r\nHost: x\r\n\r\n"));
  auto first = client.Read();
  ASSERT_TRUE(first);
  EXPECT_THAT(first->body, HasSubstr("/bir"));
  ASSERT_TRUE(client.Send("GET /iki HTTP/1.1\r\nHost: x\r\n\r\n"));
  auto second = client.Read();
  ASSERT_TRUE(second);
  EXPECT_THAT(second->body, HasSubstr("/iki"));
}

// Answers are parked until the test releases them, in any order.
class ParkingHandler {
 public:
  Handler handler() {
    return [this](Request request, Responder respond) {
      std::lock_guard<std::mutex> lock(mu_);
      parked_.emplace_back(request.path, std::move(respond));
      cv_.notify_all();
    };
  }
  // Waits for a request, and returns its path and Responder.
  std::pair<std::string, Responder> Next() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return !parked_.empty(); });
    auto next = std::move(parked_.front());
    parked_.pop_front();
    return next;
  }
  size_t parked() {
    std::lock_guard<std::mutex> lock(mu_);
    return parked_.size();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::pair<std::string, Responder>> parked_;
};

TEST_F(ServerTest, PipelinedRequestsAreAnsweredOneAtATimeInOrder) {
  ParkingHandler parking;
  StartServer(parking.handler());
  Client client(server_->port());
  ASSERT_TRUE(
      client.Send("GET /bir HTTP/1.1\r\nHost: x\r\n\r\n"
                  "GET /iki HTTP/1.1\r\nHost: x\r\n\r\n"));
  auto [path, respond] = parking.Next();
  EXPECT_EQ(path, "/bir");
  // The second request is not handed out while the first is unanswered.
  EXPECT_EQ(parking.parked(), 0u);
  respond(Text("bir"));
  auto [path2, respond2] = parking.Next();
  EXPECT_EQ(path2, "/iki");
  respond2(Text("iki"));
  auto first = client.Read();
  auto second = client.Read();
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->body, "bir");
  EXPECT_EQ(second->body, "iki");
}

TEST_F(ServerTest, ResponderMayBeCalledLaterFromAnotherThread) {
  ParkingHandler parking;
  StartServer(parking.handler());
  Client client(server_->port());
  ASSERT_TRUE(
      client.Send("POST /yorum HTTP/1.1\r\nHost: x\r\n"
                  "Content-Length: 0\r\n\r\n"));
  std::thread writer([&] {
    auto [path, respond] = parking.Next();
    Response response;
    response.status = 201;
    response.content_type = "application/json";
    response.headers = {{"Location", "/yorum/7"}};
    response.body = R"({"id":7})";
    respond(std::move(response));
  });
  auto response = client.Read();
  writer.join();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 201);
  EXPECT_EQ(response->header("content-type"), "application/json");
  EXPECT_EQ(response->header("location"), "/yorum/7");
  EXPECT_EQ(response->body, R"({"id":7})");
}

TEST_F(ServerTest, SecondCallOfResponderIsIgnored) {
  StartServer([](Request request, Responder respond) {
    respond(Text("ilk"));
    respond(Text("ikinci"));
  });
  Client client(server_->port());
  ASSERT_TRUE(
      client.Send("GET /a HTTP/1.1\r\nHost: x\r\n\r\n"
                  "GET /b HTTP/1.1\r\nHost: x\r\n\r\n"));
  auto first = client.Read();
  auto second = client.Read();
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->body, "ilk");
  EXPECT_EQ(second->body, "ilk");
}

void ExpectJsonError(const ClientResponse& response, int code,
                     const std::string& status) {
  EXPECT_EQ(response.status, code);
  EXPECT_EQ(response.header("content-type"), "application/json");
  auto json = nlohmann::json::parse(response.body, nullptr, false);
  ASSERT_FALSE(json.is_discarded()) << response.body;
  EXPECT_EQ(json["error"]["code"], code);
  EXPECT_EQ(json["error"]["status"], status);
  EXPECT_TRUE(json["error"]["message"].is_string());
}

TEST_F(ServerTest, DroppedResponderAnswers500) {
  StartServer([](Request request, Responder respond) {});
  auto response = RoundTrip("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(response);
  ExpectJsonError(*response, 500, "INTERNAL");
}

TEST_F(ServerTest, ResponderDroppedOnAnotherThreadAnswers500) {
  ParkingHandler parking;
  StartServer(parking.handler());
  Client client(server_->port());
  ASSERT_TRUE(client.Send("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
  std::thread([&] { parking.Next(); }).join();
  auto response = client.Read();
  ASSERT_TRUE(response);
  ExpectJsonError(*response, 500, "INTERNAL");
}

TEST_F(ServerTest, ThrowingHandlerAnswers500AndServerKeepsServing) {
  StartServer([](Request request, Responder respond) {
    if (request.path == "/patla") throw std::runtime_error("patladı");
    respond(Text("ok"));
  });
  auto thrown = RoundTrip("GET /patla HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(thrown);
  ExpectJsonError(*thrown, 500, "INTERNAL");
  auto fine = RoundTrip("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(fine);
  EXPECT_EQ(fine->body, "ok");
}

TEST_F(ServerTest, ResponseHeaderWithLineBreakAnswers500) {
  StartServer([](Request request, Responder respond) {
    Response response;
    response.status = 302;
    response.headers = {{"Location", "/x\r\nSet-Cookie: a=b"}};
    respond(std::move(response));
  });
  auto response = RoundTrip("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(response);
  ExpectJsonError(*response, 500, "INTERNAL");
  EXPECT_EQ(response->header("set-cookie"), "");
}

TEST_F(ServerTest, MalformedResponsesAnswer500) {
  const std::vector<Header> cases[] = {
      {{"X-Bad Name", "a"}},
      {{"", "a"}},
      {{"X-Ok", "a"}, {"X-Split", "a\nb"}},
      {{"X-Nul", std::string("a\0b", 3)}},
  };
  for (const std::vector<Header>& headers : cases) {
    StartServer([headers](Request request, Responder respond) {
      Response response;
      response.headers = headers;
      respond(std::move(response));
    });
    auto response = RoundTrip("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    ASSERT_TRUE(response);
    ExpectJsonError(*response, 500, "INTERNAL");
  }
  for (int status : {0, 99, 101, 1000}) {
    StartServer([status](Request request, Responder respond) {
      Response response;
      response.status = status;
      respond(std::move(response));
    });
    auto response = RoundTrip("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    ASSERT_TRUE(response) << status;
    ExpectJsonError(*response, 500, "INTERNAL");
  }
}

TEST_F(ServerTest, ServerOwnsFramingHeaders) {
  StartServer([](Request request, Responder respond) {
    Response response;
    response.body = "dört";
    response.headers = {{"Content-Length", "999"},
                        {"Transfer-Encoding", "chunked"},
                        {"Content-Type", "text/html"},
                        {"Set-Cookie", "oturum=1"}};
    respond(std::move(response));
  });
  Client client(server_->port());
  ASSERT_TRUE(
      client.Send("GET / HTTP/1.1\r\nHost: x\r\n\r\n"
                  "GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
  for (int i = 0; i < 2; ++i) {
    auto response = client.Read();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->header("content-length"), "5");
    EXPECT_EQ(response->header("transfer-encoding"), "");
    EXPECT_EQ(response->header("content-type"), "text/plain; charset=utf-8");
    EXPECT_EQ(response->header("set-cookie"), "oturum=1");
    EXPECT_EQ(response->body, "dört");
  }
}

TEST_F(ServerTest, NoContentHasNoBody) {
  StartServer([](Request request, Responder respond) {
    Response response;
    response.status = 204;
    response.body = "gönderilmez";
    respond(std::move(response));
  });
  Client client(server_->port());
  ASSERT_TRUE(
      client.Send("DELETE /yorum/3 HTTP/1.1\r\nHost: x\r\n\r\n"
                  "DELETE /yorum/4 HTTP/1.1\r\nHost: x\r\n\r\n"));
  for (int i = 0; i < 2; ++i) {
    auto response = client.Read();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 204);
    EXPECT_EQ(response->header("content-length"), "");
  }
}

TEST_F(ServerTest, BodyOverLimitAnswers413AndCloses) {
  int calls = 0;
  StartServer(
      [&](Request request, Responder respond) {
        ++calls;
        respond(Response{});
      },
      ServerOptions{.threads = 1, .max_body_bytes = 1000});
  Client client(server_->port());
  ASSERT_TRUE(client.Send(
      "POST /yorum HTTP/1.1\r\nHost: x\r\nContent-Length: 1001\r\n\r\n" +
      std::string(1001, 'a')));
  auto response = client.Read();
  ASSERT_TRUE(response);
  ExpectJsonError(*response, 413, "PAYLOAD_TOO_LARGE");
  EXPECT_EQ(response->header("connection"), "close");
  EXPECT_TRUE(client.ReadsEndOfStream());
  EXPECT_EQ(calls, 0);
}

TEST_F(ServerTest, ChunkedBodyOverLimitAnswers413) {
  StartServer(Echo(), ServerOptions{.max_body_bytes = 10});
  auto response = RoundTrip(
      "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
      "8\r\n12345678\r\n8\r\n12345678\r\n0\r\n\r\n");
  ASSERT_TRUE(response);
  ExpectJsonError(*response, 413, "PAYLOAD_TOO_LARGE");
}

TEST_F(ServerTest, BodyAtLimitIsAccepted) {
  StartServer(Echo(), ServerOptions{.max_body_bytes = 10});
  auto response = RoundTrip(
      "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n0123456789");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_THAT(response->body, HasSubstr("[0123456789]"));
}

TEST_F(ServerTest, HeadersOverLimitAnswer431) {
  StartServer(Echo(), ServerOptions{.max_header_bytes = 1024});
  Client client(server_->port());
  ASSERT_TRUE(client.Send("GET / HTTP/1.1\r\nHost: x\r\nCookie: " +
                          std::string(2000, 'c') + "\r\n\r\n"));
  auto response = client.Read();
  ASSERT_TRUE(response);
  ExpectJsonError(*response, 431, "REQUEST_HEADER_FIELDS_TOO_LARGE");
  EXPECT_TRUE(client.ReadsEndOfStream());
}

// 512 MB of ";eeee…" in one chunk header once raised the server to 1.2 GB.
TEST_F(ServerTest, AnEndlessChunkExtensionIs400) {
  int calls = 0;
  StartServer(
      [&](Request request, Responder respond) {
        ++calls;
        respond(Response{});
      },
      ServerOptions{.threads = 1, .max_body_bytes = 1 << 20});
  Client client(server_->port());
  ASSERT_TRUE(client.Send(
      "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5;"));
  const std::string extension(64 << 10, 'e');
  bool refused = false;
  for (int i = 0; i < 32 && !refused; ++i) refused = !client.Send(extension);
  auto response = client.Read();
  ASSERT_TRUE(response) << "refused while sending: " << refused;
  ExpectJsonError(*response, 400, "BAD_REQUEST");
  EXPECT_THAT(response->body, HasSubstr("chunk"));
  EXPECT_EQ(calls, 0);
}

TEST_F(ServerTest, ChunkExtensionsAddUpToTheHeaderLimit) {
  StartServer(Echo(), ServerOptions{.max_header_bytes = 4096});
  std::string body;
  for (int i = 0; i < 8; ++i)
    body += "1;" + std::string(600, 'e') + "\r\na\r\n";
  auto response = RoundTrip(
      "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" +
      body + "0\r\n\r\n");
  ASSERT_TRUE(response);
  ExpectJsonError(*response, 400, "BAD_REQUEST");
  // Within the limit, extensions are read and ignored.
  response = RoundTrip(
      "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
      "3;ad=deger\r\nabc\r\n0\r\n\r\n");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_THAT(response->body, HasSubstr("[abc]"));
}

TEST_F(ServerTest, TrailersCountAgainstTheHeaderLimit) {
  StartServer(Echo(), ServerOptions{.max_header_bytes = 1024});
  auto response = RoundTrip(
      "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
      "3\r\nabc\r\n0\r\nX-Trailer: " +
      std::string(4000, 't') + "\r\n\r\n");
  ASSERT_TRUE(response);
  EXPECT_TRUE(response->status == 400 || response->status == 431)
      << response->status;
}

// RFC 9112 §6.3: without chunked last, a request body has no length.
TEST_F(ServerTest, TransferEncodingNotEndingInChunkedIs400AndCloses) {
  int calls = 0;
  StartServer([&](Request request, Responder respond) {
    ++calls;
    respond(Response{});
  });
  for (const char* coding : {"gzip", "chunked, gzip", "identity"}) {
    Client client(server_->port());
    ASSERT_TRUE(client.Send(std::string("POST / HTTP/1.1\r\nHost: x\r\n"
                                        "Transfer-Encoding: ") +
                            coding + "\r\n\r\nabc"));
    auto response = client.Read();
    ASSERT_TRUE(response) << coding;
    ExpectJsonError(*response, 400, "BAD_REQUEST");
    EXPECT_EQ(response->header("connection"), "close") << coding;
    EXPECT_TRUE(client.ReadsEndOfStream()) << coding;
  }
  EXPECT_EQ(calls, 0);
}

// 60 s to send headers let 1,100 slow connections take a site down.
TEST_F(ServerTest, SlowHeadersAreCutOffAtTheHeaderDeadline) {
  StartServer(Echo(), ServerOptions{.header_timeout = std::chrono::seconds(1),
                                    .idle_timeout = std::chrono::seconds(60)});
  Client client(server_->port());
  ASSERT_TRUE(client.Send("GET / HTTP/1.1\r\nHost: x\r\n"));
  // Nothing more: the deadline, not the 60 s idle time, ends it.
  EXPECT_TRUE(client.ReadsEndOfStream());
}

TEST_F(ServerTest, OneAddressHoldsABoundedNumberOfConnections) {
  StartServer(Echo(), ServerOptions{.max_connections_per_address = 2});
  Client first(server_->port());
  Client second(server_->port());
  ASSERT_TRUE(first.Send("GET /bir HTTP/1.1\r\nHost: x\r\n\r\n"));
  ASSERT_TRUE(first.Read());
  ASSERT_TRUE(second.Send("GET /iki HTTP/1.1\r\nHost: x\r\n\r\n"));
  ASSERT_TRUE(second.Read());
  Client third(server_->port());
  ASSERT_TRUE(third.Send("GET /uc HTTP/1.1\r\nHost: x\r\n\r\n"));
  auto refused = third.Read();
  ASSERT_TRUE(refused);
  ExpectJsonError(*refused, 503, "SERVICE_UNAVAILABLE");
  EXPECT_EQ(refused->header("retry-after"), "1");
  EXPECT_TRUE(third.ReadsEndOfStream());
  // Health checks are answered even over the limit.
  Client health(server_->port());
  ASSERT_TRUE(health.Send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
  auto answered = health.Read();
  ASSERT_TRUE(answered);
  EXPECT_EQ(answered->status, 200);
}

TEST_F(ServerTest, AtTheConnectionLimitOnlyHealthChecksAreServed) {
  StartServer(Echo(), ServerOptions{.max_connections = 2});
  Client a(server_->port());
  Client b(server_->port());
  ASSERT_TRUE(a.Send("GET /a HTTP/1.1\r\nHost: x\r\n\r\n"));
  ASSERT_TRUE(a.Read());
  ASSERT_TRUE(b.Send("GET /b HTTP/1.1\r\nHost: x\r\n\r\n"));
  ASSERT_TRUE(b.Read());
  auto busy = RoundTrip("GET /sayfa HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(busy);
  ExpectJsonError(*busy, 503, "SERVICE_UNAVAILABLE");
  auto health = RoundTrip("GET /healthz?x=1 HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
}

// SIGTERM once dropped the answers in flight.
TEST_F(ServerTest, StopLetsAnswersInFlightFinish) {
  ParkingHandler parking;
  StartServer(parking.handler(),
              ServerOptions{.drain_timeout = std::chrono::seconds(10)});
  Client busy(server_->port());
  ASSERT_TRUE(busy.Send("GET /yavas HTTP/1.1\r\nHost: x\r\n\r\n"));
  Client idle(server_->port());
  ASSERT_TRUE(idle.connected());
  auto [path, respond] = parking.Next();
  std::thread answer([respond = std::move(respond)]() mutable {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    respond(Text("yetişti"));
  });
  server_->Stop();
  answer.join();
  auto response = busy.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, "yetişti");
  EXPECT_EQ(response->header("connection"), "close");
  EXPECT_TRUE(idle.ReadsEndOfStream());
}

struct MalformedCase {
  const char* name;
  const char* request;
};

class MalformedRequestTest
    : public ServerTest,
      public ::testing::WithParamInterface<MalformedCase> {};

TEST_P(MalformedRequestTest, Answers400AndCloses) {
  StartServer(Echo());
  Client client(server_->port());
  ASSERT_TRUE(client.Send(GetParam().request));
  auto response = client.Read();
  ASSERT_TRUE(response);
  ExpectJsonError(*response, 400, "BAD_REQUEST");
  EXPECT_TRUE(client.ReadsEndOfStream());
}

INSTANTIATE_TEST_SUITE_P(
    Requests, MalformedRequestTest,
    ::testing::Values(
        MalformedCase{"Garbage", "merhaba dünya\r\n\r\n"},
        MalformedCase{"NoVersion", "GET /\r\nHost: x\r\n\r\n"},
        MalformedCase{"BadVersion", "GET / HTTP/9.x\r\nHost: x\r\n\r\n"},
        MalformedCase{"SpaceInTarget", "GET /a b HTTP/1.1\r\nHost: x\r\n\r\n"},
        MalformedCase{"HeaderWithoutColon", "GET / HTTP/1.1\r\nHost x\r\n\r\n"},
        MalformedCase{"BadContentLength",
                      "POST / HTTP/1.1\r\nContent-Length: on\r\n\r\n"},
        MalformedCase{"BadChunk",
                      "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                      "zz\r\nabc\r\n0\r\n\r\n"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST_F(ServerTest, ExpectContinueGetsInterimResponse) {
  StartServer(Echo());
  Client client(server_->port());
  ASSERT_TRUE(
      client.Send("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                  "Content-Length: 5\r\n\r\n"));
  auto interim = client.Read();
  ASSERT_TRUE(interim);
  EXPECT_EQ(interim->status, 100);
  ASSERT_TRUE(client.Send("selam"));
  auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_THAT(response->body, HasSubstr("[selam]"));
}

TEST_F(ServerTest, Http10WithoutKeepAliveIsClosedAfterResponse) {
  StartServer(Echo());
  Client client(server_->port());
  ASSERT_TRUE(client.Send("GET / HTTP/1.0\r\n\r\n"));
  auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_TRUE(client.ReadsEndOfStream());
}

TEST_F(ServerTest, ConnectionCloseRequestIsHonoured) {
  StartServer(Echo());
  Client client(server_->port());
  ASSERT_TRUE(
      client.Send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
  auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->header("connection"), "close");
  EXPECT_TRUE(client.ReadsEndOfStream());
}

TEST_F(ServerTest, IdleConnectionIsClosedAfterTimeout) {
  StartServer(Echo(), ServerOptions{.header_timeout = std::chrono::seconds(1)});
  Client client(server_->port());
  ASSERT_TRUE(client.Send("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
  ASSERT_TRUE(client.Read());
  EXPECT_TRUE(client.ReadsEndOfStream());
}

TEST_F(ServerTest, StopClosesOpenConnections) {
  StartServer(Echo());
  Client idle(server_->port());
  ASSERT_TRUE(idle.Send("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
  ASSERT_TRUE(idle.Read());
  Client silent(server_->port());  // connected, nothing sent
  ASSERT_TRUE(silent.connected());
  server_->Stop();
  EXPECT_TRUE(idle.ReadsEndOfStream());
  EXPECT_TRUE(silent.ReadsEndOfStream());
  server_->Stop();  // idempotent
  Client late(server_->port());
  EXPECT_FALSE(late.connected() && late.Send("GET / HTTP/1.1\r\n\r\n") &&
               late.Read());
}

TEST_F(ServerTest, StopWhileHandlerHoldsResponder) {
  ParkingHandler parking;
  const ServerOptions quick{.drain_timeout = std::chrono::seconds(1)};
  StartServer(parking.handler(), quick);
  Client client(server_->port());
  ASSERT_TRUE(client.Send("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
  auto [path, respond] = parking.Next();
  server_->Stop();
  EXPECT_TRUE(client.ReadsEndOfStream());
  // Answering after Stop, and after the server is gone, is harmless.
  respond(Text("geç"));
  ParkingHandler parking2;
  StartServer(parking2.handler(), quick);
  Client client2(server_->port());
  ASSERT_TRUE(client2.Send("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
  auto [path2, respond2] = parking2.Next();
  server_.reset();
  respond2(Text("çok geç"));
}

TEST_F(ServerTest, WaitReturnsWhenStopped) {
  StartServer(Echo());
  std::thread waiter([&] { server_->Wait(); });
  server_->Stop();
  waiter.join();
  server_->Wait();  // returns at once once stopped
}

TEST_F(ServerTest, StartFailsOnPortInUse) {
  StartServer(Echo());
  ServerOptions options;
  options.port = server_->port();
  auto second = Server::Start(options, Echo());
  ASSERT_FALSE(second.ok());
  EXPECT_THAT(second.status().message(),
              HasSubstr("127.0.0.1:" + std::to_string(server_->port())));
}

TEST(ServerStartTest, FailsOnUnresolvableHost) {
  ServerOptions options;
  options.host = "yok.invalid";
  options.port = 0;
  auto server = Server::Start(options, Echo());
  ASSERT_FALSE(server.ok());
  EXPECT_THAT(server.status().message(), HasSubstr("yok.invalid"));
}

TEST(ServerStartTest, ListensOnIpv6Loopback) {
  ServerOptions options;
  options.host = "::1";
  options.port = 0;
  auto server = Server::Start(options, Echo());
  if (!server.ok()) GTEST_SKIP() << "no IPv6 loopback: " << server.status();
  EXPECT_NE((*server)->port(), 0);
}

// ---------------------------------------------------------------------------
// The helpers.

TEST(RequestTest, HeaderIsCaseInsensitiveAndFirstWins) {
  Request request;
  request.headers = {
      {"content-type", "text/html"}, {"x-dil", "tr"}, {"x-dil", "en"}};
  EXPECT_EQ(request.header("Content-Type"), "text/html");
  EXPECT_EQ(request.header("X-DIL"), "tr");
  EXPECT_EQ(request.header("accept"), "");
}

TEST(RequestTest, QueryParam) {
  Request request;
  request.query =
      "q=%C3%A7i%C4%9Fk%C3%B6fte+tarifi&bos=&bayrak&q=ikinci"
      "&bozuk=%zz&bozuk=iyi&a%20b=c";
  EXPECT_EQ(request.query_param("q"), "çiğköfte tarifi");
  EXPECT_EQ(request.query_param("bos"), "");
  EXPECT_EQ(request.query_param("bayrak"), "");
  EXPECT_EQ(request.query_param("yok"), std::nullopt);
  EXPECT_EQ(request.query_param("bozuk"), "iyi");  // malformed pair skipped
  EXPECT_EQ(request.query_param("a b"), "c");
  Request empty;
  EXPECT_EQ(empty.query_param("q"), std::nullopt);
}

struct DecodeCase {
  const char* text;
  bool form;
  std::optional<std::string> expected;
};

TEST(PercentDecodeTest, Table) {
  const DecodeCase cases[] = {
      {"", false, ""},
      {"haber", false, "haber"},
      {"%C4%B0stanbul", false, "İstanbul"},
      {"%c4%b0stanbul", false, "İstanbul"},
      {"%C5%9Fi%C5%9Fli", false, "şişli"},
      {"a+b", false, "a+b"},
      {"a+b", true, "a b"},
      {"a%2Bb", true, "a+b"},
      {"100%25", false, "100%"},
      {"%00", false, std::string(1, '\0')},
      {"%", false, std::nullopt},
      {"%4", false, std::nullopt},
      {"abc%", false, std::nullopt},
      {"abc%C", true, std::nullopt},
      {"%G0", false, std::nullopt},
      {"%0g", false, std::nullopt},
      {"%%41", false, std::nullopt},
  };
  for (const DecodeCase& c : cases) {
    EXPECT_EQ(PercentDecode(c.text, c.form), c.expected)
        << "'" << c.text << "' form=" << c.form;
  }
}

TEST(ParseListenAddressTest, Valid) {
  const struct {
    const char* text;
    std::string host;
    uint16_t port;
  } cases[] = {
      {"127.0.0.1:8080", "127.0.0.1", 8080},
      {"0.0.0.0:0", "0.0.0.0", 0},
      {"[::1]:8080", "::1", 8080},
      {"[::]:443", "::", 443},
      {"localhost:80", "localhost", 80},
      {"haber.example.com.tr:65535", "haber.example.com.tr", 65535},
  };
  for (const auto& c : cases) {
    auto parsed = ParseListenAddress(c.text);
    ASSERT_TRUE(parsed.ok()) << c.text << ": " << parsed.status();
    EXPECT_EQ(parsed->first, c.host) << c.text;
    EXPECT_EQ(parsed->second, c.port) << c.text;
  }
}

TEST(ParseListenAddressTest, Invalid) {
  const struct {
    const char* text;
    const char* message;
  } cases[] = {
      {"", "no port"},
      {"127.0.0.1", "no port"},
      {"localhost", "no port"},
      {"127.0.0.1:", "empty port"},
      {":8080", "empty host"},
      {"[]:8080", "empty host"},
      {"127.0.0.1:65536", "out of range"},
      {"127.0.0.1:99999999999999999999", "out of range"},
      {"127.0.0.1:http", "not a number"},
      {"127.0.0.1:-1", "not a number"},
      {"127.0.0.1:80a", "not a number"},
      {"::1:8080", "brackets"},
      {"[::1:8080", "without ']'"},
      {"[::1]", "no port"},
      {"[::1]8080", "no port"},
  };
  for (const auto& c : cases) {
    auto parsed = ParseListenAddress(c.text);
    ASSERT_FALSE(parsed.ok()) << c.text;
    EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(parsed.status().message(), HasSubstr(c.message)) << c.text;
  }
}

TEST(StatusNameTest, CanonicalNames) {
  const std::pair<int, const char*> cases[] = {
      {400, "BAD_REQUEST"},
      {401, "UNAUTHORIZED"},
      {403, "FORBIDDEN"},
      {404, "NOT_FOUND"},
      {405, "METHOD_NOT_ALLOWED"},
      {409, "CONFLICT"},
      {413, "PAYLOAD_TOO_LARGE"},
      {415, "UNSUPPORTED_MEDIA_TYPE"},
      {422, "UNPROCESSABLE_ENTITY"},
      {429, "TOO_MANY_REQUESTS"},
      {431, "REQUEST_HEADER_FIELDS_TOO_LARGE"},
      {500, "INTERNAL"},
      {503, "SERVICE_UNAVAILABLE"},
      {418, "UNKNOWN"},
  };
  for (const auto& [status, name] : cases) {
    EXPECT_EQ(StatusName(status), name) << status;
  }
}

TEST(ErrorBodyTest, IsJsonWithEscapedMessage) {
  const char* messages[] = {
      "yorum bulunamadı",
      "\"tırnak\" ve \\ ters bölü",
      "satır\nsonu\tsekme\x01",
      "</script><script>alert(1)</script>",
  };
  for (const char* message : messages) {
    std::string body = ErrorBody(404, message);
    auto json = nlohmann::json::parse(body, nullptr, false);
    ASSERT_FALSE(json.is_discarded()) << body;
    EXPECT_EQ(json["error"]["code"], 404);
    EXPECT_EQ(json["error"]["status"], "NOT_FOUND");
    EXPECT_EQ(json["error"]["message"], message);
  }
  EXPECT_EQ(
      ErrorBody(413, "çok büyük"),
      R"({"error":{"code":413,"message":"çok büyük","status":"PAYLOAD_TOO_LARGE"}})");
}

TEST(ErrorBodyTest, InvalidUtf8InMessageIsReplaced) {
  std::string body = ErrorBody(400, "k\xF6t\xFC");  // Latin-5 "kötü"
  auto json = nlohmann::json::parse(body, nullptr, false);
  ASSERT_FALSE(json.is_discarded()) << body;
  EXPECT_EQ(json["error"]["message"], "k\uFFFDt\uFFFD");
}

}  // namespace
}  // namespace newsroom::http
