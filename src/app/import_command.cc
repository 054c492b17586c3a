// `newsroom import disqus|wordpress [--db URL] [--policy FILE]
//     [--apply-policy] [--skip-invalid] [--check] [--anonymous NAME]
//     [--batch N] EXPORT.xml[.gz]`
//
// Brings a site's comments from a Disqus export or a WordPress export (WXR)
// into the store (importer/importer.h says how). A progress line on stderr
// while it checks and while it imports (on a terminal); then what happened,
// on stdout: what the export held, what was left out and why, which
// articles the comments went to, how many were stored in which status and
// what the engine said of them. Problems in the export go to stderr as
// "EXPORT:LINE: what", like a compiler's. Exit status 0 when every comment
// to import is in the store (or, with --check, when the export has no
// problem), 1 otherwise.
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "app/commands.h"
#include "app/engine_loader.h"
#include "app/progress.h"
#include "importer/importer.h"
#include "store/store.h"

namespace newsroom::app {
namespace {

struct Options {
  std::string db = "sqlite:newsroom.db";
  std::string policy;
  importer::ImportOptions import;  // the flags below set its fields
};

// A progress line per stage.
class ProgressLine : public importer::ImportObserver {
 public:
  void StageStarted(Stage stage, int64_t total) override {
    progress_.emplace(total);
  }
  void Advanced() override {
    if (progress_) progress_->Tick();
  }
  void StageFinished(Stage) override {
    if (progress_) progress_->Finish();
    progress_.reset();
  }

