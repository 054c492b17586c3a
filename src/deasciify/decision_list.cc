// The decision lists are Yuret's; what is ours is how they are learnt fast
// enough to train on a million words in a couple of minutes.
//
// The Greedy Prepend Algorithm needs, at each step, the rule (pattern,
// answer) with the largest gain: the training letters it would fix minus
// those it would break, given what the list says now. A pattern matching
// letters L, of which n[l][p] have the right answer l and the current answer
// p, gains n[1][0] - n[0][0] when prepended with answer 1 and
// n[0][1] - n[1][1] with answer 0. Prepending a rule changes the current
// answer of the letters it matches, and so the counts of every other
// pattern of those letters. So: an inverted index from pattern to letters
// (compressed rows), counts per pattern, and a max-heap of gains kept
// lazily — an entry is pushed whenever a pattern's gain grows and checked
// against the true gain when it reaches the top, so the top, once checked,
// is the best rule. A letter's patterns are not stored but hashed again
// when it flips; a pattern matching fewer letters than min_gain can never
// gain enough and is left out of the index.
//
// Ties are broken by the pattern's first occurrence in the text, so the
// lists, and the file, depend only on the text and the options.
//
// Tested by decision_list_test.cc.
#include "deasciify/decision_list.h"

#include <algorithm>
#include <fstream>
#include <queue>
#include <sstream>
#include <tuple>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "text/hash.h"
#include "text/turkish.h"
#include "text/utf8.h"

