#include "site/internal/verdict_view.h"

#include <climits>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace newsroom::site::internal {
namespace {

struct HighlightCase {
  const char* name;
  std::string text;
  std::vector<MarkedSpan> spans;
  std::string want;
};

TEST(HighlightSpansTest, MarksEscapesClampsAndMerges) {
  const HighlightCase cases[] = {
      {"no spans: escaped only",
       "Bu <b>haber</b> & \"yorum\"",
       {},
       "Bu &lt;b&gt;haber&lt;/b&gt; &amp; &quot;yorum&quot;"},
      {"offsets count code points, not bytes (Ç, Ü are two bytes)",
       "Çok GÜZEL bir haber",
       {{4, 9, "all_caps"}},
       "Çok <mark data-rule=\"all_caps\">GÜZEL</mark> bir haber"},
      {"Turkish dotted and dotless i",
       "İstanbul'da ılık bir gün",
       {{12, 16, "spelling"}},
       "İstanbul&#39;da <mark data-rule=\"spelling\">ılık</mark> bir gün"},
      {"overlapping spans of two rules become one mark",
       "cok guzel haber",
       {{0, 9, "no_turkish_chars"}, {4, 15, "spelling"}},
       "<mark data-rule=\"no_turkish_chars spelling\">cok guzel haber</mark>"},
      {"a span inside another is absorbed",
       "BU HABER YALAN",
       {{0, 14, "all_caps"}, {3, 8, "all_caps"}},
       "<mark data-rule=\"all_caps\">BU HABER YALAN</mark>"},
      {"spans given out of order are sorted",
       "bir iki üç",
       {{8, 10, "spelling"}, {0, 3, "insult"}},
       "<mark data-rule=\"insult\">bir</mark> iki <mark "
       "data-rule=\"spelling\">üç</mark>"},
      {"spans that only touch stay separate",
       "abcdef",
       {{0, 3, "insult"}, {3, 6, "profanity"}},
       "<mark data-rule=\"insult\">abc</mark><mark "
       "data-rule=\"profanity\">def</mark>"},
      {"end beyond the text is clamped",
       "kısa",
       {{2, 100, "spelling"}},
       "kı<mark data-rule=\"spelling\">sa</mark>"},
      {"negative start is clamped",
       "kısa",
       {{-5, 2, "spelling"}},
       "<mark data-rule=\"spelling\">kı</mark>sa"},
      {"span wholly beyond the text is dropped",
       "kısa",
       {{10, 20, "spelling"}},
       "kısa"},
      {"reversed and empty spans are dropped",
       "kısa",
       {{3, 1, "spelling"}, {2, 2, "insult"}},
       "kısa"},
      {"huge offsets do not overflow",
       "kısa",
       {{INT64_MIN, INT64_MAX, "offensive"}},
       "<mark data-rule=\"offensive\">kısa</mark>"},
      {"markup inside a span is escaped",
       "<script>alert(1)</script> selam",
       {{0, 8, "offensive"}},
       "<mark data-rule=\"offensive\">&lt;script&gt;</mark>alert(1)&lt;/"
       "script&gt; selam"},
      {"line breaks become <br>, inside a mark too",
       "birinci\nikinci satır",
       {{5, 10, "spelling"}},
       "birin<mark data-rule=\"spelling\">ci<br>ik</mark>inci satır"},
      {"a rule id is escaped in the attribute",
       "metin",
       {{0, 5, "x\" onmouseover=\"alert(1)"}},
       "<mark data-rule=\"x&quot; onmouseover=&quot;alert(1)\">metin</mark>"},
      {"an ill-formed byte counts as one code point",
       "a\xFF"
       "b",
       {{1, 2, "spelling"}},
       "a<mark data-rule=\"spelling\">\xEF\xBF\xBD</mark>b"},
      {"empty text", "", {{0, 3, "spelling"}}, ""},
  };
  for (const HighlightCase& c : cases) {
    EXPECT_EQ(HighlightSpans(c.text, c.spans), c.want) << c.name;
  }
}

TEST(ParseVerdictTest, ReadsTheEnginesJson) {
  // As moderation::VerdictToJson writes it.
  const std::string json = R"({"decision":"reject","language":"tr","rules":[
    {"rule":"all_caps","violated":true,"score":0.97,"action":"reject",
     "spans":[{"start":0,"end":2,"text":"BU","replacement":"Bu"}],
     "message":{"tr":"Yorumunuz büyük harflerle yazılmış.",
                "en":"Your comment is written in capital letters."},
     "fix":"Bu haber yalan"},
    {"rule":"spelling","violated":false,"score":0.2,"action":"review",
     "spans":[],"message":{"tr":"Yazım","en":"Spelling"}}]})";
  std::optional<VerdictView> v = ParseVerdict(json);
  ASSERT_TRUE(v.has_value());
  EXPECT_EQ(v->decision, "reject");
  EXPECT_EQ(v->language, "tr");
  ASSERT_EQ(v->findings.size(), 2u);
  const FindingView& caps = v->findings[0];
  EXPECT_EQ(caps.rule, "all_caps");
  EXPECT_TRUE(caps.violated);
  ASSERT_TRUE(caps.score.has_value());
  EXPECT_DOUBLE_EQ(*caps.score, 0.97);
  EXPECT_EQ(caps.action, "reject");
  ASSERT_EQ(caps.spans.size(), 1u);
  EXPECT_EQ(caps.spans[0].start, 0);
  EXPECT_EQ(caps.spans[0].end, 2);
  EXPECT_EQ(caps.spans[0].rule, "all_caps");
  EXPECT_EQ(caps.message_tr, "Yorumunuz büyük harflerle yazılmış.");
  EXPECT_EQ(caps.message_en, "Your comment is written in capital letters.");
  EXPECT_EQ(caps.fix, "Bu haber yalan");
  EXPECT_FALSE(v->findings[1].violated);
  EXPECT_FALSE(v->findings[1].fix.has_value());
  EXPECT_EQ(AllSpans(*v).size(), 1u);
}

