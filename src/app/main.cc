// The newsroom binary: one executable for every job (moderate, deasciify,
// train, eval, …). This file only wires the sub-commands together.
#include <iostream>

#include "app/commands.h"
#include "datadir/datadir.h"

int main(int argc, char** argv) {
  CLI::App app{
      "Newsroom: a news site whose reader comments are moderated by the "
      "newsroom's published comment policy."};
  app.require_subcommand(1);
  // Options of the whole program may follow the sub-command's name too.
  app.fallthrough();
  app.add_option_function<std::string>(
      "--data-dir", [](const std::string& dir) { newsroom::datadir::Set(dir); },
      "The data directory: models, word lists, lexicons, the demo site, "
      "built browser assets (default: data beside the binary, else "
      "/usr/share/newsroom)");
  int exit_code = 0;
  newsroom::app::RegisterModerateCommand(app, &exit_code);
  newsroom::app::RegisterDeasciifyCommand(app, &exit_code);
  newsroom::app::RegisterCorpusCommand(app, &exit_code);
  newsroom::app::RegisterTrainCommand(app, &exit_code);
  newsroom::app::RegisterEvalCommand(app, &exit_code);
  newsroom::app::RegisterServeCommand(app, &exit_code);
  newsroom::app::RegisterUserCommand(app, &exit_code);
  newsroom::app::RegisterApiKeyCommand(app, &exit_code);
  newsroom::app::RegisterFeedbackCommand(app, &exit_code);
  newsroom::app::RegisterDbCommand(app, &exit_code);
  newsroom::app::RegisterImportCommand(app, &exit_code);
  CLI11_PARSE(app, argc, argv);
  return exit_code;
}
