#include "deasciify/decision_list.h"

#include <gtest/gtest.h>

#include "text/casing.h"

namespace newsroom::deasciify {
namespace {

const std::vector<std::string>& Sentences() {
  static const auto* s = new std::vector<std::string>{
      "Bugün hava çok güzel.",
      "Çocuklar okula gidiyor.",
      "Işık söndü ve herkes sustu.",
      "Şu kitabı okudun mu?",
      "Öğretmen soruyu sordu.",
      "İstanbul'da güneşli bir gün.",
      "Çok güzel bir şarkı söyledi.",
      "Gözlüğünü unutmuş.",
      "Sıcak çay içtik.",
      "Ağaçların altında oturduk.",
      "Bu iş çok zor değil.",
      "Kuşlar uçuyor.",
  };
  return *s;
}

TEST(DecisionListTest, LearnsTheTrainingText) {
  DecisionListTrainOptions options;
  options.min_gain = 1;
  DecisionListTrainStats stats;
  absl::StatusOr<std::string> file =
      TrainDecisionLists(Sentences(), options, &stats);
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_GT(stats.letters, 100);
  EXPECT_GT(stats.rules, 12);
  auto lists = DecisionLists::FromModelText(*file, "test.model");
  ASSERT_TRUE(lists.ok()) << lists.status();
  // With every rule that helps, the training text comes back exactly.
  for (const std::string& s : Sentences()) {
    EXPECT_EQ((*lists)->Restore(text::AsciiFold(s)), s);
  }
  EXPECT_GT((*lists)->rule_count('s'), 1u);
  EXPECT_EQ((*lists)->rule_count('x'), 0u);
}

TEST(DecisionListTest, IsDeterministic) {
  DecisionListTrainOptions options;
  auto a = TrainDecisionLists(Sentences(), options);
  auto b = TrainDecisionLists(Sentences(), options);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
}

TEST(DecisionListTest, CopiesWhatIsNotALetterOfTheSix) {
  auto lists = DecisionLists::FromModelText(
      "newsroom-decision-lists\t1\t10\nletter\tc\n1\tXo\n-2\tX\n", "m");
  ASSERT_TRUE(lists.ok()) << lists.status();
  // Only c before o is ç; no list for the other letters: ASCII.
  EXPECT_EQ((*lists)->Restore("cok ac 3.5 ÇOK 😀"), "çok ac 3.5 ÇOK 😀");
  EXPECT_EQ((*lists)->Restore(""), "");
}

TEST(DecisionListTest, MalformedModelsNameTheLine) {
  for (const char* bad : {
           "",
           "something else\n",
           "newsroom-decision-lists\t1\t10\n5\tXa\n",  // no letter yet
           "newsroom-decision-lists\t1\t10\nletter\tq\n",
           "newsroom-decision-lists\t1\t10\nletter\tc\nx\tXa\n",
           "newsroom-decision-lists\t1\t10\nletter\tc\n3\tabc\n",
       }) {
    auto lists = DecisionLists::FromModelText(bad, "bad.model");
    EXPECT_EQ(lists.status().code(), absl::StatusCode::kInvalidArgument) << bad;
    EXPECT_NE(lists.status().message().find("bad.model"), std::string::npos);
  }
}

TEST(DecisionListTest, RejectsOptionsOutOfRange) {
  DecisionListTrainOptions options;
  options.min_gain = 0;
  EXPECT_EQ(TrainDecisionLists(Sentences(), options).status().code(),
            absl::StatusCode::kInvalidArgument);
  options.min_gain = 2;
  options.context = 0;
  EXPECT_EQ(TrainDecisionLists(Sentences(), options).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace newsroom::deasciify
