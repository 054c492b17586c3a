// A comment as the rules see it: the original text, its NFC form, and its
// tokens, each token pointing back at the code points the commenter typed.
//
//   absl::StatusOr<Document> doc = Document::Parse("Çok güzel! @ali bak https://x.co");
//   for (const Token& t : doc->tokens()) {
//     if (t.kind == TokenKind::kWord) Check(t.text, t.begin, t.end);
//   }
//
// Parsing is the first stage of every moderation: it rejects input that is
// not text (invalid UTF-8, empty, over-long) with InvalidArgument, normalizes
// to NFC with ICU, and segments with ICU's word break rules, setting aside
// URLs, e-mail addresses, @mentions, #hashtags, numbers and emoji so that the
// language rules only look at words.
//
// A Document is an immutable value; Parse() is thread-safe.
#ifndef NEWSROOM_TEXT_DOCUMENT_H_
#define NEWSROOM_TEXT_DOCUMENT_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace newsroom::text {

enum class TokenKind {
  kWord,     // letters, possibly with an inner apostrophe: "Ankara'da"
  kNumber,   // "2026", "3,5"
  kUrl,      // "https://…", "www.…", and e-mail addresses
  kMention,  // "@kullanici"
  kHashtag,  // "#gündem"
  kEmoji,    // one emoji sequence
};

const char* TokenKindName(TokenKind kind);

struct Token {
  TokenKind kind;
  std::string text;  // the token in NFC, UTF-8
  int begin = 0;     // code-point offsets [begin, end) into the original text
  int end = 0;
  // True for the first word of the text and the first word after a sentence
  // end (. ! ? … or a line break). Lets rules tell names from capitalised
  // sentence starts.
  bool sentence_initial = false;
  // True for a word right after a closing quotation mark that is right
  // after the word before: the suffixes of a quoted phrase ("detaylı
  // bilgi"yi, «Fear»ın).
  bool after_quote = false;
};

struct ParseOptions {
  // Longest accepted text, in code points of the original. Longer input is
  // InvalidArgument. Comment forms show the same limit.
  int max_length = 5000;
};

class Document {
 public:
  // Validates and analyses `utf8`. Errors (all InvalidArgument):
  //   - invalid UTF-8 (the message names the byte offset);
  //   - empty or whitespace-only text;
  //   - more than options.max_length code points.
  static absl::StatusOr<Document> Parse(std::string_view utf8,
                                        const ParseOptions& options = {});

  const std::string& original() const { return original_; }
  const std::string& normalized() const { return normalized_; }
  const std::vector<Token>& tokens() const { return tokens_; }
  // Length of the original text in code points.
  int length() const { return length_; }

  // Number of tokens of kind kWord.
  int word_count() const { return word_count_; }

 private:
  Document() = default;

  std::string original_;
  std::string normalized_;
  std::vector<Token> tokens_;
  int length_ = 0;
  int word_count_ = 0;
};

}  // namespace newsroom::text

#endif  // NEWSROOM_TEXT_DOCUMENT_H_
