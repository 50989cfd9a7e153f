// rmc: the RMC case ledger. Registers the subcommands (one file each, or per family) and the
// global options; everything else happens in the core (src/).
#include <pwd.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "context.h"

namespace {

std::string Env(const char* name, std::string fallback) {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}

std::string LoginName() {
  if (const char* l = getlogin()) return l;
  if (passwd* pw = getpwuid(getuid())) return pw->pw_name;
  return "unknown";
}

}  // namespace

int main(int argc, char** argv) {
  using namespace rmc::cli;
  CLI::App app;
  Globals g;
  g.ledger = Env("RMC_LEDGER", "./rmc-ledger");
  g.keystore = Env("RMC_KEYSTORE", "");
  // The login name costs a passwd lookup (NSS): only when neither --actor nor RMC_ACTOR names one.
  bool actor_flag = false;
  for (int i = 1; i < argc; ++i) actor_flag |= std::string_view(argv[i]).starts_with("--actor");
  g.actor = Env("RMC_ACTOR", "");
  if (g.actor.empty() && !actor_flag) g.actor = LoginName();
  g.role_name = Env("RMC_ROLE", "consulent");
  int exit_code = 0;
  BuildApp(app, g, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  // Output is the product of a read (a checkpoint, an export): a full disk must not pass for
  // success.
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    std::fprintf(stderr, "rmc: error: ledger_error: cannot write the output: %s\n", std::strerror(errno));
    return exit_code ? exit_code : 1;
  }
  return exit_code;
}
