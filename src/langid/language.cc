// Tested by language_test.cc.
#include "langid/language.h"

#include <string>

namespace newsroom::langid {

std::string_view LanguageCode(Language language) {
  switch (language) {
    case Language::kTurkish: return "tr";
    case Language::kEnglish: return "en";
    case Language::kOther: return "other";
  }
  return "other";
}

absl::StatusOr<Language> ParseLanguageCode(std::string_view code) {
  std::string lower(code);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  std::string_view primary = lower;
  if (size_t dash = primary.find_first_of("-_"); dash != std::string_view::npos) {
    primary = primary.substr(0, dash);
  }
  if (primary == "tr") return Language::kTurkish;
  if (primary == "en") return Language::kEnglish;
  if (primary == "other") return Language::kOther;
  return absl::InvalidArgumentError("unknown language code \"" +
                                      std::string(code) +
                                      "\": expected \"tr\" or \"en\"");
}

}  // namespace newsroom::langid
