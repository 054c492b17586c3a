// ExportIndex: the check before the import.
//
// Why a whole pass before writing anything: the two things a newsroom must
// not get from an import are a silent half-import and a second copy. A
// streaming reader meets a broken tag, a bad byte or a reply to a comment
// that does not exist only when it gets there; if it had been writing all
// along, the store would hold the first part of the file and the newsroom
// would have to work out which. Reading the file twice costs seconds per
// hundred thousand comments and makes the rule simple: nothing is written
// unless the whole export checks out.
//
// What is kept. Names (the keys comments and replies use) are interned:
// each comment is a 20-byte Entry and its key; each thread its address and
// title. Replies may name a parent or a thread before it appears; such a
// name gets a placeholder, filled when the comment or thread comes, and
// reported with the reply's line if it never does. A Disqus thread has two
// names (dsq:id and <id>); if replies used both before it appeared, the
// two placeholders are merged when it does (same_as).
//
// Finish() then works on ordinals only: resolve every reply's parent,
// refuse cycles (a reply chain that comes back on itself would make a
// thread without a top), decide each comment's fate, check the address of
// every thread that has something to import, and point each imported
// reply at its nearest imported ancestor — a reply to a deleted comment
// hangs under the deleted comment's parent, as Disqus showed it, rather
// than losing its thread.
//
// Tested through importer_test.cc.
#include "importer/internal/export_index.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "importer/address.h"
#include "importer/comment_text.h"

