#include "app/commands.h"

namespace newsroom::app {

void RegisterModerateCommand(CLI::App& app, int* exit_code) {}

}  // namespace newsroom::app
