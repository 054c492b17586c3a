// Evaluation counts a confusion matrix once and reads both classes' figures
// off it (the NOT class's true positives are the OFF class's true
// negatives). Threshold search sorts the scores once and sweeps the cut from
// the top, updating the confusion matrix one example at a time, so it is
// O(n log n) however many distinct scores there are.
//
// Tested by evaluate_test.cc.
#include "classifier/evaluate.h"

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <numeric>

namespace newsroom::classifier {
namespace {

ClassMetrics Class(int64_t tp, int64_t fp, int64_t fn) {
  ClassMetrics m;
  m.true_positives = tp;
  m.false_positives = fp;
  m.false_negatives = fn;
  m.precision = tp + fp ? static_cast<double>(tp) / (tp + fp) : 0;
  m.recall = tp + fn ? static_cast<double>(tp) / (tp + fn) : 0;
  m.f1 = m.precision + m.recall > 0
             ? 2 * m.precision * m.recall / (m.precision + m.recall)
             : 0;
  return m;
}

Metrics FromCounts(int64_t tp, int64_t fp, int64_t fn, int64_t tn) {
  Metrics m;
  m.offensive = Class(tp, fp, fn);
  m.not_offensive = Class(tn, fn, fp);
  m.macro_f1 = (m.offensive.f1 + m.not_offensive.f1) / 2;
  m.examples = tp + fp + fn + tn;
  m.accuracy = m.examples ? static_cast<double>(tp + tn) / m.examples : 0;
  return m;
}

std::string Format(const char* format, ...)
    __attribute__((format(printf, 1, 2)));
std::string Format(const char* format, ...) {
  char buffer[256];
  va_list args;
  va_start(args, format);
  std::vsnprintf(buffer, sizeof buffer, format, args);
  va_end(args);
  return buffer;
}

}  // namespace

Metrics ComputeMetrics(const std::vector<bool>& truth,
                       const std::vector<bool>& predicted) {
  int64_t tp = 0, fp = 0, fn = 0, tn = 0;
  for (size_t i = 0; i < truth.size(); ++i) {
    if (truth[i]) {
      predicted[i] ? ++tp : ++fn;
    } else {
      predicted[i] ? ++fp : ++tn;
    }
  }
  return FromCounts(tp, fp, fn, tn);
}

Evaluation Evaluate(std::span<const Example> examples, const Decision& decide) {
  std::vector<bool> truth, predicted;
  truth.reserve(examples.size());
  predicted.reserve(examples.size());
  Evaluation e;
  for (const Example& x : examples) {
    absl::StatusOr<bool> d = decide(x);
    if (!d.ok()) ++e.errors;
    truth.push_back(x.offensive);
    predicted.push_back(d.ok() && *d);
  }
  e.metrics = ComputeMetrics(truth, predicted);
  return e;
}

absl::StatusOr<Evaluation> EvaluateFile(const std::string& path,
                                        std::optional<Split> split,
                                        const Decision& decide) {
  absl::StatusOr<std::vector<Example>> all = ReadExamples(path);
  if (!all.ok()) return all.status();
  std::vector<Example> selected;
  for (Example& x : *all) {
    if (!split || x.split == *split) selected.push_back(std::move(x));
  }
  std::string what =
      path + (split ? std::string(" (") + SplitName(*split) + " split)"
                    : std::string(" (all)"));
  if (selected.empty()) {
    return absl::InvalidArgumentError(what + ": no examples to evaluate");
  }
  Evaluation e = Evaluate(selected, decide);
  e.data = what;
  return e;
}

std::string FormatEvaluation(const Evaluation& evaluation) {
  const Metrics& m = evaluation.metrics;
  std::string out;
  if (!evaluation.data.empty()) out += evaluation.data + "\n";
  out += Format("%-6s %9s %9s %9s %8s\n", "class", "precision", "recall", "F1",
                "support");
  for (auto [name, c] :
       {std::pair<const char*, const ClassMetrics*>{"OFF", &m.offensive},
        {"NOT", &m.not_offensive}}) {
    out += Format("%-6s %9.4f %9.4f %9.4f %8lld\n", name, c->precision,
                  c->recall, c->f1, static_cast<long long>(c->support()));
  }
  out += Format("macro-F1 %.4f  accuracy %.4f  examples %lld  errors %lld\n",
                m.macro_f1, m.accuracy, static_cast<long long>(m.examples),
                static_cast<long long>(evaluation.errors));
  return out;
}

double BestThreshold(const std::vector<double>& scores,
                     const std::vector<bool>& labels, double* macro_f1) {
  const size_t n = scores.size();
  if (n == 0) {
    if (macro_f1 != nullptr) *macro_f1 = 0;
    return 0.5;
  }
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return scores[a] > scores[b]; });
  int64_t positives = std::count(labels.begin(), labels.end(), true);
  int64_t negatives = static_cast<int64_t>(n) - positives;
  // Cut k: the k highest scores are called OFF.
  int64_t tp = 0, fp = 0;
  double best_f1 = -1, best_t = 0.5;
  auto consider = [&](double t) {
    double f1 = FromCounts(tp, fp, positives - tp, negatives - fp).macro_f1;
    if (f1 > best_f1 + 1e-12 ||
        (std::fabs(f1 - best_f1) <= 1e-12 &&
         std::fabs(t - 0.5) < std::fabs(best_t - 0.5))) {
      best_f1 = f1;
      best_t = t;
    }
  };
  consider(std::nextafter(scores[order[0]], INFINITY));
  for (size_t k = 1; k <= n; ++k) {
    labels[order[k - 1]] ? ++tp : ++fp;
    double here = scores[order[k - 1]];
    if (k < n && scores[order[k]] == here) continue;
    consider(k < n ? (here + scores[order[k]]) / 2 : here);
  }
  if (macro_f1 != nullptr) *macro_f1 = best_f1;
  return best_t;
}

