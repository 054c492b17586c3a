#include "app/commands.h"

namespace newsroom::app {

void RegisterDeasciifyCommand(CLI::App& app, int* exit_code) {}

}  // namespace newsroom::app
