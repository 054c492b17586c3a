// `newsroom feedback export [--db URL] [--out FILE] [--format tsv|jsonl]`
//
// The moderators' decisions that Perspective clients sent back
// (`comments:suggestscore`, stored by the server) as training data.
//
//   tsv    (default) OffensEval's format, what `newsroom train offensive`
//          and `newsroom eval` read: a header `id<TAB>tweet<TAB>subtask_a`,
//          then `feedback-<row id><TAB>text<TAB>OFF|NOT`, the label OFF
//          when the suggested TOXICITY is at least 0.5 (Coral sends 1 for a
//          rejected comment, 0 for an approved one). Only TOXICITY
//          suggestions; a text suggested more than once keeps its latest
//          suggestion (a moderator who changed their mind); tabs and line
//          breaks in the text become spaces.
//   jsonl  every stored suggestion, every attribute, one JSON object a line:
//          id, api_key_name, text, attribute, score, language,
//          client_token, created_at (RFC 3339, UTC).
//
// Rows go out oldest first, to stdout or --out FILE; the count goes to
// stderr.
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "app/commands.h"
#include "store/store.h"

namespace newsroom::app {
namespace {

struct Options {
  std::string db = "sqlite:newsroom.db";  // as `serve`
  std::string out;
  std::string format = "tsv";
};

int Fail(const absl::Status& status) {
  std::cerr << "newsroom feedback: " << status.message() << "\n";
  return 1;
}

// The text on one TSV line.
std::string OneLine(std::string text) {
  for (char& ch : text) {
    if (ch == '\t' || ch == '\n' || ch == '\r') ch = ' ';
  }
  return text;
}

// Writes `rows` and returns how many lines of data it wrote.
int64_t WriteTsv(const std::vector<store::Feedback>& rows, std::ostream& out) {
  // The latest TOXICITY suggestion for each text, in the order of the rows.
  std::map<std::string, const store::Feedback*> latest;
  for (const store::Feedback& f : rows) {
    if (f.attribute == "TOXICITY") latest[f.text] = &f;
  }
  out << "id\ttweet\tsubtask_a\n";
  int64_t written = 0;
  for (const store::Feedback& f : rows) {
    auto it = latest.find(f.text);
    if (it == latest.end() || it->second != &f) continue;
    out << "feedback-" << f.id << "\t" << OneLine(f.text) << "\t"
        << (f.score >= 0.5 ? "OFF" : "NOT") << "\n";
    ++written;
  }
  return written;
}

int64_t WriteJsonLines(const std::vector<store::Feedback>& rows,
                       std::ostream& out) {
  for (const store::Feedback& f : rows) {
    nlohmann::json j = {
        {"id", f.id},
        {"api_key_name", f.api_key_name},
        {"text", f.text},
        {"attribute", f.attribute},
        {"score", f.score},
        {"language", f.language},
        {"client_token", f.client_token},
        {"created_at", absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", f.created_at,
                                        absl::UTCTimeZone())},
    };
    out << j.dump() << "\n";
  }
  return static_cast<int64_t>(rows.size());
}

int Export(const Options& o) {
  if (o.format != "tsv" && o.format != "jsonl") {
    return Fail(absl::InvalidArgumentError(
        absl::StrCat("--format must be tsv or jsonl, got \"", o.format, "\"")));
  }
  absl::StatusOr<std::unique_ptr<store::Store>> store = store::Open(o.db);
  if (!store.ok()) return Fail(store.status());
  absl::StatusOr<std::vector<store::Feedback>> rows = (*store)->ListFeedback();
  if (!rows.ok()) return Fail(rows.status());

  std::ofstream file;
  if (!o.out.empty()) {
    file.open(o.out, std::ios::binary | std::ios::trunc);
    if (!file) {
      return Fail(
          absl::InvalidArgumentError(absl::StrCat("cannot write ", o.out)));
    }
  }
  std::ostream& out = o.out.empty() ? std::cout : file;
  const int64_t written =
      o.format == "tsv" ? WriteTsv(*rows, out) : WriteJsonLines(*rows, out);
  out.flush();
  if (!out) {
    return Fail(absl::InternalError(
        absl::StrCat("writing ", o.out.empty() ? "stdout" : o.out, " failed")));
  }
  std::cerr << "newsroom feedback: " << written
            << (o.format == "tsv" ? " labelled comments" : " suggestions")
            << " of " << rows->size() << " stored suggestions"
            << (o.out.empty() ? "" : " to " + o.out) << "\n";
  return 0;
}

}  // namespace

void RegisterFeedbackCommand(CLI::App& app, int* exit_code) {
  CLI::App* feedback =
      app.add_subcommand("feedback",
                         "Moderator feedback sent by Perspective clients "
                         "(comments:suggestscore)");
  feedback->require_subcommand(1);
  auto options = std::make_shared<Options>();
  CLI::App* e = feedback->add_subcommand(
      "export",
      "Write the feedback as training data: OffensEval TSV "
      "(id, text, OFF/NOT from TOXICITY) or JSON lines");
  e->add_option("--db", options->db,
                "Database URL (default sqlite:newsroom.db)");
  e->add_option("--out", options->out, "Output file (default stdout)");
  e->add_option("--format", options->format,
                "tsv (OffensEval: id, text, OFF/NOT; default) or jsonl (every "
                "field of every suggestion)");
  e->callback([options, exit_code] { *exit_code = Export(*options); });
}

}  // namespace newsroom::app
