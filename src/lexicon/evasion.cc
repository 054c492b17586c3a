// Disguises follow what OffensEval-TR tweets and comment sections show:
// digits and symbols for letters, stretched vowels, a dot or a space between
// letters, Cyrillic letters that look Latin, Turkish letters left out, and
// capitals. Suffixes follow Turkish vowel harmony and consonant softening,
// so a suffixed variant is a real Turkish word form. Randomness only picks
// which letters and which separator; the caller seeds the generator.
//
// Tested by evasion_test.cc.
#include "lexicon/evasion.h"

#include <algorithm>
#include <vector>

#include "text/casing.h"
#include "text/utf8.h"

namespace newsroom::lexicon {
namespace {

std::u32string Decode(std::string_view s) {
  std::u32string out;
  size_t i = 0;
  while (i < s.size()) out.push_back(text::NextCodePoint(s, &i));
  return out;
}

std::string Encode(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) text::AppendCodePoint(c, &out);
  return out;
}

bool IsVowel(char32_t c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' ||
         c == U'ı' || c == U'ö' || c == U'ü' || c == U'â' || c == U'î' ||
         c == U'û';
}
bool IsBack(char32_t v) {
  return v == 'a' || v == U'ı' || v == 'o' || v == 'u' || v == U'â';
}
bool IsRounded(char32_t v) {
  return v == 'o' || v == U'ö' || v == 'u' || v == U'ü' || v == U'û';
}

char32_t LastVowel(const std::u32string& w) {
  for (auto it = w.rbegin(); it != w.rend(); ++it) {
    if (IsVowel(*it)) return *it;
  }
  return 'a';
}

// The high (4-way) and low (2-way) harmonised vowels after `w`.
char32_t High(const std::u32string& w) {
  char32_t v = LastVowel(w);
  if (IsRounded(v)) return IsBack(v) ? U'u' : U'ü';
  return IsBack(v) ? U'ı' : U'i';
}
char32_t Low(const std::u32string& w) {
  return IsBack(LastVowel(w)) ? 'a' : 'e';
}

// Softens a final p/ç/t/k of a word of two or more syllables.
std::u32string Soften(const Entry& e, std::u32string w) {
  if (e.flags & kNoSoften) return w;
  size_t start = w.rfind(U' ');
  start = start == std::u32string::npos ? 0 : start + 1;
  int vowels = 0;
  for (size_t i = start; i < w.size(); ++i) vowels += IsVowel(w[i]);
  if (vowels < 2) return w;
  char32_t& last = w.back();
  if (last == 'p')
    last = 'b';
  else if (last == U'ç')
    last = 'c';
  else if (last == 't')
    last = 'd';
  else if (last == 'k')
    last = w.size() >= 2 && w[w.size() - 2] == 'n' ? 'g' : U'ğ';
  return w;
}

std::u32string TurkishSuffixed(const Entry& e, const std::u32string& w,
                               std::mt19937& rng) {
  const bool vowel_final = IsVowel(w.back());
  if (e.flags & kVerb) {
    switch (rng() % 3) {
      case 0: {  // causative imperative: siktir, sıçtır
        char32_t h = High(w);
        return w + U"t" + std::u32string(1, h) + U"r";
      }
      case 1:  // aorist, 1st person: sikerim
        return w + std::u32string(1, Low(w)) + U"r" +
               std::u32string(1, High(w)) + U"m";
      default:  // optative: sikeyim
        return w + std::u32string(1, Low(w)) + U"y" +
               std::u32string(1, High(w)) + U"m";
    }
  }
  switch (rng() % 4) {
    case 0: {  // plural and genitive: aptalların
      std::u32string s = w + U"l" + std::u32string(1, Low(w)) + U"r";
      return s + std::u32string(1, High(s)) + U"n";
    }
    case 1: {  // accusative, softened: köpeği
      std::u32string s = vowel_final ? w + U"y" : Soften(e, w);
      return s + std::u32string(1, High(w));
    }
    case 2:  // copula, 2nd person: aptalsın
      return w + U"s" + std::u32string(1, High(w)) + U"n";
    default: {  // dative: köpeğe
      std::u32string s = vowel_final ? w + U"y" : Soften(e, w);
      return s + std::u32string(1, Low(w));
    }
  }
}

// Replaces a random non-empty subset of the positions where `map` has a
// replacement.
template <typename Map>
std::optional<std::u32string> ReplaceSome(std::u32string w, Map map,
                                          std::mt19937& rng) {
  std::vector<size_t> candidates;
  for (size_t i = 0; i < w.size(); ++i) {
    if (map(w, i) != 0) candidates.push_back(i);
  }
  if (candidates.empty()) return std::nullopt;
  std::shuffle(candidates.begin(), candidates.end(), rng);
  size_t n = 1 + rng() % candidates.size();
  for (size_t k = 0; k < n; ++k) w[candidates[k]] = map(w, candidates[k]);
  return w;
}

char32_t LeetFor(const std::u32string& w, size_t i) {
  bool inner =
      i > 0 && i + 1 < w.size() && w[i - 1] != U' ' && w[i + 1] != U' ';
  switch (w[i]) {
    case 'a':
      return i % 2 ? '@' : '4';
    case 'e':
      return '3';
    case 'i':
      return inner && i % 2 ? '!' : '1';
    case 'o':
      return '0';
    case 's':
      return i % 2 ? '$' : '5';
    case 't':
      return '7';
    case 'g':
      return '9';
    case 'b':
      return '8';
    default:
      return 0;
  }
}

char32_t CyrillicFor(const std::u32string& w, size_t i) {
  switch (w[i]) {
    case 'a':
      return U'\u0430';
    case 'c':
      return U'\u0441';
    case 'e':
      return U'\u0435';
    case 'o':
      return U'\u043E';
    case 'p':
      return U'\u0440';
    case 'x':
      return U'\u0445';
    case 'y':
      return U'\u0443';
    case 'i':
      return U'\u0456';
    case 's':
      return U'\u0455';
    case 'k':
      return U'\u043A';
    default:
      return 0;
  }
}

std::optional<std::u32string> Apply(const Entry& e, const std::u32string& w,
                                    DisguiseKind kind, std::mt19937& rng) {
  switch (kind) {
    case DisguiseKind::kPlain:
      return w;
    case DisguiseKind::kSuffix:
      // A bound root's surface form already carries a suffix.
      if (!(e.flags & kSuffixes) || (e.flags & kBound)) return std::nullopt;
      if (e.language == langid::Language::kTurkish) {
        return TurkishSuffixed(e, w, rng);
      }
      if (IsVowel(w.back())) return w + U"s";
      if (rng() % 2) return w + U"ing";
      if (w.back() == 's' || w.back() == 'x' || w.back() == 'h')
        return w + U"es";
      return w + U"s";
    case DisguiseKind::kUpper:
      return Decode(text::ToUpperTr(Encode(w)));
    case DisguiseKind::kFolded: {
      std::u32string folded = Decode(text::AsciiFold(Encode(w)));
      if (folded == w) return std::nullopt;
      return folded;
    }
    case DisguiseKind::kLeet:
      return ReplaceSome(w, LeetFor, rng);
    case DisguiseKind::kHomoglyph:
      return ReplaceSome(w, CyrillicFor, rng);
    case DisguiseKind::kRepeated: {
      std::vector<size_t> vowels;
      for (size_t i = 0; i < w.size(); ++i) {
        if (IsVowel(w[i])) vowels.push_back(i);
      }
      size_t at = vowels.empty() ? w.size() - 1 : vowels[rng() % vowels.size()];
      size_t extra = 2 + rng() % 3;
      std::u32string out = w;
      out.insert(at, extra, w[at]);
      return out;
    }
    case DisguiseKind::kSeparated: {
      static constexpr char32_t kSeparators[] = {U'.', U'-', U'_', U'*', U' '};
      const bool several_words = w.find(U' ') != std::u32string::npos;
      char32_t sep = kSeparators[rng() % (several_words ? 4 : 5)];
      std::u32string out;
      for (size_t i = 0; i < w.size(); ++i) {
        out.push_back(w[i]);
        if (i + 1 < w.size() && w[i] != U' ' && w[i + 1] != U' ') {
          out.push_back(sep);
        }
      }
      return out;
    }
    case DisguiseKind::kCombined: {
      // Two different kinds, applied in the order a commenter would.
      static constexpr DisguiseKind kOrder[] = {
          DisguiseKind::kFolded, DisguiseKind::kHomoglyph,
          DisguiseKind::kLeet,   DisguiseKind::kRepeated,
          DisguiseKind::kUpper,  DisguiseKind::kSeparated};
      for (int attempt = 0; attempt < 20; ++attempt) {
        size_t a = rng() % 6, b = rng() % 6;
        if (a == b) continue;
        if (a > b) std::swap(a, b);
        std::optional<std::u32string> first = Apply(e, w, kOrder[a], rng);
        if (!first) continue;
        std::optional<std::u32string> second = Apply(e, *first, kOrder[b], rng);
        if (second) return second;
      }
      return std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace

const char* DisguiseKindName(DisguiseKind kind) {
  switch (kind) {
    case DisguiseKind::kPlain:
      return "plain";
    case DisguiseKind::kSuffix:
      return "suffix";
    case DisguiseKind::kUpper:
      return "upper";
    case DisguiseKind::kFolded:
      return "folded";
    case DisguiseKind::kLeet:
      return "leet";
    case DisguiseKind::kRepeated:
      return "repeated";
    case DisguiseKind::kSeparated:
      return "separated";
    case DisguiseKind::kHomoglyph:
      return "homoglyph";
    case DisguiseKind::kCombined:
      return "combined";
  }
  return "unknown";
}

std::string SurfaceForm(const Entry& entry) {
  std::u32string w = Decode(entry.term);
  if ((entry.flags & kBound) && entry.language == langid::Language::kTurkish) {
    // am → amına: possessive or accusative, then -na.
    std::u32string s = w + std::u32string(1, High(w)) + U"n";
    return Encode(s + std::u32string(1, Low(w)));
  }
  return entry.term;
}

std::optional<std::string> Disguise(const Entry& entry, std::string_view word,
                                    DisguiseKind kind, std::mt19937& rng) {
  std::u32string w = Decode(word);
  if (w.empty()) return std::nullopt;
  std::optional<std::u32string> out = Apply(entry, w, kind, rng);
  if (!out) return std::nullopt;
  return Encode(*out);
}

}  // namespace newsroom::lexicon
