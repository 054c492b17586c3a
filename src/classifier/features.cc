// Feature extraction is the hot path of scoring (about 1,200 hashes a tweet),
// so it works on one code-point buffer and hashes incrementally: from each
// start position the FNV-1a state of the 1-gram is extended by one code
// point to give the 2-gram, and so on up to max_char, and each state is
// reduced to a bucket id with one multiply. The canonical text is built in
// one pass over the tokens; Turkish lower-casing is one ICU call for the
// whole text (through text::ToLowerTr), and because Turkish lower-casing maps
// one code point to one code point, the token boundaries recorded before
// lower-casing still hold after it (a per-token fallback covers the
// theoretical case where they do not).
//
// Tested by features_test.cc.
#include "classifier/features.h"

#include <algorithm>
#include <string_view>

#include "text/casing.h"
#include "text/utf8.h"

namespace newsroom::classifier {
namespace {

constexpr uint64_t kFnvOffset = 14695981039346656037ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;

// Kind markers: values above U+10FFFF, fed to the hash before the n-gram.
enum Kind : char32_t {
  kLowerChar = 0x110000,
  kFoldedChar,
  kWord1,
  kWord2,
  kWord3,
  kWordSeparator,
  kStem,
  kPlainWord,
};

inline uint64_t Step(uint64_t h, char32_t c) { return (h ^ c) * kFnvPrime; }

inline uint64_t Seed(Kind kind) { return Step(kFnvOffset, kind); }

inline uint32_t Reduce(uint64_t h, int bits) {
  h ^= h >> 29;
  h *= 0x9E3779B97F4A7C15ull;
  return static_cast<uint32_t>(h >> (64 - bits));
}

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v' || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

char32_t FoldLower(char32_t c) {
  char folded = text::AsciiFoldLower(c);
  return folded != 0 ? static_cast<char32_t>(folded) : c;
}

std::u32string Decode(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) out.push_back(text::NextCodePoint(s, &i));
  return out;
}

// Appends `s` with runs of one code point cut to `max_repeat`.
void AppendSqueezed(const char32_t* s, size_t n, int max_repeat,
                    std::u32string* out) {
  int run = 0;
  char32_t last = 0;
  for (size_t i = 0; i < n; ++i) {
    char32_t c = s[i];
    run = (c == last) ? run + 1 : 1;
    last = c;
    if (run <= max_repeat) out->push_back(c);
  }
}

struct Canonical {
  std::u32string chars;               // lower case, squeezed, no padding
  std::vector<std::u32string> words;  // lower case, squeezed
};

bool IsWordToken(text::TokenKind kind) {
  return kind != text::TokenKind::kEmoji;
}

Canonical BuildCanonical(const text::Document& doc, int max_repeat) {
  // Pass 1: the canonical text before lower-casing, with the code-point
  // range of every word-like token.
  std::string raw;
  raw.reserve(doc.original().size() + 8);
  std::vector<std::pair<int, int>> word_ranges;
  const std::string& original = doc.original();
  size_t at = 0;   // byte offset into original
  int at_cp = 0;   // code-point offset into original
  int raw_cp = 0;  // code points in raw
  bool pending_space = false;
  auto flush_space = [&] {
    if (pending_space && raw_cp > 0) {
      raw.push_back(' ');
      ++raw_cp;
    }
    pending_space = false;
  };
  for (const text::Token& token : doc.tokens()) {
    // The gap before the token: punctuation kept, white space collapsed.
    while (at_cp < token.begin && at < original.size()) {
      size_t start = at;
      char32_t c = text::NextCodePoint(original, &at);
      ++at_cp;
      if (IsSpace(c)) {
        pending_space = true;
      } else {
        flush_space();
        raw.append(original, start, at - start);
        ++raw_cp;
      }
    }
    // Skip the token itself in the original.
    while (at_cp < token.end && at < original.size()) {
      text::NextCodePoint(original, &at);
      ++at_cp;
    }
    flush_space();
    std::string_view piece = token.text;
    if (token.kind == text::TokenKind::kMention) piece = "@user";
    if (token.kind == text::TokenKind::kUrl) piece = "url";
    int begin = raw_cp;
    raw.append(piece);
    raw_cp += text::CodePointCount(piece);
    if (IsWordToken(token.kind)) word_ranges.emplace_back(begin, raw_cp);
  }
  while (at < original.size()) {
    char32_t c = text::NextCodePoint(original, &at);
    if (IsSpace(c)) {
      pending_space = true;
    } else {
      flush_space();
      text::AppendCodePoint(c, &raw);
      ++raw_cp;
    }
  }

  // Pass 2: lower case, then words and squeezed characters.
  std::u32string lower = Decode(text::ToLowerTr(raw));
  Canonical out;
  out.words.reserve(word_ranges.size());
  if (static_cast<int>(lower.size()) == raw_cp) {
    for (auto [begin, end] : word_ranges) {
      std::u32string& w = out.words.emplace_back();
      AppendSqueezed(lower.data() + begin, end - begin, max_repeat, &w);
    }
  } else {
    std::u32string raw32 = Decode(raw);
    for (auto [begin, end] : word_ranges) {
      std::string piece;
      for (int k = begin; k < end; ++k) text::AppendCodePoint(raw32[k], &piece);
      std::u32string low = Decode(text::ToLowerTr(piece));
      AppendSqueezed(low.data(), low.size(), max_repeat,
                     &out.words.emplace_back());
    }
  }
  out.chars.reserve(lower.size());
  AppendSqueezed(lower.data(), lower.size(), max_repeat, &out.chars);
  return out;
}

void EmitCharGrams(const std::u32string& padded, Kind kind, int min_n,
                   int max_n, int bits, std::vector<uint32_t>* buckets) {
  const uint64_t seed = Seed(kind);
  const size_t size = padded.size();
  for (size_t i = 0; i < size; ++i) {
    uint64_t h = seed;
    const size_t limit = std::min(size - i, static_cast<size_t>(max_n));
    for (size_t n = 1; n <= limit; ++n) {
      h = Step(h, padded[i + n - 1]);
      if (static_cast<int>(n) >= min_n) buckets->push_back(Reduce(h, bits));
    }
  }
}

uint64_t HashWord(uint64_t h, const std::u32string& word) {
  for (char32_t c : word) h = Step(h, c);
  return h;
}

// The plain word and its prefix stems (features.h), in that order.
void EmitPlainAndStems(const std::u32string& word,
                       const FeatureOptions& options,
                       std::vector<uint32_t>* buckets) {
  const std::u32string plain = PlainWord(word);
  if (options.plain_words) {
    buckets->push_back(Reduce(HashWord(Seed(kPlainWord), plain), options.bits));
  }
  if (options.max_stem == 0) return;
  // One hash state extended letter by letter, emitted at each length.
  uint64_t h = Seed(kStem);
  const int size = static_cast<int>(plain.size());
  const int last = std::min(size, options.max_stem);
  for (int k = 1; k <= last; ++k) {
    h = Step(h, plain[k - 1]);
    if (k >= options.min_stem || k == size) {
      buckets->push_back(Reduce(h, options.bits));
    }
  }
}

}  // namespace

