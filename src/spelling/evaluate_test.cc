#include "spelling/evaluate.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "spelling/internal/edit_distance.h"
#include "spelling/internal/letters.h"
#include "text/utf8.h"

namespace newsroom::spelling {
namespace {

TEST(InjectTypoTest, MakesOneKeyboardSlipAndKeepsTheCase) {
  std::mt19937_64 rng(7);
  int kinds[4] = {0, 0, 0, 0};
  for (int i = 0; i < 400; ++i) {
    for (const char* word : {"bilgisayar", "Haberler", "ANKARA"}) {
      std::optional<Typo> t = InjectTypo(word, rng);
      ASSERT_TRUE(t.has_value());
      EXPECT_NE(t->typed, word);
      std::u32string typed = text::ToUtf32(t->typed);
      std::u32string orig = text::ToUtf32(word);
      EXPECT_EQ(internal::ShapeOf(typed), internal::ShapeOf(orig)) << t->typed;
      // One edit: the plain edit distance is at most one (a swap counts 0.7).
      EXPECT_LE(internal::TypingDistance(internal::LowerTr(typed),
                                         internal::LowerTr(orig)),
                1.0f)
          << t->typed;
      std::string kind = t->kind;
      kinds[kind == "insertion"      ? 0
            : kind == "deletion"     ? 1
            : kind == "substitution" ? 2
                                     : 3]++;
    }
  }
  for (int k : kinds) EXPECT_GT(k, 200);  // all four kinds, roughly evenly
}

TEST(InjectTypoTest, SkipsWordsItCannotUse) {
  std::mt19937_64 rng(1);
  EXPECT_FALSE(InjectTypo("ve", rng).has_value());
  EXPECT_FALSE(InjectTypo("LibreOffice", rng).has_value());
  EXPECT_FALSE(InjectTypo("mp3s", rng).has_value());
}

TEST(InjectTypoTest, SameSeedSameTypos) {
  std::mt19937_64 a(42), b(42);
  for (int i = 0; i < 50; ++i) {
    EXPECT_EQ(InjectTypo("görüntülenecektir", a)->typed,
              InjectTypo("görüntülenecektir", b)->typed);
  }
}

TEST(EvaluateTest, MeasuresFalseAlarmsRecallAndSuggestions) {
  auto o = morphology::Dictionary::Options::Turkish();
  o.instances = 1;
  auto turkish = morphology::Dictionary::Load(o);
  ASSERT_TRUE(turkish.ok());
  Checker::Options co;
  co.turkish = turkish->get();
  co.hunspell_instances = 1;
  auto checker = Checker::Load(co);
  ASSERT_TRUE(checker.ok()) << checker.status();

  std::string path =
      (std::filesystem::temp_directory_path() / "evaluate_test.txt").string();
  {
    std::ofstream out(path);
    out << "Ankara'da bugün yeni bir bilgisayar fuarı açıldı.\n"
           "Haberlerin ayrıntıları yarın görüntülenecektir.\n"
           "Kullanıcılar belgelerini kolayca düzenleyebilirler.\n";
  }
  EvalOptions eo;
  eo.data_path = path;
  auto r = Evaluate(**checker, **turkish, eo);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->sentences, 3);
  EXPECT_EQ(r->words, 15);
  EXPECT_EQ(r->injected, 3);
  EXPECT_EQ(r->flagged, 0);           // clean sentences
  EXPECT_GE(r->hunspell_flagged, 1);  // "görüntülenecektir"
  EXPECT_LE(r->top1, r->typos_flagged);
  EXPECT_LE(r->top5, r->typos_flagged);
  EXPECT_GE(r->top5, r->top1);
  EXPECT_NE(FormatReport(*r, true).find("false alarms"), std::string::npos);
  std::remove(path.c_str());

  eo.data_path = "/nonexistent/dev.txt";
  EXPECT_EQ(Evaluate(**checker, **turkish, eo).status().code(),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace newsroom::spelling
