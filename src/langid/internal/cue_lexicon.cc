// The lists are parsed into six hash maps; endings are looked up once per
// distinct ending length, longest first.
// Keys are produced by the same AnalyzeWord() that the identifier runs on
// comment words, so a list entry and a typed word meet whatever their case.
//
// The one subtle step is folding. Turkish typed without Turkish letters
// ("cok guzel olmus", "degil") is exactly what the no_turkish_chars rule has
// to catch, so Turkish entries also match their folded spelling. A folded
// spelling can collide with a word of another list ("önce" → "once"); such
// a spelling is dropped, and only the exact Turkish one matches.
//
// Tested by cue_lexicon_test.cc.
#include "langid/internal/cue_lexicon.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

#include "absl/status/status.h"
#include "text/trim.h"

namespace newsroom::langid::internal {
namespace {

enum class Section { kNone, kWords, kEndings, kAfter, kBefore, kNames };

// Around a line and a word of a cue list.
constexpr std::string_view kLineSpace = " \t\r";

absl::Status LineError(const std::string& name, int line,
                       const std::string& what) {
  return absl::InvalidArgumentError(name + ":" + std::to_string(line) + ": " +
                                    what);
}

struct Origin {
  std::string name;
  int line = 0;
  Language language = Language::kOther;
  std::string lower;  // the entry as written, lower-cased
};

}  // namespace

const Cue* CueLexicon::Find(const Map& map, std::string_view key) {
  auto it = map.find(key);
  return it == map.end() ? nullptr : &it->second;
}

absl::StatusOr<CueLexicon> CueLexicon::Load(const std::string& dir) {
  const std::pair<Language, const char*> files[] = {
      {Language::kTurkish, "turkish.txt"},
      {Language::kEnglish, "english.txt"},
      {Language::kOther, "other.txt"},
      // Names speak for no language; the source's language is not read.
      {Language::kOther, "names.txt"}};
  std::vector<CueSource> sources;
  for (const auto& [language, file] : files) {
    std::string path = dir + "/" + file;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      return absl::NotFoundError("cannot read language cue list " + path +
                                 " (it is part of the repository's data/ "
                                 "directory)");
    }
    std::stringstream text;
    text << in.rdbuf();
    sources.push_back({language, path, text.str()});
  }
  return FromSources(sources);
}

