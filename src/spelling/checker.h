// The spelling engine: decides which words of a comment are misspelled and
// suggests corrections, for the `spelling` rule of the comment policy
// ("imla kuralları ile yazılmamış yorumlar onaylanmamaktadır").
//
//   auto checker = Checker::Load(Checker::Options());
//   if (!checker.ok()) return checker.status();
//   WordContext ctx{Language::kTurkish, /*sentence_initial=*/false};
//   WordCheck c = (*checker)->Check("bilgisyar", ctx);  // misspelled
//   (*checker)->Suggest("bilgisyar", Language::kTurkish, 5);
//                                                 // {"bilgisayar", …}
//
// What counts as correct in Turkish text (the first rule that applies
// decides, and its Reason is reported):
//   - single letters, words with digits or inner dots ("x", "mp3",
//     "com.tr"): not words, not checked;
//   - a word of the learned list (data/spelling/tr-words.tsv, learned from
//     clean text) or of the hand-curated allowlist (tr-allowlist.txt), in
//     any capitalisation if the list has it in lower case;
//   - a word Hunspell (hunspell-tr) accepts; an ALL-CAPS word is checked in
//     lower case and capitalised too ("HABER", "İSTANBUL");
//   - a known word plus a closing suffix Hunspell lacks, with vowel harmony
//     and consonant assimilation checked: -DIr, -DIrlAr, -(y)DI, -(y)mIş,
//     -(y)sA, -(y)ken, -(y)lA, -ki ("görüntülenecektir");
//   - a word with â, î or û that is known without the circumflex
//     ("kârları", "hâlâ");
//   - a form of a learned stem that Hunspell spells with another of ü/u,
//     â/a, î/i, û/u, when Hunspell accepts the form so spelt
//     ("hükümetlerimizin": Hunspell has "hükumet");
//   - a name with an apostrophe suffix ("Kılıçdaroğlu'nun", "LibreOffice'in"):
//     the suffix must be a Turkish case/possessive/copula sequence; the
//     same sequence in lower case right after a closing quotation mark
//     ("detaylı bilgi"yi, WordContext::after_quote);
//   - an English word in Turkish text, when at least
//     Options::min_english_length letters ("online", "Writer");
//   - mixed capitals ("LibreOffice", "iPhone"): a product name;
//   - a capitalised or ALL-CAPS word that is not one typo away from a known
//     word: a name or acronym ("Kılıçdaroğlu", "TBMM"). One typo away from a
//     known word ("HABRLER"), it is misspelled; but inside a sentence a
//     capitalised word is misspelled only one typo from a well-known name
//     ("Ankra", not "Postel" or "Corry"), an ALL-CAPS word of up to four
//     letters is an acronym ("NYSE") and a capitalised English word part
//     of a name ("New York");
// Everything else is misspelled, in particular: letters repeated three or
// more times ("çoook": written speech, not spelling), informal spellings
// ("tmm", "slm", "bi", "napıyon"), the progressive without its r
// ("kalıyo", "yapıyolar": suggested as "kalıyor", "yapıyorlar"), names
// written in lower case ("ankara"),
// apostrophes after common nouns ("kitap'ta"), and unknown words.
//
// In English text words are checked with hunspell-en-us, with the same
// treatment of single letters, digits, acronyms and product names; a word
// spelt the British way passes too ("colour", "criticised", "programme"):
// hunspell-en-gb knows it and its American twin is a hunspell-en-us word.
// A name typed in lower case ("muslims", "iraq", four letters or more) is
// a lowercase_name finding as in Turkish, suggested with its capital
// ("Muslims", "Iraq"), but weighs no more than an unknown word.
//
// Thread-safety: built once by Load(), then every method is const and
// thread-safe. Results of Check() and Suggest() are kept in small
// concurrent caches; the suggestion indexes (among them the set of every
// form hunspell-tr accepts, which also answers most of the checker's
// questions to Hunspell) are built on first use (or at Load() with
// Options::build_indexes_at_load) under std::call_once.
#ifndef NEWSROOM_SPELLING_CHECKER_H_
#define NEWSROOM_SPELLING_CHECKER_H_

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "datadir/datadir.h"
#include "langid/language.h"
#include "morphology/dictionary.h"
#include "spelling/word_list.h"
#include "text/document.h"

namespace newsroom::deasciify {
class Deasciifier;
}  // namespace newsroom::deasciify

