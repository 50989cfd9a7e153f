// rmc backup DIR: a consistent hot copy of the ledger and its keystore (src/ledger/backup.h), for the
// coordinator and system roles. The copy holds every key, so it is as sensitive as the ledger.
#include "ledger/backup.h"

#include <cstdio>

#include "context.h"

namespace rmc::cli {

void RegisterBackup(CLI::App& app, Globals& g, int& exit_code) {
  auto dir = std::make_shared<std::string>();
  auto* sub =
      app.add_subcommand("backup",
                         "copy the ledger and its keystore, while in use, into a new or empty DIR "
                         "(roles coordinator and system)");
  sub->add_option("dir", *dir, "the backup directory; the keystore goes to DIR/keystore")
      ->required();
  sub->callback([&g, &exit_code, dir] {
    if (auto s = MayBackUp(g.Role()); !s.ok()) return void(exit_code = Fail(g, s));
    auto ledger = OpenOrFail(g, exit_code);
    if (!ledger) return;
    if (auto s = Backup(*ledger, *dir, g.Role()); !s.ok()) return void(exit_code = Fail(g, s));
    g.recorded = "the backup was written to " + *dir + "; rmc --ledger " + *dir + " verify checks it";
    if (g.json)
      PrintJson({{"ok", true}, {"backup", *dir}, {"keystore", *dir + "/keystore"}});
    else
      std::printf("backed up %s to %s (keystore %s/keystore)\n", g.ledger.c_str(), dir->c_str(),
                  dir->c_str());
  });
}

}  // namespace rmc::cli
