// A list of words with counts, as the spelling engine stores what it has
// learned from clean text (data/spelling/tr-words.tsv) and what people have
// vetted by hand (data/spelling/tr-allowlist.txt).
//
//   absl::StatusOr<WordList> words = WordList::Load(path);
//   if (!words.ok()) return words.status();
//   const WordList::Entry* e = words->Find("ankara");  // lower-case key
//   if (e != nullptr) use(e->form, e->count);          // "Ankara", 37
//
// File format, UTF-8, one entry a line:
//
//   # comment lines and blank lines are skipped
//   Ankara<TAB>37
//   TBMM                      (the count may be left out: it is then 0)
//
// The form is the word as it is usually written: lower case for common
// words ("haber"), capitalised for names ("Ankara"), capitals for acronyms
// ("TBMM"), mixed for product names ("LibreOffice"). Entries are keyed by
// their Turkish lower case; a second entry with the same key adds its count
// to the first and keeps the first form.
//
// A WordList is a value; const methods are thread-safe.
#ifndef NEWSROOM_SPELLING_WORD_LIST_H_
#define NEWSROOM_SPELLING_WORD_LIST_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace newsroom::spelling {

class WordList {
 public:
  struct Entry {
    std::string form;   // as usually written
    int64_t count = 0;  // occurrences in the training text; 0 if unknown
  };

  // Reads a file. NotFound when it does not exist; InvalidArgument naming
  // the file and line for a line that is not "form" or "form<TAB>count"
  // with a non-negative integer count, or is not valid UTF-8.
  static absl::StatusOr<WordList> Load(const std::string& path);
  // Parses file contents; `name` is used in error messages.
  static absl::StatusOr<WordList> Parse(std::string_view contents,
                                        std::string_view name);

  // Writes `header` (each line prefixed with "# ") and then the entries in
  // their order. Internal on a write failure.
  absl::Status Save(const std::string& path, std::string_view header) const;

  // Adds `count` to the entry keyed by `form`'s lower case, creating it with
  // this form if new. REQUIRES: `form` is non-empty valid UTF-8.
  void Add(std::string_view form, int64_t count);

  // The entry for a lower-case key, or nullptr.
  const Entry* Find(std::string_view lower) const;

  // Sorts entries by count, most frequent first, then by form.
  void SortByCount();

  const std::vector<Entry>& entries() const { return entries_; }
  size_t size() const { return entries_.size(); }

 private:
  std::vector<Entry> entries_;
  absl::flat_hash_map<std::string, uint32_t> index_;  // lower case → entry
};

}  // namespace newsroom::spelling

#endif  // NEWSROOM_SPELLING_WORD_LIST_H_
