// Training is counting, in three passes.
//
// First, how often each spelling is written. Every source — each running
// text, each frequency list — gives a frequency per billion words of its
// own; a spelling's frequency is their weighted mean. The lists bring the
// breadth (Zemberek's counts come from 1.89 billion words, so "hükümet" and
// "değil" are there with their true weight, and rare words are there at
// all), the texts bring the register of comments (subtitles and tweets say
// "napıyorsun"), but tweets also write words half in ASCII ("arkadasımla"),
// so a spelling with some of the Turkish letters of another spelling of
// its key and not the others is kept only when a list has it too. Cased
// lists write names with capitals, and a capital I is ı's capital in
// Turkish words but i's in foreign ones ("Işık", "Instagram"); the lower
// case of such a word follows the lower-case spellings the sources have,
// and a word none of them has in lower case is kept only when another
// Turkish letter says it is Turkish.
//
// Second, from the texts only, the context of the words whose key has
// several spellings: the previous word ("^" at a sentence start), the next
// word (">…", ">$" at the end), the last vowel of the previous word ("~…",
// which carries vowel harmony to clitics written apart: "yapar mı"), and
// capitals ("!"). And for every word with an apostrophe, its suffix
// ("'nin") under the last vowel of the part before it, so that the suffix
// of a name never seen follows the name's vowels.
//
// Third, the letter model, from each distinct spelling once (a type, not a
// token, so that frequent words do not drown the rare ones that the letter
// model exists for): every window of up to max_left letters before (as
// restored) and max_right after (as typed) each ambiguous letter, with
// whether the letter was Turkish.
//
// Then rows that cannot change a decision are pruned (Model::Finish) and
// the tables are written sorted, so that the output depends on nothing but
// the data and the options.
//
// Tested by train_test.cc.
#include "deasciify/train.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "deasciify/internal/letter_model.h"
#include "deasciify/internal/letters.h"
#include "deasciify/internal/model.h"
#include "text/casing.h"
#include "text/document.h"
#include "text/turkish.h"
#include "text/utf8.h"

namespace newsroom::deasciify {
namespace {

using internal::Model;

// Frequencies are stored as whole numbers per ten billion words.
constexpr double kCountScale = 10.0;

absl::Status CheckOptions(const TrainOptions& o) {
  if (o.max_left < 0 || o.max_left > 16 || o.max_right < 0 ||
      o.max_right > 16) {
    return absl::InvalidArgumentError(
        absl::StrCat("window sizes must be within 0..16, got left ", o.max_left,
                     " and right ", o.max_right));
  }
  if (o.min_window_count < 1 || o.min_context_count < 1) {
    return absl::InvalidArgumentError("minimum counts must be at least 1");
  }
  if (!(o.min_form_share >= 0 && o.min_form_share < 1) ||
      !(o.uncounted_per_billion >= 0)) {
    return absl::InvalidArgumentError(
        "min_form_share must be in [0, 1) and uncounted_per_billion >= 0");
  }
  return absl::OkStatus();
}

// â î û and their capitals as a i u A I U, the typographic apostrophe as
// the plain one; other code points as they are.
char32_t Plain(char32_t c) {
  return c == U'\u2019' ? U'\'' : text::WithoutCircumflex(c);
}

// The lower-case spelling of a word, and its key; empty when the word
// cannot be restored from ASCII (other letters, digits, no c g i o s u
// needed) — except that words without an ambiguous letter still get a form
// (they count in the frequencies) with `ambiguous` false.
struct Spelling {
  std::u32string form;
  std::string key;
  bool ambiguous = false;
};

// Lower case of `word` (Turkish rules, circumflexes dropped), where a
// capital I is ı unless `foreign_i`. Returns false for anything that is
// not letters and inner apostrophes.
bool Lower(std::string_view word, bool foreign_i, Spelling* out) {
  out->form.clear();
  out->key.clear();
  out->ambiguous = false;
  size_t i = 0;
  while (i < word.size()) {
    char32_t c = Plain(text::NextCodePoint(word, &i));
    if (c == 'I') {
      c = foreign_i ? internal::kForeignI : U'ı';
    } else {
      c = text::ToLowerTrSimple(c);
      if (c == 'i' && foreign_i) c = internal::kForeignI;
    }
    const char k = internal::KeyByte(c);
    if (k == 0 || (k >= '0' && k <= '9')) return false;
    if (text::TurkishCounterpart(k) != 0) out->ambiguous = true;
    out->form.push_back(c);
    out->key.push_back(k);
  }
  return !out->key.empty() && out->key.front() != '\'' &&
         out->key.back() != '\'';
}

bool HasCapitalI(std::string_view word) {
  return word.find('I') != std::string_view::npos;
}

// Every source's frequencies, then their weighted mean.
class Frequencies {
 public:
  // Spellings in lower case seen anywhere, for Resolve().
  void NoteLowerCase(std::string_view word) {
    Spelling s;
    if (text::CountCase(word).upper == 0 && Lower(word, false, &s)) {
      lower_.insert(s.form);
    }
  }

