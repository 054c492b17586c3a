// The sub-commands of the `newsroom` binary. Each lives in its own
// <name>_command.cc and adds itself to the CLI11 application; main.cc only
// calls these functions.
#ifndef NEWSROOM_APP_COMMANDS_H_
#define NEWSROOM_APP_COMMANDS_H_

#include <CLI/CLI.hpp>

namespace newsroom::app {

// Each Register function adds one sub-command (and its options) to `app`.
// The sub-command's callback runs the command and sets *exit_code.
void RegisterModerateCommand(CLI::App& app, int* exit_code);
void RegisterDeasciifyCommand(CLI::App& app, int* exit_code);
void RegisterCorpusCommand(CLI::App& app, int* exit_code);
void RegisterTrainCommand(CLI::App& app, int* exit_code);
void RegisterEvalCommand(CLI::App& app, int* exit_code);
void RegisterServeCommand(CLI::App& app, int* exit_code);
void RegisterUserCommand(CLI::App& app, int* exit_code);
void RegisterApiKeyCommand(CLI::App& app, int* exit_code);
void RegisterFeedbackCommand(CLI::App& app, int* exit_code);
void RegisterDbCommand(CLI::App& app, int* exit_code);
void RegisterImportCommand(CLI::App& app, int* exit_code);

}  // namespace newsroom::app

#endif  // NEWSROOM_APP_COMMANDS_H_
