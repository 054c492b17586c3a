// Reading a stored verdict back, and marking the characters it points at.
//
// Marking works on code points, as the engine's offsets do: the text is
// decoded once into the byte offset of every code point (ill-formed bytes
// count as one replaced code point each, as EscapeHtml shows them), the
// spans are clamped to that range, sorted, and overlapping ones merged, so
// that the marks never nest or cross and every byte of the text is
// escaped exactly once.
//
// Tested by verdict_view_test.cc.
#include "site/internal/verdict_view.h"

#include <algorithm>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "nlohmann/json.hpp"
#include "site/internal/html.h"
#include "site/render.h"

namespace newsroom::site::internal {
namespace {

std::string StringField(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return std::string();
  return it->get<std::string>();
}

std::optional<int64_t> IntegerField(const nlohmann::json& object,
                                    const char* key) {
  auto it = object.find(key);
  if (it == object.end()) return std::nullopt;
  if (it->is_number_unsigned()) {
    const uint64_t v = it->get<uint64_t>();
    return v > static_cast<uint64_t>(INT64_MAX) ? INT64_MAX
                                                : static_cast<int64_t>(v);
  }
  if (it->is_number_integer()) return it->get<int64_t>();
  return std::nullopt;
}

}  // namespace

std::optional<VerdictView> ParseVerdict(std::string_view json) {
  if (json.empty()) return std::nullopt;
  const nlohmann::json v =
      nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
  if (v.is_discarded() || !v.is_object()) return std::nullopt;
  auto rules = v.find("rules");
  if (rules == v.end() || !rules->is_array()) return std::nullopt;
  VerdictView view;
  view.decision = StringField(v, "decision");
  view.language = StringField(v, "language");
  for (const nlohmann::json& r : *rules) {
    if (!r.is_object()) continue;
    FindingView f;
    f.rule = StringField(r, "rule");
    if (f.rule.empty()) continue;
    if (auto it = r.find("violated"); it != r.end() && it->is_boolean()) {
      f.violated = it->get<bool>();
    }
    if (auto it = r.find("score"); it != r.end() && it->is_number()) {
      f.score = it->get<double>();
    }
    f.action = StringField(r, "action");
    if (auto it = r.find("spans"); it != r.end() && it->is_array()) {
      for (const nlohmann::json& s : *it) {
        if (!s.is_object()) continue;
        std::optional<int64_t> start = IntegerField(s, "start");
        std::optional<int64_t> end = IntegerField(s, "end");
        if (!start || !end) continue;
        f.spans.push_back({*start, *end, f.rule});
      }
    }
    if (auto it = r.find("message"); it != r.end() && it->is_object()) {
      f.message_tr = StringField(*it, "tr");
      f.message_en = StringField(*it, "en");
    }
    if (auto it = r.find("fix"); it != r.end() && it->is_string()) {
      f.fix = it->get<std::string>();
    }
    view.findings.push_back(std::move(f));
  }
  return view;
}

std::vector<MarkedSpan> AllSpans(const VerdictView& verdict) {
  std::vector<MarkedSpan> out;
  for (const FindingView& f : verdict.findings) {
    out.insert(out.end(), f.spans.begin(), f.spans.end());
  }
  return out;
}

std::string HighlightSpans(std::string_view text,
                           std::vector<MarkedSpan> spans) {
  // offsets[k] is the byte where code point k starts; offsets.back() is
  // the end of the text.
  std::vector<size_t> offsets;
  for (size_t i = 0; i < text.size();) {
    offsets.push_back(i);
    NextCodePointLenient(text, &i);
  }
  offsets.push_back(text.size());
  const int64_t n = static_cast<int64_t>(offsets.size()) - 1;

  struct Range {
    int64_t start;
    int64_t end;
    std::set<std::string> rules;
  };
  std::vector<Range> ranges;
  for (MarkedSpan& s : spans) {
    const int64_t start = std::clamp<int64_t>(s.start, 0, n);
    const int64_t end = std::clamp<int64_t>(s.end, 0, n);
    if (end <= start) continue;
    ranges.push_back({start, end, {std::move(s.rule)}});
  }
  std::sort(ranges.begin(), ranges.end(),
            [](const Range& a, const Range& b) { return a.start < b.start; });
  std::vector<Range> merged;
  for (Range& r : ranges) {
    if (!merged.empty() && r.start < merged.back().end) {
      merged.back().end = std::max(merged.back().end, r.end);
      merged.back().rules.insert(r.rules.begin(), r.rules.end());
    } else {
      merged.push_back(std::move(r));
    }
  }

  std::string out;
  size_t pos = 0;
  for (const Range& r : merged) {
    const size_t begin = offsets[r.start];
    const size_t end = offsets[r.end];
    out += EscapeWithBreaks(text.substr(pos, begin - pos));
    absl::StrAppend(
        &out, "<mark data-rule=\"", EscapeHtml(absl::StrJoin(r.rules, " ")),
        "\">", EscapeWithBreaks(text.substr(begin, end - begin)), "</mark>");
    pos = end;
  }
  out += EscapeWithBreaks(text.substr(pos));
  return out;
}

}  // namespace newsroom::site::internal