namespace newsroom::spelling {

namespace internal {
class Alphabet;
class DeleteIndex;
class FormSet;
class CheckCache;
class SuggestCache;
}  // namespace internal

using langid::Language;

// Why a word was judged as it was.
enum class Reason {
  // Correct.
  kKnownWord,    // in the learned word list or the allowlist
  kDictionary,   // Hunspell accepts it
  kInflected,    // a known word plus a closing suffix
  kProperNoun,   // capitalised, unknown, not one typo from a known word
  kAcronym,      // ALL CAPS, unknown, not one typo from a known word
  kProductName,  // mixed capitals: "LibreOffice", "iPhone"
  kForeignWord,  // a word of the other language: English in Turkish text,
                 // Turkish in English text
  kNotAWord,     // single letter, digits, inner dots
  kAfterQuote,   // suffixes right after a closing quotation mark:
                 // "detaylı bilgi"yi, «Fear»ın
  kNotChecked,   // the text's language is neither Turkish nor English
  // Misspelled.
  kUnknownWord,             // no rule accepts it
  kNearKnownWord,           // capitalised, but one typo from a known word
  kRepeatedLetters,         // "çoook", "hmmm"
  kInformal,                // "tmm", "slm", "bi": an informal spelling
  kLowercaseName,           // "ankara"
  kApostropheOnCommonNoun,  // "kitap'ta"
};

// "known_word", "near_known_word", … (for logs and the API).
const char* ReasonName(Reason reason);

struct WordContext {
  Language language = Language::kTurkish;
  // The word starts a sentence (text::Token::sentence_initial). A capital
  // there says nothing about names, so the engine is stricter with unknown
  // capitalised words there.
  bool sentence_initial = false;
  // The word follows a closing quotation mark (text::Token::after_quote):
  // Turkish writes a quoted phrase's suffixes so ("detaylı bilgi"yi), and a
  // chain of them is correct there.
  bool after_quote = false;
};

// The context of word token `t` in a text of `language`.
inline WordContext ContextOf(const text::Token& t, Language language) {
  return {language, t.sentence_initial, t.after_quote};
}

struct WordCheck {
  bool misspelled = false;
  Reason reason = Reason::kKnownWord;
  // For a misspelled word, how sure the engine is, in [0, 1]: 0.95 for an
  // informal spelling or repeated letters, 0.9 for a word one typo from a
  // known word, 0.6 for a word that is merely unknown (it may be a rare
  // word or a name written in lower case). 1 for correct words.
  float confidence = 1.0f;
};

// One misspelled word token of a document.
struct Misspelling {
  int token_index = 0;  // into Document::tokens()
  WordCheck check;
};

class Checker {
 public:
  struct Options {
    // The learned word list and the hand-curated lists.
    std::string word_list_path = datadir::Get() + "/spelling/tr-words.tsv";
    std::string allowlist_path = datadir::Get() + "/spelling/tr-allowlist.txt";
    // Informal spelling → standard spelling, "tmm<TAB>tamam".
    std::string informal_path = datadir::Get() + "/spelling/tr-informal.tsv";

    // Hunspell pools to share (not owned; must outlive the Checker). When
    // null, the Checker loads its own from the files below with
    // `hunspell_instances` instances each.
    const morphology::Dictionary* turkish = nullptr;
    const morphology::Dictionary* english = nullptr;
    // The Turkish files are also read by the suggester (every form
    // hunspell-tr accepts; about 0.4 s and 26 MB when first needed), and
    // the English files for the characters English words can have, so they
    // must be the files of `turkish` and `english` when those are given.
    morphology::Dictionary::Options turkish_files =
        morphology::Dictionary::Options::Turkish();
    morphology::Dictionary::Options english_files =
        morphology::Dictionary::Options::English();
    // British spellings in English text (see above); loaded by the Checker
    // when british_spellings is on. hunspell-en-gb also knows informal
    // words ("cuz", "bc", "libs"): a word passes only when a British
    // ending or letter group, written the American way, gives a word of
    // hunspell-en-us.
    bool british_spellings = true;
    morphology::Dictionary::Options british_files =
        morphology::Dictionary::Options::British();
    int hunspell_instances = 0;  // 0: one per hardware thread

    // The letter restorer to share (not owned; must outlive the Checker),
    // or null. When given, Suggest() also offers its restoration of the
    // word typed without Turkish letters, for words neither the lists nor
    // hunspell-tr know ("alerjımın" → "alerjimin").
    const deasciify::Deasciifier* deasciifier = nullptr;

