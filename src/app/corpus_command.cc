#include "app/commands.h"

namespace newsroom::app {

void RegisterCorpusCommand(CLI::App& app, int* exit_code) {}

}  // namespace newsroom::app
