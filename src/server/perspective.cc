// Perspective's protocol is a JSON envelope around one idea: a comment in,
// per attribute a probability out. The envelope is parsed strictly enough
// that a client's mistake gets a message naming the field (as Google's
// frontend does), and leniently where Perspective itself is lenient
// (unknown top-level fields, context, sessionId).
//
// The scores come from one engine verdict. Perspective's attribute names
// are mixtures of the policy's rules (see the header); TOXICITY goes
// through an isotonic calibration so that thresholds written for
// Perspective keep their meaning. Span scores are each rule's own
// contribution to the attribute at the place it points at, so a span never
// scores above its attribute's summary.
//
// Tested by perspective_test.cc.
#include "server/perspective.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <numeric>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace newsroom::server::perspective {
namespace {

using moderation::Finding;
using moderation::FindingFor;
using moderation::RuleId;
using moderation::Verdict;

absl::Status Invalid(const std::string& message) {
  return absl::InvalidArgumentError(message);
}

// ---------------------------------------------------------------------------
// Calibration helpers.

const char* CurveName(Calibration::Curve curve) {
  return curve == Calibration::Curve::kClassifier ? "classifier" : "lexicon";
}

double Interpolate(const std::vector<Calibration::Knot>& knots, double raw) {
  if (knots.empty()) return std::clamp(raw, 0.0, 1.0);
  if (raw <= knots.front().raw) return knots.front().probability;
  if (raw >= knots.back().raw) return knots.back().probability;
  auto upper = std::upper_bound(
      knots.begin(), knots.end(), raw,
      [](double r, const Calibration::Knot& k) { return r < k.raw; });
  const Calibration::Knot& hi = *upper;
  const Calibration::Knot& lo = *(upper - 1);
  const double t = (raw - lo.raw) / (hi.raw - lo.raw);
  return lo.probability + t * (hi.probability - lo.probability);
}

// Blocks of fewer comments are pooled with their neighbour.
constexpr double kMinBlock = 20;

// Pool adjacent violators over points sorted by raw score, with equal raw
// scores pooled first (isotonic regression treats ties as one point).
std::vector<Calibration::Knot> Isotonic(const std::vector<double>& raw,
                                        const std::vector<bool>& labels,
                                        const std::vector<bool>& use) {
  std::vector<size_t> order;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (use[i]) order.push_back(i);
  }
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return raw[a] < raw[b]; });
  struct Block {
    double raw_sum = 0;
    double positives = 0;
    double count = 0;
    double mean() const { return positives / count; }
    // Laplace's rule of succession: never exactly 0 or 1 from finite data.
    double smoothed() const { return (positives + 1) / (count + 2); }
    void Absorb(const Block& o) {
      raw_sum += o.raw_sum;
      positives += o.positives;
      count += o.count;
    }
  };
  // Pools the last block into the one before it.
  auto pool_last = [](std::vector<Block>* v) {
    Block last = v->back();
    v->pop_back();
    v->back().Absorb(last);
  };
  std::vector<Block> blocks;
  for (size_t k = 0; k < order.size();) {
    Block b;
    const double x = raw[order[k]];
    while (k < order.size() && raw[order[k]] == x) {
      b.raw_sum += x;
      b.positives += labels[order[k]] ? 1 : 0;
      b.count += 1;
      ++k;
    }
    blocks.push_back(b);
    while (blocks.size() >= 2 &&
           blocks[blocks.size() - 2].mean() >= blocks.back().mean()) {
      pool_last(&blocks);
    }
  }
  // A block of a handful of comments says little: pool it with its
  // neighbour (pooling two adjacent blocks keeps the curve monotone).
  std::vector<Block> pooled;
  for (const Block& b : blocks) {
    if (!pooled.empty() && pooled.back().count < kMinBlock) {
      pooled.back().Absorb(b);
    } else {
      pooled.push_back(b);
    }
  }
  if (pooled.size() >= 2 && pooled.back().count < kMinBlock) {
    pool_last(&pooled);
  }
  // Smoothing pulls a small block further towards one half than a large
  // one, so two neighbours with nearly equal shares can come out in the
  // wrong order (15 of 24 smooths to 0.615, below 124 of 200 at 0.619):
  // pool those too, so that the curve never goes down.
  std::vector<Block> monotone;
  for (const Block& b : pooled) {
    monotone.push_back(b);
    while (monotone.size() >= 2 && monotone[monotone.size() - 2].smoothed() >
                                       monotone.back().smoothed()) {
      pool_last(&monotone);
    }
  }
  std::vector<Calibration::Knot> knots;
  for (const Block& b : monotone) {
    knots.push_back({b.raw_sum / b.count, b.smoothed()});
  }
  return knots;
}

