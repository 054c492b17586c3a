// The lexicon says exactly where the abuse is and how grave it is; the
// classifier says how offensive the comment reads as a whole, including the
// veiled and allusive offence no word list catches. Each rule takes the
// evidence that fits its clause, and words with an innocent sense need both.
//
// Attacks on groups are found by structure (a target and attack language in
// one clause, lexicon/group_attack.h), not by the group's name: on
// OffensEval the classifier had learnt that naming a faith or a people is
// a sign of offence, and refused 12 % of neutral mentions of a religion
// as attacks on belief. The classifier still speaks for the comment as a
// whole, but in the review band it must be carried by a word that is not
// neutral: the tweets it learnt from put weight on "köpek", "domuz",
// "belediye" and "istifa", and a newsroom's moderators should not read
// every comment about sharks, pigs or a mayor's resignation.
//
// Tested by abuse_rules_test.cc.
#include "moderation/abuse_rules.h"

#include <algorithm>
#include <cstdio>

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

bool Allowed(const RulePolicy& policy, const lexicon::Match& m) {
  if (policy.allow.empty()) return false;
  std::string typed = text::ToLowerTr(m.typed);
  std::string term = text::ToLowerTr(m.term);
  for (const std::string& a : policy.allow) {
    if (a == typed || a == term) return true;
  }
  return false;
}

Span SpanOf(const lexicon::Match& m, std::string reason = "") {
  Span s;
  s.start = m.begin;
  s.end = m.end;
  s.text = m.typed;
  s.reason = reason.empty() ? lexicon::CategoryName(m.category) : reason;
  if (!m.evasion.empty() && m.evasion != "none") {
    s.reason += " (" + m.evasion + ")";
  }
  return s;
}

// An insult or a blame said of oneself, denied, or what someone is taken
// for: "aptal değilim", "Ben bir aptaldım", "not an idiot", "halkı aptal
// yerine koymayın", "Ben bir hırsız değilim"; a curse laid on a condition,
// a rally's slogan: "Kahrolsun faşizm!", "Terör kahrolsun!" (lexicon/aim.h).
bool InsultsNoOne(const AbuseAnalysis& a, size_t k) {
  const Category c = a.matches[k].category;
  if (c == Category::kCurse) return a.aims[k] == lexicon::Aim::kThing;
  return (c == Category::kInsult || c == Category::kBlame) &&
         (a.aims[k] == lexicon::Aim::kSelf ||
          a.aims[k] == lexicon::Aim::kDenied ||
          a.aims[k] == lexicon::Aim::kTakenFor);
}

// An insult word said of a thing ("What a stupid decision", "aptal bir
// karar") insults no person, so it is no `insult`; but it is rude, and
// annotators mostly call such remarks offensive, so it stays evidence for
// the offensive-language classifier, whose score decides.
bool SaidOfAThing(const AbuseAnalysis& a, size_t k) {
  return a.matches[k].category == Category::kInsult &&
         a.aims[k] == lexicon::Aim::kThing;
}

double SeverityScore(int severity) {
  return severity >= 3 ? 0.97 : severity == 2 ? 0.85 : 0.6;
}

// Findings of the lexicon rules: every match of the wanted categories,
// and with `to_reader` a blame or dehumanising word said to the reader
// ("Sen bir katilsin", "hırsızsınız", "Sen tam bir domuzsun"): said of a
// group it is an attack, said of the reader an insult.
std::optional<Finding> LexiconFinding(RuleId id, const RulePolicy& policy,
                                      const Comment& comment,
                                      bool (*wanted)(Category),
                                      bool to_reader = false) {
  if (comment.abuse == nullptr) return std::nullopt;
  Finding f;
  f.rule = id;
  const AbuseAnalysis& a = *comment.abuse;
  for (size_t k = 0; k < a.matches.size(); ++k) {
    const lexicon::Match& m = a.matches[k];
    const bool said_to_reader = to_reader &&
                                a.aims[k] == lexicon::Aim::kReader &&
                                (m.category == Category::kBlame ||
                                 m.category == Category::kDehumanisation);
    if ((!wanted(m.category) && !said_to_reader) || Allowed(policy, m) ||
        InsultsNoOne(a, k) || SaidOfAThing(a, k)) {
      continue;
    }
    f.score = std::max(f.score, MatchScore(a, k));
    f.spans.push_back(SpanOf(m));
  }
  if (f.spans.empty()) return std::nullopt;
  return f;
}

