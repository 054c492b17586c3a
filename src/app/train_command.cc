#include "app/commands.h"

namespace newsroom::app {

void RegisterTrainCommand(CLI::App& app, int* exit_code) {}

}  // namespace newsroom::app
