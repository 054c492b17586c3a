// `newsroom eval offensive-model`: the offensive-language classifier alone,
// at its dev-tuned threshold, on OffensEval-format tweets.
//
//   newsroom eval offensive-model --data offenseval-tr-training-v1.tsv
//       [--split dev|test|train|all] [--model data/models/offensive.model]
//
// Prints precision, recall and F1 of both classes, macro-F1, a calibration
// table (score bucket vs. share offensive), the scoring speed, and one JSON
// line with the same figures. A model trained with lexicon features (see
// classifier/lexicon_features.h) is given them, from the lexicon in
// --lexicon (default data/lexicon). --split selects part of the file by the
// fixed id hash of classifier/dataset.h (default dev); use `all` for a file
// that is not the training file.
#ifndef NEWSROOM_APP_EVAL_OFFENSIVE_COMMAND_H_
#define NEWSROOM_APP_EVAL_OFFENSIVE_COMMAND_H_

#include <CLI/CLI.hpp>

namespace newsroom::app {

// Adds the `offensive-model` sub-command to `eval` (the `newsroom eval`
// command). Its callback sets *exit_code: 0 on success, 2 on an error
// (printed to stderr).
void RegisterEvalOffensiveCommand(CLI::App& eval, int* exit_code);

}  // namespace newsroom::app

#endif  // NEWSROOM_APP_EVAL_OFFENSIVE_COMMAND_H_
