#include "app/commands.h"

namespace newsroom::app {

void RegisterEvalCommand(CLI::App& app, int* exit_code) {}

}  // namespace newsroom::app
