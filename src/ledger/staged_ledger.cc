#include "ledger/staged_ledger.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "base/directories.h"

namespace rmc {
namespace {

namespace fs = std::filesystem;

constexpr const char* kPending = "/init-pending";

// `path` without trailing slashes; absolute when it ends in "." or "..", names by which a
// directory cannot be renamed.
std::string Plain(std::string path) {
  auto strip = [](std::string p) {
    while (p.size() > 1 && p.back() == '/') p.pop_back();
    return p;
  };
  path = strip(std::move(path));
  if (const auto name = fs::path(path).filename(); name == "." || name == "..") {
    std::error_code ec;
    path = strip(fs::absolute(path, ec).lexically_normal().string());
  }
  return path;
}

Status Usage(std::string message) { return Status(Code::kUsage, std::move(message)); }

bool Exists(const std::string& path) {
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0;
}

// Why `path` cannot become the new directory of `what` ("ledger", "keystore"), or Ok when it is
// missing or an empty directory.
Status InTheWay(const std::string& path, const char* what) {
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0)
    return errno == ENOENT ? Status::Ok()
                           : LedgerError("cannot reach " + path + ": " + std::strerror(errno));
  if (S_ISLNK(st.st_mode))
    return Usage(path + " is a symbolic link; rmc init creates the " + what +
                 " directory itself: give a new path or an empty directory");
  if (!S_ISDIR(st.st_mode)) return Usage(path + " exists and is not a directory");
  if (Exists(path + "/data.mdb"))
    return Usage("a " + std::string(what) + " exists at " + path + "; refusing to overwrite it");
  std::error_code ec;
  if (!fs::is_empty(path, ec))
    return Usage(path + " is not empty; rmc init creates the " + what +
                 " in a new or empty directory");
  return Status::Ok();
}

// A new private directory `.NAME.init-XXXXXX` beside `path`.
Result<std::string> TemporaryBeside(const std::string& path) {
  if (auto s = MakeParentDirectories(path); !s.ok()) return s;
  std::string tmp = ParentOf(path) + "/." + fs::path(path).filename().string() + ".init-XXXXXX";
  if (!::mkdtemp(tmp.data())) {
    const int err = errno;
    std::string why = "cannot create a directory beside " + path + ": " + std::strerror(err);
    if (err == EACCES || err == EPERM || err == EROFS)
      why += "; rmc init builds the directory beside " + path +
             " and renames it into place, so it needs write access to " + ParentOf(path) +
             " (or give a path inside " + path + ")";
    return LedgerError(why);
  }
  return tmp;
}

// Renames directory `from` to `to`. Whether `to` was in the way (anything but a missing path or
// an empty directory) goes to `in_the_way`.
Status RenameDirectory(const std::string& from, const std::string& to, bool& in_the_way) {
  in_the_way = false;
  if (::rename(from.c_str(), to.c_str()) == 0) return Status::Ok();
  in_the_way = errno == EEXIST || errno == ENOTEMPTY || errno == ENOTDIR;
  if (errno == EBUSY)
    return Usage(to +
                 " is in use (a mount point?); rmc init replaces an empty directory by the "
                 "new one: give a path inside it");
  return LedgerError("cannot rename " + from + " to " + to + ": " + std::strerror(errno));
}

// The keystore at `dir` when an init that died left it: unlocked `init-pending`, no ledger at
// the path it names. Removes it (Ok), or says why it stays.
Status RemoveAbandonedKeystore(const std::string& dir) {
  const std::string pending = dir + kPending;
  int fd = ::open(pending.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0)
    return Usage("a keystore exists at " + dir +
                 "; rmc init creates a new keystore and never reuses one (it may be another "
                 "ledger's)");
  Status s;
  char buf[4096];
  ssize_t n;
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    s = Usage("another rmc init is creating a keystore at " + dir + "; wait for it to finish");
  } else if ((n = ::read(fd, buf, sizeof buf)) <= 0 || buf[n - 1] != '\n') {
    s = Usage("a keystore exists at " + dir + " with an unreadable " + pending);
  } else if (std::string ledger(buf, size_t(n - 1)); Exists(ledger + "/data.mdb")) {
    s = Usage("a keystore exists at " + dir + ": that of the ledger at " + ledger);
  } else {
    std::error_code ec;  // still under the lock: no other init takes it over meanwhile
    fs::remove_all(dir, ec);
    if (ec) s = LedgerError("cannot remove the abandoned keystore " + dir + ": " + ec.message());
  }
  ::close(fd);
  return s;
}

// Makes the entries of every directory under `root` (and of `root`) durable.
Status SyncTree(const std::string& root) {
  std::error_code ec;
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_directory() && !it->is_symlink())
      if (auto s = SyncDirectory(it->path().string()); !s.ok()) return s;
  if (ec) return LedgerError("cannot list " + root + ": " + ec.message());
  return SyncDirectory(root);
}

}  // namespace

