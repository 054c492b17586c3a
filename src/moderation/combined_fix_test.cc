#include "moderation/combined_fix.h"

#include <gtest/gtest.h>

#include "moderation/engine.h"

namespace newsroom::moderation {
namespace {

const Engine& TheEngine() {
  static const Engine* engine = [] {
    absl::StatusOr<std::unique_ptr<const Engine>> e = Engine::Build({});
    EXPECT_TRUE(e.ok()) << e.status();
    return e.ok() ? e->release() : nullptr;
  }();
  return *engine;
}

std::optional<std::string> Combined(std::string_view text) {
  absl::StatusOr<Verdict> v = TheEngine().Moderate(text);
  EXPECT_TRUE(v.ok()) << v.status();
  return v.ok() ? CombinedFix(TheEngine(), text, *v) : std::nullopt;
}

TEST(CombinedFixTest, CapitalsWithoutTurkishLettersGetOneFixThatPasses) {
  const char* drafts[] = {
      "BU HABER COK GUZEL OLMUS, EMEGI GECENLERE TESEKKURLER",
      "BELEDIYE BU ISI COK GEC FARK ETTI",
  };
  for (const char* draft : drafts) {
    std::optional<std::string> fix = Combined(draft);
    ASSERT_TRUE(fix.has_value()) << draft;
    absl::StatusOr<Verdict> after = TheEngine().Moderate(*fix);
    ASSERT_TRUE(after.ok());
    for (const Finding& f : after->findings) {
      EXPECT_FALSE(f.violated && (f.rule == RuleId::kAllCaps ||
                                  f.rule == RuleId::kNoTurkishChars))
          << draft << " → " << *fix << ": " << RuleIdName(f.rule);
    }
  }
  EXPECT_EQ(*Combined("BU HABER COK GUZEL OLMUS, EMEGI GECENLERE TESEKKURLER"),
            "Bu haber çok güzel olmuş, emeği geçenlere teşekkürler");
}

TEST(CombinedFixTest, OneFixableRuleNeedsNoCombination) {
  // Only capitals (with Turkish letters), only missing letters, or clean.
  for (const char* draft :
       {"BU HABER ÇOK GÜZEL OLMUŞ, EMEĞİ GEÇENLERE TEŞEKKÜRLER",
        "Bu haber cok guzel olmus, emegi gecenlere tesekkurler",
        "Bu haber çok güzel olmuş, emeği geçenlere teşekkürler."}) {
    EXPECT_EQ(Combined(draft), std::nullopt) << draft;
  }
}

}  // namespace
}  // namespace newsroom::moderation
