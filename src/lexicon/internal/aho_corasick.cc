// Aho–Corasick as a dense DFA. Normalized text has 27 symbols, so every
// state keeps a full row of next states (the goto function with failure
// transitions already folded in) and scanning is one table load per byte,
// with no branch on failure links. A state's outputs are the keys that end
// there, its own and those of its failure chain, flattened at build time.
// A few hundred keys give a few thousand states: 27 × 4 bytes each, a table
// that stays in L2.
//
// Tested by literal_scanner_test.cc.
#include <cstdint>
#include <deque>

#include "lexicon/internal/literal_scanner.h"

namespace newsroom::lexicon::internal {
namespace {

constexpr int kSymbols = 27;

inline int Symbol(char c) { return c == ' ' ? 26 : c - 'a'; }

class AhoCorasick : public LiteralScanner {
 public:
  explicit AhoCorasick(const std::vector<std::string>& keys) {
    // Trie.
    next_.assign(kSymbols, -1);
    std::vector<std::vector<int>> outputs(1);
    std::vector<int> depth(1, 0);
    for (size_t k = 0; k < keys.size(); ++k) {
      int state = 0;
      for (char c : keys[k]) {
        int& slot = next_[state * kSymbols + Symbol(c)];
        if (slot < 0) {
          slot = static_cast<int>(outputs.size());
          outputs.emplace_back();
          depth.push_back(depth[state] + 1);
          next_.resize(next_.size() + kSymbols, -1);
        }
        state = next_[state * kSymbols + Symbol(c)];
      }
      outputs[state].push_back(static_cast<int>(k));
    }
    const int states = static_cast<int>(outputs.size());
    // Failure links, breadth first; rows completed into a DFA.
    std::vector<int> fail(states, 0);
    std::deque<int> queue;
    for (int s = 0; s < kSymbols; ++s) {
      int& t = next_[s];
      if (t < 0) {
        t = 0;
      } else {
        fail[t] = 0;
        queue.push_back(t);
      }
    }
    while (!queue.empty()) {
      int state = queue.front();
      queue.pop_front();
      for (int k : outputs[fail[state]]) outputs[state].push_back(k);
      for (int s = 0; s < kSymbols; ++s) {
        int& t = next_[state * kSymbols + s];
        if (t < 0) {
          t = next_[fail[state] * kSymbols + s];
        } else {
          fail[t] = next_[fail[state] * kSymbols + s];
          queue.push_back(t);
        }
      }
    }
    out_begin_.assign(states + 1, 0);
    for (int s = 0; s < states; ++s) {
      out_begin_[s + 1] = out_begin_[s] + static_cast<int>(outputs[s].size());
      for (int k : outputs[s]) out_.push_back(k);
    }
    // Mark states with outputs by the sign bit of their row start, so the
    // scan loop tests one value.
    rows_.resize(next_.size());
    for (size_t i = 0; i < next_.size(); ++i) {
      int t = next_[i];
      int32_t row = t * kSymbols;
      rows_[i] = out_begin_[t + 1] > out_begin_[t] ? ~row : row;
    }
    next_.clear();
    next_.shrink_to_fit();
  }

  void Scan(std::string_view text, std::vector<Hit>* hits) const override {
    int32_t row = 0;
    const int32_t* rows = rows_.data();
    for (size_t i = 0; i < text.size(); ++i) {
      int32_t t = rows[row + Symbol(text[i])];
      if (t < 0) {
        row = ~t;
        int state = row / kSymbols;
        for (int o = out_begin_[state]; o < out_begin_[state + 1]; ++o) {
          hits->push_back({out_[o], static_cast<int>(i + 1)});
        }
      } else {
        row = t;
      }
    }
  }

  size_t MemoryBytes() const override {
    return rows_.capacity() * sizeof(int32_t) +
           out_begin_.capacity() * sizeof(int) + out_.capacity() * sizeof(int);
  }
  const char* Name() const override { return "aho-corasick"; }

 private:
  std::vector<int> next_;      // build only
  std::vector<int32_t> rows_;  // state × symbol → next row (~row if outputs)
  std::vector<int> out_begin_;
  std::vector<int> out_;
};

}  // namespace

std::unique_ptr<LiteralScanner> BuildAhoCorasick(
    const std::vector<std::string>& keys) {
  return std::make_unique<AhoCorasick>(keys);
}

}  // namespace newsroom::lexicon::internal
