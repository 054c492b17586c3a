// `newsroom train offensive`: reads the flags into classifier::TrainOptions,
// writes the command line itself (only the flags that differ from the
// defaults) into the model's header so that the file says how to rebuild it,
// trains, and prints what the dev split says about the result.
#include "app/train_offensive_command.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>

#include "classifier/dataset.h"
#include "classifier/evaluate.h"
#include "classifier/lexicon_features.h"
#include "classifier/train.h"
#include "datadir/datadir.h"
#include "langid/language.h"
#include "lexicon/matcher.h"

namespace newsroom::app {
namespace {

std::string DefaultLexiconDir() { return datadir::Get() + "/lexicon"; }

struct Flags {
  classifier::TrainOptions options;
  std::string char_range =
      std::to_string(classifier::FeatureOptions().min_char) + "-" +
      std::to_string(classifier::FeatureOptions().max_char);
  std::string stem_range =
      std::to_string(classifier::FeatureOptions().min_stem) + "-" +
      std::to_string(classifier::FeatureOptions().max_stem);
  bool no_folded = false;
  int cross_validate = 0;
  std::string lexicon = DefaultLexiconDir();
  bool no_lexicon = false;
  std::string lang = "tr";
  std::vector<std::string> data;
};

std::string Number(double x) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", x);
  return buffer;
}

// The command line that reproduces `flags`, defaults left out.
std::string CommandLine(const Flags& flags) {
  const classifier::TrainOptions& o = flags.options;
  const classifier::TrainOptions d;
  std::string c = "newsroom train offensive";
  if (flags.lang != "tr") c += " --lang " + flags.lang;
  c += " --data " + o.data_path;
  for (const std::string& more : o.more_data_paths) c += " --data " + more;
  for (const std::string& clean : o.clean_paths) c += " --clean " + clean;
  c += " --out " + o.output_path + " --seed " + std::to_string(o.seed);
  if (!o.clean_paths.empty() && o.clean_weight != d.clean_weight) {
    c += " --clean-weight " + Number(o.clean_weight);
  }
  if (!o.features.target_placeholder) c += " --no-target-placeholder";
  if (o.epochs != d.epochs) c += " --epochs " + std::to_string(o.epochs);
  if (o.learning_rate != d.learning_rate) {
    c += " --learning-rate " + Number(o.learning_rate);
  }
  if (o.l2 != d.l2) c += " --l2 " + Number(o.l2);
  if (o.positive_weight != d.positive_weight) {
    c += " --positive-weight " + Number(o.positive_weight);
  }
  if (o.nb_alpha != d.nb_alpha) c += " --nb-alpha " + Number(o.nb_alpha);
  if (o.min_count != d.min_count) {
    c += " --min-count " + std::to_string(o.min_count);
  }
  if (o.prune_steps != d.prune_steps) {
    c += " --prune-steps " + std::to_string(o.prune_steps);
  }
  if (o.features.bits != d.features.bits) {
    c += " --bits " + std::to_string(o.features.bits);
  }
  if (o.features.min_char != d.features.min_char ||
      o.features.max_char != d.features.max_char) {
    c += " --char " + flags.char_range;
  }
  if (o.features.max_word != d.features.max_word) {
    c += " --word " + std::to_string(o.features.max_word);
  }
  if (o.features.min_stem != d.features.min_stem ||
      o.features.max_stem != d.features.max_stem) {
    c += " --stem " + flags.stem_range;
  }
  if (o.features.plain_words != d.features.plain_words) {
    c += o.features.plain_words ? " --plain-words" : " --no-plain-words";
  }
  if (o.features.group_norm != d.features.group_norm) {
    c += o.features.group_norm ? " --group-norm" : " --no-group-norm";
  }
  if (o.bags != d.bags) c += " --bags " + std::to_string(o.bags);
  if (o.calibration_min_block != d.calibration_min_block) {
    c += " --calibration-min-block " + std::to_string(o.calibration_min_block);
  }
  if (o.ensemble != d.ensemble) {
    c += o.ensemble ? " --ensemble" : " --no-ensemble";
  }
  if (flags.no_folded) c += " --no-folded";
  if (o.features.max_repeat != d.features.max_repeat) {
    c += " --repeat " + std::to_string(o.features.max_repeat);
  }
  if (flags.no_lexicon) {
    c += " --no-lexicon";
  } else if (flags.lexicon != DefaultLexiconDir()) {
    c += " --lexicon " + flags.lexicon;
  }
  return c;
}

// Cross-validation on the train split: mean and spread of macro-F1.
int CrossValidate(const classifier::TrainOptions& o, int folds) {
  auto data = classifier::ReadOffensEvalTsv(o.data_path);
  if (!data.ok()) {
    std::cerr << "newsroom train offensive: " << data.status().message()
              << "\n";
    return 2;
  }
  std::vector<classifier::Example> train;
  for (classifier::Example& e : *data) {
    if (classifier::SplitOf(e.id) == classifier::Split::kTrain) {
      train.push_back(std::move(e));
    }
  }
  auto start = std::chrono::steady_clock::now();
  auto metrics = classifier::CrossValidate(train, o, folds);
  if (!metrics.ok()) {
    std::cerr << "newsroom train offensive: " << metrics.status().message()
              << "\n";
    return 2;
  }
  double sum = 0, sum2 = 0, off = 0;
  for (const classifier::Metrics& m : *metrics) {
    sum += m.macro_f1;
    sum2 += m.macro_f1 * m.macro_f1;
    off += m.offensive.f1;
  }
  const double n = static_cast<double>(metrics->size());
  const double mean = sum / n;
  const double sd = std::sqrt(std::max(0.0, sum2 / n - mean * mean));
  std::printf(
      "%d-fold cross-validation on the train split: macro-F1 %.4f ± %.4f "
      "(sd over folds), OFF F1 %.4f; %.1f s\n",
      folds, mean, sd, off / n,
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count());
  return 0;
}

int Run(Flags flags) {
  classifier::TrainOptions& o = flags.options;
  size_t dash = flags.char_range.find('-');
  try {
    if (dash == std::string::npos) throw std::invalid_argument("no dash");
    o.features.min_char = std::stoi(flags.char_range.substr(0, dash));
    o.features.max_char = std::stoi(flags.char_range.substr(dash + 1));
  } catch (const std::exception&) {
    std::cerr << "newsroom train offensive: --char must be MIN-MAX (e.g. 1-5, "
                 "or 0-0 for none), got \""
              << flags.char_range << "\"\n";
    return 2;
  }
  dash = flags.stem_range.find('-');
  try {
    if (dash == std::string::npos) throw std::invalid_argument("no dash");
    o.features.min_stem = std::stoi(flags.stem_range.substr(0, dash));
    o.features.max_stem = std::stoi(flags.stem_range.substr(dash + 1));
  } catch (const std::exception&) {
    std::cerr << "newsroom train offensive: --stem must be MIN-MAX (e.g. 4-6, "
                 "or 0-0 for none), got \""
              << flags.stem_range << "\"\n";
    return 2;
  }
  o.features.folded_chars = !flags.no_folded;
  if (flags.data.empty()) {
    std::cerr << "newsroom train offensive: give --data FILE\n";
    return 2;
  }
  o.data_path = flags.data[0];
  o.more_data_paths.assign(flags.data.begin() + 1, flags.data.end());
  absl::StatusOr<langid::Language> language =
      langid::ParseLanguageCode(flags.lang);
  if (!language.ok() || (*language != langid::Language::kTurkish &&
                         *language != langid::Language::kEnglish)) {
    std::cerr << "newsroom train offensive: --lang must be tr or en\n";
    return 2;
  }
  if (o.features.target_placeholder && flags.no_lexicon) {
    std::cerr << "newsroom train offensive: target placeholders need the "
                 "lexicon (drop --no-lexicon or add --no-target-placeholder)\n";
    return 2;
  }
  o.command = CommandLine(flags);
  std::unique_ptr<const lexicon::Matcher> matcher;
  if (!flags.no_lexicon) {
    auto loaded = lexicon::Matcher::Load(
        lexicon::LexiconPaths::InDirectory(flags.lexicon));
    if (!loaded.ok()) {
      std::cerr << "newsroom train offensive: " << loaded.status().message()
                << "\n";
      return 2;
    }
    matcher = *std::move(loaded);
    o.extra_features = classifier::LexiconFeatureFn(*matcher, *language);
    o.target_mask = classifier::TargetMaskFn(*matcher, *language);
    o.extra_features_source =
        "the lexicon findings of classifier/lexicon_features.h over " +
        (flags.lexicon == DefaultLexiconDir() ? std::string("data/lexicon")
                                              : flags.lexicon) +
        "; retrain when the lexicon changes.";
  }
  if (flags.cross_validate > 0) return CrossValidate(o, flags.cross_validate);
  std::cerr << "training: " << o.command << "\n";
  auto start = std::chrono::steady_clock::now();
  classifier::TrainStats stats;
  absl::Status status = classifier::Train(o, &stats);
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  if (!status.ok()) {
    std::cerr << "newsroom train offensive: " << status.message() << "\n";
    return 2;
  }
  std::printf(
      "wrote %s: %lld bytes, %lld non-zero weights (%lld buckets in use)\n"
      "train %lld examples (%lld clean sentences), dev %lld tweets, %lld "
      "skipped (not parseable); %.1f s\n",
      o.output_path.c_str(), static_cast<long long>(stats.model_bytes),
      static_cast<long long>(stats.nonzero_weights),
      static_cast<long long>(stats.buckets_used),
      static_cast<long long>(stats.train_examples),
      static_cast<long long>(stats.clean_examples),
      static_cast<long long>(stats.dev_examples),
      static_cast<long long>(stats.skipped), seconds);
  classifier::Evaluation dev;
  dev.metrics = stats.dev;
  dev.data = "dev split at threshold " + Number(stats.threshold) + ":";
  std::printf("%s", classifier::FormatEvaluation(dev).c_str());
  std::printf(
      "calibration on dev:\n%s",
      classifier::FormatCalibrationTable(
          classifier::CalibrationTable(stats.dev_scores, stats.dev_labels, 10))
          .c_str());
  return 0;
}

}  // namespace

