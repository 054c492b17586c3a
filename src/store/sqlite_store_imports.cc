// SqliteStore: what imports from other comment systems need — articles by
// the address they had on the old site, and comments stored under the key
// of their source.
//
// Keys live in their own table, comment_imports, rather than in a column
// of comments: the key must outlive the comment. The moderation log purges
// refused comments after a while; if the key went with the row, importing
// the same export again would bring the purged comment back. A key is
// therefore never deleted, and "imported before" means "has a row here",
// whatever became of the comment.
//
// Replies are linked by key, not by id, because an export does not
// promise that a parent comes before its replies (Disqus documents it,
// WordPress does not), and because an import interrupted half-way and run
// again must still end with every reply under its parent. A reply whose
// parent is not stored yet is stored without one; when a comment is
// stored, the replies waiting for its key are linked to it in the same
// transaction. A link is never made when it would close a cycle (a reply
// that is also an ancestor of its parent) or join two articles: the tree
// the pages walk stays a tree, whatever the caller hands in.
//
// Tested by store_contract_test.cc.
#include <utility>

#include "absl/algorithm/container.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "store/internal/rows.h"
#include "store/internal/validate.h"
#include "store/sqlite_store.h"

namespace newsroom::store {

using internal::CheckArticleExists;
using internal::Connection;
using internal::Execute;
using internal::InsertDecision;
using internal::kArticleColumns;
using internal::QueryAll;
using internal::QueryOne;
using internal::Quote;
using internal::ReadArticleById;
using internal::Statement;
using internal::Truncate;

namespace {

// The comments above `id` (its parent, the parent's parent, …), `id` too.
absl::StatusOr<absl::flat_hash_set<int64_t>> Ancestors(Connection& c,
                                                       int64_t id) {
  absl::flat_hash_set<int64_t> up = {id};
  std::optional<int64_t> next = id;
  while (next.has_value()) {
    absl::StatusOr<std::optional<int64_t>> parent =
        QueryOne<std::optional<int64_t>>(
            c, "SELECT parent_id FROM comments WHERE id = ?",
            [&](Statement& s) { s.Bind(1, *next); },
            [](const Statement& s) { return s.OptionalInt(0); }, "");
    if (absl::IsNotFound(parent.status())) break;
    if (!parent.ok()) return parent.status();
    next = *parent;
    // The store never makes a cycle; should one exist, stop at it.
    if (next.has_value() && !up.insert(*next).second) break;
  }
  return up;
}

// Links the replies waiting for `key` to the comment `id` just stored
// under it, on article `article_id`.
absl::Status LinkWaitingReplies(Connection& c, std::string_view key, int64_t id,
                                int64_t article_id) {
  absl::StatusOr<std::vector<int64_t>> waiting = QueryAll<int64_t>(
      c,
      "SELECT i.comment_id FROM comment_imports AS i JOIN comments AS c "
      "ON c.id = i.comment_id WHERE i.parent_key = ? AND c.parent_id IS NULL "
      "AND c.article_id = ?",
      [&](Statement& s) { s.Bind(1, key).Bind(2, article_id); },
      [](const Statement& s) { return s.Int(0); });
  if (!waiting.ok()) return waiting.status();
  if (waiting->empty()) return absl::OkStatus();
  absl::StatusOr<absl::flat_hash_set<int64_t>> ancestors = Ancestors(c, id);
  if (!ancestors.ok()) return ancestors.status();
  for (int64_t reply : *waiting) {
    if (ancestors->contains(reply)) continue;  // would close a cycle
    absl::Status s =
        Execute(c, "UPDATE comments SET parent_id = ? WHERE id = ?",
                [&](Statement& st) { st.Bind(1, id).Bind(2, reply); });
    if (!s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::StatusOr<ImportOutcome> ImportOne(Connection& c, const ImportedComment& n,
                                        std::string_view decided_by,
                                        absl::Time now) {
  absl::StatusOr<int64_t> existing = QueryOne<int64_t>(
      c, "SELECT comment_id FROM comment_imports WHERE import_key = ?",
      [&](Statement& s) { s.Bind(1, n.import_key); },
      [](const Statement& s) { return s.Int(0); }, "");
  if (existing.ok()) return ImportOutcome{*existing, false};
  if (!absl::IsNotFound(existing.status())) return existing.status();

  if (absl::Status s = CheckArticleExists(c, n.article_id); !s.ok()) return s;

  std::optional<int64_t> parent_id;
  if (!n.parent_key.empty()) {
    // Stored and still there (not purged): link now. Otherwise wait for it.
    absl::StatusOr<std::pair<int64_t, int64_t>> parent =
        QueryOne<std::pair<int64_t, int64_t>>(
            c,
            "SELECT i.comment_id, c.article_id FROM comment_imports AS i "
            "JOIN comments AS c ON c.id = i.comment_id WHERE i.import_key = ?",
            [&](Statement& s) { s.Bind(1, n.parent_key); },
            [](const Statement& s) {
              return std::make_pair(s.Int(0), s.Int(1));
            },
            "");
    if (parent.ok()) {
      if (parent->second != n.article_id) {
        return absl::InvalidArgumentError(
            absl::StrCat("the comment it replies to, ", Quote(n.parent_key),
                         ", belongs to another article"));
      }
      parent_id = parent->first;
    } else if (!absl::IsNotFound(parent.status())) {
      return parent.status();
    }
  }

  absl::Status s = Execute(
      c,
      "INSERT INTO comments (article_id, parent_id, author, text, status, "
      "verdict_json, client, created_at, search) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      [&](Statement& st) {
        st.Bind(1, n.article_id)
            .Bind(2, parent_id)
            .Bind(3, n.author)
            .Bind(4, n.text)
            .Bind(5, CommentStatusName(n.status))
            .Bind(6, n.verdict_json)
            .Bind(7, n.client)
            .Bind(8, Truncate(n.created_at))
            .Bind(9, internal::SearchKey(n.author + " " + n.text));
      });
  if (!s.ok()) return s;
  const int64_t id = c.last_insert_rowid();
  s = internal::InsertFindings(c, id, n.verdict_json);
  if (!s.ok()) return s;
  s = Execute(c,
              "INSERT INTO comment_imports (import_key, comment_id, "
              "article_id, parent_key) VALUES (?, ?, ?, ?)",
              [&](Statement& st) {
                st.Bind(1, n.import_key).Bind(2, id).Bind(3, n.article_id);
                if (n.parent_key.empty()) {
                  st.BindNull(4);
                } else {
                  st.Bind(4, n.parent_key);
                }
              });
  if (s.ok())
    s = InsertDecision(c, id, decided_by, std::nullopt, n.status, now);
  if (s.ok()) s = LinkWaitingReplies(c, n.import_key, id, n.article_id);
  if (!s.ok()) return s;
  return ImportOutcome{id, true};
}

}  // namespace

// --- articles by address ---------------------------------------------------

absl::StatusOr<Article> SqliteStore::FindArticleByUrl(std::string_view url) {
  if (absl::Status s = internal::ValidateArticleUrl(url); !s.ok()) return s;
  static const std::string* sql = new std::string(absl::StrCat(
      "SELECT ", std::string(kArticleColumns),
      " FROM articles WHERE id = (SELECT article_id FROM article_urls "
      "WHERE url = ?)"));
  return Read([&](Connection& c) {
    return QueryOne<Article>(
        c, *sql, [&](Statement& s) { s.Bind(1, url); },
        internal::ArticleFromRow,
        absl::StrCat("no article has the address ", Quote(url)));
  });
}

absl::Status SqliteStore::AddArticleUrl(int64_t article_id,
                                        std::string_view url) {
  if (absl::Status s = internal::ValidateArticleUrl(url); !s.ok()) return s;
  return Write([&](Connection& c) -> absl::Status {
    if (absl::Status s = ReadArticleById(c, article_id).status(); !s.ok()) {
      return s;
    }
    absl::StatusOr<int64_t> owner = QueryOne<int64_t>(
        c, "SELECT article_id FROM article_urls WHERE url = ?",
        [&](Statement& s) { s.Bind(1, url); },
        [](const Statement& s) { return s.Int(0); }, "");
    if (owner.ok()) {
      if (*owner == article_id) return absl::OkStatus();
      return absl::AlreadyExistsError(
          absl::StrCat("the address ", Quote(url), " belongs to article ",
                       *owner, ", not ", article_id));
    }
    if (!absl::IsNotFound(owner.status())) return owner.status();
    return Execute(c,
                   "INSERT INTO article_urls (url, article_id) VALUES (?, ?)",
                   [&](Statement& s) { s.Bind(1, url).Bind(2, article_id); });
  });
}

// --- imported comments -----------------------------------------------------

absl::StatusOr<std::vector<ImportOutcome>> SqliteStore::ImportComments(
    const std::vector<ImportedComment>& comments, std::string_view decided_by) {
  if (absl::Status s = internal::ValidateImport(comments, decided_by);
      !s.ok()) {
    return s;
  }
  absl::StatusOr<std::vector<ImportOutcome>> imported =
      Write([&](Connection& c) -> absl::StatusOr<std::vector<ImportOutcome>> {
        const absl::Time now = Truncate(absl::Now());
        std::vector<ImportOutcome> out;
        out.reserve(comments.size());
        for (const ImportedComment& n : comments) {
          absl::StatusOr<ImportOutcome> one = ImportOne(c, n, decided_by, now);
          if (!one.ok()) {
            return absl::Status(
                one.status().code(),
                absl::StrCat("imported comment ", Quote(n.import_key), ": ",
                             std::string(one.status().message())));
          }
          out.push_back(*one);
        }
        return out;
      });
  if (imported.ok() && absl::c_any_of(*imported, [](const ImportOutcome& o) {
        return o.added;
      })) {
    generation_.fetch_add(1);  // an added comment may be on a page
  }
  return imported;
}

}  // namespace newsroom::store