    // Suggest forms hunspell-tr knows but the word list lacks
    // ("gelmiyrum" → "gelmiyorum"). Off: suggestions come from the word
    // lists only, and the first Suggest() is instant. On (or with
    // names_against_all_forms), the set of forms also answers for
    // hunspell-tr wherever it can tell what Hunspell would say, which
    // makes Check() of words beyond the lists several times faster.
    bool suggest_from_all_forms = true;
    // Build the suggestion indexes in Load() rather than on first use: for
    // servers, where the first request should not pay for them.
    bool build_indexes_at_load = false;
    // English words at least this long pass inside Turkish text. Shorter
    // ones are too often a Turkish typo ("kale", "bin", "son").
    int min_english_length = 4;
    // Capitalised unknown words at least this long (or at a sentence start,
    // of any length) are checked for being one typo from a known word;
    // shorter ones pass as names or acronyms ("AK").
    int min_name_check_length = 3;
    // ALL-CAPS unknown words up to this long, not at a sentence start,
    // pass as acronyms without that check ("NYSE"); Title-case ones pass
    // when hunspell-en-us knows them ("York").
    int max_acronym_length = 4;
    // Inside a sentence a capitalised unknown word is a name: it is taken
    // for a typo only when one typo from a name of the lists counted at
    // least this many times ("Ankra": Ankara, 686,210), not from a common
    // word ("Postel": pastel) or a rare name ("Corry": Corey, 4,080).
    // The same for a capitalised word before an apostrophe, anywhere.
    // Chosen on the dev part (BENCHMARKS.md, "A capital inside a
    // sentence"): news false alarms 1.18 % → 0.91 %; 1,000 and 10,000
    // kept 1.08 % and 1.01 %. 0 holds such words against every name of
    // the lists.
    int64_t well_known_name_count = 100000;
    // Also count the forms hunspell-tr accepts (not only the word lists) as
    // "known words" when deciding whether a capitalised unknown word is a
    // typo. On tr-dev this lifts recall from 88.3 % to 90.8 % for 0.2
    // points more false alarms. The first such word pays for building the
    // form set (about 0.4 s) unless Suggest() already has.
    bool names_against_all_forms = true;
    // Entries in the Check() result cache (0 disables it). Each costs
    // about 25 bytes.
    int cache_entries = 1 << 16;
    // Entries in the Suggest() result cache (0 disables it). Each costs
    // about 250 bytes. Misspellings repeat across comments, and a
    // suggestion costs about ten microseconds.
    int suggest_cache_entries = 1 << 14;
  };

  // Loads the lists and, unless given, the Hunspell dictionaries. NotFound
  // naming a missing file; InvalidArgument naming the file and line of a
  // malformed list.
  static absl::StatusOr<std::unique_ptr<const Checker>> Load(
      const Options& options);

  ~Checker();
  Checker(const Checker&) = delete;
  Checker& operator=(const Checker&) = delete;

  // Judges one word as typed (NFC UTF-8, one token of text::Document: no
  // spaces; hyphenated words are checked part by part). About 0.1 µs for
  // a word of the list, one or two µs for the rest, less when cached.
  // REQUIRES: `word` is valid UTF-8.
  WordCheck Check(std::string_view word, const WordContext& context) const;

  // The misspelled word tokens of `document`, in order.
  std::vector<Misspelling> CheckDocument(const text::Document& document,
                                         Language language) const;

  // Up to `max` corrections for `word`, best first, in the capitalisation
  // of the input ("HABRE" → "HABER", "Habrler" → "Haberler"); names keep
  // their capital ("ankra" → "Ankara"). Turkish words may also differ by
  // any number of Turkish letters ("açabıleceğımız" → "açabileceğimiz"),
  // and by those and one typo. With Options::deasciifier, also the
  // deasciifier's spelling of a Turkish word no list or form knows
  // ("alerjımın" → "alerjimin"): first when it looks like Turkish (see
  // checker.cc), else second. Empty when nothing is close (within two
  // typos) or the language is neither Turkish nor English. Typically
  // 10–80 µs, less when cached; bounded for any word (the letter search
  // stops after 1,500 steps).
  std::vector<std::string> Suggest(std::string_view word, Language language,
                                   int max) const;

  // The learned word list, for tools.
  const WordList& words() const { return words_; }

 private:
  struct Candidate;
  explicit Checker(const Options& options);

  WordCheck CheckUncached(std::string_view word,
                          const WordContext& context) const;
  WordCheck CheckPart(std::u32string_view word,
                      const WordContext& context) const;
  WordCheck CheckTurkish(std::u32string_view word, std::string_view utf8,
                         const WordContext& context) const;
  WordCheck CheckEnglish(std::u32string_view word, std::string_view utf8) const;
  WordCheck CheckApostrophe(std::u32string_view word, size_t apostrophe,
                            const WordContext& context) const;
  // Whether `lower` is one typo from a word of the lists, or with
  // `names_only` from a name of them (an entry written with a capital)
  // counted at least `min_count` times.
  bool IsNearListWord(std::u32string_view lower, bool names_only,
                      int64_t min_count = 0) const;
  // `near`: IsNearKnownWord(lower case of word), if already known.
  WordCheck CheckUnknownShape(std::u32string_view word,
                              const WordContext& context,
                              std::optional<bool> near = std::nullopt) const;
  std::vector<std::string> SuggestUncached(std::string_view word,
                                           Language language, int max) const;

