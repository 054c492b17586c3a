// Google's Perspective API (Comment Analyzer v1alpha1), answered by the
// moderation engine: the protocol half of the `comments:analyze` and
// `comments:suggestscore` routes, as pure functions with no HTTP, so that
// Coral Talk and every other Perspective client moderate Turkish comments
// with Newsroom by changing only the API's address.
//
//   absl::StatusOr<AnalyzeRequest> request = ParseAnalyzeRequest(body);
//   if (!request.ok()) return Reply(400, ErrorJson(request.status()));
//   absl::StatusOr<moderation::Verdict> verdict =
//       engine.Moderate(request->text, LanguageHint(request->languages));
//   if (!verdict.ok()) return Reply(400, ErrorJson(verdict.status()));
//   return Reply(200, AnalyzeResponse(*request, *verdict));
//
// Attributes. Perspective's own names are computed from the engine's rule
// scores; Newsroom's rules are also offered under their ids in upper case.
// Every value is in [0, 1] with type "PROBABILITY".
//
//   TOXICITY          calibrated probability that the comment is offensive
//                     (see "Calibration" below): raw = the largest of the
//                     insult, profanity, offensive and belief_attack scores,
//                     mapped through a monotone curve fitted on the
//                     OffensEval-TR dev split so that, among comments scored
//                     about s, a share of about s is offensive.
//   SEVERE_TOXICITY   the gravest abuse only: a severity-3 lexicon match
//                     (insult, profanity or belief_attack score >= 0.95)
//                     counts at its score, a lesser match at half of it; the
//                     rest is TOXICITY cubed (0.95 → 0.86, 0.8 → 0.51), so a
//                     plain insult is toxic but not severely so. Never above
//                     TOXICITY.
//   INSULT            the insult rule's score; when the comment has an
//                     insult word, at least its TOXICITY.
//   PROFANITY         the profanity rule's score; when the comment has a
//                     profane word, at least its TOXICITY.
//   IDENTITY_ATTACK   the belief_attack rule's score, and the insult rule's
//                     score when one of its matches is a slur (a word that
//                     demeans a group).
//   OFFENSIVE, BELIEF_ATTACK, SPELLING, NO_TURKISH_CHARS, ALL_CAPS
//                     the rule's own score (0 when it found nothing).
//                     OFFENSIVE is only reported from the rule's review
//                     threshold up (config/policy.toml), and only for
//                     Turkish comments.
//
// Calibration. The engine's scores mean what the policy needs: a lexicon
// match's severity, a classifier's probability. Perspective's clients read
// TOXICITY as a probability and put their own thresholds on it (Coral's
// default is 0.8), so TOXICITY is calibrated on OffensEval-TR's dev split
// (the fixed id-hash split of classifier/dataset.h) with isotonic
// regression. There are two curves: "classifier" for comments the
// offensive-language classifier reads (Turkish), fitted on the largest of
// the four abuse scores, and "lexicon" for the others (English and other
// languages, where only the abuse lexicons speak), fitted on the same
// tweets with the insult and profanity scores alone. The curves live in
// data/models/perspective-calibration.txt, rebuilt by
//
//   newsroom eval perspective --data offenseval-tr-training-v1.tsv
//       --split dev --fit data/models/perspective-calibration.txt
//
// Languages. Perspective's `languages` is the client's belief, and Coral
// always sends ["en"]; Newsroom takes it as a hint only, and the engine's
// language identifier wins when the text is clearly another language.
// `detectedLanguages` is the engine's language: "tr", "en" or "und" (neither).
//
// Thread-safety: all functions are pure and thread-safe; a Calibration is
// immutable once built.
#ifndef NEWSROOM_SERVER_PERSPECTIVE_H_
#define NEWSROOM_SERVER_PERSPECTIVE_H_

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "datadir/datadir.h"
#include "langid/language.h"
#include "moderation/verdict.h"

