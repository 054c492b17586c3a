// Import: check the whole export (internal/export_index.cc), then read it
// again and store what the check decided, batch by batch.
//
// The second pass trusts the first only as far as it must. The file could
// change between the passes (an export still being copied in): its size
// and modification time are compared before the second pass, and each
// comment's key is compared with the one the first pass saw at the same
// place; any difference stops the import with what was stored so far.
//
// Articles are found or made lazily, when a thread's first comment to
// import comes: a Disqus export holds a thread for every page that was ever
// viewed, most without a comment, and none of those should become an
// article. The order — address recorded by an earlier import, then slug,
// then a stub — makes a second run find the stubs the first one made, and
// lets a newsroom that moved its articles first (with their old slugs) see
// the comments land under them.
//
// Counting. What the report says was stored is counted from the store's
// answer to each batch (added, or already imported), never from what was
// sent: an interrupted run reports exactly the batches that committed.
//
// Tested by importer_test.cc.
#include "importer/importer.h"

#include <sys/stat.h>

#include <nlohmann/json.hpp>
#include <utility>

#include "absl/strings/str_cat.h"
#include "comments/intake.h"
#include "importer/address.h"
#include "importer/comment_text.h"
#include "importer/internal/export_index.h"
#include "moderation/verdict_json.h"

namespace newsroom::importer {
namespace {

using internal::ExportIndex;
using store::CommentStatus;

// What was sent with a comment, to count once the batch commits.
struct Sent {
  moderation::Decision decision = moderation::Decision::kApprove;
  bool judged = true;
  bool against_policy = false;
};

std::optional<std::pair<int64_t, int64_t>> FileIdentity(
    const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return std::nullopt;
  return std::make_pair(static_cast<int64_t>(st.st_size),
                        static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 +
                            st.st_mtim.tv_nsec);
}

class Committer final : public ExportVisitor {
 public:
  Committer(const ImportOptions& options, const ExportIndex& index,
            store::Store& store, const moderation::Engine& engine,
            ImportObserver* observer, ImportReport& report)
      : options_(options),
        index_(index),
        store_(store),
        engine_(engine),
        observer_(observer),
        report_(report),
        articles_(),
        decided_by_(
            absl::StrCat("import:", std::string(FormatName(options.format)))) {
    if (options.format == Format::kWordPress) {
      absl::StatusOr<std::string> site = AddressKey(index.site());
      key_prefix_ = site.ok() ? absl::StrCat("wordpress:", *site, ":")
                              : std::string("wordpress:");
    } else {
      key_prefix_ = "disqus:";
    }
  }

  absl::Status OnThread(const SourceThread&) override {
    return absl::OkStatus();
  }

  absl::Status OnComment(const SourceComment& c) override {
    const int64_t ordinal = next_++;
    if (ordinal >= index_.comment_count() || c.key != index_.KeyOf(ordinal)) {
      return Changed(c.line);
    }
    const ExportIndex::Plan plan = index_.PlanFor(ordinal);
    if (!plan.import) return absl::OkStatus();
    absl::StatusOr<int64_t> article = ArticleFor(plan.thread);
    if (!article.ok()) return article.status();

    store::ImportedComment n;
    n.import_key = ImportKey(c.key);
    n.article_id = *article;
    if (plan.parent >= 0) n.parent_key = ImportKey(index_.KeyOf(plan.parent));
    n.author = c.author.empty() ? options_.anonymous_author : c.author;
    n.text = CommentText(c.body, options_.format == Format::kDisqus
                                     ? Markup::kHtml
                                     : Markup::kWordPress);
    n.client = decided_by_;
    n.created_at = c.created_at.value_or(absl::Now());

    Sent sent;
    absl::StatusOr<moderation::Verdict> verdict = engine_.Moderate(n.text);
    if (verdict.ok()) {
      sent.decision = verdict->decision;
      n.verdict_json = moderation::VerdictToJson(*verdict).dump();
    } else {
      // Longer than the policy allows: stored, marked for a person.
      sent.judged = false;
      sent.decision = moderation::Decision::kReview;
      n.verdict_json =
          nlohmann::json{{"decision", "review"},
                         {"rules", nlohmann::json::array()},
                         {"error", std::string(verdict.status().message())}}
              .dump();
    }
    if (options_.apply_policy) {
      n.status = comments::Intake::StatusFor(sent.decision);  // as if posted
    } else if (c.status == SourceStatus::kHeld) {
      n.status = CommentStatus::kPending;
    } else {
      n.status = CommentStatus::kApproved;
      sent.against_policy =
          sent.judged && sent.decision != moderation::Decision::kApprove;
    }
    batch_.push_back(std::move(n));
    sent_.push_back(sent);
    if (observer_ != nullptr) observer_->Advanced();
    if (batch_.size() >= static_cast<size_t>(options_.batch_size)) {
      return Flush();
    }
    return absl::OkStatus();
  }

