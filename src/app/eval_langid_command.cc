// `newsroom eval langid`: see eval_langid_command.h. This file gathers the
// labelled texts from the machine (tweets, corpus lines, Debian package
// descriptions, licences, gettext catalogues), hands them to
// langid::Evaluate() with three identifiers — CLD2 alone, the cues alone,
// and both — and prints langid::FormatReport() and a JSON line.
#include "app/eval_langid_command.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "corpus/mo_file.h"
#include "datadir/datadir.h"
#include "langid/evaluation.h"
#include "langid/identifier.h"
#include "text/casing.h"

namespace newsroom::app {
namespace {

namespace fs = std::filesystem;
using langid::LabeledSet;
using langid::Language;

struct EvalLangidFlags {
  std::string tweets =
      "/work/shared/data/offenseval-tr/offenseval-tr-training-v1.tsv";
  std::string tr_corpus = "corpus/tr-dev.txt";
  bool tr_corpus_given = false;
  std::string debian_status = "/var/lib/dpkg/status";
  bool apt_cache = true;
  std::string licenses = "/usr/share/common-licenses";
  std::string locale_dir = "/usr/share/locale";
  std::vector<std::string> other_langs = {"de", "fr", "es", "az"};
  std::string data_dir = datadir::Get();
  std::string hint = "none";
  int slice = 0;
  int max_per_set = 4000;
  int errors = 0;
};

// A gettext interface string as a reader might type it: first plural form,
// no mnemonics ("_Open", "&Save"), no printf directives or markup, single
// spaces. Empty when fewer than two letters remain.
std::string CleanUiString(std::string_view s) {
  if (size_t nl = s.find('\n'); nl != std::string_view::npos) {
    s = s.substr(0, nl);
  }
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '_' || c == '&') continue;
    if (c == '%') {  // %s %d %1$s %-10.3lf %%
      size_t j = i + 1;
      while (j < s.size() && std::strchr("0123456789$-+ #.'lhzjtL", s[j])) ++j;
      i = j < s.size() ? j : s.size();
      out.push_back(' ');
      continue;
    }
    if (c == '<') {  // <b>, </span>
      size_t close = s.find('>', i);
      if (close != std::string_view::npos) {
        i = close;
        out.push_back(' ');
        continue;
      }
    }
    if (c == '\t' || c == '\r') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  int letters = 0;
  for (unsigned char b : out) {
    if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b >= 0xC0) {
      ++letters;
    }
  }
  return letters >= 2 ? out : std::string();
}

// Translations (and, when `originals` is given, the English originals) of
// every catalogue under <locale_dir>/<lang>/LC_MESSAGES. Untranslated
// entries are skipped.
absl::Status ReadCatalogues(const std::string& locale_dir,
                            const std::string& lang,
                            std::vector<std::string>* translations,
                            std::vector<std::string>* originals) {
  fs::path dir = fs::path(locale_dir) / lang / "LC_MESSAGES";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return absl::NotFoundError("no gettext catalogues in " + dir.string() +
                               " (change --locale-dir or --other-langs)");
  }
  std::vector<fs::path> files;
  for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".mo") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    absl::StatusOr<std::vector<corpus::Message>> messages =
        corpus::ReadMoFile(f.string());
    if (!messages.ok()) continue;  // one broken catalogue is no reason to stop
    for (const corpus::Message& m : *messages) {
      if (m.translation.empty() || m.translation == m.original) continue;
      std::string t = CleanUiString(m.translation);
      if (!t.empty()) translations->push_back(std::move(t));
      if (originals != nullptr) {
        std::string o = CleanUiString(m.original);
        if (!o.empty()) originals->push_back(std::move(o));
      }
    }
  }
  return absl::OkStatus();
}

// The output of `apt-cache dumpavail`, or "" when apt-cache cannot run.
std::string AptCacheDumpavail() {
  std::string out;
  FILE* p = popen("apt-cache dumpavail 2>/dev/null", "r");
  if (p == nullptr) return out;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  if (pclose(p) != 0) out.clear();
  return out;
}

// Adds `set`, and its ASCII-folded copy (texts that folding changes), to
// `sets`.
void AddWithFolded(LabeledSet set, std::vector<LabeledSet>* sets) {
  LabeledSet folded{set.name + "-folded", set.language, {}};
  for (const std::string& t : set.texts) {
    std::string f = text::AsciiFold(t);
    if (f != t) folded.texts.push_back(std::move(f));
  }
  sets->push_back(std::move(set));
  sets->push_back(std::move(folded));
}