namespace newsroom::server::perspective {

// The attribute names a request may ask for, Perspective's first.
inline constexpr const char* kAttributes[] = {
    "TOXICITY",         "SEVERE_TOXICITY", "INSULT",        "PROFANITY",
    "IDENTITY_ATTACK",  "OFFENSIVE",       "BELIEF_ATTACK", "SPELLING",
    "NO_TURKISH_CHARS", "ALL_CAPS"};

// A monotone map from raw abuse evidence to a calibrated probability: for
// each of the two curves ("classifier", "lexicon"), knots (raw, probability)
// with raw and probability non-decreasing, interpolated linearly between
// knots and flat beyond the first and last.
class Calibration {
 public:
  struct Knot {
    double raw = 0;
    double probability = 0;
  };
  enum class Curve { kClassifier, kLexicon };

  // The file format: '#' comment lines, then one knot a line,
  // `curve<TAB>raw<TAB>probability`, curve "classifier" or "lexicon".
  // InvalidArgument naming `name` and the line for a malformed line, a
  // value outside [0, 1], knots out of order (raw must increase, probability
  // must not decrease) or a curve without knots.
  static absl::StatusOr<Calibration> Parse(std::string_view text,
                                           const std::string& name);
  // Parse() of a file; NotFound naming it when it cannot be read.
  static absl::StatusOr<Calibration> Load(const std::string& path);

  // One labelled comment for Fit(): its raw evidence for each curve (see
  // RawToxicity) and whether the engine read it as Turkish.
  struct Example {
    double classifier_raw = 0;
    double lexicon_raw = 0;
    bool turkish = false;
    bool offensive = false;  // the label
  };

  // Isotonic regression (pool adjacent violators) of the labels on the raw
  // scores, comments with equal raw scores pooled, then blocks of fewer
  // than 20 comments pooled with their neighbour: one knot per block, at
  // its mean raw score and its smoothed share of offensive comments,
  // (offensive + 1) / (comments + 2), neighbours whose smoothed shares
  // would go down pooled as well. The classifier curve is fitted on the
  // Turkish examples, the lexicon curve on all of them. An empty fit is the
  // identity.
  static Calibration Fit(const std::vector<Example>& examples);

  // The identity map (for tests and for raw scores).
  static Calibration Identity();

  // The calibrated probability of `raw` on `curve`, in [0, 1].
  double Apply(Curve curve, double raw) const;

  // The file text, `header` lines first (each prefixed with "# ").
  std::string Serialize(const std::vector<std::string>& header) const;

  const std::vector<Knot>& knots(Curve curve) const {
    return curve == Curve::kClassifier ? classifier_ : lexicon_;
  }

