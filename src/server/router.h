// The site's routes as a table: each route is a path pattern, the methods
// it takes, whether other origins may call it (CORS), its handler, and
// where the handler runs (the I/O thread, or a worker for slow work).
//
//   RouteTable<std::function<void(const PathParams&)>> routes;
//   routes.Add({"GET"}, "/news/{slug}", Cors::kSameOrigin,
//              [](const PathParams& p) { Show(p.Get("slug")); });
//   RouteMatch<...> m = routes.Find("GET", "/news/kopru-acildi");
//   if (m.outcome == RouteOutcome::kFound) m.route->handler(m.params);
//
// A pattern is a path of segments: a literal ("news"), or a parameter in
// braces that matches one whole segment. `{id}` matches only a row id (a
// positive decimal integer of at most 18 digits), so "/comments/abc" is
// not a comment route at all; any other `{name}` matches any non-empty
// segment, as sent (not percent-decoded). Empty segments are ignored on
// both sides ("/news//x/" is "/news/x"). The pattern's text is also the
// route's name in metrics and logs, so their label values stay bounded
// whatever clients send.
//
// Find() decides everything that does not need the handler: the route
// (first added wins), 405 with the methods the path takes, the CORS
// preflight of a route open to other origins, and 404. HEAD is taken
// wherever GET is.
//
// Thread-safety: Add() before use; Find() is const and may be called from
// any number of threads at once.
#ifndef NEWSROOM_SERVER_ROUTER_H_
#define NEWSROOM_SERVER_ROUTER_H_

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace newsroom::server {

// The parameters a path matched, by name.
class PathParams {
 public:
  // The segment `{name}` matched, as sent; empty when the pattern has none.
  std::string_view Get(std::string_view name) const;
  // The integer `{id}` (or another integer parameter) matched; 0 if none.
  int64_t Id(std::string_view name = "id") const;

  void Set(std::string_view name, std::string_view value);
  void Clear() { values_.clear(); }

 private:
  std::vector<std::pair<std::string, std::string>> values_;
};

// One compiled pattern ("/news/{slug}/comments/{id}/report").
class PathPattern {
 public:
  explicit PathPattern(std::string_view pattern);

  const std::string& text() const { return text_; }
  // True when `path` (a request's path: before '?', not decoded) matches;
  // then `params` holds the parameters (it is cleared first either way).
  bool Match(std::string_view path, PathParams* params) const;
  // The same, for a path already split by SplitPath.
  bool Match(const std::vector<std::string_view>& parts,
             PathParams* params) const;

 private:
  struct Segment {
    std::string text;  // the literal, or the parameter's name
    bool parameter = false;
    bool integer = false;  // {id}
  };
  std::string text_;
  std::vector<Segment> segments_;
};

// The segments of a path, without empty ones.
std::vector<std::string_view> SplitPath(std::string_view path);
// A row id: a positive decimal integer of at most 18 digits; 0 otherwise.
int64_t ParseRowId(std::string_view text);

// Who may call a route from a web page.
enum class Cors {
  kSameOrigin,  // only the site's own pages (no CORS headers)
  kAnyOrigin,   // any origin: answers carry Access-Control-Allow-Origin: *
};

// Where a route's handler runs.
enum class Exec {
  kInline,  // on the I/O thread that read the request: quick work only
  kWorker,  // on a worker thread: the engine, image work (the site's pool)
  kLogin,   // on the password workers: argon2id, kept apart from the rest
};

enum class RouteOutcome {
  kFound,        // `route` takes the method; `params` are set
  kWrongMethod,  // the path is a route's, the method is not: 405 + `allow`
  kPreflight,    // OPTIONS for a route open to any origin: 204
  kNotFound,     // no route has this path
};

template <typename Handler>
struct Route {
  std::vector<std::string> methods;  // empty: any (the handler decides)
  PathPattern pattern;
  Cors cors = Cors::kSameOrigin;
  Handler handler;
  Exec exec = Exec::kInline;
};

template <typename Handler>
struct RouteMatch {
  RouteOutcome outcome = RouteOutcome::kNotFound;
  // kFound: the route. kWrongMethod and kPreflight: the first route of the
  // path (for its name). kNotFound: null.
  const Route<Handler>* route = nullptr;
  PathParams params;
  std::string allow;  // kWrongMethod, kPreflight: "GET, POST"
  bool cors = false;  // some route of the path is open to any origin
};

template <typename Handler>
class RouteTable {
 public:
  void Add(std::initializer_list<std::string_view> methods,
           std::string_view pattern, Cors cors, Handler handler,
           Exec exec = Exec::kInline) {
    Route<Handler> route{
        {}, PathPattern(pattern), cors, std::move(handler), exec};
    for (std::string_view m : methods) route.methods.emplace_back(m);
    routes_.push_back(std::move(route));
  }

  RouteMatch<Handler> Find(std::string_view method,
                           std::string_view path) const {
    RouteMatch<Handler> match;
    PathParams params;
    std::vector<std::string_view> allowed;
    const std::vector<std::string_view> parts = SplitPath(path);
    for (const Route<Handler>& route : routes_) {
      if (!route.pattern.Match(parts, &params)) continue;
      if (match.route == nullptr) match.route = &route;
      match.cors = match.cors || route.cors == Cors::kAnyOrigin;
      if (Takes(route, method)) {
        match.outcome = RouteOutcome::kFound;
        match.route = &route;
        match.params = std::move(params);
        return match;
      }
      for (const std::string& m : route.methods) {
        bool seen = false;
        for (std::string_view a : allowed) seen = seen || a == m;
        if (seen) continue;
        allowed.push_back(m);
        match.allow += match.allow.empty() ? m : ", " + m;
      }
    }
    if (match.route == nullptr) return match;  // kNotFound
    match.outcome = method == "OPTIONS" && match.cors
                        ? RouteOutcome::kPreflight
                        : RouteOutcome::kWrongMethod;
    return match;
  }

  const std::vector<Route<Handler>>& routes() const { return routes_; }

 private:
  static bool Takes(const Route<Handler>& route, std::string_view method) {
    if (route.methods.empty()) return true;
    for (const std::string& m : route.methods) {
      if (m == method || (m == "GET" && method == "HEAD")) return true;
    }
    return false;
  }

  std::vector<Route<Handler>> routes_;
};

}  // namespace newsroom::server

#endif  // NEWSROOM_SERVER_ROUTER_H_
