// Moving a site between databases: every row of every table, ids kept,
// verified by counts and checksums read back from the target.
//
//   absl::StatusOr<CopyReport> r = store::CopyDatabase(
//       "sqlite:/var/lib/newsroom/newsroom.db",
//       "postgresql://newsroom@db1/newsroom", {});
//   for (const TableCopy& t : r->tables) print(t.table, t.rows, …);
//   if (!r->verified()) …;
//
// Either side may be SQLite or PostgreSQL (a site can move back too). The
// target is migrated to this binary's schema first, and must be empty
// unless `replace` is set, in which case its rows are deleted first — in the
// same transaction as the copy, so a failed copy leaves the target as it
// was. The source is only read (and migrated, if it is an older schema).
// Stop the site's nodes, or at least its writers, while copying: rows
// written to the source during the copy may or may not be copied.
//
// What is copied: articles with the addresses they had on an older site,
// photos with every size, comments with their threading, statuses and
// report counts, reasons, receipts, search keys and findings, the import
// keys of imported comments (so that an import
// run again on the new database adds nothing twice), reports, the audit
// log of decisions and the articles' log, users, sessions, API keys (revoked
// ones too), moderator feedback and the secrets the nodes share (the client
// salt, so that rate limits and report dedupe carry over), with their ids; the
// target's id sequences continue after the source's highest id ever used, so an
// id purged from the source is not handed out again.
//
// The checksum of a table is FNV-1a (64 bits) over its rows in primary-key
// order, each value with its type and length: an integrity check that the
// same rows arrived, not a cryptographic one.
#ifndef NEWSROOM_STORE_COPY_H_
#define NEWSROOM_STORE_COPY_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace newsroom::store {

struct CopyOptions {
  // Delete the target's rows first instead of refusing a non-empty target.
  bool replace = false;
  // Called after each table is written (for progress on a terminal).
  std::function<void(std::string_view table, int64_t rows)> progress;
};

struct TableCopy {
  std::string table;
  int64_t source_rows = 0;
  int64_t target_rows = 0;
  uint64_t source_checksum = 0;
  uint64_t target_checksum = 0;
  bool equal() const {
    return source_rows == target_rows && source_checksum == target_checksum;
  }
};

struct CopyReport {
  std::vector<TableCopy> tables;  // in the order they were copied
  bool verified() const {
    for (const TableCopy& t : tables) {
      if (!t.equal()) return false;
    }
    return true;
  }
};

// Copies the database `from` names into the one `to` names (URLs as
// store::Open takes them). InvalidArgument for a bad URL or the same URL
// twice; FailedPrecondition for a non-empty target without `replace`;
// the database's error otherwise, with nothing of the copy kept. A copy
// that committed but whose read-back differs is not an error: the report
// says which table differs (verified() is false).
absl::StatusOr<CopyReport> CopyDatabase(std::string_view from,
                                        std::string_view to,
                                        const CopyOptions& options);

}  // namespace newsroom::store

#endif  // NEWSROOM_STORE_COPY_H_
