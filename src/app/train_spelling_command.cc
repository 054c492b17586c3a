// Wires spelling::TrainWordList to the command line: loads hunspell-tr,
// trains, and prints what was kept. The command line is written into the
// list's header, so the file says how to rebuild it.
#include "app/train_spelling_command.h"

#include <iostream>
#include <memory>
#include <string>

#include "morphology/dictionary.h"
#include "spelling/train.h"

namespace newsroom::app {

void RegisterTrainSpellingCommand(CLI::App& train, int* exit_code) {
  struct Args {
    std::string corpus;
    std::string out;
    int min_count = 3;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = train.add_subcommand(
      "spelling", "Learn the spelling word list from clean Turkish text");
  cmd->add_option("--corpus", args->corpus,
                  "Clean sentences, one a line (corpus/tr-train.txt)")
      ->required();
  cmd->add_option("--out", args->out,
                  "Word list to write (data/spelling/tr-words.tsv)")
      ->required();
  cmd->add_option("--min-count", args->min_count,
                  "Occurrences needed for a word hunspell-tr rejects")
      ->capture_default_str();
  cmd->callback([args, exit_code] {
    auto turkish = morphology::Dictionary::Load([] {
      auto o = morphology::Dictionary::Options::Turkish();
      o.instances = 1;
      return o;
    }());
    if (!turkish.ok()) {
      std::cerr << turkish.status() << "\n";
      *exit_code = 1;
      return;
    }
    spelling::TrainOptions o;
    o.corpus_path = args->corpus;
    o.out_path = args->out;
    o.turkish = turkish->get();
    o.min_count = args->min_count;
    o.command = "newsroom train spelling --corpus " + args->corpus + " --out " +
                args->out;
    if (args->min_count != 3) {
      o.command += " --min-count " + std::to_string(args->min_count);
    }
    auto stats = spelling::TrainWordList(o);
    if (!stats.ok()) {
      std::cerr << stats.status() << "\n";
      *exit_code = 1;
      return;
    }
    std::cout << "wrote " << args->out << ": "
              << stats->kept_dictionary + stats->kept_frequent << " words ("
              << stats->kept_dictionary << " accepted by hunspell-tr, "
              << stats->kept_frequent << " frequent; dropped "
              << stats->dropped_rare << " rare, " << stats->dropped_typos
              << " likely typos) from " << stats->sentences << " sentences, "
              << stats->tokens << " words\n";
    *exit_code = 0;
  });
}

}  // namespace newsroom::app
