// The features the offensive-language model reads: hashed character n-grams
// and word n-grams of a comment's canonical text.
//
//   FeatureOptions options;                     // char 1–5, words 1–2, 2^22
//   std::vector<uint32_t> buckets;
//   ExtractFeatures(doc, options, &buckets);    // ~1,150 bucket ids a tweet
//   double margin = 0;
//   for (uint32_t b : buckets) margin += weight[b];
//
// The canonical text is what the model sees of a comment: the NFC tokens in
// Turkish lower case ("İSTANBUL'DA" → "istanbul'da"), every @mention as
// "@user" and every link as "url" (as in the OffensEval training data), the
// punctuation between tokens kept ("a.q", "o.ç" carry meaning) and white
// space collapsed to one space, and letters repeated more than
// `max_repeat` times cut down ("yeteeeer" → "yeteer").
//
// A bucket id is a hash of (feature kind, n-gram) reduced to `bits` bits;
// one id is emitted per occurrence, so a feature seen twice counts twice.
// Kinds: character n-grams of the lower-case text, of its ASCII fold
// ("ş"→"s", "ı"→"i", …: many comments are typed without Turkish letters, and
// the fold lets "şerefsiz" and "serefsiz" share weight), and word n-grams.
// The hash is fixed (FNV-1a over code points, then a multiplicative mix), so
// ids are the same on every machine and a model file stays valid.
//
// All functions are pure and thread-safe (each thread keeps its own scratch
// buffers).
#ifndef NEWSROOM_CLASSIFIER_FEATURES_H_
#define NEWSROOM_CLASSIFIER_FEATURES_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "text/document.h"

namespace newsroom::classifier {

// Figures in the comments: mean macro-F1 of 5-fold cross-validation on the
// train split with the default training options (train.h). The character
// and word n-gram figures were measured before stems and plain words were
// added (then the default gave 0.784); the defaults now give 0.786.
struct FeatureOptions {
  // Hash space: 2^bits buckets. More bits mean fewer collisions and a larger
  // model (2 bytes a bucket in memory): 18 → 0.781, 20 → 0.784 (before
  // stems and plain words); with them 20 → 0.785, 22 → 0.786 (8 MiB).
  int bits = 22;
  // Character n-gram lengths, in code points, over " " + canonical + " ".
  // min_char = max_char = 0 turns character n-grams off. They carry almost
  // all of the signal: 1–4 → 0.777, 2–5 → 0.782, 1–5 → 0.784, 1–6 → 0.783.
  int min_char = 1;
  int max_char = 5;
  // Also emit character n-grams of the ASCII-folded text. When the text has
  // no Turkish letters the folded n-grams are emitted all the same, so the
  // number of features does not depend on how the comment was typed.
  // Off → 0.781.
  bool folded_chars = true;
  // Word n-grams 1..max_word (0 turns them off), over the canonical words.
  // Next to character n-grams they add little at this data size (0, 1, 2
  // and 3 all give 0.784) but cost little either.
  int max_word = 2;
  // Runs of one code point longer than this are cut to this length:
  // 2 → 0.784, 3 → 0.784.
  int max_repeat = 2;

