// `newsroom eval offensive-model`: loads the classifier as the engine would,
// scores every selected tweet from its raw text (parsing and, for a model
// trained with lexicon features, the lexicon matcher included, so the speed
// printed is what a comment costs), and reports the classifier's decision
// at its own threshold with classifier::EvaluateFile.
#include "app/eval_offensive_command.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "classifier/classifier.h"
#include "classifier/evaluate.h"
#include "classifier/lexicon_features.h"
#include "datadir/datadir.h"
#include "lexicon/matcher.h"

namespace newsroom::app {
namespace {

struct Flags {
  std::string data;
  std::string split = "dev";
  std::string model = datadir::Get() + "/models/offensive.model";
  double threshold = -1;
  std::string lexicon = datadir::Get() + "/lexicon";
  std::string lang = "tr";
};

nlohmann::json ClassJson(const classifier::ClassMetrics& c) {
  auto round = [](double x) { return std::round(x * 10000) / 10000; };
  return {{"precision", round(c.precision)},
          {"recall", round(c.recall)},
          {"f1", round(c.f1)},
          {"support", c.support()}};
}

int Run(const Flags& flags) {
  std::optional<classifier::Split> split;
  if (flags.split != "all") {
    split = classifier::ParseSplit(flags.split);
    if (!split) {
      std::cerr << "newsroom eval offensive-model: --split must be train, dev, "
                   "test or all, got \""
                << flags.split << "\"\n";
      return 2;
    }
  }
  auto classifier = classifier::Classifier::Load(flags.model);
  if (!classifier.ok()) {
    std::cerr << "newsroom eval offensive-model: "
              << classifier.status().message() << "\n";
    return 2;
  }
  // A model trained with lexicon features gets them, as the engine would
  // supply them.
  absl::StatusOr<langid::Language> language =
      langid::ParseLanguageCode(flags.lang);
  if (!language.ok()) {
    std::cerr << "newsroom eval offensive-model: --lang: "
              << language.status().message() << "\n";
    return 2;
  }
  std::unique_ptr<const lexicon::Matcher> matcher;
  if (!(*classifier)->extra_feature_names().empty() ||
      (*classifier)->feature_options().target_placeholder) {
    auto loaded = lexicon::Matcher::Load(
        lexicon::LexiconPaths::InDirectory(flags.lexicon));
    if (!loaded.ok()) {
      std::cerr << "newsroom eval offensive-model: "
                << loaded.status().message() << "\n";
      return 2;
    }
    matcher = *std::move(loaded);
  }
  const double threshold =
      flags.threshold >= 0 ? flags.threshold : (*classifier)->threshold();
  std::vector<double> scores;
  std::vector<bool> labels;
  double seconds = 0;
  auto decide = [&](const classifier::Example& e) -> absl::StatusOr<bool> {
    auto start = std::chrono::steady_clock::now();
    absl::StatusOr<text::Document> doc = text::Document::Parse(e.text);
    if (!doc.ok()) return doc.status();
    std::vector<lexicon::Match> matches;
    if (matcher != nullptr) {
      lexicon::FindOptions options;
      options.language = *language;
      matches = matcher->Find(*doc, options);
    }
    classifier::LexiconFeatures extra(matches);
    std::vector<uint8_t> targets;
    if ((*classifier)->feature_options().target_placeholder) {
      targets = classifier::TargetMask(*doc, matches);
    }
    const double score = (*classifier)->Score(*doc, extra.features(), targets);
    seconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    scores.push_back(score);
    labels.push_back(e.offensive);
    return score >= threshold;
  };
  absl::StatusOr<classifier::Evaluation> evaluation =
      classifier::EvaluateFile(flags.data, split, decide);
  if (!evaluation.ok()) {
    std::cerr << "newsroom eval offensive-model: "
              << evaluation.status().message() << "\n";
    return 2;
  }
  const classifier::Metrics& m = evaluation->metrics;
  const double micros = m.examples ? 1e6 * seconds / m.examples : 0;
  std::printf("model %s, threshold %.4f\n", flags.model.c_str(), threshold);
  std::printf("%s", classifier::FormatEvaluation(*evaluation).c_str());
  std::printf("calibration:\n%s",
              classifier::FormatCalibrationTable(
                  classifier::CalibrationTable(scores, labels, 10))
                  .c_str());
  std::printf("%.1f µs per tweet (parse%s + score, one thread)\n", micros,
              matcher != nullptr ? " + lexicon" : "");
  nlohmann::json j = {
      {"data", evaluation->data},
      {"model", flags.model},
      {"threshold", threshold},
      {"examples", m.examples},
      {"errors", evaluation->errors},
      {"macro_f1", std::round(m.macro_f1 * 10000) / 10000},
      {"accuracy", std::round(m.accuracy * 10000) / 10000},
      {"off", ClassJson(m.offensive)},
      {"not", ClassJson(m.not_offensive)},
      {"us_per_tweet", std::round(micros * 10) / 10},
  };
  std::printf("%s\n", j.dump().c_str());
  return 0;
}

}  // namespace

void RegisterEvalOffensiveCommand(CLI::App& eval, int* exit_code) {
  CLI::App* cmd = eval.add_subcommand(
      "offensive-model",
      "The offensive-language classifier alone at its tuned threshold on "
      "OffensEval-format tweets: per-class P/R/F1, macro-F1, calibration");
  auto flags = std::make_shared<Flags>();
  cmd->add_option("--data", flags->data,
                  "Labelled tweets: OffensEval or OLID TSV, Davidson CSV")
      ->required();
  cmd->add_option("--split", flags->split,
                  "train, dev, test (the fixed id-hash split) or all")
      ->capture_default_str();
  cmd->add_option("--model", flags->model, "Model file")->capture_default_str();
  cmd->add_option("--lexicon", flags->lexicon,
                  "Lexicon directory (for a model trained with lexicon "
                  "features)")
      ->capture_default_str();
  cmd->add_option("--lang", flags->lang,
                  "Language of the data and the model (tr or en)")
      ->capture_default_str();
  cmd->add_option("--threshold", flags->threshold,
                  "Score threshold (default: the model's dev-tuned one)");
  cmd->callback([flags, exit_code] { *exit_code = Run(*flags); });
}

}  // namespace newsroom::app