absl::StatusOr<std::vector<LabeledSet>> GatherSets(const EvalLangidFlags& f,
                                                   std::ostream& notes) {
  std::vector<LabeledSet> sets;
  auto sample = [&](const std::vector<std::string>& texts) {
    return langid::SampleSlice(texts, f.slice, f.max_per_set);
  };

  // Turkish.
  absl::StatusOr<std::vector<std::string>> tweets =
      langid::ReadOffensEvalTweets(f.tweets, f.slice);
  if (!tweets.ok()) return tweets.status();
  if (static_cast<int>(tweets->size()) > f.max_per_set) {
    tweets->resize(f.max_per_set);
  }
  AddWithFolded({"tr-tweets", Language::kTurkish, *std::move(tweets)}, &sets);
  std::error_code ec;
  if (fs::exists(f.tr_corpus, ec)) {
    absl::StatusOr<std::vector<std::string>> lines =
        langid::ReadLines(f.tr_corpus);
    if (!lines.ok()) return lines.status();
    // The corpus is already a dev split of its own: sample it whole.
    std::vector<std::string> picked;
    for (int s = 0; s < 10; ++s) {
      for (std::string& t : langid::SampleSlice(*lines, s, f.max_per_set)) {
        if (static_cast<int>(picked.size()) < f.max_per_set) {
          picked.push_back(std::move(t));
        }
      }
    }
    AddWithFolded({"tr-corpus", Language::kTurkish, std::move(picked)}, &sets);
  } else if (f.tr_corpus_given) {
    return absl::NotFoundError("cannot read the Turkish corpus " + f.tr_corpus);
  } else {
    notes << "note: " << f.tr_corpus
          << " not found, Turkish corpus sentences skipped (build them with "
             "`newsroom corpus build --out corpus`)\n";
  }
  std::vector<std::string> tr_ui, en_ui;
  if (absl::Status s = ReadCatalogues(f.locale_dir, "tr", &tr_ui, &en_ui);
      !s.ok()) {
    return s;
  }
  AddWithFolded({"tr-ui", Language::kTurkish, sample(tr_ui)}, &sets);

  // English.
  std::vector<std::string> debian;
  {
    std::ifstream in(f.debian_status, std::ios::binary);
    if (!in) {
      return absl::NotFoundError("cannot read Debian package descriptions " +
                                 f.debian_status + " (change --debian-status)");
    }
    std::stringstream s;
    s << in.rdbuf();
    debian = langid::DebianDescriptions(s.str());
  }
  if (f.apt_cache) {
    std::string dump = AptCacheDumpavail();
    if (dump.empty()) {
      notes << "note: `apt-cache dumpavail` gave nothing; only "
            << f.debian_status << " is used\n";
    }
    for (std::string& d : langid::DebianDescriptions(dump)) {
      debian.push_back(std::move(d));
    }
  }
  sets.push_back({"en-debian", Language::kEnglish, sample(debian)});
  std::vector<std::string> licenses;
  if (fs::is_directory(f.licenses, ec)) {
    std::vector<fs::path> files;
    for (const fs::directory_entry& e :
         fs::directory_iterator(f.licenses, ec)) {
      if (e.is_regular_file()) files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& p : files) {
      std::ifstream in(p, std::ios::binary);
      std::stringstream s;
      s << in.rdbuf();
      for (std::string& para : langid::Paragraphs(s.str())) {
        licenses.push_back(std::move(para));
      }
    }
    sets.push_back({"en-licenses", Language::kEnglish, sample(licenses)});
  } else {
    notes << "note: " << f.licenses << " not found, licences skipped\n";
  }
  sets.push_back({"en-ui", Language::kEnglish, sample(en_ui)});

  // Other languages.
  for (const std::string& lang : f.other_langs) {
    std::vector<std::string> texts;
    if (absl::Status s = ReadCatalogues(f.locale_dir, lang, &texts, nullptr);
        !s.ok()) {
      return s;
    }
    sets.push_back({"other-" + lang, Language::kOther, sample(texts)});
  }
  return sets;
}

nlohmann::json ReportJson(const langid::EvalReport& r, int slice) {
  nlohmann::json systems = nlohmann::json::object();
  for (size_t s = 0; s < r.systems.size(); ++s) {
    nlohmann::json by_language = nlohmann::json::object();
    for (Language lang :
         {Language::kTurkish, Language::kEnglish, Language::kOther}) {
      nlohmann::json buckets = nlohmann::json::object();
      int total = 0, correct = 0;
      for (int b = 0; b < langid::kLengthBuckets; ++b) {
        int n = 0, c = 0;
        for (const auto& set : r.sets) {
          if (set.language != lang) continue;
          n += set.by_bucket[b][s].total;
          c += set.by_bucket[b][s].correct;
        }
        if (n == 0) continue;
        buckets[langid::LengthBucketName(b)] = {
            {"n", n}, {"accuracy", std::round(10000.0 * c / n) / 10000}};
        total += n;
        correct += c;
      }
      if (total == 0) continue;
      buckets["all"] = {
          {"n", total},
          {"accuracy", std::round(10000.0 * correct / total) / 10000}};
      by_language[std::string(langid::LanguageCode(lang))] = buckets;
    }
    systems[r.systems[s]] = {
        {"accuracy", by_language},
        {"us_per_text", std::round(r.micros_per_text[s] * 100) / 100}};
  }
  return {{"eval", "langid"},
          {"slice", slice},
          {"hint", r.hint ? std::string(langid::LanguageCode(*r.hint))
                          : std::string("none")},
          {"cld2", std::string(langid::Identifier::Cld2Version())},
          {"systems", systems}};
}