// Adds the attacks on groups (those on a faith only, with `belief_only`)
// to `f`: score by severity, spans on the target and the attack words.
void AddAttacks(const AbuseAnalysis& a, const RulePolicy& policy,
                bool belief_only, Finding* f) {
  for (const lexicon::GroupAttack& g : a.attacks) {
    if (belief_only && !g.belief) continue;
    const lexicon::Match& target = a.matches[g.target];
    const lexicon::Match& attack = a.matches[g.attack];
    if (Allowed(policy, target) ||
        (g.frame.empty() && Allowed(policy, attack))) {
      continue;
    }
    f->score = std::max(f->score, SeverityScore(g.severity));
    const std::string reason =
        std::string("group_attack:") + lexicon::CategoryName(g.kind);
    f->spans.push_back(SpanOf(target, "attacked_group"));
    if (g.frame.empty()) f->spans.push_back(SpanOf(attack, reason));
    for (const lexicon::FrameWords& w : g.frame) {
      Span s;
      s.start = w.begin;
      s.end = w.end;
      s.text = w.text;
      s.reason = reason;
      f->spans.push_back(std::move(s));
    }
  }
}

void SortSpans(Finding* f) {
  std::sort(f->spans.begin(), f->spans.end(),
            [](const Span& x, const Span& y) { return x.start < y.start; });
  f->spans.erase(std::unique(f->spans.begin(), f->spans.end(),
                             [](const Span& x, const Span& y) {
                               return x.start == y.start && x.end == y.end;
                             }),
                 f->spans.end());
}

std::string Fixed(double x) {
  char b[16];
  std::snprintf(b, sizeof b, "%.2f", x);
  return b;
}

}  // namespace

const classifier::Classifier* AbuseModels::ClassifierFor(
    langid::Language language) const {
  switch (language) {
    case langid::Language::kTurkish:
      return turkish;
    case langid::Language::kEnglish:
      return english;
    default:
      return nullptr;
  }
}

const lexicon::NeutralWords* AbuseModels::NeutralFor(
    langid::Language language) const {
  switch (language) {
    case langid::Language::kTurkish:
      return turkish_neutral;
    case langid::Language::kEnglish:
      return english_neutral;
    default:
      return nullptr;
  }
}

namespace {

// The lexicon's findings as the classifier's features. An insult that
// insults no one is no evidence to the classifier either, nor, with
// `left_out` (one entry per match), a finding inside a word the comment is
// read without: "domuz" left out as an animal takes its dehumanisation
// finding with it (copied only in a comment that has one).
classifier::LexiconFeatures ClassifierEvidence(
    const AbuseAnalysis& a, std::span<const uint8_t> left_out = {}) {
  auto evidence = [&](size_t k) {
    return !InsultsNoOne(a, k) && (left_out.empty() || !left_out[k]);
  };
  bool all_evidence = true;
  for (size_t k = 0; k < a.matches.size(); ++k) all_evidence &= evidence(k);
  if (all_evidence) return classifier::LexiconFeatures(a.matches);
  std::vector<lexicon::Match> kept;
  for (size_t k = 0; k < a.matches.size(); ++k) {
    if (evidence(k)) kept.push_back(a.matches[k]);
  }
  return classifier::LexiconFeatures(kept);
}

}  // namespace

AbuseAnalysis AbuseAnalysis::Of(const text::Document& doc,
                                langid::Language language,
                                const lexicon::Matcher& matcher,
                                const AbuseModels& models) {
  AbuseAnalysis a;
  a.matches = matcher.Find(doc, {language});
  a.aims = lexicon::AimsOf(doc, a.matches);
  a.attacks =
      lexicon::FindGroupAttacks(doc, a.matches, a.aims, &a.said_not_meant);
  if (const classifier::Classifier* c = models.ClassifierFor(language)) {
    if (c->feature_options().target_placeholder) {
      a.targets = classifier::TargetMask(doc, a.matches);
    }
    a.margin = c->Margin(doc, ClassifierEvidence(a).features(), a.targets);
    a.offensive = c->Calibrate(a.margin);
    a.classifier = c;
  }
  return a;
}

