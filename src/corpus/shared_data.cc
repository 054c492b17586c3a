// Reading is plain: one line at a time, UTF-8 checked, fields split on
// white space. What needs care is the split. Documents are hashed with the
// seed (FNV-1a over "seed:id"), so the parts are fixed for a seed and
// independent of the order files are read in; the 80/10/10 shares hold for
// any seed. Duplicates across parts are removed by a key that ignores case,
// spacing and punctuation (the Penn treebank sentences are tokenised in one
// file and not in the other), keeping the copy in the earliest part, so a
// held-out sentence was never trained on.
//
// Tweets are typed by people, most of them without some of the Turkish
// letters some of the time; only the tweets written with their letters
// throughout can stand as the right answer for restoring them. The test
// asks the frequency lists (Zemberek's counts of 1.89 billion tokens of news
// and web text, wordfreq, OpenSubtitles; Tesseract's word forms) which ASCII
// spellings stand for a word with a Turkish letter — the lists have the
// word with the letter and rarely or never without ("cok", "degil",
// "yapiyorsun") — and keeps a tweet only when it has a Turkish letter and
// none of those. It is a test of the gold answer, made from the lists
// alone, before any model sees the tweets.
//
// Tested by shared_data_test.cc.
#include "corpus/shared_data.h"

#include <array>
#include <cmath>
#include <fstream>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "corpus/builder.h"
#include "text/casing.h"
#include "text/document.h"
#include "text/hash.h"
#include "text/turkish.h"
#include "text/utf8.h"

namespace newsroom::corpus {
namespace {

struct SentenceFile {
  const char* name;
  Genre genre;
  // The whole file is held out: it is kept as a clean test set that no
  // model is trained or tuned on.
  bool held_back = false;
};

// In a fixed order: the order of ReadSentences' output and of precedence
// when a sentence is in two files of the same part.
constexpr SentenceFile kSentenceFiles[] = {
    {"tatoeba.txt", Genre::kConversational},
    {"common-voice-sentences.txt", Genre::kConversational},
    {"common-voice-setimes.txt", Genre::kNews, true},
    {"ntrex-news.txt", Genre::kNews, true},
    {"ud-pud.txt", Genre::kNews, true},
    {"ud-penn.txt", Genre::kNews},
    {"starlang-penn-treebank.txt", Genre::kNews},
    {"wikipedia-ner.txt", Genre::kOther},
    {"ud-boun.txt", Genre::kOther, true},
    {"ud-tourism.txt", Genre::kOther},
    {"ud-kenet.txt", Genre::kOther},
    {"ud-framenet.txt", Genre::kOther},
    {"ud-gb.txt", Genre::kOther},
    {"ud-atis.txt", Genre::kOther},
    {"nutuk-volume1.txt", Genre::kOther},
};

constexpr const char* kTweetFile =
    "offenseval-tr/offenseval-tr-training-v1.tsv";
constexpr const char* kTweetSource = "offenseval-tr";
// An ASCII spelling written less often than this share of its key's
// occurrences in the counted lists stands for a word with a Turkish letter.
constexpr double kWithoutLettersShare = 0.01;

uint64_t Hash(uint64_t seed, std::string_view id) {
  uint64_t h = kSplitBasis;
  for (int i = 0; i < 8; ++i) {
    h = text::Fnv1a64Step(h, (seed >> (8 * i)) & 0xff);
  }
  h = text::Fnv1a64(":", h);
  h = text::Fnv1a64(id, h);
  // FNV's low bits are weak; fold the high ones in.
  return h ^ (h >> 29);
}

absl::Status ReadLines(const std::string& path,
                       std::vector<std::string>* lines) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (absl::Status s = text::ValidateUtf8(line); !s.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", number, ": ", s.message()));
    }
    lines->push_back(std::move(line));
  }
  return absl::OkStatus();
}

