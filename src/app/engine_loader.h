// Builds the moderation engine for a command: reads the policy file (or
// takes the defaults) and loads everything, printing a one-line error on
// failure.
#ifndef NEWSROOM_APP_ENGINE_LOADER_H_
#define NEWSROOM_APP_ENGINE_LOADER_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "moderation/engine.h"

namespace newsroom::app {

// `policy_path` empty means the built-in defaults (those of
// config/policy.toml).
absl::StatusOr<std::unique_ptr<const moderation::Engine>> LoadEngine(
    const std::string& policy_path);

}  // namespace newsroom::app

#endif  // NEWSROOM_APP_ENGINE_LOADER_H_
