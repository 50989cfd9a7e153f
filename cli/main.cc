// rmc: the RMC case ledger. Registers the subcommands (one file each, or per family) and the
// global options; everything else happens in the core (src/).
#include <fcntl.h>
#include <pwd.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
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

// Whether standard output is open. A closed standard input, output or error would be taken by
// the next file opened (a ledger's lock or data file), and what is printed would land in it: each
// is held open on /dev/null.
bool StandardFilesOpen() {
  bool stdout_open = true;
  for (int fd = 0; fd <= 2; ++fd) {
    if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF) continue;
    if (fd == 1) stdout_open = false;
    int null = open("/dev/null", O_RDWR);
    if (null >= 0 && null != fd) {
      dup2(null, fd);
      close(null);
    }
  }
  return stdout_open;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace rmc::cli;
  // A reader that has gone (`rmc apply … | head -1`) is an output failure to report (output_error,
  // and for apply up to which line it executed), not a silent death by SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  if (!StandardFilesOpen()) {
    std::fprintf(stderr, "rmc: error: usage: standard output is closed; rmc prints its results "
                         "there, so it did nothing\n");
    return 2;
  }
  CLI::App app;
  Globals g;
  g.ledger = Env("RMC_LEDGER", "./rmc-ledger");
  g.keystore = Env("RMC_KEYSTORE", "");
  // The login name costs a passwd lookup (NSS): only when neither --actor nor RMC_ACTOR names one.
  bool actor_flag = false;
  for (int i = 1; i < argc; ++i) actor_flag |= std::string_view(argv[i]).starts_with("--actor");
  g.actor = Env("RMC_ACTOR", "");
  if (g.actor.empty() && !actor_flag) g.actor = LoginName();
  g.role_name = "consulent";  // else --role or $RMC_ROLE (BuildApp)
  int exit_code = 0;
  BuildApp(app, g, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  } catch (const kj::Exception& e) {
    // A stored message that does not decode, met by a read that does not catch it itself
    // (rmc show, history, --as-of: src/store/store.h, EventView). The command is the last boundary:
    // a damaged ledger is an error with its exit code, never an abort.
    return Fail(g, rmc::Undecodable("a stored event or record", e));
  }
  // Output is the product of a read (a checkpoint, an export) and the answer of a write: a full
  // disk must not pass for success, nor a recorded command for a failed one.
  if (!OutputWritten(g)) return exit_code ? exit_code : 1;
  return exit_code;
}
