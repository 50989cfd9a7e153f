#include "new_private_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace rmc {

Status WriteNewPrivateFile(const std::string& path, std::string_view bytes, std::string_view kind) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST)
      return Status(Code::kUsage, path + " exists; " + std::string(kind) + " is never overwritten");
    return Status(Code::kUsage, "cannot create " + path + ": " + std::strerror(errno));
  }
  bool ok = true;
  for (size_t done = 0; ok && done < bytes.size();) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) done += size_t(n);
  }
  ok = ok && ::fsync(fd) == 0;
  int err = errno;
  if (::close(fd) != 0 && ok) {
    ok = false;
    err = errno;
  }
  if (!ok) {
    ::unlink(path.c_str());
    return Status(Code::kUsage, "cannot write " + path + ": " + std::strerror(err));
  }
  return Status::Ok();
}

}  // namespace rmc
