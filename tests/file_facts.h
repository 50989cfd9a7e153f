// What a test reads off a path without following a link at it: the bytes, the mode.
#pragma once

#include <sys/stat.h>

#include <fstream>
#include <iterator>
#include <string>

namespace rmc::testing {

// The bytes of the file at `path` (through a link at it); empty when it cannot be read.
inline std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// The permission bits of `path` itself (a link's own when it is one); 0 when it is missing.
inline unsigned Mode(const std::string& path) {
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0 ? st.st_mode & 07777 : 0;
}

}  // namespace rmc::testing
