#include "base/directories.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace rmc {

std::string ParentOf(const std::string& path) {
  std::filesystem::path p(path);
  while (p.has_relative_path() && !p.has_filename()) p = p.parent_path();  // "a/b/" is "a/b"
  std::filesystem::path parent = p.parent_path();
  return parent.empty() ? "." : parent.string();
}

Status MakeParentDirectories(const std::string& path) {
  const std::string parent = ParentOf(path);
  struct stat st;
  if (::stat(parent.c_str(), &st) == 0) return Status::Ok();
  if (errno != ENOENT) return LedgerError("cannot reach " + parent + ": " + std::strerror(errno));
  if (auto s = MakeParentDirectories(parent); !s.ok()) return s;
  // The umask may take bits away from 0700, never add any.
  if (::mkdir(parent.c_str(), 0700) != 0 && errno != EEXIST)  // EEXIST: made meanwhile
    return LedgerError("cannot create " + parent + ": " + std::strerror(errno));
  return Status::Ok();
}

Status SyncDirectory(const std::string& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return LedgerError("cannot open " + dir + ": " + std::strerror(errno));
  Status s = ::fsync(fd) == 0 ? Status::Ok()
                              : LedgerError("cannot sync " + dir + ": " + std::strerror(errno));
  ::close(fd);
  return s;
}

}  // namespace rmc
