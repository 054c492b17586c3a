// The importer's first pass: an index of the whole export, built while it
// is read, that knows for every comment whether it will be imported, under
// which thread, and under which imported comment it will hang — and what is
// wrong with the export, line by line.
//
//   ExportIndex index(options, observer);
//   absl::Status s = ReadExport(options.path, options.format, index);
//   index.Finish(report);                     // problems and counts
//   ExportIndex::Plan p = index.PlanFor(42);  // the 43rd comment of the file
//
// Memory: per comment a small fixed record and its key; per thread its
// address and title. Comment bodies are read, judged empty or not, and
// dropped.
//
// Call order: the ExportVisitor calls (through ReadExport), then Finish()
// once, then the const queries. Not thread-safe.
#ifndef NEWSROOM_IMPORTER_INTERNAL_EXPORT_INDEX_H_
#define NEWSROOM_IMPORTER_INTERNAL_EXPORT_INDEX_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/node_hash_map.h"
#include "absl/time/time.h"
#include "importer/export.h"
#include "importer/importer.h"

namespace newsroom::importer::internal {

class ExportIndex final : public ExportVisitor {
 public:
  struct Thread {
    std::string url;
    std::string address_key;  // AddressKey(url), once Finish() checked it
    std::string title;
    std::string slug;
    std::optional<absl::Time> created_at;
    int line = 0;  // 0: named by a comment, never defined
  };

  // What happens to one comment of the export.
  struct Plan {
    bool import = false;
    int32_t thread = -1;  // Thread(thread) when imported
    int32_t parent = -1;  // the nearest imported ancestor's ordinal, or -1
  };

  // `observer` (may be null) is told of each comment read.
  ExportIndex(const ImportOptions& options, ImportObserver* observer);

  absl::Status OnSite(std::string_view url) override;
  absl::Status OnThread(const SourceThread& thread) override;
  absl::Status OnComment(const SourceComment& comment) override;

  // Resolves every name, finds the problems, decides each comment's fate,
  // and writes the counts and the problems (at most max_listed_problems,
  // in line order) into `report`.
  void Finish(ImportReport& report);

  // The comment at `ordinal` (0-based, in file order).
  Plan PlanFor(int64_t ordinal) const;
  // Its key as the export gives it (SourceComment::key); "" when none.
  const std::string& KeyOf(int64_t ordinal) const;
  const Thread& thread(int32_t id) const { return threads_[id].thread; }
  int64_t comment_count() const {
    return static_cast<int64_t>(comments_.size());
  }
  const std::string& site() const { return site_; }

 private:
  enum Fate : uint8_t {
    kImport,
    kDeleted,
    kSpam,
    kTrash,
    kNotReaders,
    kEmpty,
    kInvalid,
  };
  struct Entry {
    int32_t name = -1;    // its key's name
    int32_t thread = -1;  // thread id (through same_as until Finish)
    int32_t parent = -1;  // a name before Finish, an ordinal after
    int32_t line = 0;
    SourceStatus status = SourceStatus::kPublished;
    Fate fate = kImport;
    bool local_time = false;
    bool cut = false;  // its parent could not be placed
  };
  struct ThreadSlot {
    Thread thread;
    std::string first_name;  // how it was first named
    int32_t same_as = -1;    // merged into another thread
  };

  int32_t NameFor(const std::string& key);  // creates when absent
  int32_t ThreadFor(const std::string& key);
  int32_t Resolve(int32_t thread) const;
  void AddProblem(int line, std::string message);
  void Invalidate(Entry& e, int line, std::string message);

  const ImportOptions options_;
  ImportObserver* const observer_;
  std::string site_;

  std::vector<Entry> comments_;
  // Comment names (keys and aliases): name → id, id → key, id → ordinal
  // of the comment that has it (-1 while only named by a reply).
  absl::node_hash_map<std::string, int32_t> names_;
  std::vector<const std::string*> name_keys_;
  std::vector<int32_t> name_comment_;

  absl::flat_hash_map<std::string, int32_t> thread_names_;
  std::vector<ThreadSlot> threads_;
  int64_t defined_threads_ = 0;

  // The first problems found while reading (in line order, as comments
  // come) and in Finish (in line order too); all are counted.
  std::vector<Problem> read_problems_;
  std::vector<Problem> finish_problems_;
  int64_t problem_count_ = 0;
  bool finishing_ = false;
};

}  // namespace newsroom::importer::internal

#endif  // NEWSROOM_IMPORTER_INTERNAL_EXPORT_INDEX_H_
