// The JSON form of a verdict, shared by the CLI and the HTTP API.
//
//   nlohmann::json j = VerdictToJson(verdict);
//   // {"decision":"reject","language":"tr","rules":[{"rule":"all_caps",
//   //   "violated":true,"score":0.97,"action":"reject","spans":[{"start":0,
//   //   "end":2,"text":"BU","replacement":"Bu"}],"message":{"tr":…,"en":…},
//   //   "fix":"Bu haber…"}]}
//
// Thread-safe (pure).
#ifndef NEWSROOM_MODERATION_VERDICT_JSON_H_
#define NEWSROOM_MODERATION_VERDICT_JSON_H_

#include <nlohmann/json.hpp>

#include "moderation/verdict.h"

namespace newsroom::moderation {

nlohmann::json VerdictToJson(const Verdict& verdict);

}  // namespace newsroom::moderation

#endif  // NEWSROOM_MODERATION_VERDICT_JSON_H_