// ---------------------------------------------------------------------------
// Attribute scores.

double ScoreOf(const Verdict& v, RuleId id) {
  const Finding* f = FindingFor(v, id);
  return f != nullptr ? f->score : 0.0;
}

constexpr RuleId kAbuseRules[] = {RuleId::kInsult, RuleId::kProfanity,
                                  RuleId::kOffensive, RuleId::kBeliefAttack};

bool IsLexiconRule(RuleId id) {
  return id == RuleId::kInsult || id == RuleId::kProfanity ||
         id == RuleId::kBeliefAttack;
}

// A lexicon score at or above this is a severity-3 match (0.97).
constexpr double kGraveScore = 0.95;

bool IsSlurSpan(const moderation::Span& s) {
  return s.reason.rfind("slur", 0) == 0;
}

bool HasSlur(const Verdict& v) {
  const Finding* f = FindingFor(v, RuleId::kInsult);
  if (f == nullptr) return false;
  return std::any_of(f->spans.begin(), f->spans.end(), IsSlurSpan);
}

// Newsroom's own rule offered under its id in upper case, or nullopt.
std::optional<RuleId> OwnRule(std::string_view attribute) {
  for (RuleId id : moderation::kAllRules) {
    if (absl::AsciiStrToUpper(std::string(moderation::RuleIdName(id))) ==
        attribute) {
      return id;
    }
  }
  return std::nullopt;
}

bool IsSupported(std::string_view attribute) {
  return std::any_of(std::begin(kAttributes), std::end(kAttributes),
                     [&](const char* a) { return attribute == a; });
}

std::string UnsupportedMessage(const std::string& attribute) {
  return absl::StrCat("Attribute ", attribute,
                      " is not supported by Newsroom; supported: ",
                      absl::StrJoin(kAttributes, ", "));
}

// Per rule, what its finding contributes to `attribute` (0 when nothing).
// The attribute's summary is the largest contribution; a rule's spans score
// its contribution.
double Contribution(std::string_view attribute, const Verdict& v,
                    const Finding& f, const Calibration& calibration) {
  const Calibration::Curve curve = CurveFor(v);
  const bool abuse = std::find(std::begin(kAbuseRules), std::end(kAbuseRules),
                               f.rule) != std::end(kAbuseRules);
  if (attribute == "TOXICITY") {
    return abuse ? calibration.Apply(curve, f.score) : 0.0;
  }
  if (attribute == "SEVERE_TOXICITY") {
    if (!abuse) return 0.0;
    const double toxicity = calibration.Apply(curve, f.score);
    double severe = toxicity * toxicity * toxicity;
    if (IsLexiconRule(f.rule)) {
      severe = std::max(severe, f.score >= kGraveScore ? f.score : f.score / 2);
    }
    // Never more severely toxic than toxic.
    return std::min(severe, calibration.Apply(curve, RawToxicity(v, false)));
  }
  if (attribute == "INSULT" || attribute == "PROFANITY") {
    const RuleId own =
        attribute == "INSULT" ? RuleId::kInsult : RuleId::kProfanity;
    if (f.rule != own) return 0.0;
    const double toxicity =
        calibration.Apply(curve, RawToxicity(v, /*lexicon_only=*/false));
    return std::max(f.score, toxicity);
  }
  if (attribute == "IDENTITY_ATTACK") {
    if (f.rule == RuleId::kBeliefAttack) return f.score;
    if (f.rule == RuleId::kInsult && HasSlur(v)) return f.score;
    return 0.0;
  }
  std::optional<RuleId> own = OwnRule(attribute);
  return own.has_value() && *own == f.rule ? f.score : 0.0;
}

