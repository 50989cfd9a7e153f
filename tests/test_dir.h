// The one way tests get a directory of their own: a new, empty, private (0700) directory
// PREFIX-XXXXXX under the temporary directory, made by mkdtemp. Its name is unpredictable and
// mkdtemp fails rather than reuse a name, so tests run in parallel processes never share files,
// and no other user can have planted the directory or a link under its name beforehand.
#pragma once

#include <stdlib.h>

#include <cerrno>
#include <filesystem>
#include <string>
#include <system_error>

namespace rmc::testing {

// A new directory; the caller removes it (TempDir does that itself). Throws when none can be made.
inline std::string FreshTestDir(const std::string& prefix) {
  namespace fs = std::filesystem;
  std::string path = (fs::temp_directory_path() / (prefix + "-XXXXXX")).string();
  if (mkdtemp(path.data()) == nullptr)
    throw fs::filesystem_error("mkdtemp", path, std::error_code(errno, std::generic_category()));
  return path;
}

// A FreshTestDir removed, with all it holds, when it goes out of scope (also when a test's
// ASSERT returns early).
class TempDir {
 public:
  explicit TempDir(const std::string& prefix) : path_(FreshTestDir(prefix)) {}
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace rmc::testing
