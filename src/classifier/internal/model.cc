// The model file is text so that a broken file can be reported by line and
// a reviewer can read its header; it stays small because only non-zero
// weights are written, as (gap to the previous bucket, int16) pairs: most
// gaps and weights are two or three digits, about 8 bytes a weight.
// Doubles are written in their shortest round-trip form (std::to_chars), so
// parse(serialize(m)) reproduces m exactly and scores do not drift between the
// training run that tuned the threshold and the engine that loads the file.
//
// Tested by model_test.cc.
#include "classifier/internal/model.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace newsroom::classifier::internal {
namespace {

// The shortest text that parses back to exactly `x`.
std::string FormatDouble(double x) {
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, x);
  return std::string(buffer, end);
}

bool ParseDouble(std::string_view s, double* out) {
  if (s.empty()) return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && ptr == s.data() + s.size() && std::isfinite(*out);
}

template <typename Int>
bool ParseInt(std::string_view s, Int* out) {
  if (s.empty()) return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    if (i > start) out.push_back(line.substr(start, i - start));
  }
  return out;
}

bool ValidExtraName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
      return false;
    }
  }
  return true;
}

// Reads a model file one line at a time and names the line in errors.
class Reader {
 public:
  Reader(std::string_view text, const std::string& path)
      : text_(text), path_(path) {}

  // The next line that is not a leading comment; false at the end.
  bool Next(std::string_view* line) {
    while (pos_ < text_.size()) {
      size_t end = text_.find('\n', pos_);
      if (end == std::string_view::npos) end = text_.size();
      std::string_view l = text_.substr(pos_, end - pos_);
      pos_ = end + 1;
      ++line_;
      if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
      if (!in_body_ && (l.empty() || l[0] == '#')) continue;
      in_body_ = true;
      *line = l;
      return true;
    }
    return false;
  }

  absl::Status Error(const std::string& message) const {
    return absl::InvalidArgumentError(
        path_ + ":" + std::to_string(std::max(line_, 1)) + ": " + message);
  }

  // The next record, which must be `keyword` followed by `n` fields.
  absl::StatusOr<std::vector<std::string_view>> Record(std::string_view keyword,
                                                       size_t n) {
    std::string_view line;
    if (!Next(&line)) {
      return Error("unexpected end of file, expected \"" +
                   std::string(keyword) + "\"");
    }
    std::vector<std::string_view> f = Fields(line);
    if (f.empty() || f[0] != keyword) {
      return Error("expected \"" + std::string(keyword) + "\", got \"" +
                   std::string(line.substr(0, 40)) + "\"");
    }
    if (f.size() != n + 1) {
      return Error("\"" + std::string(keyword) + "\" takes " +
                   std::to_string(n) + " value(s), got " +
                   std::to_string(f.size() - 1));
    }
    return f;
  }

  absl::StatusOr<double> DoubleRecord(std::string_view keyword) {
    absl::StatusOr<std::vector<std::string_view>> f = Record(keyword, 1);
    if (!f.ok()) return f.status();
    double x;
    if (!ParseDouble((*f)[1], &x)) {
      return Error("\"" + std::string(keyword) + "\": not a finite number: \"" +
                   std::string((*f)[1]) + "\"");
    }
    return x;
  }

 private:
  std::string_view text_;
  const std::string& path_;
  size_t pos_ = 0;
  int line_ = 0;
  bool in_body_ = false;
};