namespace newsroom::deasciify {
namespace {

constexpr absl::string_view kMagic = "newsroom-decision-lists";
constexpr char kLetters[] = "cgiosu";

// The letter of a context on the right (not yet restored): ASCII lower case
// of any letter; 0 for anything else.
char RightChar(char32_t c) {
  if (c < 0x80) {
    if (c >= 'A' && c <= 'Z') return static_cast<char>(c + ('a' - 'A'));
    return c >= 'a' && c <= 'z' ? static_cast<char>(c) : 0;
  }
  const char folded = text::AsciiFoldLetter(c);
  if (folded >= 'A' && folded <= 'Z') return folded + ('a' - 'A');
  return folded;
}

// The letter of a context on the left (restored): ASCII letters in lower
// case, the six Turkish letters as the capital of their look-alike (ş → S,
// Ş → S), İ as i.
char LeftChar(char32_t c) {
  if (c < 0x80) return RightChar(c);
  switch (c) {
    case U'ç':
    case U'Ç':
      return 'C';
    case U'ğ':
    case U'Ğ':
      return 'G';
    case U'ı':
      return 'I';
    case U'ö':
    case U'Ö':
      return 'O';
    case U'ş':
    case U'Ş':
      return 'S';
    case U'ü':
    case U'Ü':
      return 'U';
    default:
      return RightChar(c);
  }
}

// The list a code point is decided by (0..5 for c g i o s u), or -1.
int FamilyOf(char32_t c) {
  const char r = RightChar(c);
  switch (r) {
    case 'c':
      return 0;
    case 'g':
      return 1;
    case 'i':
      return 2;
    case 'o':
      return 3;
    case 's':
      return 4;
    case 'u':
      return 5;
    default:
      return -1;
  }
}

// Whether a letter of clean text is the "Turkish" answer of its list: the
// Turkish letter, or for i the dotless ı (whose capital is I).
bool IsPositive(char32_t c) {
  return c == U'ı' || c == 'I' || (c != U'İ' && text::IsTurkishLetter(c));
}

// The letter written for `typed` (of family `family`) when the list says
// `positive`, in the case it was typed.
char32_t Decide(char32_t typed, int family, bool positive) {
  char ascii =
      typed < 0x80 ? static_cast<char>(typed) : text::AsciiFoldLetter(typed);
  const bool upper = ascii >= 'A' && ascii <= 'Z';
  if (family == 2) {  // i
    if (upper) return positive ? U'I' : U'İ';
    return positive ? U'ı' : U'i';
  }
  const char lower = upper ? ascii + ('a' - 'A') : ascii;
  if (!positive) return static_cast<char32_t>(upper ? ascii : lower);
  const char32_t turkish = text::TurkishCounterpart(lower);
  return upper ? text::ToUpperTrSimple(turkish) : turkish;
}

// The context of position `p`: left from `left` (restored), right from
// `right` (typed). REQUIRES: both have the same length.
std::string Context(const std::u32string& left, const std::u32string& right,
                    size_t p, int size) {
  std::string s(2 * size + 1, ' ');
  s[size] = 'X';
  size_t i = size + 1;
  bool space = false;
  for (size_t at = p + 1; i < s.size() && !space && at < right.size(); ++at) {
    const char x = RightChar(right[at]);
    if (x == 0) {
      ++i;
      space = true;
    } else {
      s[i++] = x;
    }
  }
  s.resize(i);
  int j = size - 1;
  space = false;
  for (size_t at = p; j >= 0 && at > 0;) {
    const char x = LeftChar(left[--at]);
    if (x == 0) {
      if (!space) --j;
      space = true;
    } else {
      s[j--] = x;
      space = false;
    }
  }
  return s;
}

uint64_t Fingerprint(std::string_view s) {
  // The basis the committed lists were built with (FNV's with its last
  // digit missing): another would change every key.
  uint64_t h = text::Fnv1a64(s, 1469598103934665603ull);
  h ^= h >> 31;
  h *= 0x9E3779B97F4A7C15ull;
  return h ^ (h >> 29);
}

// Calls fn(start, length) for every substring of `context` that contains
// the X at `size`.
template <typename Fn>
void ForEachPattern(std::string_view context, int size, Fn fn) {
  for (int start = 0; start <= size; ++start) {
    for (size_t end = size + 1; end <= context.size(); ++end) {
      fn(start, end - start);
    }
  }
}

}  // namespace

int DecisionLists::LetterIndex(char c) {
  const char* at = std::char_traits<char>::find(kLetters, 6, c);
  return at == nullptr ? -1 : static_cast<int>(at - kLetters);
}

size_t DecisionLists::rule_count(char letter) const {
  const int k = LetterIndex(letter);
  return k < 0 ? 0 : lists_[k].size();
}

absl::StatusOr<std::unique_ptr<const DecisionLists>> DecisionLists::Load(
    const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::ostringstream contents;
  contents << in.rdbuf();
  return FromModelText(contents.str(), path);
}

absl::StatusOr<std::unique_ptr<const DecisionLists>>
DecisionLists::FromModelText(std::string_view text, const std::string& name) {
  std::unique_ptr<DecisionLists> lists(new DecisionLists());
  int line_number = 0;
  bool header = false;
  int letter = -1;
  for (absl::string_view line :
       absl::StrSplit(absl::string_view(text.data(), text.size()), '\n')) {
    ++line_number;
    auto error = [&](absl::string_view what) {
      return absl::InvalidArgumentError(
          absl::StrCat(name, ":", line_number, ": ", what));
    };
    if (line.empty() || line[0] == '#') continue;
    std::vector<absl::string_view> fields = absl::StrSplit(line, '\t');
    if (!header) {
      int context = 0;
      if (fields.size() != 3 || fields[0] != kMagic || fields[1] != "1" ||
          !absl::SimpleAtoi(fields[2], &context) || context < 1 ||
          context > 30) {
        return error(absl::StrCat("expected \"", kMagic, "\t1\t<context>\""));
      }
      lists->context_ = context;
      header = true;
      continue;
    }
    if (fields.size() == 2 && fields[0] == "letter") {
      if (fields[1].size() != 1 || LetterIndex(fields[1][0]) < 0) {
        return error("expected one of c g i o s u after \"letter\"");
      }
      letter = LetterIndex(fields[1][0]);
      continue;
    }
    int32_t rank = 0;
    if (fields.size() != 2 || letter < 0 ||
        !absl::SimpleAtoi(fields[0], &rank) || rank == 0 ||
        fields[1].find('X') == absl::string_view::npos) {
      return error("expected \"<signed rank>\t<pattern with X>\"");
    }
    lists->lists_[letter][std::string(fields[1])] = rank;
  }
  if (!header) return absl::InvalidArgumentError(name + ": empty model");
  return std::unique_ptr<const DecisionLists>(std::move(lists));
}

std::string DecisionLists::Restore(std::string_view text) const {
  const std::u32string typed = text::ToUtf32(text);
  std::u32string out = typed;
  for (size_t p = 0; p < typed.size(); ++p) {
    const int family = FamilyOf(typed[p]);
    if (family < 0) continue;
    const auto& list = lists_[family];
    const std::string context = Context(out, typed, p, context_);
    int32_t best = 0;
    ForEachPattern(context, context_, [&](int start, size_t length) {
      auto it = list.find(absl::string_view(context.data() + start, length));
      if (it != list.end() &&
          (best == 0 || std::abs(it->second) < std::abs(best))) {
        best = it->second;
      }
    });
    out[p] = Decide(typed[p], family, best > 0);
  }
  return text::ToUtf8(out);
}

namespace {

// One list's training letters and the learner's state.
class Learner {
 public:
  Learner(int context, int min_gain) : size_(context), min_gain_(min_gain) {}

