// Counting letters rather than words keeps the rule fair to comments that
// mix a few capitalised names or one emphasised word into normal prose: one
// shouted word in a sentence of ordinary words moves the share by a little,
// a comment typed with caps lock on moves it to nearly 1.
//
// Tested by all_caps_rule_test.cc.
#include "moderation/all_caps_rule.h"

#include <fstream>

#include "text/casing.h"
#include "text/edit.h"

namespace newsroom::moderation {
namespace {

// The part of `word` before an apostrophe ("ABD'ye" → "ABD").
std::string_view BeforeApostrophe(std::string_view word) {
  size_t ascii = word.find('\'');
  size_t curly = word.find("\u2019");
  size_t cut = std::min(ascii, curly);
  return cut == std::string_view::npos ? word : word.substr(0, cut);
}

}  // namespace

absl::StatusOr<AcronymSet> LoadAcronyms(const std::string& path) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError("cannot read acronym list " + path);
  AcronymSet set;
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) {
      line.pop_back();
    }
    if (line.empty() || line[0] == '#') continue;
    set.insert(line);
  }
  return set;
}

AllCapsRule::AllCapsRule(const AllCapsPolicy& policy, AcronymSet acronyms,
                         const morphology::Dictionary* turkish,
                         const deasciify::Deasciifier* deasciifier)
    : policy_(policy),
      acronyms_(std::move(acronyms)),
      turkish_(turkish),
      deasciifier_(deasciifier) {
  for (const std::string& w : policy_.allow) acronyms_.insert(text::ToUpperTr(w));
}

bool AllCapsRule::IsAcronym(std::string_view word) const {
  return acronyms_.contains(std::string(word)) ||
         acronyms_.contains(std::string(BeforeApostrophe(word)));
}

std::string AllCapsRule::Recase(const text::Token& token,
                                std::string_view previous,
                                langid::Language language) const {
  std::string word = token.text;
  if (language == langid::Language::kEnglish) {
    // English has one i: "THIS IS" is "this is", not Turkish "thıs ıs". The
    // pronoun "I" and its contractions ("I'M", "I’LL") keep their capital.
    std::string lower = text::ToLowerRoot(word);
    if (token.sentence_initial || lower == "i" || lower.starts_with("i'") ||
        lower.starts_with("i\u2019")) {
      return text::ToTitleWordRoot(lower);
    }
    return lower;
  }
  if (deasciifier_ != nullptr && language == langid::Language::kTurkish &&
      !text::HasTurkishLetter(word)) {
    deasciify::WordRestoration r = deasciifier_->RestoreWord(word, previous);
    if (r.changed) word = r.restored;
  }
  std::string lower = text::ToLowerTr(word);
  std::string title = text::ToTitleWordTr(lower);
  if (token.sentence_initial) return title;
  if (turkish_ != nullptr && !turkish_->Spell(lower) && turkish_->Spell(title)) {
    return title;  // a proper noun: "İstanbul'da"
  }
  return lower;
}

std::optional<Finding> AllCapsRule::Check(Comment* comment) const {
  int upper = 0;
  int cased = 0;
  std::vector<const text::Token*> shouted;
  std::vector<std::string_view> previous;  // per shouted word
  std::string_view last;
  for (const text::Token& t : comment->document.tokens()) {
    if (t.kind != text::TokenKind::kWord) {
      if (t.kind != text::TokenKind::kEmoji) last = {};
      continue;
    }
    std::string_view prev = t.sentence_initial ? std::string_view() : last;
    last = t.text;
    text::CaseCounts c = text::CountCase(t.text);
    if (c.upper + c.lower == 0) continue;
    if (c.lower == 0 && IsAcronym(t.text)) continue;
    // A capital that starts an otherwise lower-case word is ordinary
    // writing, not shouting: only wholly upper-case words count as upper.
    if (c.lower == 0) upper += c.upper;
    cased += c.upper + c.lower;
    // A single capital ("O", "A") only counts as shouting next to others.
    if (c.lower == 0) {
      shouted.push_back(&t);
      previous.push_back(prev);
    }
  }
  bool any_long = false;
  for (const text::Token* t : shouted) {
    if (text::CountCase(t->text).upper >= 2) any_long = true;
  }
  if (!any_long) return std::nullopt;
  Finding f;
  f.rule = RuleId::kAllCaps;
  f.score = cased >= policy_.min_letters
                ? static_cast<double>(upper) / static_cast<double>(cased)
                : 0.0;
  std::vector<text::Edit> edits;
  for (size_t k = 0; k < shouted.size(); ++k) {
    const text::Token* t = shouted[k];
    Span s;
    s.start = t->begin;
    s.end = t->end;
    s.text = t->text;
    s.replacement = Recase(*t, previous[k], comment->language);
    s.reason = "shouted";
    edits.push_back({s.start, s.end, s.replacement});
    f.spans.push_back(std::move(s));
  }
  f.fix = text::ApplyEdits(comment->document.original(), std::move(edits));
  return f;
}

}  // namespace newsroom::moderation
