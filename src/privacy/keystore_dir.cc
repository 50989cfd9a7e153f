#include "privacy/keystore_dir.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

#include "base/directories.h"

namespace rmc {
namespace {

namespace fs = std::filesystem;

constexpr char kCurrent[] = "CURRENT";
constexpr char kGenerationPrefix[] = "gen-";

Status SystemError(const std::string& what, const std::string& path) {
  return LedgerError(what + " " + path + ": " + std::strerror(errno));
}

// A generation's name as NewGeneration makes it: "gen-" and six letters or digits.
bool IsGenerationName(std::string_view name) {
  if (name.size() != 10 || !name.starts_with(kGenerationPrefix)) return false;
  for (char c : name.substr(4))
    if (!std::isalnum(static_cast<unsigned char>(c))) return false;
  return true;
}

// An flock on the keystore directory, released on destruction (and by the kernel when the
// process dies, so a killed process never leaves it held).
class DirLock {
 public:
  static Result<DirLock> Take(const std::string& dir, int operation) {
    DirLock lock;
    lock.fd_ = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (lock.fd_ < 0) {
      if (errno == ENOENT) return Status(Code::kNotFound, "no keystore at " + dir);
      return SystemError("cannot open the keystore", dir);
    }
    while (::flock(lock.fd_, operation) != 0)
      if (errno != EINTR) return SystemError("cannot lock the keystore", dir);
    return lock;
  }
  DirLock(DirLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  ~DirLock() {
    if (fd_ >= 0) ::close(fd_);
  }

 private:
  DirLock() = default;
  int fd_ = -1;
};

}  // namespace

std::string KeystoreDir::Path(const std::string& name) const {
  return name.empty() ? dir_ : dir_ + "/" + name;
}

Result<std::string> KeystoreDir::Current() const {
  const std::string path = dir_ + "/" + kCurrent;
  auto damaged = [&](const std::string& what) {
    return LedgerError(path + " " + what + "; the keystore is damaged (restore it from a backup)");
  };
  // Non-blocking, so that a pipe planted there is refused rather than waited on.
  int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    if (errno != ENOENT) return SystemError("cannot read", path);
    // Before the first erasure the keys are in the directory itself, and there is no CURRENT.
    // Generations without it, and no keys beside them, mean that CURRENT was lost.
    struct stat st;
    std::error_code ec;
    if (::lstat((dir_ + "/data.mdb").c_str(), &st) != 0)
      for (const auto& entry : fs::directory_iterator(dir_, ec))
        if (IsGenerationName(entry.path().filename().string()))
          return damaged("is missing while generations are there");
    return std::string();
  }
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return damaged("is not a file");
  }
  char buf[64];
  ssize_t n = ::read(fd, buf, sizeof buf);
  ::close(fd);
  if (n < 0) return SystemError("cannot read", path);
  std::string_view name(buf, size_t(n));
  if (name.ends_with('\n')) name.remove_suffix(1);
  if (!IsGenerationName(name))
    return LedgerError(path + " does not name a keystore generation; the keystore is damaged "
                              "(restore it from a backup)");
  return std::string(name);
}

Status KeystoreDir::WithCurrent(const std::function<Status(const std::string&)>& open) const {
  auto lock = DirLock::Take(dir_, LOCK_SH);
  if (!lock.ok()) return lock.status();
  auto name = Current();
  if (!name.ok()) return name.status();
  return open(*name);
}

Result<std::string> KeystoreDir::NewGeneration() const {
  std::string path = dir_ + "/" + kGenerationPrefix + "XXXXXX";
  if (!::mkdtemp(path.data())) return SystemError("cannot create a keystore generation in", dir_);
  if (auto s = SyncDirectory(dir_); !s.ok()) return s;
  return path.substr(dir_.size() + 1);
}

Status KeystoreDir::Switch(const std::string& name) {
  auto before = Current();
  if (!before.ok()) return before.status();
  if (auto s = SyncDirectory(Path(name)); !s.ok()) return s;  // its data.mdb, durably
  auto lock = DirLock::Take(dir_, LOCK_EX);
  if (!lock.ok()) return lock.status();
  std::string tmp = dir_ + "/" + kCurrent + ".XXXXXX";
  int fd = ::mkstemp(tmp.data());  // O_EXCL, mode 0600
  if (fd < 0) return SystemError("cannot create", tmp);
  const std::string line = name + "\n";
  bool written = ::write(fd, line.data(), line.size()) == ssize_t(line.size()) && ::fsync(fd) == 0;
  Status s = written ? Status::Ok() : SystemError("cannot write", tmp);
  if (::close(fd) != 0 && s.ok()) s = SystemError("cannot close", tmp);
  if (s.ok() && ::rename(tmp.c_str(), (dir_ + "/" + kCurrent).c_str()) != 0)
    s = SystemError("cannot rename into place", tmp);
  if (!s.ok()) {
    ::unlink(tmp.c_str());
    return s;
  }
  if (auto synced = SyncDirectory(dir_); !synced.ok()) return synced;
  // The old generation's files go; processes that map them keep reading them until they
  // close them, and no process can open them any more.
  std::error_code ec;
  if (before->empty()) {
    for (const char* file : {"data.mdb", "lock.mdb"})
      if (::unlink((dir_ + "/" + file).c_str()) != 0 && errno != ENOENT)
        return SystemError("cannot remove", dir_ + "/" + file);
  } else if (fs::remove_all(Path(*before), ec); ec) {
    return LedgerError("cannot remove " + Path(*before) + ": " + ec.message());
  }
  return SyncDirectory(dir_);
}

Result<std::vector<std::string>> KeystoreDir::Stale() const {
  auto current = Current();
  if (!current.ok()) return current.status();
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir_, ec)) {
    const std::string name = entry.path().filename();
    const bool generation = IsGenerationName(name) && name != *current;
    // Once CURRENT names a generation, the keystore directory's own files are the first
    // generation, left when a switch was interrupted before it removed them.
    const bool first = !current->empty() && (name == "data.mdb" || name == "lock.mdb");
    if (generation || first || name.starts_with(std::string(kCurrent) + ".")) out.push_back(name);
  }
  if (ec) return LedgerError("cannot list " + dir_ + ": " + ec.message());
  return out;
}

Status KeystoreDir::RemoveStale() const {
  auto stale = Stale();
  if (!stale.ok()) return stale.status();
  for (const auto& name : *stale) {
    std::error_code ec;
    if (fs::remove_all(Path(name), ec); ec)
      return LedgerError("cannot remove " + Path(name) + ": " + ec.message());
  }
  return stale->empty() ? Status::Ok() : SyncDirectory(dir_);
}

}  // namespace rmc
