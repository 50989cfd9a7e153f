#include "private_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace rmc {

Status WritePrivateFile(const std::string& path, std::string_view bytes) {
  const std::string tmp = path + ".tmp-" + std::to_string(getpid());
  auto fail = [&](const char* what) {
    Status s(Code::kUsage, "--output " + path + ": " + what + ": " + std::strerror(errno));
    ::unlink(tmp.c_str());
    return s;
  };
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    return Status(Code::kUsage, "--output " + path + ": cannot create: " + std::strerror(errno));
  // O_CREAT's mode is masked by the umask and ignored for a leftover file: set it outright.
  if (::fchmod(fd, 0600) != 0) {
    ::close(fd);
    return fail("cannot make private");
  }
  for (size_t done = 0; done < bytes.size();) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      return fail("cannot write");
    }
    done += size_t(n);
  }
  if (::fsync(fd) != 0) {
    ::close(fd);
    return fail("cannot sync");
  }
  if (::close(fd) != 0) return fail("cannot close");
  if (::rename(tmp.c_str(), path.c_str()) != 0) return fail("cannot rename into place");
  return Status::Ok();
}

}  // namespace rmc
