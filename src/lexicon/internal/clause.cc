// Tested through group_attack_test.cc and aim_test.cc.
#include "lexicon/internal/clause.h"

#include <algorithm>
#include <string_view>

#include "text/casing.h"

namespace newsroom::lexicon::internal {
namespace {

bool IsNegationBefore(std::string_view key) {
  auto ends_with = [&](std::string_view e) {
    return key.size() > e.size() && key.substr(key.size() - e.size()) == e;
  };
  return key == "not" || key == "never" || key == "no" || ends_with("n't") ||
         ends_with("n’t");
}

// "değil", "değildir", "değiller", "değilim" — not "değilse" (if not) nor
// "değilmi", the question typed as one word.
bool IsNegationAfter(std::string_view key) {
  return key.starts_with("degil") && !key.starts_with("degilse") &&
         !key.starts_with("degilmi") && !key.starts_with("degilmu");
}

// The Turkish question particle and its personal forms: mi, mı, mu, mü,
// misin, mıyım, …, folded.
bool IsQuestionParticle(std::string_view key) {
  static constexpr std::string_view kForms[] = {
      "mi", "misin", "misiniz", "miyim", "miyiz", "midir", "miydi", "miymis",
      "mu", "musun", "musunuz", "muyum", "muyuz", "mudur", "muydu", "muymus"};
  return OneOf(key, kForms);
}

// The short word a denial may stand before: "not an idiot", "are not all
// criminals", "not so stupid" (not "can't fix stupid").
bool IsArticleOrDegree(std::string_view key) {
  static constexpr std::string_view kWords[] = {"a",  "an",   "the", "all",
                                                "so", "that", "too", "as"};
  return OneOf(key, kWords);
}

}  // namespace

std::vector<std::string> Keys(const std::vector<text::Token>& tokens) {
  std::vector<std::string> keys;
  keys.reserve(tokens.size());
  for (const text::Token& t : tokens) keys.push_back(text::FoldKey(t.text));
  return keys;
}

size_t FirstToken(const std::vector<text::Token>& tokens, int at) {
  return std::partition_point(
             tokens.begin(), tokens.end(),
             [at](const text::Token& t) { return t.end <= at; }) -
         tokens.begin();
}

size_t LastToken(const std::vector<text::Token>& tokens, int end) {
  size_t i = FirstToken(tokens, end);
  return i == 0 ? 0 : i - 1;
}

std::string FoldedSuffix(const Match& m) {
  const std::string typed = text::FoldKey(m.typed);
  const size_t root = text::FoldKey(m.term).size();
  return typed.size() > root ? typed.substr(root) : std::string();
}

bool IsDenied(const std::vector<std::string>& keys, size_t first, size_t last) {
  if ((first > 0 && IsNegationBefore(keys[first - 1])) ||
      (first >= 2 && IsNegationBefore(keys[first - 2]) &&
       IsArticleOrDegree(keys[first - 1]))) {
    return true;
  }
  if (last + 1 >= keys.size() || !IsNegationAfter(keys[last + 1])) {
    return false;
  }
  // "değil mi?", "değil misin?": a question; "değil de ne?": what else.
  if (last + 2 < keys.size()) {
    const std::string& after = keys[last + 2];
    if (IsQuestionParticle(after)) return false;
    if ((after == "de" || after == "da") && last + 3 < keys.size() &&
        keys[last + 3].starts_with("ne")) {
      return false;
    }
  }
  return true;
}

bool IsAsked(const std::vector<std::string>& keys, size_t last) {
  return last + 1 < keys.size() && IsQuestionParticle(keys[last + 1]);
}

}  // namespace newsroom::lexicon::internal
