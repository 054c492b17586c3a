// `newsroom deasciify [FILE]`: restores the Turkish letters of text typed
// without them, line in, line out (standard input when FILE is absent).
//
//   $ echo "cok guzel bir haber olmus" | newsroom deasciify
//   çok güzel bir haber olmuş
//
// Lines that are not valid UTF-8 are copied unchanged, with a warning on
// standard error naming the line.
#include <fstream>
#include <iostream>
#include <memory>

#include "app/commands.h"
#include "deasciify/deasciifier.h"
#include "morphology/dictionary.h"
#include "text/utf8.h"

namespace newsroom::app {
namespace {

struct DeasciifyFlags {
  std::string file;
  std::string model = deasciify::Deasciifier::DefaultModelPath();
  bool no_dictionary = false;
};

int RunDeasciify(const DeasciifyFlags& flags) {
  std::ifstream file;
  if (!flags.file.empty()) {
    file.open(flags.file, std::ios::binary);
    if (!file) {
      std::cerr << "newsroom deasciify: cannot read " << flags.file << "\n";
      return 2;
    }
  }
  std::istream& in = flags.file.empty() ? std::cin : file;
  const std::string name = flags.file.empty() ? "<stdin>" : flags.file;

  std::unique_ptr<const morphology::Dictionary> turkish;
  if (!flags.no_dictionary) {
    morphology::Dictionary::Options options =
        morphology::Dictionary::Options::Turkish();
    options.instances = 1;  // one thread
    auto loaded = morphology::Dictionary::Load(options);
    if (!loaded.ok()) {
      std::cerr << "newsroom deasciify: " << loaded.status().message()
                << " (or run with --no-dictionary)\n";
      return 2;
    }
    turkish = *std::move(loaded);
  }
  auto deasciifier = deasciify::Deasciifier::Load(flags.model, turkish.get());
  if (!deasciifier.ok()) {
    std::cerr << "newsroom deasciify: " << deasciifier.status().message()
              << "\n";
    return 2;
  }

  std::string line;
  int64_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (absl::Status s = text::ValidateUtf8(line); !s.ok()) {
      std::cerr << "newsroom deasciify: " << name << ":" << number << ": "
                << s.message() << "; line copied unchanged\n";
      std::cout << line;
    } else {
      std::cout << (*deasciifier)->Restore(line);
    }
    // Line in, line out: a last line without a newline stays without one.
    if (!in.eof()) std::cout << '\n';
  }
  std::cout.flush();
  return std::cout ? 0 : 2;
}

}  // namespace

void RegisterDeasciifyCommand(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "deasciify",
      "Restore the Turkish letters (ç ğ ı ö ş ü) of text typed without them");
  auto flags = std::make_shared<DeasciifyFlags>();
  cmd->add_option("file", flags->file, "Input text (default: standard input)");
  cmd->add_option("--model", flags->model, "Deasciifier model file")
      ->capture_default_str();
  cmd->add_flag("--no-dictionary", flags->no_dictionary,
                "Do not validate unseen words with Hunspell-tr");
  cmd->callback([flags, exit_code] { *exit_code = RunDeasciify(*flags); });
}

}  // namespace newsroom::app
