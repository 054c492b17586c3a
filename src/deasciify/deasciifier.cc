// Restoring a word is a choice among the 2^k spellings of its k letters
// c g i o s u. Three sources of knowledge decide, cheapest first.
//
// The word table. Most words of a comment are common words, and for a
// common word the training text has already made the choice: "guzel" was
// always written "güzel". One hash lookup on the ASCII lower-case key
// answers, and that is the whole cost for ordinary words. A few keys were
// seen spelled two ways ("yasa" law / "yaşa" live, "sık" / "şık"); for
// those, counts in context decide, each level interpolated with the one
// below so that a rare context does not override a strong preference:
// overall, then in capitals (a word typed in capitals: "I" is ı's capital
// in Turkish words but not in "WEIBULL"), then after the previous word's
// last vowel (vowel harmony reaches clitics written apart: "yapar mı",
// "gelir mi"), then after the previous word itself.
//
// The letter model (internal/letter_model.h). For a word never seen, each
// ambiguous letter is judged from the letters around it within the word,
// by counts of such windows in the training words; the likeliest spellings
// then come out in order.
//
// Hunspell-tr. Turkish morphology is productive, so a spelling that the
// letter model likes may still not be a word; the first dozen spellings in
// order are checked, and the first one Hunspell accepts is taken. When none
// is, the word is most likely a name, a foreign word or a typo: it is left
// as typed unless it is in lower case and the letter model is confident.
// Hunspell calls dominate the cost of an unseen word, so those results are
// memoized (the function is pure; the memo only saves time).
//
// Case never enters the tables: the typed word is reduced to its lower-case
// key, and the case of each typed letter is put back on the restored one
// with Turkish rules (typed "I" over restored "i" is "İ").
//
// Restore() runs RestoreWord() over the words of each sentence and writes
// the changes back into the text between the untouched bytes, unless the
// sentence looks foreign: most of its words known neither to the table nor
// to Hunspell.
//
// Tested by deasciifier_test.cc.
#include "deasciify/deasciifier.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "text/casing.h"
#include "text/document.h"
#include "text/turkish.h"
#include "text/utf8.h"

