#include "audit/verify.h"

#include <algorithm>
#include <set>

#include "base/hex.h"
#include "access.capnp.h"
#include "audit/activities.h"
#include "codec/bytes.h"
#include "codec/json_render.h"
#include "domain/fold.h"
#include "domain/state_codec.h"
#include "store/chain.h"
#include "store/store_case_history.h"

namespace rmc {
namespace {

// Every pass below streams: memory holds one case's state and one command's run, never the
// whole ledger (a national ledger has a million cases and twenty million events).

constexpr size_t kMaxProblems = 1000;

class Problems {
 public:
  explicit Problems(VerifyReport* report) : report_(report) {}
  void Add(std::string problem) {
    if (report_ && report_->problems.size() < kMaxProblems) report_->problems.push_back(std::move(problem));
  }
  bool checking() const { return report_ != nullptr; }

 private:
  VerifyReport* report_;
};

std::string At(uint64_t position) { return "event " + std::to_string(position) + ": "; }

// Case ids are numbered in the order their cases were opened ("RMC-000009" < "RMC-000010" <
// "RMC-1000000"): a shorter id is older. The subjects index lists a subject's cases this way.
bool OpenedBefore(std::string_view a, std::string_view b) {
  return a.size() != b.size() ? a.size() < b.size() : a < b;
}

// What one case's events say about its subject.
struct CaseFacts {
  std::string subject;
  bool opened = false;  // the case has its CaseOpened
  bool erased = false;  // ... and a SubjectErased
};

// The register of processing activities as the log builds it (activities.h), and whether each
// event and access record names an activity version registered before it. Until the log
// registers anything the defaults count: `rmc init` writes LedgerCreated first, and a ledger
// written before the register was kept in the log has no registrations at all.
class RegisterFold {
 public:
  void Event(uint64_t position, schema::Event::Reader e, Problems& problems) {
    // A registration first: the register's own first entry is recorded under itself.
    if (e.getPayload().isActivityRegistered()) {
      if (auto s = folded_.Apply(e.getPayload().getActivityRegistered()); !s.ok())
        problems.Add(At(position) + s.message());
      any_ = true;
    }
    auto ref = e.getProcessingActivity();
    if (!Knows(ref.getCode().cStr(), ref.getVersion()))
      problems.Add(At(position) + "names processing activity " + ref.getCode().cStr() + " version " +
                   std::to_string(ref.getVersion()) + ", which the register did not hold then");
  }
  bool Knows(std::string_view code, uint32_t version) const {
    return (any_ ? folded_ : ActivityRegister::Defaults()).Has(code, version);
  }
  // meta/register against the fold.
  Status CheckMeta(StoreTxn& txn, Problems& problems) const {
    auto stored = txn.Meta("register");
    if (!stored.ok()) return stored.status();
    if (any_ ? (!*stored || **stored != folded_.Encode()) : bool(*stored))
      problems.Add("meta: the register of processing activities does not match the ActivityRegistered events");
    return Status::Ok();
  }

