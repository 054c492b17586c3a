// `newsroom db migrate [--db URL]`
// `newsroom db copy --from URL --to URL [--replace]`
//
// `migrate` brings a database's schema to this binary's version — what
// `serve` does at start-up, as a step of its own for a deployment (it is
// safe while nodes run, and when two run it at once). `copy` moves a site
// from one database to another (SQLite to PostgreSQL, or back), ids kept,
// and prints each table's row count and checksum on both sides; it exits 1
// unless every table matches. Messages go to stderr, the table to stdout.
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "absl/strings/str_format.h"
#include "app/commands.h"
#include "store/copy.h"
#include "store/store.h"

namespace newsroom::app {
namespace {

constexpr char kDefaultDb[] = "sqlite:newsroom.db";  // as `serve`

struct MigrateOptions {
  std::string db = kDefaultDb;
};

struct CopyOptions {
  std::string from;
  std::string to;
  bool replace = false;
};

int Fail(const absl::Status& status) {
  std::cerr << "newsroom db: " << status.message() << "\n";
  return 1;
}

int Migrate(const MigrateOptions& o) {
  absl::StatusOr<store::MigrationResult> m = store::Migrate(o.db);
  if (!m.ok()) return Fail(m.status());
  if (m->from == m->to) {
    std::cerr << "newsroom db: the schema is at version " << m->to
              << " already\n";
  } else {
    std::cerr << "newsroom db: migrated the schema from version " << m->from
              << " to " << m->to << "\n";
  }
  return 0;
}

int Copy(const CopyOptions& o) {
  store::CopyOptions options;
  options.replace = o.replace;
  options.progress = [](std::string_view table, int64_t rows) {
    std::cerr << "newsroom db: copied " << rows << " rows of "
              << std::string(table) << "\n";
  };
  absl::StatusOr<store::CopyReport> report =
      store::CopyDatabase(o.from, o.to, options);
  if (!report.ok()) return Fail(report.status());
  std::cout << absl::StrFormat("%-16s %10s %10s  %-16s %-16s %s\n", "table",
                               "source", "target", "source checksum",
                               "target checksum", "");
  for (const store::TableCopy& t : report->tables) {
    std::cout << absl::StrFormat("%-16s %10d %10d  %016x %016x %s\n", t.table,
                                 t.source_rows, t.target_rows,
                                 t.source_checksum, t.target_checksum,
                                 t.equal() ? "equal" : "DIFFERENT");
  }
  if (!report->verified()) {
    std::cerr << "newsroom db: the copy differs from the source (above); "
                 "the target holds what was copied\n";
    return 1;
  }
  std::cerr << "newsroom db: every table copied and verified\n";
  return 0;
}

}  // namespace

void RegisterDbCommand(CLI::App& app, int* exit_code) {
  CLI::App* db = app.add_subcommand(
      "db", "The database: migrate its schema, copy a site to another one");
  db->require_subcommand(1);
  const std::string db_help =
      "Database URL: sqlite:PATH or postgresql://USER@HOST:PORT/DBNAME "
      "(default sqlite:newsroom.db)";

  auto migrate = std::make_shared<MigrateOptions>();
  CLI::App* m = db->add_subcommand(
      "migrate",
      "Bring the schema to this binary's version (serve does it at start)");
  m->add_option("--db", migrate->db, db_help);
  m->callback([migrate, exit_code] { *exit_code = Migrate(*migrate); });

  auto copy = std::make_shared<CopyOptions>();
  CLI::App* c = db->add_subcommand(
      "copy",
      "Copy every article, comment, decision, account, session, key and "
      "photo to another database, and verify it");
  c->add_option("--from", copy->from, "The site's database (URL)")->required();
  c->add_option("--to", copy->to, "The new database (URL); must be empty")
      ->required();
  c->add_flag("--replace", copy->replace,
              "Delete the target's rows first instead of refusing a "
              "non-empty target");
  c->callback([copy, exit_code] { *exit_code = Copy(*copy); });
}

}  // namespace newsroom::app
