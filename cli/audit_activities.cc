// rmc audit activities: the register of processing activities (AVG art. 30), and
// rmc audit register-activity: a new version of one of its entries (activities.h). The register
// holds no personal data: every role may read it, without --purpose, and reading it is not
// logged.
#include <cstdio>

#include "codec/schema_info.h"
#include "context.h"

namespace rmc::cli {
namespace {

const std::string& GroundCode(schema::LegalGround ground) {
  return schema_info::EnumCode(capnp::Schema::from<schema::LegalGround>().getEnumerants()[uint16_t(ground)]);
}

Json ActivityJson(const Activity& a) {
  return {{"code", a.code},
          {"version", a.version},
          {"name", a.name},
          {"purpose", a.purpose},
          {"legal_ground", GroundCode(a.legal_ground)},
          {"statutory_basis", a.statutory_basis.empty() ? Json(nullptr) : Json(a.statutory_basis)},
          {"retention", a.retention},
          {"data_categories", a.data_categories},
          {"recipient_categories", a.recipient_categories}};
}

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out.empty() ? "-" : out;
}

void PrintActivity(const Activity& a) {
  std::printf("%s (version %u): %s\n", a.code.c_str(), a.version, a.name.c_str());
  std::printf("  doel:         %s\n", a.purpose.c_str());
  std::printf("  grondslag:    %s%s%s\n", LegalGroundName(a.legal_ground).c_str(),
              a.statutory_basis.empty() ? "" : "; ", a.statutory_basis.c_str());
  std::printf("  bewaartermijn: %s\n", a.retention.c_str());
  std::printf("  gegevens:     %s\n", Joined(a.data_categories).c_str());
  std::printf("  ontvangers:   %s\n", Joined(a.recipient_categories).c_str());
}

void PrintActivities(const Globals& g, const std::vector<const Activity*>& activities) {
  if (g.json) {
    Json out = Json::array();
    for (const Activity* a : activities) out.push_back(ActivityJson(*a));
    return PrintJson(out);
  }
  for (const Activity* a : activities) PrintActivity(*a);
}

}  // namespace

void RegisterAuditActivities(CLI::App& app, Globals& g, int& exit_code) {
  CLI::App& audit = AuditGroup(app);

  auto all = std::make_shared<bool>(false);
  auto* list = audit.add_subcommand("activities", "the register of processing activities (AVG art. 30): the version in force of each");
  list->add_flag("--all", *all, "every version ever registered, oldest first");
  list->callback([&g, &exit_code, all] {
    if (!BeginRead(g, {"audit activities", Action::kReadRegister, false}, exit_code)) return;
    auto ledger = OpenOrFail(g, exit_code);
    if (!ledger) return;
    std::vector<const Activity*> shown;
    if (*all)
      for (const Activity& a : ledger->activities().versions()) shown.push_back(&a);
    else
      shown = ledger->activities().Latest();
    PrintActivities(g, shown);
  });

  struct Options {
    std::string code, name, purpose, legal_ground, statutory_basis, retention;
    std::vector<std::string> data_categories, recipient_categories;
  };
  auto o = std::make_shared<Options>();
  auto* reg = audit.add_subcommand(
      "register-activity",
      "register a new version of an activity (a new code starts at version 1); fields not given "
      "are kept from the version in force (roles coordinator, system)");
  reg->add_option("--code", o->code, "the activity's code, e.g. rmc-nazorg")->required();
  reg->add_option("--name", o->name, "its name");
  reg->add_option("--processing-purpose", o->purpose, "what the data is processed for");
  reg->add_option("--legal-ground", o->legal_ground,
                  "AVG art. 6(1): " + schema_info::EnumCodes(capnp::Schema::from<schema::LegalGround>()));
  reg->add_option("--statutory-basis", o->statutory_basis, "the task or obligation in law the ground rests on");
  reg->add_option("--retention", o->retention, "how long the data is kept");
  reg->add_option("--data-categories", o->data_categories, "data categories (comma-separated)")->delimiter(',');
  reg->add_option("--recipient-categories", o->recipient_categories, "who may receive the data (comma-separated)")->delimiter(',');
  reg->callback([&g, &exit_code, o, reg] {
    if (auto s = Permit(g.Role(), Action::kChangeRegister); !s.ok()) return void(exit_code = Fail(g, s));
    auto ledger = OpenOrFail(g, exit_code);
    if (!ledger) return;
    const Activity* current = ledger->activities().Current(o->code);
    Activity entry = current ? *current : Activity{};
    entry.code = o->code;
    auto given = [&](const char* flag) { return reg->count(flag) > 0; };
    if (given("--name")) entry.name = o->name;
    if (given("--processing-purpose")) entry.purpose = o->purpose;
    if (given("--statutory-basis")) entry.statutory_basis = o->statutory_basis;
    if (given("--retention")) entry.retention = o->retention;
    if (given("--data-categories")) entry.data_categories = o->data_categories;
    if (given("--recipient-categories")) entry.recipient_categories = o->recipient_categories;
    if (given("--legal-ground")) {
      auto e = schema_info::EnumFromCode(capnp::Schema::from<schema::LegalGround>(), o->legal_ground);
      if (!e)
        return void(exit_code = Fail(g, InvalidInput("legal_ground: expected one of " +
                                                     schema_info::EnumCodes(capnp::Schema::from<schema::LegalGround>()))));
      entry.legal_ground = schema::LegalGround(e->getOrdinal());
    } else if (!current) {
      return void(exit_code = Fail(g, InvalidInput("legal_ground: a new activity needs --legal-ground")));
    }
    auto added = ledger->RegisterActivity(entry, g.actor, g.Role());
    if (!added.ok()) return void(exit_code = Fail(g, added.status()));
    g.recorded = "the activity was registered; rmc audit activities shows it";
    if (g.json) return PrintJson(ActivityJson(*added));
    std::printf("registered ");
    PrintActivity(*added);
  });
}

}  // namespace rmc::cli