  // After the reading: stores what is left, and checks that the file had
  // as many comments as the first pass saw.
  absl::Status Finish() {
    if (next_ != index_.comment_count()) return Changed(0);
    return Flush();
  }

 private:
  absl::Status Changed(int line) const {
    return absl::FailedPreconditionError(absl::StrCat(
        options_.path, line > 0 ? absl::StrCat(":", line) : std::string(),
        ": the export changed after it was checked"));
  }

  std::string ImportKey(std::string_view key) const {
    if (options_.format == Format::kDisqus && key.substr(0, 4) == "dsq:") {
      key.remove_prefix(4);
    }
    return absl::StrCat(key_prefix_, std::string(key));
  }

  absl::Status Flush() {
    if (batch_.empty()) return absl::OkStatus();
    absl::StatusOr<std::vector<store::ImportOutcome>> outcomes =
        store_.ImportComments(batch_, decided_by_);
    if (!outcomes.ok()) return outcomes.status();
    for (size_t i = 0; i < outcomes->size(); ++i) {
      if (!(*outcomes)[i].added) {
        ++report_.already_imported;
        continue;
      }
      ++report_.added[batch_[i].status];
      const Sent& s = sent_[i];
      if (!s.judged) {
        ++report_.engine_unjudged;
      } else if (s.decision == moderation::Decision::kApprove) {
        ++report_.engine_approve;
      } else if (s.decision == moderation::Decision::kReview) {
        ++report_.engine_review;
      } else {
        ++report_.engine_reject;
      }
      if (s.against_policy) ++report_.published_against_policy;
    }
    batch_.clear();
    sent_.clear();
    return absl::OkStatus();
  }

  absl::StatusOr<int64_t> ArticleFor(int32_t thread) {
    if (articles_.size() <= static_cast<size_t>(thread)) {
      articles_.resize(thread + 1, 0);
    }
    if (articles_[thread] != 0) return articles_[thread];
    const ExportIndex::Thread& t = index_.thread(thread);
    absl::StatusOr<int64_t> id = FindOrMakeArticle(t);
    if (id.ok()) articles_[thread] = *id;
    return id;
  }

  absl::StatusOr<int64_t> FindOrMakeArticle(const ExportIndex::Thread& t) {
    absl::StatusOr<store::Article> by_address =
        store_.FindArticleByUrl(t.address_key);
    if (by_address.ok()) {
      ++report_.articles_by_address;
      return by_address->id;
    }
    if (!absl::IsNotFound(by_address.status())) return by_address.status();

    std::string slug = SlugFromAddress(t.url);
    if (slug.empty()) slug = SlugFromText(t.slug);
    if (!slug.empty()) {
      absl::StatusOr<store::Article> by_slug = store_.FindArticle(slug);
      if (by_slug.ok()) {
        if (absl::Status s = store_.AddArticleUrl(by_slug->id, t.address_key);
            !s.ok()) {
          return s;
        }
        ++report_.articles_by_slug;
        return by_slug->id;
      }
      if (!absl::IsNotFound(by_slug.status())) return by_slug.status();
    }

    // A stub: the thread's title and date, for editors to complete.
    std::string base = slug;
    if (base.empty()) base = SlugFromText(t.title);
    if (base.empty()) base = "yorumlar";
    store::Article stub;
    stub.headline = t.title.empty() ? t.url : t.title;
    stub.published_at = t.created_at.value_or(absl::Now());
    stub.updated_at = stub.published_at;
    for (int n = 1; n <= 100; ++n) {
      std::string candidate = n == 1 ? base : absl::StrCat(base, "-", n);
      if (candidate.size() > 120) {
        candidate = absl::StrCat(base.substr(0, 110), "-", n);
      }
      stub.slug = candidate;
      absl::StatusOr<store::Article> made = store_.CreateArticle(stub, "import");
      if (absl::IsAlreadyExists(made.status())) continue;
      if (!made.ok()) return made.status();
      if (absl::Status s = store_.AddArticleUrl(made->id, t.address_key);
          !s.ok()) {
        return s;
      }
      ++report_.articles_created;
      return made->id;
    }
    return absl::AlreadyExistsError(
        absl::StrCat("no free slug for the article of ", t.url, " (tried ",
                     base, "-2 to ", base, "-100)"));
  }

