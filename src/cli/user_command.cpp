#include <iomanip>
#include <istream>
#include <iterator>
#include <ostream>

#include "app/user_service.h"
#include "cli/commands.h"
#include "cli/schema.h"
#include "cli/services.h"
#include "core/errors.h"
#include "domain/email.h"
#include "storage/pg/database.h"
#include "storage/pg/pool.h"
#include "storage/pg/user_repository.h"

namespace persona::cli {

std::string ReadPassword(std::istream& in) {
  std::string password((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!password.empty() && password.back() == '\n') password.pop_back();
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return password;
}

namespace {

// What every user command needs: the database, its schema up to date, the service.
struct UserContext {
  UserContext(const Config& config, Logger& log, const char* command)
      : db(config, storage::Database::Role::kCommand, command, log),
        pool(db.ConnectionString(), 1),
        sessions(MakeSessionCache(config, clock, log)),
        users(pool, *sessions),
        service(users, hasher) {
    PrepareSchema(config, db.ConnectionString(), log);
  }
  storage::Database db;
  storage::ConnectionPool pool;
  SystemClock clock;
  // Erasing a user forgets their live sessions in the server's Redis cache, if it has one.
  std::unique_ptr<app::SessionCache> sessions;
  storage::PgUserRepository users;
  crypto::PasswordHasher hasher;
  app::UserService service;
};

}  // namespace

int UserAdd(const Config& config, Logger& log, const std::string& email, const std::string& tier, std::istream& in,
            std::ostream& out) {
  std::string password = ReadPassword(in);
  // Validate before touching the database, so bad input fails fast and changes nothing.
  app::UserService::CheckNewUser(email, password, tier);
  UserContext ctx(config, log, "user add");
  out << ctx.service.Add(email, password, tier) << "\n";
  return kExitOk;
}

int UserList(const Config& config, Logger& log, std::ostream& out) {
  UserContext ctx(config, log, "user list");
  auto users = ctx.service.List();
  out << std::left << std::setw(38) << "id" << std::setw(32) << "email" << std::setw(12) << "tier" << std::setw(6)
      << "2fa" << std::setw(22) << "created_at"
      << "last_login\n";
  for (const auto& u : users) {
    out << std::left << std::setw(38) << u.id << std::setw(32) << u.email << std::setw(12) << u.subscription_tier
        << std::setw(6) << (u.two_factor_enabled ? "on" : "off") << std::setw(22) << u.created_at
        << u.last_login.value_or("-") << "\n";
  }
  return kExitOk;
}

int UserPasswd(const Config& config, Logger& log, const std::string& email, std::istream& in, std::ostream& out) {
  std::string password = ReadPassword(in);
  domain::NormalizeEmail(email);
  app::UserService::CheckPassword(password);
  UserContext ctx(config, log, "user passwd");
  ctx.service.ChangePassword(email, password);
  out << "password changed\n";
  return kExitOk;
}

int UserDelete(const Config& config, Logger& log, const std::string& email, std::ostream& out) {
  domain::NormalizeEmail(email);
  UserContext ctx(config, log, "user delete");
  auto report = ctx.service.EraseByEmail(email);
  out << "erased " << email << ":";
  for (const auto& [table, rows] : report.removed) out << " " << table << " " << rows << ",";
  out << " security_events kept de-identified " << report.security_events_deidentified << "\n";
  return kExitOk;
}

}  // namespace persona::cli