absl::Status ParseFeatures(Reader& reader, FeatureOptions* options) {
  std::string_view line;
  if (!reader.Next(&line)) return reader.Error("expected \"features\"");
  std::vector<std::string_view> f = Fields(line);
  if (f.size() < 6 || f.size() > 10 || f[0] != "features") {
    return reader.Error(
        "expected \"features bits=… char=…-… folded=… word=… repeat=…\"");
  }
  auto value = [&](int i, std::string_view key) -> std::string_view {
    std::string_view field = f[i];
    if (field.substr(0, key.size()) != key || field.size() <= key.size() ||
        field[key.size()] != '=') {
      return {};
    }
    return field.substr(key.size() + 1);
  };
  std::string_view chars = value(2, "char");
  size_t dash = chars.find('-');
  int folded = -1;
  if (!ParseInt(value(1, "bits"), &options->bits) ||
      dash == std::string_view::npos ||
      !ParseInt(chars.substr(0, dash), &options->min_char) ||
      !ParseInt(chars.substr(dash + 1), &options->max_char) ||
      !ParseInt(value(3, "folded"), &folded) || (folded != 0 && folded != 1) ||
      !ParseInt(value(4, "word"), &options->max_word) ||
      !ParseInt(value(5, "repeat"), &options->max_repeat)) {
    return reader.Error(
        "expected \"features bits=<int> char=<min>-<max> folded=<0|1> "
        "word=<int> repeat=<int>\", got \"" +
        std::string(line) + "\"");
  }
  options->folded_chars = folded == 1;
  // The optional keys, in order; absent means off (files written before
  // they existed), whatever FeatureOptions' defaults are.
  options->min_stem = options->max_stem = 0;
  options->plain_words = false;
  options->group_norm = false;
  size_t next = 6;
  auto optional = [&](std::string_view key) -> std::string_view {
    if (next >= f.size()) return {};
    std::string_view field = f[next];
    if (field.size() <= key.size() + 1 || field.substr(0, key.size()) != key ||
        field[key.size()] != '=') {
      return {};
    }
    ++next;
    return field.substr(key.size() + 1);
  };
  if (std::string_view stem = optional("stem"); !stem.empty()) {
    size_t at = stem.find('-');
    if (at == std::string_view::npos ||
        !ParseInt(stem.substr(0, at), &options->min_stem) ||
        !ParseInt(stem.substr(at + 1), &options->max_stem)) {
      return reader.Error("features: expected stem=<min>-<max>, got \"" +
                          std::string(stem) + "\"");
    }
  }
  if (std::string_view plain = optional("plain"); !plain.empty()) {
    if (plain != "0" && plain != "1") {
      return reader.Error("features: expected plain=<0|1>");
    }
    options->plain_words = plain == "1";
  }
  if (std::string_view norm = optional("norm"); !norm.empty()) {
    if (norm != "all" && norm != "group") {
      return reader.Error("features: expected norm=<all|group>");
    }
    options->group_norm = norm == "group";
  }
  options->target_placeholder = false;
  if (std::string_view targets = optional("targets"); !targets.empty()) {
    if (targets != "0" && targets != "1") {
      return reader.Error("features: expected targets=<0|1>");
    }
    options->target_placeholder = targets == "1";
  }
  if (next != f.size()) {
    return reader.Error("features: unknown or misplaced field \"" +
                        std::string(f[next]) + "\"");
  }
  if (absl::Status s = ValidateFeatureOptions(*options); !s.ok()) {
    return reader.Error(std::string(s.message()));
  }
  return absl::OkStatus();
}

}  // namespace

double Model::Margin(std::span<const uint32_t> buckets, size_t char_count,
                     std::span<const NamedValue> extra) const {
  const int16_t* w = weights.data();
  double margin = bias;
  auto add = [&](std::span<const uint32_t> group) {
    if (group.empty()) return;
    int64_t sum = 0;
    for (uint32_t b : group) sum += w[b];
    margin += scale * static_cast<double>(sum) /
              std::sqrt(static_cast<double>(group.size()));
  };
  if (features.group_norm) {
    add(buckets.subspan(0, char_count));
    add(buckets.subspan(char_count));
  } else {
    add(buckets);
  }
  for (const NamedValue& v : extra) {
    for (const auto& [name, weight] : extras) {
      if (name == v.name) {
        margin += weight * v.value;
        break;
      }
    }
  }
  return margin;
}