namespace newsroom::deasciify {
namespace {

using internal::Model;
using internal::TypedWord;

// Weight of the overall counts against the counts after one previous word:
// P(form | previous) = (c(previous, form) + kContextWeight P(form)) /
//                      (c(previous) + kContextWeight).
constexpr double kContextWeight = 1.0;
// Spellings of an unseen word tried with Hunspell, best first, and how far
// (in nats below the best) a spelling may be and still be tried.
constexpr int kMaxSpellChecks = 12;
constexpr double kMaxMargin = 8.0;
// Unseen words whose restoration is memoized; ~100 bytes each.
constexpr size_t kMemoCapacity = size_t{1} << 16;
// Only the best few spellings are also tried capitalised ("istanbul" →
// "İstanbul"): names typed in lower case are common, but each try costs a
// Hunspell call.
constexpr int kMaxCapitalisedChecks = 3;

WordRestoration Unchanged(std::string_view word,
                          WordRestoration::Evidence evidence,
                          double confidence) {
  WordRestoration w;
  w.restored = std::string(word);
  w.changed = false;
  w.confidence = confidence;
  w.evidence = evidence;
  return w;
}

WordRestoration Restored(const TypedWord& typed, const std::u32string& form,
                         WordRestoration::Evidence evidence,
                         double confidence) {
  WordRestoration w;
  w.restored = internal::ApplyTypedCase(typed, form);
  // The typed word is ASCII, so any Turkish letter is a restored one.
  w.changed = text::HasTurkishLetter(w.restored);
  w.confidence = std::clamp(confidence, 0.0, 1.0);
  w.evidence = evidence;
  return w;
}

// How likely a word seen `n` times with a single spelling is to take that
// spelling again: 1 - 1/(n+2)² leaves room for the unseen homograph and the
// typo in the training text; n = 1 gives 0.89.
double SeenConfidence(uint32_t n) {
  double d = static_cast<double>(n) + 2.0;
  return 1.0 - 1.0 / (d * d);
}

// See RestoreOptions::skip_foreign_sentences.
bool LooksForeign(const std::vector<WordRestoration>& words) {
  int unknown = 0;
  int known = 0;
  for (const WordRestoration& w : words) {
    switch (w.evidence) {
      case WordRestoration::Evidence::kUnseen:
      case WordRestoration::Evidence::kLetterModel:
        ++unknown;
        break;
      case WordRestoration::Evidence::kWordTable:
      case WordRestoration::Evidence::kContext:
      case WordRestoration::Evidence::kDictionary:
        ++known;
        break;
      default:
        break;
    }
  }
  return unknown >= 2 && unknown > known;
}

}  // namespace

const char* EvidenceName(WordRestoration::Evidence evidence) {
  switch (evidence) {
    case WordRestoration::Evidence::kNotRestorable:
      return "not_restorable";
    case WordRestoration::Evidence::kWordTable:
      return "word_table";
    case WordRestoration::Evidence::kContext:
      return "context";
    case WordRestoration::Evidence::kDictionary:
      return "dictionary";
    case WordRestoration::Evidence::kLetterModel:
      return "letter_model";
    case WordRestoration::Evidence::kUnseen:
      return "unseen";
  }
  return "unknown";
}

Deasciifier::Deasciifier(std::unique_ptr<const Model> model,
                         const morphology::Dictionary* turkish)
    : model_(std::move(model)),
      turkish_(turkish),
      letters_(*model_),
      unseen_memo_(kMemoCapacity) {}

Deasciifier::~Deasciifier() = default;

std::string Deasciifier::DefaultModelPath() {
  return std::string(NEWSROOM_DATA_DIR) + "/models/deasciifier.model";
}

absl::StatusOr<std::unique_ptr<const Deasciifier>> Deasciifier::Load(
    const std::string& model_path, const morphology::Dictionary* turkish) {
  std::ifstream in(model_path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(
        absl::StrCat("cannot read deasciifier model ", model_path,
                     " (build it with: newsroom train deasciifier --corpus "
                     "corpus/tr-train.txt --out ",
                     model_path, ")"));
  }
  std::ostringstream contents;
  contents << in.rdbuf();
  return FromModelText(contents.str(), model_path, turkish);
}

absl::StatusOr<std::unique_ptr<const Deasciifier>> Deasciifier::FromModelText(
    std::string_view model_text, const std::string& name,
    const morphology::Dictionary* turkish) {
  absl::StatusOr<Model> model = Model::Parse(model_text, name);
  if (!model.ok()) return model.status();
  return std::unique_ptr<const Deasciifier>(new Deasciifier(
      std::make_unique<const Model>(*std::move(model)), turkish));
}

WordRestoration Deasciifier::RestoreWord(std::string_view word,
                                         std::string_view previous_word,
                                         const RestoreOptions& options) const {
  // "T.DAG", "sayfasi1": each piece is a word of its own, restored after
  // the one before it; the word is as sure as its least sure piece.
  WordRestoration whole;
  bool restorable = false;
  size_t copied = 0;  // bytes of `word` accounted for in whole.restored
  if (internal::ForEachPiece(word, [&](std::string_view piece) {
        size_t begin = piece.data() - word.data();
        whole.restored.append(word.substr(copied, begin - copied));
        copied = begin + piece.size();
        WordRestoration w = RestorePiece(piece, previous_word, options);
        previous_word = piece;
        whole.restored.append(w.restored);
        whole.changed |= w.changed;
        if (w.evidence != WordRestoration::Evidence::kNotRestorable &&
            (!restorable || w.confidence < whole.confidence)) {
          restorable = true;
          whole.confidence = w.confidence;
          whole.evidence = w.evidence;
        }
      })) {
    whole.restored.append(word.substr(copied));
    return whole;
  }
  return RestorePiece(word, previous_word, options);
}

WordRestoration Deasciifier::RestorePiece(std::string_view word,
                                          std::string_view previous_word,
                                          const RestoreOptions& options) const {
  TypedWord typed;
  if (!internal::ParseTypedWord(word, &typed) || typed.ambiguous == 0) {
    return Unchanged(word, WordRestoration::Evidence::kNotRestorable, 1.0);
  }
  if (const Model::WordEntry* entry = model_->FindWord(typed.key)) {
    return FromTable(typed, *entry, previous_word, options);
  }
  if (!options.restore_unseen) {
    return Unchanged(word, WordRestoration::Evidence::kUnseen, 0.5);
  }
  // The memo key: the word, and every input the result may depend on.
  std::string key(word);
  key.push_back('\0');
  key.push_back(static_cast<char>((previous_word.empty() ? 1 : 0) |
                                  (options.use_dictionary ? 2 : 0) |
                                  (options.use_context ? 4 : 0)));
  key.append(reinterpret_cast<const char*>(&options.unvalidated_threshold),
             sizeof(double));
  WordRestoration w;
  if (options.memoize && unseen_memo_.Lookup(key, &w)) return w;
  bool depends_on_context = false;
  w = FromLetters(word, typed, previous_word, options, &depends_on_context);
  if (options.memoize && !depends_on_context) unseen_memo_.Insert(key, w);
  return w;
}

size_t Deasciifier::ChooseForm(const Model::WordEntry& entry, bool capitals,
                               std::string_view previous_word,
                               const RestoreOptions& options,
                               double* probability) const {
  const double total = entry.total;
  if (entry.forms.size() == 1) {
    *probability = SeenConfidence(entry.total);
    return 0;
  }
  // Backing off from the previous word itself to its last vowel to the
  // words in capitals (for a word typed in capitals) to nothing:
  // P(form) ← (c(row, form) + w P_backoff(form)) / (c(row) + w).
  const std::vector<uint32_t>* by_case = nullptr;
  const std::vector<uint32_t>* by_vowel = nullptr;
  const std::vector<uint32_t>* by_word = nullptr;
  if (options.use_context && !entry.contexts.empty()) {
    std::string key = previous_word.empty()
                          ? std::string(Model::kSentenceStart)
                          : internal::ContextKey(previous_word);
    auto it = entry.contexts.find(absl::string_view(key.data(), key.size()));
    if (it != entry.contexts.end()) by_word = &it->second;
    if (capitals) {
      auto c = entry.contexts.find(absl::string_view(
          Model::kCapitalsRow.data(), Model::kCapitalsRow.size()));
      if (c != entry.contexts.end()) by_case = &c->second;
    }
    if (entry.has_vowel_rows && !previous_word.empty()) {
      char32_t vowel = PreviousVowel(previous_word, options);
      if (vowel != 0) {
        std::string row(Model::kVowelPrefix);
        text::AppendCodePoint(vowel, &row);
        auto v = entry.contexts.find(absl::string_view(row.data(), row.size()));
        if (v != entry.contexts.end()) by_vowel = &v->second;
      }
    }
  }
  auto smooth = [](const std::vector<uint32_t>* row, size_t k, double sum,
                   double backoff) {
    if (row == nullptr) return backoff;
    return ((*row)[k] + kContextWeight * backoff) / (sum + kContextWeight);
  };
  auto sum = [](const std::vector<uint32_t>* row) {
    double s = 0;
    if (row != nullptr) {
      for (uint32_t c : *row) s += c;
    }
    return s;
  };
  const double case_total = sum(by_case);
  const double vowel_total = sum(by_vowel);
  const double word_total = sum(by_word);
  size_t best = 0;
  double best_p = -1;
  for (size_t k = 0; k < entry.forms.size(); ++k) {
    double p = entry.forms[k].count / total;
    p = smooth(by_case, k, case_total, p);
    p = smooth(by_vowel, k, vowel_total, p);
    p = smooth(by_word, k, word_total, p);
    if (p > best_p) {
      best_p = p;
      best = k;
    }
  }
  *probability = best_p * SeenConfidence(entry.total);
  return best;
}

char32_t Deasciifier::PreviousVowel(std::string_view previous_word,
                                    const RestoreOptions& options) const {
  TypedWord typed;
  if (!internal::ParseTypedWord(previous_word, &typed)) {
    return text::LastVowelOfUtf8(previous_word);  // typed with its letters
  }
  size_t j = typed.key.find_last_of("aeiou");
  if (j == std::string::npos) return 0;
  const char ascii = typed.key[j];
  if (ascii == 'a' || ascii == 'e') return static_cast<char32_t>(ascii);
  // An ASCII i o u may stand for ı ö ü: decide that one letter, from the
  // word table when the word was seen, else from the letter model (the
  // full restoration, with Hunspell, would cost more than it adds here).
  if (const Model::WordEntry* entry = model_->FindWord(typed.key)) {
    double p;
    size_t k = ChooseForm(*entry, typed.capitals, {}, options, &p);
    return entry->forms[k].form[j];
  }
  std::string bracketed = "^" + typed.key + "$";
  bool turkish =
      letters_.TurkishProbability(bracketed, static_cast<int>(j + 1)) > 0.5;
  return turkish ? text::TurkishCounterpart(ascii)
                 : static_cast<char32_t>(ascii);
}

WordRestoration Deasciifier::FromTable(const TypedWord& typed,
                                       const Model::WordEntry& entry,
                                       std::string_view previous_word,
                                       const RestoreOptions& options) const {
  double p;
  size_t k = ChooseForm(entry, typed.capitals, previous_word, options, &p);
  return Restored(typed, entry.forms[k].form,
                  entry.forms.size() == 1
                      ? WordRestoration::Evidence::kWordTable
                      : WordRestoration::Evidence::kContext,
                  p);
}

bool Deasciifier::Accepts(const TypedWord& typed, const std::u32string& form,
                          bool try_capitalised) const {
  TypedWord as = typed;
  if (typed.capitals) {
    // Hunspell-tr's own handling of capitals fails on İ ("İSTANBUL" is
    // rejected), so a word in capitals is checked in lower case and, if a
    // name, capitalised.
    as.upper = 0;
  }
  if (turkish_->Spell(internal::ApplyTypedCase(as, form))) return true;
  if (as.upper != 0 || !try_capitalised) return false;
  // A name typed in lower case: "istanbul'da" is right if "İstanbul'da" is.
  as.upper = 1;
  return turkish_->Spell(internal::ApplyTypedCase(as, form));
}

bool Deasciifier::FindAccepted(const TypedWord& typed,
                               const std::u32string& best, double best_log_p,
                               std::vector<internal::AmbiguousLetter> letters,
                               std::u32string* accepted,
                               double* confidence) const {
  std::sort(letters.begin(), letters.end(),
            [](const internal::AmbiguousLetter& a,
               const internal::AmbiguousLetter& b) { return a.cost < b.cost; });
  std::vector<double> costs;
  for (const internal::AmbiguousLetter& l : letters) costs.push_back(l.cost);
  internal::FlipEnumerator flips(costs);
  uint64_t mask;
  double cost;
  double tried_mass = 0;  // probability of the spellings tried so far
  for (int checks = 0; checks < kMaxSpellChecks && flips.Next(&mask, &cost) &&
                       cost <= kMaxMargin;
       ++checks) {
    *accepted = best;
    for (size_t i = 0; i < letters.size(); ++i) {
      if (((mask >> i) & 1) == 0) continue;
      size_t j = letters[i].index;
      char32_t turkish = text::TurkishCounterpart(typed.key[j]);
      (*accepted)[j] = (*accepted)[j] == turkish
                           ? static_cast<char32_t>(typed.key[j])
                           : turkish;
    }
    double mass = std::exp(best_log_p - cost);
    tried_mass += mass;
    if (Accepts(typed, *accepted, checks < kMaxCapitalisedChecks)) {
      // Calibrated on the development set: Hunspell's word makes the
      // spelling right about 98 times in 100 when the letter model gave it
      // a fair probability (0.2 or more) and no likelier spelling was
      // rejected before it, less often otherwise.
      double share = mass / tried_mass;
      *confidence =
          (0.85 + 0.13 * std::min(1.0, mass / 0.2)) * (0.9 + 0.1 * share);
      return true;
    }
  }
  return false;
}

WordRestoration Deasciifier::FromLetters(std::string_view word,
                                         const TypedWord& typed,
                                         std::string_view previous_word,
                                         const RestoreOptions& options,
                                         bool* depends_on_context) const {
  const std::string& key = typed.key;
  std::u32string best(key.begin(), key.end());

  // "Turkiye'nin": the part before the apostrophe may be a seen word.
  size_t first_free = 0;
  double fixed_p = 1.0;
  const size_t apostrophe = key.find('\'');
  if (apostrophe != std::string::npos) {
    const Model::WordEntry* stem =
        model_->FindWord(std::string_view(key).substr(0, apostrophe));
    if (stem != nullptr) {
      size_t k =
          ChooseForm(*stem, typed.capitals, previous_word, options, &fixed_p);
      std::copy(stem->forms[k].form.begin(), stem->forms[k].form.end(),
                best.begin());
      first_free = apostrophe;
      *depends_on_context = stem->forms.size() > 1;
    }
  }

  std::vector<internal::AmbiguousLetter> letters;
  const double best_log_p =
      std::log(fixed_p) + letters_.Choose(key, first_free, &best, &letters);
  if (letters.empty()) {  // all in the seen part before the apostrophe
    return Restored(typed, best, WordRestoration::Evidence::kWordTable,
                    fixed_p);
  }
  if (!options.use_dictionary || turkish_ == nullptr) {
    return Restored(typed, best, WordRestoration::Evidence::kLetterModel,
                    std::exp(best_log_p));
  }

  // A capitalised word inside a sentence is likely a name; when Hunspell
  // knows it as typed ("Ali", "Aziz", "Selim"), it stays as typed, though a
  // restored spelling may be a word too ("alı", "azız").
  const bool name_like = typed.upper == 1 && !previous_word.empty();
  if (name_like && turkish_->Spell(word)) {
    return Unchanged(word, WordRestoration::Evidence::kDictionary, 0.9);
  }

  std::u32string accepted;
  double confidence;
  if (FindAccepted(typed, best, best_log_p, letters, &accepted, &confidence)) {
    return Restored(typed, accepted, WordRestoration::Evidence::kDictionary,
                    confidence);
  }

  // "Izmir'e": Hunspell may know the name but not the name with a suffix.
  // Then the name is checked alone, and the suffix, which follows the
  // name's vowels, is left to the letter model.
  if (apostrophe != std::string::npos && first_free == 0) {
    TypedWord stem = typed;
    stem.key.resize(apostrophe);
    const uint64_t stem_bits = (uint64_t{1} << apostrophe) - 1;  // < 64
    stem.upper &= stem_bits;
    int letter_count = 0;
    for (char c : stem.key) letter_count += c >= 'a' && c <= 'z';
    stem.capitals =
        letter_count > 0 && std::popcount(stem.upper) == letter_count;
    std::u32string stem_best(stem.key.begin(), stem.key.end());
    std::vector<internal::AmbiguousLetter> stem_letters;
    double stem_log_p = letters_.Choose(stem.key, 0, &stem_best, &stem_letters);
    double suffix_log_p = 0;
    for (const internal::AmbiguousLetter& l : letters) {
      if (l.index > apostrophe) suffix_log_p -= std::log1p(std::exp(-l.cost));
    }
    if (!stem_letters.empty() &&
        FindAccepted(stem, stem_best, stem_log_p, stem_letters, &accepted,
                     &confidence)) {
      std::copy(accepted.begin(), accepted.end(), best.begin());
      return Restored(typed, best, WordRestoration::Evidence::kDictionary,
                      confidence * std::exp(suffix_log_p));
    }
  }

  // Unknown to Hunspell and capitalised inside a sentence, or in capitals:
  // a name or an acronym ("Macintosh", "EUC"), left alone.
  const bool lower_case =
      typed.upper == 0 || (typed.upper == 1 && previous_word.empty());
  if (lower_case && std::exp(best_log_p) >= options.unvalidated_threshold) {
    return Restored(typed, best, WordRestoration::Evidence::kLetterModel,
                    std::exp(best_log_p));
  }
  // Most such words are names, foreign words or typos, rightly left alone;
  // the letter model's doubt about its own best spelling says how many.
  return Unchanged(word, WordRestoration::Evidence::kUnseen,
                   1 - 0.5 * std::exp(best_log_p));
}

std::string Deasciifier::Restore(std::string_view text,
                                 const RestoreOptions& options) const {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  size_t start = 0;
  while (true) {
    size_t nl = text.find('\n', start);
    std::string_view line =
        text.substr(start, nl == std::string_view::npos ? std::string_view::npos
                                                        : nl - start);
    text::ParseOptions parse_options;
    absl::StatusOr<text::Document> doc;
    if (text::ValidateUtf8(line).ok()) {
      parse_options.max_length = std::max(1, text::CodePointCount(line));
      doc = text::Document::Parse(line, parse_options);
    }
    if (!doc.ok()) {
      out.append(line);  // invalid UTF-8, or only white space
    } else {
      size_t byte = 0;  // byte offset of code point `cp` in `line`
      int cp = 0;
      size_t copied = 0;  // bytes of `line` already written
      auto advance = [&](int target) {
        while (cp < target) {
          text::NextCodePoint(line, &byte);
          ++cp;
        }
      };
      // Sentence by sentence: restore every word, then write the changes
      // unless the sentence looks foreign.
      const std::vector<text::Token>& tokens = doc->tokens();
      std::vector<const text::Token*> words;
      std::vector<WordRestoration> restored;
      size_t t = 0;
      while (t < tokens.size()) {
        words.clear();
        restored.clear();
        std::string_view previous;
        for (; t < tokens.size(); ++t) {
          const text::Token& token = tokens[t];
          if (!internal::IsWordLike(token)) continue;
          if (token.sentence_initial && !words.empty()) break;
          words.push_back(&token);
          restored.push_back(RestoreWord(token.text, previous, options));
          previous = token.text;
        }
        if (options.skip_foreign_sentences && LooksForeign(restored)) continue;
        for (size_t k = 0; k < words.size(); ++k) {
          const text::Token& token = *words[k];
          if (restored[k].restored == token.text) continue;
          advance(token.begin);
          size_t begin = byte;
          advance(token.end);
          out.append(line.substr(copied, begin - copied));
          out.append(restored[k].restored);
          copied = byte;
        }
      }
      out.append(line.substr(copied));
    }
    if (nl == std::string_view::npos) break;
    out.push_back('\n');
    start = nl + 1;
  }
  return out;
}

}  // namespace newsroom::deasciify
