// Wires spelling::TrainWordList to the command line: loads hunspell-tr,
// trains, and prints what was kept. The command line is written into the
// list's header, so the file says how to rebuild it.
#include "app/train_spelling_command.h"

#include <iostream>
#include <map>
#include <memory>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "app/shared_data.h"
#include "corpus/shared_data.h"
#include "morphology/dictionary.h"
#include "spelling/train.h"
#include "text/casing.h"
#include "text/turkish.h"

namespace newsroom::app {
namespace {

// The shared data's training sentences, and the words of its counted
// frequency lists (per billion words, the largest of the lists) but for
// the ASCII spellings that stand for words with Turkish letters ("degil").
absl::Status AddSharedData(const std::string& dir,
                           const morphology::Dictionary* turkish,
                           spelling::TrainOptions* o) {
  corpus::SharedDataOptions shared = SharedData(dir, turkish);
  auto sentences = corpus::ReadSentences(shared, corpus::Part::kTrain);
  if (!sentences.ok()) return sentences.status();
  for (corpus::Sentence& s : *sentences) {
    o->sentences.push_back(std::move(s.text));
  }
  std::vector<std::vector<corpus::WordCount>> counted, uncounted;
  for (corpus::WordSource source :
       {corpus::WordSource::kZemberek, corpus::WordSource::kWordfreq,
        corpus::WordSource::kOpenSubtitles, corpus::WordSource::kTesseract}) {
    auto words = corpus::ReadWordCounts(shared, source);
    if (!words.ok()) return words.status();
    (source == corpus::WordSource::kTesseract ? uncounted : counted)
        .push_back(*std::move(words));
  }
  const absl::flat_hash_set<std::string> without_letters =
      corpus::TypedWithoutLettersKeys(counted, uncounted, 0.01);
  // Word → per billion in Zemberek's list (cased) and the largest in the
  // others (lower case); ordered: deterministic. Only the cased count
  // tells how the word is written ("Ankara" against "ankara").
  std::map<std::string, std::pair<int64_t, int64_t>> per_billion;
  for (size_t i = 0; i < counted.size(); ++i) {
    for (const corpus::WordCount& w : counted[i]) {
      const std::string key = text::FoldKey(w.word);
      if (!text::HasTurkishLetter(w.word) &&
          (without_letters.contains(key) || shared.lacks_letters(w.word))) {
        continue;
      }
      auto& [cased, lower] = per_billion[w.word];
      int64_t& n = i == 0 ? cased : lower;  // Zemberek's list is the first
      n = std::max(n, static_cast<int64_t>(w.per_billion));
    }
  }
  for (const auto& [word, n] : per_billion) {
    if (n.first > 0) o->listed.push_back({word, n.first, true});
    // The rest of the largest count, as a count without a case.
    if (n.second > n.first) {
      o->listed.push_back({word, n.second - n.first, false});
    }
  }
  return absl::OkStatus();
}

}  // namespace

void RegisterTrainSpellingCommand(CLI::App& train, int* exit_code) {
  struct Args {
    std::string corpus;
    std::string shared;
    std::string out;
    int min_count = 3;
    int64_t min_listed = 1000;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = train.add_subcommand(
      "spelling", "Learn the spelling word list from clean Turkish text");
  cmd->add_option("--corpus", args->corpus,
                  "Clean sentences, one a line (corpus/tr-train.txt)");
  cmd->add_option("--shared", args->shared,
                  "The shared data folder: its training sentences and its "
                  "frequency lists (Zemberek, wordfreq, OpenSubtitles)");
  cmd->add_option("--min-listed", args->min_listed,
                  "Occurrences per billion words a listed word hunspell-tr "
                  "rejects needs")
      ->capture_default_str();
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
    if (args->corpus.empty() == args->shared.empty()) {
      std::cerr << "newsroom train spelling: give --corpus or --shared\n";
      *exit_code = 2;
      return;
    }
    spelling::TrainOptions o;
    o.corpus_path = args->corpus;
    o.out_path = args->out;
    o.turkish = turkish->get();
    o.min_count = args->min_count;
    o.min_listed_count = args->min_listed;
    o.command = "newsroom train spelling" +
                (args->corpus.empty() ? " --shared " + args->shared
                                      : " --corpus " + args->corpus) +
                " --out " + args->out;
    if (args->min_count != 3) {
      o.command += " --min-count " + std::to_string(args->min_count);
    }
    if (args->min_listed != 1000) {
      o.command += " --min-listed " + std::to_string(args->min_listed);
    }
    if (!args->shared.empty()) {
      absl::Status s = AddSharedData(args->shared, turkish->get(), &o);
      if (!s.ok()) {
        std::cerr << "newsroom train spelling: " << s.message() << "\n";
        *exit_code = 2;
        return;
      }
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
