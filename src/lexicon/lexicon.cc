// Reading the lexicon files. They are written and reviewed by people, so
// the reader is strict and its messages point at the line: a typo in a
// category or a flag must stop the build of the matcher, not silently drop
// a word from moderation. A term is checked against what the matcher can
// match: lower-case letters whose Turkish ASCII fold is a-z, and single
// spaces between words.
//
// Tested by lexicon_test.cc.
#include "lexicon/lexicon.h"

#include <fstream>
#include <set>
#include <sstream>
#include <utility>

#include "absl/status/status.h"
#include "datadir/datadir.h"
#include "text/casing.h"
#include "text/trim.h"
#include "text/utf8.h"

namespace newsroom::lexicon {
namespace {

using langid::Language;

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      fields.push_back(line.substr(start));
      return fields;
    }
    fields.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

// Spaces, and the carriage return of a file written on Windows, around a
// line and its fields.
constexpr std::string_view kFieldSpace = " \r";

std::string BaseName(std::string_view path) {
  size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path
                                                     : path.substr(slash + 1));
}

// Calls `fn(line_number, fields)` for each line that is not blank or a
// comment; stops at the first error `fn` returns.
template <typename Fn>
absl::Status ForEachLine(std::string_view content, std::string_view name,
                         Fn fn) {
  if (absl::Status s = text::ValidateUtf8(content); !s.ok()) {
    return absl::InvalidArgumentError(std::string(name) + ": " +
                                      std::string(s.message()));
  }
  int number = 0;
  size_t pos = 0;
  while (pos <= content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view line = content.substr(pos, nl - pos);
    pos = nl + 1;
    ++number;
    std::string_view trimmed = text::Trim(line, kFieldSpace);
    if (trimmed.empty() || trimmed.front() == '#') continue;
    std::vector<std::string_view> fields = SplitTabs(trimmed);
    for (std::string_view& f : fields) f = text::Trim(f, kFieldSpace);
    std::string where = std::string(name) + ":" + std::to_string(number);
    if (absl::Status s = fn(where, fields); !s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::Status Error(const std::string& where, const std::string& what) {
  return absl::InvalidArgumentError(where + ": " + what);
}

// Checks that `term` is something the matcher can match.
absl::Status CheckTerm(const std::string& where, std::string_view term) {
  if (term.empty()) return Error(where, "empty term");
  if (text::ToLowerTr(term) != term) {
    return Error(where, "term '" + std::string(term) +
                            "' is not lower case (write it as " +
                            text::ToLowerTr(term) + ")");
  }
  std::string folded = text::AsciiFold(term);
  char previous = ' ';
  for (char c : folded) {
    if (c == ' ' && previous == ' ') {
      return Error(where, "term '" + std::string(term) +
                              "' has a leading, trailing or double space");
    }
    if (c != ' ' && (c < 'a' || c > 'z')) {
      return Error(where, "term '" + std::string(term) +
                              "' holds a character that is not a letter "
                              "(only letters and single spaces)");
    }
    previous = c;
  }
  if (previous == ' ') {
    return Error(where, "term '" + std::string(term) +
                            "' has a leading, trailing or double space");
  }
  return absl::OkStatus();
}

absl::StatusOr<uint32_t> ParseFlags(const std::string& where,
                                    std::string_view field, bool abuse) {
  uint32_t flags = 0;
  size_t start = 0;
  while (start <= field.size() && !field.empty()) {
    size_t comma = field.find(',', start);
    if (comma == std::string_view::npos) comma = field.size();
    std::string_view flag =
        text::Trim(field.substr(start, comma - start), kFieldSpace);
    start = comma + 1;
    if (flag == "sfx") {
      flags |= kSuffixes;
    } else if (flag == "bound" && abuse) {
      flags |= kBound | kSuffixes;
    } else if (flag == "verb" && abuse) {
      flags |= kVerb | kSuffixes;
    } else if (flag == "nosoft") {
      flags |= kNoSoften;
    } else if (flag == "ambiguous") {
      flags |= kAmbiguous;
    } else if (flag == "figure" && !abuse) {
      flags |= kFigure;
    } else {
      return Error(where, "unknown flag '" + std::string(flag) + "' (known: " +
                              (abuse ? "sfx, bound, verb, nosoft, ambiguous"
                                     : "sfx, nosoft, ambiguous, figure") +
                              ")");
    }
    if (comma == field.size()) break;
  }
  return flags;
}

absl::StatusOr<Language> ParseLanguage(const std::string& where,
                                       std::string_view field) {
  if (field == "tr") return Language::kTurkish;
  if (field == "en") return Language::kEnglish;
  return Error(where,
               "unknown language '" + std::string(field) + "' (tr or en)");
}

absl::StatusOr<std::string> ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError("cannot read lexicon file " + path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

const char* CategoryName(Category category) {
  switch (category) {
    case Category::kProfanity:
      return "profanity";
    case Category::kInsult:
      return "insult";
    case Category::kSlur:
      return "slur";
    case Category::kSexual:
      return "sexual";
    case Category::kThreat:
      return "threat";
    case Category::kBeliefTarget:
      return "belief_target";
    case Category::kGroupTarget:
      return "group_target";
    case Category::kExclusion:
      return "exclusion";
    case Category::kDehumanisation:
      return "dehumanisation";
    case Category::kBlame:
      return "blame";
    case Category::kCurse:
      return "curse";
  }
  return "unknown";
}

LexiconPaths LexiconPaths::InDirectory(const std::string& dir) {
  LexiconPaths p;
  p.abuse_tr = dir + "/abuse-tr.txt";
  p.abuse_en = dir + "/abuse-en.txt";
  p.belief_targets = dir + "/belief-targets.txt";
  p.group_targets = dir + "/group-targets.txt";
  p.allowlist = dir + "/allowlist.txt";
  return p;
}

LexiconPaths LexiconPaths::Default() {
  return InDirectory(datadir::Get() + "/lexicon");
}

absl::StatusOr<std::vector<Entry>> ParseAbuseLexicon(std::string_view content,
                                                     std::string_view name,
                                                     Language language) {
  std::vector<Entry> entries;
  std::set<std::string> seen;
  absl::Status status = ForEachLine(
      content, name,
      [&](const std::string& where,
          const std::vector<std::string_view>& f) -> absl::Status {
        if (f.size() < 3 || f.size() > 4) {
          return Error(where,
                       "expected term<TAB>category<TAB>severity"
                       "[<TAB>flags], found " +
                           std::to_string(f.size()) + " field(s)");
        }
        Entry e;
        e.term = std::string(f[0]);
        if (absl::Status s = CheckTerm(where, e.term); !s.ok()) return s;
        static constexpr std::pair<const char*, Category> kCategories[] = {
            {"profanity", Category::kProfanity},
            {"insult", Category::kInsult},
            {"slur", Category::kSlur},
            {"sexual", Category::kSexual},
            {"threat", Category::kThreat},
            {"exclusion", Category::kExclusion},
            {"dehumanisation", Category::kDehumanisation},
            {"blame", Category::kBlame},
            {"curse", Category::kCurse}};
        bool known = false;
        for (const auto& [label, category] : kCategories) {
          if (f[1] == label) {
            e.category = category;
            known = true;
          }
        }
        if (!known) {
          return Error(where, "unknown category '" + std::string(f[1]) +
                                  "' (profanity, insult, slur, sexual, "
                                  "threat, exclusion, dehumanisation, "
                                  "blame, curse)");
        }
        if (f[2].size() != 1 || f[2][0] < '1' || f[2][0] > '3') {
          return Error(where, "severity must be 1, 2 or 3, found '" +
                                  std::string(f[2]) + "'");
        }
        e.severity = f[2][0] - '0';
        if (f.size() == 4) {
          absl::StatusOr<uint32_t> flags = ParseFlags(where, f[3], true);
          if (!flags.ok()) return flags.status();
          e.flags = *flags;
        }
        e.language = language;
        e.source = where;
        if (!seen.insert(e.term).second) {
          return Error(where, "duplicate term '" + e.term + "'");
        }
        entries.push_back(std::move(e));
        return absl::OkStatus();
      });
  if (!status.ok()) return status;
  return entries;
}

namespace {

absl::StatusOr<std::vector<Entry>> ParseTargets(std::string_view content,
                                                std::string_view name,
                                                Category category) {
  std::vector<Entry> entries;
  std::set<std::pair<std::string, Language>> seen;
  absl::Status status = ForEachLine(
      content, name,
      [&](const std::string& where,
          const std::vector<std::string_view>& f) -> absl::Status {
        if (f.size() < 3 || f.size() > 4) {
          return Error(where,
                       "expected term<TAB>group<TAB>language"
                       "[<TAB>flags], found " +
                           std::to_string(f.size()) + " field(s)");
        }
        Entry e;
        e.term = std::string(f[0]);
        if (absl::Status s = CheckTerm(where, e.term); !s.ok()) return s;
        if (f[1].empty()) return Error(where, "empty group");
        e.group = std::string(f[1]);
        absl::StatusOr<Language> language = ParseLanguage(where, f[2]);
        if (!language.ok()) return language.status();
        e.language = *language;
        if (f.size() == 4) {
          absl::StatusOr<uint32_t> flags = ParseFlags(where, f[3], false);
          if (!flags.ok()) return flags.status();
          e.flags = *flags;
        }
        e.category = category;
        e.source = where;
        if (!seen.insert({e.term, e.language}).second) {
          return Error(where, "duplicate term '" + e.term + "'");
        }
        entries.push_back(std::move(e));
        return absl::OkStatus();
      });
  if (!status.ok()) return status;
  return entries;
}

}  // namespace

absl::StatusOr<std::vector<Entry>> ParseBeliefTargets(std::string_view content,
                                                      std::string_view name) {
  return ParseTargets(content, name, Category::kBeliefTarget);
}

absl::StatusOr<std::vector<Entry>> ParseGroupTargets(std::string_view content,
                                                     std::string_view name) {
  return ParseTargets(content, name, Category::kGroupTarget);
}

absl::StatusOr<std::vector<AllowEntry>> ParseAllowlist(std::string_view content,
                                                       std::string_view name) {
  std::vector<AllowEntry> entries;
  std::set<std::pair<std::string, Language>> seen;
  absl::Status status = ForEachLine(
      content, name,
      [&](const std::string& where,
          const std::vector<std::string_view>& f) -> absl::Status {
        if (f.size() < 3 || f.size() > 4) {
          return Error(where,
                       "expected word<TAB>language<TAB>exact|prefix"
                       "[<TAB>note], found " +
                           std::to_string(f.size()) + " field(s)");
        }
        AllowEntry e;
        e.word = std::string(f[0]);
        if (absl::Status s = CheckTerm(where, e.word); !s.ok()) return s;
        absl::StatusOr<Language> language = ParseLanguage(where, f[1]);
        if (!language.ok()) return language.status();
        e.language = *language;
        if (f[2] == "prefix") {
          e.prefix = true;
        } else if (f[2] != "exact") {
          return Error(where, "scope must be exact or prefix, found '" +
                                  std::string(f[2]) + "'");
        }
        if (f.size() == 4) e.note = std::string(f[3]);
        e.source = where;
        if (!seen.insert({e.word, e.language}).second) {
          return Error(where, "duplicate word '" + e.word + "'");
        }
        entries.push_back(std::move(e));
        return absl::OkStatus();
      });
  if (!status.ok()) return status;
  return entries;
}

absl::StatusOr<std::vector<Entry>> ReadAbuseLexicon(const std::string& path,
                                                    Language language) {
  absl::StatusOr<std::string> content = ReadWhole(path);
  if (!content.ok()) return content.status();
  return ParseAbuseLexicon(*content, BaseName(path), language);
}

absl::StatusOr<std::vector<Entry>> ReadBeliefTargets(const std::string& path) {
  absl::StatusOr<std::string> content = ReadWhole(path);
  if (!content.ok()) return content.status();
  return ParseBeliefTargets(*content, BaseName(path));
}

absl::StatusOr<std::vector<Entry>> ReadGroupTargets(const std::string& path) {
  absl::StatusOr<std::string> content = ReadWhole(path);
  if (!content.ok()) return content.status();
  return ParseGroupTargets(*content, BaseName(path));
}

absl::StatusOr<std::vector<AllowEntry>> ReadAllowlist(const std::string& path) {
  absl::StatusOr<std::string> content = ReadWhole(path);
  if (!content.ok()) return content.status();
  return ParseAllowlist(*content, BaseName(path));
}

}  // namespace newsroom::lexicon
