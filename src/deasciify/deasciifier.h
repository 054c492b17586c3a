// Restores the Turkish letters ç ğ ı ö ş ü of text typed with their ASCII
// look-alikes c g i o s u, and tells which words lack them.
//
//   auto tr = morphology::Dictionary::Load(
//       morphology::Dictionary::Options::Turkish());
//   auto d = Deasciifier::Load(Deasciifier::DefaultModelPath(), tr->get());
//   if (!d.ok()) return d.status();
//   (*d)->Restore("cok guzel bir haber olmus");  // çok güzel bir haber olmuş
//   WordRestoration w = (*d)->RestoreWord("ISIK", /*previous_word=*/"");
//   // w.restored == "IŞIK", w.changed == true, w.confidence ≈ 0.99
//
// How a word is restored (details in deasciifier.cc):
//   1. Words that already carry a non-ASCII letter, or symbols, and words
//      without any of c g i o s u are left as typed. Digits and dots cut a
//      word into pieces restored one by one ("sayfasi1", "T.DAG").
//   2. A word seen in training takes its most frequent spelling there, or,
//      when it has several ("yasa"/"yaşa", "sık"/"şık"), the likeliest one
//      given how often each was written after the previous word, after the
//      previous word's last vowel ("yapar mı", "gelir mi"), before the next
//      word or a word starting with its first four letters ("tur
//      atıyorum", "su dökülecek"), and in capitals (for a word in
//      capitals). The last vowel weighs less than its counts say: it pools
//      every word ending in it.
//   3. Any other word is spelled by a model of the letters around each of
//      its c g i o s u; the best few spellings are checked with Hunspell-tr
//      and the best one that Hunspell accepts is taken. In "Ankara'da" style
//      words the part before the apostrophe is looked up as in step 2, or
//      checked with Hunspell on its own.
// Case is kept ("ISIK" → "IŞIK", "Istanbul" → "İstanbul"), so are
// apostrophes, and everything that is not a word (URLs, mentions, hashtags,
// numbers, emoji, punctuation, white space) is copied byte for byte, except
// the suffix of a number ("3'u" → "3'ü").
//
// Thread-safety: built once by Load(), then logically immutable; every
// method is const and may be called from any number of threads at once.
// (Restorations of words not seen in training are memoized in a bounded
// cache::ResultCache of 65,536 words under sharded locks; the cache changes
// costs, never results.)
#ifndef NEWSROOM_DEASCIIFY_DEASCIIFIER_H_
#define NEWSROOM_DEASCIIFY_DEASCIIFIER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "cache/result_cache.h"
#include "deasciify/internal/letter_model.h"
#include "deasciify/internal/letters.h"
#include "deasciify/internal/model.h"
#include "morphology/dictionary.h"

namespace newsroom::deasciify {

// What the deasciifier concluded about one word.
struct WordRestoration {
  // Which knowledge decided the word.
  enum class Evidence {
    kNotRestorable,  // non-ASCII letters or symbols, or no c g i o s u:
                     // left as typed
    kWordTable,      // seen in training with one spelling
    kContext,        // seen with several spellings; chosen by the counts
                     // (in context when the context was seen)
    kDictionary,     // unseen; the letter model's likeliest spelling that
                     // Hunspell-tr accepts
    kLetterModel,    // unseen, and no dictionary (or use_dictionary off),
                     // or Hunspell-tr accepted nothing but the letter model
                     // is confident (see unvalidated_threshold): the letter
                     // model's likeliest spelling
    kUnseen,         // unseen and left as typed: Hunspell-tr accepted no
                     // spelling, or restore_unseen is off
  };

  // The word as it should be written, in the case it was typed. Equal to the
  // typed word when nothing is to be restored.
  std::string restored;
  // True when `restored` has one of ç ğ ı ö ş ü Ç Ğ İ Ö Ş Ü where the typed
  // word has an ASCII letter: the word was written without Turkish letters.
  // A circumflex alone ("hala" → "hâlâ") does not count: the comment policy
  // asks for Turkish letters, not for circumflexes.
  bool changed = false;
  // Estimated probability, in [0, 1], that `restored` is the right spelling
  // (calibrated on the development set; see `newsroom eval deasciify`).
  double confidence = 1.0;
  Evidence evidence = Evidence::kNotRestorable;
};

const char* EvidenceName(WordRestoration::Evidence evidence);

// Switches for measuring what each part contributes; the defaults are the
// product configuration.
struct RestoreOptions {
  // Use the previous word to choose among several spellings of a seen word.
  // Off: always the most frequent spelling.
  bool use_context = true;
  // Restore words not seen in training. Off: they are left as typed (the
  // "most frequent training form" baseline is use_context = false and
  // restore_unseen = false).
  bool restore_unseen = true;
  // Validate spellings of unseen words with Hunspell-tr (when the
  // Deasciifier has a dictionary). Off: the letter model's best spelling.
  bool use_dictionary = true;
  // When no spelling of an unseen word is accepted by Hunspell-tr, the
  // letter model's best spelling is still taken if the model gives it at
  // least this probability; otherwise the word is left as typed (it is most
  // likely a name, a foreign word or a typo). 0 always restores, above 1
  // never does.
  double unvalidated_threshold = 0.5;
  // The same for a capitalised word at a sentence start (elsewhere a
  // capitalised word Hunspell-tr rejects is left as typed: a name).
  double unvalidated_capital_threshold = 0.9;
  // Restore() only: leave a sentence as typed when it looks foreign, that
  // is when at least two of its words with c g i o s u are unseen and not
  // accepted by Hunspell-tr in any spelling (evidence kUnseen or
  // kLetterModel), and they outnumber its words that were seen or
  // accepted. Keeps "This is a good song" from becoming "This iş a good
  // song". RestoreWord() does not look at sentences; its callers decide the
  // language first.
  bool skip_foreign_sentences = true;
  // Memoize the restorations of unseen words (see the class comment). Off
  // only to measure what they cost.
  bool memoize = true;
};

class Deasciifier {
 public:
  // Reads the model file at `model_path` (written by Train(); see
  // train.h). `turkish` validates spellings of words not seen in training;
  // it may be null (tests, or hosts without hunspell-tr), which lowers
  // accuracy on such words. It must outlive the Deasciifier.
  // Errors: NotFound naming the path when the file is missing or
  // unreadable; InvalidArgument naming the path and line when it is not a
  // valid model.
  static absl::StatusOr<std::unique_ptr<const Deasciifier>> Load(
      const std::string& model_path, const morphology::Dictionary* turkish);