namespace newsroom::importer::internal {
namespace {

std::string Quoted(std::string_view s) {
  return absl::StrCat("\"", std::string(s), "\"");
}

// A key without the reader's "dsq:"/"id:" prefix, as people know it.
std::string Shown(std::string_view key) {
  if (key.substr(0, 4) == "dsq:") key.remove_prefix(4);
  return Quoted(key);
}

// Keeps `problems` to the first `max` by line, sorting now and then.
void Keep(std::vector<Problem>& problems, size_t max) {
  if (problems.size() <= 2 * max + 16) return;
  std::stable_sort(
      problems.begin(), problems.end(),
      [](const Problem& a, const Problem& b) { return a.line < b.line; });
  problems.resize(max);
}

}  // namespace

ExportIndex::ExportIndex(const ImportOptions& options, ImportObserver* observer)
    : options_(options), observer_(observer) {}

absl::Status ExportIndex::OnSite(std::string_view url) {
  site_ = std::string(url);
  return absl::OkStatus();
}

int32_t ExportIndex::NameFor(const std::string& key) {
  auto [it, added] =
      names_.try_emplace(key, static_cast<int32_t>(name_keys_.size()));
  if (added) {
    name_keys_.push_back(&it->first);
    name_comment_.push_back(-1);
  }
  return it->second;
}

int32_t ExportIndex::ThreadFor(const std::string& key) {
  auto [it, added] =
      thread_names_.try_emplace(key, static_cast<int32_t>(threads_.size()));
  if (added) {
    threads_.emplace_back();
    threads_.back().first_name = key;
  }
  return it->second;
}

int32_t ExportIndex::Resolve(int32_t thread) const {
  while (thread >= 0 && threads_[thread].same_as >= 0) {
    thread = threads_[thread].same_as;
  }
  return thread;
}

absl::Status ExportIndex::OnThread(const SourceThread& t) {
  if (t.keys.empty()) return absl::OkStatus();  // no comment can name it
  const int32_t id = Resolve(ThreadFor(t.keys[0]));
  if (threads_[id].thread.line != 0) {
    return absl::OkStatus();  // defined twice: the first definition stands
  }
  for (size_t i = 1; i < t.keys.size(); ++i) {
    auto it = thread_names_.find(t.keys[i]);
    if (it == thread_names_.end()) {
      thread_names_.emplace(t.keys[i], id);
      continue;
    }
    const int32_t other = Resolve(it->second);
    // A placeholder under the other name: the same thread.
    if (other != id && threads_[other].thread.line == 0) {
      threads_[other].same_as = id;
    }
  }
  Thread& thread = threads_[id].thread;
  thread.url = t.url;
  thread.title = t.title;
  thread.slug = t.slug;
  thread.created_at = t.created_at;
  thread.line = std::max(t.line, 1);
  ++defined_threads_;
  return absl::OkStatus();
}

absl::Status ExportIndex::OnComment(const SourceComment& c) {
  const int32_t ordinal = static_cast<int32_t>(comments_.size());
  comments_.emplace_back();
  Entry& e = comments_.back();
  e.line = c.line;
  e.status = c.status;
  e.local_time = c.local_time_as_utc;
  if (!c.problem.empty()) Invalidate(e, c.line, c.problem);

  bool owns_name = false;
  if (!c.key.empty()) {
    e.name = NameFor(c.key);
    const int32_t owner = name_comment_[e.name];
    if (owner >= 0) {
      Invalidate(e, c.line,
                 absl::StrCat("comment ", Shown(c.key),
                              " appears twice (first at line ",
                              comments_[owner].line, ")"));
    } else {
      name_comment_[e.name] = ordinal;
      owns_name = true;
    }
  }
  if (!c.alias.empty() && owns_name) {
    const int32_t alias = NameFor(c.alias);
    if (name_comment_[alias] < 0) name_comment_[alias] = ordinal;
  }
  if (!c.thread_key.empty()) e.thread = ThreadFor(c.thread_key);
  if (!c.parent_key.empty()) e.parent = NameFor(c.parent_key);

  if (e.fate == kImport && (c.status == SourceStatus::kPublished ||
                            c.status == SourceStatus::kHeld)) {
    const Markup markup =
        options_.format == Format::kDisqus ? Markup::kHtml : Markup::kWordPress;
    if (CommentText(c.body, markup).empty()) e.fate = kEmpty;
  }
  if (observer_ != nullptr) observer_->Advanced();
  return absl::OkStatus();
}

void ExportIndex::AddProblem(int line, std::string message) {
  ++problem_count_;
  std::vector<Problem>& problems =
      finishing_ ? finish_problems_ : read_problems_;
  problems.push_back(Problem{line, std::move(message)});
  Keep(problems, static_cast<size_t>(options_.max_listed_problems));
}

void ExportIndex::Invalidate(Entry& e, int line, std::string message) {
  // One problem per comment, and none for a comment that is not imported
  // anyway (deleted, spam, empty, …): what is wrong with it changes
  // nothing.
  if (e.fate != kImport || (e.status != SourceStatus::kPublished &&
                            e.status != SourceStatus::kHeld)) {
    return;
  }
  e.fate = kInvalid;
  AddProblem(line, std::move(message));
}

void ExportIndex::Finish(ImportReport& report) {
  finishing_ = true;
  const int32_t n = static_cast<int32_t>(comments_.size());

  // Threads, and parents as ordinals.
  for (int32_t i = 0; i < n; ++i) {
    Entry& e = comments_[i];
    const int32_t named = e.thread;
    e.thread = Resolve(e.thread);
    if (e.thread < 0 || threads_[e.thread].thread.line == 0) {
      Invalidate(e, e.line,
                 named < 0 ? std::string("the comment names no thread")
                           : absl::StrCat("the comment names thread ",
                                          Shown(threads_[named].first_name),
                                          ", which the export does not have"));
      e.thread = -1;
    }
    if (e.parent < 0) continue;
    const int32_t name = e.parent;
    e.parent = name_comment_[name];
    if (e.parent < 0) {
      Invalidate(
          e, e.line,
          absl::StrCat("the comment replies to ", Shown(*name_keys_[name]),
                       ", which the export does not have"));
    }
  }
  // Same thread as the parent (thread ids are final only now). A link
  // across threads is cut, so that no chain of ancestors leaves its thread.
  for (int32_t i = 0; i < n; ++i) {
    Entry& e = comments_[i];
    if (e.parent < 0) continue;
    const Entry& p = comments_[e.parent];
    if (p.thread < 0) {  // the parent has a problem of its own
      e.parent = -1;
      e.cut = true;
    } else if (p.thread != e.thread) {
      Invalidate(
          e, e.line,
          absl::StrCat("the comment replies to ", Shown(KeyOf(e.parent)),
                       " (line ", p.line, "), which is on another thread"));
      e.parent = -1;
    }
  }

  // Cycles: follow each chain of parents; a chain that meets itself is a
  // cycle, and every comment on it is refused. 0 unvisited, 1 on the chain
  // being walked, 2 done.
  std::vector<uint8_t> state(n, 0);
  std::vector<uint8_t> in_cycle(n, 0);
  std::vector<int32_t> chain;
  for (int32_t start = 0; start < n; ++start) {
    chain.clear();
    int32_t i = start;
    while (i >= 0 && state[i] == 0) {
      state[i] = 1;
      chain.push_back(i);
      i = comments_[i].parent;
    }
    if (i >= 0 && state[i] == 1) {
      // Everything on the chain from i onwards is the cycle.
      auto from = std::find(chain.begin(), chain.end(), i);
      for (auto it = from; it != chain.end(); ++it) {
        in_cycle[*it] = 1;
        Invalidate(comments_[*it], comments_[*it].line,
                   absl::StrCat("the comment ", Shown(KeyOf(*it)),
                                " is in a cycle of replies (it replies to ",
                                Shown(KeyOf(comments_[*it].parent)), ")"));
      }
    }
    for (int32_t c : chain) state[c] = 2;
  }

  // Fates.
  for (Entry& e : comments_) {
    if (e.fate != kImport) continue;
    switch (e.status) {
      case SourceStatus::kPublished:
      case SourceStatus::kHeld:
        break;
      case SourceStatus::kDeleted:
        e.fate = kDeleted;
        break;
      case SourceStatus::kSpam:
        e.fate = kSpam;
        break;
      case SourceStatus::kTrash:
        e.fate = kTrash;
        break;
      case SourceStatus::kNotReaders:
        e.fate = kNotReaders;
        break;
    }
  }

  // Addresses of the threads that have something to import.
  std::vector<uint8_t> address_checked(threads_.size(), 0);  // 1 ok, 2 bad
  for (Entry& e : comments_) {
    if (e.fate != kImport) continue;
    ThreadSlot& slot = threads_[e.thread];
    if (address_checked[e.thread] == 0) {
      absl::StatusOr<std::string> key = AddressKey(slot.thread.url);
      if (key.ok()) {
        slot.thread.address_key = *key;
        address_checked[e.thread] = 1;
      } else {
        address_checked[e.thread] = 2;
        AddProblem(slot.thread.line,
                   absl::StrCat("thread ", Shown(slot.first_name),
                                " has no usable address (<link>): ",
                                slot.thread.url.empty()
                                    ? std::string("it is empty")
                                    : std::string(key.status().message()),
                                "; its comments cannot be placed"));
      }
    }
    if (address_checked[e.thread] == 2) e.fate = kInvalid;
  }

  // Nearest imported ancestors. nearest[i]: the closest strict ancestor of
  // i that is imported, -1 for none; -2 not known yet. A chain stops at a
  // cycle (whose comments are not imported).
  std::vector<int32_t> nearest(n, -2);
  for (int32_t start = 0; start < n; ++start) {
    chain.clear();
    int32_t i = start;
    while (i >= 0 && nearest[i] == -2) {
      chain.push_back(i);
      const int32_t p = comments_[i].parent;
      if (p < 0 || in_cycle[p]) {
        nearest[i] = -1;
        break;
      }
      if (comments_[p].fate == kImport) {
        nearest[i] = p;
        break;
      }
      i = p;
    }
    // Walk back down: each one's answer is its parent's, unless the parent
    // is imported.
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      const int32_t c = *it;
      if (nearest[c] != -2) continue;
      const int32_t p = comments_[c].parent;
      nearest[c] = comments_[p].fate == kImport ? p : nearest[p];
    }
  }
  for (int32_t i = 0; i < n; ++i) {
    Entry& e = comments_[i];
    if (e.fate == kImport &&
        (e.cut || (e.parent >= 0 && nearest[i] != e.parent))) {
      ++report.reattached;
    }
    e.parent = nearest[i];
  }

