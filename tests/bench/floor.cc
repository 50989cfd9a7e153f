#include "floor.h"

#include <capnp/message.h>
#include <capnp/serialize.h>
#include <lmdb.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <string_view>
#include <vector>

#include "event.capnp.h"

namespace rmc::bench {
namespace {

using Clock = std::chrono::steady_clock;

MDB_val Val(std::string_view s) { return {s.size(), const_cast<char*>(s.data())}; }

std::string BigEndian(uint64_t v, int bytes) {
  std::string k(bytes, '\0');
  for (int i = bytes - 1; i >= 0; --i, v >>= 8) k[i] = char(v & 0xff);
  return k;
}

struct Env {
  MDB_env* env = nullptr;
  MDB_dbi events = 0, case_events = 0;
  ~Env() {
    if (env) mdb_env_close(env);
  }
  bool Open(const std::string& dir, bool create, bool read_only) {
    if (create) mkdir(dir.c_str(), 0700);
    mdb_env_create(&env);
    mdb_env_set_maxdbs(env, 8);
    mdb_env_set_mapsize(env, size_t(64) << 30);  // sparse: the floor never grows its map
    if (mdb_env_open(env, dir.c_str(), MDB_NOTLS | (read_only ? MDB_RDONLY : 0), 0600) != 0)
      return false;
    MDB_txn* txn;
    mdb_txn_begin(env, nullptr, read_only ? MDB_RDONLY : 0, &txn);
    int rc = mdb_dbi_open(txn, "events", create ? MDB_CREATE : 0, &events);
    if (rc == 0) rc = mdb_dbi_open(txn, "case_events", create ? MDB_CREATE : 0, &case_events);
    mdb_txn_commit(txn);
    return rc == 0;
  }
};

capnp::ReaderOptions Unlimited() {
  capnp::ReaderOptions o;
  o.traversalLimitInWords = uint64_t(1) << 40;
  return o;
}

}  // namespace

Timed FloorWrite(const std::string& ledger_dir, const std::string& floor_dir) {
  Timed t;
  Env source, floor;
  if (!source.Open(ledger_dir, false, true) || !floor.Open(floor_dir, true, false)) return t;
  MDB_txn *read, *write;
  mdb_txn_begin(source.env, nullptr, MDB_RDONLY, &read);
  mdb_txn_begin(floor.env, nullptr, 0, &write);
  MDB_cursor* cursor;
  mdb_cursor_open(read, source.events, &cursor);
  std::string head(32, '\0');
  MDB_val k, v;
  int rc = mdb_cursor_get(cursor, &k, &v, MDB_FIRST);
  std::vector<std::string> chunk;
  while (rc == 0) {
    chunk.clear();  // copy a chunk out of the source first: reading is not the floor's work
    for (; rc == 0 && chunk.size() < 50000; rc = mdb_cursor_get(cursor, &k, &v, MDB_NEXT))
      chunk.emplace_back(static_cast<const char*>(v.mv_data), v.mv_size);
    auto start = Clock::now();
    for (const auto& bytes : chunk) {
      kj::ArrayPtr<const capnp::word> words(reinterpret_cast<const capnp::word*>(bytes.data()),
                                            bytes.size() / sizeof(capnp::word));
      capnp::FlatArrayMessageReader in(words, Unlimited());
      auto e = in.getRoot<schema::Event>();
      capnp::MallocMessageBuilder out;
      out.setRoot(e);
      auto copy = out.getRoot<schema::Event>();
      copy.setPrevHash(capnp::Data::Reader(reinterpret_cast<const uint8_t*>(head.data()), 32));
      auto flat = capnp::messageToFlatArray(out);
      auto encoded = flat.asChars();
      crypto_generichash(reinterpret_cast<unsigned char*>(head.data()), 32,
                         reinterpret_cast<const unsigned char*>(encoded.begin()), encoded.size(),
                         nullptr, 0);
      std::string position = BigEndian(e.getPosition(), 8);
      MDB_val key = Val(position), value{encoded.size(), nullptr};
      if (mdb_put(write, floor.events, &key, &value, MDB_APPEND | MDB_RESERVE) != 0) return t;
      std::memcpy(value.mv_data, encoded.begin(), encoded.size());
      if (e.getCaseId().size()) {
        std::string index = std::string(e.getCaseId().cStr()) + '\0' + BigEndian(e.getVersion(), 4);
        MDB_val ik = Val(index), iv = Val(position);
        if (mdb_put(write, floor.case_events, &ik, &iv, 0) != 0) return t;
      }
      ++t.events;
    }
    t.seconds += std::chrono::duration<double>(Clock::now() - start).count();
  }
  mdb_cursor_close(cursor);
  mdb_txn_abort(read);
  auto start = Clock::now();
  if (mdb_txn_commit(write) != 0) return Timed{};
  t.seconds += std::chrono::duration<double>(Clock::now() - start).count();
  return t;
}

Timed FloorScan(const std::string& ledger_dir) {
  Timed t;
  Env source;
  if (!source.Open(ledger_dir, false, true)) return t;
  auto start = Clock::now();
  MDB_txn* read;
  mdb_txn_begin(source.env, nullptr, MDB_RDONLY, &read);
  MDB_cursor* cursor;
  mdb_cursor_open(read, source.events, &cursor);
  MDB_val k, v;
  uint64_t checksum = 0;
  for (int rc = mdb_cursor_get(cursor, &k, &v, MDB_FIRST); rc == 0;
       rc = mdb_cursor_get(cursor, &k, &v, MDB_NEXT)) {
    kj::ArrayPtr<const capnp::word> words(static_cast<const capnp::word*>(v.mv_data),
                                          v.mv_size / sizeof(capnp::word));
    capnp::FlatArrayMessageReader in(words, Unlimited());
    auto e = in.getRoot<schema::Event>();
    checksum += e.getVersion() + uint64_t(e.getPayload().which()) + e.getCaseId().size();
    ++t.events;
  }
  mdb_cursor_close(cursor);
  mdb_txn_abort(read);
  t.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (checksum == 0) t.events = 0;  // keeps the decode from being optimised away
  return t;
}

int OnePut(const std::string& dir) {
  Env env;
  if (!env.Open(dir, true, false)) return 1;
  MDB_txn* txn;
  if (mdb_txn_begin(env.env, nullptr, 0, &txn) != 0) return 1;
  std::string key = BigEndian(uint64_t(getpid()), 8), value(300, 'x');
  MDB_val k = Val(key), v = Val(value);
  if (mdb_put(txn, env.events, &k, &v, 0) != 0) return 1;
  return mdb_txn_commit(txn) == 0 ? 0 : 1;
}

}  // namespace rmc::bench
