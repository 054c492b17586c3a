// Words around a lexicon match, as the rules that read them need them: the
// folded key of each token, the tokens a match covers, and whether what the
// match says is denied ("hain değildir", "are not terrorists"). Shared by
// group_attack.cc and aim.cc.
#ifndef NEWSROOM_LEXICON_INTERNAL_CLAUSE_H_
#define NEWSROOM_LEXICON_INTERNAL_CLAUSE_H_

#include <algorithm>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/matcher.h"
#include "text/document.h"

namespace newsroom::lexicon::internal {

// Whether a folded key is one of `words`, or starts with one of `stems`:
// the two ways the rules' short word lists are read.
inline bool OneOf(std::string_view key,
                  std::span<const std::string_view> words) {
  return std::find(words.begin(), words.end(), key) != words.end();
}
inline bool StartsWithOneOf(std::string_view key,
                            std::span<const std::string_view> stems) {
  return std::any_of(stems.begin(), stems.end(),
                     [key](std::string_view s) { return key.starts_with(s); });
}

// Folded lower case of each token (text::FoldKey), punctuation included:
// computed once a comment, so that the work stays linear in its words.
std::vector<std::string> Keys(const std::vector<text::Token>& tokens);

// The first token at or after code point `at`, and the last that ends at
// or before `end` (tokens are in order).
size_t FirstToken(const std::vector<text::Token>& tokens, int at);
size_t LastToken(const std::vector<text::Token>& tokens, int end);

// Whether token `i` ends its phrase: the text ends, or more than a space
// stands before the next word ("yobaz, hepsi aynı"; "terörist, olarak").
inline bool EndsPhrase(const std::vector<text::Token>& tokens, size_t i) {
  return i + 1 >= tokens.size() || tokens[i + 1].begin - tokens[i].end > 1;
}

// What is typed after the match's root, folded (text::FoldKey), taken by
// position: "aptalsın" → "sin", "salağız" → "iz" (the root's last
// consonant may soften), and a disguised root keeps its suffix
// ("k0peksin" → "sin"). Empty when nothing follows the root.
std::string FoldedSuffix(const Match& m);

// Whether the words of tokens [first, last] are denied: "değil" right
// after them ("hain değildir", "aptal değilim"), or "not", "never", "no",
// "…n't" right before them or before an article or degree word ("are not
// all", "not an idiot"; not "can't fix stupid"). A question or a
// rhetorical "what else" is no denial: "aptal değil mi?", "salak değil de
// ne?", "değilse" (if not).
bool IsDenied(const std::vector<std::string>& keys, size_t first, size_t last);

// Whether the words ending at token `last` are asked, not said: the
// Turkish question particle right after them ("hepsi terörist mi?").
bool IsAsked(const std::vector<std::string>& keys, size_t last);

}  // namespace newsroom::lexicon::internal

#endif  // NEWSROOM_LEXICON_INTERNAL_CLAUSE_H_
