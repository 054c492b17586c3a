// `newsroom user add --role editor|moderator [--db URL] USERNAME`
// `newsroom user passwd [--db URL] USERNAME`
// `newsroom user disable [--db URL] USERNAME`, `user enable …`
// `newsroom session revoke --user USERNAME [--db URL]`
//
// Accounts for editors and moderators. The password is read from the
// terminal (asked twice, not echoed) or, when stdin is not a terminal, from
// its first line; it must pass auth::CheckNewPassword (at least eight
// characters, not blank, not the user name, not a common password) and is
// stored only as an argon2id hash. A new password, a disabled account and
// `session revoke` each end every session of the user at once (the store
// does it in the same transaction): a running server asks the database for
// the session of every request, so the next request is logged out.
#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <string>

#include "app/commands.h"
#include "auth/auth.h"
#include "auth/password_policy.h"
#include "store/store.h"

namespace newsroom::app {
namespace {

struct Options {
  std::string db = "sqlite:newsroom.db";
  std::string role;
  std::string username;
};

std::string ReadHidden(const char* prompt) {
  std::cerr << prompt << std::flush;
  termios old{};
  tcgetattr(STDIN_FILENO, &old);
  termios quiet = old;
  quiet.c_lflag &= ~ECHO;
  tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  std::string line;
  std::getline(std::cin, line);
  tcsetattr(STDIN_FILENO, TCSANOW, &old);
  std::cerr << "\n";
  return line;
}

absl::StatusOr<std::string> ReadPassword(const std::string& username) {
  std::string password;
  if (isatty(STDIN_FILENO)) {
    password = ReadHidden("Password: ");
    if (ReadHidden("Again: ") != password) {
      return absl::InvalidArgumentError("the two passwords differ");
    }
  } else if (!std::getline(std::cin, password)) {
    return absl::InvalidArgumentError("no password on stdin");
  }
  if (!password.empty() && password.back() == '\r') password.pop_back();
  if (absl::Status s = auth::CheckNewPassword(username, password); !s.ok()) {
    return s;
  }
  return password;
}

int Fail(const absl::Status& status) {
  std::cerr << "newsroom user: " << status.message() << "\n";
  return 1;
}

int Run(const Options& o, bool add) {
  if (absl::Status s = auth::Init(); !s.ok()) return Fail(s);
  std::optional<store::Role> role;
  if (add) {
    role = store::ParseRole(o.role);
    if (!role) {
      return Fail(absl::InvalidArgumentError(
          "--role must be editor or moderator"));
    }
  }
  absl::StatusOr<std::unique_ptr<store::Store>> store = store::Open(o.db);
  if (!store.ok()) return Fail(store.status());
  absl::StatusOr<std::string> password = ReadPassword(o.username);
  if (!password.ok()) return Fail(password.status());
  absl::StatusOr<std::string> hash = auth::HashPassword(*password);
  if (!hash.ok()) return Fail(hash.status());
  if (add) {
    absl::StatusOr<store::User> user = (*store)->AddUser(o.username, *role, *hash);
    if (!user.ok()) return Fail(user.status());
    std::cerr << "newsroom user: added " << store::RoleName(*role) << " "
              << user->username << "\n";
  } else {
    absl::Status s = (*store)->SetPassword(o.username, *hash);
    if (!s.ok()) return Fail(s);
    std::cerr << "newsroom user: new password for " << o.username
              << "; every session of it has ended\n";
  }
  return 0;
}

int SetDisabled(const Options& o, bool disabled) {
  absl::StatusOr<std::unique_ptr<store::Store>> store = store::Open(o.db);
  if (!store.ok()) return Fail(store.status());
  absl::Status s = (*store)->SetUserDisabled(o.username, disabled);
  if (!s.ok()) return Fail(s);
  std::cerr << "newsroom user: " << o.username
            << (disabled ? " is disabled; every session of it has ended\n"
                         : " may log in again\n");
  return 0;
}

int RevokeSessions(const Options& o) {
  absl::StatusOr<std::unique_ptr<store::Store>> store = store::Open(o.db);
  if (!store.ok()) return Fail(store.status());
  absl::StatusOr<store::User> user = (*store)->FindUser(o.username);
  if (!user.ok()) return Fail(user.status());
  absl::StatusOr<int64_t> ended = (*store)->DeleteSessionsOfUser(user->id);
  if (!ended.ok()) return Fail(ended.status());
  std::cerr << "newsroom session: ended " << *ended << " session"
            << (*ended == 1 ? "" : "s") << " of " << o.username << "\n";
  return 0;
}

}  // namespace

void RegisterUserCommand(CLI::App& app, int* exit_code) {
  CLI::App* user = app.add_subcommand("user", "Editor and moderator accounts");
  user->require_subcommand(1);

  auto add = std::make_shared<Options>();
  CLI::App* a = user->add_subcommand(
      "add", "Add an account; the password is read from the terminal or stdin");
  a->add_option("--role", add->role, "editor or moderator")->required();
  a->add_option("--db", add->db, "Database URL (default sqlite:newsroom.db)");
  a->add_option("username", add->username, "User name")->required();
  a->callback([add, exit_code] { *exit_code = Run(*add, true); });

  auto passwd = std::make_shared<Options>();
  CLI::App* p = user->add_subcommand(
      "passwd", "Set a new password; read from the terminal or stdin");
  p->add_option("--db", passwd->db, "Database URL (default sqlite:newsroom.db)");
  p->add_option("username", passwd->username, "User name")->required();
  p->callback([passwd, exit_code] { *exit_code = Run(*passwd, false); });

  for (bool disabled : {true, false}) {
    auto options = std::make_shared<Options>();
    CLI::App* d = user->add_subcommand(
        disabled ? "disable" : "enable",
        disabled ? "Disable an account: it may not log in, and every "
                   "session of it ends"
                 : "Let a disabled account log in again");
    d->add_option("--db", options->db,
                  "Database URL (default sqlite:newsroom.db)");
    d->add_option("username", options->username, "User name")->required();
    d->callback([options, disabled, exit_code] {
      *exit_code = SetDisabled(*options, disabled);
    });
  }

  CLI::App* session = app.add_subcommand("session", "Login sessions");
  session->require_subcommand(1);
  auto revoke = std::make_shared<Options>();
  CLI::App* r = session->add_subcommand(
      "revoke", "End every session of a user (logged out at their next click)");
  r->add_option("--user", revoke->username, "User name")->required();
  r->add_option("--db", revoke->db,
                "Database URL (default sqlite:newsroom.db)");
  r->callback([revoke, exit_code] { *exit_code = RevokeSessions(*revoke); });
}

}  // namespace newsroom::app
