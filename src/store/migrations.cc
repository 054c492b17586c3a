// The schema, one migration per version, and the loop that applies them.
//
// Conventions of the schema: times are INTEGER microseconds since the Unix
// epoch (UTC); statuses and roles are their lower-case names, checked by
// CHECK constraints; every table that is listed in order has an index that
// gives that order, so that a page of comments is one index range scan.
//
// Tested by sqlite_store_test.cc.
#include "store/migrations.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace newsroom::store {

const std::vector<Migration>& SchemaMigrations() {
  static const std::vector<Migration>* migrations = new std::vector<Migration>{
      {1, "initial schema", R"sql(
CREATE TABLE photos (
  id INTEGER PRIMARY KEY,
  content_type TEXT NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE photo_variants (
  photo_id INTEGER NOT NULL REFERENCES photos(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  content_type TEXT NOT NULL,
  bytes BLOB NOT NULL,
  PRIMARY KEY (photo_id, name)
);

CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  headline TEXT NOT NULL,
  lead TEXT NOT NULL,
  body TEXT NOT NULL,
  photo_id INTEGER REFERENCES photos(id),
  photo_caption TEXT NOT NULL,
  photo_credit TEXT NOT NULL,
  source TEXT NOT NULL,
  author TEXT NOT NULL,
  published_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX articles_by_published ON articles(published_at DESC, id DESC);

-- AUTOINCREMENT: an id is never reused after a purge, so the audit log
-- never points at somebody else's comment.
CREATE TABLE comments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id INTEGER NOT NULL REFERENCES articles(id),
  parent_id INTEGER REFERENCES comments(id) ON DELETE SET NULL,
  author TEXT NOT NULL,
  text TEXT NOT NULL,
  status TEXT NOT NULL
    CHECK (status IN ('approved', 'pending', 'reported', 'rejected')),
  verdict_json TEXT NOT NULL,
  client TEXT NOT NULL,
  report_count INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
CREATE INDEX comments_by_article ON comments(article_id, status, id);
CREATE INDEX comments_by_status ON comments(status, id);
CREATE INDEX comments_by_parent ON comments(parent_id);

-- The audit log. No foreign key on comment_id: the log outlives the text of
-- a purged comment.
CREATE TABLE decisions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  comment_id INTEGER NOT NULL,
  decided_by TEXT NOT NULL,
  from_status TEXT
    CHECK (from_status IN ('approved', 'pending', 'reported', 'rejected')),
  to_status TEXT NOT NULL
    CHECK (to_status IN ('approved', 'pending', 'reported', 'rejected')),
  at INTEGER NOT NULL
);
CREATE INDEX decisions_by_comment ON decisions(comment_id);

CREATE TABLE reports (
  comment_id INTEGER NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
  reporter TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (comment_id, reporter)
) WITHOUT ROWID;

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('editor', 'moderator')),
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_by_expiry ON sessions(expires_at);
CREATE INDEX sessions_by_user ON sessions(user_id);

CREATE TABLE api_keys (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  key_hash TEXT NOT NULL UNIQUE,
  prefix TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);

CREATE TABLE feedback (
  id INTEGER PRIMARY KEY,
  api_key_name TEXT NOT NULL,
  text TEXT NOT NULL,
  attribute TEXT NOT NULL,
  score REAL NOT NULL,
  language TEXT NOT NULL,
  client_token TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
)sql"},
      {2, "imports: article addresses and comment import keys", R"sql(
-- The addresses articles had on the site a newsroom moved from: an import
-- finds the article of a Disqus thread or a WordPress post by it.
CREATE TABLE article_urls (
  url TEXT PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX article_urls_by_article ON article_urls(article_id);

-- One row per imported comment, by the key of its source. No foreign key
-- on comment_id: the key outlives a purged comment, so that importing the
-- same export again does not bring it back. parent_key is the key of the
-- comment it replies to; a reply imported before its parent is linked
-- when the parent comes.
CREATE TABLE comment_imports (
  import_key TEXT PRIMARY KEY,
  comment_id INTEGER NOT NULL,
  article_id INTEGER NOT NULL,
  parent_key TEXT
) WITHOUT ROWID;
CREATE INDEX comment_imports_by_parent ON comment_imports(parent_key)
  WHERE parent_key IS NOT NULL;
)sql"},
      {3, "secrets the nodes share", R"sql(
CREATE TABLE shared_secrets (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  created_at INTEGER NOT NULL
) WITHOUT ROWID;
)sql"},
      {4, "drafts, closed comments, article log, queue search and reasons",
       R"sql(
-- A draft (never published, or withdrawn) has published = 0; published_at
-- is its first publication (0 for a draft never published).
ALTER TABLE articles ADD COLUMN published INTEGER NOT NULL DEFAULT 1;
ALTER TABLE articles ADD COLUMN comments_closed INTEGER NOT NULL DEFAULT 0;
CREATE INDEX articles_by_updated ON articles(updated_at DESC, id DESC);

-- The editors' audit log. No foreign key: the log outlives nothing today,
-- but it must not stop an article from going.
CREATE TABLE article_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id INTEGER NOT NULL,
  by TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('created', 'updated', 'published',
    'unpublished', 'comments_closed', 'comments_opened')),
  at INTEGER NOT NULL
);
CREATE INDEX article_log_by_article ON article_log(article_id, id);

-- A moderator's reason for a rejection (a rule id), the commenter's
-- receipt, and the folded author and text that searches read.
ALTER TABLE comments ADD COLUMN reason TEXT NOT NULL DEFAULT '';
ALTER TABLE comments ADD COLUMN receipt_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE comments ADD COLUMN search TEXT NOT NULL DEFAULT '';
UPDATE comments SET search = newsroom_fold(author || ' ' || text);
CREATE INDEX comments_by_created ON comments(created_at);
ALTER TABLE decisions ADD COLUMN reason TEXT NOT NULL DEFAULT '';

-- The rules each comment's verdict found something of, from its stored
-- verdict_json (the same at insert time).
CREATE TABLE comment_findings (
  comment_id INTEGER NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
  rule TEXT NOT NULL,
  violated INTEGER NOT NULL,
  PRIMARY KEY (comment_id, rule)
) WITHOUT ROWID;
CREATE INDEX comment_findings_by_rule ON comment_findings(rule, comment_id);
-- (CASE, not AND: only the branch chosen is evaluated, and a verdict that
-- is not JSON must never reach a JSON function that would fail on it.)
INSERT OR IGNORE INTO comment_findings (comment_id, rule, violated)
  SELECT c.id, json_extract(r.value, '$.rule'),
         coalesce(json_extract(r.value, '$.violated'), 0) != 0
  FROM comments AS c,
       json_each(CASE WHEN NOT json_valid(c.verdict_json) THEN '{}'
                      WHEN json_type(c.verdict_json, '$.rules') = 'array'
                      THEN c.verdict_json ELSE '{}' END, '$.rules') AS r
  WHERE CASE WHEN r.type = 'object' THEN json_type(r.value, '$.rule') = 'text'
             ELSE 0 END;
)sql"},
      {5, "accounts can be disabled", R"sql(
-- When the account was disabled; NULL while it may log in.
ALTER TABLE users ADD COLUMN disabled_at INTEGER;
)sql"},
      {6, "a window of an article's comments", R"sql(
-- Store::ListCommentWindow: an article's threads in one status, by
-- posting time either way, one index range scan from the cursor.
CREATE INDEX comments_by_article_time
  ON comments(article_id, status, created_at, id);
)sql"},
  };
  return *migrations;
}

