#include "ledger/backup.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "base/directories.h"

namespace rmc {
namespace {

namespace fs = std::filesystem;

// `dir` as an empty private directory of this user: created when missing (its missing parents
// too, mode 0700), refused when it holds anything, is a symbolic link or belongs to another
// user (who could plant links in it while the copy is written).
Status EmptyPrivateDirectory(std::string dir) {
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();  // "d/" would follow a link "d"
  if (auto s = MakeParentDirectories(dir); !s.ok()) return s;
  if (mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
    return LedgerError("cannot create " + dir + ": " + strerror(errno));
  int fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0 && (errno == ELOOP || errno == ENOTDIR))
    return Status(Code::kUsage, dir + " is not a directory (a symbolic link is not followed)");
  if (fd < 0) return LedgerError("cannot open " + dir + ": " + strerror(errno));
  struct stat st;
  Status s;
  std::error_code ec;
  if (fstat(fd, &st) != 0) s = LedgerError("cannot stat " + dir + ": " + strerror(errno));
  else if (st.st_uid != geteuid())
    s = Status(Code::kUsage, dir + " belongs to another user; a backup goes into a directory of your own");
  else if (!fs::is_empty(dir, ec))
    s = Status(Code::kUsage, dir + " is not empty; a backup goes into a new or empty directory");
  else if (fchmod(fd, 0700) != 0) s = LedgerError("cannot chmod " + dir + ": " + strerror(errno));
  close(fd);
  return s;
}

}  // namespace

Status MayBackUp(schema::Role role) {
  return Permit(role, Action::kBackup);
}

Status Backup(Ledger& ledger, std::string dir, schema::Role role) {
  if (auto s = MayBackUp(role); !s.ok()) return s;
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  if (auto s = EmptyPrivateDirectory(dir); !s.ok()) return s;
  // Written whole into a private directory beside DIR, then renamed onto the empty DIR: a backup
  // interrupted at any point leaves DIR empty (and a DIR.partial-XXXXXX that no command reads),
  // never a copy that looks like a ledger but is not one.
  std::string partial = dir + ".partial-XXXXXX";
  if (!mkdtemp(partial.data())) return LedgerError("cannot create " + partial + ": " + strerror(errno));
  const std::string keystore = partial + "/keystore";
  Status s = ledger.Exclusive([&]() -> Status {
    if (auto st = ledger.store().env().CopyCompacted(partial + "/data.mdb"); !st.ok()) return st;
    if (mkdir(keystore.c_str(), 0700) != 0)
      return LedgerError("cannot create " + keystore + ": " + strerror(errno));
    return ledger.keystore().CopyTo(keystore + "/data.mdb");
  });
  if (s.ok()) s = SyncDirectory(keystore);
  if (s.ok()) s = SyncDirectory(partial);
  if (s.ok() && rename(partial.c_str(), dir.c_str()) != 0)
    s = errno == ENOTEMPTY || errno == EEXIST
            ? Status(Code::kUsage, dir + " is not empty any more; a backup goes into a new or empty directory")
            : LedgerError("cannot rename " + partial + " to " + dir + ": " + strerror(errno));
  if (!s.ok()) {
    std::error_code ignored;
    fs::remove_all(partial, ignored);
    return s;
  }
  return SyncDirectory(ParentOf(dir));
}

}  // namespace rmc
