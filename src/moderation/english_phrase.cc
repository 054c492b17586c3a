#include "moderation/english_phrase.h"

#include "text/casing.h"

#include <algorithm>
#include <string>
#include <string_view>

namespace newsroom::moderation {
namespace {

// Two-letter words that may join a phrase. Not every two-letter word of
// hunspell-en-us: "bi" (Turkish "bir", informally) is one, and "Bi gun"
// is "Bir gün".
constexpr std::string_view kShortWords[] = {
    "am", "an", "as", "be", "by", "do", "go", "he", "if", "is", "it", "me",
    "my", "no", "of", "oh", "or", "so", "to", "up", "us", "we"};

bool EnglishAlone(const text::Token& t, const morphology::Dictionary& english,
                  const morphology::Dictionary& turkish) {
  if (t.kind != text::TokenKind::kWord || t.end - t.begin < 2) return false;
  if (t.end - t.begin == 2) {
    // English lower case: "Is" is "is", not Turkish "ıs".
    std::string lower(t.text);
    for (char& c : lower) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    if (std::find(std::begin(kShortWords), std::end(kShortWords), lower) ==
        std::end(kShortWords)) {
      return false;
    }
  }
  return english.Spell(t.text) && !turkish.Spell(t.text) &&
         !turkish.Spell(text::ToLowerTr(t.text));
}

}  // namespace

bool InEnglishPhrase(const text::Document& doc, size_t i,
                     const morphology::Dictionary& english,
                     const morphology::Dictionary& turkish) {
  const std::vector<text::Token>& tokens = doc.tokens();
  if (!EnglishAlone(tokens[i], english, turkish)) return false;
  if (i > 0 && !tokens[i].sentence_initial &&
      EnglishAlone(tokens[i - 1], english, turkish)) {
    return true;
  }
  return i + 1 < tokens.size() && !tokens[i + 1].sentence_initial &&
         EnglishAlone(tokens[i + 1], english, turkish);
}

}  // namespace newsroom::moderation
