// `newsroom eval deasciify`: see eval_deasciify_command.h. The ablation
// flags switch off one part of the deasciifier at a time, to show what each
// contributes.
#include "app/eval_deasciify_command.h"

#include <fstream>
#include <iostream>
#include <memory>

#include "deasciify/deasciifier.h"
#include "deasciify/evaluate.h"
#include "morphology/dictionary.h"

namespace newsroom::app {
namespace {

struct EvalDeasciifyFlags {
  std::string data = "corpus/tr-dev.txt";
  std::string model = deasciify::Deasciifier::DefaultModelPath();
  bool no_dictionary = false;
  bool no_context = false;
  bool no_unseen = false;
  double unvalidated_threshold =
      deasciify::RestoreOptions().unvalidated_threshold;
  bool keep_foreign = false;
  int limit = 0;
};

int RunEvalDeasciify(const EvalDeasciifyFlags& flags) {
  std::ifstream in(flags.data);
  if (!in) {
    std::cerr << "newsroom eval deasciify: cannot read " << flags.data
              << " (build it with: newsroom corpus build --out corpus)\n";
    return 2;
  }
  std::vector<std::string> sentences;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    sentences.push_back(line);
    if (flags.limit > 0 && static_cast<int>(sentences.size()) >= flags.limit) {
      break;
    }
  }

  std::unique_ptr<const morphology::Dictionary> turkish;
  if (!flags.no_dictionary) {
    morphology::Dictionary::Options options =
        morphology::Dictionary::Options::Turkish();
    options.instances = 1;
    auto loaded = morphology::Dictionary::Load(options);
    if (!loaded.ok()) {
      std::cerr << "newsroom eval deasciify: " << loaded.status().message()
                << "\n";
      return 2;
    }
    turkish = *std::move(loaded);
  }
  auto deasciifier = deasciify::Deasciifier::Load(flags.model, turkish.get());
  if (!deasciifier.ok()) {
    std::cerr << "newsroom eval deasciify: " << deasciifier.status().message()
              << "\n";
    return 2;
  }

  deasciify::RestoreOptions options;
  options.use_context = !flags.no_context;
  options.restore_unseen = !flags.no_unseen;
  options.unvalidated_threshold = flags.unvalidated_threshold;
  options.skip_foreign_sentences = !flags.keep_foreign;
  auto report = deasciify::Evaluate(**deasciifier, sentences, options);
  if (!report.ok()) {
    std::cerr << "newsroom eval deasciify: " << report.status().message()
              << "\n";
    return 2;
  }
  std::cout << "Data: " << flags.data << "\nModel: " << flags.model
            << (turkish ? "" : " (without Hunspell-tr)") << "\n\n"
            << deasciify::FormatReport(*report) << "\n"
            << deasciify::ReportJson(*report) << "\n";
  return 0;
}

}  // namespace

void RegisterEvalDeasciifyCommand(CLI::App& eval, int* exit_code) {
  CLI::App* cmd = eval.add_subcommand(
      "deasciify",
      "Restoration word accuracy on ASCII-folded clean Turkish sentences, "
      "beside the as-is and most-frequent-form baselines");
  auto flags = std::make_shared<EvalDeasciifyFlags>();
  cmd->add_option("--data", flags->data, "Clean Turkish sentences, one a line")
      ->capture_default_str();
  cmd->add_option("--model", flags->model, "Deasciifier model file")
      ->capture_default_str();
  cmd->add_option("--limit", flags->limit, "Use only the first N sentences");
  cmd->add_flag("--no-dictionary", flags->no_dictionary,
                "Ablation: do not validate unseen words with Hunspell-tr");
  cmd->add_flag("--no-context", flags->no_context,
                "Ablation: ignore the previous word");
  cmd->add_flag("--no-unseen", flags->no_unseen,
                "Ablation: leave words unseen in training as typed");
  cmd->add_option("--unvalidated-threshold", flags->unvalidated_threshold,
                  "Restore an unseen word that Hunspell-tr rejects when the "
                  "letter model gives its best spelling this probability")
      ->capture_default_str();
  cmd->add_flag("--keep-foreign", flags->keep_foreign,
                "Restore sentences that look foreign too");
  cmd->callback([flags, exit_code] { *exit_code = RunEvalDeasciify(*flags); });
}

}  // namespace newsroom::app
