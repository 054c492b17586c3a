// `newsroom eval deasciify`: see eval_deasciify_command.h. The ablation
// flags switch off one part of the deasciifier at a time, to show what each
// contributes.
#include "app/eval_deasciify_command.h"

#include <fstream>
#include <iostream>
#include <map>
#include <memory>

#include "app/shared_data.h"
#include "corpus/shared_data.h"
#include "deasciify/deasciifier.h"
#include "deasciify/decision_list.h"
#include "deasciify/evaluate.h"
#include "morphology/dictionary.h"

namespace newsroom::app {
namespace {

struct EvalDeasciifyFlags {
  std::string data;
  std::string shared;
  std::string part = "heldout";
  std::string model = deasciify::Deasciifier::DefaultModelPath();
  std::string peer;
  std::string errors_out;
  bool no_dictionary = false;
  bool no_context = false;
  bool no_unseen = false;
  double unvalidated_threshold =
      deasciify::RestoreOptions().unvalidated_threshold;
  double unvalidated_capital_threshold =
      deasciify::RestoreOptions().unvalidated_capital_threshold;
  bool keep_foreign = false;
  int limit = 0;
};

// Sentence sets to score, by name ("conversational", … or the file name).
absl::StatusOr<std::map<std::string, std::vector<std::string>>> ReadData(
    const EvalDeasciifyFlags& flags, const morphology::Dictionary* turkish) {
  std::map<std::string, std::vector<std::string>> sets;
  if (!flags.shared.empty()) {
    corpus::SharedDataOptions options = SharedData(flags.shared, turkish);
    corpus::Part part = corpus::Part::kHeldout;
    if (flags.part == "dev") {
      part = corpus::Part::kDev;
    } else if (flags.part != "heldout") {
      return absl::InvalidArgumentError("--part must be dev or heldout");
    }
    auto sentences = corpus::ReadSentences(options, part);
    if (!sentences.ok()) return sentences.status();
    for (const corpus::Sentence& s : *sentences) {
      auto& set = sets[corpus::GenreName(s.genre)];
      if (flags.limit > 0 && static_cast<int>(set.size()) >= flags.limit) {
        continue;
      }
      set.push_back(s.text);
      // Tweets are also scored on their own.
      if (s.source == "offenseval-tr") sets["tweets"].push_back(s.text);
    }
    return sets;
  }
  std::ifstream in(flags.data);
  if (!in) {
    return absl::NotFoundError(
        "cannot read " + flags.data +
        " (build it with: newsroom corpus build --out corpus)");
  }
  auto& set = sets[flags.data];
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    set.push_back(line);
    if (flags.limit > 0 && static_cast<int>(set.size()) >= flags.limit) break;
  }
  return sets;
}

std::string Percent(double x) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.2f %%", 100 * x);
  return buf;
}