// Lower-case letters and digits only: the key under which two copies of a
// sentence meet whatever their spacing and punctuation.
std::string DuplicateKey(std::string_view sentence) {
  std::string lower = text::ToLowerTr(sentence);
  std::string key;
  size_t i = 0;
  while (i < lower.size()) {
    size_t start = i;
    char32_t c = text::NextCodePoint(lower, &i);
    const bool keep = c < 0x80
                          ? (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                          : text::ToUpperTrSimple(c) != c;  // a letter
    if (keep) key.append(lower, start, i - start);
  }
  return key;
}

// The tweet without the data set's "URL" placeholders (mentions are kept:
// "@USER" is a mention like any other).
std::string WithoutUrlPlaceholders(std::string_view tweet) {
  std::vector<absl::string_view> words = absl::StrSplit(
      absl::string_view(tweet.data(), tweet.size()), ' ', absl::SkipEmpty());
  std::string out;
  for (absl::string_view w : words) {
    if (w == "URL") continue;
    if (!out.empty()) out.push_back(' ');
    out.append(w.data(), w.size());
  }
  return out;
}

bool IsWordEntry(std::string_view word) {
  if (word.empty()) return false;
  size_t i = 0;
  bool letter = false;
  while (i < word.size()) {
    char32_t c = text::NextCodePoint(word, &i);
    if (c == '\'' || c == '-' || c == U'’') continue;
    if ((c | 32) >= 'a' && (c | 32) <= 'z') {
      letter = true;
      continue;
    }
    if (c >= 0x80 &&
        (text::ToUpperTrSimple(c) != c || text::ToLowerTrSimple(c) != c)) {
      letter = true;
      continue;
    }
    return false;  // digits, punctuation, markup
  }
  return letter;
}

}  // namespace

const char* PartName(Part part) {
  switch (part) {
    case Part::kTrain:
      return "train";
    case Part::kDev:
      return "dev";
    case Part::kHeldout:
      return "heldout";
  }
  return "?";
}

const char* GenreName(Genre genre) {
  switch (genre) {
    case Genre::kConversational:
      return "conversational";
    case Genre::kNews:
      return "news";
    case Genre::kOther:
      return "other";
  }
  return "?";
}

const char* WordSourceName(WordSource source) {
  switch (source) {
    case WordSource::kZemberek:
      return "zemberek-freq-100k.txt";
    case WordSource::kWordfreq:
      return "wordfreq-small-tr.tsv";
    case WordSource::kOpenSubtitles:
      return "opensubtitles-2018-tr-50k.txt";
    case WordSource::kTesseract:
      return "tesseract-tur-words.txt";
    case WordSource::kStarlangDictionary:
      return "starlang-dictionary.txt";
  }
  return "?";
}

bool IsHeldBack(std::string_view source) {
  for (const SentenceFile& f : kSentenceFiles) {
    if (f.held_back && source == f.name) return true;
  }
  return false;
}

Part PartOf(std::string_view document_id, uint64_t seed) {
  switch (Hash(seed, document_id) % 10) {
    case 0:
      return Part::kHeldout;
    case 1:
      return Part::kDev;
    default:
      return Part::kTrain;
  }
}

absl::flat_hash_set<std::string> TypedWithoutLettersKeys(
    const std::vector<std::vector<WordCount>>& counted,
    const std::vector<std::vector<WordCount>>& uncounted, double share) {
  struct Key {
    bool has_turkish = false;  // some list has a spelling with the letter
    // The smallest share of the ASCII spelling in a counted list that has
    // the key at all, and whether one has.
    double ascii_share = 1;
    bool counted = false;
  };
  absl::flat_hash_map<std::string, Key> keys;
  auto fold = [](const WordCount& w, bool* turkish) {
    const std::string lower = text::ToLowerTr(w.word);
    *turkish = text::HasTurkishLetter(lower);
    return text::AsciiFold(lower);
  };
  for (const auto& list : counted) {
    struct Mass {
      double ascii = 0, turkish = 0;
    };
    absl::flat_hash_map<std::string, Mass> masses;
    for (const WordCount& w : list) {
      bool turkish;
      Mass& m = masses[fold(w, &turkish)];
      (turkish ? m.turkish : m.ascii) += w.per_billion;
    }
    for (const auto& [key, m] : masses) {
      Key& k = keys[key];
      k.has_turkish |= m.turkish > 0;
      if (m.ascii + m.turkish > 0) {
        k.ascii_share =
            std::min(k.ascii_share, m.ascii / (m.ascii + m.turkish));
        k.counted = true;
      }
    }
  }
  for (const auto& list : uncounted) {
    for (const WordCount& w : list) {
      bool turkish;
      std::string key = fold(w, &turkish);
      if (turkish) keys[key].has_turkish = true;
    }
  }
  absl::flat_hash_set<std::string> out;
  for (const auto& [key, k] : keys) {
    if (k.has_turkish && (!k.counted || k.ascii_share <= share)) {
      out.insert(key);
    }
  }
  return out;
}