// The spans of `f` that count for `attribute`.
bool SpanCounts(std::string_view attribute, const Finding& f,
                const moderation::Span& s) {
  if (attribute == "IDENTITY_ATTACK" && f.rule == RuleId::kInsult) {
    return IsSlurSpan(s);
  }
  return true;
}

double Round4(double x) { return std::round(x * 10000) / 10000; }

nlohmann::json ScoreJson(double value) {
  return {{"value", value}, {"type", "PROBABILITY"}};
}

// Code points in valid UTF-8 `text` (continuation bytes not counted).
int CodePoints(std::string_view text) {
  int n = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

// ---------------------------------------------------------------------------
// JSON field helpers: each names the field in its error.

absl::StatusOr<std::string> OptionalString(const nlohmann::json& object,
                                           const char* key,
                                           const std::string& field) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::string();
  if (!it->is_string()) return Invalid(field + " must be a string");
  return it->get<std::string>();
}

absl::StatusOr<bool> OptionalBool(const nlohmann::json& object, const char* key,
                                  const std::string& field) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return false;
  if (!it->is_boolean()) return Invalid(field + " must be true or false");
  return it->get<bool>();
}

absl::StatusOr<std::vector<std::string>> OptionalStrings(
    const nlohmann::json& object, const char* key, const std::string& field) {
  std::vector<std::string> out;
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return out;
  if (!it->is_array()) return Invalid(field + " must be an array of strings");
  for (size_t i = 0; i < it->size(); ++i) {
    const nlohmann::json& e = (*it)[i];
    if (!e.is_string()) {
      return Invalid(absl::StrCat(field, "[", i, "] must be a string"));
    }
    out.push_back(e.get<std::string>());
  }
  return out;
}

absl::StatusOr<const nlohmann::json*> RequiredObject(
    const nlohmann::json& object, const char* key, const std::string& field) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null())
    return Invalid(field + " is required");
  if (!it->is_object()) return Invalid(field + " must be an object");
  return &*it;
}

// A probability-valued field: a number in [0, 1].
absl::StatusOr<double> Probability(const nlohmann::json& value,
                                   const std::string& field) {
  if (!value.is_number()) return Invalid(field + " must be a number");
  const double x = value.get<double>();
  if (!(x >= 0 && x <= 1)) {
    return Invalid(
        absl::StrCat(field, " must be between 0 and 1, got ", value.dump()));
  }
  return x;
}

// comment.text: a required, non-empty string.
absl::StatusOr<std::string> CommentText(const nlohmann::json& body) {
  absl::StatusOr<const nlohmann::json*> comment =
      RequiredObject(body, "comment", "comment");
  if (!comment.ok()) return comment.status();
  auto text = (*comment)->find("text");
  if (text == (*comment)->end() || text->is_null()) {
    return Invalid("comment.text is required");
  }
  if (!text->is_string()) return Invalid("comment.text must be a string");
  std::string out = text->get<std::string>();
  if (out.empty()) return Invalid("comment.text is empty");
  auto type = (*comment)->find("type");
  if (type != (*comment)->end() && !type->is_null()) {
    if (!type->is_string()) return Invalid("comment.type must be a string");
    const std::string t = type->get<std::string>();
    if (t == "HTML") {
      return Invalid(
          "comment.type HTML is not supported by Newsroom; send the comment "
          "as PLAIN_TEXT");
    }
    if (t != "PLAIN_TEXT" && t != "TEXT_TYPE_UNSPECIFIED") {
      return Invalid(
          absl::StrCat("comment.type must be PLAIN_TEXT, got \"", t, "\""));
    }
  }
  return out;
}