void CheckMigrationNumbers(const std::vector<Migration>& migrations) {
  for (size_t i = 0; i < migrations.size(); ++i) {
    if (migrations[i].version != static_cast<int>(i) + 1) {
      std::fprintf(stderr,
                   "store: migration %zu has version %d; migrations "
                   "must be numbered 1, 2, 3, …\n",
                   i, migrations[i].version);
      std::abort();
    }
  }
}

absl::StatusOr<MigrationResult> Migrate(
    internal::Connection& connection,
    const std::vector<Migration>& migrations) {
  CheckMigrationNumbers(migrations);
  const int latest = static_cast<int>(migrations.size());
  const std::string& name = connection.name();

  absl::StatusOr<int64_t> app_id = connection.QueryInt("PRAGMA application_id");
  if (!app_id.ok()) return app_id.status();
  if (*app_id != 0 && *app_id != kApplicationId) {
    return absl::FailedPreconditionError(absl::StrFormat(
        "%s is a SQLite database of another application (application_id "
        "0x%08x), not a Newsroom database",
        name, static_cast<uint32_t>(*app_id)));
  }

  MigrationResult result;
  for (bool first = true;; first = false) {
    internal::Transaction tx(connection);
    if (absl::Status s = tx.Begin(); !s.ok()) return s;
    // Read inside the write transaction: another process may have migrated
    // while this one waited for the lock.
    absl::StatusOr<int64_t> version =
        connection.QueryInt("PRAGMA user_version");
    if (!version.ok()) return version.status();
    if (*version > latest) {
      return absl::FailedPreconditionError(absl::StrCat(
          "database ", name, " has schema version ", *version,
          ", newer than this Newsroom binary knows (", latest,
          "); run a newer Newsroom, or restore a backup made for this one"));
    }
    if (*version == 0 && *app_id == 0) {
      absl::StatusOr<int64_t> tables =
          connection.QueryInt("SELECT count(*) FROM sqlite_schema");
      if (!tables.ok()) return tables.status();
      if (*tables > 0) {
        return absl::FailedPreconditionError(absl::StrCat(
            name,
            " is a SQLite database with tables but no Newsroom schema "
            "version; refusing to add Newsroom's tables to it"));
      }
    }
    if (first) result.from = static_cast<int>(*version);
    if (*version == latest) {
      result.to = latest;
      return result;
    }

    const Migration& m = migrations[*version];
    absl::Status s = connection.Exec(m.sql);
    if (s.ok()) {
      s = connection.Exec(
          absl::StrCat("PRAGMA user_version = ", m.version,
                       "; PRAGMA application_id = ", kApplicationId, ";"));
    }
    if (s.ok()) s = tx.Commit();
    if (!s.ok()) {
      return absl::Status(
          s.code(),
          absl::StrCat("database ", name, ": migration ", m.version, " (",
                       m.description, ") failed: ", std::string(s.message())));
    }
    *app_id = kApplicationId;
  }
}

}  // namespace newsroom::store
