// The offensive-language classifier behind the `offensive` rule ("rahatsız
// edici ve imalı cümleler"): a linear model over hashed character and word
// n-grams of the comment and the lexicon matcher's findings, learnt from
// Turkish tweets (see train.h), with a calibrated score in [0, 1].
//
//   absl::StatusOr<std::unique_ptr<const Classifier>> c =
//       Classifier::Load(data_dir + "/models/offensive.model");   // once
//   …
//   absl::StatusOr<text::Document> doc = text::Document::Parse(comment);
//   std::vector<lexicon::Match> matches = matcher.Find(*doc, {kTurkish});
//   double p = (*c)->Score(*doc, LexiconFeatures(matches).features());
//   if (p >= 0.8) { /* reject */ } else if (p >= 0.37) { /* review */ }
//
// The score is calibrated on the dev split (isotonic regression): among dev
// tweets scored about 0.8, about 80 % were labelled offensive, so a policy can
// put `review` at 0.37 and `reject` at 0.8 and mean it. threshold() is the
// score that maximised macro-F1 on the dev split (about 0.37: offensive
// tweets are a fifth of the data, so the F1-optimal cut is below 0.5).
//
// Extra features are numbers the caller knows about the comment that the
// n-grams cannot see. A model learns a weight for each extra feature named
// at training time (TrainOptions::extra_features) and lists them in
// extra_feature_names(); Score() must then be given the same features
// computed the same way. The committed model is trained with the lexicon
// features of lexicon_features.h. Names the model does not know are
// ignored; known names not supplied count as 0 (the score is then that of a
// comment in which the lexicon found nothing).
//
// Thread-safety: Load() builds the classifier once; it is immutable
// afterwards, and Score(), Margin() and TokenContributions() may be called
// from any number of threads. Score() costs about 5 µs for a tweet-length
// comment whose weights are in cache and about 9 µs on the OffensEval
// tweets, most of whose weights are not (classifier_benchmark: BM_Score,
// and BM_ScoreCorpus minus BM_ParseCorpus), plus the parse and the lexicon,
// which the engine shares with other rules. Each thread keeps a few
// kilobytes of scratch buffers, so scoring does not allocate.
#ifndef NEWSROOM_CLASSIFIER_CLASSIFIER_H_
#define NEWSROOM_CLASSIFIER_CLASSIFIER_H_

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "classifier/internal/model.h"
#include "text/document.h"

namespace newsroom::classifier {

// One named extra feature value, e.g. {"profanity", 1}. The name is only
// read during the call.
using ExtraFeature = internal::NamedValue;

class Classifier {
 public:
  // Reads a model file written by Train(). Errors: NotFound naming the file
  // when it cannot be read; InvalidArgument naming the file and line when
  // it is not a valid model (see internal/model.h for the format).
  static absl::StatusOr<std::unique_ptr<const Classifier>> Load(
      const std::string& path);

  // The same from the file's contents; `name` stands for the file in
  // messages.
  static absl::StatusOr<std::unique_ptr<const Classifier>> FromString(
      std::string_view contents, const std::string& name);

  Classifier(const Classifier&) = delete;
  Classifier& operator=(const Classifier&) = delete;

  // The calibrated probability that the comment is offensive, in [0, 1].
  // `targets` marks the tokens that name a group or a faith (TargetMask in
  // lexicon_features.h); a model trained with target placeholders reads
  // them as one placeholder word, others ignore it.
  double Score(const text::Document& doc,
               std::span<const ExtraFeature> extra = {},
               TokenMask targets = {}) const;

  // Parses `text` with default options and scores it. InvalidArgument from
  // text::Document::Parse (invalid UTF-8, empty, too long).
  absl::StatusOr<double> ScoreText(
      std::string_view text, std::span<const ExtraFeature> extra = {}) const;

  // The uncalibrated linear score (before calibration; larger is more
  // offensive). The tokens marked in `leave_out` are read as if the
  // comment did not have them (ExtractFeatures in features.h): what the
  // rest of the comment earns.
  double Margin(const text::Document& doc,
                std::span<const ExtraFeature> extra = {},
                TokenMask targets = {}, TokenMask leave_out = {}) const;

  // For each token of `doc` (same order and size as doc.tokens()), how much
  // the features inside that token (its character n-grams, its word
  // unigram, plain word and prefix stems) add to the margin; emoji and a
  // token's surroundings are not attributed. Every feature is normalised
  // by the comment's total count, which is exact unless the model was
  // trained with group normalisation (features.h), where it is an
  // approximation good enough for ranking the words. The tokens with the
  // largest positive values are the ones to point a moderator at.
  std::vector<double> TokenContributions(const text::Document& doc,
                                         TokenMask targets = {}) const;

  // The calibrated probability of a margin: Score() is
  // Calibrate(Margin()).
  double Calibrate(double margin) const { return model_.Calibrate(margin); }

  // The score at or above which a comment is called offensive when the
  // classifier is used alone (the dev split's macro-F1 optimum).
  double threshold() const { return model_.threshold; }

  // The extra features the model was trained with, in file order.
  std::vector<std::string> extra_feature_names() const;

  const FeatureOptions& feature_options() const { return model_.features; }

 private:
  explicit Classifier(internal::Model model) : model_(std::move(model)) {}

  internal::Model model_;
};

}  // namespace newsroom::classifier

#endif  // NEWSROOM_CLASSIFIER_CLASSIFIER_H_
