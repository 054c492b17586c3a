// Scoring is feature extraction (features.cc) followed by one table look-up
// per feature occurrence in a dense int16 table of 2^bits weights, so its
// cost is linear in the length of the comment and independent of the model's
// size; the table (8 MiB at 22 bits, on huge pages where the kernel grants
// them) is built once when the file is loaded. Calibration is a function of
// the margin fitted on the dev split when the model was trained (train.cc).
//
// Measured on the OffensEval tweets (classifier_benchmark, *Corpus), a
// tweet has about 1,150 feature occurrences, and about a third of the time
// went to reading their weights: most are misses in a table that does not
// fit in L2, and the reads came only after all the hashing. So the
// extraction prefetches each weight as it computes its id (the reads then
// overlap the hashing), and the sum that follows finds the lines in cache.
// The sum is of integers, so neither its order nor the prefetching can
// change a score. The bucket ids go to a buffer per thread that keeps its
// capacity: a score allocates nothing.
//
// TokenContributions needs each word's own features and, to normalise them
// like Score, only the number of the comment's features, which
// ListTokenFeatures counts without hashing them.
//
// Tested by classifier_test.cc.
#include "classifier/classifier.h"

#include <cmath>
#include <fstream>
#include <sstream>

namespace newsroom::classifier {

absl::StatusOr<std::unique_ptr<const Classifier>> Classifier::Load(
    const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(
        "cannot read offensive-language model " + path +
        " (rebuild it with the command in BENCHMARKS.md: newsroom train "
        "offensive --data … --out " +
        path + ")");
  }
  std::stringstream contents;
  contents << in.rdbuf();
  return FromString(contents.str(), path);
}

absl::StatusOr<std::unique_ptr<const Classifier>> Classifier::FromString(
    std::string_view contents, const std::string& name) {
  absl::StatusOr<internal::Model> model = internal::ParseModel(contents, name);
  if (!model.ok()) return model.status();
  return std::unique_ptr<const Classifier>(new Classifier(std::move(*model)));
}

namespace {

// Scratch buffers per thread that grew past this for a very long comment
// are given back afterwards (a tweet needs about 5 KB).
constexpr size_t kMaxScratchBytes = size_t{1} << 20;

}  // namespace

double Classifier::Margin(const text::Document& doc,
                          std::span<const ExtraFeature> extra,
                          TokenMask targets, TokenMask leave_out) const {
  thread_local std::vector<uint32_t> buckets;
  buckets.clear();
  const size_t char_count =
      ExtractFeatures(doc, model_.features, &buckets, model_.weights.data(),
                      targets, leave_out);
  const double margin = model_.Margin(buckets, char_count, extra);
  if (buckets.capacity() * sizeof(uint32_t) > kMaxScratchBytes) {
    std::vector<uint32_t>().swap(buckets);
  }
  return margin;
}

double Classifier::Score(const text::Document& doc,
                         std::span<const ExtraFeature> extra,
                         TokenMask targets) const {
  return model_.Calibrate(Margin(doc, extra, targets));
}

absl::StatusOr<double> Classifier::ScoreText(
    std::string_view text, std::span<const ExtraFeature> extra) const {
  absl::StatusOr<text::Document> doc = text::Document::Parse(text);
  if (!doc.ok()) return doc.status();
  return Score(*doc, extra);
}

std::vector<double> Classifier::TokenContributions(const text::Document& doc,
                                                   TokenMask targets) const {
  thread_local TokenFeatureList list;
  ListTokenFeatures(doc, model_.features, &list, targets);
  const size_t n = list.comment_features;
  const double norm =
      n == 0 ? 0 : model_.scale / std::sqrt(static_cast<double>(n));
  std::vector<double> out;
  out.reserve(list.ends.size());
  for (size_t t = 0; t < list.ends.size(); ++t) {
    int64_t sum = 0;
    for (uint32_t b : list.of(t)) sum += model_.weights[b];
    out.push_back(norm * static_cast<double>(sum));
  }
  if (list.buckets.capacity() * sizeof(uint32_t) > kMaxScratchBytes) {
    list = TokenFeatureList();
  }
  return out;
}

std::vector<std::string> Classifier::extra_feature_names() const {
  std::vector<std::string> names;
  for (const auto& [name, weight] : model_.extras) names.push_back(name);
  return names;
}

}  // namespace newsroom::classifier
