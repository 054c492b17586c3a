// `newsroom corpus build`: writes the Turkish training/dev/held-out corpus
// from Debian's LibreOffice packages (see corpus/builder.h).
// `newsroom corpus split`: writes the parts of the shared data's sentences
// (see corpus/shared_data.h), for tools that read sentence files.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include "app/commands.h"
#include "app/shared_data.h"
#include "corpus/builder.h"
#include "corpus/shared_data.h"
#include "morphology/dictionary.h"

namespace newsroom::app {

void RegisterCorpusCommand(CLI::App& app, int* exit_code) {
  CLI::App* corpus = app.add_subcommand(
      "corpus",
      "Build the Turkish text corpus used for training and evaluation");
  corpus->require_subcommand(1);
  CLI::App* build = corpus->add_subcommand(
      "build",
      "Extract clean Turkish sentences from libreoffice-help-tr and "
      "libreoffice-l10n-tr into tr-train.txt, tr-dev.txt, tr-heldout.txt");
  auto options = std::make_shared<corpus::CorpusOptions>();
  build->add_option("--out", options->out_dir, "Output directory")
      ->capture_default_str();
  build
      ->add_option("--help-dir", options->help_dir, "libreoffice-help-tr pages")
      ->capture_default_str();
  build
      ->add_option("--mo-dir", options->mo_dir,
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

  CLI::App* split = corpus->add_subcommand(
      "split",
      "Write the shared data's sentences by part and genre: "
      "shared-<part>-<genre>.txt, one sentence a line");
  auto shared = std::make_shared<corpus::SharedDataOptions>();
  auto out_dir = std::make_shared<std::string>("corpus");
  split->add_option("--shared", shared->data_dir, "The shared data folder")
      ->capture_default_str();
  split->add_option("--out", *out_dir, "Output directory")
      ->capture_default_str();
  split->callback([shared, out_dir, exit_code] {
    morphology::Dictionary::Options dictionary_options =
        morphology::Dictionary::Options::Turkish();
    dictionary_options.instances = 1;
    auto turkish = morphology::Dictionary::Load(dictionary_options);
    if (!turkish.ok()) {
      std::cerr << "newsroom corpus split: " << turkish.status().message()
                << "\n";
      *exit_code = 1;
      return;
    }
    *shared = SharedData(shared->data_dir, turkish->get());
    std::error_code ec;
    std::filesystem::create_directories(*out_dir, ec);
    for (corpus::Part part :
         {corpus::Part::kTrain, corpus::Part::kDev, corpus::Part::kHeldout}) {
      auto sentences = corpus::ReadSentences(*shared, part);
      if (!sentences.ok()) {
        std::cerr << "newsroom corpus split: " << sentences.status().message()
                  << "\n";
        *exit_code = 1;
        return;
      }
      std::map<std::string, std::ofstream> files;
      for (const corpus::Sentence& s : *sentences) {
        const std::string name = std::string("shared-") +
                                 corpus::PartName(part) + "-" +
                                 corpus::GenreName(s.genre) + ".txt";
        auto it = files.find(name);
        if (it == files.end()) {
          it = files.emplace(name, std::ofstream(*out_dir + "/" + name)).first;
          if (!it->second) {
            std::cerr << "newsroom corpus split: cannot write " << *out_dir
                      << "/" << name << "\n";
            *exit_code = 1;
            return;
          }
        }
        it->second << s.text << "\n";
      }
      std::cout << corpus::PartName(part) << ": " << sentences->size()
                << " sentences\n";
    }
    *exit_code = 0;
  });
}

}  // namespace newsroom::app
