// Identification is a vote in "function-word units": each piece of evidence
// adds to the score of Turkish, English or Other, and the highest score
// wins.
//
//  1. Words. Only word tokens are read (Document sets aside URLs, mentions,
//     hashtags, numbers and emoji), minus placeholders like "URL".
//  2. Cues. Each word is reduced to its lower-case and ASCII-folded
//     spellings (internal/word_shape.h) and looked up in the cue lists
//     (internal/cue_lexicon.h): a Turkish word such as "değil" or "degil"
//     adds its weight to Turkish, "the" to English, "und" to Other. A word
//     that is no cue speaks through its letters: ğ ı İ ş say Turkish (1),
//     ç ö ü say Turkish more softly (0.5, German and French have them too),
//     ə, or q/x/w beside Turkish letters, say Azerbaijani (Other, 1.5), any
//     other non-ASCII letter says Other (1).
//  3. CLD2 reads the words joined by spaces and returns up to three
//     languages with their share of the text (internal/cld2.h), when its
//     vote could change the winner (most longer comments are settled by
//     their cue words, and CLD2 is not asked): its
//     reliable answer, or on short text its best-effort guess. Its vote is
//     worth half a word per word read, up to four words, and a guess
//     somewhat less, split by share. So on a short comment the cue words
//     outvote CLD2, and CLD2 decides where no cue speaks. When CLD2 says
//     Azerbaijani, Turkmen or Uzbek about plain-ASCII text, its vote goes to
//     Turkish: that is Turkish typed without Turkish letters.
//  4. Decision. The default language gets a small prior and the hint gets
//     options.hint_weight; the arg-max wins, and a softmax over the scores
//     is the confidence.
//
// The weights were set on the dev split of `newsroom eval langid` (see
// src/app/eval_langid_command.cc) and are deliberately round numbers.
//
// Tested by identifier_test.cc.
#include "langid/identifier.h"

#include <algorithm>
#include <cmath>

#include "absl/status/status.h"
#include "langid/internal/cld2.h"
#include "langid/internal/cue_lexicon.h"
#include "langid/internal/word_shape.h"

namespace newsroom::langid {
namespace {

using internal::WordShape;

constexpr int kTurkish = static_cast<int>(Language::kTurkish);
constexpr int kEnglish = static_cast<int>(Language::kEnglish);
constexpr int kOther = static_cast<int>(Language::kOther);

// Letter evidence of a word that is no cue word.
constexpr double kTurkishOnlyLetterWeight = 1.0;
constexpr double kTurkishSharedLetterWeight = 0.5;
constexpr double kAzerbaijaniLetterWeight = 1.5;
constexpr double kForeignLetterWeight = 1.0;

// CLD2's vote, per word read up to kCld2WordCap words. CLD2 errs on short
// text even when it calls itself reliable, so its vote on a 1-3 word comment
// stays below that of the cue words it contains. A best-effort guess (CLD2
// would not commit) still outweighs the default prior on one word: on 1-3
// word English and other-language texts the guess is right four times in
// five, and without it they would all fall to the default.
constexpr double kCld2ReliableWeight = 0.5;
constexpr double kCld2GuessWeight = 0.35;
constexpr int kCld2WordCap = 4;

// Tilts a tie, and a comment without evidence, towards
// options.default_language.
constexpr double kDefaultPrior = 0.25;

void AddLetterEvidence(uint32_t letters, std::array<double, 3>* evidence) {
  using namespace internal;  // LetterClass bits
  const bool turkish_letters =
      letters & (kTurkishOnlyLetter | kTurkishSharedLetter);
  if ((letters & kSchwaLetter) || (turkish_letters && (letters & kQwxLetter))) {
    (*evidence)[kOther] += kAzerbaijaniLetterWeight;
  } else if (letters & (kForeignLatinLetter | kNonLatinLetter)) {
    (*evidence)[kOther] += kForeignLetterWeight;
  } else if (letters & kTurkishOnlyLetter) {
    (*evidence)[kTurkish] += kTurkishOnlyLetterWeight;
  } else if (letters & kTurkishSharedLetter) {
    (*evidence)[kTurkish] += kTurkishSharedLetterWeight;
  }
}

int ArgMax(const std::array<double, 3>& s, int tie_winner) {
  int best = tie_winner;
  for (int i = 0; i < 3; ++i) {
    if (s[i] > s[best]) best = i;
  }
  return best;
}

// Whether a vote of at most `vote`, spread over the languages in any way,
// leaves the leader of evidence + prior ahead of every other language.
bool Settled(const std::array<double, 3>& evidence,
             const std::array<double, 3>& prior, double vote) {
  std::array<double, 3> s;
  for (int i = 0; i < 3; ++i) s[i] = evidence[i] + prior[i];
  std::sort(s.begin(), s.end());
  return s[2] - s[1] > vote;
}

}  // namespace

absl::StatusOr<std::unique_ptr<const Identifier>> Identifier::Create(
    const IdentifierOptions& options) {
  if (!(options.hint_weight >= 0)) {
    return absl::InvalidArgumentError("hint_weight must be >= 0, got " +
                                      std::to_string(options.hint_weight));
  }
  if (options.max_words < 1) {
    return absl::InvalidArgumentError("max_words must be >= 1, got " +
                                      std::to_string(options.max_words));
  }
  absl::StatusOr<internal::CueLexicon> lexicon =
      internal::CueLexicon::Load(options.data_dir + "/langid");
  if (!lexicon.ok()) return lexicon.status();
  if (options.use_cld2 && options.keep_cld2_scratch_memory) {
    internal::KeepCld2ScratchMemory();
  }
  return std::unique_ptr<const Identifier>(new Identifier(
      options,
      std::make_unique<const internal::CueLexicon>(*std::move(lexicon))));
}

Identifier::Identifier(IdentifierOptions options,
                       std::unique_ptr<const internal::CueLexicon> lexicon)
    : options_(std::move(options)), lexicon_(std::move(lexicon)) {}

Identifier::~Identifier() = default;

bool Identifier::IsName(std::string_view word) const {
  if (!options_.use_cues) return false;
  // Most words are ASCII letters, whose folded spelling is their ASCII
  // lower case ("I" lowers to "ı" and folds back to "i"): no need to
  // analyse them.
  char folded[24];
  if (word.size() <= sizeof(folded) &&
      std::all_of(word.begin(), word.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      })) {
    for (size_t i = 0; i < word.size(); ++i) {
      folded[i] = static_cast<char>(word[i] | 0x20);
    }
    return lexicon_->IsFoldedName(std::string_view(folded, word.size()));
  }
  thread_local WordShape shape;
  internal::AnalyzeWord(word, &shape);
  return lexicon_->IsName(shape);
}