double MatchScore(const AbuseAnalysis& analysis, size_t k) {
  const lexicon::Match& match = analysis.matches[k];
  double score = SeverityScore(match.severity);
  if (match.ambiguous && analysis.aims[k] != lexicon::Aim::kReader) {
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
  return LexiconFinding(RuleId::kInsult, policy_, *comment, IsInsult,
                        /*to_reader=*/true);
}

OffensiveRule::OffensiveRule(const RulePolicy& policy,
                             const AbuseModels& models)
    : policy_(policy), models_(models) {}

std::optional<Finding> OffensiveRule::Check(Comment* comment) const {
  const AbuseAnalysis* a = comment->abuse;
  if (a == nullptr) return std::nullopt;
  Finding f;
  f.rule = RuleId::kOffensive;
  AddAttacks(*a, policy_, /*belief_only=*/false, &f);

  const double floor = policy_.review_threshold.value_or(policy_.threshold);
  if (a->offensive.has_value() && a->classifier != nullptr &&
      *a->offensive >= floor) {
    // What each word adds to the margin. Neutral words (news vocabulary,
    // animals, weather, sport, public office) and names of groups that
    // push it up are no evidence: the score is what the comment earns read
    // without them, the n-grams reaching into them included, and never
    // more than the comment as written (a shorter text weighs each word
    // more: "Hırsız polis tarafından yakalandı." scored 0.53 as written and
    // 0.72 without "polis"). The words that carry it are the clearly
    // positive ones that are neither.
    const text::Document& doc = comment->document;
    const auto& tokens = doc.tokens();
    std::vector<double> contributions =
        a->classifier->TokenContributions(doc, a->targets);
    const lexicon::NeutralWords* neutral =
        models_.NeutralFor(comment->language);
    std::vector<size_t> carriers;
    std::vector<uint8_t> leave_out;          // per token
    std::vector<uint8_t> findings_left_out;  // per match: inside those
    bool said_left_out = false;  // words of a group denied or reported
    for (size_t i = 0; i < contributions.size() && i < tokens.size(); ++i) {
      if (tokens[i].kind != text::TokenKind::kWord) continue;
      // A lexicon finding inside the word pushes the margin up beside its
      // n-grams ("domuz" is an animal and a dehumanising word).
      bool finding = false;
      // A group's name, an insult of no one, words of a group that the
      // comment denies or reports ("Ermenilere hain diyenler utansın").
      bool no_evidence = false;
      bool said = false;
      bool to_reader = false;
      for (size_t k = 0; k < a->matches.size(); ++k) {
        const lexicon::Match& m = a->matches[k];
        if (m.begin > tokens[i].begin || tokens[i].end > m.end) continue;
        const bool not_meant =
            k < a->said_not_meant.size() && a->said_not_meant[k];
        said |= not_meant;
        if (lexicon::IsTarget(m.category) || InsultsNoOne(*a, k) || not_meant) {
          no_evidence = true;
        } else if (a->aims[k] == lexicon::Aim::kReader) {
          // "domuzsun": an animal said to the reader is no neutral word.
          to_reader = true;
          break;
        } else {
          finding = true;
        }
      }
      // Only a word that pushes the margin up, or carries a finding, can
      // be left out: the neutral words are asked about those alone.
      if (contributions[i] <= 0 && !finding) continue;
      const bool discounted =
          !to_reader &&
          (no_evidence ||
           (neutral != nullptr && neutral->ContainsAt(tokens, i)));
      if (contributions[i] <= 0 && !discounted) continue;
      if (discounted) {
        said_left_out |= said;
        leave_out.resize(tokens.size(), 0);
        leave_out[i] = 1;
        for (size_t k = 0; k < a->matches.size(); ++k) {
          const lexicon::Match& m = a->matches[k];
          if (tokens[i].begin <= m.begin && m.end <= tokens[i].end) {
            findings_left_out.resize(a->matches.size(), 0);
            findings_left_out[k] = 1;
          }
        }
      } else if (contributions[i] >= kCarries) {
        carriers.push_back(i);
      }
    }
    // The score the comment earns without its neutral words. Above the
    // refuse threshold as in the band: "Kaliforniya'da köpek balığı …"
    // scored high only because of "köpek".
    const double full = *a->offensive;
    const double earned =
        leave_out.empty()
            ? full
            : std::min(
                  full,
                  a->classifier->Calibrate(a->classifier->Margin(
                      doc, ClassifierEvidence(*a, findings_left_out).features(),
                      a->targets, leave_out)));
    const bool evidence = earned >= floor;
    if (!evidence) {
      // No evidence beyond neutral words: published.
      if (f.score < 0.99 * floor) {
        f.score = std::max(f.score, 0.99 * floor);
        f.note = std::string(said_left_out
                                 ? "only neutral words, and words of a group "
                                   "that the comment denies or reports, raised"
                                 : "only neutral words raised") +
                 " the classifier's score (" + Fixed(full) + ", " +
                 Fixed(earned) + " without them): published";
      }
    } else {
      f.score = std::max(f.score, earned);
      std::sort(carriers.begin(), carriers.end(), [&](size_t x, size_t y) {
        return contributions[x] > contributions[y];
      });
      if (carriers.size() > kMaxSpans) carriers.resize(kMaxSpans);
      for (size_t i : carriers) {
        Span s;
        s.start = tokens[i].begin;
        s.end = tokens[i].end;
        s.text = tokens[i].text;
        s.reason = "offensive_wording";
        f.spans.push_back(std::move(s));
      }
      if (carriers.empty() && f.spans.empty()) {
        f.note =
            "no single word carries the offence: the comment reads as "
            "offensive as a whole";
      }
    }
  }
  if (f.score <= 0) return std::nullopt;
  SortSpans(&f);
  return f;
}

BeliefAttackRule::BeliefAttackRule(const RulePolicy& policy)
    : policy_(policy) {}

std::optional<Finding> BeliefAttackRule::Check(Comment* comment) const {
  const AbuseAnalysis* a = comment->abuse;
  if (a == nullptr) return std::nullopt;
  Finding f;
  f.rule = RuleId::kBeliefAttack;
  AddAttacks(*a, policy_, /*belief_only=*/true, &f);
  if (f.spans.empty()) return std::nullopt;
  SortSpans(&f);
  return f;
}

}  // namespace newsroom::moderation
