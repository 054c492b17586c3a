#include "classifier/features.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

namespace newsroom::classifier {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

text::Document Parse(std::string_view s) {
  absl::StatusOr<text::Document> doc = text::Document::Parse(s);
  EXPECT_TRUE(doc.ok()) << doc.status();
  return *std::move(doc);
}

std::vector<uint32_t> Features(std::string_view s,
                               const FeatureOptions& options = {}) {
  std::vector<uint32_t> buckets;
  ExtractFeatures(Parse(s), options, &buckets);
  return buckets;
}

std::vector<uint32_t> Sorted(std::vector<uint32_t> v) {
  std::sort(v.begin(), v.end());
  return v;
}

TEST(CanonicalTextTest, LowerCasesMasksMentionsAndLinksKeepsPunctuation) {
  struct Case {
    const char* input;
    const char* canonical;
  };
  const Case cases[] = {
      {"İSTANBUL'DA yağmur", "istanbul'da yağmur"},
      {"IŞIK SÖNDÜ", "ışık söndü"},
      {"@ali bak   şuna\n\thttps://x.co/a", "@user bak şuna url"},
      {"@USER Yeteeeeer artık!!!!", "@user yeteer artık!!"},
      {"a.q  o.ç", "a.q o.ç"},
      {"  baştaki ve sondaki boşluk  ", "baştaki ve sondaki boşluk"},
      {"#HerŞeyÇokGüzelOlacak 😂😂", "#herşeyçokgüzelolacak 😂😂"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(CanonicalText(Parse(c.input), /*max_repeat=*/2), c.canonical)
        << c.input;
  }
}

TEST(CanonicalTextTest, MaxRepeatIsConfigurable) {
  EXPECT_EQ(CanonicalText(Parse("çoook güzeeeel"), 1), "çok güzel");
  EXPECT_EQ(CanonicalText(Parse("çoook güzeeeel"), 3), "çoook güzeeel");
}

TEST(CanonicalWordsTest, WordsAreTokensInCanonicalFormWithoutEmoji) {
  EXPECT_THAT(CanonicalWords(Parse("@Ali İSTANBUL'DA 2026 😂 #Gündem URL"), 2),
              ElementsAre("@user", "istanbul'da", "2026", "#gündem", "url"));
  EXPECT_THAT(CanonicalWords(Parse("😂😂"), 2), IsEmpty());
}

TEST(ExtractFeaturesTest, EmitsOneBucketPerNgramOccurrence) {
  FeatureOptions o;
  o.min_stem = o.max_stem = 0;
  o.plain_words = false;
  o.min_char = 2;
  o.max_char = 4;
  o.max_word = 2;
  o.folded_chars = true;
  // Canonical "ab cd" padded to " ab cd " (7 code points): 6 bigrams, 5
  // trigrams, 4 four-grams = 15, twice (lower and folded) = 30; 2 words and
  // 1 word bigram.
  EXPECT_EQ(Features("AB cd", o).size(), 30u + 3u);
  o.folded_chars = false;
  EXPECT_EQ(Features("AB cd", o).size(), 15u + 3u);
  o.max_word = 0;
  EXPECT_EQ(Features("AB cd", o).size(), 15u);
  o.min_char = o.max_char = 0;
  o.max_word = 3;
  EXPECT_EQ(Features("bir iki üç dört", o).size(), 4u + 3u + 2u);
}

TEST(ExtractFeaturesTest, ReturnsHowManyCharacterNgramsComeFirst) {
  FeatureOptions o;
  o.min_char = 2;
  o.max_char = 4;
  o.max_word = 1;
  o.min_stem = o.max_stem = 4;
  o.plain_words = true;
  std::vector<uint32_t> buckets = {7};  // not cleared
  // 30 character n-grams (as above); per word: unigram, plain word and one
  // stem ("ab" and "cd" are shorter than 4 letters: each its own stem).
  EXPECT_EQ(ExtractFeatures(Parse("AB cd"), o, &buckets), 30u);
  EXPECT_EQ(buckets.size(), 1u + 30u + 2u * 3u);
}

TEST(ExtractFeaturesTest, PrefixStemsAreSharedAcrossSuffixes) {
  // Turkish adds suffixes: the first letters of the plain word stay.
  FeatureOptions o;  // stems 4–6
  const struct {
    const char* text;
    std::vector<std::u32string> stems;
  } cases[] = {
      {"gerizekalılar", {U"geri", U"geriz", U"gerize"}},
      {"Gerizekalıya ne denir", {U"geri", U"geriz", U"gerize"}},
      {"GERİZEKALI", {U"geri", U"geriz", U"gerize"}},
      {"şerefsizzz", {U"sere", U"seref", U"serefs"}},
      {"aq", {U"aq"}},  // shorter than 4 letters: the word is its stem
  };
  for (const auto& c : cases) {
    std::vector<uint32_t> f = Features(c.text, o);
    for (const std::u32string& stem : c.stems) {
      EXPECT_NE(std::find(f.begin(), f.end(), StemBucket(stem, o.bits)),
                f.end())
          << c.text;
    }
  }
  // A three-letter prefix is not a stem: too many unrelated words share it.
  std::vector<uint32_t> f = Features("gerizekalı", o);
  EXPECT_EQ(std::find(f.begin(), f.end(), StemBucket(U"ger", o.bits)), f.end());
}

TEST(ExtractFeaturesTest, PlainWordsIgnoreTurkishLettersCaseAndRepeats) {
  const std::u32string plain = U"serefsiz";
  EXPECT_EQ(PlainWord(U"şerefsizzz"), plain);
  EXPECT_EQ(PlainWord(U"şşerefsiz"), plain);
  EXPECT_EQ(PlainWord(U"kitap"), U"kitap");
  FeatureOptions o;
  for (const char* text :
       {"şerefsiz", "serefsizzzz", "ŞEREFSİZ", "Şerefsiz!"}) {
    std::vector<uint32_t> f = Features(text, o);
    EXPECT_NE(std::find(f.begin(), f.end(), PlainWordBucket(plain, o.bits)),
              f.end())
        << text;
  }
}

TEST(ExtractFeaturesTest, BucketsStayInsideTheHashSpace) {
  for (int bits : {10, 16, 20}) {
    FeatureOptions o;
    o.bits = bits;
    for (uint32_t b :
         Features("Rum tohumu piçler, çocuklarınıza izletmeyin!", o)) {
      ASSERT_LT(b, 1u << bits);
    }
  }
}

TEST(ExtractFeaturesTest, CaseDoesNotMatterTurkishIDoes) {
  EXPECT_EQ(Sorted(Features("SALAK HERİF")), Sorted(Features("salak herif")));
  EXPECT_EQ(Sorted(Features("IŞIK")), Sorted(Features("ışık")));
  // Dotless and dotted i are different letters in lower case...
  EXPECT_NE(Sorted(Features("ışık")), Sorted(Features("isik")));
}

TEST(ExtractFeaturesTest,
     FoldedNgramsAreSharedWithTextTypedWithoutTurkishLetters) {
  const int bits = FeatureOptions().bits;
  const uint32_t folded = CharGramBucket(U"seref", /*folded=*/true, bits);
  const uint32_t lower = CharGramBucket(U"şeref", /*folded=*/false, bits);
  std::vector<uint32_t> with = Features("şerefsiz");
  std::vector<uint32_t> without = Features("serefsiz");
  EXPECT_NE(std::find(with.begin(), with.end(), folded), with.end());
  EXPECT_NE(std::find(without.begin(), without.end(), folded), without.end());
  EXPECT_NE(std::find(with.begin(), with.end(), lower), with.end());
  EXPECT_EQ(std::find(without.begin(), without.end(), lower), without.end());
}

TEST(ExtractFeaturesTest, WordBucketsMatchWordGramBucket) {
  FeatureOptions o;
  o.min_stem = o.max_stem = 0;
  o.plain_words = false;
  o.min_char = o.max_char = 0;
  o.max_word = 2;
  EXPECT_THAT(Features("Kötü HABER", o),
              ElementsAre(WordGramBucket({U"kötü"}, o.bits),
                          WordGramBucket({U"haber"}, o.bits),
                          WordGramBucket({U"kötü", U"haber"}, o.bits)));
}

// Model files store weights by bucket id: if these values change, every
// committed model must be retrained.
TEST(ExtractFeaturesTest, HashIsStable) {
  EXPECT_EQ(CharGramBucket(U"aq", false, 20), 459027u);
  EXPECT_EQ(CharGramBucket(U"aq", true, 20), 981338u);
  EXPECT_EQ(WordGramBucket({U"bir", U"iki"}, 20), 429640u);
}

TEST(TokenFeaturesTest, OneListPerTokenEmptyForEmoji) {
  FeatureOptions o;
  o.min_stem = o.max_stem = 0;
  o.plain_words = false;
  text::Document doc = Parse("Çok kötü 😡 haber");
  std::vector<std::vector<uint32_t>> per_token = TokenFeatures(doc, o);
  ASSERT_EQ(per_token.size(), doc.tokens().size());
  ASSERT_EQ(per_token.size(), 4u);
  EXPECT_FALSE(per_token[0].empty());
  EXPECT_TRUE(per_token[2].empty());
  // "kötü": 4 code points → 4+3+2+1 n-grams of length 1–4 (max 5), twice,
  // plus the word.
  EXPECT_EQ(per_token[1].size(), 2u * 10u + 1u);
  EXPECT_EQ(per_token[1].back(), WordGramBucket({U"kötü"}, o.bits));
  // With plain words and stems, those follow: "kotu" twice (plain, and the
  // four-letter stem).
  o.min_stem = 4;
  o.max_stem = 6;
  o.plain_words = true;
  per_token = TokenFeatures(doc, o);
  EXPECT_THAT(std::vector<uint32_t>(per_token[1].end() - 2, per_token[1].end()),
              ElementsAre(PlainWordBucket(U"kotu", o.bits),
                          StemBucket(U"kotu", o.bits)));
}

// Sentences for the tests below: Turkish and English, cased, folded,
// repeated letters, mentions, links, emoji, and text that only ICU
// lower-cases (Greek sigma, a combining dot above).
const char* const kSentences[] = {
    "Seni gerizekalı aptal herif, sus artık",
    "İSTANBUL'DA HAVA YAĞMURLU, ŞEMSİYENİZİ UNUTMAYIN!!!",
    "bu ne bicim is ya amk, belediye yine yollari kazmis",
    "@USER Şerefsizzzz 😡😡 https://t.co/x #Gündem",
    "You are such an idiot, shut up",
    "The council meets on Tuesday to discuss the budget.",
    "ΣΟΦΟΣ Iİ\u0307 Straße ÄÖÜ дом",
    "a",
    "😂😂😂",
};

std::vector<FeatureOptions> SomeOptions() {
  std::vector<FeatureOptions> out(4);
  out[1].min_char = 2;
  out[1].max_char = 4;
  out[1].folded_chars = false;
  out[1].max_word = 3;
  out[1].max_repeat = 1;
  out[2].min_stem = out[2].max_stem = 0;
  out[2].plain_words = false;
  out[3].min_char = out[3].max_char = 0;
  out[3].min_stem = 1;
  out[3].max_stem = 12;
  return out;
}

TEST(ListTokenFeaturesTest, IsTokenFeaturesFlatAndCountsExtractFeatures) {
  TokenFeatureList list;  // reused, as the classifier does
  for (const FeatureOptions& o : SomeOptions()) {
    for (const char* sentence : kSentences) {
      text::Document doc = Parse(sentence);
      ListTokenFeatures(doc, o, &list);
      std::vector<std::vector<uint32_t>> per_token = TokenFeatures(doc, o);
      ASSERT_EQ(list.ends.size(), per_token.size()) << sentence;
      for (size_t t = 0; t < per_token.size(); ++t) {
        std::span<const uint32_t> b = list.of(t);
        EXPECT_EQ(std::vector<uint32_t>(b.begin(), b.end()), per_token[t])
            << sentence << " token " << t;
      }
      std::vector<uint32_t> all;
      ExtractFeatures(doc, o, &all);
      EXPECT_EQ(list.comment_features, all.size()) << sentence;
    }
  }
}

TEST(ExtractFeaturesTest, PrefetchingChangesNothing) {
  for (const FeatureOptions& o : SomeOptions()) {
    const std::vector<int16_t> table(size_t{1} << o.bits, 0);
    for (const char* sentence : kSentences) {
      text::Document doc = Parse(sentence);
      std::vector<uint32_t> plain, prefetched;
      const size_t a = ExtractFeatures(doc, o, &plain);
      const size_t b = ExtractFeatures(doc, o, &prefetched, table.data());
      EXPECT_EQ(a, b) << sentence;
      EXPECT_EQ(plain, prefetched) << sentence;
    }
  }
}

TEST(ExtractFeaturesTest, ATokenLeftOutIsReadAsIfNeverTyped) {
  // No n-gram reaches into a token left out: "Bu ülkeye çok yazık." read
  // without "çok" is "Bu ülkeye yazık.".
  struct Case {
    const char* with;
    size_t token;
    const char* without;
  };
  const Case cases[] = {
      {"Bu ülkeye çok yazık.", 2, "Bu ülkeye yazık."},
      {"Köpek çocuğu ısırdı", 0, "çocuğu ısırdı"},
      {"Olay yerine polis geldi", 2, "Olay yerine geldi"},
  };
  for (const FeatureOptions& o : SomeOptions()) {
    for (const Case& c : cases) {
      text::Document doc = Parse(c.with);
      std::vector<uint8_t> leave_out(doc.tokens().size(), 0);
      leave_out[c.token] = 1;
      std::vector<uint32_t> left, typed;
      const size_t a =
          ExtractFeatures(doc, o, &left, nullptr, {}, leave_out);
      const size_t b = ExtractFeatures(Parse(c.without), o, &typed);
      EXPECT_EQ(a, b) << c.with;
      EXPECT_EQ(left, typed) << c.with;
    }
  }
}

TEST(ExtractFeaturesTest, ALongCommentLeavesNothingBehindForTheNext) {
  // The scratch buffers are reused from comment to comment on a thread.
  std::vector<std::vector<uint32_t>> first;
  for (const char* sentence : kSentences) first.push_back(Features(sentence));
  std::string long_comment;
  for (int i = 0; i < 200; ++i) long_comment += "Çoook uzuuun bir yorum 😂 ";
  Features(long_comment);
  for (size_t i = 0; i < std::size(kSentences); ++i) {
    EXPECT_EQ(Features(kSentences[i]), first[i]) << kSentences[i];
  }
}

TEST(ValidateFeatureOptionsTest, StemLengthsAreARangeOrOff) {
  const struct {
    int min_stem, max_stem;
    bool ok;
  } cases[] = {
      {0, 0, true},  {4, 6, true},   {1, 12, true},  {0, 4, false},
      {5, 4, false}, {4, 13, false}, {-1, 3, false},
  };
  for (const auto& c : cases) {
    FeatureOptions o;
    o.min_stem = c.min_stem;
    o.max_stem = c.max_stem;
    EXPECT_EQ(ValidateFeatureOptions(o).ok(), c.ok)
        << c.min_stem << "-" << c.max_stem;
  }
}

TEST(ValidateFeatureOptionsTest, RejectsOutOfRange) {
  struct Case {
    int bits, min_char, max_char, max_word, max_repeat;
    bool ok;
  };
  const Case cases[] = {
      {20, 1, 5, 2, 2, true},  {10, 0, 0, 1, 1, true},
      {26, 8, 8, 3, 9, true},  {9, 1, 5, 2, 2, false},
      {27, 1, 5, 2, 2, false}, {20, 0, 5, 2, 2, false},
      {20, 3, 2, 2, 2, false}, {20, 1, 9, 2, 2, false},
      {20, 1, 5, 4, 2, false}, {20, 1, 5, -1, 2, false},
      {20, 1, 5, 2, 0, false},
  };
  for (const Case& c : cases) {
    FeatureOptions o;
    o.bits = c.bits;
    o.min_char = c.min_char;
    o.max_char = c.max_char;
    o.max_word = c.max_word;
    o.max_repeat = c.max_repeat;
    absl::Status s = ValidateFeatureOptions(o);
    EXPECT_EQ(s.ok(), c.ok) << c.bits << " " << c.min_char << "-" << c.max_char
                            << " " << c.max_word << " " << c.max_repeat;
    if (!c.ok) {
      EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
    }
  }
}

}  // namespace
}  // namespace newsroom::classifier