  void Add(std::string context, bool positive) {
    contexts_.push_back(std::move(context));
    labels_.push_back(positive);
  }

  // Runs the algorithm; appends "rank\tpattern" lines to *out, best first.
  // Returns the number of rules.
  int64_t Learn(std::string* out) {
    const size_t n = contexts_.size();
    if (n == 0) return 0;
    // The default answer: the majority.
    size_t positives = std::count(labels_.begin(), labels_.end(), true);
    const bool majority = 2 * positives > n;
    predictions_.assign(n, majority);
    IndexPatterns();
    counts_.assign(patterns_.size(), {});
    for (size_t k = 0; k < n; ++k) {
      ForEachId(
          k, [&](uint32_t id) { ++counts_[id][labels_[k]][predictions_[k]]; });
    }
    for (uint32_t id = 0; id < patterns_.size(); ++id) PushGains(id);
    // (pattern id, answer), in the order learnt.
    std::vector<std::pair<uint32_t, bool>> rules;
    while (!heap_.empty()) {
      auto [gain, neg_id, answer] = heap_.top();
      heap_.pop();
      const uint32_t id = static_cast<uint32_t>(-neg_id);
      const int64_t now = Gain(id, answer);
      if (now != gain) {
        // Lower now: this was its best entry; file it again. Higher: a
        // newer entry holds the higher gain.
        if (now < gain && now >= min_gain_) heap_.push({now, neg_id, answer});
        continue;
      }
      rules.emplace_back(id, answer);
      for (uint64_t r = row_begin_[id]; r < row_begin_[id + 1]; ++r) {
        const uint32_t k = rows_[r];
        if (predictions_[k] == answer) continue;
        const bool label = labels_[k];
        const bool before = predictions_[k];
        const bool after = answer;  // a lambda may not capture a binding
        predictions_[k] = after;
        ForEachId(k, [&](uint32_t q) {
          const int64_t was[2] = {Gain(q, false), Gain(q, true)};
          --counts_[q][label][before];
          ++counts_[q][label][after];
          for (bool a : {false, true}) {
            const int64_t g = Gain(q, a);
            if (g > was[a] && g >= min_gain_) {
              heap_.push({g, -static_cast<int64_t>(q), a});
            }
          }
        });
      }
    }
    // Later rules come first. A pattern learnt twice keeps its later
    // answer; the default "X" comes last unless it was learnt.
    std::vector<std::pair<std::string, bool>> ordered;
    absl::flat_hash_map<uint32_t, bool> seen;
    for (size_t r = rules.size(); r-- > 0;) {
      if (!seen.try_emplace(rules[r].first, true).second) continue;
      ordered.emplace_back(PatternText(rules[r].first), rules[r].second);
    }
    bool has_default = false;
    for (const auto& [pattern, answer] : ordered) has_default |= pattern == "X";
    if (!has_default) ordered.emplace_back("X", majority);
    for (size_t r = 0; r < ordered.size(); ++r) {
      const int64_t rank = static_cast<int64_t>(r) + 1;
      absl::StrAppend(out, ordered[r].second ? rank : -rank, "\t",
                      ordered[r].first, "\n");
    }
    return static_cast<int64_t>(ordered.size());
  }

 private:
  using Counts = std::array<std::array<int32_t, 2>, 2>;  // [label][prediction]
  using HeapItem = std::tuple<int64_t, int64_t, bool>;   // gain, -id, answer

  int64_t Gain(uint32_t id, bool answer) const {
    const Counts& c = counts_[id];
    return answer ? int64_t{c[1][0]} - c[0][0] : int64_t{c[0][1]} - c[1][1];
  }

  void PushGains(uint32_t id) {
    for (bool answer : {false, true}) {
      const int64_t g = Gain(id, answer);
      if (g >= min_gain_) heap_.push({g, -static_cast<int64_t>(id), answer});
    }
  }

