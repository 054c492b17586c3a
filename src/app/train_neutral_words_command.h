// `newsroom train neutral-words`: learns the words that carry no offence
// from how common they are in clean prose and in offensive tweets
// (lexicon/neutral_words.h), and writes them with a header naming the
// command.
#ifndef NEWSROOM_APP_TRAIN_NEUTRAL_WORDS_COMMAND_H_
#define NEWSROOM_APP_TRAIN_NEUTRAL_WORDS_COMMAND_H_

#include <CLI/CLI.hpp>

namespace newsroom::app {

void RegisterTrainNeutralWordsCommand(CLI::App& train, int* exit_code);

}  // namespace newsroom::app

#endif  // NEWSROOM_APP_TRAIN_NEUTRAL_WORDS_COMMAND_H_
