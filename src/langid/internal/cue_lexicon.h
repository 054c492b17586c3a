// The hand-written evidence that the language identifier adds to CLD2:
// cue words of Turkish, English and other languages, Turkish word endings,
// and what may stand on either side of an apostrophe.
//
//   absl::StatusOr<CueLexicon> lexicon = CueLexicon::Load("data/langid");
//   WordShape shape;
//   AnalyzeWord("degil", &shape);
//   std::optional<Cue> cue = lexicon->Lookup(shape);  // Turkish, weight 1
//
// The lists are data files, one per language, so that an editor can review
// and extend them: data/langid/turkish.txt, english.txt and other.txt, and
// the names of no language, data/langid/names.txt.
// Format, one entry a line:
//
//   # a comment
//   [words]        a section header; the entries below belong to it
//   değil          an entry, weight 1
//   de 0.4         an entry with its weight (0 < weight <= 4)
//
// Sections, each looked up on the lower-case spelling of a word:
//   [words]             whole words;
//   [endings]           word endings, matched on the ASCII-folded spelling
//                       of a word that is no cue word and at least two
//                       letters longer than the ending ("geliyor" → "yor");
//   [after_apostrophe]  what follows the last apostrophe of a word
//                       ("Ankara'da" → "da", "don't" → "t");
//   [before_apostrophe] what precedes it ("l'homme" → "l");
//   [names]             names that text of any language uses as they are
//                       ("Istanbul", "Erdogan", "Galatasaray"), matched on
//                       the folded spelling of a whole word without an
//                       apostrophe: evidence of no language (IsName()).
// A Turkish word entry written with Turkish letters also matches its
// ASCII-folded spelling ("değil" matches "degil"), unless that spelling is
// itself an entry: "önce" does not match the English "once".
//
// A CueLexicon is immutable after Load(); Lookup() is thread-safe.
#ifndef NEWSROOM_LANGID_INTERNAL_CUE_LEXICON_H_
#define NEWSROOM_LANGID_INTERNAL_CUE_LEXICON_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "absl/status/statusor.h"
#include "langid/internal/word_shape.h"
#include "langid/language.h"

namespace newsroom::langid::internal {

// Evidence from one word: it speaks for `language` with `weight`, in units
// of "one typical function word".
struct Cue {
  Language language = Language::kOther;
  float weight = 0;
};

// The text of one list file and the language its entries speak for.
struct CueSource {
  Language language = Language::kOther;
  std::string name;  // for error messages, e.g. "data/langid/turkish.txt"
  std::string text;
};

class CueLexicon {
 public:
  // Reads turkish.txt, english.txt, other.txt and names.txt from `dir`.
  // NotFound naming a missing file; otherwise as FromSources().
  static absl::StatusOr<CueLexicon> Load(const std::string& dir);

  // Builds a lexicon from list texts. InvalidArgument naming the file and
  // line for: an entry outside a section, an unknown section, a line that
  // is not "entry" or "entry weight" with 0 < weight <= 4, or the same entry
  // twice in one section — in one file or across files, since a word can
  // speak for one language only. (Endings and apostrophe sides are keyed by
  // their folded spelling; one language may list both spellings, "ıyor" and
  // "iyor", and the first one's weight counts.) A name takes no weight and
  // may not also be a cue word: it would speak for a language.
  static absl::StatusOr<CueLexicon> FromSources(
      const std::vector<CueSource>& sources);

  // The cue that `shape` (see AnalyzeWord) carries, or nullopt. Tried in
  // order: whole word, folded Turkish word, apostrophe sides, ending.
  std::optional<Cue> Lookup(const WordShape& shape) const;

  // Whether `shape` is a listed name ("istanbul", "İstanbul", "ISTANBUL";
  // not "İstanbul'da", whose ending is Turkish). The identifier reads no
  // evidence from a name and keeps it from CLD2, which takes "i live in
  // istanbul" for Turkish on the strength of the name alone.
  bool IsName(const WordShape& shape) const;
  // The same for a word's folded spelling (WordShape::fold), known to have
  // no apostrophe.
  bool IsFoldedName(std::string_view fold) const {
    return !names_.empty() && Find(names_, fold) != nullptr;
  }

  // Number of entries, folded spellings included.
  size_t size() const;

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const {
      return std::hash<std::string_view>()(s);
    }
  };
  using Map = std::unordered_map<std::string, Cue, Hash, std::equal_to<>>;
  CueLexicon() = default;

  static const Cue* Find(const Map& map, std::string_view key);

  Map words_;              // lower-case spelling
  Map folded_words_;       // folded spelling of Turkish entries
  Map after_apostrophe_;   // folded
  Map before_apostrophe_;  // folded
  Map endings_;            // folded
  Map names_;              // folded; the Cue is unused
  std::vector<size_t>
      ending_sizes_;  // distinct sizes of endings_, longest first
};

}  // namespace newsroom::langid::internal

#endif  // NEWSROOM_LANGID_INTERNAL_CUE_LEXICON_H_