  const ImportOptions& options_;
  const ExportIndex& index_;
  store::Store& store_;
  const moderation::Engine& engine_;
  ImportObserver* const observer_;
  ImportReport& report_;

  std::vector<int64_t> articles_;  // by thread id; 0 until found or made
  const std::string decided_by_;
  std::string key_prefix_;
  int64_t next_ = 0;  // ordinal of the next comment
  std::vector<store::ImportedComment> batch_;
  std::vector<Sent> sent_;
};

}  // namespace

int64_t ImportReport::added_total() const {
  int64_t total = 0;
  for (const auto& [status, n] : added) total += n;
  return total;
}

ImportReport Import(const ImportOptions& given, store::Store& store,
                    const moderation::Engine* engine,
                    ImportObserver* observer) {
  ImportOptions options = given;
  options.batch_size = std::max(options.batch_size, 1);
  options.max_listed_problems = std::max(options.max_listed_problems, 0);
  ImportReport report;
  if (!options.check_only && engine == nullptr) {
    report.status =
        absl::InvalidArgumentError("an import needs the moderation engine");
    return report;
  }
  const auto identity = FileIdentity(options.path);

  // Pass 1: check.
  ExportIndex index(options, observer);
  if (observer != nullptr) {
    observer->StageStarted(ImportObserver::Stage::kChecking, 0);
  }
  absl::Status read = ReadExport(options.path, options.format, index);
  if (observer != nullptr) {
    observer->StageFinished(ImportObserver::Stage::kChecking);
  }
  if (!read.ok()) {
    report.status = read;
    return report;
  }
  index.Finish(report);
  report.checked = true;
  if (report.problem_count > 0 && !options.skip_invalid) {
    report.status = absl::InvalidArgumentError(absl::StrCat(
        options.path, ": ", report.problem_count,
        report.problem_count == 1 ? " problem" : " problems",
        " found; nothing was imported (correct the export, or run again "
        "with --skip-invalid to import the other comments)"));
    return report;
  }
  if (options.check_only) return report;

  // Pass 2: import.
  if (FileIdentity(options.path) != identity) {
    report.status = absl::FailedPreconditionError(
        absl::StrCat(options.path,
                     ": the export changed while it was "
                     "checked; nothing was imported"));
    return report;
  }
  if (observer != nullptr) {
    observer->StageStarted(ImportObserver::Stage::kImporting, report.to_import);
  }
  Committer committer(options, index, store, *engine, observer, report);
  absl::Status s = ReadExport(options.path, options.format, committer);
  if (s.ok()) s = committer.Finish();
  if (observer != nullptr) {
    observer->StageFinished(ImportObserver::Stage::kImporting);
  }
  if (!s.ok()) {
    const int64_t stored = report.added_total() + report.already_imported;
    report.status = absl::Status(
        s.code(),
        absl::StrCat(std::string(s.message()), " — the import stopped with ",
                     stored, " of ", report.to_import,
                     " comments stored; run the same command again to "
                     "import the rest"));
    return report;
  }
  report.complete = true;
  return report;
}

}  // namespace newsroom::importer
