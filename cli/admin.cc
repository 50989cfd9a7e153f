// rmc init, rmc config, rmc verify, rmc rebuild.
#include <cstdio>

#include "audit/verify.h"
#include "context.h"

namespace rmc::cli {

void RegisterInit(CLI::App& app, Globals& g, int& exit_code) {
  struct Options {
    std::string region;
    int max_age = 23;
  };
  auto o = std::make_shared<Options>();
  auto* sub = app.add_subcommand("init", "create a ledger (refuses to overwrite an existing one)");
  sub->add_option("--region", o->region, "the region's name");
  sub->add_option("--max-age", o->max_age, "the RMC serves youths until this birthday (23 or 27)")
      ->check(CLI::IsMember({23, 27}));
  sub->callback([&g, &exit_code, o] {
    std::map<std::string, std::string> settings{{"max_age", std::to_string(o->max_age)}};
    if (!o->region.empty()) settings["region"] = o->region;
    auto ledger = Ledger::Create(g.Paths(), settings, g.actor);
    if (!ledger.ok()) {
      exit_code = Fail(g, ledger.status());
      return;
    }
    g.recorded = "the ledger was created at " + g.ledger + "; rmc verify checks it";
    if (g.json) PrintJson({{"ok", true}, {"ledger", g.ledger}});
    else std::printf("created ledger %s (keystore %s)\n", g.ledger.c_str(), g.Paths().keystore.c_str());
  });
}

void RegisterConfig(CLI::App& app, Globals& g, int& exit_code) {
  auto args = std::make_shared<std::vector<std::string>>();
  auto* sub = app.add_subcommand("config", "show the region settings, one setting, or change one");
  sub->add_option("key_value", *args, "KEY [VALUE]")->expected(0, 2);
  sub->callback([&g, &exit_code, args] {
    auto ledger = OpenOrFail(g, exit_code);
    if (!ledger) return;
    auto all = ledger->settings().All();
    if (args->size() < 2) {
      if (args->size() == 1 && !all.count((*args)[0])) {
        exit_code = Fail(g, Status(Code::kUsage, "unknown setting '" + (*args)[0] + "'"));
        return;
      }
      Json j = Json::object();
      for (const auto& [k, v] : all)
        if (args->empty() || k == (*args)[0]) j[k] = v;
      if (g.json) PrintJson(j);
      else for (const auto& [k, v] : j.items()) std::printf("%s = %s\n", k.c_str(), v.get<std::string>().c_str());
      return;
    }
    auto s = ledger->ChangeSetting((*args)[0], (*args)[1], g.actor, g.Role());
    if (s.ok()) g.recorded = "the setting was changed; rmc config " + (*args)[0] + " shows it";
    if (!s.ok()) exit_code = Fail(g, s);
    else if (g.json) PrintJson({{"ok", true}, {(*args)[0], (*args)[1]}});
  });
}

void RegisterVerify(CLI::App& app, Globals& g, int& exit_code) {
  auto* verify = app.add_subcommand("verify", "check the hash chain and every index and projection against the events (exit 6 on a mismatch)");
  verify->callback([&g, &exit_code] {
    // A damaged file is what verify looks for: an integrity failure (exit 6), as a mismatch is.
    auto fail = [&](const Status& s) {
      exit_code = Fail(g, IsDamaged(s) ? Status(Code::kIntegrity, s.message()) : s);
    };
    auto ledger = Ledger::Open(g.Paths());
    if (!ledger.ok()) return fail(ledger.status());
    auto report = Verify((*ledger)->store());
    if (report.ok()) {
      // Under the write lock (after completing a pending erasure), so that an erasure running
      // meanwhile cannot make the ledger and the keystore disagree for a moment; a ledger this
      // user cannot write (a read-only copy) is checked without it.
      bool locked = false;
      auto check = [&] { return CheckKeystore((*ledger)->store(), (*ledger)->keystore(), *report); };
      Status s = (*ledger)->Exclusive([&] { locked = true; return check(); });
      if (!locked) s = check();
      if (!s.ok()) report = s;
    }
    if (!report.ok()) return fail(report.status());
    bool ok = report->problems.empty();
    if (g.json) {
      PrintJson({{"ok", ok}, {"events", report->events}, {"cases", report->cases},
                 {"access_records", report->access_records}, {"keys", report->keys},
                 {"erasures_pending", report->erasures_pending}, {"problems", report->problems}});
    } else {
      for (const auto& p : report->problems) std::printf("MISMATCH %s\n", p.c_str());
      if (report->erasures_pending)
        std::printf("pending: %llu erasure(s) recorded whose keys the next write to the ledger deletes\n",
                    (unsigned long long)report->erasures_pending);
      std::printf("%s: %llu events, %llu cases, %llu access records%s\n", ok ? "ok" : "FAILED",
                  (unsigned long long)report->events, (unsigned long long)report->cases,
                  (unsigned long long)report->access_records,
                  ok ? "; chains, indexes and projections match" : "");
    }
    if (!ok) exit_code = 6;
  });
  auto check = std::make_shared<bool>(false);
  auto* rebuild = app.add_subcommand("rebuild", "rebuild every projection from the events");
  rebuild->add_flag("--check", *check, "compare the stored projections with the events; write nothing (exit 6 on a mismatch)");
  rebuild->callback([&g, &exit_code, check] {
    if (auto s = Permit(g.Role(), *check ? Action::kVerify : Action::kRebuild); !s.ok())
      return void(exit_code = Fail(g, s));
    Result<VerifyReport> report = VerifyReport();
    if (*check) {
      auto ledger = OpenOrFail(g, exit_code);
      if (!ledger) return;
      report = Rebuild(ledger->store(), true);
    } else {
      auto store = OpenStoreForRebuild(g.Paths());
      if (!store.ok()) return void(exit_code = Fail(g, store.status()));
      report = Rebuild(**store, false);
    }
    if (!report.ok()) {
      exit_code = Fail(g, report.status());
      return;
    }
    bool ok = report->problems.empty();
    if (g.json) PrintJson({{"ok", ok}, {"cases", report->cases}, {"problems", report->problems}});
    else {
      for (const auto& p : report->problems) std::printf("MISMATCH %s\n", p.c_str());
      std::printf("%s %llu cases\n", *check ? (ok ? "checked" : "FAILED") : "rebuilt",
                  (unsigned long long)report->cases);
    }
    if (!ok) exit_code = 6;
  });
}

}  // namespace rmc::cli
