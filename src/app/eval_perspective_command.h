// `newsroom eval perspective`: how well the Perspective API's TOXICITY
// (server/perspective.h) is calibrated, through the whole engine, on
// OffensEval-format tweets, and the command that fits its calibration.
//
//   newsroom eval perspective --data offenseval-tr-training-v1.tsv
//       [--split dev|test|train|all] [--policy FILE]
//       [--calibration data/models/perspective-calibration.txt]
//       [--fit data/models/perspective-calibration.txt]
//
// Prints, per TOXICITY bucket [0,0.1) … [0.9,1], the tweets, the share
// labelled OFF (the precision of calling the bucket toxic) and the mean
// score; precision and recall of "TOXICITY >= t" for t = 0.5, 0.7, 0.8,
// 0.9; the expected calibration error of TOXICITY and of the uncalibrated
// evidence; and one JSON line with the same figures. With --fit, the
// calibration is first fitted on the selected tweets (isotonic regression,
// see perspective::Calibration::Fit), written to the given file with a
// header naming this command, and then evaluated (in-sample: evaluate a
// committed fit on --split test for an out-of-sample figure).
#ifndef NEWSROOM_APP_EVAL_PERSPECTIVE_COMMAND_H_
#define NEWSROOM_APP_EVAL_PERSPECTIVE_COMMAND_H_

#include <CLI/CLI.hpp>

namespace newsroom::app {

// Adds the `perspective` sub-command to `eval`. Its callback sets
// *exit_code: 0 on success, 2 on an error (printed to stderr).
void RegisterEvalPerspectiveCommand(CLI::App& eval, int* exit_code);

}  // namespace newsroom::app

#endif  // NEWSROOM_APP_EVAL_PERSPECTIVE_COMMAND_H_
