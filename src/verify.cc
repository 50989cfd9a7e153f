#include "verify.h"

#include <algorithm>
#include <map>
#include <set>

#include "fold.h"
#include "state_codec.h"

namespace rmc {
namespace {

struct Derived {
  std::map<std::string, CaseState> cases;
  std::map<std::string, SubjectRecord> subjects;
};

// Folds every event; checks the chain and the event indexes on the way when `report` is set.
Status FoldAll(StoreTxn& txn, Derived& d, VerifyReport* report) {
  std::string head;
  {
    auto id = txn.Meta("ledger_id");
    if (!id.ok()) return id.status();
    head = Blake2b(*id ? **id : "");
  }
  uint64_t expected = 1;
  std::map<std::string, std::pair<uint64_t, uint64_t>> commands;
  Status inner;
  auto problem = [&](std::string p) {
    if (report && report->problems.size() < 1000) report->problems.push_back(std::move(p));
  };
  auto s = txn.ScanEvents(1, [&](uint64_t position, EventView& view) {
    try {
      auto e = view.event();
      if (report) {  // a rebuild trusts the log; verify checks it
        std::string at = "event " + std::to_string(position) + ": ";
        if (position != expected) problem(at + "gap in positions, expected " + std::to_string(expected));
        expected = position + 1;
        std::string prev(reinterpret_cast<const char*>(e.getPrevHash().begin()), e.getPrevHash().size());
        if (prev != head) problem(at + "hash chain broken (prevHash does not match the event before)");
        head = Blake2b(view.bytes());
        if (e.getPosition() != position) problem(at + "stored under another position than it names");
      }
      std::string case_id = e.getCaseId();
      if (!case_id.empty()) {
        CaseState& state = d.cases[case_id];
        if (report && e.getVersion() != state.version + 1)
          problem("event " + std::to_string(position) + ": version " + std::to_string(e.getVersion()) +
                  " of " + case_id + " does not follow " + std::to_string(state.version));
        Apply(state, e);
        auto payload = e.getPayload();
        std::string subject(reinterpret_cast<const char*>(e.getSubject().begin()), e.getSubject().size());
        if (payload.isCaseOpened()) d.subjects[subject].cases.push_back(case_id);
        if (payload.isSubjectErased()) d.subjects[subject].erased = true;
        if (report) {
          auto& cmd = commands[e.getCommandId()];
          if (!cmd.first) cmd.first = position;
          cmd.second = position;
        }
      }
    } catch (const kj::Exception& ex) {
      problem("event " + std::to_string(position) + ": cannot be decoded: " + ex.getDescription().cStr());
    }
    if (report) ++report->events;
    return true;
  });
  if (!s.ok()) return s;
  if (report) {
    auto stored_head = txn.Meta("head");
    if (stored_head.ok() && *stored_head && **stored_head != head)
      problem("meta: the chain head does not match the last event");
    if (txn.LastPosition() != expected - 1) problem("meta: the position counter does not match the log");
    for (const auto& [id, state] : d.cases) {
      auto positions = txn.CasePositions(id);
      if (!positions.ok()) return positions.status();
      if (positions->size() != state.version)
        problem("case_events: " + id + " indexes " + std::to_string(positions->size()) +
                " events, the log holds " + std::to_string(state.version));
    }
    for (const auto& [id, range] : commands) {
      auto record = txn.Command(id);
      if (!record.ok()) return record.status();
      if (!*record || (*record)->first != range.first || (*record)->last != range.second)
        problem("commands: the record of command " + id + " does not match the log");
    }
  }
  return Status::Ok();
}

Status CompareProjections(StoreTxn& txn, const Derived& d, VerifyReport& report) {
  uint64_t stored = 0;
  Status s = txn.ScanCases([&](std::string_view id, std::string_view bytes) {
    ++stored;
    auto it = d.cases.find(std::string(id));
    auto decoded = DecodeCaseState(bytes);
    if (it == d.cases.end()) report.problems.push_back("cases: " + std::string(id) + " has no events");
    else if (!decoded.ok() || !(*decoded == it->second))
      report.problems.push_back("cases: the projection of " + std::string(id) +
                                " does not match its events");
    return true;
  });
  if (!s.ok()) return s;
  if (stored != d.cases.size())
    report.problems.push_back("cases: " + std::to_string(d.cases.size() - std::min<uint64_t>(stored, d.cases.size())) +
                              " case(s) have events but no projection");
  uint64_t subjects = 0;
  s = txn.ScanSubjects([&](std::string_view id, SubjectRecord r) {
    ++subjects;
    auto it = d.subjects.find(std::string(id));
    if (it == d.subjects.end() || it->second.cases != r.cases || it->second.erased != r.erased)
      report.problems.push_back("subjects: an index entry does not match the events");
    return true;
  });
  if (!s.ok()) return s;
  if (subjects != d.subjects.size()) report.problems.push_back("subjects: entries are missing");
  report.cases = d.cases.size();
  return Status::Ok();
}

}  // namespace

Result<VerifyReport> Verify(Store& store) {
  auto txn = store.Read();
  if (!txn.ok()) return txn.status();
  VerifyReport report;
  Derived d;
  if (auto s = FoldAll(**txn, d, &report); !s.ok()) return s;
  if (auto s = CompareProjections(**txn, d, report); !s.ok()) return s;
  return report;
}

Result<VerifyReport> Rebuild(Store& store, bool check_only) {
  VerifyReport report;
  if (check_only) {
    auto txn = store.Read();
    if (!txn.ok()) return txn.status();
    Derived d;
    if (auto s = FoldAll(**txn, d, nullptr); !s.ok()) return s;
    if (auto s = CompareProjections(**txn, d, report); !s.ok()) return s;
    return report;
  }
  // Case by case along the case index: one case's state in memory at a time, not all of them.
  Status s = store.Write([&](StoreTxn& txn) -> Status {
    report = VerifyReport();
    if (auto st = txn.DropProjections(); !st.ok()) return st;
    std::map<std::string, std::vector<std::pair<uint64_t, std::string>>> opened;  // subject
    std::set<std::string> erased;
    CaseState state;
    Status failure;
    auto flush = [&]() -> Status {
      if (state.case_id.empty()) return Status::Ok();
      ++report.cases;
      return txn.PutCase(state.case_id, EncodeCaseState(state));
    };
    auto scanned = txn.ScanCaseIndex([&](std::string_view case_id, uint64_t position) {
      if (case_id != state.case_id) {
        if (failure = flush(); !failure.ok()) return false;
        state = CaseState();
      }
      auto view = txn.Event(position);
      if (!view.ok() || !*view) {
        failure = view.ok() ? LedgerError("case_events points past the log; run rmc verify") : view.status();
        return false;
      }
      auto e = (*view)->event();
      Apply(state, e);
      std::string subject(reinterpret_cast<const char*>(e.getSubject().begin()), e.getSubject().size());
      if (e.getPayload().isCaseOpened()) opened[subject].emplace_back(position, state.case_id);
      if (e.getPayload().isSubjectErased()) erased.insert(subject);
      return true;
    });
    if (!scanned.ok()) return scanned;
    if (!failure.ok()) return failure;
    if (auto st = flush(); !st.ok()) return st;
    for (auto& [subject, cases] : opened) {
      std::sort(cases.begin(), cases.end());  // oldest first, as the writes recorded them
      SubjectRecord record;
      record.erased = erased.count(subject) > 0;
      for (auto& [position, id] : cases) record.cases.push_back(std::move(id));
      if (auto st = txn.PutSubject(subject, record); !st.ok()) return st;
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return report;
}

}  // namespace rmc