  // Calls fn(id) for each indexed pattern of letter k.
  template <typename Fn>
  void ForEachId(size_t k, Fn fn) const {
    const std::string& c = contexts_[k];
    ForEachPattern(c, size_, [&](int start, size_t length) {
      auto it =
          ids_.find(Fingerprint(std::string_view(c).substr(start, length)));
      if (it != ids_.end()) fn(it->second);
    });
  }

  struct Pattern {
    uint32_t first;  // the letter of its first occurrence
    uint8_t start, length;
  };

  std::string PatternText(uint32_t id) const {
    const Pattern& p = patterns_[id];
    return contexts_[p.first].substr(p.start, p.length);
  }

  // Numbers the patterns seen at least min_gain times in order of first
  // occurrence, and builds the rows of letters of each.
  void IndexPatterns() {
    absl::flat_hash_map<uint64_t, uint32_t> occurrences;
    for (const std::string& c : contexts_) {
      ForEachPattern(c, size_, [&](int start, size_t length) {
        ++occurrences[Fingerprint(std::string_view(c).substr(start, length))];
      });
    }
    for (size_t k = 0; k < contexts_.size(); ++k) {
      const std::string& c = contexts_[k];
      ForEachPattern(c, size_, [&](int start, size_t length) {
        const uint64_t f =
            Fingerprint(std::string_view(c).substr(start, length));
        if (occurrences[f] < static_cast<uint32_t>(min_gain_)) return;
        if (ids_.try_emplace(f, static_cast<uint32_t>(patterns_.size()))
                .second) {
          patterns_.push_back({static_cast<uint32_t>(k),
                               static_cast<uint8_t>(start),
                               static_cast<uint8_t>(length)});
        }
      });
    }
    occurrences.clear();
    row_begin_.assign(patterns_.size() + 1, 0);
    for (size_t k = 0; k < contexts_.size(); ++k) {
      ForEachId(k, [&](uint32_t id) { ++row_begin_[id + 1]; });
    }
    for (size_t i = 1; i < row_begin_.size(); ++i)
      row_begin_[i] += row_begin_[i - 1];
    rows_.resize(row_begin_.back());
    std::vector<uint64_t> fill(row_begin_.begin(), row_begin_.end() - 1);
    for (size_t k = 0; k < contexts_.size(); ++k) {
      ForEachId(k, [&](uint32_t id) {
        rows_[fill[id]++] = static_cast<uint32_t>(k);
      });
    }
  }

  const int size_;
  const int min_gain_;
  std::vector<std::string> contexts_;
  std::vector<bool> labels_;
  std::vector<bool> predictions_;
  absl::flat_hash_map<uint64_t, uint32_t> ids_;
  std::vector<Pattern> patterns_;
  std::vector<uint64_t> row_begin_;
  std::vector<uint32_t> rows_;
  std::vector<Counts> counts_;
  std::priority_queue<HeapItem> heap_;
};

}  // namespace

absl::StatusOr<std::string> TrainDecisionLists(
    const std::vector<std::string>& sentences,
    const DecisionListTrainOptions& options, DecisionListTrainStats* stats) {
  if (options.context < 1 || options.context > 30) {
    return absl::InvalidArgumentError("context must be 1 to 30 characters");
  }
  if (options.min_gain < 1) {
    return absl::InvalidArgumentError("min_gain must be at least 1");
  }
  DecisionListTrainStats local;
  if (stats == nullptr) stats = &local;
  *stats = {};
  std::string out =
      absl::StrCat("# GENERATED BY ", options.command, "; DO NOT EDIT\n",
                   kMagic, "\t1\t", options.context, "\n");
  // One list at a time, to hold one list's index in memory at once.
  for (int family = 0; family < 6; ++family) {
    Learner learner(options.context, options.min_gain);
    for (const std::string& sentence : sentences) {
      const std::u32string t = text::ToUtf32(sentence);
      for (size_t p = 0; p < t.size(); ++p) {
        if (FamilyOf(t[p]) != family) continue;
        learner.Add(Context(t, t, p, options.context), IsPositive(t[p]));
        ++stats->letters;
      }
    }
    absl::StrAppend(&out, "letter\t", std::string(1, kLetters[family]), "\n");
    stats->rules += learner.Learn(&out);
  }
  return out;
}

}  // namespace newsroom::deasciify
