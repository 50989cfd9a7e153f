#include "peer/peer_txn.h"

#include <capnp/serialize.h>
#include <sodium.h>

#include <cstring>

#include "base/digest.h"
#include "codec/schema_info.h"
#include "peer/case_json.h"

namespace rmc::bench {
namespace {

std::vector<std::string> SplitCases(std::string_view v) {
  std::vector<std::string> out;
  while (!v.empty()) {
    size_t comma = v.find(',');
    out.emplace_back(v.substr(0, comma));
    if (comma == std::string_view::npos) break;
    v.remove_prefix(comma + 1);
  }
  return out;
}

std::string JoinCases(const std::vector<std::string>& cases) {
  std::string out;
  for (size_t i = 0; i < cases.size(); ++i) out += (i ? "," : "") + cases[i];
  return out;
}

}  // namespace

Result<uint64_t> PeerTxn::Append(capnp::MessageBuilder& message, std::string_view case_id,
                                 uint32_t version) {
  auto words = capnp::messageToFlatArray(message);
  auto bytes = words.asChars();
  std::string_view body(bytes.begin(), bytes.size());
  const std::string type = EventType(message.getRoot<schema::Event>().asReader());
  Use u(db_.put_event);
  u.Int(1, int64_t(end_.position + 1));
  if (case_id.empty()) u.Null(2).Null(3);
  else u.Text(2, case_id).Int(3, version);
  u.Text(4, type).Blob(5, body);
  if (u.Step() != SQLITE_DONE) return db_.Err("write events");
  ++end_.position;
  end_.head = Blake2b(body);
  return end_.position;
}

Result<std::optional<EventView>> PeerTxn::Event(uint64_t position) {
  Use u(db_.get_event);
  u.Int(1, int64_t(position));
  int rc = u.Step();
  if (rc == SQLITE_DONE) return std::optional<EventView>();
  if (rc != SQLITE_ROW) return db_.Err("read events");
  body_ = u.ColBlob(0);
  return std::optional<EventView>(std::in_place, body_);
}

Result<std::vector<uint64_t>> PeerTxn::CasePositions(std::string_view case_id) const {
  Use u(db_.case_positions);
  u.Text(1, case_id);
  std::vector<uint64_t> positions;
  int rc;
  while ((rc = u.Step()) == SQLITE_ROW) positions.push_back(uint64_t(u.ColInt(0)));
  if (rc != SQLITE_DONE) return db_.Err("read events");
  return positions;
}

Result<std::optional<CommandRecord>> PeerTxn::Command(std::string_view id) const {
  Use u(db_.get_command);
  u.Text(1, id);
  int rc = u.Step();
  if (rc == SQLITE_DONE) return std::optional<CommandRecord>();
  if (rc != SQLITE_ROW) return db_.Err("read commands");
  return std::optional<CommandRecord>(
      CommandRecord{uint64_t(u.ColInt(0)), uint64_t(u.ColInt(1)), std::string(u.ColBlob(2))});
}

Status PeerTxn::PutCommand(std::string_view id, const CommandRecord& r) {
  Use u(db_.put_command);
  u.Text(1, id).Int(2, int64_t(r.first)).Int(3, int64_t(r.last)).Blob(4, r.hash);
  return u.Step() == SQLITE_DONE ? Status::Ok() : db_.Err("write commands");
}

Result<std::optional<CaseState>> PeerTxn::Case(std::string_view case_id) const {
  Use u(db_.get_case);
  u.Text(1, case_id);
  int rc = u.Step();
  if (rc == SQLITE_DONE) return std::optional<CaseState>();
  if (rc != SQLITE_ROW) return db_.Err("read cases");
  auto state = CaseStateFromJson(u.ColText(0));
  if (!state.ok()) return state.status();
  return std::optional<CaseState>(std::move(*state));
}

Status PeerTxn::PutCase(const CaseState& state) {
  const std::string projection = CaseStateToJson(state);
  Use u(db_.put_case);
  u.Text(1, state.case_id).Text(2, projection);
  return u.Step() == SQLITE_DONE ? Status::Ok() : db_.Err("write cases");
}

Result<std::optional<SubjectRecord>> PeerTxn::Subject(std::string_view subject_id) const {
  Use u(db_.get_subject);
  u.Blob(1, subject_id);
  int rc = u.Step();
  if (rc == SQLITE_DONE) return std::optional<SubjectRecord>();
  if (rc != SQLITE_ROW) return db_.Err("read subjects");
  SubjectRecord r;
  r.cases = SplitCases(u.ColText(0));
  r.erased = u.ColInt(1) != 0;
  return std::optional<SubjectRecord>(std::move(r));
}

Status PeerTxn::PutSubject(std::string_view subject_id, const SubjectRecord& r) {
  const std::string cases = JoinCases(r.cases);
  Use u(db_.put_subject);
  u.Blob(1, subject_id).Text(2, cases).Int(3, r.erased ? 1 : 0);
  return u.Step() == SQLITE_DONE ? Status::Ok() : db_.Err("write subjects");
}

Result<std::optional<std::string>> PeerTxn::Meta(std::string_view key) const {
  Use u(db_.get_meta);
  u.Text(1, key);
  int rc = u.Step();
  if (rc == SQLITE_DONE) return std::optional<std::string>();
  if (rc != SQLITE_ROW) return db_.Err("read meta");
  return std::optional<std::string>(std::string(u.ColBlob(0)));
}

Status PeerTxn::PutMeta(std::string_view key, std::string_view value) {
  Use u(db_.put_meta);
  u.Text(1, key).Blob(2, value);
  return u.Step() == SQLITE_DONE ? Status::Ok() : db_.Err("write meta");
}

std::string PeerTxn::SubjectId(std::string_view ref) const {
  std::string id(16, '\0');
  crypto_generichash(reinterpret_cast<unsigned char*>(id.data()), id.size(),
                     reinterpret_cast<const unsigned char*>(ref.data()), ref.size(),
                     reinterpret_cast<const unsigned char*>(pepper_.data()), pepper_.size());
  return id;
}

Result<std::optional<SubjectKey>> PeerTxn::Key(std::string_view subject_id) {
  Use u(db_.get_key);
  u.Blob(1, subject_id);
  int rc = u.Step();
  if (rc == SQLITE_DONE) return std::optional<SubjectKey>();
  if (rc != SQLITE_ROW) return db_.Err("read keys");
  auto bytes = u.ColBlob(0);
  if (bytes.size() != sizeof(SubjectKey)) return LedgerError("a key of the wrong size in keys");
  SubjectKey key;
  std::memcpy(key.data(), bytes.data(), key.size());
  return std::optional<SubjectKey>(key);
}

Result<SubjectKey> PeerTxn::KeyOrCreate(std::string_view subject_id) {
  auto existing = Key(subject_id);
  if (!existing.ok()) return existing.status();
  if (*existing) return **existing;
  SubjectKey key = NewSubjectKey();
  Use u(db_.put_key);
  u.Blob(1, subject_id).Blob(2, std::string_view(reinterpret_cast<const char*>(key.data()), key.size()));
  if (u.Step() != SQLITE_DONE) return db_.Err("write keys");
  return key;
}

bool PeerTxn::HoldsKey(std::string_view subject_id) {
  auto key = Key(subject_id);
  return !key.ok() || *key;
}

Status PeerTxn::EraseKey(std::string_view subject_id) {
  Use u(db_.delete_key);
  u.Blob(1, subject_id);
  return u.Step() == SQLITE_DONE ? Status::Ok() : db_.Err("delete keys");
}

}  // namespace rmc::bench
