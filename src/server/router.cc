// Matching a path against the route table's patterns.
//
// The table is a list, tried in order. The site has about thirty routes
// and a path has at most six segments, so a request costs a few hundred
// string comparisons at worst — well under a microsecond, far below the
// cost of answering it — and a list keeps the table in the order a person
// reads it. A trie would only pay for itself with thousands of routes.
//
// Tested by router_test.cc.
#include "server/router.h"

#include <charconv>

namespace newsroom::server {

std::string_view PathParams::Get(std::string_view name) const {
  for (const auto& [key, value] : values_) {
    if (key == name) return value;
  }
  return {};
}

int64_t PathParams::Id(std::string_view name) const {
  return ParseRowId(Get(name));
}

void PathParams::Set(std::string_view name, std::string_view value) {
  values_.emplace_back(std::string(name), std::string(value));
}

std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > start) parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

int64_t ParseRowId(std::string_view text) {
  if (text.empty() || text.size() > 18) return 0;
  int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) {
    return 0;
  }
  return id;
}

PathPattern::PathPattern(std::string_view pattern) : text_(pattern) {
  for (std::string_view part : SplitPath(pattern)) {
    Segment s;
    if (part.size() >= 2 && part.front() == '{' && part.back() == '}') {
      s.parameter = true;
      s.text = std::string(part.substr(1, part.size() - 2));
      s.integer = s.text == "id";
    } else {
      s.text = std::string(part);
    }
    segments_.push_back(std::move(s));
  }
}

bool PathPattern::Match(std::string_view path, PathParams* params) const {
  return Match(SplitPath(path), params);
}

bool PathPattern::Match(const std::vector<std::string_view>& parts,
                        PathParams* params) const {
  params->Clear();
  if (parts.size() != segments_.size()) return false;
  for (size_t i = 0; i < parts.size(); ++i) {
    const Segment& s = segments_[i];
    if (!s.parameter) {
      if (parts[i] != s.text) return false;
    } else if (s.integer && ParseRowId(parts[i]) == 0) {
      return false;
    }
  }
  for (size_t i = 0; i < parts.size(); ++i) {
    if (segments_[i].parameter) params->Set(segments_[i].text, parts[i]);
  }
  return true;
}

}  // namespace newsroom::server
