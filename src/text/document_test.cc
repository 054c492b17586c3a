#include "text/document.h"

#include <gtest/gtest.h>

#include "text/utf8.h"

namespace newsroom::text {
namespace {

struct Expected {
  TokenKind kind;
  std::string text;
};

std::vector<Expected> Kinds(const Document& d) {
  std::vector<Expected> out;
  for (const Token& t : d.tokens()) out.push_back({t.kind, t.text});
  return out;
}

bool operator==(const Expected& a, const Expected& b) {
  return a.kind == b.kind && a.text == b.text;
}

void PrintTo(const Expected& e, std::ostream* os) {
  *os << TokenKindName(e.kind) << ":" << e.text;
}

TEST(DocumentTest, RejectsInputThatIsNotAComment) {
  struct Case {
    std::string input;
    std::string message;
  };
  const Case cases[] = {
      {"", "empty"},
      {"   \n\t ", "only white space"},
      {"\xE2\x80\x8B", "only white space"},  // zero-width space
      {"bozuk \xFF metin", "not valid UTF-8"},
  };
  for (const Case& c : cases) {
    auto doc = Document::Parse(c.input);
    ASSERT_FALSE(doc.ok()) << c.input;
    EXPECT_EQ(doc.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_NE(doc.status().message().find(c.message), std::string::npos)
        << doc.status().message();
  }
}

TEST(DocumentTest, EnforcesTheLengthLimitInCodePoints) {
  ParseOptions options;
  options.max_length = 5;
  EXPECT_TRUE(Document::Parse("şşşşş", options).ok());  // 10 bytes, 5 chars
  auto doc = Document::Parse("şşşşşş", options);
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().message().find("too long: 6 characters, the limit is 5"),
            std::string::npos);
}

TEST(DocumentTest, SetsAsideUrlsMentionsHashtagsNumbersAndEmoji) {
  auto doc = Document::Parse(
      "@ali_veli bak: https://ornek.com/a?b=1. #gündem 2026'da 😀 "
      "yaz@ornek.com.tr ve www.haber.com.tr!");
  ASSERT_TRUE(doc.ok()) << doc.status();
  std::vector<Expected> want = {
      {TokenKind::kMention, "@ali_veli"},
      {TokenKind::kWord, "bak"},
      {TokenKind::kUrl, "https://ornek.com/a?b=1"},
      {TokenKind::kHashtag, "#gündem"},
      {TokenKind::kNumber, "2026'da"},
      {TokenKind::kEmoji, "😀"},
      {TokenKind::kUrl, "yaz@ornek.com.tr"},
      {TokenKind::kWord, "ve"},
      {TokenKind::kUrl, "www.haber.com.tr"},
  };
  EXPECT_EQ(Kinds(*doc), want);
}

TEST(DocumentTest, KeepsApostropheSuffixesInTheWord) {
  auto doc = Document::Parse("Ankara'da ve İstanbul’a gittik.");
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->tokens().size(), 4u);
  EXPECT_EQ(doc->tokens()[0].text, "Ankara'da");
  EXPECT_EQ(doc->tokens()[2].text, "İstanbul’a");
}

TEST(DocumentTest, OffsetsPointAtTheOriginalCodePoints) {
  // "s" + COMBINING CEDILLA and "g" + COMBINING BREVE compose under NFC.
  std::string original = "çok gu\xCC\x88" "zel s\xCC\xA7" "ehir 😀 haber";
  auto doc = Document::Parse(original);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->normalized(), "çok güzel şehir 😀 haber");
  for (const Token& t : doc->tokens()) {
    std::string_view typed = SubstrByCodePoints(original, t.begin, t.end);
    auto renormalized = Document::Parse(typed);
    ASSERT_TRUE(renormalized.ok());
    EXPECT_EQ(renormalized->normalized(), t.text);
  }
  const Token& guzel = doc->tokens()[1];
  EXPECT_EQ(guzel.begin, 4);
  EXPECT_EQ(guzel.end, 10);  // six code points typed, five after NFC
  EXPECT_EQ(doc->tokens().back().begin, 20);
}

TEST(DocumentTest, MarksSentenceInitialWords) {
  auto doc = Document::Parse("@USER Bugün Ahmet geldi. Yarın Ayşe gelir!\nBelki");
  ASSERT_TRUE(doc.ok());
  std::vector<std::pair<std::string, bool>> got;
  for (const Token& t : doc->tokens()) {
    if (t.kind == TokenKind::kWord) got.push_back({t.text, t.sentence_initial});
  }
  std::vector<std::pair<std::string, bool>> want = {
      {"Bugün", true}, {"Ahmet", false}, {"geldi", false}, {"Yarın", true},
      {"Ayşe", false}, {"gelir", false}, {"Belki", true}};
  EXPECT_EQ(got, want);
  EXPECT_EQ(doc->word_count(), 7);
}

TEST(DocumentTest, MarksSuffixesAfterAClosingQuote) {
  auto doc = Document::Parse(
      "\"detaylı bilgi\"yi ve «Fear»ın anlamını \"sordu\" yine");
  ASSERT_TRUE(doc.ok());
  std::vector<std::pair<std::string, bool>> got;
  for (const Token& t : doc->tokens()) got.push_back({t.text, t.after_quote});
  std::vector<std::pair<std::string, bool>> want = {
      {"detaylı", false},  {"bilgi", false}, {"yi", true},
      {"ve", false},       {"Fear", false},  {"ın", true},
      {"anlamını", false}, {"sordu", false}, {"yine", false}};
  EXPECT_EQ(got, want);
}

}  // namespace
}  // namespace newsroom::text
