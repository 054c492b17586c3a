#include "deasciify/evaluate.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "deasciify/deasciifier.h"

namespace newsroom::deasciify {
namespace {

const Deasciifier& Committed() {
  static const Deasciifier* d = [] {
    auto loaded = Deasciifier::Load(Deasciifier::DefaultModelPath(), nullptr);
    EXPECT_TRUE(loaded.ok()) << loaded.status();
    return loaded->release();
  }();
  return *d;
}

TEST(EvaluateTest, ScoresTheModelAndBothBaselines) {
  const std::vector<std::string> sentences = {
      "Bu haber çok güzel olmuş.",
      "Seçili hücrelerin biçimini değiştirir.",
      "",  // blank lines are skipped
      "Dosya kaydedilmedi.",
  };
  absl::StatusOr<EvalReport> r = Evaluate(Committed(), sentences);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->sentences, 3);
  EXPECT_EQ(r->skipped, 1);
  EXPECT_EQ(r->as_is.words, 11);
  EXPECT_EQ(r->as_is.turkish_words, 7);
  EXPECT_EQ(r->as_is.turkish_correct, 0);
  EXPECT_EQ(r->as_is.correct, 4);
  EXPECT_GE(r->model.turkish_correct, r->most_frequent.turkish_correct);
  EXPECT_GE(r->model.TurkishAccuracy(), 6.0 / 7);
  EXPECT_GT(r->restore_word_ns, 0);

  nlohmann::json j = nlohmann::json::parse(ReportJson(*r));
  EXPECT_EQ(j["deasciifier"]["turkish_words"], 7);
  EXPECT_EQ(j["as_is"]["turkish_accuracy"], 0.0);
  EXPECT_TRUE(j.contains("restore_words_per_second"));
  EXPECT_NE(FormatReport(*r).find("most frequent form"), std::string::npos);
}

TEST(EvaluateTest, NothingToEvaluateIsInvalidArgument) {
  EXPECT_EQ(Evaluate(Committed(), {"", "   "}).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace newsroom::deasciify
