// Expansion streams the .dic once. For each entry the stem is decoded and
// lower-cased once; FNV-1a is incremental, so the hash of stem+suffix is the
// stem's running hash (after the strip) continued over the suffix, and no
// form is ever built as a string.
//
// Tested by form_set_test.cc.
#include "spelling/internal/form_set.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "spelling/internal/delete_index.h"
#include "spelling/internal/letters.h"

namespace newsroom::spelling::internal {
namespace {

constexpr uint64_t kFnvBasis = 1469598103934665603ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;

// One condition element: a set of letters, or its complement.
struct CondElement {
  std::u32string letters;
  bool negated = false;
  bool any = false;  // "."
};

struct SuffixRule {
  size_t strip = 0;           // code points removed from the stem's end
  std::u32string strip_text;  // must match the stem's end
  std::u32string add;         // lower case
  std::vector<CondElement> condition;  // matched against the stem's end
};

std::vector<CondElement> ParseCondition(std::u32string_view cond) {
  std::vector<CondElement> out;
  for (size_t i = 0; i < cond.size(); ++i) {
    CondElement e;
    if (cond[i] == U'.') {
      e.any = true;
    } else if (cond[i] == U'[') {
      size_t j = i + 1;
      if (j < cond.size() && cond[j] == U'^') {
        e.negated = true;
        ++j;
      }
      while (j < cond.size() && cond[j] != U']') e.letters.push_back(cond[j++]);
      i = j;
    } else {
      e.letters.push_back(cond[i]);
    }
    out.push_back(std::move(e));
  }
  if (out.size() == 1 && out[0].any) out.clear();
  return out;
}

bool Matches(const std::vector<CondElement>& cond, std::u32string_view stem) {
  if (cond.size() > stem.size()) return false;
  size_t base = stem.size() - cond.size();
  for (size_t k = 0; k < cond.size(); ++k) {
    const CondElement& e = cond[k];
    if (e.any) continue;
    bool in = e.letters.find(stem[base + k]) != std::u32string::npos;
    if (in == e.negated) return false;
  }
  return true;
}

// Splits "a/1,2,3" (num flags) or "a/ABC" (character flags).
void ParseFlags(std::string_view flags, bool numeric,
                std::vector<std::string>* out) {
  out->clear();
  if (numeric) {
    size_t start = 0;
    while (start < flags.size()) {
      size_t comma = flags.find(',', start);
      if (comma == std::string_view::npos) comma = flags.size();
      out->emplace_back(flags.substr(start, comma - start));
      start = comma + 1;
    }
  } else {
    for (char c : flags) out->emplace_back(1, c);
  }
}

std::vector<std::string> Fields(const std::string& line) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
    if (j > i) out.push_back(line.substr(i, j - i));
    i = j;
  }
  return out;
}

}  // namespace

absl::StatusOr<std::unique_ptr<const FormSet>> FormSet::Load(
    const std::string& aff_path, const std::string& dic_path) {
  for (const std::string& path : {aff_path, dic_path}) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
      return absl::NotFoundError(
          absl::StrCat("Hunspell dictionary file not found: ", path));
    }
  }
  std::ifstream aff(aff_path);
  bool numeric = false;
  absl::flat_hash_map<std::string, std::vector<SuffixRule>> rules;
  std::string line;
  int line_no = 0;
  while (std::getline(aff, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> f = Fields(line);
    if (f.empty()) continue;
    if (f[0] == "FLAG" && f.size() >= 2) {
      if (f[1] == "num") {
        numeric = true;
      } else {
        return absl::InvalidArgumentError(
            absl::StrCat(aff_path, ":", line_no, ": FLAG ", f[1],
                         " is not supported (only num and the default)"));
      }
    }
    // A rule line has 5+ fields; the header line "SFX A Y 3" has 4.
    if (f[0] != "SFX" || f.size() < 5) continue;
    SuffixRule rule;
    if (f[2] != "0") {
      rule.strip_text = LowerTr(ToU32(f[2]));
      rule.strip = rule.strip_text.size();
    }
    std::string add = f[3];
    size_t slash = add.find('/');  // continuation flags: ignored
    if (slash != std::string::npos) add.resize(slash);
    if (add != "0") rule.add = LowerTr(ToU32(add));
    rule.condition = ParseCondition(LowerTr(ToU32(f[4])));
    rules[f[1]].push_back(std::move(rule));
  }

  std::ifstream dic(dic_path);
  std::unique_ptr<FormSet> set(new FormSet());
  set->hashes_.reserve(1 << 21);
  std::getline(dic, line);  // the entry count
  std::vector<std::string> flags;
  std::vector<uint64_t> prefix_hash;
  while (std::getline(dic, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t end = line.find_first_of("/\t ");
    std::string_view stem_utf8(line.data(),
                               end == std::string::npos ? line.size() : end);
    if (stem_utf8.empty()) continue;
    std::u32string stem = LowerTr(ToU32(stem_utf8));
    prefix_hash.resize(stem.size() + 1);
    prefix_hash[0] = kFnvBasis;
    for (size_t i = 0; i < stem.size(); ++i) {
      prefix_hash[i + 1] = (prefix_hash[i] ^ stem[i]) * kFnvPrime;
    }
    set->hashes_.insert(prefix_hash[stem.size()]);
    if (end == std::string::npos || line[end] != '/') continue;
    size_t flags_end = line.find_first_of("\t ", end + 1);
    if (flags_end == std::string::npos) flags_end = line.size();
    ParseFlags(std::string_view(line).substr(end + 1, flags_end - end - 1),
               numeric, &flags);
    for (const std::string& flag : flags) {
      auto it = rules.find(flag);
      if (it == rules.end()) continue;
      for (const SuffixRule& rule : it->second) {
        if (rule.strip > stem.size()) continue;
        if (rule.strip > 0 &&
            std::u32string_view(stem).substr(stem.size() - rule.strip) !=
                rule.strip_text) {
          continue;
        }
        if (!rule.condition.empty() && !Matches(rule.condition, stem)) {
          continue;
        }
        uint64_t h = prefix_hash[stem.size() - rule.strip];
        for (char32_t c : rule.add) h = (h ^ c) * kFnvPrime;
        set->hashes_.insert(h);
      }
    }
  }
  return std::unique_ptr<const FormSet>(std::move(set));
}

bool FormSet::Contains(std::u32string_view lower) const {
  return hashes_.contains(HashU32(lower));
}

}  // namespace newsroom::spelling::internal