const char* CanonicalName(int code) {
  switch (code) {
    case 400:
    case 413:
      return "INVALID_ARGUMENT";
    case 401:
      return "UNAUTHENTICATED";
    case 403:
      return "PERMISSION_DENIED";
    case 404:
      return "NOT_FOUND";
    case 409:
      return "ABORTED";
    case 429:
      return "RESOURCE_EXHAUSTED";
    case 499:
      return "CANCELLED";
    case 500:
      return "INTERNAL";
    case 501:
      return "UNIMPLEMENTED";
    case 503:
      return "UNAVAILABLE";
    case 504:
      return "DEADLINE_EXCEEDED";
    default:
      return "UNKNOWN";
  }
}

}  // namespace

// ---------------------------------------------------------------------------
// Calibration.

absl::StatusOr<Calibration> Calibration::Parse(std::string_view text,
                                               const std::string& name) {
  Calibration c;
  int line_number = 0;
  for (absl::string_view line :
       absl::StrSplit(absl::string_view(text.data(), text.size()), '\n')) {
    ++line_number;
    std::string trimmed(absl::StripAsciiWhitespace(line));
    if (trimmed.empty() || trimmed[0] == '#') continue;
    const std::string where = absl::StrCat(name, ":", line_number, ": ");
    std::vector<std::string> fields =
        absl::StrSplit(trimmed, absl::ByAnyChar("\t "), absl::SkipEmpty());
    if (fields.size() != 3) {
      return Invalid(where + "expected curve<TAB>raw<TAB>probability, got \"" +
                     trimmed + "\"");
    }
    std::vector<Knot>* knots = nullptr;
    if (fields[0] == "classifier") {
      knots = &c.classifier_;
    } else if (fields[0] == "lexicon") {
      knots = &c.lexicon_;
    } else {
      return Invalid(where + "curve must be classifier or lexicon, got \"" +
                     fields[0] + "\"");
    }
    Knot k;
    if (!absl::SimpleAtod(fields[1], &k.raw) ||
        !absl::SimpleAtod(fields[2], &k.probability) || !(k.raw >= 0) ||
        !(k.raw <= 1) || !(k.probability >= 0) || !(k.probability <= 1)) {
      return Invalid(where + "raw and probability must be numbers in [0, 1]");
    }
    if (!knots->empty() && (k.raw <= knots->back().raw ||
                            k.probability < knots->back().probability)) {
      return Invalid(where +
                     "knots must be in increasing raw order with "
                     "non-decreasing probability");
    }
    knots->push_back(k);
  }
  if (c.classifier_.empty() || c.lexicon_.empty()) {
    return Invalid(name +
                   ": needs knots for both curves, classifier and lexicon");
  }
  return c;
}

absl::StatusOr<Calibration> Calibration::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(
        "cannot read " + path +
        " (rebuild it with: newsroom eval perspective --data "
        "offenseval-tr-training-v1.tsv --split dev --fit " +
        path + ")");
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  return Parse(buffer.str(), path);
}

Calibration Calibration::Fit(const std::vector<Example>& examples) {
  std::vector<double> classifier_raw, lexicon_raw;
  std::vector<bool> labels, turkish;
  for (const Example& e : examples) {
    classifier_raw.push_back(e.classifier_raw);
    lexicon_raw.push_back(e.lexicon_raw);
    labels.push_back(e.offensive);
    turkish.push_back(e.turkish);
  }
  Calibration c = Identity();
  std::vector<Knot> knots = Isotonic(classifier_raw, labels, turkish);
  if (!knots.empty()) c.classifier_ = std::move(knots);
  knots = Isotonic(lexicon_raw, labels, std::vector<bool>(labels.size(), true));
  if (!knots.empty()) c.lexicon_ = std::move(knots);
  return c;
}