bool HasWordTypedWithoutLetters(
    std::string_view sentence,
    const absl::flat_hash_set<std::string>& without_letters,
    const std::function<bool(std::string_view)>& lacks_letters) {
  absl::StatusOr<text::Document> doc = text::Document::Parse(sentence);
  if (!doc.ok()) return false;
  for (const text::Token& t : doc->tokens()) {
    if (t.kind != text::TokenKind::kWord) continue;
    if (text::HasTurkishLetter(t.text)) continue;
    std::string key = text::FoldKey(t.text);
    // "Ankara'da": the word before the apostrophe decides.
    if (size_t a = key.find_first_of("'"); a != std::string::npos) {
      key.resize(a);
    }
    if (without_letters.contains(key)) return true;
    if (lacks_letters && lacks_letters(t.text)) return true;
  }
  return false;
}

bool IsTypedWithTurkishLetters(
    std::string_view tweet,
    const absl::flat_hash_set<std::string>& without_letters,
    const std::function<bool(std::string_view)>& lacks_letters) {
  return text::HasTurkishLetter(tweet) &&
         !HasWordTypedWithoutLetters(tweet, without_letters, lacks_letters);
}

absl::StatusOr<std::vector<Sentence>> ReadSentences(
    const SharedDataOptions& options, Part part) {
  if (options.block_lines < 1) {
    return absl::InvalidArgumentError("block_lines must be at least 1");
  }
  // Every sentence of every part, so that duplicates are resolved the same
  // way whichever part is asked for.
  struct Candidate {
    Sentence sentence;
    Part part;
  };
  std::vector<std::vector<WordCount>> counted, uncounted;
  for (WordSource source :
       {WordSource::kZemberek, WordSource::kWordfreq,
        WordSource::kOpenSubtitles, WordSource::kTesseract}) {
    absl::StatusOr<std::vector<WordCount>> words =
        ReadWordCounts(options, source);
    if (!words.ok()) return words.status();
    (source == WordSource::kTesseract ? uncounted : counted)
        .push_back(*std::move(words));
  }
  const absl::flat_hash_set<std::string> without_letters =
      TypedWithoutLettersKeys(counted, uncounted, kWithoutLettersShare);
  std::vector<Candidate> all;
  for (const SentenceFile& f : kSentenceFiles) {
    std::vector<std::string> lines;
    const std::string path =
        absl::StrCat(options.data_dir, "/turkish-text/", f.name);
    if (absl::Status s = ReadLines(path, &lines); !s.ok()) return s;
    for (size_t i = 0; i < lines.size(); ++i) {
      if (lines[i].find_first_not_of(" \t") == std::string::npos) continue;
      if (HasWordTypedWithoutLetters(lines[i], without_letters,
                                     options.lacks_letters)) {
        continue;
      }
      const Part p =
          f.held_back
              ? Part::kHeldout
              : PartOf(absl::StrCat(f.name, "#", i / options.block_lines),
                       options.seed);
      all.push_back({{std::move(lines[i]), f.name, f.genre}, p});
    }
  }
  if (options.tweets) {
    std::vector<std::string> lines;
    const std::string path = absl::StrCat(options.data_dir, "/", kTweetFile);
    if (absl::Status s = ReadLines(path, &lines); !s.ok()) return s;
    for (size_t i = 1; i < lines.size(); ++i) {  // line 0 is the header
      std::vector<absl::string_view> fields = absl::StrSplit(lines[i], '\t');
      if (fields.size() != 3) {
        return absl::InvalidArgumentError(
            absl::StrCat(path, ":", i + 1, ": expected id, tweet and label"));
      }
      std::string tweet =
          WithoutUrlPlaceholders({fields[1].data(), fields[1].size()});
      if (!IsTypedWithTurkishLetters(tweet, without_letters,
                                     options.lacks_letters)) {
        continue;
      }
      const Part p = PartOf("tweet#" + std::string(fields[0]), options.seed);
      all.push_back(
          {{std::move(tweet), kTweetSource, Genre::kConversational}, p});
    }
  }
  // The earliest part that has each sentence.
  absl::flat_hash_map<std::string, Part> first;
  for (const Candidate& c : all) {
    auto [it, inserted] =
        first.try_emplace(DuplicateKey(c.sentence.text), c.part);
    if (!inserted && c.part < it->second) it->second = c.part;
  }
  std::vector<Sentence> out;
  absl::flat_hash_set<std::string> taken;
  for (Candidate& c : all) {
    if (c.part != part) continue;
    std::string key = DuplicateKey(c.sentence.text);
    if (first[key] != part || !taken.insert(key).second) continue;
    out.push_back(std::move(c.sentence));
  }
  return out;
}