  // As Load(), from the contents of a model file; `name` appears in error
  // messages.
  static absl::StatusOr<std::unique_ptr<const Deasciifier>> FromModelText(
      std::string_view model_text, const std::string& name,
      const morphology::Dictionary* turkish);

  // The committed model: datadir::Get() + "/models/deasciifier.model".
  static std::string DefaultModelPath();

  ~Deasciifier();
  Deasciifier(const Deasciifier&) = delete;
  Deasciifier& operator=(const Deasciifier&) = delete;

  // Restores every word of `text`; line breaks and all non-word bytes are
  // kept. Each word is restored as by RestoreWord() with the word before it
  // in its sentence. A line that is not valid UTF-8 is copied unchanged
  // (validate beforehand with text::ValidateUtf8 to report it).
  std::string Restore(std::string_view text,
                      const RestoreOptions& options = {}) const;

  // Analyses one word token as typed (UTF-8, as text::Document gives it).
  // `previous_word` and `next_word` are the word tokens before and after it
  // in the same sentence, as typed, or empty at the start and end of a
  // sentence. Cheap for ordinary words:
  // a hash lookup, some 0.2 µs. A word not seen in training costs a few
  // microseconds to some tens (letter model and up to a dozen Hunspell
  // checks) the first time, and a memo lookup after that.
  WordRestoration RestoreWord(std::string_view word,
                              std::string_view previous_word,
                              std::string_view next_word = {},
                              const RestoreOptions& options = {}) const;

 private:
  Deasciifier(std::unique_ptr<const internal::Model> model,
              const morphology::Dictionary* turkish);

  // RestoreWord() for a word without piece separators.
  WordRestoration RestorePiece(std::string_view word,
                               std::string_view previous_word,
                               std::string_view next_word,
                               const RestoreOptions& options) const;
  WordRestoration FromTable(const internal::TypedWord& typed,
                            const internal::Model::WordEntry& entry,
                            std::string_view previous_word,
                            std::string_view next_word,
                            const RestoreOptions& options) const;
  // The index of the form of `entry` to write between `previous_word` and
  // `next_word`, and its probability. `previous_vowel`, when not 0, is the
  // last vowel before the word (else the previous word's is used).
  size_t ChooseForm(const internal::Model::WordEntry& entry, bool capitals,
                    std::string_view previous_word, std::string_view next_word,
                    const RestoreOptions& options, double* probability,
                    char32_t previous_vowel = 0) const;
  // Writes the suffix after the apostrophe at `apostrophe` of `key` into
  // *form (which holds the restored stem before it) as the suffix table has
  // it after the stem's last vowel. False when the suffix is not in the
  // table.
  bool RestoreSuffix(const std::string& key, size_t apostrophe,
                     const RestoreOptions& options, std::u32string* form,
                     double* probability) const;
  // Sets *depends_on_context when the result depends on `previous_word`
  // beyond whether it is empty.
  WordRestoration FromLetters(std::string_view word,
                              const internal::TypedWord& typed,
                              std::string_view previous_word,
                              std::string_view next_word,
                              const RestoreOptions& options,
                              bool* depends_on_context) const;
  // The last vowel of the previous word as it should be written.
  char32_t PreviousVowel(std::string_view previous_word,
                         const RestoreOptions& options) const;
  // Tries `spellings` (likeliest first; each of probability
  // exp(fixed_log_p + log_p)) with Hunspell; on the first accepted one sets
  // *accepted and *confidence and returns true.
  bool FindAccepted(
      const internal::TypedWord& typed,
      const std::vector<internal::LetterModel::Spelling>& spellings,
      double fixed_log_p, std::u32string* accepted, double* confidence) const;
  // True when Hunspell-tr accepts `form` written in the typed case (in lower
  // case for a word typed in capitals), or, when `try_capitalised`, with a
  // capital first letter ("istanbul'da" → "İstanbul'da").
  bool Accepts(const internal::TypedWord& typed, const std::u32string& form,
               bool try_capitalised) const;

  std::unique_ptr<const internal::Model> model_;
  const morphology::Dictionary* turkish_;
  internal::LetterModel letters_;
  // FromLetters() results, the costly ones (letter model and Hunspell).
  std::unique_ptr<cache::ResultCache<WordRestoration>> unseen_memo_;
};

}  // namespace newsroom::deasciify

#endif  // NEWSROOM_DEASCIIFY_DEASCIIFIER_H_