absl::Status ValidateFeatureOptions(const FeatureOptions& o) {
  if (o.bits < 10 || o.bits > 26) {
    return absl::InvalidArgumentError("feature bits must be in [10, 26], got " +
                                      std::to_string(o.bits));
  }
  bool chars_off = o.min_char == 0 && o.max_char == 0;
  if (!chars_off &&
      (o.min_char < 1 || o.max_char < o.min_char || o.max_char > 8)) {
    return absl::InvalidArgumentError(
        "character n-gram lengths must satisfy 1 <= min <= max <= 8 (or both "
        "0), got " +
        std::to_string(o.min_char) + "-" + std::to_string(o.max_char));
  }
  if (o.max_word < 0 || o.max_word > 3) {
    return absl::InvalidArgumentError(
        "word n-gram length must be in [0, 3], got " +
        std::to_string(o.max_word));
  }
  bool stems_off = o.min_stem == 0 && o.max_stem == 0;
  if (!stems_off &&
      (o.min_stem < 1 || o.max_stem < o.min_stem || o.max_stem > 12)) {
    return absl::InvalidArgumentError(
        "stem lengths must satisfy 1 <= min <= max <= 12 (or both 0), got " +
        std::to_string(o.min_stem) + "-" + std::to_string(o.max_stem));
  }
  if (o.max_repeat < 1) {
    return absl::InvalidArgumentError("max_repeat must be at least 1, got " +
                                      std::to_string(o.max_repeat));
  }
  return absl::OkStatus();
}

std::string CanonicalText(const text::Document& doc, int max_repeat) {
  std::string out;
  for (char32_t c : BuildCanonical(doc, max_repeat).chars) {
    text::AppendCodePoint(c, &out);
  }
  return out;
}

