// The lexicon says exactly where the abuse is and how grave it is; the
// classifier says how offensive the comment reads as a whole, including the
// veiled and allusive offence no word list catches. Each rule takes the
// evidence that fits its clause, and words with an innocent sense need both.
//
// Tested by abuse_rules_test.cc.
#include "moderation/abuse_rules.h"

#include <algorithm>

#include "classifier/lexicon_features.h"
#include "text/casing.h"

namespace newsroom::moderation {
namespace {

using lexicon::Category;

bool IsProfanity(Category c) {
  return c == Category::kProfanity || c == Category::kSexual;
}
bool IsInsult(Category c) {
  return c == Category::kInsult || c == Category::kSlur ||
         c == Category::kThreat;
}
bool IsAbuse(Category c) { return c != Category::kBeliefTarget; }

bool Allowed(const RulePolicy& policy, const lexicon::Match& m) {
  if (policy.allow.empty()) return false;
  std::string typed = text::ToLowerTr(m.typed);
  std::string term = text::ToLowerTr(m.term);
  for (const std::string& a : policy.allow) {
    if (a == typed || a == term) return true;
  }
  return false;
}

Span SpanOf(const lexicon::Match& m) {
  Span s;
  s.start = m.begin;
  s.end = m.end;
  s.text = m.typed;
  s.reason = lexicon::CategoryName(m.category);
  if (!m.evasion.empty() && m.evasion != "none") {
    s.reason += " (" + m.evasion + ")";
  }
  return s;
}

// The sentence index of the token covering code point `at`.
int SentenceAt(const text::Document& doc, int at) {
  int sentence = 0;
  for (const text::Token& t : doc.tokens()) {
    if (t.sentence_initial && t.begin > 0) ++sentence;
    if (at < t.end) return sentence;
  }
  return sentence;
}

// Findings of the lexicon rules: every match of the wanted categories.
std::optional<Finding> LexiconFinding(RuleId id, const RulePolicy& policy,
                                      const Comment& comment,
                                      bool (*wanted)(Category)) {
  if (comment.abuse == nullptr) return std::nullopt;
  Finding f;
  f.rule = id;
  for (const lexicon::Match& m : comment.abuse->matches) {
    if (!wanted(m.category) || Allowed(policy, m)) continue;
    f.score = std::max(f.score, MatchScore(m, *comment.abuse));
    f.spans.push_back(SpanOf(m));
  }
  if (f.spans.empty()) return std::nullopt;
  return f;
}

}  // namespace

AbuseAnalysis AbuseAnalysis::Of(const text::Document& doc,
                                langid::Language language,
                                const lexicon::Matcher& matcher,
                                const classifier::Classifier& classifier) {
  AbuseAnalysis a;
  a.matches = matcher.Find(doc, {language});
  if (language == langid::Language::kTurkish) {
    classifier::LexiconFeatures features(a.matches);
    a.offensive = classifier.Score(doc, features.features());
  }
  return a;
}

namespace {

// "köpeksin", "eşeksiniz": the word is said of the reader (second-person
// copula), so its innocent sense is out.
bool SaidOfTheReader(const lexicon::Match& match) {
  std::string folded = text::FoldKey(match.typed);
  for (const char* ending : {"sin", "sun", "siniz", "sunuz"}) {
    std::string_view e(ending);
    if (folded.size() > e.size() + 2 &&
        folded.compare(folded.size() - e.size(), e.size(), e) == 0) {
      return true;
    }
  }
  return false;
}

}  // namespace

double MatchScore(const lexicon::Match& match, const AbuseAnalysis& analysis) {
  double score = match.severity >= 3   ? 0.97
                 : match.severity == 2 ? 0.85
                                       : 0.6;
  if (match.ambiguous && !SaidOfTheReader(match)) {
    // Both the word and the whole comment must read as abuse.
    score *= analysis.offensive.value_or(0.5);
  }
  return score;
}

ProfanityRule::ProfanityRule(const RulePolicy& policy) : policy_(policy) {}

std::optional<Finding> ProfanityRule::Check(Comment* comment) const {
  return LexiconFinding(RuleId::kProfanity, policy_, *comment, IsProfanity);
}

InsultRule::InsultRule(const RulePolicy& policy) : policy_(policy) {}

std::optional<Finding> InsultRule::Check(Comment* comment) const {
  return LexiconFinding(RuleId::kInsult, policy_, *comment, IsInsult);
}

OffensiveRule::OffensiveRule(const RulePolicy& policy,
                             const classifier::Classifier& classifier)
    : policy_(policy), classifier_(classifier) {}

std::optional<Finding> OffensiveRule::Check(Comment* comment) const {
  const AbuseAnalysis* a = comment->abuse;
  if (a == nullptr || !a->offensive.has_value()) return std::nullopt;
  double score = *a->offensive;
  double floor = policy_.review_threshold.value_or(policy_.threshold);
  if (score < floor) return std::nullopt;
  Finding f;
  f.rule = RuleId::kOffensive;
  f.score = score;
  // Point at the words that raised the score most.
  const auto& tokens = comment->document.tokens();
  std::vector<double> contributions =
      classifier_.TokenContributions(comment->document);
  std::vector<size_t> order;
  for (size_t i = 0; i < contributions.size() && i < tokens.size(); ++i) {
    if (contributions[i] > 0 && tokens[i].kind == text::TokenKind::kWord) {
      order.push_back(i);
    }
  }
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    return contributions[x] > contributions[y];
  });
  if (order.size() > kMaxSpans) order.resize(kMaxSpans);
  std::sort(order.begin(), order.end());
  for (size_t i : order) {
    Span s;
    s.start = tokens[i].begin;
    s.end = tokens[i].end;
    s.text = tokens[i].text;
    s.reason = "offensive_wording";
    f.spans.push_back(std::move(s));
  }
  return f;
}