int RunEvalDeasciify(EvalDeasciifyFlags flags) {
  if (flags.data.empty() && flags.shared.empty()) {
    flags.data = "corpus/tr-dev.txt";
  }
  morphology::Dictionary::Options dictionary_options =
      morphology::Dictionary::Options::Turkish();
  dictionary_options.instances = 1;
  auto dictionary = morphology::Dictionary::Load(dictionary_options);
  if (!dictionary.ok()) {
    std::cerr << "newsroom eval deasciify: " << dictionary.status().message()
              << "\n";
    return 2;
  }
  // The data are read with the dictionary even when the deasciifier is
  // measured without it, so that both measure on the same sentences.
  auto sets = ReadData(flags, dictionary->get());
  if (!sets.ok()) {
    std::cerr << "newsroom eval deasciify: " << sets.status().message() << "\n";
    return 2;
  }
  const morphology::Dictionary* turkish =
      flags.no_dictionary ? nullptr : dictionary->get();
  auto deasciifier = deasciify::Deasciifier::Load(flags.model, turkish);
  if (!deasciifier.ok()) {
    std::cerr << "newsroom eval deasciify: " << deasciifier.status().message()
              << "\n";
    return 2;
  }
  std::unique_ptr<const deasciify::DecisionLists> peer;
  if (!flags.peer.empty()) {
    auto loaded = deasciify::DecisionLists::Load(flags.peer);
    if (!loaded.ok()) {
      std::cerr << "newsroom eval deasciify: " << loaded.status().message()
                << "\n";
      return 2;
    }
    peer = *std::move(loaded);
  }
  std::ofstream errors_file;
  if (!flags.errors_out.empty()) {
    errors_file.open(flags.errors_out);
    if (!errors_file) {
      std::cerr << "newsroom eval deasciify: cannot write " << flags.errors_out
                << "\n";
      return 2;
    }
  }

  deasciify::RestoreOptions options;
  options.use_context = !flags.no_context;
  options.restore_unseen = !flags.no_unseen;
  options.unvalidated_threshold = flags.unvalidated_threshold;
  options.unvalidated_capital_threshold = flags.unvalidated_capital_threshold;
  options.skip_foreign_sentences = !flags.keep_foreign;
  std::cout << "Model: " << flags.model
            << (turkish ? "" : " (without Hunspell-tr)") << "\n";
  if (peer) std::cout << "Peer: " << flags.peer << "\n";
  for (const auto& [name, sentences] : *sets) {
    std::vector<std::string> word_log;
    auto report =
        deasciify::Evaluate(**deasciifier, sentences, options,
                            errors_file.is_open() ? &word_log : nullptr);
    for (const std::string& w : word_log) {
      errors_file << name << "-word\t" << w << "\n";
    }
    if (!report.ok()) {
      std::cerr << "newsroom eval deasciify: " << name << ": "
                << report.status().message() << "\n";
      return 2;
    }
    std::cout << "\n== " << name << "\n" << deasciify::FormatReport(*report);
    if (errors_file.is_open()) {
      std::vector<std::string> errors;
      deasciify::ScoreRestorer(
          sentences,
          [&](const std::string& s) {
            return (*deasciifier)->Restore(s, options);
          },
          &errors);
      for (const std::string& e : errors)
        errors_file << name << "\t" << e << "\n";
    }
    if (peer) {
      std::vector<std::string> errors;
      deasciify::WordScore p = deasciify::ScoreRestorer(
          sentences, [&](const std::string& s) { return peer->Restore(s); },
          errors_file.is_open() ? &errors : nullptr);
      for (const std::string& e : errors) {
        errors_file << name << "-peer\t" << e << "\n";
      }
      std::cout << "peer (decision lists): Turkish-letter words "
                << Percent(p.TurkishAccuracy()) << " of " << p.turkish_words
                << ", all words " << Percent(p.Accuracy())
                << ", plain words changed " << p.plain_changed << " of "
                << (p.words - p.turkish_words) << "\n";
    }
    std::cout << deasciify::ReportJson(*report) << "\n";
  }
  return 0;
}

}  // namespace

void RegisterEvalDeasciifyCommand(CLI::App& eval, int* exit_code) {
  CLI::App* cmd = eval.add_subcommand(
      "deasciify",
      "Restoration word accuracy on ASCII-folded clean Turkish sentences, "
      "beside the as-is and most-frequent-form baselines and, with --peer, "
      "Yuret's decision lists");
  auto flags = std::make_shared<EvalDeasciifyFlags>();
  cmd->add_option("--data", flags->data,
                  "Clean Turkish sentences, one a line (default "
                  "corpus/tr-dev.txt)");
  cmd->add_option("--shared", flags->shared,
                  "Instead of --data: the shared data folder; scores its "
                  "--part by genre (corpus/shared_data.h)");
  cmd->add_option("--part", flags->part, "With --shared: dev or heldout")
      ->capture_default_str();
  cmd->add_option("--model", flags->model, "Deasciifier model file")
      ->capture_default_str();
  cmd->add_option("--peer", flags->peer,
                  "Decision lists (newsroom train decision-lists) to score "
                  "beside the deasciifier");
  cmd->add_option("--errors-out", flags->errors_out,
                  "Write every wrong word (set, gold, restored, sentence)");
  cmd->add_option("--limit", flags->limit,
                  "Use only the first N sentences (of each genre)");
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
  cmd->add_option("--unvalidated-capital-threshold",
                  flags->unvalidated_capital_threshold,
                  "The same for a capitalised word at a sentence start")
      ->capture_default_str();
  cmd->add_flag("--keep-foreign", flags->keep_foreign,
                "Restore sentences that look foreign too");
  cmd->callback([flags, exit_code] { *exit_code = RunEvalDeasciify(*flags); });
}

}  // namespace newsroom::app
