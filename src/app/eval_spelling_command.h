// `newsroom eval spelling`: false alarms on clean sentences, recall and
// suggestion accuracy on the same sentences with one typo each, Hunspell
// alone side by side, and timings (see spelling/evaluate.h).
//
//   newsroom eval spelling --data corpus/tr-dev.txt [--seed N] [--examples]
//
// Register it on the `eval` sub-command; its callback sets *exit_code to 0
// on success and 1 on failure (the error goes to stderr).
#ifndef NEWSROOM_APP_EVAL_SPELLING_COMMAND_H_
#define NEWSROOM_APP_EVAL_SPELLING_COMMAND_H_

#include <CLI/CLI.hpp>

namespace newsroom::app {

void RegisterEvalSpellingCommand(CLI::App& eval, int* exit_code);

}  // namespace newsroom::app

#endif  // NEWSROOM_APP_EVAL_SPELLING_COMMAND_H_
