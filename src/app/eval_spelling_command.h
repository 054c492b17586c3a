// `newsroom eval spelling`: false alarms on clean sentences, recall and
// suggestion accuracy on the same sentences with one typo each, Hunspell
// alone side by side, and timings (see spelling/evaluate.h).
//
//   newsroom eval spelling --data corpus/tr-dev.txt [--seed N] [--examples]
//   newsroom eval spelling --shared /work/shared/data --part dev|heldout
//
// With --shared, the shared data's clean sentences of that part
// (corpus/shared_data.h) are measured set by set: conversational (Tatoeba,
// Common Voice), news and other text of the part, the OffensEval tweets
// typed with their Turkish letters (real comments: colloquial spellings
// flagged there are findings, not false alarms), and, for --part heldout, each
// of the four files held back whole; then Starlang's misspelling pairs of the
// part (split by their correct word) for detection (precision, recall, F1) and
// top-1 / top-5 corrections. Hunspell alone is measured on the same words.
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