double Model::Calibrate(double margin) const {
  if (calibration.empty()) return 1.0 / (1.0 + std::exp(-margin));
  if (margin <= calibration.front().first) return calibration.front().second;
  if (margin >= calibration.back().first) return calibration.back().second;
  // The first knot whose margin is above `margin`; it has a predecessor.
  auto upper =
      std::upper_bound(calibration.begin(), calibration.end(), margin,
                       [](double m, const std::pair<double, double>& knot) {
                         return m < knot.first;
                       });
  const auto& [m1, s1] = *upper;
  const auto& [m0, s0] = *(upper - 1);
  return s0 + (s1 - s0) * (margin - m0) / (m1 - m0);
}

std::string SerializeModel(const Model& model, std::string_view header) {
  std::string out(header);
  const FeatureOptions& f = model.features;
  out += "newsroom-offensive-model 1\n";
  out += "features bits=" + std::to_string(f.bits) +
         " char=" + std::to_string(f.min_char) + "-" +
         std::to_string(f.max_char) +
         " folded=" + (f.folded_chars ? "1" : "0") +
         " word=" + std::to_string(f.max_word) +
         " repeat=" + std::to_string(f.max_repeat);
  if (f.min_stem != 0 || f.max_stem != 0) {
    out += " stem=" + std::to_string(f.min_stem) + "-" +
           std::to_string(f.max_stem);
  }
  if (f.plain_words) out += " plain=1";
  if (f.group_norm) out += " norm=group";
  if (f.target_placeholder) out += " targets=1";
  out += "\n";
  out += "scale " + FormatDouble(model.scale) + "\n";
  out += "bias " + FormatDouble(model.bias) + "\n";
  out += "calibration " + std::to_string(model.calibration.size()) + "\n";
  for (const auto& [margin, score] : model.calibration) {
    out += FormatDouble(margin) + " " + FormatDouble(score) + "\n";
  }
  out += "threshold " + FormatDouble(model.threshold) + "\n";
  out += "extras " + std::to_string(model.extras.size()) + "\n";
  for (const auto& [name, weight] : model.extras) {
    out += "extra " + name + " " + FormatDouble(weight) + "\n";
  }
  size_t nonzero = 0;
  for (int16_t q : model.weights) nonzero += q != 0;
  out += "weights " + std::to_string(nonzero) + "\n";
  uint32_t previous = 0;
  for (size_t b = 0; b < model.weights.size(); ++b) {
    if (model.weights[b] == 0) continue;
    out += std::to_string(b - previous);
    out += ' ';
    out += std::to_string(model.weights[b]);
    out += '\n';
    previous = static_cast<uint32_t>(b);
  }
  out += "end\n";
  return out;
}

