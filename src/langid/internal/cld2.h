// The part of CLD2 (Google's Compact Language Detector 2, Debian's
// libcld2) that the identifier uses, behind a small value-typed call.
//
//   Cld2Result r = RunCld2("Ich bin nicht einverstanden");
//   // r.top[0].code == "de", r.top[0].percent == 97, r.reliable == true
//
// The build links CLD2's small default tables, or with the CMake option
// NEWSROOM_CLD2_FULL_TABLES its full ones (libcld2_full, see
// src/langid/CMakeLists.txt for the measured difference);
// Cld2TablesVersion() says which are in use.
//
// Thread-safe: CLD2 keeps no state between calls.
#ifndef NEWSROOM_LANGID_INTERNAL_CLD2_H_
#define NEWSROOM_LANGID_INTERNAL_CLD2_H_

#include <optional>
#include <string_view>

#include "langid/language.h"

namespace newsroom::langid::internal {

struct Cld2Result {
  struct Entry {
    std::string_view code = "un";  // CLD2's code: "tr", "de", "un", ...
    // kTurkish, kEnglish, kOther; nullopt for CLD2's "unknown".
    std::optional<Language> language;
    int percent = 0;  // share of the text's letters, 0..100
    // A Turkic language other than Turkish in CLD2's tables: Azerbaijani,
    // Turkmen, Uzbek, Tatar, Kazakh, Kyrgyz, Bashkir, Uyghur. CLD2 often
    // says one of these for Turkish typed without Turkish letters.
    bool turkic = false;
  };
  Entry top[3];
  // CLD2's own judgement that top[0] is well ahead of the rest, on text
  // long enough to tell (it says "unknown" rather than guess on a few
  // words).
  bool reliable = false;
  // True when CLD2 would not commit and top[] is its best-effort guess
  // (kCLDFlagBestEffort): right about four times in five on 1-3 words.
  bool guessed = false;
};

// Detects the language of plain text `utf8`: CLD2's reliable answer when it
// has one, otherwise (short or mixed text) its best-effort guess, at the
// cost of a second, short call.
// REQUIRES: `utf8` is valid UTF-8 and shorter than 2 GB.
Cld2Result RunCld2(std::string_view utf8);

// CLD2's version string, whose date tells the table set: "V2.0 - 20140204"
// for the full tables, "V2.0 - 20141016" for the small ones.
std::string_view Cld2TablesVersion();

// True when the full tables are in use (see above).
bool Cld2HasFullTables();

// CLD2 allocates about 160 KB of scratch buffers with new[] on every call
// and frees them before returning. glibc returns freed memory at the top of
// the heap to the kernel once it exceeds M_TRIM_THRESHOLD (128 KB by
// default), so each call then costs a brk() shrink, a brk() grow and dozens
// of page faults: about 16 µs of a 18 µs call on a tweet. This raises the
// threshold to 32 MB for the whole process, once (glibc only; elsewhere a
// no-op). The memory kept is at most that much per malloc arena.
void KeepCld2ScratchMemory();

}  // namespace newsroom::langid::internal

#endif  // NEWSROOM_LANGID_INTERNAL_CLD2_H_
