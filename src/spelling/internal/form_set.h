// Every word form a suffix-only Hunspell dictionary accepts, as a set of
// fingerprints: the suggester's way to ask "is this edit of the typo a
// word?" hundreds of times in microseconds.
//
//   auto forms = FormSet::Load("/usr/share/hunspell/tr_TR.aff",
//                              "/usr/share/hunspell/tr_TR.dic");
//   (*forms)->Contains(U"gelmiyorum");   // true: stem "gel"… + suffix flag
//   (*forms)->Contains(U"ankara'da");    // true (lower-cased)
//
// Debian's hunspell-tr describes Turkish as 371 thousand entries, each
// with a list of suffix flags, every flag one suffix string without
// continuation: the language it accepts is finite (1.37 million forms) and
// can be listed. Forms are stored lower-cased (Turkish rules) as 64-bit
// hashes: about 20 MB, built in about 0.3 s. A hash collision can make
// Contains() say yes to a non-word with probability ~1e-13; callers
// confirm final answers with Hunspell itself.
//
// Supported affix files: FLAG num or the default one-character flags; SFX
// rules with strip strings and conditions made of letters and [..] / [^..]
// groups. PFX rules and continuation flags are ignored (their forms are
// missing from the set; Hunspell itself still knows them).
//
// Immutable after Load(); thread-safe.
#ifndef NEWSROOM_SPELLING_INTERNAL_FORM_SET_H_
#define NEWSROOM_SPELLING_INTERNAL_FORM_SET_H_

#include <memory>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"

namespace newsroom::spelling::internal {

class FormSet {
 public:
  // NotFound when a file is missing; InvalidArgument naming the file and
  // line when the affix file uses a flag type other than num or the
  // default.
  static absl::StatusOr<std::unique_ptr<const FormSet>> Load(
      const std::string& aff_path, const std::string& dic_path);

  // `lower` is a lower-case word.
  bool Contains(std::u32string_view lower) const;
  size_t size() const { return hashes_.size(); }

 private:
  FormSet() = default;
  absl::flat_hash_set<uint64_t> hashes_;
};

}  // namespace newsroom::spelling::internal

#endif  // NEWSROOM_SPELLING_INTERNAL_FORM_SET_H_