std::string_view Identifier::Cld2Version() {
  return internal::Cld2TablesVersion();
}

Detection Identifier::Identify(const text::Document& doc,
                               std::optional<Language> hint) const {
  // Scratch buffers, kept per thread so that a call allocates nothing once
  // warm.
  thread_local WordShape shape;
  thread_local std::string cld2_text;
  cld2_text.clear();

  Detection d;
  std::array<double, 3> evidence = {0, 0, 0};
  bool ascii_only = true;  // no word has a letter outside a-z
  for (const text::Token& token : doc.tokens()) {
    if (token.kind != text::TokenKind::kWord) continue;
    if (std::find(options_.ignored_words.begin(), options_.ignored_words.end(),
                  token.text) != options_.ignored_words.end()) {
      continue;
    }
    if (d.words == options_.max_words) break;
    if (options_.use_cues) {
      internal::AnalyzeWord(token.text, &shape);
      if (shape.letters & ~(internal::kQwxLetter | internal::kApostrophe)) {
        ascii_only = false;
      }
      // A name is no language's word, but a Turkish letter typed in it
      // ("İzmit") still tells of the writer's keyboard.
      if (lexicon_->IsName(shape)) {
        AddLetterEvidence(shape.letters, &evidence);
        continue;
      }
    }
    ++d.words;
    if (options_.use_cld2) {
      if (!cld2_text.empty()) cld2_text.push_back(' ');
      cld2_text += token.text;
    }
    if (options_.use_cues) {
      if (std::optional<internal::Cue> cue = lexicon_->Lookup(shape)) {
        evidence[static_cast<int>(cue->language)] += cue->weight;
      } else {
        AddLetterEvidence(shape.letters, &evidence);
      }
    }
  }

  // CLD2 is asked only when its vote could change the winner: the cues
  // alone settle most comments of a dozen words or more, and CLD2 is a
  // third of the time this takes.
  std::array<double, 3> prior = {0, 0, 0};
  prior[static_cast<int>(options_.default_language)] += kDefaultPrior;
  if (hint) prior[static_cast<int>(*hint)] += options_.hint_weight;
  if (options_.use_cld2 && d.words > 0 &&
      !Settled(evidence, prior,
               kCld2ReliableWeight * std::min(d.words, kCld2WordCap))) {
    internal::Cld2Result r = internal::RunCld2(cld2_text);
    d.cld2_code = r.top[0].code;
    d.cld2_reliable = r.reliable;
    const double vote = (r.reliable ? kCld2ReliableWeight : kCld2GuessWeight) *
                        std::min(d.words, kCld2WordCap);
    for (const internal::Cld2Result::Entry& e : r.top) {
      if (!e.language) continue;
      int to = static_cast<int>(*e.language);
      // CLD2 takes Turkish typed without Turkish letters for Azerbaijani,
      // Turkmen or Uzbek a few times in a hundred; real text in those
      // languages shows letters (ə ä ň q x) that plain ASCII lacks.
      if (e.turkic && ascii_only && options_.use_cues) to = kTurkish;
      evidence[to] += vote * e.percent / 100.0;
    }
  }

  std::array<double, 3> score = evidence;
  for (int i = 0; i < 3; ++i) score[i] += prior[i];
  const int default_index = static_cast<int>(options_.default_language);
  const int winner =
      ArgMax(score, hint ? static_cast<int>(*hint) : default_index);
  d.language = static_cast<Language>(winner);

  const double top = score[winner];
  double sum = 0;
  for (int i = 0; i < 3; ++i) {
    d.probabilities[i] = std::exp(score[i] - top);
    sum += d.probabilities[i];
  }
  for (double& p : d.probabilities) p /= sum;
  d.confidence = d.probabilities[winner];

  const double total =
      evidence[kTurkish] + evidence[kEnglish] + evidence[kOther];
  const int by_text = ArgMax(evidence, winner);
  const bool text_decides =
      total > 0 && by_text == winner &&
      std::count(evidence.begin(), evidence.end(), evidence[winner]) == 1;
  if (text_decides) {
    d.basis = Basis::kText;
  } else if (hint && winner == static_cast<int>(*hint)) {
    d.basis = Basis::kHint;
  } else {
    d.basis = Basis::kDefault;
  }
  return d;
}

}  // namespace newsroom::langid
