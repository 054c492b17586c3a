// Two hash sets: whole words, and roots (with their softened form: köpek,
// köpeğ) looked up by every prefix of a word at least as long as the
// shortest root. Only the few words a classifier
// found positive are ever looked up, so a set per prefix length or a trie
// would save nothing that shows. Phrases are a handful, tried in turn at
// every place the word could stand in them.
//
// Tested by neutral_words_test.cc.
#include "lexicon/neutral_words.h"

#include <fstream>
#include <sstream>
#include <utility>

#include "absl/strings/str_split.h"
#include "text/casing.h"

namespace newsroom::lexicon {
namespace {

// A root and, when it ends in p, ç, t or k, its softened form: a final
// consonant softens before a vowel (köpek → köpeği, basınç → basıncı).
std::vector<std::string> RootForms(const std::string& plain) {
  std::vector<std::string> forms = {plain};
  static constexpr std::pair<char, char> kSoft[] = {
      {'k', 'g'}, {'p', 'b'}, {'t', 'd'}, {'c', 'c'}};
  for (auto [hard, soft] : kSoft) {
    if (plain.size() > 2 && plain.back() == hard && hard != soft) {
      forms.push_back(plain.substr(0, plain.size() - 1) + soft);
    }
  }
  return forms;
}

}  // namespace

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
      const bool root = f.size() == 3;
      std::vector<std::string> words;
      for (absl::string_view w : absl::StrSplit(f[0], ' ', absl::SkipEmpty())) {
        words.push_back(Plain(std::string_view(w.data(), w.size())));
        if (words.back().empty()) {
          return absl::InvalidArgumentError(where + "'" + std::string(w) +
                                            "' is no word");
        }
      }
      if (words.empty()) {
        return absl::InvalidArgumentError(where + "empty word");
      }
      if (words.size() > 1) {
        Phrase p;
        p.words = std::move(words);
        if (root) p.last_roots = RootForms(p.words.back());
        n->phrases_.push_back(std::move(p));
      } else if (root) {
        n->shortest_root_ = std::min(n->shortest_root_, words[0].size());
        for (std::string& r : RootForms(words[0])) {
          n->roots_.insert(std::move(r));
        }
      } else {
        n->words_.insert(std::move(words[0]));
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

bool NeutralWords::PhraseWordMatches(const Phrase& p, size_t k,
                                     std::string_view plain) {
  if (k + 1 < p.words.size() || p.last_roots.empty()) {
    return plain == p.words[k];
  }
  for (const std::string& r : p.last_roots) {
    if (plain.substr(0, r.size()) == r) return true;
  }
  return false;
}

bool NeutralWords::ContainsAt(const std::vector<text::Token>& tokens,
                              size_t i) const {
  if (tokens[i].kind != text::TokenKind::kWord) return false;
  if (Contains(tokens[i].text)) return true;
  if (phrases_.empty()) return false;
  const std::string plain = Plain(tokens[i].text);
  for (const Phrase& p : phrases_) {
    const size_t n = p.words.size();
    for (size_t k = 0; k < n && k <= i; ++k) {
      // tokens[i] as the phrase's word k: the phrase starts at i - k.
      const size_t start = i - k;
      if (start + n > tokens.size() || !PhraseWordMatches(p, k, plain)) {
        continue;
      }
      bool all = true;
      for (size_t j = 0; j < n && all; ++j) {
        if (j == k) continue;
        const text::Token& t = tokens[start + j];
        all = t.kind == text::TokenKind::kWord &&
              PhraseWordMatches(p, j, Plain(t.text));
      }
      if (all) return true;
    }
  }
  return false;
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
