// The moderation engine: the newsroom's policy applied to one comment.
//
//   EngineOptions options;
//   options.policy = LoadPolicyFile("config/policy.toml").value();
//   absl::StatusOr<std::unique_ptr<const Engine>> engine =
//   Engine::Build(options); absl::StatusOr<Verdict> v =
//   (*engine)->Moderate("COK GUZEL BIR HABER");
//   // v->decision == Decision::kReject; findings: no_turkish_chars, all_caps
//
// Build() loads everything the rules need — Hunspell dictionaries, the
// deasciifier model, the spelling word list, the acronym list, the abuse
// lexicons, the neutral words and the offensive-language models (one per
// language: data/models/offensive.model for Turkish, offensive-en.model
// for English; each comment is scored by the model of its language) —
// once. The
// engine is then immutable: one instance is shared by every thread, and
// Moderate() is thread-safe.
#ifndef NEWSROOM_MODERATION_ENGINE_H_
#define NEWSROOM_MODERATION_ENGINE_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "datadir/datadir.h"
#include "langid/language.h"
#include "moderation/abuse_rules.h"
#include "moderation/policy.h"
#include "moderation/rule.h"
#include "moderation/verdict.h"
#include "morphology/dictionary.h"
#include "text/document.h"

namespace newsroom::deasciify {
class Deasciifier;
}
namespace newsroom::langid {
class Identifier;
}
namespace newsroom::spelling {
class Checker;
}

namespace newsroom::moderation {

struct EngineOptions {
  Policy policy;
  // Models, word lists and lexicons (the repository's data/ directory).
  std::string data_dir = datadir::Get();
  // Debian's hunspell-tr and hunspell-en-us.
  morphology::Dictionary::Options turkish =
      morphology::Dictionary::Options::Turkish();
  morphology::Dictionary::Options english =
      morphology::Dictionary::Options::English();
};

class Engine {
 public:
  // Loads and builds everything. Errors: NotFound naming a missing file (and
  // the package or command that provides it); InvalidArgument for a broken
  // model or list.
  static absl::StatusOr<std::unique_ptr<const Engine>> Build(
      const EngineOptions& options);

  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Whether a verdict's findings carry the corrections a reader is offered
  // (the spelling rule's suggestions, Rule::Suggest). Working them out
  // costs more than all the rest of the language rules, and nobody reads
  // them on a comment that is published as written.
  enum class Suggestions {
    // When the comment is not published as written (refused or held), for
    // the rules it broke: its author is told what to correct. A published
    // comment's verdict, and a finding under its rule's threshold, still
    // mark their words, without suggestions. For comments as they are
    // posted.
    kWhenWithheld,
    // Always: a draft checked while the reader writes, `newsroom moderate`.
    kAlways,
    // Never: only the decision and the scores are read (Perspective's
    // comments:analyze, a fix being checked, evaluations).
    kNever,
  };

  // Moderates one comment. `hint` is the language the client believes the
  // comment is in; the detected language wins when the text is clearly
  // another. Decisions, scores and spans are the same whatever
  // `suggestions` asks. InvalidArgument (from text::Document::Parse) for
  // invalid UTF-8, empty or white-space-only text, or text over
  // policy().max_length.
  absl::StatusOr<Verdict> Moderate(
      std::string_view text,
      std::optional<langid::Language> hint = std::nullopt,
      Suggestions suggestions = Suggestions::kWhenWithheld) const;

  // Builds now what Moderate() otherwise builds on the first comment that
  // needs it (the spelling checker's word forms and its index of
  // deletions: about a second), by moderating a few sentences. A server
  // calls it before it takes connections.
  void WarmUp() const;

  const Policy& policy() const { return policy_; }

 private:
  Engine() = default;

  // A second look at a comment the identifier did not call Turkish: true
  // when most of its words are Turkish words and some of them are no
  // English words, whether typed without their Turkish letters ("Butun bir
  // sutun ekler.") or with them ("O filmi severim.").
  bool LooksTurkish(const text::Document& doc) const;

  Policy policy_;
  std::unique_ptr<const morphology::Dictionary> turkish_;
  std::unique_ptr<const morphology::Dictionary> english_;
  std::unique_ptr<const langid::Identifier> identifier_;
  std::unique_ptr<const deasciify::Deasciifier> deasciifier_;
  std::unique_ptr<const spelling::Checker> spelling_;
  std::unique_ptr<const lexicon::Matcher> matcher_;
  // The offensive-language model of each language, and the words that
  // carry no offence in it.
  std::unique_ptr<const classifier::Classifier> turkish_classifier_;
  std::unique_ptr<const classifier::Classifier> english_classifier_;
  std::unique_ptr<const lexicon::NeutralWords> turkish_neutral_;
  std::unique_ptr<const lexicon::NeutralWords> english_neutral_;
  AbuseModels models_;
  // True when a rule reads the lexicon's and the classifier's findings.
  bool abuse_rules_ = false;
  // Enabled rules in the order they run: no_turkish_chars before spelling,
  // so that a word missing its Turkish letters is not also a typo.
  std::vector<std::unique_ptr<const Rule>> rules_;
};

}  // namespace newsroom::moderation

#endif  // NEWSROOM_MODERATION_ENGINE_H_
