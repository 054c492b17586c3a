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