std::vector<CalibrationBucket> CalibrationTable(
    const std::vector<double>& scores, const std::vector<bool>& labels,
    int buckets) {
  std::vector<CalibrationBucket> table(buckets);
  for (int i = 0; i < buckets; ++i) {
    table[i].low = static_cast<double>(i) / buckets;
    table[i].high = static_cast<double>(i + 1) / buckets;
  }
  for (size_t k = 0; k < scores.size(); ++k) {
    int i = static_cast<int>(std::floor(scores[k] * buckets));
    i = std::clamp(i, 0, buckets - 1);
    ++table[i].count;
    table[i].offensive += labels[k];
    table[i].mean_score += scores[k];
  }
  for (CalibrationBucket& b : table) {
    if (b.count) b.mean_score /= b.count;
  }
  return table;
}

std::string FormatCalibrationTable(
    const std::vector<CalibrationBucket>& table) {
  int64_t total_offensive = 0;
  for (const CalibrationBucket& b : table) total_offensive += b.offensive;
  std::string out =
      Format("%-11s %6s %6s %10s %10s %14s %11s\n", "score", "count", "OFF",
             "mean score", "share OFF", "P(score>=low)", "R(>=low)");
  // Cumulative from the top bucket down.
  std::vector<std::string> rows;
  int64_t above = 0, above_offensive = 0;
  for (auto it = table.rbegin(); it != table.rend(); ++it) {
    above += it->count;
    above_offensive += it->offensive;
    double p = above ? static_cast<double>(above_offensive) / above : 0;
    double r = total_offensive
                   ? static_cast<double>(above_offensive) / total_offensive
                   : 0;
    rows.push_back(
        Format("[%.2f,%.2f%c %6lld %6lld %10.3f %10.3f %14.3f %11.3f\n",
               it->low, it->high, it == table.rbegin() ? ']' : ')',
               static_cast<long long>(it->count),
               static_cast<long long>(it->offensive), it->mean_score,
               it->observed(), p, r));
  }
  for (auto it = rows.rbegin(); it != rows.rend(); ++it) out += *it;
  return out;
}

}  // namespace newsroom::classifier
