// The characters a Hunspell dictionary's words can contain: a cheap and
// exact "certainly not" before asking Hunspell about a word. Turkish text
// asks hunspell-en-us about every unknown word of four letters or more
// ("online" is English); most of them carry a ç, ğ, ö, ş or ü, which no
// English word has.
//
//   auto en = Alphabet::Load("/usr/share/hunspell/en_US.aff",
//                            "/usr/share/hunspell/en_US.dic");
//   (*en)->MayAccept(U"online");   // true: ask Hunspell
//   (*en)->MayAccept(U"güzel");    // false: Hunspell would say no
//
// Hunspell accepts a word only if it is a dictionary stem with affixes, in
// the dictionary's capitals or another capitalisation, so every character
// of the word, or a case variant of it, is in a stem or an affix. The
// alphabet is those characters beyond ASCII (ASCII always passes), with
// their case variants, the inputs of ICONV conversions and the rest of
// the affix file but for the lines that only steer suggestions. An affix file
// with IGNORE (characters Hunspell skips) makes no promise: every word
// passes.
//
// Immutable after Load(); thread-safe.
#ifndef NEWSROOM_SPELLING_INTERNAL_ALPHABET_H_
#define NEWSROOM_SPELLING_INTERNAL_ALPHABET_H_

#include <memory>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"

namespace newsroom::spelling::internal {

class Alphabet {
 public:
  // NotFound when a file is missing.
  static absl::StatusOr<std::unique_ptr<const Alphabet>> Load(
      const std::string& aff_path, const std::string& dic_path);

  // False when Hunspell with these files certainly rejects `word`: it has
  // a character beyond ASCII that no stem or affix has in any case.
  bool MayAccept(std::u32string_view word) const;

 private:
  Alphabet() = default;
  bool everything_ = false;              // IGNORE: no promise
  absl::flat_hash_set<char32_t> extra_;  // beyond ASCII, in all cases
};

}  // namespace newsroom::spelling::internal

#endif  // NEWSROOM_SPELLING_INTERNAL_ALPHABET_H_