  // The spelling of `word` (see the file comment on capital I); false when
  // it is not a restorable word or its I cannot be told.
  bool Resolve(std::string_view word, Spelling* out) const {
    if (!HasCapitalI(word)) return Lower(word, false, out);
    Spelling turkish, foreign;
    const bool t = Lower(word, false, &turkish);
    const bool f = Lower(word, true, &foreign);
    if (!t || !f) return false;
    if (lower_.contains(turkish.form)) {
      *out = turkish;
    } else if (lower_.contains(foreign.form)) {
      *out = foreign;
    } else {
      // A Turkish letter elsewhere says the I is ı's capital ("IĞDIR").
      bool other_turkish = false;
      for (char32_t c : turkish.form) {
        other_turkish |= c != U'ı' && text::IsTurkishLetter(c);
      }
      if (!other_turkish) return false;
      *out = turkish;
    }
    return true;
  }

  void StartSource(double weight) {
    sources_.push_back({weight, {}});
    total_weight_ += weight;
  }
  void Add(const std::u32string& form, double per_billion) {
    sources_.back().second[form] += per_billion;
  }

  // form → weighted mean per billion over all sources.
  absl::flat_hash_map<std::u32string, double> Mix() const {
    absl::flat_hash_map<std::u32string, double> out;
    if (total_weight_ <= 0) return out;
    for (const auto& [weight, freq] : sources_) {
      for (const auto& [form, f] : freq)
        out[form] += weight * f / total_weight_;
    }
    return out;
  }

