// Two hash sets: whole words, and roots (with their softened form: köpek,
// köpeğ) looked up by every prefix of a word at least as long as the
// shortest root. Only the few words a classifier
// found positive are ever looked up, so a set per prefix length or a trie
// would save nothing that shows.
//
// Tested by neutral_words_test.cc.
#include "lexicon/neutral_words.h"

#include <fstream>
#include <sstream>

#include "text/casing.h"

namespace newsroom::lexicon {

std::string NeutralWords::Plain(std::string_view word) {
  std::string folded = text::FoldKey(word);
  std::string out;
  out.reserve(folded.size());
  for (char c : folded) {
    if (out.empty() || out.back() != c) out.push_back(c);
  }
  return out;
}

absl::StatusOr<std::unique_ptr<const NeutralWords>> NeutralWords::Parse(
    const std::vector<std::pair<std::string, std::string>>& files) {
  std::unique_ptr<NeutralWords> n(new NeutralWords());
  for (const auto& [name, contents] : files) {
    std::istringstream in(contents);
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty() || line[0] == '#') continue;
      std::vector<std::string> f;
      size_t start = 0;
      while (true) {
        size_t tab = line.find('\t', start);
        f.push_back(line.substr(start, tab - start));
        if (tab == std::string::npos) break;
        start = tab + 1;
      }
      const std::string where = name + ":" + std::to_string(number) + ": ";
      if (f.size() < 2 || f.size() > 3 || f[0].empty() || f[1].empty()) {
        return absl::InvalidArgumentError(
            where + "expected word<TAB>category[<TAB>sfx]");
      }
      if (f.size() == 3 && f[2] != "sfx") {
        return absl::InvalidArgumentError(where + "unknown flag '" + f[2] +
                                          "' (sfx)");
      }
      std::string plain = Plain(f[0]);
      if (plain.empty()) {
        return absl::InvalidArgumentError(where + "empty word");
      }
      if (f.size() == 3) {
        n->shortest_root_ = std::min(n->shortest_root_, plain.size());
        // A final p, ç, t, k softens before a vowel: köpek → köpeği.
        static constexpr std::pair<char, char> kSoft[] = {
            {'k', 'g'}, {'p', 'b'}, {'t', 'd'}, {'c', 'c'}};
        for (auto [hard, soft] : kSoft) {
          if (plain.size() > 2 && plain.back() == hard && hard != soft) {
            n->roots_.insert(plain.substr(0, plain.size() - 1) + soft);
          }
        }
        n->roots_.insert(std::move(plain));
      } else {
        n->words_.insert(std::move(plain));
      }
    }
  }
  return std::unique_ptr<const NeutralWords>(std::move(n));
}

absl::StatusOr<std::unique_ptr<const NeutralWords>> NeutralWords::Load(
    const std::vector<std::string>& paths) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const std::string& path : paths) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return absl::NotFoundError("cannot read neutral words " + path);
    std::stringstream contents;
    contents << in.rdbuf();
    size_t slash = path.rfind('/');
    files.emplace_back(
        slash == std::string::npos ? path : path.substr(slash + 1),
        contents.str());
  }
  return Parse(files);
}

bool NeutralWords::Contains(std::string_view word) const {
  std::string plain = Plain(word);
  if (plain.empty()) return false;
  if (words_.contains(plain)) return true;
  for (size_t n = plain.size(); n >= shortest_root_ && n > 0; --n) {
    if (roots_.contains(absl::string_view(plain.data(), n))) return true;
  }
  return false;
}

}  // namespace newsroom::lexicon