absl::StatusOr<std::vector<WordCount>> ReadWordCounts(
    const SharedDataOptions& options, WordSource source) {
  const std::string path =
      absl::StrCat(options.data_dir, "/turkish-words/", WordSourceName(source));
  std::vector<std::string> lines;
  if (absl::Status s = ReadLines(path, &lines); !s.ok()) return s;
  std::vector<WordCount> out;
  double total = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::vector<absl::string_view> fields =
        absl::StrSplit(lines[i], absl::ByAnyChar(" \t"), absl::SkipEmpty());
    if (fields.empty()) continue;
    WordCount w;
    w.word = std::string(fields[0]);
    const bool counted = source == WordSource::kZemberek ||
                         source == WordSource::kWordfreq ||
                         source == WordSource::kOpenSubtitles;
    if (counted) {
      if (fields.size() != 2) {
        return absl::InvalidArgumentError(
            absl::StrCat(path, ":", i + 1, ": expected a word and a count"));
      }
      char* end = nullptr;
      const std::string number(fields[1]);
      w.per_billion = std::strtod(number.c_str(), &end);
      if (end == number.c_str() || *end != '\0' || !(w.per_billion >= 0)) {
        return absl::InvalidArgumentError(
            absl::StrCat(path, ":", i + 1, ": not a count: \"", number, "\""));
      }
    }
    // Tokens that are not words count towards the total (they are part of
    // the corpus the counts are from) but are not listed.
    total += w.per_billion;
    if (!IsWordEntry(w.word)) continue;
    out.push_back(std::move(w));
  }
  if (total > 0) {
    // wordfreq gives shares already; the others, counts.
    const double scale = source == WordSource::kWordfreq ? 1e9 : 1e9 / total;
    for (WordCount& w : out) w.per_billion *= scale;
  }
  return out;
}

absl::StatusOr<std::vector<Misspelling>> ReadMisspellings(
    const SharedDataOptions& options, Part part) {
  const std::string path = absl::StrCat(
      options.data_dir, "/turkish-words/starlang-misspellings.txt");
  std::vector<std::string> lines;
  if (absl::Status s = ReadLines(path, &lines); !s.ok()) return s;
  std::vector<Misspelling> out;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::vector<absl::string_view> fields =
        absl::StrSplit(lines[i], absl::ByAnyChar(" \t"), absl::SkipEmpty());
    if (fields.empty()) continue;
    if (fields.size() != 2) {
      return absl::InvalidArgumentError(absl::StrCat(
          path, ":", i + 1, ": expected a wrong and a right word"));
    }
    const std::string wrong(fields[0]);
    const std::string right(fields[1]);
    if (wrong == right || !IsWordEntry(wrong) || !IsWordEntry(right)) {
      continue;
    }
    if (PartOf("starlang#" + text::ToLowerTr(right), options.seed) != part) {
      continue;
    }
    out.push_back({wrong, right});
  }
  return out;
}

}  // namespace newsroom::corpus
