#include "lexicon/neutral_words.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "datadir/datadir.h"

namespace newsroom::lexicon {
namespace {

using ::testing::HasSubstr;

TEST(NeutralWordsTest, WordsAndRootsInAnySpelling) {
  auto n = NeutralWords::Parse(
      {{"neutral-tr.txt",
        "# animals\nköpek\tanimal\tsfx\nistifa\toffice\nalçak "
        "basınç\tweather\n"},
       {"learnt.txt", "yorum\tlearnt\n"}});
  ASSERT_TRUE(n.ok()) << n.status();
  const struct {
    const char* word;
    bool neutral;
  } cases[] = {
      {"köpek", true},     {"Köpeği", true}, {"KÖPEKLER", true},
      {"kopekler", true},  {"istifa", true}, {"İSTİFAAA", true},
      {"istifası", false},  // not a root: the word alone
      {"yorum", true},     {"aptal", false}, {"köp", false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ((*n)->Contains(c.word), c.neutral) << c.word;
  }
}

TEST(NeutralWordsTest, PhrasesOnlyWhereTheirWordsStandTogether) {
  auto n = NeutralWords::Parse({{"neutral-tr.txt",
                                 "mal oldu\teconomy\nmal varlık\teconomy\tsfx\n"
                                 "alçak basınç\tweather\tsfx\n"}});
  ASSERT_TRUE(n.ok()) << n.status();
  const struct {
    const char* text;
    const char* word;  // the word asked about
    bool neutral;
  } cases[] = {
      {"Bu ihale devlete pahalıya mal oldu.", "mal", true},
      {"Bu ihale devlete pahalıya mal oldu.", "oldu", true},
      {"Mal varlığını açıklasın.", "Mal", true},
      {"Mal varlıkları araştırılsın.", "varlıkları", true},  // root, softened
      {"Alçak basıncın etkisi sürüyor.", "Alçak", true},
      {"mal mısın sen", "mal", false},           // the word alone
      {"mal olduğunu biliyoruz", "mal", false},  // not the listed form
      {"oldu mal", "mal", false},                // not in order
      {"alçak herif", "alçak", false},
  };
  for (const auto& c : cases) {
    auto doc = text::Document::Parse(c.text);
    ASSERT_TRUE(doc.ok()) << c.text;
    bool found = false;
    for (size_t i = 0; i < doc->tokens().size(); ++i) {
      if (doc->tokens()[i].text != c.word) continue;
      found = true;
      EXPECT_EQ((*n)->ContainsAt(doc->tokens(), i), c.neutral)
          << c.word << " in " << c.text;
    }
    EXPECT_TRUE(found) << c.word << " in " << c.text;
    // Phrases are never neutral as single words.
    EXPECT_FALSE((*n)->Contains(c.word)) << c.word;
  }
}

TEST(NeutralWordsTest, MalformedLinesNameTheFileAndLine) {
  auto n = NeutralWords::Parse({{"neutral-tr.txt", "köpek\tanimal\n\nkedi\n"}});
  ASSERT_FALSE(n.ok());
  EXPECT_EQ(n.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(n.status().message(), HasSubstr("neutral-tr.txt:3:"));
  auto flag = NeutralWords::Parse({{"x.txt", "kedi\tanimal\tprefix\n"}});
  EXPECT_THAT(flag.status().message(), HasSubstr("x.txt:1: unknown flag"));
}

TEST(NeutralWordsTest, TheShippedListsLoad) {
  auto n = NeutralWords::Load({datadir::Get() + "/lexicon/neutral-tr.txt",
                               datadir::Get() + "/lexicon/neutral-en.txt"});
  ASSERT_TRUE(n.ok()) << n.status();
  EXPECT_TRUE((*n)->Contains("Belediye"));
  EXPECT_TRUE((*n)->Contains("sharks"));
  EXPECT_FALSE((*n)->Contains("şerefsiz"));
}

TEST(NeutralWordsTest, MissingFileIsNotFound) {
  EXPECT_EQ(NeutralWords::Load({"/nonexistent/neutral.txt"}).status().code(),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace newsroom::lexicon
