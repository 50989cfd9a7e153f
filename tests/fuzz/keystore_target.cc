// The data file of a keystore: opened as rmc opens it, its keys looked up, and every record of
// its databases read raw. The fuzzer's bytes are the whole data.mdb.
//
// Written against the keystore of src/keystore.cc as it is (databases "keys" and "meta", a
// pepper, 32-byte keys); the keystore's layout is being redesigned, and this target must follow.
#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "keystore.h"
#include "targets.h"

namespace rmc::fuzz {
namespace {

// A directory of this process's own, holding only the data file under test (and LMDB's lock);
// removed when the process ends.
const std::string& Dir() {
  static const struct TempDir {
    std::string path;
    TempDir() {
      auto d = std::filesystem::temp_directory_path() /
               ("rmc-fuzz-keystore-" + std::to_string(getpid()));
      std::filesystem::remove_all(d);
      std::filesystem::create_directories(d);
      path = d.string();
    }
    ~TempDir() {
      std::error_code ignored;
      std::filesystem::remove_all(path, ignored);
    }
  } dir;
  return dir.path;
}

void WriteDataFile(std::string_view bytes) {
  int fd = open((Dir() + "/data.mdb").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0 || write(fd, bytes.data(), bytes.size()) != ssize_t(bytes.size())) std::abort();
  close(fd);
}

}  // namespace

void Keystore(std::string_view bytes) {
  WriteDataFile(bytes);
  if (auto keystore = rmc::Keystore::Open(Dir(), false); keystore.ok()) {
    for (const char* ref : {"J-1", "J-600", ""})
      (void)(*keystore)->Key((*keystore)->SubjectId(ref));
    (void)(*keystore)->Uncompacted();
  }
  auto env = LmdbEnv::Open(Dir(), {"keys", "meta"}, false, true);
  if (!env.ok()) return;
  auto txn = LmdbTxn::Begin(**env, false);
  if (!txn.ok()) return;
  for (const char* db : {"keys", "meta"})
    (void)(*txn)->Scan((*env)->dbi(db), "",
                       [](std::string_view, std::string_view) { return true; });
}

}  // namespace rmc::fuzz
