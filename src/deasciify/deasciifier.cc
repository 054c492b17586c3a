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
// "gelir mi"; a weaker witness than its counts suggest, so tempered),
// then after the previous word itself; the counts before the next word are
// a second witness.
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

#include "absl/hash/hash.h"
#include "absl/strings/str_cat.h"
#include "datadir/datadir.h"
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
// How much the row of the previous word's last vowel counts: an exponent
// on its likelihood ratio (see ChooseForm). That row pools every previous
// word ending in the vowel, so its counts are large and look sure, yet
// beyond the clitics ("mı", "mi") a vowel says little about the next
// word; counted in full it changes plain words and prefers spellings that
// the training tweets had half typed in ASCII ("dısarda"). On the shared
// dev part 0.7 restores 5 more Turkish-letter words of 20,500 in
// conversational text and changes 7 fewer plain words of 30,000 than 1.0.
constexpr double kVowelWeight = 0.7;
// Spellings of an unseen word tried with Hunspell, best first, and how far
// (in nats below the best) a spelling may be and still be tried.
constexpr int kMaxSpellChecks = 12;
constexpr double kMaxMargin = 8.0;
// Unseen words whose restoration is memoized; ~60 bytes each.
constexpr int kMemoCapacity = 1 << 16;
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

// How likely a word written `n` times in a billion words with a single
// spelling is to take that spelling again: 1 - 1/(n+2)² leaves room for the
// unseen homograph and the typo in the sources; n = 1 gives 0.89. The
// model's counts are per ten billion words.
double SeenConfidence(uint32_t count) {
  double d = static_cast<double>(count) / 10.0 + 2.0;
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
      unseen_memo_(std::make_unique<cache::ResultCache<WordRestoration>>(
          kMemoCapacity)) {}

Deasciifier::~Deasciifier() = default;

std::string Deasciifier::DefaultModelPath() {
  return datadir::Get() + "/models/deasciifier.model";
}

absl::StatusOr<std::unique_ptr<const Deasciifier>> Deasciifier::Load(
    const std::string& model_path, const morphology::Dictionary* turkish) {
  std::ifstream in(model_path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(
        absl::StrCat("cannot read deasciifier model ", model_path,
                     " (build it with: newsroom train deasciifier --shared "
                     "<the shared data folder> --out ",
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
                                         std::string_view next_word,
                                         const RestoreOptions& options) const {
  // "T.DAG", "sayfasi1", "TarimSurasindan": each piece is a word of its
  // own, restored after the one before it; the word is as sure as its
  // least sure piece.
  WordRestoration whole;
  bool restorable = false;
  size_t copied = 0;  // bytes of `word` accounted for in whole.restored
  auto restore_piece = [&](std::string_view piece) {
    size_t begin = piece.data() - word.data();
    whole.restored.append(word.substr(copied, begin - copied));
    copied = begin + piece.size();
    const bool last = begin + piece.size() == word.size();
    WordRestoration w = RestorePiece(
        piece, previous_word, last ? next_word : std::string_view(), options);
    previous_word = piece;
    whole.restored.append(w.restored);
    whole.changed |= w.changed;
    if (w.evidence != WordRestoration::Evidence::kNotRestorable &&
        (!restorable || w.confidence < whole.confidence)) {
      restorable = true;
      whole.confidence = w.confidence;
      whole.evidence = w.evidence;
    }
  };
  if (internal::ForEachPiece(word, restore_piece) ||
      internal::ForEachCamelCasePart(word, restore_piece)) {
    whole.restored.append(word.substr(copied));
    return whole;
  }
  return RestorePiece(word, previous_word, next_word, options);
}

WordRestoration Deasciifier::RestorePiece(std::string_view word,
                                          std::string_view previous_word,
                                          std::string_view next_word,
                                          const RestoreOptions& options) const {
  TypedWord typed;
  if (!internal::ParseTypedWord(word, &typed) || typed.ambiguous == 0) {
    return Unchanged(word, WordRestoration::Evidence::kNotRestorable, 1.0);
  }
  if (const Model::WordEntry* entry = model_->FindWord(typed.key)) {
    return FromTable(typed, *entry, previous_word, next_word, options);
  }
  // "cooook", "seyiiii": written speech; restored as the word without the
  // repetition, each repeated letter as its one letter is restored.
  for (int keep : {1, 2}) {
    std::string shorter;
    if (!internal::ShortenRepeats(word, keep, &shorter)) break;
    TypedWord short_typed;
    if (!internal::ParseTypedWord(shorter, &short_typed)) break;
    if (const Model::WordEntry* entry = model_->FindWord(short_typed.key)) {
      WordRestoration w =
          FromTable(short_typed, *entry, previous_word, next_word, options);
      w.restored = internal::LengthenRepeats(word, keep, w.restored);
      return w;
    }
  }
  if (!options.restore_unseen) {
    return Unchanged(word, WordRestoration::Evidence::kUnseen, 0.5);
  }
  // The memo key: a fingerprint of the word and of every input the result
  // may depend on.
  const uint64_t key =
      absl::HashOf(absl::string_view(word.data(), word.size()),
                   previous_word.empty(), options.use_dictionary,
                   options.use_context, options.unvalidated_threshold);
  WordRestoration w;
  if (options.memoize && unseen_memo_->Get(key, &w)) return w;
  bool depends_on_context = false;
  w = FromLetters(word, typed, previous_word, next_word, options,
                  &depends_on_context);
  if (options.memoize && !depends_on_context) unseen_memo_->Put(key, w);
  return w;
}

size_t Deasciifier::ChooseForm(const Model::WordEntry& entry, bool capitals,
                               std::string_view previous_word,
                               std::string_view next_word,
                               const RestoreOptions& options,
                               double* probability,
                               char32_t previous_vowel) const {
  const double total = entry.total;
  if (entry.forms.size() == 1) {
    *probability = SeenConfidence(entry.total);
    return 0;
  }
  // The rows that apply, each a set of counts over the forms.
  const std::vector<uint32_t>* by_case = nullptr;
  const std::vector<uint32_t>* by_vowel = nullptr;
  const std::vector<uint32_t>* by_word = nullptr;
  const std::vector<uint32_t>* by_next = nullptr;
  const std::vector<uint32_t>* by_stem = nullptr;
  auto find = [&](const std::string& row) -> const std::vector<uint32_t>* {
    auto it = entry.contexts.find(absl::string_view(row.data(), row.size()));
    return it == entry.contexts.end() ? nullptr : &it->second;
  };
  if (options.use_context && !entry.contexts.empty()) {
    by_word = find(previous_word.empty() ? std::string(Model::kSentenceStart)
                                         : internal::ContextKey(previous_word));
    const std::string next = next_word.empty()
                                 ? std::string(Model::kSentenceEnd)
                                 : internal::ContextKey(next_word);
    by_next = find(absl::StrCat(std::string(Model::kNextPrefix), next));
    if (!next_word.empty()) {
      if (std::string row = Model::NextStemRow(next); !row.empty()) {
        by_stem = find(row);
      }
    }
    if (capitals) by_case = find(std::string(Model::kCapitalsRow));
    if (entry.has_vowel_rows &&
        (previous_vowel != 0 || !previous_word.empty())) {
      char32_t vowel = previous_vowel != 0
                           ? previous_vowel
                           : PreviousVowel(previous_word, options);
      if (vowel != 0) {
        std::string row(Model::kVowelPrefix);
        text::AppendCodePoint(vowel, &row);
        by_vowel = find(row);
      }
    }
  }
  auto sum = [](const std::vector<uint32_t>* row) {
    double s = 0;
    if (row != nullptr) {
      for (uint32_t c : *row) s += c;
    }
    return s;
  };
  // Each row moves the overall share P(form) towards its own counts:
  // P(form | row) = (c(row, form) + w P(form)) / (c(row) + w). The words
  // before and after are independent witnesses: their evidence multiplies,
  // P(form | before, after) ∝ P(form | before) P(form | after) / P(form),
  // where the words before are the last vowel, whose evidence is tempered
  // (kVowelWeight), and the previous word given the vowel:
  // P(form | before) ∝ P(form) (P(form | vowel) / P(form))^kVowelWeight
  //                    P(form | vowel, previous) / P(form | vowel),
  // and the word after is smoothed towards its first letters' row the way
  // the previous word is towards its vowel's: P(form | stem, next).
  // P(form) mixes the frequency lists in while the rows count running text
  // only, so a spelling rare in the lists but seen a few times in the texts
  // would be boosted by both witnesses: training drops such spellings
  // (TrainOptions::min_form_share).
  auto smooth = [](const std::vector<uint32_t>* row, size_t k, double row_sum,
                   double prior) {
    if (row == nullptr) return prior;
    return ((*row)[k] + kContextWeight * prior) / (row_sum + kContextWeight);
  };
  const double case_total = sum(by_case);
  const double vowel_total = sum(by_vowel);
  const double word_total = sum(by_word);
  const double next_total = sum(by_next);
  const double stem_total = sum(by_stem);
  // The last vowel of a stem before an apostrophe is the whole evidence
  // for the suffix after it ("Trump'ın"); only the previous word's is
  // tempered.
  const double vowel_weight = previous_vowel != 0 ? 1.0 : kVowelWeight;
  std::vector<double> scores(entry.forms.size());
  double norm = 0;
  for (size_t k = 0; k < entry.forms.size(); ++k) {
    const double p =
        smooth(by_case, k, case_total, entry.forms[k].count / total);
    const double vowel = smooth(by_vowel, k, vowel_total, p);
    const double before = smooth(by_word, k, word_total, vowel);
    const double after =
        smooth(by_next, k, next_total, smooth(by_stem, k, stem_total, p));
    scores[k] = std::pow(vowel / p, vowel_weight) * (before / vowel) * after;
    norm += scores[k];
  }
  const size_t best =
      std::max_element(scores.begin(), scores.end()) - scores.begin();
  *probability = scores[best] / norm * SeenConfidence(entry.total);
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
    size_t k = ChooseForm(*entry, typed.capitals, {}, {}, options, &p);
    const char32_t vowel = entry->forms[k].form[j];
    return vowel == internal::kForeignI ? U'i' : vowel;
  }
  return letters_.Spellings(typed.key, U"", 1)[0].form[j];
}

WordRestoration Deasciifier::FromTable(const TypedWord& typed,
                                       const Model::WordEntry& entry,
                                       std::string_view previous_word,
                                       std::string_view next_word,
                                       const RestoreOptions& options) const {
  double p;
  size_t k =
      ChooseForm(entry, typed.capitals, previous_word, next_word, options, &p);
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

bool Deasciifier::FindAccepted(
    const TypedWord& typed,
    const std::vector<internal::LetterModel::Spelling>& spellings,
    double fixed_log_p, std::u32string* accepted, double* confidence) const {
  if (spellings.empty()) return false;
  const double best_log_p = spellings[0].log_p;
  double tried_mass = 0;  // probability of the spellings tried so far
  for (size_t checks = 0;
       checks < spellings.size() && checks < kMaxSpellChecks &&
       best_log_p - spellings[checks].log_p <= kMaxMargin;
       ++checks) {
    const double mass = std::exp(fixed_log_p + spellings[checks].log_p);
    tried_mass += mass;
    if (Accepts(typed, spellings[checks].form,
                checks < kMaxCapitalisedChecks)) {
      *accepted = spellings[checks].form;
      // Calibrated on the development set: Hunspell's word makes the
      // spelling right about 98 times in 100 when the letter model gave it
      // a fair probability (0.2 or more) and no likelier spelling was
      // rejected before it, less often otherwise.
      const double share = mass / tried_mass;
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
                                         std::string_view next_word,
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
      size_t k = ChooseForm(*stem, typed.capitals, previous_word, next_word,
                            options, &fixed_p);
      std::copy(stem->forms[k].form.begin(), stem->forms[k].form.end(),
                best.begin());
      first_free = apostrophe;
      *depends_on_context = stem->forms.size() > 1;
      // The suffix follows the stem's vowels ("Türkiye'nin").
      double suffix_p;
      if (RestoreSuffix(key, apostrophe, options, &best, &suffix_p)) {
        return Restored(typed, best, WordRestoration::Evidence::kWordTable,
                        fixed_p * suffix_p);
      }
    }
  }

  const std::vector<internal::LetterModel::Spelling> spellings =
      letters_.Spellings(key, std::u32string_view(best).substr(0, first_free),
                         kMaxSpellChecks);
  best = spellings[0].form;
  const double best_log_p = std::log(fixed_p) + spellings[0].log_p;
  bool free_letters = false;
  for (size_t j = first_free; j < key.size(); ++j) {
    free_letters |= text::TurkishCounterpart(key[j]) != 0;
  }
  if (!free_letters) {  // all in the seen part before the apostrophe
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
  if (FindAccepted(typed, spellings, std::log(fixed_p), &accepted,
                   &confidence)) {
    return Restored(typed, accepted, WordRestoration::Evidence::kDictionary,
                    confidence);
  }

  // "Izmir'e": Hunspell may know the name but not the name with a suffix.
  // Then the name is checked alone, and the suffix follows the name's
  // vowels.
  if (apostrophe != std::string::npos && first_free == 0) {
    TypedWord stem = typed;
    stem.key.resize(apostrophe);
    const uint64_t stem_bits = (uint64_t{1} << apostrophe) - 1;  // < 64
    stem.upper &= stem_bits;
    int letter_count = 0;
    for (char c : stem.key) letter_count += c >= 'a' && c <= 'z';
    stem.capitals =
        letter_count > 0 && std::popcount(stem.upper) == letter_count;
    const std::vector<internal::LetterModel::Spelling> stem_spellings =
        letters_.Spellings(stem.key, U"", kMaxSpellChecks);
    // The suffix as the letter model would have it after the best stem.
    double suffix_log_p =
        std::min(0.0, spellings[0].log_p - stem_spellings[0].log_p);
    bool stem_letters = false;
    for (char c : stem.key) stem_letters |= text::TurkishCounterpart(c) != 0;
    if (stem_letters &&
        FindAccepted(stem, stem_spellings, 0.0, &accepted, &confidence)) {
      std::copy(accepted.begin(), accepted.end(), best.begin());
      double suffix_p;
      if (RestoreSuffix(key, apostrophe, options, &best, &suffix_p)) {
        suffix_log_p = std::log(suffix_p);
      }
      return Restored(typed, best, WordRestoration::Evidence::kDictionary,
                      confidence * std::exp(suffix_log_p));
    }
    // A name nothing knows ("Trump'in"): kept as typed, and its suffix
    // follows its vowels as typed.
    std::u32string as_typed = internal::AsTyped(typed);
    double suffix_p;
    if (stem.upper != 0 &&
        RestoreSuffix(key, apostrophe, options, &as_typed, &suffix_p)) {
      return Restored(typed, as_typed, WordRestoration::Evidence::kUnseen,
                      suffix_p * 0.5);
    }
  }

  // Unknown to Hunspell and capitalised inside a sentence, or in capitals:
  // a name or an acronym ("Macintosh", "EUC"), left alone.
  // At a sentence start a capital says nothing, but a name there is as
  // likely as anywhere: only a sure spelling is taken.
  const double threshold = typed.upper == 0 ? options.unvalidated_threshold
                           : typed.upper == 1 && previous_word.empty()
                               ? std::max(options.unvalidated_threshold,
                                          options.unvalidated_capital_threshold)
                               : 2.0;
  if (std::exp(best_log_p) >= threshold) {
    return Restored(typed, best, WordRestoration::Evidence::kLetterModel,
                    std::exp(best_log_p));
  }
  // Most such words are names, foreign words or typos, rightly left alone;
  // the letter model's doubt about its own best spelling says how many.
  return Unchanged(word, WordRestoration::Evidence::kUnseen,
                   1 - 0.5 * std::exp(best_log_p));
}

bool Deasciifier::RestoreSuffix(const std::string& key, size_t apostrophe,
                                const RestoreOptions& options,
                                std::u32string* form,
                                double* probability) const {
  const Model::WordEntry* entry =
      model_->FindWord(std::string_view(key).substr(apostrophe));
  if (entry == nullptr) return false;
  const char32_t vowel = text::LastVowel(
      internal::WithPlainI(std::u32string_view(*form).substr(0, apostrophe)));
  size_t k = 0;
  *probability = SeenConfidence(entry->total);
  if (entry->forms.size() > 1) {
    // Rows by the stem's last vowel (a stem without one, "TBMM'nin", is
    // read by its letters' names, which end in e).
    k = ChooseForm(*entry, /*capitals=*/false, {}, {}, options, probability,
                   vowel == 0 ? U'e' : vowel);
  }
  std::copy(entry->forms[k].form.begin(), entry->forms[k].form.end(),
            form->begin() + apostrophe);
  return true;
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
        for (; t < tokens.size(); ++t) {
          const text::Token& token = tokens[t];
          if (!internal::IsWordLike(token)) continue;
          if (token.sentence_initial && !words.empty()) break;
          words.push_back(&token);
        }
        for (size_t k = 0; k < words.size(); ++k) {
          restored.push_back(RestoreWord(
              words[k]->text, k > 0 ? words[k - 1]->text : std::string_view(),
              k + 1 < words.size() ? words[k + 1]->text : std::string_view(),
              options));
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