BeliefAttackRule::BeliefAttackRule(const RulePolicy& policy) : policy_(policy) {}

std::optional<Finding> BeliefAttackRule::Check(Comment* comment) const {
  const AbuseAnalysis* a = comment->abuse;
  if (a == nullptr) return std::nullopt;
  const text::Document& doc = comment->document;
  std::vector<const lexicon::Match*> targets;
  for (const lexicon::Match& m : a->matches) {
    if (m.category == Category::kBeliefTarget && !Allowed(policy_, m)) {
      targets.push_back(&m);
    }
  }
  if (targets.empty()) return std::nullopt;
  Finding f;
  f.rule = RuleId::kBeliefAttack;
  std::vector<const lexicon::Match*> abuse_near;
  for (const lexicon::Match& m : a->matches) {
    if (!IsAbuse(m.category)) continue;
    int sentence = SentenceAt(doc, m.begin);
    for (const lexicon::Match* t : targets) {
      if (SentenceAt(doc, t->begin) == sentence) {
        f.score = std::max(f.score, MatchScore(m, *a));
        abuse_near.push_back(&m);
        break;
      }
    }
  }
  // An offensive comment about a belief, even without a listed word. Names
  // of God are left out here: they stand in everyday curses.
  bool plain_target = std::any_of(targets.begin(), targets.end(),
                                  [](const lexicon::Match* t) {
                                    return !t->ambiguous;
                                  });
  if (plain_target && a->offensive.has_value()) {
    f.score = std::max(f.score, 0.9 * *a->offensive);
  }
  if (f.score < policy_.review_threshold.value_or(policy_.threshold)) {
    return std::nullopt;
  }
  for (const lexicon::Match* t : targets) f.spans.push_back(SpanOf(*t));
  for (const lexicon::Match* m : abuse_near) f.spans.push_back(SpanOf(*m));
  std::sort(f.spans.begin(), f.spans.end(),
            [](const Span& x, const Span& y) { return x.start < y.start; });
  return f;
}

}  // namespace newsroom::moderation
