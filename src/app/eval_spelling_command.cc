// Wires spelling::Evaluate to the command line. One Turkish Hunspell pool
// is loaded and shared by the checker and the baseline, as in the server.
#include "app/eval_spelling_command.h"

#include <iostream>
#include <memory>
#include <string>

#include "morphology/dictionary.h"
#include "spelling/checker.h"
#include "spelling/evaluate.h"

namespace newsroom::app {

void RegisterEvalSpellingCommand(CLI::App& eval, int* exit_code) {
  struct Args {
    std::string data;
    uint64_t seed = spelling::EvalOptions().seed;
    int max_sentences = 0;
    bool examples = false;
    bool names_against_all_forms =
        spelling::Checker::Options().names_against_all_forms;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = eval.add_subcommand(
      "spelling", "Measure the spelling checker on clean sentences");
  cmd->add_option("--data", args->data,
                  "Clean sentences, one a line (corpus/tr-dev.txt)")
      ->required();
  cmd->add_option("--seed", args->seed, "Seed of the typo generator")
      ->capture_default_str();
  cmd->add_option("--max-sentences", args->max_sentences,
                  "Stop after this many sentences (0: all)");
  cmd->add_flag("--examples", args->examples,
                "List false alarms, missed typos and wrong suggestions");
  cmd->add_option("--names-against-all-forms", args->names_against_all_forms,
                  "Checker option: hold capitalised unknown words against "
                  "every hunspell-tr form (true/false)")
      ->capture_default_str();
  cmd->callback([args, exit_code] {
    auto o = morphology::Dictionary::Options::Turkish();
    o.instances = 1;
    auto turkish = morphology::Dictionary::Load(o);
    if (!turkish.ok()) {
      std::cerr << turkish.status() << "\n";
      *exit_code = 1;
      return;
    }
    spelling::Checker::Options co;
    co.turkish = turkish->get();
    co.hunspell_instances = 1;
    co.names_against_all_forms = args->names_against_all_forms;
    auto checker = spelling::Checker::Load(co);
    if (!checker.ok()) {
      std::cerr << checker.status() << "\n";
      *exit_code = 1;
      return;
    }
    spelling::EvalOptions eo;
    eo.data_path = args->data;
    eo.seed = args->seed;
    eo.max_sentences = args->max_sentences;
    auto report = spelling::Evaluate(**checker, **turkish, eo);
    if (!report.ok()) {
      std::cerr << report.status() << "\n";
      *exit_code = 1;
      return;
    }
    std::cout << "data                     " << args->data << " (seed "
              << args->seed << ")\n"
              << spelling::FormatReport(*report, args->examples);
    *exit_code = 0;
  });
}

}  // namespace newsroom::app