int RunEvalLangid(const EvalLangidFlags& flags) {
  const char* kName = "newsroom eval langid: ";
  std::optional<Language> hint;
  if (flags.hint != "none") {
    absl::StatusOr<Language> h = langid::ParseLanguageCode(flags.hint);
    if (!h.ok()) {
      std::cerr << kName << "--hint: " << h.status().message()
                << " (or \"none\")\n";
      return 2;
    }
    hint = *h;
  }
  if (flags.slice < 0 || flags.slice > 9) {
    std::cerr << kName << "--slice must be 0..9\n";
    return 2;
  }
  std::vector<std::pair<std::string, langid::IdentifierOptions>> configs(3);
  configs[0].first = "cld2";
  configs[0].second.use_cues = false;
  configs[1].first = "cues";
  configs[1].second.use_cld2 = false;
  configs[2].first = "cld2+cues";
  std::vector<std::unique_ptr<const langid::Identifier>> identifiers;
  std::vector<std::pair<std::string, const langid::Identifier*>> systems;
  for (auto& [name, options] : configs) {
    options.data_dir = flags.data_dir;
    auto id = langid::Identifier::Create(options);
    if (!id.ok()) {
      std::cerr << kName << id.status().message() << "\n";
      return 2;
    }
    identifiers.push_back(*std::move(id));
    systems.emplace_back(name, identifiers.back().get());
  }

  std::ostringstream notes;
  absl::StatusOr<std::vector<LabeledSet>> sets = GatherSets(flags, notes);
  std::cerr << notes.str();
  if (!sets.ok()) {
    std::cerr << kName << sets.status().message() << "\n";
    return 2;
  }
  std::cout << "Language identification, dev slice " << flags.slice
            << " of 10 (langid::SliceOf), at most " << flags.max_per_set
            << " texts a set.\nCLD2 " << langid::Identifier::Cld2Version()
            << "; systems: cld2 = CLD2 alone, cues = cue lists and letters "
               "alone, cld2+cues = the identifier as deployed.\n"
               "Texts without evidence get the hint, else the default "
               "language (tr), in every system.\n\n";
  langid::EvalReport report =
      langid::Evaluate(*sets, systems, hint, flags.errors);
  std::cout << langid::FormatReport(report) << "\n"
            << ReportJson(report, flags.slice).dump() << "\n";
  return 0;
}

}  // namespace

void RegisterEvalLangidCommand(CLI::App& eval, int* exit_code) {
  CLI::App* cmd = eval.add_subcommand(
      "langid",
      "Language identification accuracy by language and length: CLD2 alone "
      "vs. CLD2 with Turkish/English cues");
  auto flags = std::make_shared<EvalLangidFlags>();
  cmd->add_option("--tweets", flags->tweets,
                  "OffensEval-TR TSV (id, tweet, label); Turkish")
      ->capture_default_str();
  CLI::Option* corpus =
      cmd->add_option("--tr-corpus", flags->tr_corpus,
                      "Turkish sentences, one a line (skipped when the "
                      "default is missing)")
          ->capture_default_str();
  cmd->add_option("--debian-status", flags->debian_status,
                  "Debian control file with package descriptions; English")
      ->capture_default_str();
  cmd->add_flag("!--no-apt-cache", flags->apt_cache,
                "Do not add the synopses from `apt-cache dumpavail`");
  cmd->add_option("--licenses", flags->licenses,
                  "Directory of licence texts; English")
      ->capture_default_str();
  cmd->add_option("--locale-dir", flags->locale_dir,
                  "gettext catalogues: <dir>/<lang>/LC_MESSAGES/*.mo")
      ->capture_default_str();
  cmd->add_option("--other-langs", flags->other_langs,
                  "Catalogue languages used as 'other'")
      ->delimiter(',')
      ->capture_default_str();
  cmd->add_option("--data-dir", flags->data_dir,
                  "Newsroom data directory (cue lists in langid/)")
      ->capture_default_str();
  cmd->add_option("--hint", flags->hint,
                  "Client hint given with every text: tr, en or none")
      ->capture_default_str();
  cmd->add_option("--slice", flags->slice,
                  "Which tenth of the data to read (0 is the dev slice)")
      ->capture_default_str();
  cmd->add_option("--max-per-set", flags->max_per_set,
                  "At most this many texts from each set")
      ->capture_default_str();
  cmd->add_option("--errors", flags->errors,
                  "Show this many misidentified texts of each set")
      ->capture_default_str();
  cmd->callback([flags, corpus, exit_code] {
    flags->tr_corpus_given = corpus->count() > 0;
    *exit_code = RunEvalLangid(*flags);
  });
}

}  // namespace newsroom::app
