// Counters and latency histograms for /metrics, in Prometheus' text format.
//
//   metrics.ObserveRequest("/news/{slug}", "GET", 200, absl::Microseconds(80));
//   metrics.CountComment(moderation::Decision::kApprove, {"spelling"});
//   std::string text = metrics.Render();
//
// Labels are the route's pattern, never the raw path, and a method HTTP
// defines or "other", so the number of series stays bounded whatever
// clients send. Thread-safe.
#ifndef NEWSROOM_SERVER_METRICS_H_
#define NEWSROOM_SERVER_METRICS_H_

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "absl/time/time.h"

namespace newsroom::server {

class Metrics {
 public:
  Metrics();

  void ObserveRequest(std::string_view route, std::string_view method,
                      int status, absl::Duration latency);
  // One comment (or moderation request) through the engine: the decision
  // ("approve", "review", "reject") and the rules it violated.
  void CountVerdict(std::string_view endpoint, std::string_view decision,
                    const std::vector<std::string>& rules);
  // A moderator's decision ("approved", "rejected").
  void CountModeratorDecision(std::string_view to);

  std::string Render() const;

  // Upper bounds of the latency buckets, in seconds.
  static constexpr std::array<double, 12> kBuckets = {
      0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005,
      0.01,   0.025,   0.05,   0.1,   0.5,    2.5};

 private:
  struct Histogram {
    std::array<uint64_t, kBuckets.size()> buckets{};
    uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mu_;
  // (route, method, status) → count
  std::map<std::tuple<std::string, std::string, int>, uint64_t> requests_;
  // (route, method) → latency
  std::map<std::pair<std::string, std::string>, Histogram> latency_;
  // (endpoint, decision) → count
  std::map<std::pair<std::string, std::string>, uint64_t> verdicts_;
  // (endpoint, rule) → count
  std::map<std::pair<std::string, std::string>, uint64_t> violations_;
  std::map<std::string, uint64_t> moderator_decisions_;
  absl::Time started_;
};

}  // namespace newsroom::server

#endif  // NEWSROOM_SERVER_METRICS_H_
