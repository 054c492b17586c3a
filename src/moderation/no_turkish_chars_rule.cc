// Tested by no_turkish_chars_rule_test.cc.
#include "moderation/no_turkish_chars_rule.h"

#include "moderation/english_phrase.h"
#include "text/casing.h"
#include "text/edit.h"

namespace newsroom::moderation {

NoTurkishCharsRule::NoTurkishCharsRule(
    const NoTurkishCharsPolicy& policy,
    const deasciify::Deasciifier& deasciifier,
    const morphology::Dictionary* turkish,
    const morphology::Dictionary* english)
    : policy_(policy),
      allow_(policy.allow.begin(), policy.allow.end()),
      deasciifier_(deasciifier),
      turkish_(turkish),
      english_(english) {}

std::optional<Finding> NoTurkishCharsRule::Check(Comment* comment) const {
  const std::vector<text::Token>& tokens = comment->document.tokens();
  // Inside a comment typed all in capitals, capitals say nothing about names.
  text::CaseCounts whole = text::CountCase(comment->document.normalized());
  bool shouting = whole.upper > 2 * whole.lower;

  Finding f;
  f.rule = RuleId::kNoTurkishChars;
  std::vector<text::Edit> edits;
  double none_needed = 1.0;   // Π(1 − confidence) over counted words
  int missing = 0;            // counted words missing letters
  bool unmistakable = false;  // one of those cannot be meant as typed
  int typed_turkish = 0;      // words typed with a Turkish letter
  std::string_view previous;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const text::Token& t = tokens[i];
    if (t.kind != text::TokenKind::kWord) {
      if (t.kind != text::TokenKind::kEmoji) previous = {};
      continue;
    }
    std::string_view prev = t.sentence_initial ? std::string_view() : previous;
    previous = t.text;
    if (text::HasTurkishLetter(t.text)) {
      ++typed_turkish;
      continue;
    }
    // The next word of the same sentence, if the next token is one.
    std::string_view next;
    if (i + 1 < tokens.size() && tokens[i + 1].kind == text::TokenKind::kWord &&
        !tokens[i + 1].sentence_initial) {
      next = tokens[i + 1].text;
    }
    deasciify::WordRestoration r = deasciifier_.RestoreWord(t.text, prev, next);
    if (!r.changed) continue;
    // A word the deasciifier is all but sure of ("gun" → "gün", "gore" →
    // "göre") is Turkish whatever English has; the dictionaries are asked
    // about the others only.
    if (r.confidence < kSurelyTurkish && english_ != nullptr &&
        turkish_ != nullptr &&
        InEnglishPhrase(comment->document, i, *english_, *turkish_)) {
      continue;
    }
    Span s;
    s.start = t.begin;
    s.end = t.end;
    s.text = t.text;
    s.replacement = r.restored;
    s.reason = "missing_turkish_letters";
    edits.push_back({s.start, s.end, s.replacement});
    f.spans.push_back(std::move(s));
    bool name =
        !shouting && !t.sentence_initial &&
        text::CountCase(t.text.substr(0, 1)).upper == 1 &&
        (turkish_ == nullptr || !turkish_->Spell(text::ToLowerTr(r.restored)));
    if (name || comment->counted[i] ||
        allow_.contains(text::ToLowerTr(t.text))) {
      continue;
    }
    comment->counted[i] = true;
    none_needed *= 1.0 - r.confidence;
    if (r.confidence >= 0.5) {
      ++missing;
      // The letter model's spelling of a word nobody wrote in training,
      // unconfirmed by the dictionary, is a guess ("pintiydi" →
      // "pıntiydi"); a word that is a word as typed may be meant so. The
      // dictionary is asked only until one word settles it, and only
      // about a word the deasciifier is not sure of.
      if (!unmistakable) {
        unmistakable =
            r.confidence >= kSureOfAWord ||
            (r.evidence != deasciify::WordRestoration::Evidence::kLetterModel &&
             (turkish_ == nullptr ||
              !turkish_->Spell(text::ToLowerTr(t.text))));
      }
    }
  }
  if (f.spans.empty()) return std::nullopt;
  double any_needed = 1.0 - none_needed;
  if (missing < policy_.min_words || !unmistakable) {
    f.score = 0;
  } else if (typed_turkish == 0) {
    f.score = any_needed;
  } else {
    f.score =
        any_needed * missing / static_cast<double>(missing + typed_turkish);
  }
  f.fix = text::ApplyEdits(comment->document.original(), std::move(edits));
  return f;
}

}  // namespace newsroom::moderation
