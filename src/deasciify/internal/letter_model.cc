// The letter model decides each ambiguous letter of an unseen word from the
// letters around it, on both sides, within the word ("^" and "$" mark its
// ends): vowel harmony and the shapes of roots and suffixes make "…iyor…"
// say ı or i about its neighbours, and a final "…lugu" say ğ and ü.
// Training counted, for every window of up to max_left letters before and
// max_right after each ambiguous letter, how often the letter was Turkish,
// once per distinct word. The letters to the left are counted as they are
// written in the word, Turkish letters and all, the way Yuret's
// decision lists read them: harmony is a matter of which vowel came before,
// and "ateşliyim" and "yağışıydı" are told apart only by knowing whether
// the vowels before were restored front or back. Here the longest windows
// seen win (the purest among windows of equal length), smoothed towards
// the letter's prior, so that a long suffix or a long root can speak even
// when the other side is new.
//
// Because each letter depends on the letters restored before it, the
// spellings of a word are searched left to right with a beam: each partial
// spelling is extended by both choices of its next ambiguous letter, and
// only the likeliest `max` are kept. ğ follows a vowel, always, so it is
// never tried after a consonant or at the start of a word.
//
// Tested by letter_model_test.cc.
#include "deasciify/internal/letter_model.h"

#include <algorithm>
#include <cmath>

#include "deasciify/internal/letters.h"
#include "text/turkish.h"

namespace newsroom::deasciify::internal {
namespace {

// Pseudo-count of the letter prior in a window's estimate.
constexpr double kWindowSmoothing = 1.0;
// Probabilities are kept away from 0 and 1 so that every flip has a cost.
constexpr double kMinProbability = 1e-4;

}  // namespace

char ContextByte(char32_t restored) {
  switch (restored) {
    case U'ç':
      return 'C';
    case U'ğ':
      return 'G';
    case U'ı':
      return 'I';
    case U'ö':
      return 'O';
    case U'ş':
      return 'S';
    case U'ü':
      return 'U';
    default:
      return KeyByte(restored);
  }
}

namespace {

char32_t FromContextByte(char c) {
  switch (c) {
    case 'C':
      return U'ç';
    case 'G':
      return U'ğ';
    case 'I':
      return U'ı';
    case 'O':
      return U'ö';
    case 'S':
      return U'ş';
    case 'U':
      return U'ü';
    default:
      return static_cast<char32_t>(c);
  }
}

bool IsContextVowel(char c) {
  switch (c) {
    case 'a':
    case 'e':
    case 'i':
    case 'o':
    case 'u':
    case 'I':
    case 'O':
    case 'U':
      return true;
    default:
      return false;
  }
}

}  // namespace

LetterModel::LetterModel(const Model& model) : model_(model) {
  for (char c : std::string_view("cgiosu")) {
    const Model::PatternCounts* p = model_.FindPattern(0, std::string(1, c));
    double n = p == nullptr ? 0 : p->ascii + p->turkish;
    prior_[static_cast<int>(c)] =
        p == nullptr ? 0.5 : (p->turkish + 0.5) / (n + 1.0);
  }
}

double LetterModel::TurkishProbability(std::string_view bracketed,
                                       int pos) const {
  const int n = static_cast<int>(bracketed.size());
  if (bracketed[pos] == 'g' && !IsContextVowel(bracketed[pos - 1])) return 0;
  const int max_l = std::min(model_.max_left(), pos);
  const int max_r = std::min(model_.max_right(), n - 1 - pos);
  const double prior = prior_[static_cast<unsigned char>(bracketed[pos]) & 127];
  // Every sub-window of a window seen in training was seen at least as
  // often, so the seen windows around `pos`, as points (l, r) of letters
  // left and right, form a staircase: r_max(l) never grows with l. Walking
  // its edge, l up and r down, finds the longest windows in at most
  // max_l + max_r + 2 lookups. Among the longest, the purest wins; ties go
  // to the one with the most left context.
  const Model::PatternCounts* best = nullptr;
  int best_length = -1;
  double best_purity = -1;
  int r = max_r;
  for (int l = 0; l <= max_l && r >= 0; ++l) {
    const Model::PatternCounts* c = nullptr;
    while (r >= 0 &&
           (c = model_.FindPattern(l, bracketed.substr(pos - l, l + r + 1))) ==
               nullptr) {
      --r;
    }
    if (c == nullptr) break;
    double purity = static_cast<double>(std::max(c->ascii, c->turkish)) /
                    (c->ascii + c->turkish);
    if (l + r > best_length ||
        (l + r == best_length && purity >= best_purity)) {
      best_length = l + r;
      best_purity = purity;
      best = c;
    }
  }
  if (best == nullptr) return prior;
  return (best->turkish + kWindowSmoothing * prior) /
         (best->ascii + best->turkish + kWindowSmoothing);
}

std::vector<LetterModel::Spelling> LetterModel::Spellings(
    std::string_view key, std::u32string_view prefix, int max) const {
  struct Partial {
    std::string context;  // "^", restored (ContextByte) so far, key, "$"
    double log_p;
  };
  std::string start;
  start.reserve(key.size() + 2);
  start.push_back('^');
  for (size_t j = 0; j < key.size(); ++j) {
    start.push_back(j < prefix.size() ? ContextByte(prefix[j]) : key[j]);
  }
  start.push_back('$');
  std::vector<Partial> beam = {{std::move(start), 0.0}};
  std::vector<Partial> next;
  for (size_t j = prefix.size(); j < key.size(); ++j) {
    const char32_t turkish = text::TurkishCounterpart(key[j]);
    if (turkish == 0) continue;
    const int pos = static_cast<int>(j + 1);
    next.clear();
    for (Partial& p : beam) {
      const double t = std::clamp(TurkishProbability(p.context, pos),
                                  kMinProbability, 1 - kMinProbability);
      Partial turkish_choice = p;
      turkish_choice.context[pos] = ContextByte(turkish);
      turkish_choice.log_p += std::log(t);
      next.push_back(std::move(turkish_choice));
      p.log_p += std::log(1 - t);
      next.push_back(std::move(p));
    }
    std::stable_sort(
        next.begin(), next.end(),
        [](const Partial& a, const Partial& b) { return a.log_p > b.log_p; });
    if (next.size() > static_cast<size_t>(max)) next.resize(max);
    beam.swap(next);
  }
  std::vector<Spelling> out;
  out.reserve(beam.size());
  for (const Partial& p : beam) {
    Spelling s;
    s.form.assign(prefix);
    for (size_t j = prefix.size(); j < key.size(); ++j) {
      s.form.push_back(FromContextByte(p.context[j + 1]));
    }
    s.log_p = p.log_p;
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace newsroom::deasciify::internal
