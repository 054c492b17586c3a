// A Hunspell dictionary (Debian's hunspell-tr, hunspell-en-us or -en-gb) that
// many threads can query at once.
//
//   auto tr = Dictionary::Load(Dictionary::Options::Turkish());
//   if (!tr.ok()) return tr.status();
//   (*tr)->Spell("görüntülenecektir");   // morphology says yes or no
//   (*tr)->Stems("kitaplarımızdan");     // {"kitap"}
//
// Hunspell objects keep scratch state while they check a word, so one
// object must not serve two threads at once. A Dictionary owns a small pool
// of identical Hunspell objects (one per hardware thread by default) and
// lends one to each call; calls never block each other unless more threads
// than instances are checking at the same moment. Words are asked about
// again and again (every comment has "bir" and "bu"), and Hunspell takes
// microseconds over an answer: Spell() remembers its recent answers.
//
// Thread-safe. Built once by Load(), then only const methods.
#ifndef NEWSROOM_MORPHOLOGY_DICTIONARY_H_
#define NEWSROOM_MORPHOLOGY_DICTIONARY_H_

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "cache/result_cache.h"

class Hunspell;

namespace newsroom::morphology {

class Dictionary {
 public:
  struct Options {
    std::string aff_path;
    std::string dic_path;
    // Number of Hunspell instances; 0 means one per hardware thread. Each
    // Turkish instance costs about 35 MB and 0.2 s to load.
    int instances = 0;
    // Spell() answers remembered (0: none). Each costs about 12 bytes.
    int cache_entries = 1 << 16;

    // Debian's hunspell-tr, hunspell-en-us and hunspell-en-gb, under
    // /usr/share/hunspell.
    static Options Turkish();
    static Options English();
    static Options British();
  };

  // Loads the dictionary. NotFound when a file is missing (the message names
  // it and the Debian package that ships it).
  static absl::StatusOr<std::unique_ptr<const Dictionary>> Load(
      const Options& options);

  ~Dictionary();
  Dictionary(const Dictionary&) = delete;
  Dictionary& operator=(const Dictionary&) = delete;

  // True when Hunspell accepts `word` (UTF-8) as written. Hunspell applies
  // its own case rules: "İstanbul" and "İSTANBUL" pass, "istanbul" does not.
  bool Spell(std::string_view word) const;

  // The dictionary stems of `word`; empty when it is not a word.
  std::vector<std::string> Stems(std::string_view word) const;

 private:
  struct Slot {
    std::mutex mu;
    std::unique_ptr<Hunspell> hunspell;
  };
  Dictionary(std::vector<std::unique_ptr<Slot>> slots, int cache_entries);

  // Runs fn(Hunspell&) on a free instance.
  template <typename Fn>
  auto WithInstance(Fn fn) const;

  std::vector<std::unique_ptr<Slot>> slots_;
  std::unique_ptr<cache::ResultCache<bool>> spelled_;  // null: no cache
};

}  // namespace newsroom::morphology

#endif  // NEWSROOM_MORPHOLOGY_DICTIONARY_H_
