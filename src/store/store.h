// The ledger's storage on LMDB (docs/storage.md): the event log with its hash chain and the
// databases derived from it. Knows the event envelope, not the routekaart.
//
//   events       position (u64 BE) -> Event (unpacked Cap'n Proto, read in place)
//   case_events  caseId, 0x00, version (u32 BE) -> position (u64 BE)
//   commands     commandId -> first position, last position (u64 BE each), command hash (32)
//   cases        caseId -> CaseProjection
//   subjects     subject id (16) -> "E" (erased) or "-", then the case ids, comma-separated
//   meta         "ledger_id", "head" (hash of the last event), "position", "next_case",
//                "settings", "erasing" (subjects erased whose keys are still to be deleted)
//   access       position (u64 BE) -> AccessRecord (schema/access.capnp): the access log
//   access_subjects  subject id (16), position (u64 BE) -> "" : the access log by youth
#pragma once

#include <capnp/message.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "codec/stored_message.h"
#include "event.capnp.h"
#include "store/lmdb_env.h"

namespace rmc {

// An event (or an access record) read from the map (codec/stored_message.h). It points into the
// map, or, when LMDB placed the value unaligned, into a private copy: valid only while the
// transaction it came from is open.
class EventView : public StoredMessage {
 public:
  using StoredMessage::StoredMessage;
  schema::Event::Reader event() { return Root<schema::Event>(); }
};

struct CommandRecord {
  uint64_t first = 0, last = 0;
  std::string hash;  // 32 bytes
};

struct SubjectRecord {
  bool erased = false;
  std::vector<std::string> cases;  // oldest first
};

class Store;

// A write (or read) transaction on the store.
class StoreTxn {
 public:
  StoreTxn(const Store& store, std::unique_ptr<LmdbTxn> txn) : store_(store), txn_(std::move(txn)) {}
  // Writes the log position and chain head to meta once, instead of two puts per event.
  Status Commit();

  uint64_t LastPosition() const;
  std::string ChainHead() const;  // prevHash for the next event
  // Appends the event (its position and prevHash already set to LastPosition()+1 and
  // ChainHead()) and indexes it in case_events. Returns the position.
  Result<uint64_t> Append(capnp::MessageBuilder& event, std::string_view case_id, uint32_t version);

  Result<std::optional<EventView>> Event(uint64_t position) const;
  // Events with position >= from, in order, until `visit` returns false.
  Status ScanEvents(uint64_t from, const std::function<bool(uint64_t, EventView&)>& visit) const;
  // Positions of a case's events, in version order.
  Result<std::vector<uint64_t>> CasePositions(std::string_view case_id) const;
  // Every case's events in case id order, each case's in version order: visit(case id,
  // position) until it returns false.
  Status ScanCaseIndex(const std::function<bool(std::string_view, uint64_t)>& visit) const;

  Result<std::optional<CommandRecord>> Command(std::string_view id) const;
  Status PutCommand(std::string_view id, const CommandRecord& record);
  Result<std::optional<std::string>> Case(std::string_view case_id) const;
  // With `append`, case_id sorts after every stored case (MDB_APPEND: no B-tree search).
  Status PutCase(std::string_view case_id, std::string_view projection, bool append = false);
  Status ScanCases(const std::function<bool(std::string_view, std::string_view)>& visit) const;
  Result<std::optional<SubjectRecord>> Subject(std::string_view subject_id) const;
  Status PutSubject(std::string_view subject_id, const SubjectRecord& record);
  Status ScanSubjects(const std::function<bool(std::string_view, SubjectRecord)>& visit) const;
  Result<std::optional<std::string>> Meta(std::string_view key) const;
  Status PutMeta(std::string_view key, std::string_view value);
  Status DeleteMeta(std::string_view key);
  // The access log (store_access.cc): who was shown whose data, chained like the events.
  uint64_t LastAccessPosition() const;
  std::string AccessHead() const;  // prevHash for the next record
  // Appends `record` (its position and prevHash already set to LastAccessPosition()+1 and
  // AccessHead()) and indexes it under `subject_id` when that is not empty.
  Status AppendAccess(capnp::MessageBuilder& record, std::string_view subject_id);
  Result<std::optional<EventView>> Access(uint64_t position) const;
  // Records with position >= from, in order, until `visit` returns false.
  Status ScanAccess(uint64_t from, const std::function<bool(uint64_t, EventView&)>& visit) const;
  // Positions of the records about `subject_id`, in order.
  Result<std::vector<uint64_t>> AccessPositionsOf(std::string_view subject_id) const;

  // Entries of each database, for integrity checks.
  struct Counts {
    uint64_t events, case_events, commands, cases, subjects, access, access_subjects;
  };
  Counts Count() const;
  // Empties the derived databases (cases, subjects) for a rebuild.
  Status DropProjections();

  LmdbTxn& raw() { return *txn_; }

 private:
  // The entries of a chained log (events, access) from `from` on; `entry` names one in errors.
  Status ScanLog(MDB_dbi dbi, const char* entry, uint64_t from,
                 const std::function<bool(uint64_t, EventView&)>& visit) const;

  const Store& store_;
  std::unique_ptr<LmdbTxn> txn_;
  mutable std::optional<uint64_t> position_;  // the log's last position, once read or appended
  mutable std::optional<std::string> head_;   // the hash of the last event, likewise
  bool appended_ = false;             // position_ and head_ must reach meta on commit
  mutable std::optional<uint64_t> access_position_;  // the access log's, likewise
  mutable std::optional<std::string> access_head_;
};

class Store {
 public:
  // With `write_map` (for `rmc rebuild`: one transaction that rewrites every projection), dirty
  // pages stay in the file's map instead of the heap (lmdb_env.h).
  static Result<std::unique_ptr<Store>> Open(const std::string& dir, bool create, bool read_only,
                                             bool write_map = false);
  Result<std::unique_ptr<StoreTxn>> Read() const;
  // Runs `body` in one write transaction and commits it; when the map is full, grows the map
  // and runs `body` again from the start (so `body` must not have effects outside the txn).
  Status Write(const std::function<Status(StoreTxn&)>& body);
  const LmdbEnv& env() const { return *env_; }
  const std::string& dir() const { return dir_; }

 private:
  friend class StoreTxn;
  std::string dir_;
  std::unique_ptr<LmdbEnv> env_;
  MDB_dbi events_, case_events_, commands_, cases_, subjects_, meta_, access_, access_subjects_;
};

}  // namespace rmc
