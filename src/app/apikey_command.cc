// `newsroom apikey add [--db URL] NAME`
// `newsroom apikey list [--db URL]`
// `newsroom apikey revoke [--db URL] NAME`
//
// Keys for the Perspective API routes (/v1alpha1/comments:analyze and
// comments:suggestscore, docs/perspective.md), one per client, e.g. "coral".
// `add` prints the new key on stdout and nothing else there, so that
// `KEY=$(newsroom apikey add coral)` works; the key is shown this once and
// stored only as its SHA-256 hash with its first characters (to recognise
// it in `list`). `revoke` keeps the row (and so the name) for the record; a
// running server stops taking the key within `[perspective]
// key_cache_seconds`. Messages go to stderr; errors exit 1.
#include <iostream>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "app/commands.h"
#include "auth/auth.h"
#include "store/store.h"

namespace newsroom::app {
namespace {

constexpr char kDefaultDb[] = "sqlite:newsroom.db";  // as `serve`
constexpr size_t kPrefixChars = 8;

struct Options {
  std::string db = kDefaultDb;
  std::string name;
};

int Fail(const absl::Status& status) {
  std::cerr << "newsroom apikey: " << status.message() << "\n";
  return 1;
}

std::string Rfc3339(absl::Time t) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", t, absl::UTCTimeZone());
}

absl::StatusOr<std::unique_ptr<store::Store>> OpenStore(const Options& o) {
  if (absl::Status s = auth::Init(); !s.ok()) return s;
  return store::Open(o.db);
}

int Add(const Options& o) {
  absl::StatusOr<std::unique_ptr<store::Store>> store = OpenStore(o);
  if (!store.ok()) return Fail(store.status());
  // 32 random bytes, base64url: 43 characters, safe in a URL as they are.
  const std::string key = auth::RandomToken(32);
  absl::StatusOr<store::ApiKey> added = (*store)->AddApiKey(
      o.name, auth::TokenHash(key), key.substr(0, kPrefixChars));
  if (absl::IsAlreadyExists(added.status())) {
    // Names are not reused, revoked ones included: say which case it is.
    absl::StatusOr<std::vector<store::ApiKey>> keys = (*store)->ListApiKeys();
    if (keys.ok()) {
      for (const store::ApiKey& k : *keys) {
        if (k.name != o.name) continue;
        return Fail(absl::AlreadyExistsError(absl::StrCat(
            "an API key named \"", o.name, "\" exists",
            k.revoked_at ? absl::StrCat(" (revoked at ", Rfc3339(*k.revoked_at),
                                        "; names are not reused)")
                         : "",
            ": choose another name")));
      }
    }
  }
  if (!added.ok()) return Fail(added.status());
  std::cout << key << std::endl;
  std::cerr << "newsroom apikey: added \"" << added->name
            << "\"; the key above is shown only now\n";
  return 0;
}

int List(const Options& o) {
  absl::StatusOr<std::unique_ptr<store::Store>> store = OpenStore(o);
  if (!store.ok()) return Fail(store.status());
  absl::StatusOr<std::vector<store::ApiKey>> keys = (*store)->ListApiKeys();
  if (!keys.ok()) return Fail(keys.status());
  if (keys->empty()) {
    std::cerr << "newsroom apikey: no API keys in " << o.db
              << " (newsroom apikey add NAME makes one)\n";
    return 0;
  }
  // Tab-separated, one key a line, oldest first.
  std::cout << "name\tkey\tcreated\tstatus\n";
  for (const store::ApiKey& k : *keys) {
    std::cout << k.name << "\t" << k.prefix << "…\t" << Rfc3339(k.created_at)
              << "\t"
              << (k.revoked_at ? "revoked " + Rfc3339(*k.revoked_at)
                               : std::string("active"))
              << "\n";
  }
  return 0;
}

int Revoke(const Options& o) {
  absl::StatusOr<std::unique_ptr<store::Store>> store = OpenStore(o);
  if (!store.ok()) return Fail(store.status());
  if (absl::Status s = (*store)->RevokeApiKey(o.name); !s.ok()) return Fail(s);
  std::cerr << "newsroom apikey: revoked \"" << o.name << "\"\n";
  return 0;
}

}  // namespace

void RegisterApiKeyCommand(CLI::App& app, int* exit_code) {
  CLI::App* apikey = app.add_subcommand(
      "apikey",
      "API keys for the Perspective API routes (Coral and other "
      "Perspective clients)");
  apikey->require_subcommand(1);
  const std::string db_help =
      absl::StrCat("Database URL (default ", kDefaultDb, ")");

  auto add = std::make_shared<Options>();
  CLI::App* a = apikey->add_subcommand(
      "add", "Make a key named NAME; prints the key on stdout, once");
  a->add_option("--db", add->db, db_help);
  a->add_option("name", add->name, "A name for the client, e.g. coral")
      ->required();
  a->callback([add, exit_code] { *exit_code = Add(*add); });

  auto list = std::make_shared<Options>();
  CLI::App* l = apikey->add_subcommand(
      "list", "List the keys: name, first characters, created, status");
  l->add_option("--db", list->db, db_help);
  l->callback([list, exit_code] { *exit_code = List(*list); });

  auto revoke = std::make_shared<Options>();
  CLI::App* r = apikey->add_subcommand(
      "revoke",
      "Revoke the key named NAME; a server stops taking it within "
      "[perspective] key_cache_seconds");
  r->add_option("--db", revoke->db, db_help);
  r->add_option("name", revoke->name, "The key's name")->required();
  r->callback([revoke, exit_code] { *exit_code = Revoke(*revoke); });
}

}  // namespace newsroom::app
