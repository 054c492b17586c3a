// Bringing a site's existing comments into Newsroom: a Disqus export or a
// WordPress export (WXR), every comment moderated by the engine, into the
// store.
//
//   ImportOptions options;
//   options.format = Format::kDisqus;
//   options.path = "haber-2024-01-31-all.xml.gz";
//   ImportReport report = Import(options, *store, engine.get(), &observer);
//   if (!report.status.ok()) …  // report says what was and was not stored
//
// What happens, in two passes over the file:
//
//  1. Check. The whole export is read and checked before anything is
//     written: well-formed XML in valid UTF-8, every comment with an id, a
//     date, a thread the export has, a parent the export has on the same
//     thread, no reply cycle, and an address for every thread that has a
//     comment to import. Any problem (each reported with its line) stops
//     the import here, and nothing is written, unless `skip_invalid` says
//     to leave those comments out instead.
//
//  2. Import. The file is read again. Each comment to import gets its
//     article: the one recorded under the thread's address (a previous
//     import), else the one whose slug is the address's last segment (a
//     site whose articles moved first), else a new article made from the
//     thread — a stub with its title and address for editors to complete.
//     Its HTML becomes plain text, the engine judges it, and it is stored
//     with its author, its date, its place in the thread and the verdict,
//     `batch_size` comments to a transaction.
//
// Status. By default a comment keeps what it had at the source: published
// stays published (approved) whatever the engine says, held stays pending;
// the verdict is stored for moderators either way, and the report counts
// the published comments the policy would not have let through. With
// `apply_policy` each comment takes the engine's decision as if posted now
// (approve → approved, review → pending, reject → rejected). Deleted,
// spam, trashed comments and pingbacks are not imported; a reply to one is
// placed under its nearest imported ancestor (or at the top of its
// thread). A comment the engine cannot judge (longer than the policy's
// max_length) is imported with a verdict that says so; with apply_policy
// it waits for a moderator.
//
// Atomicity. Nothing is written unless the whole file checks out. The
// import itself commits batch by batch; every comment is stored under its
// source's key ("disqus:POST_ID", "wordpress:SITE:COMMENT_ID"), so running
// the same import again adds nothing twice, and an import stopped half way
// (a crash, a full disk, Ctrl-C) is finished by running it again. The
// report says how many comments were stored and how many were already
// there; on an error, how far it got.
//
// Memory: the file is streamed; what is kept is an index of a few tens of
// bytes per comment and the threads' addresses and titles.
//
// Thread-safety: Import may run beside a server on the same store; one
// Import per export at a time.
#ifndef NEWSROOM_IMPORTER_IMPORTER_H_
#define NEWSROOM_IMPORTER_IMPORTER_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "importer/export.h"
#include "moderation/engine.h"
#include "store/store.h"

namespace newsroom::importer {

struct ImportOptions {
  Format format = Format::kDisqus;
  std::string path;  // the export, plain or gzip-compressed
  // Give every imported comment the engine's decision, unpublishing
  // published comments the policy refuses. Off: keep the source's status.
  bool apply_policy = false;
  // Leave out the comments with a problem (listed in the report) and import
  // the rest. Off: any problem stops the import before it writes anything.
  bool skip_invalid = false;
  // Only check the export (pass 1); write nothing, need no engine.
  bool check_only = false;
  // The author shown for a comment whose source has no name.
  std::string anonymous_author = "Anonim";
  // Comments per transaction: larger is faster; a server beside the import
  // waits for at most one batch to post a comment.
  int batch_size = 500;
  // Problems listed in the report (all are counted).
  int max_listed_problems = 100;
};

// Something wrong with one comment or thread of the export.
struct Problem {
  int line = 0;
  std::string message;
};

struct ImportReport {
  // OK, or why the import stopped: the export's problems, or an error
  // while importing (then the counts below say what was stored).
  absl::Status status;
  bool checked = false;   // pass 1 completed
  bool complete = false;  // every comment to import is in the store

  // The export.
  std::string site;  // WordPress: the site's address
  int64_t threads = 0;
  int64_t comments = 0;

  // What was found wrong, in line order (at most max_listed_problems), and
  // how many comments and threads had a problem in all.
  std::vector<Problem> problems;
  int64_t problem_count = 0;

  // Comments not imported, by reason.
  int64_t deleted = 0;
  int64_t spam = 0;
  int64_t trash = 0;
  int64_t not_readers = 0;  // pingbacks, trackbacks, …
  int64_t empty = 0;        // no text once the HTML is gone
  int64_t invalid = 0;      // had a problem (skip_invalid)
  // Comments to import (after the above).
  int64_t to_import = 0;
  // Replies whose parent is not imported, placed under the nearest
  // imported ancestor or at the top of the thread.
  int64_t reattached = 0;
  // WordPress comments without comment_date_gmt whose local time was kept
  // as UTC.
  int64_t local_times = 0;

  // Articles of the threads with comments to import.
  int64_t articles_by_address = 0;
  int64_t articles_by_slug = 0;
  int64_t articles_created = 0;  // stubs

  // Comments stored by this run, by status, and found already imported.
  std::map<store::CommentStatus, int64_t> added;
  int64_t already_imported = 0;
  // The engine's decisions on the comments this run stored.
  int64_t engine_approve = 0;
  int64_t engine_review = 0;
  int64_t engine_reject = 0;
  int64_t engine_unjudged = 0;  // over max_length
  // Published at the source, kept published, though the engine would
  // have held (review) or refused (reject) them.
  int64_t published_against_policy = 0;

  int64_t added_total() const;
};

// Told how far the import is, for a progress bar.
class ImportObserver {
 public:
  enum class Stage { kChecking, kImporting };
  virtual ~ImportObserver() = default;
  // A stage begins; `total` comments will pass (0 when not known).
  virtual void StageStarted(Stage stage, int64_t total) = 0;
  // One comment of the stage has passed.
  virtual void Advanced() = 0;
  virtual void StageFinished(Stage stage) = 0;
};

// Runs the import `options` describe into `store`, judging each comment
// with `engine` (may be null when options.check_only). `observer` may be
// null. The outcome, success or not, is in the report.
ImportReport Import(const ImportOptions& options, store::Store& store,
                    const moderation::Engine* engine, ImportObserver* observer);

}  // namespace newsroom::importer

#endif  // NEWSROOM_IMPORTER_IMPORTER_H_
