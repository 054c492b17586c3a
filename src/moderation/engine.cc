// Build() loads the heavy parts once, in dependency order (dictionaries
// before the models that validate with them), and keeps only the rules the
// policy enables. Moderate() is then a straight pipeline over one comment:
// parse → identify the language → run each applicable rule → apply the
// policy's thresholds and actions → decide → add the suggestions, when
// someone will read them.
//
// Tested by engine_test.cc.
#include "moderation/engine.h"

#include <algorithm>

#include "absl/container/inlined_vector.h"
#include "classifier/classifier.h"
#include "deasciify/deasciifier.h"
#include "langid/identifier.h"
#include "lexicon/matcher.h"
#include "moderation/abuse_rules.h"
#include "moderation/all_caps_rule.h"
#include "moderation/no_turkish_chars_rule.h"
#include "moderation/spelling_rule.h"
#include "spelling/checker.h"
#include "text/casing.h"
#include "text/document.h"

namespace newsroom::moderation {

Engine::~Engine() = default;

absl::StatusOr<std::unique_ptr<const Engine>> Engine::Build(
    const EngineOptions& options) {
  std::unique_ptr<Engine> engine(new Engine());
  engine->policy_ = options.policy;
  const Policy& policy = engine->policy_;

  auto turkish = morphology::Dictionary::Load(options.turkish);
  if (!turkish.ok()) return turkish.status();
  engine->turkish_ = *std::move(turkish);
  auto english = morphology::Dictionary::Load(options.english);
  if (!english.ok()) return english.status();
  engine->english_ = *std::move(english);

  auto identifier = langid::Identifier::Create();
  if (!identifier.ok()) return identifier.status();
  engine->identifier_ = *std::move(identifier);

  auto deasciifier = deasciify::Deasciifier::Load(
      options.data_dir + "/models/deasciifier.model", engine->turkish_.get());
  if (!deasciifier.ok()) return deasciifier.status();
  engine->deasciifier_ = *std::move(deasciifier);

  spelling::Checker::Options spelling_options;
  spelling_options.word_list_path = options.data_dir + "/spelling/tr-words.tsv";
  spelling_options.allowlist_path =
      options.data_dir + "/spelling/tr-allowlist.txt";
  spelling_options.informal_path =
      options.data_dir + "/spelling/tr-informal.tsv";
  spelling_options.turkish = engine->turkish_.get();
  spelling_options.english = engine->english_.get();
  spelling_options.deasciifier = engine->deasciifier_.get();
  spelling_options.turkish_files = options.turkish;
  spelling_options.english_files = options.english;
  auto checker = spelling::Checker::Load(spelling_options);
  if (!checker.ok()) return checker.status();
  engine->spelling_ = *std::move(checker);

  auto acronyms = LoadAcronyms(options.data_dir + "/lexicon/acronyms.txt");
  if (!acronyms.ok()) return acronyms.status();

  auto matcher = lexicon::Matcher::Load(
      lexicon::LexiconPaths::InDirectory(options.data_dir + "/lexicon"));
  if (!matcher.ok()) return matcher.status();
  engine->matcher_ = *std::move(matcher);
  auto classifier = classifier::Classifier::Load(options.data_dir +
                                                 "/models/offensive.model");
  if (!classifier.ok()) return classifier.status();
  engine->turkish_classifier_ = *std::move(classifier);
  auto english_classifier = classifier::Classifier::Load(
      options.data_dir + "/models/offensive-en.model");
  if (!english_classifier.ok()) return english_classifier.status();
  engine->english_classifier_ = *std::move(english_classifier);
  auto turkish_neutral = lexicon::NeutralWords::Load(
      {options.data_dir + "/lexicon/neutral-tr.txt",
       options.data_dir + "/models/neutral-words-tr.txt"});
  if (!turkish_neutral.ok()) return turkish_neutral.status();
  engine->turkish_neutral_ = *std::move(turkish_neutral);
  auto english_neutral = lexicon::NeutralWords::Load(
      {options.data_dir + "/lexicon/neutral-en.txt"});
  if (!english_neutral.ok()) return english_neutral.status();
  engine->english_neutral_ = *std::move(english_neutral);
  engine->models_.turkish = engine->turkish_classifier_.get();
  engine->models_.english = engine->english_classifier_.get();
  engine->models_.turkish_neutral = engine->turkish_neutral_.get();
  engine->models_.english_neutral = engine->english_neutral_.get();

  // Every enabled rule of the table, in the order they run: the abuse
  // rules only read the lexicon's and classifier's findings; then
  // all_caps, and no_turkish_chars, which claims words before spelling
  // runs. A rule added to the table needs its case here (the compiler
  // warns about a missing one).
  static constexpr RuleId kRunOrder[] = {
      RuleId::kInsult,       RuleId::kProfanity, RuleId::kOffensive,
      RuleId::kBeliefAttack, RuleId::kAllCaps,   RuleId::kNoTurkishChars,
      RuleId::kSpelling};
  static_assert(std::size(kRunOrder) == kAllRules.size());
  for (RuleId id : kRunOrder) {
    if (!policy.ForRule(id).enabled) continue;
    std::unique_ptr<const Rule> rule;
    switch (id) {
      case RuleId::kInsult:
        rule = std::make_unique<InsultRule>(policy.insult);
        break;
      case RuleId::kProfanity:
        rule = std::make_unique<ProfanityRule>(policy.profanity);
        break;
      case RuleId::kOffensive:
        rule =
            std::make_unique<OffensiveRule>(policy.offensive, engine->models_);
        break;
      case RuleId::kBeliefAttack:
        rule = std::make_unique<BeliefAttackRule>(policy.belief_attack);
        break;
      case RuleId::kAllCaps:
        rule = std::make_unique<AllCapsRule>(
            policy.all_caps, *std::move(acronyms), engine->turkish_.get(),
            engine->deasciifier_.get());
        break;
      case RuleId::kNoTurkishChars:
        rule = std::make_unique<NoTurkishCharsRule>(
            policy.no_turkish_chars, *engine->deasciifier_,
            engine->turkish_.get(), engine->english_.get());
        break;
      case RuleId::kSpelling:
        rule = std::make_unique<SpellingRule>(
            policy.spelling, *engine->spelling_, engine->english_.get(),
            engine->turkish_.get());
        break;
    }
    engine->rules_.push_back(std::move(rule));
  }
  engine->abuse_rules_ = policy.insult.enabled || policy.profanity.enabled ||
                         policy.offensive.enabled ||
                         policy.belief_attack.enabled;
  return std::unique_ptr<const Engine>(std::move(engine));
}

// Turkish typed without its letters is the text the policy most needs to
// recognise, and short pieces of Turkish ("Sutun A tablodaki ilk
// sutundur.", "O filmi severim.") are where a general-purpose identifier
// slips. The deasciifier and the Turkish dictionary know Turkish words in
// both spellings, so they get a second say. A word speaks for Turkish when
// it is restored with Turkish letters or hunspell-tr knows it, but only a
// word hunspell-en does not know speaks for Turkish alone: "son", "in",
// "is" (restored "iş") and "Ankara" are English words too, and short
// English sentences can be made of nothing else ("My son is in
// Ankara."). The comment is Turkish when at least 60 % of its words (of
// two letters or more) are Turkish and either one of them is restored
// with Turkish letters and is no English word, or half of them are
// Turkish alone. An interjection ("Haha") is one Turkish-alone word among
// English ones, not half of them; nor is a Turkish name as English writes
// it ("Erdogan is a dictator."). The names the identifier reads as no
// language's ("istanbul", "Galatasaray") are not counted at all.
//
// Every English comment comes here, and restoring a word is the dear part:
// the words are read only while 60 % of them can still be Turkish.
bool Engine::LooksTurkish(const text::Document& doc) const {
  auto counted = [](const text::Token& t) {
    return t.kind == text::TokenKind::kWord && t.end - t.begin >= 2;
  };
  // Words not read yet: at most so many more Turkish words.
  int left = static_cast<int>(
      std::count_if(doc.tokens().begin(), doc.tokens().end(), counted));
  int words = 0;
  int turkish = 0;
  int turkish_alone = 0;
  int restored_alone = 0;
  std::string_view previous;
  for (const text::Token& t : doc.tokens()) {
    if (!counted(t)) continue;
    // Were every word left Turkish, (turkish + n) * 10 >= (words + n) * 6
    // for some n <= left needs this.
    if (turkish * 10 + left * 4 < words * 6) return false;
    --left;
    if (identifier_->IsName(t.text)) {
      previous = t.text;
      continue;
    }
    ++words;
    deasciify::WordRestoration r = deasciifier_->RestoreWord(
        t.text, t.sentence_initial ? std::string_view() : previous);
    previous = t.text;
    using Evidence = deasciify::WordRestoration::Evidence;
    const bool restored = r.changed && (r.evidence == Evidence::kWordTable ||
                                        r.evidence == Evidence::kContext);
    if (!restored && !turkish_->Spell(r.restored) &&
        !turkish_->Spell(text::ToLowerTr(r.restored))) {
      continue;
    }
    ++turkish;
    if (english_->Spell(t.text)) continue;
    ++turkish_alone;
    if (!restored) continue;
    // A capitalised word restored to a name ("Erdogan" → "Erdoğan",
    // "Besiktas") is how English writes the name too: it counts among the
    // Turkish words but does not settle the comment's language alone. With
    // a Turkish ending ("Iran'in", "Erdogan'a") it does.
    const bool name = text::CountCase(t.text.substr(0, 1)).upper == 1 &&
                      t.text.find('\'') == std::string_view::npos &&
                      t.text.find("’") == std::string_view::npos &&
                      !turkish_->Spell(text::ToLowerTr(r.restored));
    if (!name) ++restored_alone;
  }
  return turkish * 10 >= words * 6 &&
         (restored_alone >= 1 ||
          (turkish_alone >= 1 && turkish_alone * 2 >= words));
}

void Engine::WarmUp() const {
  // A Turkish sentence, one typed without its letters, an English one,
  // and misspellings to suggest for.
  for (const char* text :
       {"Köprü çok güzel olmuş, tesekkurler.",
        "The bridge looks great, thank you.", "bilgisyar habr yazann"}) {
    (void)Moderate(text, std::nullopt, Suggestions::kAlways);
  }
}

absl::StatusOr<Verdict> Engine::Moderate(std::string_view text,
                                         std::optional<langid::Language> hint,
                                         Suggestions suggestions) const {
  text::ParseOptions parse_options;
  parse_options.max_length = policy_.max_length;
  absl::StatusOr<text::Document> doc =
      text::Document::Parse(text, parse_options);
  if (!doc.ok()) return doc.status();

  Verdict verdict;
  langid::Detection detection = identifier_->Identify(*doc, hint);
  verdict.language = detection.language;
  verdict.language_confidence = detection.confidence;
  if (verdict.language != langid::Language::kTurkish && LooksTurkish(*doc)) {
    verdict.language = langid::Language::kTurkish;
    verdict.language_confidence =
        detection.probabilities[static_cast<int>(langid::Language::kTurkish)];
  }

  Comment comment(*doc, verdict.language);
  AbuseAnalysis abuse;
  if (abuse_rules_) {
    abuse = AbuseAnalysis::Of(*doc, verdict.language, *matcher_, models_);
    comment.abuse = &abuse;
  }
  bool review = false;
  bool reject = false;
  // found[k] is the rule of verdict.findings[k].
  absl::InlinedVector<const Rule*, 8> found;
  for (const std::unique_ptr<const Rule>& rule : rules_) {
    if (!RunsOn(rule->id(), verdict.language)) continue;
    std::optional<Finding> finding = rule->Check(&comment);
    if (!finding.has_value()) continue;
    const RulePolicy& rp = policy_.ForRule(rule->id());
    finding->score = std::clamp(finding->score, 0.0, 1.0);
    finding->action = rp.action;
    finding->violated = finding->score >= rp.threshold;
    if (finding->violated) {
      (rp.action == Action::kReject ? reject : review) = true;
    } else if (rp.review_threshold.has_value() &&
               finding->score >= *rp.review_threshold) {
      review = true;
    }
    verdict.findings.push_back(*std::move(finding));
    found.push_back(rule.get());
  }
  verdict.decision = reject   ? Decision::kReject
                     : review ? Decision::kReview
                              : Decision::kApprove;
  // A withheld comment's author is told what broke the policy: the
  // suggestions of the rules it broke. A finding under its threshold
  // explains nothing and its suggestions would go unread.
  if (suggestions != Suggestions::kNever) {
    for (size_t k = 0; k < found.size(); ++k) {
      if (suggestions == Suggestions::kAlways ||
          (verdict.decision != Decision::kApprove &&
           verdict.findings[k].violated)) {
        found[k]->Suggest(comment, &verdict.findings[k]);
      }
    }
  }
  // Report findings in policy order, whatever order the rules ran in.
  std::stable_sort(verdict.findings.begin(), verdict.findings.end(),
                   [](const Finding& a, const Finding& b) {
                     return static_cast<int>(a.rule) < static_cast<int>(b.rule);
                   });
  return verdict;
}

}  // namespace newsroom::moderation
