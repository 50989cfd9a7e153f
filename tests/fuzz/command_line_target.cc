// The arguments of `rmc`, NUL-separated, through the whole command line of cli/.
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "context.h"
#include "targets.h"

namespace rmc::fuzz {
namespace {

// Under a file, so that neither opening nor creating a ledger there can succeed: every
// subcommand goes as far as opening the ledger and stops there, writing nothing.
constexpr const char* kNoLedger = "/dev/null/rmc-fuzz-ledger";

// Arguments that would point rmc at files of this machine to write: another ledger or keystore
// (`init` would create it), and `audit keygen KEYFILE`, which writes a key file before it needs
// a ledger. Inputs with them are skipped.
bool Writes(const std::string& arg) {
  return arg.starts_with("--ledger") || arg.starts_with("--keystore") || arg == "keygen";
}

}  // namespace

void CommandLine(std::string_view bytes) {
  static const bool clock_set = setenv("RMC_NOW", "2026-11-20T09:00:00Z", 1) == 0;
  (void)clock_set;
  std::vector<std::string> args{"rmc"};
  for (size_t start = 0; start <= bytes.size() && args.size() < 64;) {
    size_t end = bytes.find('\0', start);
    if (end == std::string_view::npos) end = bytes.size();
    args.emplace_back(bytes.substr(start, end - start));
    if (Writes(args.back())) return;
    start = end + 1;
  }
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());

  cli::Globals g;
  g.ledger = kNoLedger;
  g.actor = "fuzz";
  g.role_name = "consulent";
  CLI::App app;
  int exit_code = 0;
  cli::BuildApp(app, g, exit_code);
  try {
    app.parse(int(argv.size()), argv.data());
  } catch (const CLI::ParseError& e) {
    std::ostringstream out, err;  // as main: the help, or the usage error
    app.exit(e, out, err);
    return;
  }
  // Every exit is one of the contract's (docs/commands.md, Exit codes).
  if (exit_code < 0 || exit_code > 8) std::abort();
}

}  // namespace rmc::fuzz
