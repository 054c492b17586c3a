// Feature extraction is the hot path of scoring (about 1,150 hashes a tweet),
// so it works on code-point buffers and hashes incrementally: from each
// start position the FNV-1a state of the 1-gram is extended by one code
// point to give the 2-gram, and so on up to max_char, and each state is
// reduced to a bucket id with one multiply. The bucket ids of the character
// n-grams are counted first and written through a pointer into space
// reserved for them.
//
// The canonical text is built in one pass over the tokens, as code points.
// Turkish lower-casing maps one code point to one code point, and for the
// code points nearly every comment is made of (ASCII and the Turkish
// letters) it needs no context, so it is done by hand per code point
// (text::ToLowerTrSimple); any other code point sends the whole text
// through ICU (text::ToLowerTr), and the token boundaries recorded before
// lower-casing still hold after it unless the length changed (a per-token
// fallback covers that theoretical case).
//
// The buffers (canonical text, words, padded text) live in one Canonical
// per thread and keep their capacity, so extracting the features of a
// comment allocates nothing once the thread has seen a comment that long.
// Scoring wants the weights of the ids emitted, each a random read into a
// table of several MiB: ExtractFeatures can prefetch each weight as its id
// is computed, so that the reads overlap the hashing of the rest of the
// comment instead of waiting for it.
//
// Tested by features_test.cc.
#include "classifier/features.h"

#include <algorithm>
#include <string_view>

#include "text/casing.h"
#include "text/hash.h"
#include "text/utf8.h"

namespace newsroom::classifier {
namespace {

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

inline uint64_t Step(uint64_t h, char32_t c) { return text::Fnv1a64Step(h, c); }

inline uint64_t Seed(Kind kind) { return Step(text::kFnv1a64Basis, kind); }

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

inline char32_t FoldLower(char32_t c) {
  if (c < 0x80) return c;
  char folded = text::AsciiFoldLower(c);
  return folded != 0 ? static_cast<char32_t>(folded) : c;
}

// The next code point of valid UTF-8 `s` at *i, with ASCII inline.
inline char32_t Next(std::string_view s, size_t* i) {
  const unsigned char b = static_cast<unsigned char>(s[*i]);
  if (b < 0x80) {
    ++*i;
    return b;
  }
  return text::NextCodePoint(s, i);
}

// The buffers below are written through raw pointers into space resized
// beforehand to a bound, then cut to what was written: push_back on a
// std::u32string re-reads its size and rewrites its terminator for every
// code point, which cost more than the hashing.

// Writes the code points of valid UTF-8 `s` from `out` on (at most
// s.size() of them); returns the end.
char32_t* WriteDecoded(std::string_view s, char32_t* out) {
  size_t i = 0;
  while (i < s.size()) *out++ = Next(s, &i);
  return out;
}

std::u32string Decode(std::string_view s) {
  std::u32string out(s.size(), 0);
  out.resize(WriteDecoded(s, out.data()) - out.data());
  return out;
}

// Appends `s` with runs of one code point cut to `max_repeat`.
void AppendSqueezed(const char32_t* s, size_t n, int max_repeat,
                    std::u32string* out) {
  const size_t start = out->size();
  out->resize(start + n);
  char32_t* w = out->data() + start;
  int run = 0;
  char32_t last = 0;
  for (size_t i = 0; i < n; ++i) {
    const char32_t c = s[i];
    run = (c == last) ? run + 1 : 1;
    last = c;
    *w = c;
    w += run <= max_repeat;
  }
  out->resize(w - out->data());
}

bool IsWordToken(text::TokenKind kind) {
  return kind != text::TokenKind::kEmoji;
}

// A comment's canonical form (features.h), and scratch space for building
// it and its features. One per thread (Scratch()), reused from comment to
// comment.
struct Canonical {
  std::u32string chars;             // lower case, squeezed, no padding
  std::u32string word_chars;        // the words, lower case, squeezed
  std::vector<uint32_t> word_ends;  // word i ends at word_ends[i]

  size_t word_count() const { return word_ends.size(); }
  std::u32string_view word(size_t i) const {
    const uint32_t begin = i == 0 ? 0 : word_ends[i - 1];
    return std::u32string_view(word_chars).substr(begin, word_ends[i] - begin);
  }