  // Word-level features that generalise over Turkish suffixes and typing
  // habits. Each is computed from the "plain" form of a canonical word: ASCII
  // folded, every run of one letter cut to one ("şerefsizzz" → "serefsiz").
  //
  // Prefix stems: the first k code points of the plain word, for each k in
  // [min_stem, max_stem] no longer than the word (a word shorter than
  // min_stem is its own stem). Turkish is suffixing, so a prefix is a cheap
  // stemmer: "gerizekalılar", "gerizekalıya" share "geriz". 0-0 turns
  // them off. Off → 0.785 (with plain words), 3–7 → 0.787.
  int min_stem = 4;
  int max_stem = 6;
  // The plain word itself as a unigram, so that "şerefsiz", "serefsizzz"
  // and "ŞEREFSİZ" share one word feature. At 2^20 buckets with stems:
  // off → 0.785, on → 0.785 (dev 0.793 → 0.796).
  bool plain_words = true;
  // Normalisation. false: every feature occurrence counts 1/√n, n all the
  // comment's occurrences. true: character n-grams count 1/√n_c and word
  // features (n-grams, stems, plain words) 1/√n_w, n_c and n_w the
  // occurrences in each group, so that the few word features of a comment
  // are not drowned by its hundreds of character n-grams. On → 0.784 (at
  // 2^20 with stems and plain words, against 0.785 off). Needed by
  // TrainOptions::ensemble.
  bool group_norm = false;
  // Names of groups of people and faiths read as one placeholder word
  // ("Suriyeliler", "Yahudi", "ateist" → the same word), so that no
  // group's name carries weight of its own: the model learns what is said
  // of a group, not which group is named. The caller marks the tokens to
  // replace (TargetMask in lexicon_features.h), at training and at scoring
  // alike.
  // `newsroom train offensive` turns it on (--no-target-placeholder: off).
  bool target_placeholder = false;
};

// The word a marked token is read as when target_placeholder is on.
inline constexpr std::string_view kTargetPlaceholder = "_grup_";

// Per token of a document (doc.tokens() order), 1 where the token is to be
// read as kTargetPlaceholder. Empty: no token is.
using TokenMask = std::span<const uint8_t>;

// InvalidArgument unless 10 <= bits <= 26, 0 <= min_char <= max_char <= 8
// (min_char >= 1 unless both are 0), 0 <= max_word <= 3, 1 <= max_repeat,
// 0 <= min_stem <= max_stem <= 12 (min_stem >= 1 unless both are 0).
absl::Status ValidateFeatureOptions(const FeatureOptions& options);

// The canonical text of `doc` (see above), as UTF-8, without padding.
std::string CanonicalText(const text::Document& doc, int max_repeat,
                          TokenMask mask = {});

// The canonical words of `doc`: its word, number, hashtag, mention ("@user")
// and link ("url") tokens in canonical form, in order. Emoji are not words.
std::vector<std::string> CanonicalWords(const text::Document& doc,
                                        int max_repeat, TokenMask mask = {});

// Appends one bucket id in [0, 2^options.bits) per feature occurrence of
// `doc` to `buckets` (which is not cleared): character n-grams of
// " " + canonical + " " (lower case, then folded), then the word features
// (word n-grams, prefix stems, plain words). Returns how many character
// n-grams it appended: the word features are the rest.
//
// With `prefetch`, a table of 2^options.bits weights that the caller is
// about to read at the ids appended, each prefetch[id] is prefetched as the
// id is computed, so that the cache misses of those reads overlap the
// hashing. The ids are the same either way.
// REQUIRES: ValidateFeatureOptions(options).ok()
// `mask` marks the tokens read as kTargetPlaceholder (ignored unless
// options.target_placeholder). `leave_out` marks tokens read as if they
// were not in the comment at all: the text around them closes up, so no
// n-gram or word feature reaches into them.
size_t ExtractFeatures(const text::Document& doc, const FeatureOptions& options,
                       std::vector<uint32_t>* buckets,
                       const int16_t* prefetch = nullptr, TokenMask mask = {},
                       TokenMask leave_out = {});

// The plain form of a canonical word (see FeatureOptions): ASCII folded,
// runs of one code point cut to one.
std::u32string PlainWord(std::u32string_view word);

// For each token of `doc` (same order and size as doc.tokens()), the
// bucket ids of the features inside it: the character n-grams of its
// canonical form without padding, lower case and folded, its word unigram,
// then its plain word and prefix stems. Empty for emoji. Used to point at
// the words behind a score.
// REQUIRES: ValidateFeatureOptions(options).ok()
std::vector<std::vector<uint32_t>> TokenFeatures(const text::Document& doc,
                                                 const FeatureOptions& options,
                                                 TokenMask mask = {});

// TokenFeatures in one flat array, plus what is needed to normalise them
// like the whole comment's features; a list can be reused from comment to
// comment without allocating.
struct TokenFeatureList {
  std::vector<uint32_t> buckets;  // every token's ids, token after token
  std::vector<uint32_t> ends;     // token t's end in buckets, per token
  // How many ids ExtractFeatures appends for the whole comment (counted,
  // not computed).
  size_t comment_features = 0;

  // Token t's ids. REQUIRES: t < ends.size()
  std::span<const uint32_t> of(size_t t) const {
    const uint32_t begin = t == 0 ? 0 : ends[t - 1];
    return std::span<const uint32_t>(buckets).subspan(begin, ends[t] - begin);
  }
};

// Fills `out` (its previous contents are replaced) for `doc`.
// REQUIRES: ValidateFeatureOptions(options).ok()
void ListTokenFeatures(const text::Document& doc, const FeatureOptions& options,
                       TokenFeatureList* out, TokenMask mask = {});

// The bucket of one character n-gram of the lower-case (or, with `folded`,
// of the folded) text, and of one word n-gram. For tests and for reading a
// model ("what weight does "aq" carry?").
// REQUIRES: 1 <= words.size() <= 3
uint32_t CharGramBucket(std::u32string_view gram, bool folded, int bits);
uint32_t WordGramBucket(const std::vector<std::u32string>& words, int bits);
// The bucket of a prefix stem and of a plain word (both in plain form).
uint32_t StemBucket(std::u32string_view stem, int bits);
uint32_t PlainWordBucket(std::u32string_view plain, int bits);

}  // namespace newsroom::classifier

#endif  // NEWSROOM_CLASSIFIER_FEATURES_H_
