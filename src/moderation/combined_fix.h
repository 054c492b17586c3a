// One fix for a comment that breaks several rules that each offer one.
//
//   absl::StatusOr<Verdict> v = engine.Moderate(text);
//   std::optional<std::string> fix = CombinedFix(engine, text, *v);
//   if (fix) Offer(*fix);   // "Bu haber çok güzel" for "BU HABER COK GUZEL"
//
// Each rule's fix corrects the comment for that rule alone: a draft in
// capitals typed without Turkish letters gets the letters restored (still
// in capitals, still refused) and, separately, re-cased. The combined fix
// is the text that passes every rule whose fix was offered: the first fix
// that does so alone, else the fixes applied one after another, each on
// the last one's result, as the engine proposes them. Thread-safe, as the
// engine is.
#ifndef NEWSROOM_MODERATION_COMBINED_FIX_H_
#define NEWSROOM_MODERATION_COMBINED_FIX_H_

#include <optional>
#include <string>
#include <string_view>

#include "moderation/engine.h"
#include "moderation/verdict.h"
#include "nlohmann/json.hpp"

namespace newsroom::moderation {

// Most extra engine runs CombinedFix makes for one comment.
inline constexpr int kMaxFixRounds = 3;

// The combined fix of `verdict` (the engine's verdict on `text`), or
// nullopt when fewer than two violated rules offer a fix, or when no
// combination found within kMaxFixRounds runs of the engine clears them.
std::optional<std::string> CombinedFix(const Engine& engine,
                                       std::string_view text,
                                       const Verdict& verdict);

// VerdictToJson(verdict), with "fix": the combined fix, when there is one.
// What the site answers a draft or a comment with.
nlohmann::json VerdictToJsonWithFix(const Engine& engine, std::string_view text,
                                    const Verdict& verdict);

}  // namespace newsroom::moderation

#endif  // NEWSROOM_MODERATION_COMBINED_FIX_H_
