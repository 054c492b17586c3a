#include "server/metrics.h"

#include <cstdio>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace newsroom::server {
namespace {

// Label values are route patterns and ids of our own, but escape anyway.
std::string Label(std::string_view v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

// The methods HTTP defines; anything else a client sends is "other", so
// that the number of series stays bounded whatever clients send.
std::string_view MethodLabel(std::string_view method) {
  for (std::string_view known : {"GET", "HEAD", "POST", "PUT", "PATCH",
                                 "DELETE", "OPTIONS", "CONNECT", "TRACE"}) {
    if (method == known) return known;
  }
  return "other";
}

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

}  // namespace

Metrics::Metrics() : started_(absl::Now()) {}

void Metrics::ObserveRequest(std::string_view route, std::string_view method,
                             int status, absl::Duration latency) {
  const double seconds = absl::ToDoubleSeconds(latency);
  const std::string_view label = MethodLabel(method);
  std::lock_guard<std::mutex> lock(mu_);
  ++requests_[{std::string(route), std::string(label), status}];
  Histogram& h = latency_[{std::string(route), std::string(label)}];
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++h.buckets[i];
  }
  ++h.count;
  h.sum += seconds;
}

void Metrics::CountVerdict(std::string_view endpoint, std::string_view decision,
                           const std::vector<std::string>& rules) {
  std::lock_guard<std::mutex> lock(mu_);
  ++verdicts_[{std::string(endpoint), std::string(decision)}];
  for (const std::string& rule : rules) {
    ++violations_[{std::string(endpoint), rule}];
  }
}

void Metrics::CountModeratorDecision(std::string_view to) {
  std::lock_guard<std::mutex> lock(mu_);
  ++moderator_decisions_[std::string(to)];
}

std::string Metrics::Render() const {
  std::lock_guard<std::mutex> lock(mu_);
  std::string out;
  out +=
      "# HELP newsroom_http_requests_total HTTP requests by route, method "
      "and status.\n# TYPE newsroom_http_requests_total counter\n";
  for (const auto& [key, n] : requests_) {
    const auto& [route, method, status] = key;
    absl::StrAppend(&out, "newsroom_http_requests_total{route=\"",
                    Label(route), "\",method=\"", Label(method),
                    "\",status=\"", status, "\"} ", n, "\n");
  }
  out +=
      "# HELP newsroom_http_request_duration_seconds Time from a whole "
      "request to its answer, by route.\n"
      "# TYPE newsroom_http_request_duration_seconds histogram\n";
  for (const auto& [key, h] : latency_) {
    const std::string labels = absl::StrCat("route=\"", Label(key.first),
                                            "\",method=\"", Label(key.second),
                                            "\"");
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      absl::StrAppend(&out, "newsroom_http_request_duration_seconds_bucket{",
                      labels, ",le=\"", Number(kBuckets[i]), "\"} ",
                      h.buckets[i], "\n");
    }
    absl::StrAppend(&out, "newsroom_http_request_duration_seconds_bucket{",
                    labels, ",le=\"+Inf\"} ", h.count, "\n");
    absl::StrAppend(&out, "newsroom_http_request_duration_seconds_sum{",
                    labels, "} ", Number(h.sum), "\n");
    absl::StrAppend(&out, "newsroom_http_request_duration_seconds_count{",
                    labels, "} ", h.count, "\n");
  }
  out +=
      "# HELP newsroom_verdicts_total Texts through the moderation engine, "
      "by endpoint and decision.\n# TYPE newsroom_verdicts_total counter\n";
  for (const auto& [key, n] : verdicts_) {
    absl::StrAppend(&out, "newsroom_verdicts_total{endpoint=\"",
                    Label(key.first), "\",decision=\"", Label(key.second),
                    "\"} ", n, "\n");
  }
  out +=
      "# HELP newsroom_rule_violations_total Violations found, by endpoint "
      "and rule id.\n# TYPE newsroom_rule_violations_total counter\n";
  for (const auto& [key, n] : violations_) {
    absl::StrAppend(&out, "newsroom_rule_violations_total{endpoint=\"",
                    Label(key.first), "\",rule=\"", Label(key.second), "\"} ",
                    n, "\n");
  }
  out +=
      "# HELP newsroom_moderator_decisions_total Comments moderators moved, "
      "by the status they moved them to.\n"
      "# TYPE newsroom_moderator_decisions_total counter\n";
  for (const auto& [to, n] : moderator_decisions_) {
    absl::StrAppend(&out, "newsroom_moderator_decisions_total{to=\"",
                    Label(to), "\"} ", n, "\n");
  }
  absl::StrAppend(&out,
                  "# HELP newsroom_uptime_seconds Seconds since start.\n"
                  "# TYPE newsroom_uptime_seconds gauge\nnewsroom_uptime_seconds ",
                  Number(absl::ToDoubleSeconds(absl::Now() - started_)), "\n");
  return out;
}

}  // namespace newsroom::server
