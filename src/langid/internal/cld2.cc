// A thin adapter: CLD2's C-style out-parameters become a Cld2Result, and
// its ~170 languages collapse onto Newsroom's three (Turkish, English,
// everything else), keeping CLD2's own code for diagnostics.
//
// Tested through identifier_test.cc.
#include "langid/internal/cld2.h"

// compact_lang_det.h uses FILE without including <cstdio>.
#include <cstdio>
// clang-format off
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
// clang-format on

#include <cstring>
#include <mutex>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace newsroom::langid::internal {
namespace {

std::optional<Language> MapLanguage(CLD2::Language l) {
  switch (l) {
    case CLD2::TURKISH:
      return Language::kTurkish;
    case CLD2::ENGLISH:
      return Language::kEnglish;
    case CLD2::UNKNOWN_LANGUAGE:
    case CLD2::TG_UNKNOWN_LANGUAGE:
      return std::nullopt;
    default:
      return Language::kOther;
  }
}

bool IsOtherTurkic(CLD2::Language l) {
  switch (l) {
    case CLD2::AZERBAIJANI:
    case CLD2::TURKMEN:
    case CLD2::UZBEK:
    case CLD2::TATAR:
    case CLD2::KAZAKH:
    case CLD2::KYRGYZ:
    case CLD2::BASHKIR:
    case CLD2::UIGHUR:
      return true;
    default:
      return false;
  }
}

Cld2Result Detect(std::string_view utf8, int flags) {
  CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING,
                          CLD2::UNKNOWN_LANGUAGE};
  CLD2::Language language3[3];
  int percent3[3];
  double normalized_score3[3];
  int text_bytes = 0;
  bool reliable = false;
  CLD2::ExtDetectLanguageSummary(
      utf8.data(), static_cast<int>(utf8.size()), /*is_plain_text=*/true,
      &hints, flags, language3, percent3, normalized_score3,
      /*resultchunkvector=*/nullptr, &text_bytes, &reliable);
  Cld2Result result;
  for (int i = 0; i < 3; ++i) {
    result.top[i].code = CLD2::LanguageCode(language3[i]);
    result.top[i].language = MapLanguage(language3[i]);
    result.top[i].percent = percent3[i];
    result.top[i].turkic = IsOtherTurkic(language3[i]);
  }
  result.reliable = reliable;
  return result;
}

}  // namespace

Cld2Result RunCld2(std::string_view utf8) {
  Cld2Result sure = Detect(utf8, 0);
  if (sure.reliable && sure.top[0].language.has_value()) return sure;
  Cld2Result guess = Detect(utf8, CLD2::kCLDFlagBestEffort);
  guess.reliable = false;
  guess.guessed = true;
  return guess;
}

std::string_view Cld2TablesVersion() { return CLD2::DetectLanguageVersion(); }

bool Cld2HasFullTables() {
  return Cld2TablesVersion().find("20140204") != std::string_view::npos;
}

void KeepCld2ScratchMemory() {
#if defined(__GLIBC__)
  static std::once_flag once;
  std::call_once(once, [] { mallopt(M_TRIM_THRESHOLD, 32 << 20); });
#endif
}

}  // namespace newsroom::langid::internal