std::vector<std::string> CanonicalWords(const text::Document& doc,
                                        int max_repeat) {
  std::vector<std::string> out;
  for (const std::u32string& w : BuildCanonical(doc, max_repeat).words) {
    std::string& s = out.emplace_back();
    for (char32_t c : w) text::AppendCodePoint(c, &s);
  }
  return out;
}

std::u32string PlainWord(std::u32string_view word) {
  std::u32string out;
  out.reserve(word.size());
  for (char32_t c : word) {
    c = FoldLower(c);
    if (out.empty() || out.back() != c) out.push_back(c);
  }
  return out;
}

size_t ExtractFeatures(const text::Document& doc, const FeatureOptions& options,
                       std::vector<uint32_t>* buckets) {
  Canonical canonical = BuildCanonical(doc, options.max_repeat);
  const int bits = options.bits;
  const size_t start = buckets->size();
  if (options.max_char > 0) {
    std::u32string padded;
    padded.reserve(canonical.chars.size() + 2);
    padded.push_back(' ');
    padded.append(canonical.chars);
    padded.push_back(' ');
    EmitCharGrams(padded, kLowerChar, options.min_char, options.max_char, bits,
                  buckets);
    if (options.folded_chars) {
      for (char32_t& c : padded) c = FoldLower(c);
      EmitCharGrams(padded, kFoldedChar, options.min_char, options.max_char,
                    bits, buckets);
    }
  }
  const size_t char_count = buckets->size() - start;
  const std::vector<std::u32string>& words = canonical.words;
  static constexpr Kind kWordKinds[] = {kWord1, kWord2, kWord3};
  for (int n = 1; n <= options.max_word; ++n) {
    const uint64_t seed = Seed(kWordKinds[n - 1]);
    for (size_t i = 0; i + n <= words.size(); ++i) {
      uint64_t h = seed;
      for (int k = 0; k < n; ++k) {
        if (k > 0) h = Step(h, kWordSeparator);
        h = HashWord(h, words[i + k]);
      }
      buckets->push_back(Reduce(h, bits));
    }
  }
  if (options.max_stem > 0 || options.plain_words) {
    for (const std::u32string& word : words) {
      EmitPlainAndStems(word, options, buckets);
    }
  }
  return char_count;
}

std::vector<std::vector<uint32_t>> TokenFeatures(
    const text::Document& doc, const FeatureOptions& options) {
  Canonical canonical = BuildCanonical(doc, options.max_repeat);
  std::vector<std::vector<uint32_t>> out(doc.tokens().size());
  size_t word = 0;
  for (size_t t = 0; t < doc.tokens().size(); ++t) {
    if (!IsWordToken(doc.tokens()[t].kind)) continue;
    std::u32string w = canonical.words[word++];
    std::vector<uint32_t>& buckets = out[t];
    if (options.max_char > 0) {
      EmitCharGrams(w, kLowerChar, options.min_char, options.max_char,
                    options.bits, &buckets);
      if (options.folded_chars) {
        for (char32_t& c : w) c = FoldLower(c);
        EmitCharGrams(w, kFoldedChar, options.min_char, options.max_char,
                      options.bits, &buckets);
      }
    }
    if (options.max_word >= 1) {
      buckets.push_back(Reduce(
          HashWord(Seed(kWord1), canonical.words[word - 1]), options.bits));
    }
    EmitPlainAndStems(canonical.words[word - 1], options, &buckets);
  }
  return out;
}

uint32_t CharGramBucket(std::u32string_view gram, bool folded, int bits) {
  uint64_t h = Seed(folded ? kFoldedChar : kLowerChar);
  for (char32_t c : gram) h = Step(h, c);
  return Reduce(h, bits);
}

uint32_t StemBucket(std::u32string_view stem, int bits) {
  uint64_t h = Seed(kStem);
  for (char32_t c : stem) h = Step(h, c);
  return Reduce(h, bits);
}

uint32_t PlainWordBucket(std::u32string_view plain, int bits) {
  uint64_t h = Seed(kPlainWord);
  for (char32_t c : plain) h = Step(h, c);
  return Reduce(h, bits);
}

uint32_t WordGramBucket(const std::vector<std::u32string>& words, int bits) {
  static constexpr Kind kWordKinds[] = {kWord1, kWord2, kWord3};
  uint64_t h = Seed(kWordKinds[words.size() - 1]);
  for (size_t k = 0; k < words.size(); ++k) {
    if (k > 0) h = Step(h, kWordSeparator);
    h = HashWord(h, words[k]);
  }
  return Reduce(h, bits);
}

}  // namespace newsroom::classifier
