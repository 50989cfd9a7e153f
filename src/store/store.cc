#include "store/store.h"

#include <sodium.h>

#include <algorithm>
#include <cstring>

#include "base/digest.h"
#include "store/chain.h"

namespace rmc {
namespace {

std::string CaseKey(std::string_view case_id, uint32_t version) {
  std::string k(case_id);
  k += '\0';
  for (int i = 3; i >= 0; --i) k += char((version >> (8 * i)) & 0xff);
  return k;
}

std::string EncodeSubject(const SubjectRecord& r) {
  std::string v = r.erased ? "E" : "-";
  for (size_t i = 0; i < r.cases.size(); ++i) v += (i ? "," : "") + r.cases[i];
  return v;
}

SubjectRecord DecodeSubject(std::string_view v) {
  SubjectRecord r;
  r.erased = !v.empty() && v[0] == 'E';
  v.remove_prefix(v.empty() ? 0 : 1);
  while (!v.empty()) {
    size_t comma = v.find(',');
    r.cases.emplace_back(v.substr(0, comma));
    if (comma == std::string_view::npos) break;
    v.remove_prefix(comma + 1);
  }
  return r;
}

}  // namespace


Result<std::unique_ptr<Store>> Store::Open(const std::string& dir, bool create, bool read_only,
                                          bool write_map) {
  auto env = LmdbEnv::Open(dir, {"events", "case_events", "commands", "cases", "subjects", "meta",
                                 "access", "access_subjects"},
                           create, read_only, write_map);
  if (!env.ok()) return env.status();
  std::unique_ptr<Store> s(new Store);
  s->dir_ = dir;
  s->env_ = std::move(*env);
  s->events_ = s->env_->dbi("events");
  s->case_events_ = s->env_->dbi("case_events");
  s->commands_ = s->env_->dbi("commands");
  s->cases_ = s->env_->dbi("cases");
  s->subjects_ = s->env_->dbi("subjects");
  s->meta_ = s->env_->dbi("meta");
  s->access_ = s->env_->dbi("access");
  s->access_subjects_ = s->env_->dbi("access_subjects");
  return s;
}

Result<std::unique_ptr<StoreTxn>> Store::Read() const {
  auto txn = LmdbTxn::Begin(*env_, false);
  if (!txn.ok()) return txn.status();
  return std::make_unique<StoreTxn>(*this, std::move(*txn));
}

Status Store::Write(const std::function<Status(StoreTxn&)>& body) {
  for (;;) {
    Status s;
    {
      auto txn = LmdbTxn::Begin(*env_, true);
      if (!txn.ok()) return txn.status();
      StoreTxn st(*this, std::move(*txn));
      s = body(st);
      if (s.ok()) s = st.Commit();
    }
    if (!IsMapFull(s)) return s;
    if (auto g = env_->Grow(); !g.ok()) return g;
  }
}

Status StoreTxn::Commit() {
  if (appended_) {
    if (auto s = txn_->Put(store_.meta_, "head", *head_); !s.ok()) return s;
    if (auto s = txn_->Put(store_.meta_, "position", U64Key(*position_)); !s.ok()) return s;
  }
  return txn_->Commit();
}

uint64_t StoreTxn::LastPosition() const {
  if (!position_) {
    auto v = txn_->Get(store_.meta_, "position");
    position_ = v.ok() && *v ? ReadU64(**v) : 0;
  }
  return *position_;
}

std::string StoreTxn::ChainHead() const {
  if (!head_) {
    auto v = txn_->Get(store_.meta_, "head");
    if (v.ok() && *v) {
      head_ = std::string(**v);
    } else {
      auto id = txn_->Get(store_.meta_, "ledger_id");
      head_ = Genesis(Chain::kEvents, id.ok() && *id ? **id : std::string_view());
    }
  }
  return *head_;
}

Result<uint64_t> StoreTxn::Append(capnp::MessageBuilder& event, std::string_view case_id,
                                  uint32_t version) {
  uint64_t position = LastPosition() + 1;
  auto words = capnp::messageToFlatArray(event);
  auto bytes = words.asChars();
  auto dest = txn_->Reserve(store_.events_, U64Key(position), bytes.size(), MDB_APPEND);
  if (!dest.ok()) return dest.status();
  std::memcpy(*dest, bytes.begin(), bytes.size());
  std::string_view stored(bytes.begin(), bytes.size());
  head_ = Blake2b(stored);
  position_ = position;
  appended_ = true;
  if (!case_id.empty())
    if (auto s = txn_->Put(store_.case_events_, CaseKey(case_id, version), U64Key(position),
                           MDB_NOOVERWRITE);
        !s.ok())
      return s;
  return position;
}

Result<std::optional<EventView>> StoreTxn::Event(uint64_t position) const {
  auto v = txn_->Get(store_.events_, U64Key(position));
  if (!v.ok()) return v.status();
  if (!*v) return std::optional<EventView>();
  return std::optional<EventView>(std::in_place, **v);
}

Status StoreTxn::ScanEvents(uint64_t from,
                            const std::function<bool(uint64_t, EventView&)>& visit) const {
  return ScanLog(store_.events_, "event", from, visit);
}

Status StoreTxn::ScanLog(MDB_dbi dbi, const char* entry, uint64_t from,
                         const std::function<bool(uint64_t, EventView&)>& visit) const {
  Status damaged;
  auto s = txn_->Scan(dbi, U64Key(from), [&](std::string_view k, std::string_view v) {
    // A damaged entry ends the scan with an error that names it.
    EventView view(v);
    return Decoding([&] { return visit(ReadU64(k), view); },
                    [&](const kj::Exception& e) {
                      damaged = Undecodable(entry + (" " + std::to_string(ReadU64(k))), e);
                      return false;
                    });
  });
  return s.ok() ? damaged : s;
}

Result<std::vector<uint64_t>> StoreTxn::CasePositions(std::string_view case_id) const {
  std::vector<uint64_t> out;
  std::string prefix(case_id);
  prefix += '\0';
  auto s = txn_->Scan(store_.case_events_, prefix, [&](std::string_view k, std::string_view v) {
    if (k.substr(0, prefix.size()) != prefix) return false;
    out.push_back(ReadU64(v));
    return true;
  });
  if (!s.ok()) return s;
  return out;
}

Status StoreTxn::ScanCaseIndex(const std::function<bool(std::string_view, uint64_t)>& visit) const {
  return txn_->Scan(store_.case_events_, "", [&](std::string_view k, std::string_view v) {
    return visit(k.substr(0, k.find('\0')), ReadU64(v));
  });
}

Result<std::optional<CommandRecord>> StoreTxn::Command(std::string_view id) const {
  auto v = txn_->Get(store_.commands_, id);
  if (!v.ok()) return v.status();
  if (!*v || (*v)->size() != 48) return std::optional<CommandRecord>();
  return std::optional<CommandRecord>(
      CommandRecord{ReadU64(**v), ReadU64((*v)->substr(8)), std::string((*v)->substr(16))});
}

Status StoreTxn::PutCommand(std::string_view id, const CommandRecord& r) {
  return txn_->Put(store_.commands_, id, U64Key(r.first) + U64Key(r.last) + r.hash);
}

Result<std::optional<std::string>> StoreTxn::Case(std::string_view case_id) const {
  auto v = txn_->Get(store_.cases_, case_id);
  if (!v.ok()) return v.status();
  if (!*v) return std::optional<std::string>();
  return std::optional<std::string>(std::string(**v));
}

Status StoreTxn::PutCase(std::string_view case_id, std::string_view projection, bool append) {
  return txn_->Put(store_.cases_, case_id, projection, append ? MDB_APPEND : 0);
}

Status StoreTxn::ScanCases(const std::function<bool(std::string_view, std::string_view)>& visit) const {
  return txn_->Scan(store_.cases_, "", visit);
}

Result<std::optional<SubjectRecord>> StoreTxn::Subject(std::string_view subject_id) const {
  auto v = txn_->Get(store_.subjects_, subject_id);
  if (!v.ok()) return v.status();
  if (!*v) return std::optional<SubjectRecord>();
  return std::optional<SubjectRecord>(DecodeSubject(**v));
}

Status StoreTxn::PutSubject(std::string_view subject_id, const SubjectRecord& r) {
  return txn_->Put(store_.subjects_, subject_id, EncodeSubject(r));
}

Status StoreTxn::ScanSubjects(
    const std::function<bool(std::string_view, SubjectRecord)>& visit) const {
  return txn_->Scan(store_.subjects_, "", [&](std::string_view k, std::string_view v) {
    return visit(k, DecodeSubject(v));
  });
}

Result<std::optional<std::string>> StoreTxn::Meta(std::string_view key) const {
  auto v = txn_->Get(store_.meta_, key);
  if (!v.ok()) return v.status();
  if (!*v) return std::optional<std::string>();
  return std::optional<std::string>(std::string(**v));
}

Status StoreTxn::PutMeta(std::string_view key, std::string_view value) {
  return txn_->Put(store_.meta_, key, value);
}

Status StoreTxn::DeleteMeta(std::string_view key) { return txn_->Delete(store_.meta_, key); }

StoreTxn::Counts StoreTxn::Count() const {
  return {txn_->Count(store_.events_), txn_->Count(store_.case_events_), txn_->Count(store_.commands_),
          txn_->Count(store_.cases_), txn_->Count(store_.subjects_), txn_->Count(store_.access_),
          txn_->Count(store_.access_subjects_)};
}

Status StoreTxn::DropProjections() {
  if (auto s = txn_->Drop(store_.cases_); !s.ok()) return s;
  return txn_->Drop(store_.subjects_);
}

}  // namespace rmc