Calibration Calibration::Identity() {
  Calibration c;
  c.classifier_ = {{0, 0}, {1, 1}};
  c.lexicon_ = {{0, 0}, {1, 1}};
  return c;
}

double Calibration::Apply(Curve curve, double raw) const {
  return std::clamp(Interpolate(knots(curve), raw), 0.0, 1.0);
}

std::string Calibration::Serialize(
    const std::vector<std::string>& header) const {
  std::string out;
  for (const std::string& h : header) absl::StrAppend(&out, "# ", h, "\n");
  for (Curve curve : {Curve::kClassifier, Curve::kLexicon}) {
    for (const Knot& k : knots(curve)) {
      char line[96];
      std::snprintf(line, sizeof line, "%s\t%.6f\t%.6f\n", CurveName(curve),
                    k.raw, k.probability);
      out += line;
    }
  }
  return out;
}

std::string DefaultCalibrationPath(const std::string& data_dir) {
  return data_dir + "/models/perspective-calibration.txt";
}

const Calibration& DefaultCalibration() {
  static const Calibration* calibration = [] {
    absl::StatusOr<Calibration> loaded =
        Calibration::Load(DefaultCalibrationPath());
    if (!loaded.ok()) {
      std::cerr << "perspective: " << loaded.status().message() << "\n";
      std::abort();
    }
    return new Calibration(*std::move(loaded));
  }();
  return *calibration;
}

// ---------------------------------------------------------------------------
// Scores.

double RawToxicity(const Verdict& verdict, bool lexicon_only) {
  double raw = 0;
  for (RuleId id : kAbuseRules) {
    if (lexicon_only &&
        (id == RuleId::kOffensive || id == RuleId::kBeliefAttack)) {
      continue;
    }
    raw = std::max(raw, ScoreOf(verdict, id));
  }
  return raw;
}

Calibration::Curve CurveFor(const Verdict& verdict) {
  return verdict.language == langid::Language::kTurkish
             ? Calibration::Curve::kClassifier
             : Calibration::Curve::kLexicon;
}

double AttributeScore(std::string_view attribute, const Verdict& verdict,
                      const Calibration& calibration) {
  // With no finding at all, TOXICITY is the calibrated share of offensive
  // comments among those with no evidence, not 0.
  double score = 0;
  if (attribute == "TOXICITY" || attribute == "SEVERE_TOXICITY") {
    const double toxicity = calibration.Apply(
        CurveFor(verdict), RawToxicity(verdict, /*lexicon_only=*/false));
    score = attribute == "TOXICITY" ? toxicity : toxicity * toxicity * toxicity;
  }
  for (const Finding& f : verdict.findings) {
    score = std::max(score, Contribution(attribute, verdict, f, calibration));
  }
  return std::clamp(score, 0.0, 1.0);
}

// ---------------------------------------------------------------------------
// Requests and responses.

