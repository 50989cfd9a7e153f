#include "base/private_file.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "base/directories.h"
#include "base/random.h"
#include "base/hex.h"

namespace rmc {
namespace {

// An open directory and a temporary file written and synced in it.
struct Staged {
  int dir = -1;
  std::string name;  // the target's name in `dir`
  std::string tmp;   // the temporary file's name in `dir`
  ~Staged() {
    if (!tmp.empty()) ::unlinkat(dir, tmp.c_str(), 0);
    if (dir >= 0) ::close(dir);
  }
};

Status Fail(const std::string& path, const char* what, int err) {
  return Status(Code::kUsage,
                "cannot " + std::string(what) + " " + path + ": " + std::strerror(err));
}

bool WriteAll(int fd, std::string_view bytes) {
  for (size_t done = 0; done < bytes.size();) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += size_t(n);
  }
  return true;
}

// Writes `bytes` to a new temporary file beside `path` and syncs it; on success `staged` names
// it. The name is random and created exclusively, never through a link.
Status Stage(const std::string& path, std::string_view bytes, Staged& staged) {
  staged.name = std::filesystem::path(path).filename().string();
  if (staged.name.empty() || staged.name == "." || staged.name == "..")
    return Status(Code::kUsage, path + " names a directory, not a file");
  const std::string dir = ParentOf(path);
  staged.dir = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (staged.dir < 0) return Fail(path, "create", errno);
  int fd = -1;
  for (int attempt = 0; fd < 0 && attempt < 8; ++attempt) {
    std::string tmp = staged.name + ".tmp-" + Hex(RandomString(8));
    fd = ::openat(staged.dir, tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                  0600);
    if (fd >= 0)
      staged.tmp = tmp;
    else if (errno != EEXIST)
      return Fail(path, "create", errno);
  }
  if (fd < 0) return Fail(path, "create", EEXIST);
  // The umask may have taken bits from 0600; the owner must be able to read it.
  bool ok = ::fchmod(fd, 0600) == 0 && WriteAll(fd, bytes) && ::fsync(fd) == 0;
  int err = errno;
  if (::close(fd) != 0 && ok) ok = false, err = errno;
  if (!ok) return Fail(path, "write", err);
  return Status::Ok();
}

Status SyncDir(const std::string& path, int dir) {
  return ::fsync(dir) == 0 ? Status::Ok() : Fail(ParentOf(path), "sync", errno);
}

const char* KindOf(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a pipe";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  return "a special file";
}

}  // namespace

Status CheckReplaceable(const std::string& path) {
  struct stat st;
  // The folder it goes in must be there, so that nothing is read for a file that cannot be made.
  if (::stat(ParentOf(path).c_str(), &st) != 0) return Fail(path, "create", errno);
  if (!S_ISDIR(st.st_mode)) return Fail(path, "create", ENOTDIR);
  if (::lstat(path.c_str(), &st) != 0 || S_ISREG(st.st_mode)) return Status::Ok();
  std::string what = KindOf(st.st_mode);
  if (S_ISLNK(st.st_mode)) {
    // Only looked at, never opened: a link to a file is replaced, as a dangling one is.
    if (::stat(path.c_str(), &st) != 0 || S_ISREG(st.st_mode)) return Status::Ok();
    what = std::string("a link to ") + KindOf(st.st_mode);
  }
  return Status(Code::kUsage, path + " is " + what + ", not a file: rmc writes a new file in its "
                              "place, so it refuses to (to write into it, leave out --output and "
                              "redirect standard output)");
}

Status WritePrivateFile(const std::string& path, std::string_view bytes) {
  if (auto s = CheckReplaceable(path); !s.ok()) return s;
  Staged staged;
  if (auto s = Stage(path, bytes, staged); !s.ok()) return s;
  // rename replaces a link at `path` by the file; it never writes through it.
  if (::renameat(staged.dir, staged.tmp.c_str(), staged.dir, staged.name.c_str()) != 0)
    return Fail(path, "rename into place", errno);
  staged.tmp.clear();
  return SyncDir(path, staged.dir);
}

Status WriteNewPrivateFile(const std::string& path, std::string_view bytes, std::string_view kind) {
  Staged staged;
  if (auto s = Stage(path, bytes, staged); !s.ok()) return s;
  // Atomic and never replacing: the file appears whole under `path` or not at all.
  int rc = ::renameat2(staged.dir, staged.tmp.c_str(), staged.dir, staged.name.c_str(),
                       RENAME_NOREPLACE);
  if (rc != 0 && errno == EINVAL)  // a file system without it: a hard link never replaces either
    rc = ::linkat(staged.dir, staged.tmp.c_str(), staged.dir, staged.name.c_str(), 0);
  if (rc != 0) {
    if (errno == EEXIST)
      return Status(Code::kUsage, path + " exists; " + std::string(kind) + " is never overwritten");
    return Fail(path, "create", errno);
  }
  if (::unlinkat(staged.dir, staged.tmp.c_str(), 0) == 0 || errno == ENOENT) staged.tmp.clear();
  return SyncDir(path, staged.dir);
}

}  // namespace rmc
