#include "moderation/english_phrase.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/ascii.h"
#include "text/casing.h"

namespace newsroom::moderation {
namespace {

// Two-letter words that may join a phrase. Not every two-letter word of
// hunspell-en-us: "bi" (Turkish "bir", informally) is one, and "Bi gun"
// is "Bir gün".
constexpr std::string_view kShortWords[] = {
    "am", "an", "as", "be", "by", "do", "go", "he", "if", "is", "it", "me",
    "my", "no", "of", "oh", "or", "so", "to", "up", "us", "we"};

// Without the dictionaries: a word of English letters, of three letters or
// more or one of kShortWords.
bool MayBeEnglish(const text::Token& t) {
  if (t.kind != text::TokenKind::kWord || t.text.size() < 2) return false;
  for (char c : t.text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  if (t.text.size() > 2) return true;
  // English lower case: "Is" is "is", not Turkish "ıs".
  const std::string lower = absl::AsciiStrToLower(t.text);
  return std::find(std::begin(kShortWords), std::end(kShortWords), lower) !=
         std::end(kShortWords);
}

bool EnglishAlone(const text::Token& t, const morphology::Dictionary& english,
                  const morphology::Dictionary& turkish) {
  return english.Spell(t.text) && !turkish.Spell(t.text) &&
         !turkish.Spell(text::ToLowerTr(t.text));
}

}  // namespace

bool InEnglishPhrase(const text::Document& doc, size_t i,
                     const morphology::Dictionary& english,
                     const morphology::Dictionary& turkish) {
  const std::vector<text::Token>& tokens = doc.tokens();
  if (!MayBeEnglish(tokens[i])) return false;
  // The letters first, the dictionaries only when a neighbour may do.
  const bool before = i > 0 && !tokens[i].sentence_initial &&
                      MayBeEnglish(tokens[i - 1]);
  const bool after = i + 1 < tokens.size() &&
                     !tokens[i + 1].sentence_initial &&
                     MayBeEnglish(tokens[i + 1]);
  if (!(before || after) || !EnglishAlone(tokens[i], english, turkish)) {
    return false;
  }
  return (before && EnglishAlone(tokens[i - 1], english, turkish)) ||
         (after && EnglishAlone(tokens[i + 1], english, turkish));
}

}  // namespace newsroom::moderation