absl::StatusOr<AnalyzeRequest> ParseAnalyzeRequest(const nlohmann::json& body) {
  if (!body.is_object()) {
    return Invalid("the request body must be a JSON object");
  }
  AnalyzeRequest request;
  absl::StatusOr<std::string> text = CommentText(body);
  if (!text.ok()) return text.status();
  request.text = *std::move(text);

  absl::StatusOr<const nlohmann::json*> attributes =
      RequiredObject(body, "requestedAttributes", "requestedAttributes");
  if (!attributes.ok()) return attributes.status();
  if ((*attributes)->empty()) {
    return Invalid("requestedAttributes must name at least one attribute");
  }
  for (const auto& [name, params] : (*attributes)->items()) {
    const std::string field = "requestedAttributes." + name;
    if (!IsSupported(name)) return Invalid(UnsupportedMessage(name));
    if (params.is_null()) {
      request.attributes[name] = std::nullopt;
      continue;
    }
    if (!params.is_object()) return Invalid(field + " must be an object");
    auto type = params.find("scoreType");
    if (type != params.end() && !type->is_null()) {
      if (!type->is_string() ||
          (*type != "PROBABILITY" && *type != "SCORE_TYPE_UNSPECIFIED")) {
        return Invalid(field + ".scoreType must be PROBABILITY, got " +
                       type->dump());
      }
    }
    std::optional<double> threshold;
    auto t = params.find("scoreThreshold");
    if (t != params.end() && !t->is_null()) {
      absl::StatusOr<double> x = Probability(*t, field + ".scoreThreshold");
      if (!x.ok()) return x.status();
      threshold = *x;
    }
    request.attributes[name] = threshold;
  }

  absl::StatusOr<std::vector<std::string>> languages =
      OptionalStrings(body, "languages", "languages");
  if (!languages.ok()) return languages.status();
  request.languages = *std::move(languages);
  absl::StatusOr<bool> do_not_store =
      OptionalBool(body, "doNotStore", "doNotStore");
  if (!do_not_store.ok()) return do_not_store.status();
  request.do_not_store = *do_not_store;
  absl::StatusOr<bool> spans =
      OptionalBool(body, "spanAnnotations", "spanAnnotations");
  if (!spans.ok()) return spans.status();
  request.span_annotations = *spans;
  absl::StatusOr<std::string> token =
      OptionalString(body, "clientToken", "clientToken");
  if (!token.ok()) return token.status();
  request.client_token = *std::move(token);
  return request;
}

std::optional<langid::Language> LanguageHint(
    const std::vector<std::string>& languages) {
  for (const std::string& code : languages) {
    absl::StatusOr<langid::Language> language = langid::ParseLanguageCode(code);
    if (language.ok() && *language != langid::Language::kOther) {
      return *language;
    }
  }
  return std::nullopt;
}

nlohmann::json AnalyzeResponse(const AnalyzeRequest& request,
                               const Verdict& verdict) {
  return AnalyzeResponse(request, verdict, DefaultCalibration());
}

nlohmann::json AnalyzeResponse(const AnalyzeRequest& request,
                               const Verdict& verdict,
                               const Calibration& calibration) {
  nlohmann::json scores = nlohmann::json::object();
  for (const auto& [attribute, threshold] : request.attributes) {
    const double summary =
        Round4(AttributeScore(attribute, verdict, calibration));
    if (threshold.has_value() && summary < *threshold) continue;
    nlohmann::json entry = {{"summaryScore", ScoreJson(summary)}};
    if (request.span_annotations) {
      // One span per place, at its best contribution, in text order.
      std::map<std::pair<int, int>, double> places;
      for (const Finding& f : verdict.findings) {
        const double c = Contribution(attribute, verdict, f, calibration);
        if (c <= 0) continue;
        for (const moderation::Span& s : f.spans) {
          if (!SpanCounts(attribute, f, s)) continue;
          double& best = places[{s.start, s.end}];
          best = std::max(best, Round4(c));
        }
      }
      nlohmann::json spans = nlohmann::json::array();
      if (places.empty()) {
        spans.push_back({{"begin", 0},
                         {"end", CodePoints(request.text)},
                         {"score", ScoreJson(summary)}});
      }
      for (const auto& [place, value] : places) {
        spans.push_back({{"begin", place.first},
                         {"end", place.second},
                         {"score", ScoreJson(value)}});
      }
      entry["spanScores"] = std::move(spans);
    }
    scores[attribute] = std::move(entry);
  }
  std::string detected(langid::LanguageCode(verdict.language));
  if (verdict.language == langid::Language::kOther) detected = "und";
  nlohmann::json response = {
      {"attributeScores", std::move(scores)},
      {"languages", request.languages.empty()
                        ? nlohmann::json::array({detected})
                        : nlohmann::json(request.languages)},
      {"detectedLanguages", nlohmann::json::array({detected})},
  };
  if (!request.client_token.empty()) {
    response["clientToken"] = request.client_token;
  }
  return response;
}

