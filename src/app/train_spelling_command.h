// `newsroom train spelling`: learns the spelling engine's word list from a
// corpus of clean Turkish sentences.
//
//   newsroom train spelling --corpus corpus/tr-train.txt
//       --out data/spelling/tr-words.tsv
//
// Register it on the `train` sub-command; its callback sets *exit_code to
// 0 on success and 1 on failure (the error goes to stderr).
#ifndef NEWSROOM_APP_TRAIN_SPELLING_COMMAND_H_
#define NEWSROOM_APP_TRAIN_SPELLING_COMMAND_H_

#include <CLI/CLI.hpp>

namespace newsroom::app {

void RegisterTrainSpellingCommand(CLI::App& train, int* exit_code);

}  // namespace newsroom::app

#endif  // NEWSROOM_APP_TRAIN_SPELLING_COMMAND_H_
