// `newsroom eval deasciify --data SENTENCES.txt`: restoration accuracy of the
// deasciifier on clean Turkish sentences, beside two baselines (the text as
// is, and the most frequent training spelling of each word), plus its speed.
// Prints a readable table and one JSON line.
#ifndef NEWSROOM_APP_EVAL_DEASCIIFY_COMMAND_H_
#define NEWSROOM_APP_EVAL_DEASCIIFY_COMMAND_H_

#include <CLI/CLI.hpp>

namespace newsroom::app {

// Adds the `deasciify` sub-command to `eval` (the `newsroom eval` command).
// Its callback sets *exit_code: 0 on success, 2 when the data, the model or
// the dictionary cannot be loaded.
void RegisterEvalDeasciifyCommand(CLI::App& eval, int* exit_code);

}  // namespace newsroom::app

#endif  // NEWSROOM_APP_EVAL_DEASCIIFY_COMMAND_H_