absl::StatusOr<CueLexicon> CueLexicon::FromSources(
    const std::vector<CueSource>& sources) {
  CueLexicon lex;
  // Where each key of each section came from, to name both lines of a clash.
  std::unordered_map<std::string, Origin> seen[6];
  struct Folded {
    std::string key;
    Cue cue;
  };
  std::vector<Folded> folded;
  WordShape shape;
  for (const CueSource& src : sources) {
    Section section = Section::kNone;
    std::istringstream in(src.text);
    std::string raw;
    int line_no = 0;
    while (std::getline(in, raw)) {
      ++line_no;
      std::string_view line = text::Trim(raw, kLineSpace);
      if (line.empty() || line.front() == '#') continue;
      if (line.front() == '[') {
        if (line == "[words]") {
          section = Section::kWords;
        } else if (line == "[endings]") {
          section = Section::kEndings;
        } else if (line == "[after_apostrophe]") {
          section = Section::kAfter;
        } else if (line == "[before_apostrophe]") {
          section = Section::kBefore;
        } else if (line == "[names]") {
          section = Section::kNames;
        } else {
          return LineError(src.name, line_no,
                           "unknown section " + std::string(line) +
                               "; expected [words], [endings], "
                               "[after_apostrophe], [before_apostrophe] or "
                               "[names]");
        }
        continue;
      }
      if (section == Section::kNone) {
        return LineError(src.name, line_no,
                         "entry before the first [section] header");
      }
      std::string_view entry = line;
      float weight = 1;
      if (section == Section::kNames &&
          line.find_first_of(" \t'") != std::string_view::npos) {
        return LineError(src.name, line_no,
                         "a name is one word without an apostrophe and "
                         "without a weight, got \"" +
                             std::string(line) + "\"");
      }
      if (size_t sp = line.find_first_of(" \t"); sp != std::string_view::npos) {
        entry = line.substr(0, sp);
        std::string_view w = text::Trim(line.substr(sp), kLineSpace);
        auto [end, ec] = std::from_chars(w.data(), w.data() + w.size(), weight);
        if (ec != std::errc() || end != w.data() + w.size() || !(weight > 0) ||
            weight > 4) {
          return LineError(src.name, line_no,
                           "expected \"entry\" or \"entry weight\" with 0 < "
                           "weight <= 4, got \"" +
                               std::string(line) + "\"");
        }
      }
      AnalyzeWord(entry, &shape);
      const std::string& key =
          section == Section::kWords ? shape.lower : shape.fold;
      auto& origins = seen[static_cast<int>(section)];
      if (auto it = origins.find(key); it != origins.end()) {
        // Endings and apostrophe sides are keyed by their folded spelling,
        // so "ıyor" and "iyor" meet: one cue, listed in both spellings.
        if (it->second.language == src.language &&
            it->second.lower != shape.lower) {
          continue;
        }
        std::string where =
            it->second.name + ":" + std::to_string(it->second.line);
        return LineError(
            src.name, line_no,
            it->second.language == src.language
                ? "\"" + key + "\" is listed twice (also at " + where + ")"
                : "\"" + key + "\" is also an entry at " + where +
                      "; a cue can speak for one language only");
      }
      origins[key] = {src.name, line_no, src.language, shape.lower};
      Cue cue{src.language, weight};
      switch (section) {
        case Section::kWords:
          lex.words_[shape.lower] = cue;
          if (src.language == Language::kTurkish && shape.fold != shape.lower) {
            folded.push_back({shape.fold, cue});
          }
          break;
        case Section::kEndings:
          lex.endings_[shape.fold] = cue;
          break;
        case Section::kAfter:
          lex.after_apostrophe_[shape.fold] = cue;
          break;
        case Section::kBefore:
          lex.before_apostrophe_[shape.fold] = cue;
          break;
        case Section::kNames:
          lex.names_[shape.fold] = cue;
          break;
        case Section::kNone:
          break;
      }
    }
  }
  // Folded spellings that are no entry of their own. Two Turkish words may
  // fold alike ("mı", "mi"): the first one's weight is kept.
  for (const Folded& f : folded) {
    if (lex.words_.count(f.key) == 0) lex.folded_words_.emplace(f.key, f.cue);
  }
  for (const auto& [key, origin] : seen[static_cast<int>(Section::kNames)]) {
    const Cue* cue = Find(lex.words_, key);
    if (cue == nullptr) cue = Find(lex.folded_words_, key);
    if (cue != nullptr) {
      return LineError(origin.name, origin.line,
                       "\"" + origin.lower +
                           "\" is also a cue word; a name speaks for no "
                           "language");
    }
  }
  for (const auto& [ending, cue] : lex.endings_) {
    if (std::find(lex.ending_sizes_.begin(), lex.ending_sizes_.end(),
                  ending.size()) == lex.ending_sizes_.end()) {
      lex.ending_sizes_.push_back(ending.size());
    }
  }
  std::sort(lex.ending_sizes_.rbegin(), lex.ending_sizes_.rend());
  return lex;
}

std::optional<Cue> CueLexicon::Lookup(const WordShape& shape) const {
  if (const Cue* c = Find(words_, shape.lower)) return *c;
  if (const Cue* c = Find(folded_words_, shape.fold)) return *c;
  if (shape.letters & kApostrophe) {
    std::string_view fold = shape.fold;
    size_t at = fold.rfind('\'');
    if (const Cue* c = Find(before_apostrophe_, fold.substr(0, at))) return *c;
    if (const Cue* c = Find(after_apostrophe_, fold.substr(at + 1))) return *c;
    return std::nullopt;
  }
  // Longest ending first: one hash lookup per distinct ending length.
  std::string_view fold = shape.fold;
  for (size_t n : ending_sizes_) {
    if (fold.size() < n + 2) continue;
    if (const Cue* c = Find(endings_, fold.substr(fold.size() - n))) return *c;
  }
  return std::nullopt;
}

bool CueLexicon::IsName(const WordShape& shape) const {
  return !(shape.letters & kApostrophe) && IsFoldedName(shape.fold);
}

size_t CueLexicon::size() const {
  return words_.size() + folded_words_.size() + after_apostrophe_.size() +
         before_apostrophe_.size() + endings_.size();
}

}  // namespace newsroom::langid::internal
