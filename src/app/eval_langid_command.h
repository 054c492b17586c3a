// `newsroom eval langid`: accuracy of the language identifier by true
// language (Turkish, English, other) and by comment length (1-3, 4-8, 9-20,
// >20 words), CLD2 alone beside CLD2 with the Turkish/English/other cues,
// and the cost of one identification. Prints readable tables and one JSON
// line.
//
// Texts, all from this machine (defaults in brackets):
//   Turkish  OffensEval-TR tweets [--tweets /work/shared/data/offenseval-tr/
//            offenseval-tr-training-v1.tsv], only the ids of the dev slice;
//            the Turkish corpus dev file if it exists [--tr-corpus
//            corpus/tr-dev.txt]; Turkish interface strings [--locale-dir
//            /usr/share/locale, catalogues of "tr"]; and an ASCII-folded copy
//            of each set (Turkish typed without Turkish letters: still
//            Turkish).
//   English  Debian package descriptions [--debian-status
//            /var/lib/dpkg/status, plus `apt-cache dumpavail`], licence
//            paragraphs [--licenses /usr/share/common-licenses], and the
//            English originals of the interface strings.
//   Other    Interface strings of --other-langs [de,fr,es,az].
// Every text belongs to a fixed slice 0..9 (langid::SliceOf: a seeded
// FNV-1a hash of the tweet id, or of the text); only --slice [0], the dev
// slice, is read, and at most --max-per-set texts of each set.
#ifndef NEWSROOM_APP_EVAL_LANGID_COMMAND_H_
#define NEWSROOM_APP_EVAL_LANGID_COMMAND_H_

#include <CLI/CLI.hpp>

namespace newsroom::app {

// Adds the `langid` sub-command to `eval` (the `newsroom eval` command).
// Its callback sets *exit_code: 0 on success, 2 when data or the cue lists
// cannot be read (the message names the file and the option to change it).
void RegisterEvalLangidCommand(CLI::App& eval, int* exit_code);

}  // namespace newsroom::app

#endif  // NEWSROOM_APP_EVAL_LANGID_COMMAND_H_
