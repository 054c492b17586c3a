// `newsroom corpus build`: writes the Turkish training/dev/held-out corpus
// from Debian's LibreOffice packages (see corpus/builder.h).
#include <iostream>

#include "app/commands.h"
#include "corpus/builder.h"

namespace newsroom::app {

void RegisterCorpusCommand(CLI::App& app, int* exit_code) {
  CLI::App* corpus = app.add_subcommand(
      "corpus", "Build the Turkish text corpus used for training and evaluation");
  corpus->require_subcommand(1);
  CLI::App* build = corpus->add_subcommand(
      "build",
      "Extract clean Turkish sentences from libreoffice-help-tr and "
      "libreoffice-l10n-tr into tr-train.txt, tr-dev.txt, tr-heldout.txt");
  auto options = std::make_shared<corpus::CorpusOptions>();
  build->add_option("--out", options->out_dir, "Output directory")
      ->capture_default_str();
  build->add_option("--help-dir", options->help_dir,
                    "libreoffice-help-tr pages")
      ->capture_default_str();
  build->add_option("--mo-dir", options->mo_dir,
                    "libreoffice-l10n-tr catalogues")
      ->capture_default_str();
  build->callback([options, exit_code] {
    absl::StatusOr<corpus::CorpusStats> stats = corpus::BuildCorpus(*options);
    if (!stats.ok()) {
      std::cerr << "newsroom corpus build: " << stats.status().message()
                << "\n";
      *exit_code = 1;
      return;
    }
    std::cout << "documents " << stats->documents << "\n"
              << "train     " << stats->train_sentences << " sentences, "
              << stats->train_words << " words\n"
              << "dev       " << stats->dev_sentences << " sentences, "
              << stats->dev_words << " words\n"
              << "heldout   " << stats->heldout_sentences << " sentences, "
              << stats->heldout_words << " words\n";
  });
}

}  // namespace newsroom::app