 private:
  std::optional<Progress> progress_;
};

// 1234567 → "1,234,567".
std::string N(int64_t n) {
  std::string digits = absl::StrCat(n < 0 ? -n : n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return n < 0 ? "-" + out : out;
}

void PrintReport(const Options& o, const importer::ImportReport& r,
                 double seconds) {
  using store::CommentStatus;
  const std::string format =
      o.import.format == importer::Format::kDisqus ? "Disqus" : "WordPress";
  std::cout << "Export: " << o.import.path << " (" << format
            << (r.site.empty() ? "" : ", " + r.site) << "): " << N(r.threads)
            << " threads, " << N(r.comments) << " comments.\n";
  std::string left_out;
  auto add = [&](int64_t n, const char* what) {
    if (n == 0) return;
    absl::StrAppend(&left_out, left_out.empty() ? "" : ", ", N(n), " ", what);
  };
  add(r.deleted, "deleted");
  add(r.spam, "spam");
  add(r.trash, "in the trash");
  add(r.not_readers, "pingbacks and trackbacks");
  add(r.empty, "with no text once the HTML is gone");
  add(r.invalid, "with problems (--skip-invalid)");
  if (!left_out.empty()) std::cout << "Left out: " << left_out << ".\n";
  if (r.reattached > 0) {
    std::cout << "Replies to a comment left out, placed under its nearest "
                 "imported ancestor: "
              << N(r.reattached) << ".\n";
  }
  if (r.local_times > 0) {
    std::cout << "Comments without a GMT time, their local time kept as UTC: "
              << N(r.local_times) << ".\n";
  }
  if (o.import.check_only) {
    std::cout << "To import: " << N(r.to_import)
              << " comments. Checked only; nothing was written.\n";
    return;
  }
  if (!r.checked) return;
  const int64_t articles =
      r.articles_by_address + r.articles_by_slug + r.articles_created;
  if (articles > 0) {
    std::cout << "Articles: " << N(r.articles_by_address)
              << " found by their old address, " << N(r.articles_by_slug)
              << " by their slug, " << N(r.articles_created)
              << " created as stubs"
              << (r.articles_created > 0
                      ? " (headline and address only, for editors to "
                        "complete)"
                      : "")
              << ".\n";
  }
  auto count = [&](CommentStatus s) {
    auto it = r.added.find(s);
    return it == r.added.end() ? int64_t{0} : it->second;
  };
  std::cout << "Stored: " << N(r.added_total()) << " comments ("
            << N(count(CommentStatus::kApproved)) << " published, "
            << N(count(CommentStatus::kPending)) << " waiting for a moderator, "
            << N(count(CommentStatus::kRejected)) << " refused); "
            << N(r.already_imported) << " were already imported.\n";
  if (r.added_total() > 0) {
    std::cout << "Engine: " << N(r.engine_approve) << " approve, "
              << N(r.engine_review) << " review, " << N(r.engine_reject)
              << " reject";
    if (r.engine_unjudged > 0) {
      std::cout << ", " << N(r.engine_unjudged)
                << " too long to judge (held for a person)";
    }
    std::cout << ".\n";
  }
  if (r.published_against_policy > 0) {
    std::cout << N(r.published_against_policy)
              << " published comments break the policy and stay published, "
                 "with the verdict stored for moderators (--apply-policy "
                 "unpublishes them on a new import).\n";
  }
  std::cout << absl::StrFormat("Time: %.1f s.\n", seconds);
}

int Run(const Options& o) {
  const auto start = std::chrono::steady_clock::now();
  absl::StatusOr<std::unique_ptr<store::Store>> store = store::Open(o.db);
  if (!store.ok()) {
    std::cerr << "newsroom import: " << store.status().message() << "\n";
    return 1;
  }
  std::unique_ptr<const moderation::Engine> engine;
  if (!o.import.check_only) {
    absl::StatusOr<std::unique_ptr<const moderation::Engine>> loaded =
        LoadEngine(o.policy);
    if (!loaded.ok()) {
      std::cerr << "newsroom import: " << loaded.status().message() << "\n";
      return 1;
    }
    engine = std::move(*loaded);
  }

  ProgressLine progress;
  const importer::ImportReport report =
      importer::Import(o.import, **store, engine.get(), &progress);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();

  for (const importer::Problem& p : report.problems) {
    std::cerr << o.import.path << ":" << p.line << ": " << p.message << "\n";
  }
  if (report.problem_count > static_cast<int64_t>(report.problems.size())) {
    std::cerr << "… and " << N(report.problem_count - report.problems.size())
              << " more problems.\n";
  }
  if (report.checked) PrintReport(o, report, seconds);
  if (!report.status.ok()) {
    std::cerr << "newsroom import: " << report.status.message() << "\n";
    return 1;
  }
  return 0;
}

void AddFormat(CLI::App& import, importer::Format format, const char* help,
               int* exit_code) {
  auto o = std::make_shared<Options>();
  o->import.format = format;
  CLI::App* cmd =
      import.add_subcommand(std::string(importer::FormatName(format)), help);
  cmd->add_option("EXPORT", o->import.path,
                  "The export file (XML, or XML compressed with gzip)")
      ->required();
  cmd->add_option("--db", o->db, "Database URL (default sqlite:newsroom.db)");
  cmd->add_option("--policy", o->policy,
                  "Policy file (default: built-in defaults, as in "
                  "config/policy.toml)");
  cmd->add_flag("--apply-policy", o->import.apply_policy,
                "Give each comment the engine's decision, unpublishing "
                "published comments the policy refuses (default: keep each "
                "comment's status, store the verdict)");
  cmd->add_flag("--skip-invalid", o->import.skip_invalid,
                "Leave out the comments with a problem and import the rest "
                "(default: any problem stops the import before it writes)");
  cmd->add_flag("--check", o->import.check_only,
                "Only check the export and say what an import would do; "
                "write nothing");
  cmd->add_option("--anonymous", o->import.anonymous_author,
                  "Author shown for comments without a name (default Anonim)");
  cmd->add_option("--batch", o->import.batch_size,
                  "Comments per transaction (default 500)")
      ->check(CLI::Range(1, 100000));
  cmd->callback([o, exit_code] { *exit_code = Run(*o); });
}

}  // namespace

void RegisterImportCommand(CLI::App& app, int* exit_code) {
  CLI::App* import = app.add_subcommand(
      "import", "Bring a site's comments from Disqus or WordPress");
  import->require_subcommand(1);
  AddFormat(*import, importer::Format::kDisqus,
            "Import a Disqus export (Admin → Community → Export)", exit_code);
  AddFormat(*import, importer::Format::kWordPress,
            "Import a WordPress export (Tools → Export, WXR)", exit_code);
}

}  // namespace newsroom::app
