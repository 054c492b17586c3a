// `newsroom eval lexicon`: how well the lexicon matcher resists evasion and
// how often it raises false alarms. Prints readable tables and one JSON line
// (figures for BENCHMARKS.md).
//
//  1. Evasions. Every abuse entry of data/lexicon/abuse-*.txt is disguised
//     in each way commenters use (lexicon::DisguiseKind: suffixes, upper
//     case, Turkish letters left out, leetspeak, repeated letters,
//     separators, Cyrillic look-alikes, two at once), --variants [3] times
//     each with a generator seeded by --seed [1], and put inside a carrier
//     sentence of the entry's language (passed to the matcher, as the
//     engine would). A variant is caught when the matcher reports that
//     entry with exactly the variant's characters as its span. Reported: the
//     share caught per kind, and the variants missed (--show-misses).
//  2. False alarms. The Scunthorpe table (data/lexicon/scunthorpe.txt) and
//     clean Turkish sentences, one a line (--clean [corpus/tr-dev.txt]; built
//     by `newsroom corpus build --out corpus`): lines with an abuse match,
//     matches, and the terms that matched, split into ambiguous entries
//     (words with a common innocent sense) and the rest; for the table, also
//     the lines that match when the allowlist is off.
//
// --lexicon-dir [<data>/lexicon] chooses the lexicon files.
#ifndef NEWSROOM_APP_EVAL_LEXICON_COMMAND_H_
#define NEWSROOM_APP_EVAL_LEXICON_COMMAND_H_

#include <CLI/CLI.hpp>

namespace newsroom::app {

// Adds the `lexicon` sub-command to `eval` (the `newsroom eval` command).
// Its callback sets *exit_code: 0 on success, 2 when the lexicon or a data
// file cannot be read (the message names the file).
void RegisterEvalLexiconCommand(CLI::App& eval, int* exit_code);

}  // namespace newsroom::app

#endif  // NEWSROOM_APP_EVAL_LEXICON_COMMAND_H_
