// Wires spelling::Evaluate to the command line. One Turkish Hunspell pool
// is loaded and shared by the checker and the baseline, and the checker
// borrows a deasciifier, as in the server (moderation::Engine).
#include "app/eval_spelling_command.h"

#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/shared_data.h"
#include "corpus/shared_data.h"
#include "deasciify/deasciifier.h"
#include "morphology/dictionary.h"
#include "spelling/checker.h"
#include "spelling/evaluate.h"

namespace newsroom::app {
namespace {

// The shared data's part, measured set by set (see the header).
absl::Status EvaluateShared(const std::string& dir,
                            const std::string& part_name,
                            const spelling::Checker& checker,
                            const morphology::Dictionary& turkish,
                            const spelling::EvalOptions& eo, bool examples) {
  corpus::Part part = corpus::Part::kHeldout;
  if (part_name == "dev") {
    part = corpus::Part::kDev;
  } else if (part_name != "heldout") {
    return absl::InvalidArgumentError("--part must be dev or heldout");
  }
  corpus::SharedDataOptions shared = SharedData(dir, &turkish);
  auto sentences = corpus::ReadSentences(shared, part);
  if (!sentences.ok()) return sentences.status();
  std::map<std::string, std::vector<std::string>> sets;  // ordered
  for (corpus::Sentence& s : *sentences) {
    // Tweets apart: real comments, but not edited text.
    std::string name = corpus::IsHeldBack(s.source) ? "file " + s.source
                       : s.source == "offenseval-tr"
                           ? "tweets"
                           : std::string(corpus::GenreName(s.genre));
    sets[name].push_back(std::move(s.text));
  }
  for (const auto& [name, lines] : sets) {
    spelling::EvalOptions o = eo;
    o.data_path = name;
    auto report = spelling::EvaluateSentences(checker, turkish, lines, o);
    if (!report.ok()) return report.status();
    std::cout << "== " << part_name << ": " << name << " (seed " << o.seed
              << ")\n"
              << spelling::FormatReport(*report, examples);
  }
  auto pairs = corpus::ReadMisspellings(shared, part);
  if (!pairs.ok()) return pairs.status();
  std::vector<spelling::MisspellingPair> p;
  p.reserve(pairs->size());
  for (corpus::Misspelling& m : *pairs) {
    p.push_back({std::move(m.wrong), std::move(m.right)});
  }
  auto report = spelling::EvaluatePairs(checker, turkish, p, eo);
  if (!report.ok()) return report.status();
  std::cout << "== " << part_name << ": Starlang misspelling pairs\n"
            << spelling::FormatPairReport(*report, examples);
  return absl::OkStatus();
}

}  // namespace

void RegisterEvalSpellingCommand(CLI::App& eval, int* exit_code) {
  struct Args {
    std::string data;
    std::string shared;
    std::string part = "dev";
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
                  "Clean sentences, one a line (corpus/tr-dev.txt)");
  cmd->add_option("--shared", args->shared,
                  "The shared data folder: its clean sentences and Starlang's "
                  "misspelling pairs, of --part");
  cmd->add_option("--part", args->part, "dev (tuning) or heldout (figures)")
      ->capture_default_str();
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
    if (args->data.empty() == args->shared.empty()) {
      std::cerr << "newsroom eval spelling: give --data or --shared\n";
      *exit_code = 2;
      return;
    }
    auto o = morphology::Dictionary::Options::Turkish();
    o.instances = 1;
    auto turkish = morphology::Dictionary::Load(o);
    if (!turkish.ok()) {
      std::cerr << turkish.status() << "\n";
      *exit_code = 1;
      return;
    }
    // The restorer the engine shares with its checker.
    auto deasciifier = deasciify::Deasciifier::Load(
        deasciify::Deasciifier::DefaultModelPath(), turkish->get());
    if (!deasciifier.ok()) {
      std::cerr << deasciifier.status() << "\n";
      *exit_code = 1;
      return;
    }
    spelling::Checker::Options co;
    co.turkish = turkish->get();
    co.deasciifier = deasciifier->get();
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
    if (!args->shared.empty()) {
      eo.seed = args->seed;
      eo.max_sentences = args->max_sentences;
      absl::Status s = EvaluateShared(args->shared, args->part, **checker,
                                      **turkish, eo, args->examples);
      if (!s.ok()) {
        std::cerr << "newsroom eval spelling: " << s << "\n";
        *exit_code = 1;
        return;
      }
      *exit_code = 0;
      return;
    }
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