 private:
  absl::flat_hash_set<std::u32string> lower_;
  std::vector<std::pair<double, absl::flat_hash_map<std::u32string, double>>>
      sources_;
  double total_weight_ = 0;
};

// True when `form` has a Turkish letter and another spelling in `forms`
// has Turkish letters at the same places and more ("arkadasımla" beside
// "arkadaşımla"): written with some of its letters and not the others.
// Running text has such spellings, the tweets most; a frequency list
// vouches for the real ones ("acısı" beside "açısı").
bool HalfTyped(const std::u32string& form,
               const std::map<std::u32string, double>& forms) {
  bool turkish = false;
  for (char32_t c : form) turkish |= text::IsTurkishLetter(c);
  if (!turkish) return false;
  for (const auto& [other, f] : forms) {
    if (other.size() != form.size() || other == form) continue;
    bool fuller = true;
    for (size_t i = 0; i < form.size() && fuller; ++i) {
      fuller = form[i] == other[i] || (!text::IsTurkishLetter(form[i]) &&
                                       text::IsTurkishLetter(other[i]));
    }
    if (fuller) return true;
  }
  return false;
}

std::string KeyOf(const std::u32string& form) {
  std::string key;
  for (char32_t c : form) key.push_back(internal::KeyByte(c));
  return key;
}

// The word tokens of a sentence as the deasciifier will see them.
std::vector<std::string> WordTokens(const std::string& sentence,
                                    std::vector<bool>* sentence_initial) {
  std::vector<std::string> out;
  sentence_initial->clear();
  text::ParseOptions parse_options;
  parse_options.max_length = std::max(1, text::CodePointCount(sentence));
  absl::StatusOr<text::Document> doc =
      text::Document::Parse(sentence, parse_options);
  if (!doc.ok()) return out;
  for (const text::Token& token : doc->tokens()) {
    if (!internal::IsWordLike(token)) continue;
    out.push_back(token.text);
    sentence_initial->push_back(token.sentence_initial);
  }
  return out;
}

}  // namespace

absl::StatusOr<std::string> BuildModel(const TrainingData& data,
                                       const TrainOptions& options,
                                       TrainStats* stats) {
  if (absl::Status s = CheckOptions(options); !s.ok()) return s;
  TrainStats local;
  if (stats == nullptr) stats = &local;
  *stats = TrainStats();

  // The texts' word tokens, parsed once.
  struct Sentence {
    std::vector<std::string> words;
    std::vector<bool> initial;
  };
  std::vector<std::vector<Sentence>> texts(data.texts.size());
  Frequencies freq;
  for (size_t t = 0; t < data.texts.size(); ++t) {
    const TrainingText& text = data.texts[t];
    for (size_t i = 0; i < text.sentences.size(); ++i) {
      if (absl::Status s = text::ValidateUtf8(text.sentences[i]); !s.ok()) {
        return absl::InvalidArgumentError(absl::StrCat(
            text.name, ":", i + 1, ": ", std::string(s.message())));
      }
      Sentence sentence;
      sentence.words = WordTokens(text.sentences[i], &sentence.initial);
      if (sentence.words.empty()) continue;
      ++stats->lines;
      stats->words += static_cast<int64_t>(sentence.words.size());
      for (const std::string& w : sentence.words) freq.NoteLowerCase(w);
      texts[t].push_back(std::move(sentence));
    }
  }
  for (const FrequencyList& list : data.lists) {
    for (const FrequencyList::Entry& e : list.words) {
      if (text::ValidateUtf8(e.word).ok()) freq.NoteLowerCase(e.word);
    }
  }

  // Pass one: frequencies.
  Spelling s;
  for (size_t t = 0; t < data.texts.size(); ++t) {
    freq.StartSource(data.texts[t].weight);
    int64_t tokens = 0;
    for (const Sentence& sentence : texts[t]) {
      tokens += static_cast<int64_t>(sentence.words.size());
    }
    if (tokens == 0) continue;
    const double per_token = 1e9 / static_cast<double>(tokens);
    for (const Sentence& sentence : texts[t]) {
      for (const std::string& w : sentence.words) {
        // "T.DAĞ", "sayfası1": pieces count as words of their own.
        if (!internal::ForEachPiece(w,
                                    [&](std::string_view piece) {
                                      if (freq.Resolve(piece, &s))
                                        freq.Add(s.form, per_token);
                                    }) &&
            freq.Resolve(w, &s)) {
          freq.Add(s.form, per_token);
        }
      }
    }
  }
  // Spellings some frequency list has (and the stems of those with an
  // apostrophe), for HalfTyped().
  absl::flat_hash_set<std::u32string> listed;
  for (const FrequencyList& list : data.lists) {
    freq.StartSource(list.weight);
    for (const FrequencyList::Entry& e : list.words) {
      if (!text::ValidateUtf8(e.word).ok() || !freq.Resolve(e.word, &s)) {
        continue;
      }
      if (e.per_billion <= 0) {
        // A list without counts cannot outvote its own typos: it vouches
        // only for spellings with a Turkish letter (Tesseract's list has
        // "sevmeyecegim" but not "sevmeyeceğim").
        bool turkish = false;
        for (char32_t c : s.form) turkish |= text::IsTurkishLetter(c);
        if (!turkish) continue;
      }
      ++stats->list_words;
      listed.insert(s.form);
      const size_t apostrophe = s.form.find(U'\'');
      if (apostrophe != std::u32string::npos) {
        listed.insert(s.form.substr(0, apostrophe));
      }
      freq.Add(s.form, e.per_billion > 0 ? e.per_billion
                                         : options.uncounted_per_billion);
    }
  }
  const absl::flat_hash_map<std::u32string, double> mixed = freq.Mix();

  // The word table: keys with an ambiguous letter, their spellings above
  // min_form_share, and the stems and suffixes of apostrophe words.
  std::map<std::string, std::vector<std::pair<std::u32string, double>>> keys;
  std::map<std::string, std::vector<std::pair<std::u32string, double>>>
      suffixes;  // suffix key → (stem's last vowel + suffix form, frequency)
  for (const auto& [form, f] : mixed) {
    const std::string key = KeyOf(form);
    bool ambiguous = false;
    for (char k : key) ambiguous |= text::TurkishCounterpart(k) != 0;
    if (ambiguous) keys[key].emplace_back(form, f);
    const size_t apostrophe = key.find('\'');
    if (apostrophe == std::string::npos) continue;
    const std::u32string stem = form.substr(0, apostrophe);
    const std::string stem_key = key.substr(0, apostrophe);
    bool stem_ambiguous = false;
    for (char k : stem_key) stem_ambiguous |= text::TurkishCounterpart(k) != 0;
    if (stem_ambiguous) keys[stem_key].emplace_back(stem, f);
    const std::string suffix_key = key.substr(apostrophe);
    bool suffix_ambiguous = false;
    for (char k : suffix_key) {
      suffix_ambiguous |= text::TurkishCounterpart(k) != 0;
    }
    const char32_t vowel = text::LastVowel(internal::WithPlainI(stem));
    if (suffix_ambiguous && vowel != 0) {
      std::u32string row_and_form(1, vowel);
      row_and_form += form.substr(apostrophe);
      suffixes[suffix_key].emplace_back(std::move(row_and_form), f);
    }
  }
  Model model(options.max_left, options.max_right);
  auto count_of = [](double f) {
    return static_cast<uint32_t>(
        std::clamp(std::llround(f * kCountScale), 1LL, 1LL << 31));
  };
  absl::flat_hash_set<std::string> multi;  // keys with several spellings
  for (auto& [key, forms] : keys) {
    // A stem may have been added more than once; merge.
    std::map<std::u32string, double> merged;
    double total = 0;
    for (const auto& [form, f] : forms) {
      merged[form] += f;
      total += f;
    }
    std::map<std::u32string, double> frequent;
    for (const auto& [form, f] : merged) {
      if (f >= options.min_form_share * total) frequent.emplace(form, f);
    }
    int kept = 0;
    for (const auto& [form, f] : frequent) {
      if (!listed.contains(form) && HalfTyped(form, frequent)) continue;
      model.AddWord(key, form, count_of(f));
      ++kept;
    }
    if (kept > 1) multi.insert(key);
  }
  for (auto& [key, entries] : suffixes) {
    std::map<std::u32string, double> by_form;
    for (const auto& [row_and_form, f] : entries) {
      by_form[row_and_form.substr(1)] += f;
    }
    double total = 0;
    for (const auto& [form, f] : by_form) total += f;
    for (const auto& [form, f] : by_form) {
      if (f >= options.min_form_share * total) {
        model.AddWord(key, form, count_of(f));
      }
    }
    for (const auto& [row_and_form, f] : entries) {
      const std::u32string form = row_and_form.substr(1);
      if (by_form[form] < options.min_form_share * total) continue;
      std::string row(Model::kVowelPrefix);
      text::AppendCodePoint(row_and_form[0], &row);
      model.AddContext(row, key, form, count_of(f));
    }
  }

  // Pass two: contexts of the keys with several spellings, from the texts.
  for (const std::vector<Sentence>& text : texts) {
    for (const Sentence& sentence : text) {
      const size_t n = sentence.words.size();
      std::vector<Spelling> spelled(n);
      std::vector<bool> ok(n);
      for (size_t i = 0; i < n; ++i) {
        ok[i] = freq.Resolve(sentence.words[i], &spelled[i]);
      }
      for (size_t i = 0; i < n; ++i) {
        if (!ok[i] || !multi.contains(spelled[i].key)) continue;
        const bool start = i == 0 || sentence.initial[i];
        const bool end = i + 1 == n || sentence.initial[i + 1];
        const std::string& key = spelled[i].key;
        const std::u32string& form = spelled[i].form;
        model.AddContext(start ? std::string(Model::kSentenceStart)
                               : internal::ContextKey(sentence.words[i - 1]),
                         key, form, 1);
        const std::string next =
            end ? std::string(Model::kSentenceEnd)
                : internal::ContextKey(sentence.words[i + 1]);
        model.AddContext(absl::StrCat(std::string(Model::kNextPrefix), next),
                         key, form, 1);
        if (!end) {
          if (std::string row = Model::NextStemRow(next); !row.empty()) {
            model.AddContext(row, key, form, 1);
          }
        }
        if (!start) {
          const char32_t vowel = text::LastVowelOfUtf8(sentence.words[i - 1]);
          if (vowel != 0) {
            std::string row(Model::kVowelPrefix);
            text::AppendCodePoint(vowel, &row);
            model.AddContext(row, key, form, 1);
          }
        }
        text::CaseCounts cases = text::CountCase(sentence.words[i]);
        if (cases.lower == 0 && cases.upper > 0) {
          model.AddContext(std::string(Model::kCapitalsRow), key, form, 1);
        }
      }
    }
  }

  // Pass three: the letter model, from each spelling of the table once.
  std::vector<std::pair<std::string, std::u32string>> types;
  model.ForEachForm([&](const std::string& k, const std::u32string& f) {
    if (k.front() != '\'') types.emplace_back(k, f);
  });
  std::sort(types.begin(), types.end());
  std::string bracketed, restored, window;
  for (const auto& [k, f] : types) {
    bracketed = absl::StrCat("^", k, "$");
    restored = "^";
    for (char32_t c : f) restored.push_back(internal::ContextByte(c));
    restored.push_back('$');
    const int n = static_cast<int>(bracketed.size());
    for (int pos = 1; pos + 1 < n; ++pos) {
      char32_t turkish = text::TurkishCounterpart(bracketed[pos]);
      if (turkish == 0) continue;
      bool is_turkish = f[pos - 1] == turkish;
      // Restored letters on the left, typed ones from the letter on.
      for (int l = 0; l <= options.max_left && pos - l >= 0; ++l) {
        for (int r = 0; r <= options.max_right && pos + r < n; ++r) {
          window.assign(restored, pos - l, l);
          window.append(bracketed, pos, r + 1);
          model.AddPattern(l, window, is_turkish, 1);
        }
      }
    }
  }

  if (absl::Status st =
          model.Finish(options.min_context_count, options.min_window_count);
      !st.ok()) {
    return st;
  }
  stats->keys = static_cast<int64_t>(model.word_count());
  stats->contexts = static_cast<int64_t>(model.context_count());
  stats->windows = static_cast<int64_t>(model.pattern_count());

  std::string sources;
  for (const TrainingText& t : data.texts) {
    absl::StrAppend(&sources, sources.empty() ? "" : ", ", t.name, " (",
                    t.weight, ")");
  }
  for (const FrequencyList& l : data.lists) {
    absl::StrAppend(&sources, sources.empty() ? "" : ", ", l.name, " (",
                    l.weight, ")");
  }
  std::string header = absl::StrCat(
      "# GENERATED BY ", options.command, "; DO NOT EDIT\n",
      "# Deasciifier model (src/deasciify/internal/model.h describes the "
      "format), from\n# ",
      sources, ":\n# ", stats->words, " words in ", stats->lines,
      " sentences, ", stats->list_words, " list entries; windows ",
      options.max_left, "/", options.max_right, ", min window count ",
      options.min_window_count, ", min context count ",
      options.min_context_count, ", min form share ", options.min_form_share,
      ".\n");
  std::string text = model.Serialize(header);
  stats->model_bytes = static_cast<int64_t>(text.size());
  return text;
}

absl::StatusOr<std::string> BuildModel(std::istream& corpus,
                                       const std::string& corpus_name,
                                       const TrainOptions& options,
                                       TrainStats* stats) {
  TrainingData data;
  TrainingText text;
  text.name = std::filesystem::path(corpus_name).filename().string();
  std::string line;
  while (std::getline(corpus, line)) text.sentences.push_back(line);
  if (corpus.bad()) {
    return absl::InternalError(absl::StrCat("error reading ", corpus_name));
  }
  data.texts.push_back(std::move(text));
  absl::StatusOr<std::string> model = BuildModel(data, options, stats);
  if (!model.ok() && absl::IsInvalidArgument(model.status())) {
    // Name the file as given, not its base name.
    std::string message(model.status().message());
    const std::string base = data.texts[0].name;
    if (message.rfind(base, 0) == 0) {
      message = corpus_name + message.substr(base.size());
    }
    return absl::InvalidArgumentError(message);
  }
  return model;
}

absl::Status WriteModel(const std::string& model, const std::string& path) {
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << model;
    out.close();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(tmp, ignored);
      return absl::InternalError(absl::StrCat("cannot write model ", tmp));
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    return absl::InternalError(
        absl::StrCat("cannot move ", tmp, " to ", path, ": ", ec.message()));
  }
  return absl::OkStatus();
}

absl::Status Train(const TrainOptions& options, TrainStats* stats) {
  std::ifstream in(options.corpus_path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(
        absl::StrCat("cannot read corpus ", options.corpus_path,
                     " (build it with: newsroom corpus build --out corpus)"));
  }
  absl::StatusOr<std::string> text =
      BuildModel(in, options.corpus_path, options, stats);
  if (!text.ok()) return text.status();
  return WriteModel(*text, options.output_path);
}

}  // namespace newsroom::deasciify
