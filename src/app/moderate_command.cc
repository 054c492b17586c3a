// `newsroom moderate [--policy FILE] [--explain] [--lang tr|en] [FILE]`
//
// One comment per input line, either plain text or a JSON object
// {"id", "text", "lang"?}; one JSON verdict per output line with the id
// echoed (plain lines get their line number as id). A line that cannot be
// moderated (bad JSON, invalid UTF-8, empty, too long) gets an
// {"id", "error"} line and the command exits 1 after the whole input.
// --explain prints a readable report instead, with the spans marked.
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/commands.h"
#include "app/engine_loader.h"
#include "app/progress.h"
#include "moderation/verdict_json.h"
#include "text/edit.h"
#include "text/utf8.h"

namespace newsroom::app {
namespace {

struct Options {
  std::string policy;
  std::string input;
  std::string lang;
  bool explain = false;
};

struct Request {
  nlohmann::json id;
  std::string text;
  std::optional<langid::Language> lang;
};

// Parses one input line into a request; InvalidArgument for bad JSON.
absl::StatusOr<Request> ParseLine(
    const std::string& line, int64_t number,
    std::optional<langid::Language> default_lang) {
  Request r;
  r.id = number;
  r.lang = default_lang;
  if (line.empty() || line[0] != '{') {
    r.text = line;
    return r;
  }
  nlohmann::json j =
      nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    return absl::InvalidArgumentError("line is not valid JSON");
  }
  if (j.contains("id")) r.id = j["id"];
  if (!j.contains("text") || !j["text"].is_string()) {
    return absl::InvalidArgumentError("\"text\" must be a string");
  }
  r.text = j["text"].get<std::string>();
  if (j.contains("lang") && !j["lang"].is_null()) {
    if (!j["lang"].is_string()) {
      return absl::InvalidArgumentError("\"lang\" must be a string");
    }
    absl::StatusOr<langid::Language> lang =
        langid::ParseLanguageCode(j["lang"].get<std::string>());
    if (!lang.ok()) return lang.status();
    r.lang = *lang;
  }
  return r;
}

// The original text with every span of `f` wrapped in ⟦ ⟧.
std::string Marked(const std::string& text, const moderation::Finding& f) {
  std::vector<text::Edit> edits;
  for (const moderation::Span& s : f.spans) {
    edits.push_back(
        {s.start, s.end,
         "⟦" + std::string(text::SubstrByCodePoints(text, s.start, s.end)) +
             "⟧"});
  }
  return text::ApplyEdits(text, std::move(edits));
}

void Explain(const Request& r, const moderation::Verdict& v,
             std::ostream& out) {
  out << "── " << r.id.dump() << "  " << moderation::DecisionName(v.decision)
      << "  (language " << langid::LanguageCode(v.language) << ")\n";
  out << "   " << r.text << "\n";
  if (v.findings.empty()) out << "   no findings\n";
  for (const moderation::Finding& f : v.findings) {
    char score[16];
    std::snprintf(score, sizeof(score), "%.2f", f.score);
    out << "   • " << moderation::RuleIdName(f.rule) << "  score " << score
        << (f.violated ? "  VIOLATED → " +
                             std::string(moderation::ActionName(f.action))
                       : "  below threshold")
        << "\n";
    if (!f.spans.empty()) out << "     at:  " << Marked(r.text, f) << "\n";
    for (const moderation::Span& s : f.spans) {
      if (s.replacement.empty() && s.suggestions.empty()) continue;
      out << "          \"" << s.text << "\"";
      if (!s.replacement.empty()) out << " → \"" << s.replacement << "\"";
      if (!s.suggestions.empty()) {
        out << "  (";
        for (size_t i = 0; i < s.suggestions.size(); ++i) {
          out << (i ? ", " : "") << s.suggestions[i];
        }
        out << ")";
      }
      out << "\n";
    }
    if (f.fix.has_value()) out << "     fix: " << *f.fix << "\n";
    if (f.violated) {
      out << "     tr:  " << moderation::Message(f.rule).tr << "\n";
      out << "     en:  " << moderation::Message(f.rule).en << "\n";
    }
  }
  out << "\n";
}

int Run(const Options& o) {
  std::optional<langid::Language> default_lang;
  if (!o.lang.empty()) {
    absl::StatusOr<langid::Language> l = langid::ParseLanguageCode(o.lang);
    if (!l.ok()) {
      std::cerr << "newsroom moderate: --lang: " << l.status().message()
                << "\n";
      return 2;
    }
    default_lang = *l;
  }
  std::ifstream file;
  std::istream* in = &std::cin;
  int64_t total = 0;
  if (!o.input.empty() && o.input != "-") {
    file.open(o.input);
    if (!file) {
      std::cerr << "newsroom moderate: cannot read " << o.input << "\n";
      return 2;
    }
    std::string line;
    while (std::getline(file, line)) ++total;
    file.clear();
    file.seekg(0);
    in = &file;
  }
  absl::StatusOr<std::unique_ptr<const moderation::Engine>> engine =
      LoadEngine(o.policy);
  if (!engine.ok()) {
    std::cerr << "newsroom moderate: " << engine.status().message() << "\n";
    return 2;
  }
  Progress progress(total);
  int errors = 0;
  int64_t number = 0;
  std::string line;
  while (std::getline(*in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    absl::StatusOr<Request> request = ParseLine(line, number, default_lang);
    absl::StatusOr<moderation::Verdict> verdict =
        request.ok()
            ? (*engine)->Moderate(request->text, request->lang,
                                  moderation::Engine::Suggestions::kAlways)
            : absl::StatusOr<moderation::Verdict>(request.status());
    progress.Tick();
    nlohmann::json id = request.ok() ? request->id : nlohmann::json(number);
    if (!verdict.ok()) {
      ++errors;
      nlohmann::json err = {{"id", id},
                            {"error", std::string(verdict.status().message())}};
      if (o.explain) {
        std::cout << "── " << id.dump()
                  << "  error: " << verdict.status().message() << "\n\n";
      } else {
        std::cout << err.dump(-1, ' ', false,
                              nlohmann::json::error_handler_t::replace)
                  << "\n";
      }
      continue;
    }
    if (o.explain) {
      Explain(*request, *verdict, std::cout);
    } else {
      nlohmann::json j = moderation::VerdictToJson(*verdict);
      j["id"] = id;
      std::cout << j.dump() << "\n";
    }
  }
  progress.Finish();
  std::cout.flush();
  if (errors > 0) {
    std::cerr << "newsroom moderate: " << errors << " of " << number
              << " lines could not be moderated\n";
    return 1;
  }
  return 0;
}

}  // namespace

void RegisterModerateCommand(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("moderate",
                                     "Moderate comments, one per line (plain "
                                     "text or {\"id\",\"text\",\"lang\"} "
                                     "JSON); prints one JSON verdict per line");
  cmd->add_option("FILE", o->input, "Input file (default: standard input)");
  cmd->add_option("--policy", o->policy,
                  "Policy file (default: built-in defaults, as in "
                  "config/policy.toml)");
  cmd->add_option("--lang", o->lang, "Language hint for every line: tr or en");
  cmd->add_flag(
      "--explain", o->explain,
      "Print a readable report with the spans marked instead of JSON");
  cmd->callback([o, exit_code] { *exit_code = Run(*o); });
}

}  // namespace newsroom::app
