#include "backup.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace rmc {
namespace {

namespace fs = std::filesystem;

// `dir` as an empty private directory: created when missing, refused when it holds anything.
Status EmptyPrivateDirectory(const std::string& dir) {
  std::error_code ec;
  if (fs::exists(dir, ec)) {
    if (!fs::is_directory(dir, ec)) return Status(Code::kUsage, dir + " is not a directory");
    if (!fs::is_empty(dir, ec))
      return Status(Code::kUsage,
                    dir + " is not empty; a backup goes into a new or empty directory");
  } else {
    fs::create_directories(fs::path(dir).parent_path(), ec);
    if (mkdir(dir.c_str(), 0700) != 0)
      return LedgerError("cannot create " + dir + ": " + strerror(errno));
  }
  if (chmod(dir.c_str(), 0700) != 0)
    return LedgerError("cannot chmod " + dir + ": " + strerror(errno));
  return Status::Ok();
}

}  // namespace

Status MayBackUp(schema::Role role) {
  return Permit(role, Action::kBackup);
}

Status Backup(Ledger& ledger, const std::string& dir, schema::Role role) {
  if (auto s = MayBackUp(role); !s.ok()) return s;
  if (auto s = EmptyPrivateDirectory(dir); !s.ok()) return s;
  if (auto s = ledger.store().env().CopyCompacted(dir + "/data.mdb"); !s.ok()) return s;
  const std::string keystore = dir + "/keystore";
  if (mkdir(keystore.c_str(), 0700) != 0)
    return LedgerError("cannot create " + keystore + ": " + strerror(errno));
  return ledger.keystore().CopyTo(keystore + "/data.mdb");
}

}  // namespace rmc
