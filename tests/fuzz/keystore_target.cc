// The keystore's reader, fed hostile records. Each run starts from a real keystore (three keys,
// bound to kKeystoreLedgerId), writes the fuzzer's records into its databases through LMDB, and
// then opens it as rmc does: key look-ups, the checks of `rmc verify`, and an erasure.
//
// The records go in through LMDB rather than as raw bytes of data.mdb: LMDB trusts the pages of
// its data file, so a mutated page crashes inside liblmdb before any code of rmc runs. What rmc
// checks of the file itself (empty, not LMDB, shorter than its header says) is tested in
// tests/store/lmdb_env_test.cc; what this target fuzzes is everything rmc reads from the records.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "../test_dir.h"
#include "privacy/keystore.h"
#include "targets.h"

namespace rmc::fuzz {
namespace {

namespace fs = std::filesystem;

// A directory of this process's own, removed when the process ends: `template` holds the
// keystore every run starts from, `run` the one under test. `ids` are the subject ids of
// kKeystoreRefs in the template (its pepper is random).
struct TempDir {
  fs::path path;
  std::string ids[std::size(kKeystoreRefs)];
};

const TempDir& Dir() {
  static const struct Made : TempDir {
    Made() {
      path = rmc::testing::FreshTestDir("rmc-fuzz-keystore");
      auto keystore = rmc::Keystore::Create(path / "template", kKeystoreLedgerId);
      if (!keystore.ok()) std::abort();
      for (size_t i = 0; i < std::size(kKeystoreRefs); ++i) {
        ids[i] = (*keystore)->SubjectId(kKeystoreRefs[i]);
        if (!(*keystore)->KeyOrCreate(ids[i]).ok()) std::abort();
      }
      if (!(*keystore)->Flush().ok()) std::abort();
    }
    ~Made() {
      std::error_code ignored;
      fs::remove_all(path, ignored);
    }
  } dir;
  return dir;
}

// Takes `n` bytes off the front of `in` (fewer when it is shorter).
std::string_view Take(std::string_view& in, size_t n) {
  n = std::min(n, in.size());
  std::string_view out = in.substr(0, n);
  in.remove_prefix(n);
  return out;
}

// Writes the records of `bytes` (targets.h, Keystore) into the keystore in `dir`.
void WriteRecords(const fs::path& dir, std::string_view bytes) {
  auto env = LmdbEnv::Open(dir.string(), {"keys", "meta"}, false, false);
  if (!env.ok()) std::abort();
  auto txn = LmdbTxn::Begin(**env, true);
  if (!txn.ok()) std::abort();
  for (;;) {
    const std::string_view header = Take(bytes, 4);
    if (header.size() < 4) break;
    const uint8_t op = uint8_t(header[0]);
    std::string_view key = Take(bytes, uint8_t(header[1]));
    if (op & 4) key = Dir().ids[key.empty() ? 0 : uint8_t(key[0]) % std::size(kKeystoreRefs)];
    const std::string_view value = Take(bytes, uint8_t(header[2]) | uint8_t(header[3]) << 8);
    const MDB_dbi dbi = (*env)->dbi(op & 1 ? "meta" : "keys");
    // LMDB refuses empty keys and keys over 511 bytes (a refusal is an outcome, not a finding).
    (void)(op & 2 ? (*txn)->Delete(dbi, key) : (*txn)->Put(dbi, key, value));
  }
  if (!(*txn)->Commit().ok()) std::abort();
}

}  // namespace

void Keystore(std::string_view bytes) {
  const fs::path run = Dir().path / "run";
  fs::remove_all(run);
  fs::create_directories(run);
  fs::copy_file(Dir().path / "template" / "data.mdb", run / "data.mdb");
  WriteRecords(run, bytes);

  auto keystore = rmc::Keystore::Open(run, kKeystoreLedgerId);
  if (!keystore.ok()) return;
  for (const char* ref : kKeystoreRefs) (void)(*keystore)->Key((*keystore)->SubjectId(ref));
  (void)(*keystore)->CheckRecords();
  // An erasure rewrites every record that is left into a new generation.
  if ((*keystore)->Forget({(*keystore)->SubjectId(kKeystoreRefs[1])}).ok()) {
    auto left = (*keystore)->Key((*keystore)->SubjectId(kKeystoreRefs[1]));
    if (left.ok() && left->has_value()) std::abort();  // an erased key must be gone
    (void)(*keystore)->CheckRecords();
  }
}

}  // namespace rmc::fuzz
