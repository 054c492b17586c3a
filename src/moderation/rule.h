// The interface every policy rule implements, and the per-comment state the
// engine passes from rule to rule.
//
//   class AllCapsRule : public Rule { … };
//   Comment c{doc, Language::kTurkish};
//   std::optional<Finding> f = rule.Check(c);
//
// Rules are built once and shared by every thread: Check() must be const
// and thread-safe, and so must Suggest(). The engine sets Finding::violated and
// Finding::action from the policy; a rule sets rule, score, spans and fix.
#ifndef NEWSROOM_MODERATION_RULE_H_
#define NEWSROOM_MODERATION_RULE_H_

#include <optional>
#include <vector>

#include "langid/language.h"
#include "moderation/rule_id.h"
#include "moderation/verdict.h"
#include "text/document.h"

namespace newsroom::moderation {

struct AbuseAnalysis;

// One comment under moderation.
struct Comment {
  Comment(const text::Document& doc, langid::Language lang)
      : document(doc), language(lang), counted(doc.tokens().size(), false) {}

  const text::Document& document;
  langid::Language language;
  // counted[i] is true when an earlier rule already counted token i (for
  // example as a word missing its Turkish letters); later rules that would
  // count the same word for another reason skip it.
  std::vector<bool> counted;
  // The lexicon's and the classifier's findings, made once for the abuse
  // rules (abuse_rules.h); null when no abuse rule runs.
  const AbuseAnalysis* abuse = nullptr;
};

class Rule {
 public:
  virtual ~Rule() = default;

  // Which rule this is. The languages it runs on are the rule table's
  // (`languages` in src/rules/rules.toml): the engine asks RunsOn().
  virtual RuleId id() const = 0;

  // Examines the comment. Returns a Finding when the rule found anything to
  // point at, even below its threshold (moderators see those), and nullopt
  // when it found nothing. May mark tokens in comment->counted.
  virtual std::optional<Finding> Check(Comment* comment) const = 0;

  // Adds to `finding`, this rule's finding on `comment`, the corrections a
  // reader is offered that cost too much to work out for every comment
  // (the spelling rule's suggestions). The engine calls it only when
  // someone will be shown them (Engine::Suggestions). The default adds
  // nothing.
  virtual void Suggest(const Comment& comment, Finding* finding) const {}
};

}  // namespace newsroom::moderation

#endif  // NEWSROOM_MODERATION_RULE_H_
