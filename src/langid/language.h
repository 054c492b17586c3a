// The languages Newsroom tells apart, and their codes in the API and config.
//
//   absl::StatusOr<Language> lang = ParseLanguageCode("tr");  // kTurkish
//   LanguageCode(Language::kEnglish);                          // "en"
#ifndef NEWSROOM_LANGID_LANGUAGE_H_
#define NEWSROOM_LANGID_LANGUAGE_H_

#include <string_view>

#include "absl/status/statusor.h"

namespace newsroom::langid {

enum class Language { kTurkish, kEnglish, kOther };

// "tr", "en" or "other".
std::string_view LanguageCode(Language language);

// Accepts "tr", "en" and "other" (any case, and "tr-TR"/"en-US" style tags).
// Anything else is InvalidArgument naming the code.
absl::StatusOr<Language> ParseLanguageCode(std::string_view code);

}  // namespace newsroom::langid

#endif  // NEWSROOM_LANGID_LANGUAGE_H_