 private:
  std::vector<Knot> classifier_;
  std::vector<Knot> lexicon_;
};

// <data dir>/models/perspective-calibration.txt.
std::string DefaultCalibrationPath(
    const std::string& data_dir = datadir::Get());

// The calibration of DefaultCalibrationPath(), loaded on first use and kept.
// A missing or broken file is an error of the installation: it is fatal,
// with a message naming the file and the command that rebuilds it. A server
// calls this at start-up so that it fails there and not on a request.
const Calibration& DefaultCalibration();

// The raw evidence of TOXICITY in `verdict`: the largest of the insult,
// profanity, offensive and belief_attack scores, and the curve that
// calibrates it ("classifier" for Turkish, where the classifier runs).
// `lexicon_only` leaves out the offensive and belief_attack scores (what
// the "lexicon" curve is fitted on).
double RawToxicity(const moderation::Verdict& verdict, bool lexicon_only);
Calibration::Curve CurveFor(const moderation::Verdict& verdict);

// The value of `attribute` (one of kAttributes) for `verdict`, as
// AnalyzeResponse reports it.
double AttributeScore(std::string_view attribute,
                      const moderation::Verdict& verdict,
                      const Calibration& calibration);

// A parsed AnalyzeCommentRequest.
struct AnalyzeRequest {
  std::string text;
  // Attribute name (one of kAttributes) → its scoreThreshold, if given.
  std::map<std::string, std::optional<double>> attributes;
  std::vector<std::string> languages;  // as sent, e.g. {"en"}
  bool do_not_store = false;
  bool span_annotations = false;
  std::string client_token;
};

// Parses the body of `comments:analyze`:
//   comment            required object: text (required, non-empty string),
//                      type ("PLAIN_TEXT" or "TEXT_TYPE_UNSPECIFIED";
//                      "HTML" is not supported)
//   requestedAttributes required non-empty object: attribute name → object
//                      with optional scoreType ("PROBABILITY" or
//                      "SCORE_TYPE_UNSPECIFIED") and scoreThreshold (number
//                      in [0, 1])
//   languages          optional array of strings
//   doNotStore, spanAnnotations  optional booleans
//   clientToken        optional string
//   context, communityId, sessionId  accepted and ignored
// Unknown top-level fields are ignored, as Google's JSON parsing does for
// fields a client library is newer than. Errors are InvalidArgument naming
// the field, e.g. "comment.text is required"; an attribute Newsroom does not
// compute is "Attribute THREAT is not supported by Newsroom; supported: …".
absl::StatusOr<AnalyzeRequest> ParseAnalyzeRequest(const nlohmann::json& body);

// The language hint for Engine::Moderate from a request's `languages`
// (analyze's or suggestscore's): the first that is Turkish or English
// ("tr", "en", "tr-TR", "en-US", any case); nullopt when none is (other
// languages are no error: the engine identifies the text).
std::optional<langid::Language> LanguageHint(
    const std::vector<std::string>& languages);

// The AnalyzeCommentResponse for `verdict` (the engine's verdict on
// request.text), with DefaultCalibration() or `calibration`:
//   attributeScores.{ATTR}.summaryScore {value, type: "PROBABILITY"}, for
//     each requested attribute whose value reaches its scoreThreshold (all
//     when no threshold);
//   attributeScores.{ATTR}.spanScores [{begin, end, score {value, type}}]
//     when span_annotations: begin/end are code-point offsets into the text,
//     one span per place a contributing rule points at, scored as that
//     rule's own contribution, in text order; a whole-text span with the
//     summary score when no rule points anywhere;
//   languages: the request's, or the detected language when none was sent;
//   detectedLanguages: [the engine's language code];
//   clientToken: echoed when sent.
nlohmann::json AnalyzeResponse(const AnalyzeRequest& request,
                               const moderation::Verdict& verdict);
nlohmann::json AnalyzeResponse(const AnalyzeRequest& request,
                               const moderation::Verdict& verdict,
                               const Calibration& calibration);

// A parsed SuggestCommentScoreRequest: a client's correction.
struct SuggestScoreRequest {
  std::string text;
  std::map<std::string, double> attribute_scores;  // name → summary value
  std::vector<std::string> languages;
  std::string client_token;
  std::string community_id;
};

// Parses the body of `comments:suggestscore`: comment.text (required
// string), attributeScores (required non-empty object: name → object with
// summaryScore.value, a number in [0, 1]; the name must be one of
// kAttributes), languages, clientToken, communityId; context and sessionId
// ignored. InvalidArgument naming the field.
absl::StatusOr<SuggestScoreRequest> ParseSuggestScoreRequest(
    const nlohmann::json& body);

// Perspective's answer to a suggestion: {"clientToken": …} (an empty object
// without a token).
nlohmann::json SuggestScoreResponse(const SuggestScoreRequest& request);

// Google's API error body:
//   {"error": {"code": 400, "message": "…", "status": "INVALID_ARGUMENT"}}
// `code` is the HTTP status; its canonical status name is 400
// INVALID_ARGUMENT, 401 UNAUTHENTICATED, 403 PERMISSION_DENIED, 404
// NOT_FOUND, 409 ABORTED, 413 INVALID_ARGUMENT (Perspective refuses an
// over-long comment as a bad argument), 429 RESOURCE_EXHAUSTED, 499
// CANCELLED, 500 INTERNAL, 501 UNIMPLEMENTED, 503 UNAVAILABLE, 504
// DEADLINE_EXCEEDED; any other code is UNKNOWN.
nlohmann::json ErrorJson(int code, std::string_view message);

// The HTTP status Google's APIs answer `status` with (InvalidArgument 400,
// NotFound 404, ResourceExhausted 429, …; Internal and Unknown 500).
// REQUIRES: !status.ok()
int HttpStatusFor(const absl::Status& status);

// ErrorJson(HttpStatusFor(status), status.message()).
nlohmann::json ErrorJson(const absl::Status& status);

}  // namespace newsroom::server::perspective

#endif  // NEWSROOM_SERVER_PERSPECTIVE_H_
