// rmc show, rmc list, rmc history, rmc events: the read side. Each runs in a read session
// (src/ledger/read_session.h); the rows come from src/views/, and this file prints them.
#include <poll.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <set>
#include <thread>

#include "base/json_writer.h"
#include "context.h"
#include "domain/routing.h"
#include "ledger/pseudonym_export.h"
#include "privacy/erased_subjects.h"
#include "replay/as_of.h"
#include "store/read_ahead.h"
#include "terminal_text.h"
#include "views/case_lists.h"
#include "views/case_view.h"
#include "views/event_json.h"
#include "views/plain_language.h"
#include "views/event_stream.h"

namespace rmc::cli {
namespace {

// Whether standard output is a pipe whose reading end was closed (`rmc events --follow | head`),
// so that a quiet follower ends without waiting for its next write to fail.
bool ReaderGone() {
  pollfd out{STDOUT_FILENO, 0, 0};
  return ::poll(&out, 1, 0) > 0 && (out.revents & (POLLERR | POLLHUP));
}

// How much of the change feed is written at once.
constexpr size_t kFeedChunk = 1 << 20;

// Asks for the memory of `event` and of the events after it, before the feed reads them all, so
// that their cache misses overlap instead of coming one after another. LMDB fills a leaf page
// from its end down: the next events of a scan lie just below this one.
void PrefetchNextEvents(std::string_view event) {
  constexpr size_t kLine = 64, kBelow = 1024;
  for (size_t i = 0; i < event.size(); i += kLine) __builtin_prefetch(event.data() + i);
  for (size_t i = kLine; i <= kBelow; i += kLine) __builtin_prefetch(event.data() - i);
}

std::string Bytes(capnp::Data::Reader d) { return {reinterpret_cast<const char*>(d.begin()), d.size()}; }

std::string Str(const Json& j) {
  if (j.is_null()) return "-";
  if (j.is_string()) return j.get<std::string>();
  return DumpJson(j);
}

void PrintSummary(const Json& v) {
  std::printf("%s  %s  (version %s)\n", Str(v["case"]).c_str(), Str(v["status"]).c_str(),
              Str(v["version"]).c_str());
  const Json& s = v["subject"];
  std::printf("jongere      %s%s%s\n", Str(s.value("name", Json(s.value("ref", Json("-"))))).c_str(),
              s.contains("birth_date") ? ("  geb. " + Str(s["birth_date"])).c_str() : "",
              v["erased"].get<bool>() ? "  [persoonsgegevens gewist]" : "");
  std::printf("doelgroep    %s\n", Str(v["target_group"]).c_str());
  std::printf("consulent    %s\n", Str(v["consulent"]).c_str());
  if (v.contains("close_reason"))
    std::printf("afgesloten   %s: %s\n", Str(v["closed_on"]).c_str(),
                CloseReasonLabel(Str(v["close_reason"])).c_str());
  if (v.value("in_beeld", Json(false)).is_boolean() && v["in_beeld"].get<bool>())
    std::printf("in beeld     de jongere wordt na het afsluiten in beeld gehouden\n");
  if (!v.value("previous_cases", Json::array()).empty())
    std::printf("eerder       %s\n", Str(v["previous_cases"]).c_str());
  std::set<int> done = v["steps_done"].get<std::set<int>>();
  int next = v["next_step"].is_null() ? 0 : v["next_step"].get<int>();
  std::printf("\nroutekaart\n");
  for (int i = 1; i <= 13; ++i) {
    if (i == 1 || PhaseOf(i) != PhaseOf(i - 1)) std::printf("  %d %s\n", PhaseOf(i), PhaseName(PhaseOf(i)));
    const char* mark = i == next ? ">>" : done.count(i) ? "x " : "  ";
    std::printf("     [%s] %2d %s\n", mark, i, StepName(i));
  }
  if (!v["deviations"].empty()) {
    std::printf("\nafwijkingen\n");
    for (const auto& d : v["deviations"])
      std::printf("  %s  %s %s->%s: %s (%s)\n", Str(d["at"]).substr(0, 10).c_str(), RuleLabel(Str(d["rule"])).c_str(),
                  Str(d["from_step"]).c_str(), Str(d["to_step"]).c_str(), Str(d["reason"]).c_str(),
                  Str(d["actor"]).c_str());
  }
  if (!v["deadlines"].empty()) {
    std::printf("\ntermijnen\n");
    for (const auto& d : v["deadlines"])
      std::printf("  %-36s %s%s\n", DeadlineLabel(Str(d["code"])).c_str(), Str(d["due"]).c_str(),
                  d["overdue"].get<bool>() ? "  VERLOPEN" : d["met"].get<bool>() ? "  gehaald" : "");
  }
  std::printf("\ninformatie (§1.2) ontbreekt: %s\n",
              v["info_completeness"]["missing"].empty() ? "niets" : DumpJson(v["info_completeness"]["missing"]).c_str());
}

}  // namespace

void RegisterShow(CLI::App& app, Globals& g, int& exit_code) {
  struct Options {
    std::string case_id, as_of;
  };
  auto o = std::make_shared<Options>();
  auto* sub = app.add_subcommand("show", "the case view: state, route, deviations, deadlines");
  sub->add_option("case", o->case_id, "the case")->required();
  sub->add_option("--as-of", o->as_of, "the view as it was at a position or an ISO date/time of recording");
  sub->callback([&g, &exit_code, o] {
    auto session = BeginRead(g, {"show", Action::kReadCases, true}, exit_code);
    if (!session) return;
    auto ledger = OpenOrFail(g, exit_code);
    if (!ledger) return;
    auto txn = ledger->store().Read();
    if (!txn.ok()) return void(exit_code = Fail(g, txn.status()));
    Result<CaseState> state = Status(Code::kUnknownCase, "");
    auto today = Today();
    if (!today.ok()) return void(exit_code = Fail(g, today.status()));
    AsOf until;  // now, unless --as-of
    if (o->as_of.empty()) {
      state = ledger->LoadCase(**txn, o->case_id);
    } else {
      // As of a point, the deadlines are those of that point's day, not of today.
      auto as_of = ParseAsOf(o->as_of);
      if (!as_of.ok()) return void(exit_code = Fail(g, as_of.status()));
      Nanos then = 0;
      state = CaseAsOf(**txn, o->case_id, *as_of, &then);
      *today = LocalDate(then);
      until = *as_of;
    }
    if (!state.ok()) return void(exit_code = Fail(g, state.status()));
    PseudonymExport pseudonymous(*session);
    ViewOptions view{nullptr, *today, until.position, until.recorded};
    if (session->pseudonymize()) {
      auto form = pseudonymous.Form(*ledger, **txn, *state);
      if (!form.ok()) return void(exit_code = Fail(g, form.status()));
      view.pseudonymous = *form;
    }
    auto v = CaseView(*ledger, **txn, *state, view);
    if (!v.ok()) return void(exit_code = Fail(g, v.status()));
    if (auto s = session->AccountCases(*ledger, {{state->case_id, state->subject}}); !s.ok())
      return void(exit_code = Fail(g, s));
    if (g.json || !isatty(1)) {
      if (g.json) PrintJson(*v);
      else std::printf("%s\n", DumpJson(*v, 2).c_str());
    } else {
      PrintSummary(*v);
    }
  });
}

void RegisterList(CLI::App& app, Globals& g, int& exit_code) {
  auto o = std::make_shared<ListFilter>();
  auto* sub = app.add_subcommand("list", "cases, one line each (filterable)");
  sub->add_option("--status", o->status, "open, nazorg or afgesloten")->check(CLI::IsMember({"open", "nazorg", "afgesloten"}));
  sub->add_option("--phase", o->phase, "phase 1-5")->check(CLI::Range(1, 5));
  sub->add_option("--target-group", o->target_group, "target group code");
  sub->add_option("--consulent", o->consulent, "assigned consultant");
  sub->add_flag("--overdue", o->overdue, "only cases with an overdue deadline");
  sub->callback([&g, &exit_code, o] {
    auto session = BeginRead(g, {"list", Action::kReadCases, true}, exit_code);
    if (!session) return;
    auto ledger = OpenOrFail(g, exit_code);
    if (!ledger) return;
    auto today = Today();
    if (!today.ok()) return void(exit_code = Fail(g, today.status()));
    PseudonymExport pseudonymous(*session);
    auto list = ListCases(*ledger, *o, *today, session->pseudonymize() ? &pseudonymous.pseudonyms() : nullptr);
    if (!list.ok()) return void(exit_code = Fail(g, list.status()));
    std::vector<CaseRef> read = list->cases;
    read.insert(read.end(), list->consulted.begin(), list->consulted.end());
    if (auto a = session->AccountCases(*ledger, read); !a.ok()) return void(exit_code = Fail(g, a));
    const Json& rows = list->rows;
    if (g.json) return PrintJson(rows);
    std::printf("%-12s %-10s %5s %4s %-16s %-12s %s\n", "case", "status", "phase", "step", "target group", "consulent", "");
    for (const auto& r : rows)
      std::printf("%-12s %-10s %5s %4s %-16s %-12s %s\n", Str(r["case"]).c_str(), Str(r["status"]).c_str(),
                  Str(r["phase"]).c_str(), Str(r["step"]).c_str(), Str(r["target_group"]).c_str(),
                  Str(r["consulent"]).c_str(),
                  (std::string(r["overdue"].get<bool>() ? "overdue " : "") +
                   (r["in_beeld"].get<bool>() ? "in beeld" : ""))
                      .c_str());
  });
}

void RegisterHistory(CLI::App& app, Globals& g, int& exit_code) {
  auto case_id = std::make_shared<std::string>();
  auto* sub = app.add_subcommand("history", "every event of a case, in order, with actor, times and ground");
  sub->add_option("case", *case_id, "the case")->required();
  sub->callback([&g, &exit_code, case_id] {
    auto session = BeginRead(g, {"history", Action::kReadCases, true}, exit_code);
    if (!session) return;
    auto ledger = OpenOrFail(g, exit_code);
    if (!ledger) return;
    auto txn = ledger->store().Read();
    if (!txn.ok()) return void(exit_code = Fail(g, txn.status()));
    auto positions = (*txn)->CasePositions(*case_id);
    if (!positions.ok()) return void(exit_code = Fail(g, positions.status()));
    if (positions->empty()) return void(exit_code = Fail(g, Status(Code::kUnknownCase, "no case " + *case_id)));
    auto state = ledger->LoadCase(**txn, *case_id);
    if (!state.ok()) return void(exit_code = Fail(g, state.status()));
    if (auto s = session->AccountCases(*ledger, {{state->case_id, state->subject}}); !s.ok())
      return void(exit_code = Fail(g, s));
    PseudonymExport pseudonymous(*session);
    const PseudonymForm* form = nullptr;
    if (session->pseudonymize()) {
      auto f = pseudonymous.Form(*ledger, **txn, *state);
      if (!f.ok()) return void(exit_code = Fail(g, f.status()));
      form = *f;
    }
    const RenderOptions render = session->render(form);
    Json all = Json::array();
    for (uint64_t p : *positions) {
      auto view = (*txn)->Event(p);
      if (!view.ok() || !*view) return void(exit_code = Fail(g, LedgerError("missing event")));
      auto e = (*view)->event();
      auto personal = session->Unseal(*ledger, e);
      if (!personal.ok()) return void(exit_code = Fail(g, personal.status()));
      Json j = EventToJson(e, *personal ? &**personal : nullptr, render, IsErasedSubject(ledger->unsealer(), e));
      if (g.json) {
        all.push_back(std::move(j));
        continue;
      }
      // The day it occurred as the case view shows it: the local Dutch date, not the UTC one
      // (or the day number of the pseudonymised form).
      const std::string day =
          form ? "dag " + Str(j["occurred_at"]) : FormatDate(LocalDate(e.getOccurredAt()));
      const std::string reason = j.contains("reason") ? "  reason: " + Str(j["reason"]) : "";
      std::printf("%6s  v%-3s %-10s %-20s %-14s %-22s%s\n", Str(j["position"]).c_str(),
                  Str(j["version"]).c_str(), day.c_str(), Str(j["type"]).c_str(),
                  TerminalText(Str(j["actor"])).c_str(),
                  Str(j["processing_activity"]["code"]).c_str(), TerminalText(reason).c_str());
      std::printf("        %s\n", DumpJson(j["data"]).c_str());
    }
    if (g.json) PrintJson(all);
  });
}

// Long on purpose: the feed's rounds (--follow), its chunks and their accounting share the writer,
// the buffer and the set of youths already accounted for.
void RegisterEvents(CLI::App& app, Globals& g, int& exit_code) {
  struct Options {
    uint64_t since = 1;
    bool personal = false;
    bool follow = false;
  };
  auto o = std::make_shared<Options>();
  auto* sub = app.add_subcommand("events", "the change feed: every event as JSON Lines, in global order");
  sub->add_option("--since", o->since, "start at this position (default 1)")
      ->check(CLI::Validator(
          [](const std::string& v) {
            return !v.empty() && v.find_first_not_of("0123456789") == std::string::npos
                       ? std::string()
                       : "expected a position (a whole number), not " + v;
          },
          "POSITION"));
  sub->add_flag("--personal", o->personal, "include personal fields (an accounted read)");
  sub->add_flag("--follow", o->follow, "keep running and print new events as they are committed");
  sub->callback([&g, &exit_code, o] {
    auto session = BeginRead(
        g, {"events", o->personal ? Action::kReadPersonalFeed : Action::kReadFeed, o->personal}, exit_code);
    if (!session) return;
    // Lines go straight into one buffer, handed to stdout in large chunks. A pseudonymised
    // feed (the evaluator's) renders each event in the form of its case, kept for the run.
    EventWriter writer(session->personal_fields());
    PseudonymExport pseudonymous(*session);
    JsonWriter out(kFeedChunk + (64 << 10));
    uint64_t next = std::max<uint64_t>(o->since, 1);
    bool first_round = true;
    std::set<std::string> accounted;  // case and subject of each youth already accounted for
    for (;;) {
      // Opened per round when following: an erasure by another process replaces the
      // keystore file, and only a fresh open sees that the key is gone.
      auto ledger = OpenOrFail(g, exit_code);
      if (!ledger) return;
      auto txn = ledger->store().Read();
      if (!txn.ok()) return void(exit_code = Fail(g, txn.status()));
      Status failure;
      // The first round reads the log from --since on: worth a second core (read_ahead.h). A
      // follower's later rounds read a few new events each.
      std::optional<ReadAhead> ahead;
      if (first_round) ahead.emplace(ledger->store(), next);
      first_round = false;
      ErasedSubjects erased(ledger->keystore());
      // With --personal, each youth whose fields a chunk shows is accounted for before the chunk
      // is written, once per command.
      std::vector<Shown> unaccounted;
      auto flush = [&]() -> Status {
        if (auto a = session->Account(*ledger, unaccounted); !a.ok()) return a;
        unaccounted.clear();
        out.FlushTo(stdout);
        return Status::Ok();
      };
      auto s = (*txn)->ScanEvents(next, [&](uint64_t position, EventView& view) {
        PrefetchNextEvents(view.bytes());
        auto e = view.event();
        std::optional<Unsealed> personal;
        if (o->personal) {
          auto u = session->Unseal(*ledger, e);
          if (!u.ok()) {
            failure = u.status();
            return false;
          }
          personal = std::move(*u);
          if (personal && e.hasSubject()) {
            std::string key = std::string(e.getCaseId().cStr()) + '\n' + Bytes(e.getSubject());
            if (accounted.insert(std::move(key)).second)
              unaccounted.push_back({e.getCaseId().cStr(), Bytes(e.getSubject()), schema::AccessResult::OK});
          }
        }
        if (session->pseudonymize()) {
          auto form = pseudonymous.Form(*ledger, **txn, e.getCaseId().cStr());
          if (!form.ok()) {
            failure = form.status();
            return false;
          }
          out.Raw(DumpJson(EventToJson(e, personal ? &*personal : nullptr, session->render(*form), erased(e))));
        } else {
          writer.Write(e, personal ? &*personal : nullptr, erased(e), out);
        }
        out.Char('\n');
        if (out.size() >= kFeedChunk) failure = flush();
        next = position + 1;
        if (ahead) ahead->Reached(position);
        return failure.ok();
      });
      ahead.reset();
      // Before an error line, and before a follower sleeps; never what could not be accounted for.
      if (failure.ok()) failure = flush();
      if (!s.ok() || !failure.ok()) return void(exit_code = Fail(g, s.ok() ? failure : s));
      if (!o->follow) return;
      if (std::fflush(stdout) != 0 || std::ferror(stdout) || ReaderGone()) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  });
}

}  // namespace rmc::cli