 private:
  ActivityRegister folded_;
  bool any_ = false;
};

// The log in position order: no gaps, the hash chain, the stored positions, the meta counters
// and the commands index (a command's events are consecutive, so one run at a time).
Status CheckChain(StoreTxn& txn, Problems& problems, VerifyReport& report, uint64_t& case_events,
                  RegisterFold& activities) {
  uint64_t runs = 0;
  struct Run {
    std::string command;
    uint64_t first = 0, last = 0;
  } run;
  Status failure;
  auto end_run = [&]() {
    if (run.command.empty()) return;
    ++runs;
    auto record = txn.Command(run.command);
    if (!record.ok()) failure = record.status();
    else if (!*record || (*record)->first != run.first || (*record)->last != run.last)
      problems.Add("commands: the record of command " + run.command + " does not match the log");
  };
  auto end = WalkChain(txn, Chain::kEvents, [&](const ChainLink& link) {
    const uint64_t position = link.position;
    ++report.events;
    if (position != link.expected) problems.Add(At(position) + "gap in positions, expected " + std::to_string(link.expected));
    if (!link.decoded) {
      problems.Add(At(position) + "cannot be decoded: " + link.damage);
      return true;
    }
    if (!link.linked) problems.Add(At(position) + "hash chain broken (prevHash does not match the event before)");
    if (link.named_position != position) problems.Add(At(position) + "stored under another position than it names");
    Decoding(
        [&] {
          auto e = link.view.event();
          activities.Event(position, e, problems);
          if (e.hasCaseId() && e.getCaseId().size() > 0) {
            ++case_events;
            if (e.getCommandId() != run.command) {
              end_run();
              run = {e.getCommandId(), position, position};
            } else {
              run.last = position;
            }
          }
        },
        [&](const kj::Exception& ex) {
          problems.Add(At(position) + "cannot be decoded: " + ex.getDescription().cStr());
        });
    return failure.ok();
  });
  if (!end.ok()) return end.status();
  end_run();
  if (!failure.ok()) return failure;
  auto stored_head = txn.Meta("head");
  if (!stored_head.ok()) return stored_head.status();
  if (*stored_head && **stored_head != end->head) problems.Add("meta: the chain head does not match the last event");
  if (txn.LastPosition() != end->position) problems.Add("meta: the position counter does not match the log");
  if (auto st = activities.CheckMeta(txn, problems); !st.ok()) return st;
  if (txn.Count().commands != runs)
    problems.Add("commands: " + std::to_string(txn.Count().commands) + " records for " + std::to_string(runs) +
                 " commands in the log");
  return Status::Ok();
}

// Folds every case along the case index, each in version order, and hands `done` the state and
// facts after the case's last event. When checking, also proves the index against the events.
Status FoldCases(StoreTxn& txn, Problems& problems,
                 const std::function<Status(const CaseState&, const CaseFacts&)>& done) {
  CaseState state;
  CaseFacts facts;
  Status failure;
  StoreCaseHistory history(txn);  // a correction folds its case again
  auto finish = [&]() -> Status {
    if (state.case_id.empty()) return Status::Ok();
    return done(state, facts);
  };
  auto s = txn.ScanCaseIndex([&](std::string_view case_id, uint64_t position) {
    if (case_id != state.case_id) {
      if (failure = finish(); !failure.ok()) return false;
      state = CaseState();
      state.case_id = case_id;
      facts = CaseFacts();
    }
    auto view = txn.Event(position);
    if (!view.ok()) {
      failure = view.status();
      return false;
    }
    std::string at = "case_events: " + state.case_id + " version " + std::to_string(state.version + 1) + ": ";
    if (!*view) {
      if (!problems.checking()) {
        failure = LedgerError("case_events points past the log; run rmc verify");
        return false;
      }
      problems.Add(at + "points at position " + std::to_string(position) + ", which the log does not hold");
      return true;
    }
    return Decoding(
        [&] {
          auto e = (*view)->event();
          if (problems.checking() && (std::string_view(e.getCaseId().cStr()) != case_id || e.getVersion() != state.version + 1))
            problems.Add(at + "points at position " + std::to_string(position) + ", which holds " +
                         std::string(e.getCaseId().cStr()) + " version " + std::to_string(e.getVersion()));
          if (auto folded = Apply(state, e, history); !folded.ok()) {
            if (!problems.checking()) {
              failure = folded;
              return false;
            }
            problems.Add(At(position) + "the correction cannot be folded: " + folded.message());
          }
          state.case_id = case_id;  // the index decides which case is being folded
          auto payload = e.getPayload();
          if (payload.isCaseOpened()) {
            facts.opened = true;
            facts.subject = Bytes(e.getSubject());
          }
          if (payload.isSubjectErased()) {
            facts.erased = true;
            facts.subject = Bytes(e.getSubject());
          }
          return true;
        },
        [&](const kj::Exception& ex) {
          if (!problems.checking()) {  // a rebuild does not fold around a damaged event
            failure = Undecodable("event " + std::to_string(position), ex);
            return false;
          }
          problems.Add(At(position) + "cannot be decoded: " + ex.getDescription().cStr());
          return true;
        });
  });
  if (!s.ok()) return s;
  if (!failure.ok()) return failure;
  return finish();
}

// Compares the stored projections with the folds, case by case, and the subjects index with
// what the cases' events say. Reads only.
Status CheckProjections(StoreTxn& txn, Problems& problems, VerifyReport& report,
                        uint64_t* case_events) {
  uint64_t opened = 0, indexed = 0;
  std::set<std::string> erased;  // subjects with a SubjectErased: few
  auto s = FoldCases(txn, problems, [&](const CaseState& state, const CaseFacts& facts) -> Status {
    ++report.cases;
    indexed += state.version;
    auto stored = txn.Case(state.case_id);
    if (!stored.ok()) return stored.status();
    if (!*stored) {
      problems.Add("cases: " + state.case_id + " has events but no projection");
    } else {
      auto decoded = DecodeCaseState(**stored);
      if (!decoded.ok() || !(*decoded == state))
        problems.Add("cases: the projection of " + state.case_id + " does not match its events");
    }
    if (facts.erased) erased.insert(facts.subject);
    if (!facts.opened && !facts.erased) return Status::Ok();
    opened += facts.opened;
    auto record = txn.Subject(facts.subject);
    if (!record.ok()) return record.status();
    bool listed = *record && std::count((*record)->cases.begin(), (*record)->cases.end(), state.case_id) == 1;
    if ((facts.opened && !listed) || (facts.erased && !(*record && (*record)->erased)))
      problems.Add("subjects: the entry of the subject of " + state.case_id + " does not match its events");
    return Status::Ok();
  });
  if (!s.ok()) return s;
  auto counts = txn.Count();
  if (counts.cases != report.cases)
    problems.Add("cases: " + std::to_string(counts.cases) + " projections for " + std::to_string(report.cases) +
                 " cases with events");
  if (case_events && counts.case_events != *case_events)
    problems.Add("case_events: indexes " + std::to_string(counts.case_events) + " events, the log holds " +
                 std::to_string(*case_events) + " events of cases");
  if (counts.case_events != indexed) problems.Add("case_events: entries outside any case's version order");
  // Each case was found in its subject's entry above; the entries must list nothing else.
  uint64_t listed = 0, erased_entries = 0;
  s = txn.ScanSubjects([&](std::string_view id, SubjectRecord r) {
    listed += r.cases.size();
    if (r.erased && !erased.count(std::string(id))) problems.Add("subjects: an entry is marked erased without an erasure");
    erased_entries += r.erased;
    if (!std::is_sorted(r.cases.begin(), r.cases.end(), OpenedBefore))
      problems.Add("subjects: an entry does not list its cases oldest first");
    return true;
  });
  if (!s.ok()) return s;
  if (listed != opened) problems.Add("subjects: the entries list " + std::to_string(listed) + " cases, the log opened " + std::to_string(opened));
  if (erased_entries != erased.size()) problems.Add("subjects: entries are missing");
  return Status::Ok();
}

// Adds the case to its subject's entry (oldest first) and marks an erasure: the same entry the
// write path keeps, built one case at a time.
Status IndexSubject(StoreTxn& txn, const CaseState& state, const CaseFacts& facts) {
  if (!facts.opened && !facts.erased) return Status::Ok();
  auto stored = txn.Subject(facts.subject);
  if (!stored.ok()) return stored.status();
  SubjectRecord record = *stored ? std::move(**stored) : SubjectRecord();
  if (facts.opened) {
    auto at = std::lower_bound(record.cases.begin(), record.cases.end(), state.case_id, OpenedBefore);
    if (at == record.cases.end() || *at != state.case_id) record.cases.insert(at, state.case_id);
  }
  record.erased |= facts.erased;
  return txn.PutSubject(facts.subject, record);
}

// The access log in position order: no gaps, its own hash chain, the stored positions, and the
// index by youth holding exactly the records that name a youth.
Status CheckAccessLog(StoreTxn& txn, Problems& problems, VerifyReport& report,
                      const RegisterFold& activities) {
  uint64_t with_subject = 0;
  Status failure;
  auto end = WalkChain(txn, Chain::kAccess, [&](const ChainLink& link) {
    const uint64_t position = link.position;
    const std::string at = "access record " + std::to_string(position) + ": ";
    ++report.access_records;
    if (position != link.expected) problems.Add(at + "gap in positions, expected " + std::to_string(link.expected));
    if (!link.decoded) {
      problems.Add(at + "cannot be decoded: " + link.damage);
      return true;
    }
    if (!link.linked) problems.Add(at + "hash chain broken (prevHash does not match the record before)");
    if (link.named_position != position) problems.Add(at + "stored under another position than it names");
    Decoding(
        [&] {
          auto r = link.view.Root<schema::AccessRecord>();
          auto ref = r.getProcessingActivity();
          if (!activities.Knows(ref.getCode().cStr(), ref.getVersion()))
            problems.Add(at + "names processing activity " + ref.getCode().cStr() + " version " +
                         std::to_string(ref.getVersion()) + ", which the register does not hold");
          if (r.getSubject().size() > 0) {
            ++with_subject;
            auto indexed = txn.AccessPositionsOf(Bytes(r.getSubject()));
            if (!indexed.ok()) failure = indexed.status();
            else if (!std::binary_search(indexed->begin(), indexed->end(), position))
              problems.Add(at + "missing from the access index by youth");
          }
        },
        [&](const kj::Exception& ex) {
          problems.Add(at + "cannot be decoded: " + ex.getDescription().cStr());
        });
    return failure.ok();
  });
  if (!end.ok()) return end.status();
  if (!failure.ok()) return failure;
  if (txn.Count().access_subjects != with_subject)
    problems.Add("access_subjects: " + std::to_string(txn.Count().access_subjects) + " entries for " +
                 std::to_string(with_subject) + " records about a youth");
  return Status::Ok();
}

}  // namespace

Result<VerifyReport> Verify(Store& store) {
  auto txn = store.Read();
  if (!txn.ok()) return txn.status();
  VerifyReport report;
  Problems problems(&report);
  uint64_t case_events = 0;
  RegisterFold activities;
  if (auto s = CheckChain(**txn, problems, report, case_events, activities); !s.ok()) return s;
  if (auto s = CheckAccessLog(**txn, problems, report, activities); !s.ok()) return s;
  if (auto s = CheckProjections(**txn, problems, report, &case_events); !s.ok()) return s;
  return report;
}

Status CheckKeystore(Store& store, const Keystore& keystore, VerifyReport& report) {
  auto txn = store.Read();
  if (!txn.ok()) return txn.status();
  Problems problems(&report);
  auto pending = (*txn)->Meta("erasing");
  if (!pending.ok()) return pending.status();
  const std::string erasing = pending->value_or("");
  auto is_pending = [&](std::string_view id) {
    for (size_t at = 0; at + id.size() <= erasing.size(); at += id.size())
      if (erasing.compare(at, id.size(), id) == 0) return true;
    return false;
  };
  report.erasures_pending = erasing.size() / 16;
  auto check = keystore.CheckRecords();
  if (!check.ok()) return check.status();
  report.keys = check->keys;
  for (const auto& damaged : check->damaged) problems.Add("keystore: " + damaged);
  if (erasing.empty())
    for (const auto& left : check->leftovers) problems.Add("keystore: " + left);
  return (*txn)->ScanSubjects([&](std::string_view id, SubjectRecord record) {
    auto key = keystore.Key(id);
    if (!key.ok()) return true;  // reported above, with the record
    const std::string subject = Hex(id);
    if (record.erased && *key && !is_pending(id))
      problems.Add("keystore: subject " + subject + " is erased in the ledger but its key is still in "
                   "the keystore (run rmc subject forget for them again)");
    if (!record.erased && !*key)
      problems.Add("keystore: subject " + subject + " has no key, so their sealed data cannot be read; "
                   "the keystore is damaged or another ledger's (restore it from a backup)");
    return true;
  });
}

Result<VerifyReport> Rebuild(Store& store, bool check_only) {
  VerifyReport report;
  if (check_only) {
    auto txn = store.Read();
    if (!txn.ok()) return txn.status();
    Problems problems(&report);
    if (auto s = CheckProjections(**txn, problems, report, nullptr); !s.ok()) return s;
    return report;
  }
  // One transaction, so that readers see the old projections or the new ones, never a mix; in
  // bounded memory when the store was opened with write_map (OpenStoreForRebuild).
  Status s = store.Write([&](StoreTxn& txn) -> Status {
    report = VerifyReport();
    if (auto st = txn.DropProjections(); !st.ok()) return st;
    Problems trusting(nullptr);  // a rebuild trusts the log; verify checks it
    return FoldCases(txn, trusting, [&](const CaseState& state, const CaseFacts& facts) -> Status {
      ++report.cases;
      // The case index yields case ids in key order, so every put is an append.
      if (auto st = txn.PutCase(state.case_id, EncodeCaseState(state), true); !st.ok()) return st;
      return IndexSubject(txn, state, facts);
    });
  });
  if (!s.ok()) return s;
  return report;
}

}  // namespace rmc
