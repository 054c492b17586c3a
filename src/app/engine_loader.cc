#include "app/engine_loader.h"

namespace newsroom::app {

absl::StatusOr<std::unique_ptr<const moderation::Engine>> LoadEngine(
    const std::string& policy_path) {
  moderation::EngineOptions options;
  if (!policy_path.empty()) {
    absl::StatusOr<moderation::Policy> policy =
        moderation::LoadPolicyFile(policy_path);
    if (!policy.ok()) return policy.status();
    options.policy = *std::move(policy);
  }
  return moderation::Engine::Build(options);
}

}  // namespace newsroom::app