absl::StatusOr<Model> ParseModel(std::string_view text,
                                 const std::string& path) {
  Reader reader(text, path);
  Model model;
  {
    absl::StatusOr<std::vector<std::string_view>> magic =
        reader.Record("newsroom-offensive-model", 1);
    if (!magic.ok()) return magic.status();
    if ((*magic)[1] != "1") {
      return reader.Error("unsupported model version \"" +
                          std::string((*magic)[1]) + "\" (this build reads 1)");
    }
  }
  if (absl::Status s = ParseFeatures(reader, &model.features); !s.ok()) {
    return s;
  }
  absl::StatusOr<double> scale = reader.DoubleRecord("scale");
  if (!scale.ok()) return scale.status();
  if (*scale < 0) return reader.Error("scale must not be negative");
  model.scale = *scale;
  absl::StatusOr<double> bias = reader.DoubleRecord("bias");
  if (!bias.ok()) return bias.status();
  model.bias = *bias;
  {
    absl::StatusOr<std::vector<std::string_view>> f =
        reader.Record("calibration", 1);
    if (!f.ok()) return f.status();
    int count;
    if (!ParseInt((*f)[1], &count) || count < 0 || count > 100000) {
      return reader.Error("calibration: expected a count in [0, 100000]");
    }
    for (int i = 0; i < count; ++i) {
      std::string_view line;
      if (!reader.Next(&line)) {
        return reader.Error("unexpected end of file in the calibration knots");
      }
      std::vector<std::string_view> knot = Fields(line);
      double margin, score;
      if (knot.size() != 2 || !ParseDouble(knot[0], &margin) ||
          !ParseDouble(knot[1], &score)) {
        return reader.Error("expected \"<margin> <score>\", got \"" +
                            std::string(line.substr(0, 40)) + "\"");
      }
      if (score < 0 || score > 1) {
        return reader.Error("calibration score must be in [0, 1]");
      }
      if (!model.calibration.empty() &&
          (margin <= model.calibration.back().first ||
           score < model.calibration.back().second)) {
        return reader.Error(
            "calibration knots must ascend in margin and not descend in "
            "score");
      }
      model.calibration.emplace_back(margin, score);
    }
  }
  absl::StatusOr<double> threshold = reader.DoubleRecord("threshold");
  if (!threshold.ok()) return threshold.status();
  if (*threshold < 0 || *threshold > 1) {
    return reader.Error("threshold must be in [0, 1]");
  }
  model.threshold = *threshold;
  {
    absl::StatusOr<std::vector<std::string_view>> f =
        reader.Record("extras", 1);
    if (!f.ok()) return f.status();
    int count;
    if (!ParseInt((*f)[1], &count) || count < 0 || count > 1000) {
      return reader.Error("extras: expected a count in [0, 1000]");
    }
    for (int i = 0; i < count; ++i) {
      absl::StatusOr<std::vector<std::string_view>> e =
          reader.Record("extra", 2);
      if (!e.ok()) return e.status();
      std::string_view name = (*e)[1];
      double weight;
      if (!ValidExtraName(name)) {
        return reader.Error("extra feature name must be [a-z0-9_]+, got \"" +
                            std::string(name) + "\"");
      }
      if (!ParseDouble((*e)[2], &weight)) {
        return reader.Error("extra " + std::string(name) +
                            ": not a finite number");
      }
      for (const auto& [other, w] : model.extras) {
        if (other == name) {
          return reader.Error("extra feature \"" + std::string(name) +
                              "\" appears twice");
        }
      }
      model.extras.emplace_back(std::string(name), weight);
    }
  }
  const size_t size = size_t{1} << model.features.bits;
  model.weights.assign(size, 0);
  {
    absl::StatusOr<std::vector<std::string_view>> f =
        reader.Record("weights", 1);
    if (!f.ok()) return f.status();
    size_t count;
    if (!ParseInt((*f)[1], &count) || count > size) {
      return reader.Error("weights: expected a count in [0, " +
                          std::to_string(size) + "]");
    }
    size_t bucket = 0;
    for (size_t i = 0; i < count; ++i) {
      std::string_view line;
      if (!reader.Next(&line)) {
        return reader.Error("unexpected end of file after " +
                            std::to_string(i) + " of " + std::to_string(count) +
                            " weights");
      }
      size_t space = line.find(' ');
      uint32_t gap;
      int q;
      if (space == std::string_view::npos ||
          !ParseInt(line.substr(0, space), &gap) ||
          !ParseInt(line.substr(space + 1), &q)) {
        return reader.Error("expected \"<gap> <weight>\", got \"" +
                            std::string(line.substr(0, 40)) + "\"");
      }
      if (q == 0 || q < INT16_MIN || q > INT16_MAX) {
        return reader.Error("weight must be a non-zero int16, got " +
                            std::to_string(q));
      }
      if (i > 0 && gap == 0) {
        return reader.Error("bucket ids must ascend (gap 0)");
      }
      bucket += gap;
      if (bucket >= size) {
        return reader.Error("bucket " + std::to_string(bucket) +
                            " is past the hash space of " +
                            std::to_string(size));
      }
      model.weights[bucket] = static_cast<int16_t>(q);
    }
  }
  std::string_view line;
  if (!reader.Next(&line) || line != "end") {
    return reader.Error("expected \"end\" after the weights");
  }
  while (reader.Next(&line)) {
    if (!line.empty()) return reader.Error("text after \"end\"");
  }
  return model;
}

}  // namespace newsroom::classifier::internal
