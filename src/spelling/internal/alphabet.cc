// Both files are read as UTF-8 text (the affix file must say SET UTF-8,
// else nothing is promised), every character beyond ASCII taken but those
// of comments and of the lines that only steer suggestions (TRY, KEY, REP,
// MAP, PHONE): over-collecting (a flag, a morphological field) only lets
// more words through to Hunspell. Case variants of the
// dictionary's characters are added both ways and under both Turkish and
// default rules. Hunspell changes the case of a word only to lower-case
// a capitalised or ALL-CAPS word (and capitalise its first letter again),
// so a lower-case character of the word must be in the alphabet as it
// is, while a capital passes when its lower case or the capital of that
// is in the alphabet or is ASCII ("İ" → "i").
//
// Tested by alphabet_test.cc.
#include "spelling/internal/alphabet.h"

#include <unicode/uchar.h>

#include <filesystem>
#include <fstream>

#include "absl/strings/str_cat.h"
#include "spelling/internal/letters.h"
#include "text/utf8.h"

namespace newsroom::spelling::internal {
namespace {

// The case variants of c, c included.
std::u32string Variants(char32_t c) {
  return {c,
          LowerTr(c),
          UpperTr(c),
          static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))),
          static_cast<char32_t>(u_toupper(static_cast<UChar32>(c))),
          static_cast<char32_t>(u_totitle(static_cast<UChar32>(c)))};
}

// Affix file lines that steer suggestions only, and comments.
bool SuggestionsOnly(std::string_view line) {
  for (std::string_view keyword : {"TRY", "KEY", "REP", "MAP", "PHONE"}) {
    if (line.substr(0, keyword.size()) == keyword &&
        (line.size() == keyword.size() || line[keyword.size()] == ' ' ||
         line[keyword.size()] == '\t')) {
      return true;
    }
  }
  return !line.empty() && line[0] == '#';
}

}  // namespace

absl::StatusOr<std::unique_ptr<const Alphabet>> Alphabet::Load(
    const std::string& aff_path, const std::string& dic_path) {
  for (const std::string& path : {aff_path, dic_path}) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
      return absl::NotFoundError(
          absl::StrCat("Hunspell dictionary file not found: ", path));
    }
  }
  std::unique_ptr<Alphabet> a(new Alphabet());
  bool utf8 = false;  // Hunspell's default encoding is ISO 8859-1
  for (const std::string& path : {aff_path, dic_path}) {
    std::ifstream in(path, std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
      if (path == aff_path) {
        if (line.rfind("IGNORE", 0) == 0) a->everything_ = true;
        if (line.rfind("SET UTF-8", 0) == 0) utf8 = true;
        if (SuggestionsOnly(line)) continue;
      }
      if (!text::ValidateUtf8(line).ok()) {
        a->everything_ = true;
        continue;
      }
      size_t i = 0;
      while (i < line.size()) {
        if (static_cast<unsigned char>(line[i]) < 0x80) {
          ++i;
          continue;
        }
        char32_t c = text::NextCodePoint(line, &i);
        for (char32_t v : Variants(c)) a->extra_.insert(v);
      }
    }
  }
  if (!utf8) a->everything_ = true;
  return std::unique_ptr<const Alphabet>(std::move(a));
}

bool Alphabet::MayAccept(std::u32string_view word) const {
  if (everything_) return true;
  auto known = [this](char32_t c) { return c < 0x80 || extra_.contains(c); };
  for (char32_t c : word) {
    if (known(c)) continue;
    // Whatever Hunspell may turn a capital into, under either rules.
    char32_t lowers[2] = {
        LowerTr(c), static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)))};
    bool variant_known = false;
    for (char32_t low : lowers) {
      if (low == c) continue;  // not a capital
      variant_known |=
          known(low) || known(UpperTr(low)) ||
          known(static_cast<char32_t>(u_toupper(static_cast<UChar32>(low))));
    }
    if (!variant_known) return false;
  }
  return true;
}

}  // namespace newsroom::spelling::internal