  // Counts.
  report.threads = defined_threads_;
  report.comments = n;
  report.site = site_;
  for (const Entry& e : comments_) {
    switch (e.fate) {
      case kImport:
        ++report.to_import;
        if (e.local_time) ++report.local_times;
        break;
      case kDeleted:
        ++report.deleted;
        break;
      case kSpam:
        ++report.spam;
        break;
      case kTrash:
        ++report.trash;
        break;
      case kNotReaders:
        ++report.not_readers;
        break;
      case kEmpty:
        ++report.empty;
        break;
      case kInvalid:
        ++report.invalid;
        break;
    }
  }
  report.problem_count = problem_count_;
  std::vector<Problem> all = std::move(read_problems_);
  all.insert(all.end(), finish_problems_.begin(), finish_problems_.end());
  std::stable_sort(
      all.begin(), all.end(),
      [](const Problem& a, const Problem& b) { return a.line < b.line; });
  if (all.size() > static_cast<size_t>(options_.max_listed_problems)) {
    all.resize(options_.max_listed_problems);
  }
  report.problems = std::move(all);
}

ExportIndex::Plan ExportIndex::PlanFor(int64_t ordinal) const {
  const Entry& e = comments_[ordinal];
  Plan plan;
  plan.import = e.fate == kImport;
  plan.thread = e.thread;
  plan.parent = e.parent;
  return plan;
}

const std::string& ExportIndex::KeyOf(int64_t ordinal) const {
  static const std::string* const kNone = new std::string();
  const int32_t name = comments_[ordinal].name;
  return name >= 0 ? *name_keys_[name] : *kNone;
}

}  // namespace newsroom::importer::internal
