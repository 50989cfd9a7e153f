// rmc stats: the figures a coordinator reports (src/domain/stats.h), in one pass over the stored case
// projections. Only the store is opened, never the keystore: the command cannot unseal
// anything, so every role may run it, without --purpose.
#include "domain/stats.h"

#include <cstdio>
#include <string>

#include "context.h"
#include "domain/routing.h"

namespace rmc::cli {
namespace {

// The figures of every case on `today`, read in one read transaction.
Result<Stats> CountCases(const Globals& g, Days today) {
  auto store = Store::Open(g.ledger, /*create=*/false, /*read_only=*/true);
  if (!store.ok()) return store.status();
  auto txn = (*store)->Read();
  if (!txn.ok()) return txn.status();
  auto encoded = (*txn)->Meta("settings");
  if (!encoded.ok()) return encoded.status();
  const Settings settings = *encoded ? Settings::Decode(**encoded) : Settings();
  StatsCounter counter(today, settings);
  Status failure;
  auto s = (*txn)->ScanCases([&](std::string_view, std::string_view bytes) {
    failure = counter.Add(bytes);
    return failure.ok();
  });
  if (!s.ok()) return s;
  if (!failure.ok()) return failure;
  return counter.stats();
}

uint64_t N(const Json& j) { return j.get<uint64_t>(); }

void Line(int indent, const std::string& label, const Json& count, const std::string& more = "") {
  std::printf("%*s%-*s %8llu%s\n", indent, "", 36 - indent, label.c_str(),
              (unsigned long long)N(count), more.c_str());
}

void PrintQuality(const Json& q) {
  std::printf(
      "\nkwaliteit van de meldingen (§1.2): getrieerde dossiers, onvolledig, ontbrekend per "
      "item\n");
  std::printf("  %-26s %9s %10s", "kanaal (eerste melding)", "getrieerd", "onvolledig");
  for (int item = 1; item <= kInfoItemCount; ++item)
    std::printf(" %6s", ("(" + std::to_string(item) + ")").c_str());
  std::printf("\n");
  auto row = [](const std::string& label, const Json& r) {
    std::printf("  %-26s %9llu %10llu", label.c_str(), (unsigned long long)N(r["triaged"]),
                (unsigned long long)N(r["incomplete"]));
    for (const auto& [item, count] : r["missing"].items())
      std::printf(" %6llu", (unsigned long long)N(count));
    std::printf("\n");
  };
  row("alle kanalen", q);
  for (const auto& [channel, r] : q["channel"].items())
    if (N(r["triaged"]) > 0) row(channel, r);
  std::printf("  items:");
  int item = 0;
  for (const auto& [name, count] : q["missing"].items())
    std::printf(" (%d) %s", ++item, name.c_str());
  std::printf("\n");
}

// The figures as a readable report, with Dutch labels like `rmc show`.
void PrintText(const Json& j) {
  std::printf("RMC-cijfers op %s\n\n", j["date"].get<std::string>().c_str());
  Line(0, "dossiers", j["cases"]);
  for (const auto& [status, count] : j["status"].items()) Line(2, status, count);
  Line(0, "heropend", j["reopened"]["cases"],
       "  (" + std::to_string(N(j["reopened"]["times"])) + " keer)");

  std::printf("\n%-36s %8s %8s\n", "doelgroep", "totaal", "open");
  for (const auto& [group, count] : j["target_group"].items())
    std::printf(
        "  %-34s %8llu %8llu\n", group == "untriaged" ? "nog niet getrieerd" : group.c_str(),
        (unsigned long long)N(count), (unsigned long long)N(j["open"]["target_group"][group]));

  std::printf("\nopen dossiers per fase en stap\n");
  for (int phase = 1; phase <= 5; ++phase) {
    Line(2, std::to_string(phase) + " " + PhaseName(phase),
         j["open"]["phase"][std::to_string(phase)]);
    for (int step = 1; step <= kStepCount; ++step)
      if (PhaseOf(step) == phase)
        Line(6, std::to_string(step) + " " + StepName(step),
             j["open"]["step"][std::to_string(step)]);
  }

  std::printf("\n");
  Line(0, "afgesloten, per reden", j["closed"]["cases"]);
  for (const auto& [reason, count] : j["closed"]["close_reason"].items()) Line(2, reason, count);

  std::printf("\n");
  Line(0, "dossiers met afwijkingen", j["deviations"]["cases"]);
  for (const auto& d : j["deviations"]["route"]) {
    auto step = [](const Json& s) {
      return s.is_null() ? std::string("-") : std::to_string(s.get<int>());
    };
    Line(2, "stap " + step(d["from_step"]) + " -> " + step(d["to_step"]), d["count"]);
  }
  for (const auto& [rule, count] : j["deviations"]["rules"].items())
    Line(2, "regel " + rule, count);

  std::printf("\ninstroom per kanaal (eerste melding)\n");
  for (const auto& [channel, count] : j["channel"].items())
    if (N(count) > 0) Line(2, channel == "unknown" ? "onbekend" : channel, count);
  PrintQuality(j["report_quality"]);

  std::printf("\n");
  Line(0, "JIKP", j["jikp"]["cases"]);
  for (const auto& [perspective, count] : j["jikp"]["perspective"].items())
    Line(2, perspective == "none" ? "geen perspectief" : "perspectief " + perspective, count);
  Line(0, "melding met verzuim", j["absence"]["cases"]);
  Line(2, "waarvan verzuim-18plus", j["absence"]["verzuim_18plus"]);
  Line(0, "contactpoging gedaan", j["contact"]["attempted"]);
  Line(2, "jongere bereikt", j["contact"]["reached"]);
  Line(0, "afgesloten zonder contact", j["contact"]["closed_without_contact"]);
  Line(0, "oppakken te laat (pickup verlopen)", j["overdue"]["pickup"]);
}

}  // namespace

void RegisterStats(CLI::App& app, Globals& g, int& exit_code) {
  auto* sub = app.add_subcommand(
      "stats", "the figures a coordinator reports: pseudonymous counts over every case");
  sub->callback([&g, &exit_code] {
    if (!BeginRead(g, {"stats", Action::kStats, false}, exit_code)) return;
    auto today = Today();
    if (!today.ok()) return void(exit_code = Fail(g, today.status()));
    auto stats = CountCases(g, *today);
    if (!stats.ok()) return void(exit_code = Fail(g, stats.status()));
    Json j = StatsJson(*stats);
    if (g.json) return PrintJson(j);
    PrintText(j);
  });
}

}  // namespace rmc::cli