absl::StatusOr<SuggestScoreRequest> ParseSuggestScoreRequest(
    const nlohmann::json& body) {
  if (!body.is_object()) {
    return Invalid("the request body must be a JSON object");
  }
  SuggestScoreRequest request;
  absl::StatusOr<std::string> text = CommentText(body);
  if (!text.ok()) return text.status();
  request.text = *std::move(text);

  absl::StatusOr<const nlohmann::json*> attributes =
      RequiredObject(body, "attributeScores", "attributeScores");
  if (!attributes.ok()) return attributes.status();
  if ((*attributes)->empty()) {
    return Invalid("attributeScores must name at least one attribute");
  }
  for (const auto& [name, scores] : (*attributes)->items()) {
    const std::string field = "attributeScores." + name;
    if (!IsSupported(name)) return Invalid(UnsupportedMessage(name));
    if (!scores.is_object()) return Invalid(field + " must be an object");
    absl::StatusOr<const nlohmann::json*> summary =
        RequiredObject(scores, "summaryScore", field + ".summaryScore");
    if (!summary.ok()) return summary.status();
    auto value = (*summary)->find("value");
    if (value == (*summary)->end() || value->is_null()) {
      return Invalid(field + ".summaryScore.value is required");
    }
    absl::StatusOr<double> x =
        Probability(*value, field + ".summaryScore.value");
    if (!x.ok()) return x.status();
    request.attribute_scores[name] = *x;
  }

  absl::StatusOr<std::vector<std::string>> languages =
      OptionalStrings(body, "languages", "languages");
  if (!languages.ok()) return languages.status();
  request.languages = *std::move(languages);
  absl::StatusOr<std::string> token =
      OptionalString(body, "clientToken", "clientToken");
  if (!token.ok()) return token.status();
  request.client_token = *std::move(token);
  absl::StatusOr<std::string> community =
      OptionalString(body, "communityId", "communityId");
  if (!community.ok()) return community.status();
  request.community_id = *std::move(community);
  return request;
}

nlohmann::json SuggestScoreResponse(const SuggestScoreRequest& request) {
  nlohmann::json response = nlohmann::json::object();
  if (!request.client_token.empty()) {
    response["clientToken"] = request.client_token;
  }
  return response;
}

// ---------------------------------------------------------------------------
// Errors.

nlohmann::json ErrorJson(int code, std::string_view message) {
  return {{"error",
           {{"code", code},
            {"message", std::string(message)},
            {"status", CanonicalName(code)}}}};
}

int HttpStatusFor(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kFailedPrecondition:
    case absl::StatusCode::kOutOfRange:
      return 400;
    case absl::StatusCode::kUnauthenticated:
      return 401;
    case absl::StatusCode::kPermissionDenied:
      return 403;
    case absl::StatusCode::kNotFound:
      return 404;
    case absl::StatusCode::kAborted:
    case absl::StatusCode::kAlreadyExists:
      return 409;
    case absl::StatusCode::kResourceExhausted:
      return 429;
    case absl::StatusCode::kCancelled:
      return 499;
    case absl::StatusCode::kUnimplemented:
      return 501;
    case absl::StatusCode::kUnavailable:
      return 503;
    case absl::StatusCode::kDeadlineExceeded:
      return 504;
    default:
      return 500;
  }
}

nlohmann::json ErrorJson(const absl::Status& status) {
  return {{"error",
           {{"code", HttpStatusFor(status)},
            {"message", std::string(status.message())},
            {"status", absl::StatusCodeToString(status.code())}}}};
}

}  // namespace newsroom::server::perspective