  // Scratch.
  std::u32string raw;    // before lower-casing
  std::u32string lower;  // raw in lower case
  std::vector<std::pair<uint32_t, uint32_t>> word_ranges;  // in raw
  std::u32string padded;
  std::u32string token;
  std::u32string plain;
};

Canonical& Scratch() {
  thread_local Canonical canonical;
  return canonical;
}

void BuildCanonical(const text::Document& doc, int max_repeat, Canonical* out,
                    TokenMask mask, TokenMask leave_out = {}) {
  // Pass 1: the canonical text before lower-casing, with the code-point
  // range of every word-like token. Each code point of the original gives
  // at most one (a gap) or none (inside a token, replaced by the token's
  // text: at most one code point a byte, or "@user"), plus one space
  // before each token and one after the last.
  const std::string& original = doc.original();
  size_t bound = original.size() + 1;
  for (const text::Token& token : doc.tokens()) {
    bound += std::max<size_t>(token.text.size(), 6) + 1;
  }
  std::u32string& raw = out->raw;
  raw.resize(bound);
  char32_t* const raw_begin = raw.data();
  char32_t* w = raw_begin;
  out->word_ranges.clear();
  size_t at = 0;  // byte offset into original
  int at_cp = 0;  // code-point offset into original
  bool pending_space = false;
  auto flush_space = [&] {
    if (pending_space && w != raw_begin) *w++ = ' ';
    pending_space = false;
  };
  for (size_t index = 0; index < doc.tokens().size(); ++index) {
    const text::Token& token = doc.tokens()[index];
    // The gap before the token: punctuation kept, white space collapsed.
    while (at_cp < token.begin && at < original.size()) {
      char32_t c = Next(original, &at);
      ++at_cp;
      if (IsSpace(c)) {
        pending_space = true;
      } else {
        flush_space();
        *w++ = c;
      }
    }
    // Skip the token itself in the original.
    while (at_cp < token.end && at < original.size()) {
      Next(original, &at);
      ++at_cp;
    }
    if (index < leave_out.size() && leave_out[index] != 0) {
      // Left out: the gaps on either side become one.
      pending_space = true;
      continue;
    }
    flush_space();
    std::string_view piece = token.text;
    if (token.kind == text::TokenKind::kMention) piece = "@user";
    if (token.kind == text::TokenKind::kUrl) piece = "url";
    if (index < mask.size() && mask[index] != 0) piece = kTargetPlaceholder;
    const uint32_t begin = static_cast<uint32_t>(w - raw_begin);
    w = WriteDecoded(piece, w);
    if (IsWordToken(token.kind)) {
      out->word_ranges.emplace_back(begin,
                                    static_cast<uint32_t>(w - raw_begin));
    }
  }
  while (at < original.size()) {
    char32_t c = Next(original, &at);
    if (IsSpace(c)) {
      pending_space = true;
    } else {
      flush_space();
      *w++ = c;
    }
  }
  raw.resize(w - raw_begin);

  // Pass 2: lower case, then words and squeezed characters.
  std::u32string& lower = out->lower;
  lower.resize(raw.size());
  bool simple = true;
  for (size_t i = 0; i < raw.size(); ++i) {
    const char32_t c = text::ToLowerTrSimple(raw[i]);
    if (c == 0) {
      simple = false;
      break;
    }
    lower[i] = c;
  }
  std::string utf8;  // raw as UTF-8, for ICU
  if (!simple) {
    for (char32_t c : raw) text::AppendCodePoint(c, &utf8);
    lower = Decode(text::ToLowerTr(utf8));
  }
  out->word_chars.clear();
  out->word_ends.clear();
  if (lower.size() == raw.size()) {
    for (auto [begin, end] : out->word_ranges) {
      AppendSqueezed(lower.data() + begin, end - begin, max_repeat,
                     &out->word_chars);
      out->word_ends.push_back(static_cast<uint32_t>(out->word_chars.size()));
    }
  } else {
    for (auto [begin, end] : out->word_ranges) {
      std::string piece;
      for (uint32_t k = begin; k < end; ++k) {
        text::AppendCodePoint(raw[k], &piece);
      }
      std::u32string low = Decode(text::ToLowerTr(piece));
      AppendSqueezed(low.data(), low.size(), max_repeat, &out->word_chars);
      out->word_ends.push_back(static_cast<uint32_t>(out->word_chars.size()));
    }
  }
  out->chars.clear();
  AppendSqueezed(lower.data(), lower.size(), max_repeat, &out->chars);
}

// How many n-grams of lengths min_n..max_n a text of `size` code points has.
size_t CharGramCount(size_t size, int min_n, int max_n) {
  size_t count = 0;
  for (int n = min_n; n <= max_n; ++n) {
    if (size >= static_cast<size_t>(n)) count += size - n + 1;
  }
  return count;
}

// Writes the bucket ids of the n-grams of `s` (CharGramCount of them) from
// `out` on, prefetching their weights from `prefetch` with kPrefetch.
// Returns the end of what it wrote.
template <bool kPrefetch>
uint32_t* EmitCharGrams(std::u32string_view s, Kind kind, int min_n, int max_n,
                        int bits, const int16_t* prefetch, uint32_t* out) {
  const uint64_t seed = Seed(kind);
  const size_t size = s.size();
  const char32_t* p = s.data();
  const size_t first = static_cast<size_t>(min_n);
  for (size_t i = 0; i < size; ++i) {
    uint64_t h = seed;
    const size_t limit = std::min(size - i, static_cast<size_t>(max_n));
    size_t n = 1;
    for (; n < first && n <= limit; ++n) h = Step(h, p[i + n - 1]);
    for (; n <= limit; ++n) {
      h = Step(h, p[i + n - 1]);
      const uint32_t b = Reduce(h, bits);
      if constexpr (kPrefetch) __builtin_prefetch(prefetch + b);
      *out++ = b;
    }
  }
  return out;
}

uint32_t* EmitCharGrams(std::u32string_view s, Kind kind, int min_n, int max_n,
                        int bits, const int16_t* prefetch, uint32_t* out) {
  return prefetch != nullptr
             ? EmitCharGrams<true>(s, kind, min_n, max_n, bits, prefetch, out)
             : EmitCharGrams<false>(s, kind, min_n, max_n, bits, nullptr, out);
}

// Appends the character n-grams of `s` (lower case, then folded when the
// options say so) to `buckets`. `s` is folded in place.
void AppendCharGrams(std::u32string* s, const FeatureOptions& options,
                     const int16_t* prefetch, std::vector<uint32_t>* buckets) {
  const size_t count =
      CharGramCount(s->size(), options.min_char, options.max_char);
  const size_t start = buckets->size();
  buckets->resize(start + (options.folded_chars ? 2 : 1) * count);
  uint32_t* out = buckets->data() + start;
  out = EmitCharGrams(*s, kLowerChar, options.min_char, options.max_char,
                      options.bits, prefetch, out);
  if (options.folded_chars) {
    for (char32_t& c : *s) c = FoldLower(c);
    EmitCharGrams(*s, kFoldedChar, options.min_char, options.max_char,
                  options.bits, prefetch, out);
  }
}

inline void Emit(uint32_t b, const int16_t* prefetch,
                 std::vector<uint32_t>* buckets) {
  if (prefetch != nullptr) __builtin_prefetch(prefetch + b);
  buckets->push_back(b);
}

uint64_t HashWord(uint64_t h, std::u32string_view word) {
  for (char32_t c : word) h = Step(h, c);
  return h;
}

// Writes the plain form of `word` (features.h) to `out`.
void MakePlain(std::u32string_view word, std::u32string* out) {
  out->resize(word.size());
  char32_t* const begin = out->data();
  char32_t* w = begin;
  for (char32_t c : word) {
    c = FoldLower(c);
    if (w == begin || w[-1] != c) *w++ = c;
  }
  out->resize(w - begin);
}

// The plain word and its prefix stems (features.h), in that order; `plain`
// is scratch space.
void EmitPlainAndStems(std::u32string_view word, const FeatureOptions& options,
                       std::u32string* plain, const int16_t* prefetch,
                       std::vector<uint32_t>* buckets) {
  if (!options.plain_words && options.max_stem == 0) return;
  MakePlain(word, plain);
  if (options.plain_words) {
    Emit(Reduce(HashWord(Seed(kPlainWord), *plain), options.bits), prefetch,
         buckets);
  }
  if (options.max_stem == 0) return;
  // One hash state extended letter by letter, emitted at each length.
  uint64_t h = Seed(kStem);
  const int size = static_cast<int>(plain->size());
  const int last = std::min(size, options.max_stem);
  for (int k = 1; k <= last; ++k) {
    h = Step(h, (*plain)[k - 1]);
    if (k >= options.min_stem || k == size) {
      Emit(Reduce(h, options.bits), prefetch, buckets);
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

std::string CanonicalText(const text::Document& doc, int max_repeat,
                          TokenMask mask) {
  Canonical& canonical = Scratch();
  BuildCanonical(doc, max_repeat, &canonical, mask);
  std::string out;
  for (char32_t c : canonical.chars) text::AppendCodePoint(c, &out);
  return out;
}

std::vector<std::string> CanonicalWords(const text::Document& doc,
                                        int max_repeat, TokenMask mask) {
  Canonical& canonical = Scratch();
  BuildCanonical(doc, max_repeat, &canonical, mask);
  std::vector<std::string> out;
  for (size_t i = 0; i < canonical.word_count(); ++i) {
    std::string& s = out.emplace_back();
    for (char32_t c : canonical.word(i)) text::AppendCodePoint(c, &s);
  }
  return out;
}

std::u32string PlainWord(std::u32string_view word) {
  std::u32string out;
  out.reserve(word.size());
  MakePlain(word, &out);
  return out;
}

size_t ExtractFeatures(const text::Document& doc, const FeatureOptions& options,
                       std::vector<uint32_t>* buckets, const int16_t* prefetch,
                       TokenMask mask, TokenMask leave_out) {
  Canonical& canonical = Scratch();
  BuildCanonical(doc, options.max_repeat, &canonical,
                 options.target_placeholder ? mask : TokenMask(), leave_out);
  const int bits = options.bits;
  const size_t start = buckets->size();
  if (options.max_char > 0) {
    std::u32string& padded = canonical.padded;
    padded.clear();
    padded.push_back(' ');
    padded.append(canonical.chars);
    padded.push_back(' ');
    AppendCharGrams(&padded, options, prefetch, buckets);
  }
  const size_t char_count = buckets->size() - start;
  const size_t words = canonical.word_count();
  static constexpr Kind kWordKinds[] = {kWord1, kWord2, kWord3};
  for (int n = 1; n <= options.max_word; ++n) {
    const uint64_t seed = Seed(kWordKinds[n - 1]);
    for (size_t i = 0; i + n <= words; ++i) {
      uint64_t h = seed;
      for (int k = 0; k < n; ++k) {
        if (k > 0) h = Step(h, kWordSeparator);
        h = HashWord(h, canonical.word(i + k));
      }
      Emit(Reduce(h, bits), prefetch, buckets);
    }
  }
  for (size_t i = 0; i < words; ++i) {
    EmitPlainAndStems(canonical.word(i), options, &canonical.plain, prefetch,
                      buckets);
  }
  return char_count;
}

void ListTokenFeatures(const text::Document& doc, const FeatureOptions& options,
                       TokenFeatureList* out, TokenMask mask) {
  out->buckets.clear();
  out->ends.clear();
  Canonical& canonical = Scratch();
  BuildCanonical(doc, options.max_repeat, &canonical,
                 options.target_placeholder ? mask : TokenMask());
  // ExtractFeatures' count, without hashing.
  const size_t words = canonical.word_count();
  size_t total = 0;
  if (options.max_char > 0) {
    total += (options.folded_chars ? 2 : 1) *
             CharGramCount(canonical.chars.size() + 2, options.min_char,
                           options.max_char);
  }
  for (int n = 1; n <= options.max_word; ++n) {
    if (words >= static_cast<size_t>(n)) total += words - n + 1;
  }
  size_t word = 0;
  for (const text::Token& token : doc.tokens()) {
    if (IsWordToken(token.kind)) {
      const std::u32string_view w = canonical.word(word++);
      if (options.max_char > 0) {
        canonical.token.assign(w);
        AppendCharGrams(&canonical.token, options, nullptr, &out->buckets);
      }
      if (options.max_word >= 1) {
        out->buckets.push_back(Reduce(HashWord(Seed(kWord1), w), options.bits));
      }
      const size_t before = out->buckets.size();
      EmitPlainAndStems(w, options, &canonical.plain, nullptr, &out->buckets);
      total += out->buckets.size() - before;
    }
    out->ends.push_back(static_cast<uint32_t>(out->buckets.size()));
  }
  out->comment_features = total;
}

std::vector<std::vector<uint32_t>> TokenFeatures(const text::Document& doc,
                                                 const FeatureOptions& options,
                                                 TokenMask mask) {
  TokenFeatureList list;
  ListTokenFeatures(doc, options, &list, mask);
  std::vector<std::vector<uint32_t>> out;
  out.reserve(list.ends.size());
  for (size_t t = 0; t < list.ends.size(); ++t) {
    std::span<const uint32_t> b = list.of(t);
    out.emplace_back(b.begin(), b.end());
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
