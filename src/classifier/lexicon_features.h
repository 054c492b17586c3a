// The lexicon matcher's findings as extra features of the offensive-language
// model: what a word list knows that n-grams learnt from 25k tweets may not
// (rare and disguised spellings, severity).
//
//   std::vector<lexicon::Match> matches = matcher.Find(doc, {.language = tr});
//   LexiconFeatures extra(matches);
//   double p = classifier.Score(doc, extra.features());
//
// The committed model (data/models/offensive.model) was trained with these
// features (`newsroom train offensive` runs the matcher over data/lexicon/
// on every tweet), so a caller must compute them the same way, from
// Matcher::Find on the same document; a model trained with --no-lexicon
// lists no extras and ignores them. When the lexicon files change, the
// model should be retrained.
//
// Features (all 0 when absent, so only those present are listed):
//   lexicon_<category>   log(1 + number of matches) per category
//                        (profanity, insult, slur, sexual, threat,
//                        belief_target, exclusion, dehumanisation, blame,
//                        curse); group targets have none
//   lexicon_abuse        1 when an abuse match is not an ambiguous entry
//   lexicon_ambiguous    1 when an abuse match is an ambiguous entry
//   lexicon_severity_<n> 1 for the highest severity n (1–3) of the
//                        non-ambiguous abuse matches
//   lexicon_evasion      1 when an abuse match was disguised (leet,
//                        separators, homoglyphs, repeats, ASCII for Turkish)
//
// A LexiconFeatures is a small value; building one does not allocate.
// Thread-safe: no shared state.
#ifndef NEWSROOM_CLASSIFIER_LEXICON_FEATURES_H_
#define NEWSROOM_CLASSIFIER_LEXICON_FEATURES_H_

#include <array>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "classifier/classifier.h"
#include "classifier/train.h"
#include "lexicon/matcher.h"

namespace newsroom::classifier {

class LexiconFeatures {
 public:
  static constexpr size_t kMaxFeatures = lexicon::kCategoryCount + 4;

  explicit LexiconFeatures(std::span<const lexicon::Match> matches);

  // The features present, in a fixed order. Names point at static strings.
  std::span<const ExtraFeature> features() const {
    return {features_.data(), size_};
  }

  // The same as owned pairs (the form TrainOptions::extra_features returns).
  std::vector<std::pair<std::string, float>> ToPairs() const;

 private:
  std::array<ExtraFeature, kMaxFeatures> features_;
  size_t size_ = 0;
};

// The tokens of `doc` that name a group of people or a faith: covered by a
// target match (belief or group target) that is not ambiguous ("Allah" in
// an everyday curse is not a group). One entry per token, 1 for a target.
// The same at training and at scoring (FeatureOptions::target_placeholder).
std::vector<uint8_t> TargetMask(const text::Document& doc,
                                std::span<const lexicon::Match> matches);

// A TrainOptions::extra_features function: LexiconFeatures of
// matcher.Find(doc) in `language` (that of the training data). `matcher`
// must outlive the function.
ExtraFeatureFn LexiconFeatureFn(
    const lexicon::Matcher& matcher,
    langid::Language language = langid::Language::kTurkish);

// A TrainOptions::target_mask function: TargetMask of matcher.Find(doc) in
// `language`. `matcher` must outlive the function.
TokenMaskFn TargetMaskFn(const lexicon::Matcher& matcher,
                         langid::Language language);

}  // namespace newsroom::classifier

#endif  // NEWSROOM_CLASSIFIER_LEXICON_FEATURES_H_