Result<std::unique_ptr<StagedLedger>> StagedLedger::Begin(const LedgerPaths& paths) {
  std::unique_ptr<StagedLedger> staged(new StagedLedger);
  staged->final_ = {Plain(paths.ledger), Plain(paths.keystore)};
  const LedgerPaths& final = staged->final_;
  std::error_code ec;
  const fs::path ledger = fs::absolute(final.ledger, ec).lexically_normal();
  const fs::path inside =
      fs::absolute(final.keystore, ec).lexically_normal().lexically_relative(ledger);
  if (ec) return LedgerError("cannot tell where " + final.ledger + " is: " + ec.message());
  if (inside == ".")
    return Usage("--keystore " + final.keystore + " is the ledger directory; give another");
  staged->keystore_outside_ = inside.empty() || *inside.begin() == "..";
  if (auto s = InTheWay(final.ledger, "ledger"); !s.ok()) return s;
  // An abandoned keystore (RemoveAbandonedKeystore) is replaced at Commit.
  if (staged->keystore_outside_)
    if (auto s = InTheWay(final.keystore, "keystore");
        !s.ok() && !Exists(final.keystore + kPending))
      return s;

  auto ledger_tmp = TemporaryBeside(final.ledger);
  if (!ledger_tmp.ok()) return ledger_tmp.status();
  staged->staging_.ledger = *ledger_tmp;
  if (!staged->keystore_outside_) {
    staged->staging_.keystore = *ledger_tmp + "/" + inside.string();
    return staged;
  }
  auto keystore_tmp = TemporaryBeside(final.keystore);
  if (!keystore_tmp.ok()) return keystore_tmp.status();
  staged->staging_.keystore = *keystore_tmp;
  const std::string pending = *keystore_tmp + kPending;
  int fd = ::open(pending.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) return LedgerError("cannot create " + pending + ": " + std::strerror(errno));
  staged->pending_fd_ = fd;
  const std::string text = ledger.string() + "\n";
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0 ||
      ::write(fd, text.data(), text.size()) != ssize_t(text.size()) || ::fsync(fd) != 0)
    return LedgerError("cannot write " + pending + ": " + std::strerror(errno));
  return staged;
}

StagedLedger::~StagedLedger() {
  std::error_code ec;
  if (!ledger_placed_) {
    fs::remove_all(staging_.ledger, ec);
    // The keystore this init placed (its `init-pending` still locked by us) serves no ledger.
    if (keystore_outside_)
      fs::remove_all(keystore_placed_ ? final_.keystore : staging_.keystore, ec);
  }
  if (pending_fd_ >= 0) ::close(pending_fd_);
}

Status StagedLedger::PlaceKeystore() {
  if (auto s = SyncTree(staging_.keystore); !s.ok()) return s;
  bool in_the_way;
  Status s = RenameDirectory(staging_.keystore, final_.keystore, in_the_way);
  if (in_the_way) {
    if (auto removed = RemoveAbandonedKeystore(final_.keystore); !removed.ok()) return removed;
    s = RenameDirectory(staging_.keystore, final_.keystore, in_the_way);
    if (in_the_way) return Usage("a keystore appeared at " + final_.keystore + " meanwhile");
  }
  if (!s.ok()) return s;
  keystore_placed_ = true;
  return SyncDirectory(ParentOf(final_.keystore));
}

Status StagedLedger::PlaceLedger() {
  if (auto s = SyncTree(staging_.ledger); !s.ok()) return s;
  bool in_the_way;
  Status s = RenameDirectory(staging_.ledger, final_.ledger, in_the_way);
  if (in_the_way) {
    // Another init won, or something was put there meanwhile: say which.
    if (auto why = InTheWay(final_.ledger, "ledger"); !why.ok()) return why;
    return Usage(final_.ledger + " appeared meanwhile; refusing to overwrite it");
  }
  return s;
}

Status StagedLedger::Commit() {
  if (keystore_outside_)
    if (auto s = PlaceKeystore(); !s.ok()) return s;
  if (auto s = PlaceLedger(); !s.ok()) return s;
  // The ledger exists from here on: a failure to sync is reported, and undoes nothing.
  ledger_placed_ = true;
  if (auto s = SyncDirectory(ParentOf(final_.ledger)); !s.ok()) return s;
  if (!keystore_outside_) return Status::Ok();
  // Its keystore is no longer pending. Should the file stay (a crash now), it names an existing
  // ledger and is never acted on.
  ::unlink((final_.keystore + kPending).c_str());
  return SyncDirectory(final_.keystore);
}

}  // namespace rmc