void RegisterTrainOffensiveCommand(CLI::App& train, int* exit_code) {
  CLI::App* cmd = train.add_subcommand(
      "offensive",
      "Learn the offensive-language classifier from OffensEval-format tweets "
      "(train split; calibrated on the dev split)");
  auto flags = std::make_shared<Flags>();
  classifier::TrainOptions& o = flags->options;
  o.output_path = "data/models/offensive.model";
  o.features.target_placeholder = true;
  cmd->add_option("--data", flags->data,
                  "Labelled tweets (OffensEval, OLID or Davidson; repeat for "
                  "several): the model learns from every file's train split, "
                  "the first file's dev split calibrates it")
      ->required();
  cmd->add_option("--clean", o.clean_paths,
                  "Clean sentences, one a line, or a WordNet data file "
                  "(its usage examples; repeat for several): their train "
                  "split joins the training data as NOT");
  cmd->add_option("--clean-weight", o.clean_weight,
                  "Loss weight of a clean sentence relative to a tweet")
      ->capture_default_str();
  cmd->add_option("--lang", flags->lang,
                  "Language of the data (tr or en): the lexicon's findings "
                  "and targets are those of this language")
      ->capture_default_str();
  cmd->add_flag("--target-placeholder,!--no-target-placeholder",
                o.features.target_placeholder,
                "Read names of groups and faiths as one placeholder word");
  cmd->add_option("--out", o.output_path, "Model file to write")
      ->capture_default_str();
  cmd->add_option("--seed", o.seed, "Seed of the SGD order")
      ->capture_default_str();
  cmd->add_option("--epochs", o.epochs, "Passes over the train split")
      ->capture_default_str();
  cmd->add_option("--learning-rate", o.learning_rate, "AdaGrad step size")
      ->capture_default_str();
  cmd->add_option("--l2", o.l2, "L2 penalty")->capture_default_str();
  cmd->add_option("--positive-weight", o.positive_weight,
                  "Loss weight of an OFF tweet (0: NOT/OFF ratio)")
      ->capture_default_str();
  cmd->add_option("--nb-alpha", o.nb_alpha,
                  "Naive-Bayes feature scaling prior (0: no scaling)")
      ->capture_default_str();
  cmd->add_option("--min-count", o.min_count,
                  "Drop features seen in fewer train tweets")
      ->capture_default_str();
  cmd->add_option("--prune-steps", o.prune_steps,
                  "Zero quantized weights smaller than this")
      ->capture_default_str();
  cmd->add_option("--bits", o.features.bits, "Hash space: 2^bits buckets")
      ->capture_default_str();
  cmd->add_option("--char", flags->char_range,
                  "Character n-gram lengths MIN-MAX (0-0: none)")
      ->capture_default_str();
  cmd->add_option("--word", o.features.max_word, "Word n-grams 1..N (0: none)")
      ->capture_default_str();
  cmd->add_option("--stem", flags->stem_range,
                  "Prefix stems of the plain words, lengths MIN-MAX (0-0: "
                  "none)")
      ->capture_default_str();
  cmd->add_flag("--plain-words,!--no-plain-words", o.features.plain_words,
                "Unigrams of the plain (folded, de-duplicated) words");
  cmd->add_flag("--group-norm,!--no-group-norm", o.features.group_norm,
                "Normalise character n-grams and word features apart");
  cmd->add_option("--bags", o.bags,
                  "Average the weights of this many models trained in "
                  "differently shuffled orders (seed, seed+1, ...)")
      ->capture_default_str();
  cmd->add_option("--calibration-min-block", o.calibration_min_block,
                  "Pool calibration blocks of fewer dev examples than this "
                  "with their neighbour (1: no pooling)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd->add_flag("--ensemble,!--no-ensemble", o.ensemble,
                "Train a character model and a word model and add their "
                "margins (needs --group-norm)");
  cmd->add_flag("--no-folded", flags->no_folded,
                "No character n-grams of the ASCII-folded text");
  cmd->add_option("--repeat", o.features.max_repeat,
                  "Cut runs of one character to this length")
      ->capture_default_str();
  cmd->add_option("--lexicon", flags->lexicon,
                  "Lexicon directory whose findings are extra features")
      ->capture_default_str();
  cmd->add_flag("--no-lexicon", flags->no_lexicon,
                "Character and word n-grams only, no lexicon features");
  cmd->add_option("--cross-validate", flags->cross_validate,
                  "Instead of writing a model, report K-fold cross-validated "
                  "macro-F1 on the train split (for comparing options)");
  cmd->callback([flags, exit_code] { *exit_code = Run(*flags); });
}

}  // namespace newsroom::app
