// Scoring is feature extraction (features.cc) followed by one table look-up
// per feature occurrence in a dense int16 table of 2^bits weights, so its
// cost is linear in the length of the comment and independent of the model's
// size; the table (2 MiB at 20 bits) is built once when the file is loaded.
// Calibration is a logistic function of the margin, fitted on the dev split
// when the model was trained (train.cc).
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
        " (rebuild it with: newsroom train offensive --data "
        "offenseval-tr-training-v1.tsv --out " +
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

double Classifier::Margin(const text::Document& doc,
                          std::span<const ExtraFeature> extra) const {
  std::vector<uint32_t> buckets;
  buckets.reserve(doc.original().size() * 12 + 16);
  const size_t char_count = ExtractFeatures(doc, model_.features, &buckets);
  return model_.Margin(buckets, char_count, extra);
}

double Classifier::Score(const text::Document& doc,
                         std::span<const ExtraFeature> extra) const {
  return model_.Calibrate(Margin(doc, extra));
}

absl::StatusOr<double> Classifier::ScoreText(
    std::string_view text, std::span<const ExtraFeature> extra) const {
  absl::StatusOr<text::Document> doc = text::Document::Parse(text);
  if (!doc.ok()) return doc.status();
  return Score(*doc, extra);
}

std::vector<double> Classifier::TokenContributions(
    const text::Document& doc) const {
  std::vector<uint32_t> all;
  ExtractFeatures(doc, model_.features, &all);
  const double norm =
      all.empty() ? 0
                  : model_.scale / std::sqrt(static_cast<double>(all.size()));
  std::vector<std::vector<uint32_t>> per_token =
      TokenFeatures(doc, model_.features);
  std::vector<double> out;
  out.reserve(per_token.size());
  for (const std::vector<uint32_t>& buckets : per_token) {
    int64_t sum = 0;
    for (uint32_t b : buckets) sum += model_.weights[b];
    out.push_back(norm * static_cast<double>(sum));
  }
  return out;
}

std::vector<std::string> Classifier::extra_feature_names() const {
  std::vector<std::string> names;
  for (const auto& [name, weight] : model_.extras) names.push_back(name);
  return names;
}

}  // namespace newsroom::classifier