TEST(ParseVerdictTest, RefusesWhatIsNotAVerdict) {
  const char* cases[] = {
      "",
      "{",
      "not json",
      "null",
      "[]",
      "42",
      "\"rules\"",
      "{}",
      R"({"rules": 5})",
      R"({"rules": {"rule": "spelling"}})",
      "{\"rules\": [\"\xFF\"]}",
  };
  for (const char* json : cases) {
    EXPECT_FALSE(ParseVerdict(json).has_value()) << json;
  }
}

TEST(ParseVerdictTest, SkipsFieldsOfTheWrongType) {
  const std::string json = R"({"decision": 3, "rules": [
    5, null, {"rule": 7}, {"score": 1},
    {"rule": "spelling", "violated": "yes", "score": "high", "action": [],
     "message": "yazım", "fix": 12,
     "spans": [{"start": "0", "end": 2}, {"start": 1.5, "end": 3},
               {"start": 1, "end": 3}, 5, {"end": 4},
               {"start": 18446744073709551615, "end": 2}]}]})";
  std::optional<VerdictView> v = ParseVerdict(json);
  ASSERT_TRUE(v.has_value());
  EXPECT_EQ(v->decision, "");
  ASSERT_EQ(v->findings.size(), 1u);
  const FindingView& f = v->findings[0];
  EXPECT_EQ(f.rule, "spelling");
  EXPECT_FALSE(f.violated);
  EXPECT_FALSE(f.score.has_value());
  EXPECT_EQ(f.action, "");
  EXPECT_EQ(f.message_tr, "");
  EXPECT_FALSE(f.fix.has_value());
  ASSERT_EQ(f.spans.size(), 2u);
  EXPECT_EQ(f.spans[0].start, 1);
  EXPECT_EQ(f.spans[0].end, 3);
  EXPECT_EQ(f.spans[1].start, INT64_MAX);  // clamped later, never wraps
}

}  // namespace
}  // namespace newsroom::site::internal
