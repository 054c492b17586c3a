// Reading OffensEval TSV and splitting it by a hash of the id.
//
// Hashing the id rather than shuffling with a seed keeps the split stable
// when the file grows, is re-ordered or is filtered, and keeps training
// seeds (which only change the order of SGD steps) from moving tweets
// between train and test. The SplitMix64 finalizer after FNV-1a spreads the
// short numeric ids ("20948") evenly over the ten parts.
//
// Tested by dataset_test.cc.
#include "classifier/dataset.h"

#include <cstdint>
#include <fstream>

#include "text/utf8.h"

namespace newsroom::classifier {
namespace {

uint64_t Mix(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

uint64_t IdHash(std::string_view id) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : id) h = (h ^ c) * 1099511628211ull;
  return Mix(h);
}

absl::Status LineError(const std::string& name, int line,
                       const std::string& message) {
  return absl::InvalidArgumentError(name + ":" + std::to_string(line) + ": " +
                                    message);
}

}  // namespace

const char* SplitName(Split split) {
  switch (split) {
    case Split::kTrain:
      return "train";
    case Split::kDev:
      return "dev";
    case Split::kTest:
      return "test";
  }
  return "?";
}

std::optional<Split> ParseSplit(std::string_view name) {
  for (Split s : {Split::kTrain, Split::kDev, Split::kTest}) {
    if (name == SplitName(s)) return s;
  }
  return std::nullopt;
}

Split SplitOf(std::string_view id) {
  switch (IdHash(id) % 10) {
    case 8:
      return Split::kDev;
    case 9:
      return Split::kTest;
    default:
      return Split::kTrain;
  }
}

int FoldOf(std::string_view id, int folds) {
  return static_cast<int>((IdHash(id) / 10) % static_cast<uint64_t>(folds));
}

absl::StatusOr<std::vector<Example>> ParseOffensEvalTsv(
    std::istream& in, const std::string& name) {
  std::vector<Example> out;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    size_t tab1 = line.find('\t');
    size_t tab2 = tab1 == std::string::npos ? tab1 : line.find('\t', tab1 + 1);
    if (tab2 == std::string::npos ||
        line.find('\t', tab2 + 1) != std::string::npos) {
      return LineError(name, number,
                       "expected three tab-separated fields: id, text, label "
                       "(OFF or NOT)");
    }
    std::string_view view(line);
    std::string_view id = view.substr(0, tab1);
    std::string_view text = view.substr(tab1 + 1, tab2 - tab1 - 1);
    std::string_view label = view.substr(tab2 + 1);
    if (number == 1 && id == "id") continue;  // header
    if (id.empty()) return LineError(name, number, "empty id");
    if (label != "OFF" && label != "NOT") {
      return LineError(
          name, number,
          "label must be OFF or NOT, got \"" + std::string(label) + "\"");
    }
    if (absl::Status s = text::ValidateUtf8(text); !s.ok()) {
      return LineError(name, number,
                       "text is not valid UTF-8: " + std::string(s.message()));
    }
    Example& e = out.emplace_back();
    e.id = std::string(id);
    e.text = std::string(text);
    e.offensive = label == "OFF";
    e.line = number;
  }
  if (in.bad()) return absl::DataLossError(name + ": read error");
  return out;
}

absl::StatusOr<std::vector<Example>> ReadOffensEvalTsv(
    const std::string& path) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError("cannot open " + path);
  return ParseOffensEvalTsv(in, path);
}

}  // namespace newsroom::classifier