  // turkish_->Spell(word), answered by the form set instead when it can
  // (FormSet::Accepts). Its "no" is certain; its "yes" is wrong when the
  // word's fingerprint collides with a form's (about once in 10^11), so
  // *set_said_yes (when given) is set for a "yes" of the set, for callers
  // that confirm it with Hunspell: the suggester, whose answers readers
  // see.
  bool SpellTurkish(std::u32string_view word,
                    bool* set_said_yes = nullptr) const;
  // english_->Spell(utf8) for `word`, skipped when the alphabet says no.
  bool SpellEnglish(std::u32string_view word, std::string_view utf8) const;
  // Whether lower-case `lower` is a British spelling of an American word
  // (Options::british_spellings).
  bool IsBritishSpelling(std::u32string_view lower) const;
  // The list entry (learned or allowlisted) for a lower-case key.
  const WordList::Entry* FindEntry(std::string_view lower) const;
  // The standard spelling of a colloquial progressive ("kalıyo" →
  // "kalıyor"), or empty when `lower` is not one.
  std::u32string ColloquialStandard(std::u32string_view lower) const;
  // Turkish: in a list or accepted by Hunspell, in any of the
  // capitalisations that fit `word`.
  bool IsKnownTurkish(std::u32string_view word) const;
  bool IsInflectedKnown(std::u32string_view lower) const;
  // A form of a listed stem Hunspell spells with another letter
  // ("hükümetlerimizin": "hükümet", Hunspell's "hükumet").
  bool IsVariantOfKnownStem(std::u32string_view lower) const;
  // True when a known word other than `lower` is within one typo.
  bool IsNearKnownWord(std::u32string_view lower) const;

  void BuildListIndex() const;
  void BuildFormSet() const;
  void AddListCandidates(std::u32string_view lower,
                         std::vector<Candidate>* out) const;
  void AddFormCandidates(std::u32string_view lower,
                         std::vector<Candidate>* out) const;
  // Forms that differ from `lower` by Turkish letters only, or by those
  // and one typo ("açabıleceğımız" → "açabileceğimiz").
  void AddFoldCandidates(std::u32string_view lower,
                         std::vector<Candidate>* out) const;
  // The deasciifier's spelling of `lower` folded to ASCII, when it differs
  // from `lower` and the deasciifier knows the word or its letter model is
  // sure of it.
  void AddRestoredCandidate(std::u32string_view lower,
                            std::vector<Candidate>* out) const;
  // Listed names the start of `lower` folds like, with the rest as their
  // suffix after an apostrophe ("akbudundan" → "akbudun'dan"), lower case.
  void AddListNamesWithSuffix(std::u32string_view lower,
                              std::vector<std::u32string>* out) const;
  // How the name whose lower case is `lower` is written ("Akbudun"), or
  // empty when `lower` is no known name.
  std::string NameForm(std::u32string_view lower) const;

  Options options_;
  WordList words_;
  WordList allow_;
  absl::flat_hash_map<std::string, std::string> informal_;
  std::unique_ptr<const morphology::Dictionary> owned_turkish_;
  std::unique_ptr<const morphology::Dictionary> owned_english_;
  std::unique_ptr<const morphology::Dictionary> british_;  // null: off
  const morphology::Dictionary* turkish_ = nullptr;
  const morphology::Dictionary* english_ = nullptr;

  // Built once, lazily: the delete index over both word lists, and the
  // set of every form hunspell-tr accepts (null if it could not be read).
  mutable std::once_flag list_index_once_;
  mutable std::vector<std::u32string> index_words_;  // lower case
  mutable std::vector<const WordList::Entry*> index_entries_;
  mutable std::unique_ptr<internal::DeleteIndex> delete_index_;
  mutable std::once_flag forms_once_;
  mutable std::unique_ptr<const internal::FormSet> forms_;

  // The characters English words can have (null if the files could not
  // be read): most Turkish words need no English Hunspell call.
  std::unique_ptr<const internal::Alphabet> english_alphabet_;

  std::unique_ptr<internal::CheckCache> cache_;
  std::unique_ptr<internal::SuggestCache> suggest_cache_;
};

}  // namespace newsroom::spelling

#endif  // NEWSROOM_SPELLING_CHECKER_H_
