// rmc audit disclosures: every disclosure of a youth's data to a partner (src/audit/disclosures.h), with
// the four thinking steps of §2.2. Each disclosure says something about one youth, so showing it
// is a logged read: one access record per case shown.
#include <cstdio>

#include "base/hex.h"
#include "audit/disclosures.h"
#include "base/private_file.h"
#include "context.h"

namespace rmc::cli {
namespace {

// A value of the listing as text: "-" for null, lists joined with commas.
std::string OrDash(const Json& j) {
  if (j.is_array()) {
    std::string out;
    for (const auto& item : j) out += (out.empty() ? "" : ",") + OrDash(item);
    return out;
  }
  return j.is_null() ? "-" : j.is_string() ? j.get<std::string>() : DumpJson(j);
}

// The day of a disclosure as the case view and history show it: the local Dutch date of the
// time it occurred (the JSON keeps the time as recorded, in UTC).
std::string LocalDay(const Json& date) {
  if (!date.is_string()) return "-";
  auto t = ParseTime(date.get<std::string>());
  return t.ok() ? FormatDate(LocalDate(t->ns)) : "-";
}

// The listing as a table: a line per disclosure, then its thinking steps indented.
std::string Table(const Json& rows) {
  std::string out;
  char line[1024];
  std::snprintf(line, sizeof line, "%-8s %-10s %-12s %-20s %-18s %s\n", "position", "date", "case",
                "partner", "grondslag", "categories");
  out += line;
  for (const auto& r : rows) {
    std::snprintf(line, sizeof line, "%-8s %-10s %-12s %-20s %-18s %s\n",
                  OrDash(r["position"]).c_str(), LocalDay(r["date"]).c_str(),
                  OrDash(r["case"]).c_str(), OrDash(r["partner"]).c_str(),
                  OrDash(r["grondslag"]).c_str(), OrDash(r["categories"]).c_str());
    out += line;
    if (r.value("kind", "") == "feedback")
      out += "         feedback: results fed back in step 12 (no thinking steps of its own)\n";
    else
      for (const char* step : {"doel", "proportionaliteit", "subsidiariteit"}) {
        const bool gone = r[step].is_null() && r["erased"].get<bool>();
        out += std::string("         ") + step + ": " + (gone ? "(erased)" : OrDash(r[step])) + "\n";
      }
    out += "         by: " + OrDash(r["actor"]) + " (" + OrDash(r["role"]) + ")\n";
    if (!r["corrections"].empty()) out += "         corrected by: " + OrDash(r["corrections"]) + "\n";
  }
  return out;
}

}  // namespace

void RegisterAuditDisclosures(CLI::App& app, Globals& g, int& exit_code) {
  struct Options {
    std::string subject, partner, output;
  };
  auto o = std::make_shared<Options>();
  auto* sub =
      AuditGroup(app)
          .add_subcommand("disclosures",
                          "every disclosure to a partner: each share with its four thinking "
                          "steps, and each partner given feedback in step 12 (a logged read)");
  sub->add_option("--subject", o->subject, "only disclosures about this youth (their ref)");
  sub->add_option("--partner", o->partner,
                  "only disclosures to this partner (the name as recorded)");
  sub->add_option("--output", o->output, "write to FILE (mode 0600) instead of standard output");
  sub->callback([&g, &exit_code, o] {
    auto session = BeginRead(g, {"audit disclosures", Action::kReadDisclosures, true}, exit_code);
    if (!session) return;
    if (!o->output.empty())
      if (auto s = CheckReplaceable(o->output); !s.ok()) return void(exit_code = Fail(g, s));
    auto ledger = OpenOrFail(g, exit_code);
    if (!ledger) return;
    auto txn = ledger->store().Read();
    if (!txn.ok()) return void(exit_code = Fail(g, txn.status()));
    DisclosureFilter filter;
    filter.partner = o->partner;
    if (!o->subject.empty()) {
      auto known = KnownSubject(*ledger, **txn, o->subject);
      if (!known.ok()) return void(exit_code = Fail(g, known.status()));
      filter.subject_id = *known;
    }
    auto found = FindDisclosures(ledger->unsealer(), **txn, filter);
    if (!found.ok()) return void(exit_code = Fail(g, found.status()));
    Json rows = Json::array();
    std::vector<CaseRef> shown;
    for (const auto& d : *found) {
      Json j = DisclosureJson(d, true);
      const capnp::Data::Reader subject(reinterpret_cast<const kj::byte*>(d.subject_id.data()),
                                        d.subject_id.size());
      j["subject"] = d.subject_id.empty() ? Json(nullptr) : Json(Hex(subject));
      rows.push_back(std::move(j));
      shown.push_back({d.case_id, d.subject_id});
    }
    if (auto a = session->AccountCases(*ledger, shown); !a.ok())
      return void(exit_code = Fail(g, a));
    std::string text =
        g.json ? rows.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n" : Table(rows);
    if (o->output.empty()) {
      std::fwrite(text.data(), 1, text.size(), stdout);
      return;
    }
    if (auto w = WritePrivateFile(o->output, text); !w.ok()) exit_code = Fail(g, w);
  });
}

}  // namespace rmc::cli
