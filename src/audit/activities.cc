#include "audit/activities.h"

#include <capnp/message.h>
#include <capnp/serialize.h>

#include <algorithm>
#include <map>

#include "base/names.h"
#include "codec/stored_message.h"
#include "projection.capnp.h"

namespace rmc {
namespace {

constexpr const char* kRmcTask =
    "RMC-functie: Wet educatie en beroepsonderwijs (WEB), Leerplichtwet 1969 en de Regeling "
    "regionale aanpak voortijdig schoolverlaten (ook de monitoring van jongeren in een kwetsbare "
    "positie)";
constexpr const char* kRetention =
    "persoonsgegevens gewist zodra beide termijnen verstreken zijn: retention_after_age_years na "
    "de leeftijdsgrens (max_age) en retention_after_end_years na het einde van de laatste case "
    "(rmc retention); feiten zonder persoonsgegevens blijven voor verantwoording en statistiek";

ActivityRegister MakeDefaults() {
  const std::vector<std::string> all = {"contactgegevens", "verzuim", "onderwijs", "werk",
                                        "inkomen", "gezin", "huisvesting", "plan", "zorg",
                                        "justitie"};
  const std::vector<std::string> partners = {"school", "gemeente", "leerplicht", "zorg", "uwv",
                                             "jeugdhulp"};
  using G = schema::LegalGround;
  ActivityRegister r;
  // First: the registrations of the others are recorded under it.
  r.Add({"rmc-verantwoording", 0, "Verantwoording",
         "verantwoorden wie welke persoonsgegevens wanneer en waarom verwerkte: het register, "
         "het toegangslog, correcties, wissen en bewaartermijnen",
         G::WETTELIJKE_VERPLICHTING,
         "AVG art. 5 lid 2 en art. 30 (verantwoordingsplicht), art. 17 (wissen)",
         "het toegangslog en de gebeurtenissen zonder persoonsgegevens zolang het grootboek "
         "bestaat; persoonsgegevens als bij de andere verwerkingen",
         {"contactgegevens"}, {"toezichthouder"}});
  r.Add({"rmc-signalering", 0, "Signalering en registratie",
         "signalen over jongeren zonder startkwalificatie en over verzuim van 18-plussers "
         "ontvangen, beoordelen en vastleggen (routekaart stap 1-3)",
         G::WETTELIJKE_TAAK, kRmcTask, kRetention, {"contactgegevens", "verzuim", "onderwijs"},
         {}});
  r.Add({"rmc-trajectbegeleiding", 0, "Trajectbegeleiding",
         "jongeren begeleiden naar school, werk of zorg: intake, inventarisatie, plan van aanpak, "
         "uitvoering en monitoring (routekaart stap 4-10)",
         G::WETTELIJKE_TAAK, kRmcTask, kRetention, all, partners});
  r.Add({"rmc-nazorg", 0, "Nazorg en afsluiting",
         "de case afsluiten en nagaan of de jongere op zijn plek blijft (routekaart stap 11)",
         G::WETTELIJKE_TAAK, kRmcTask, kRetention, {"contactgegevens", "onderwijs", "werk", "plan"},
         {"school"}});
  r.Add({"rmc-evaluatie", 0, "Terugkoppeling en evaluatie",
         "terugkoppelen aan partners en leren van afgesloten cases; leersessies alleen "
         "gepseudonimiseerd (routekaart stap 12-13)",
         G::WETTELIJKE_TAAK, kRmcTask, kRetention, {"verzuim", "onderwijs", "werk", "plan"},
         {"school", "gemeente"}});
  r.Add({"rmc-begeleiding-23-27", 0, "Begeleiding 23 tot 27 jaar",
         "jongeren van 23 tot 27 jaar begeleiden waar de regio dat doet: een bovenwettelijke "
         "doelgroep zonder wettelijke grondslag (routekaart, Aanleiding), dus alleen met "
         "toestemming van de jongere",
         G::TOESTEMMING, "", kRetention, all, partners});
  return r;
}

bool IsCodeChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

}  // namespace

const ActivityRegister& ActivityRegister::Defaults() {
  static const ActivityRegister defaults = MakeDefaults();
  return defaults;
}

const Activity* ActivityRegister::Current(std::string_view code) const {
  for (auto it = versions_.rbegin(); it != versions_.rend(); ++it)
    if (it->code == code) return &*it;
  return nullptr;
}

const Activity* ActivityRegister::Find(std::string_view code, uint32_t version) const {
  for (const Activity& a : versions_)
    if (a.code == code && a.version == version) return &a;
  return nullptr;
}

Result<uint32_t> ActivityRegister::VersionInForce(std::string_view code) const {
  if (const Activity* a = Current(code)) return a->version;
  std::string known;
  for (const Activity* a : Latest()) known += (known.empty() ? "" : ", ") + a->code;
  return InvalidInput("processing_activity: no activity '" + std::string(code) +
                      "' in the register; expected one of " + known + " (rmc audit activities)");
}

bool ActivityRegister::Has(std::string_view code, uint32_t version) const {
  const Activity* current = Current(code);
  return current && version >= 1 && version <= current->version;
}

std::vector<const Activity*> ActivityRegister::Latest() const {
  std::map<std::string_view, const Activity*> latest;
  for (const Activity& a : versions_) latest[a.code] = &a;
  std::vector<const Activity*> out;
  for (const auto& [code, a] : latest) out.push_back(a);
  return out;
}

Status ActivityRegister::Check(const Activity& a, const Settings& settings) const {
  if (a.code.empty() || a.code.size() > 64 || !std::all_of(a.code.begin(), a.code.end(), IsCodeChar))
    return InvalidInput("code: expected 1-64 lower-case letters, digits and '-' (e.g. rmc-nazorg)");
  if (a.name.empty()) return InvalidInput("name: say what the activity is called");
  if (a.purpose.empty()) return InvalidInput("purpose: say what the data is processed for");
  if (a.retention.empty()) return InvalidInput("retention: say how long the data is kept");
  // Flags hold the bytes the shell gave; the register is ledger content, read as UTF-8.
  for (const auto& [field, text] :
       {std::pair{"name", &a.name}, {"purpose", &a.purpose},
        {"statutory_basis", &a.statutory_basis}, {"retention", &a.retention}})
    if (!IsUtf8(*text))
      return InvalidInput(std::string(field) + ": not valid UTF-8; expected text in UTF-8");
  for (const auto& c : a.recipient_categories)
    if (!IsUtf8(c))
      return InvalidInput("recipient_categories: not valid UTF-8; expected text in UTF-8");
  for (const auto& c : a.data_categories)
    if (!settings.IsCategory(c))
      return InvalidInput("data_categories: unknown category '" + c +
                          "'; expected one of the data categories (rmc config categories adds a region's own)");
  return Status::Ok();
}

const Activity& ActivityRegister::Add(Activity entry) {
  const Activity* current = Current(entry.code);
  entry.version = current ? current->version + 1 : 1;
  versions_.push_back(std::move(entry));
  return versions_.back();
}

Status ActivityRegister::Apply(schema::ActivityRegistered::Reader event) {
  Activity a = FromEvent(event);
  const Activity* current = Current(a.code);
  const uint32_t expected = current ? current->version + 1 : 1;
  if (a.version != expected)
    return LedgerError("register: " + a.code + " version " + std::to_string(a.version) +
                       " follows version " + std::to_string(expected - 1));
  versions_.push_back(std::move(a));
  return Status::Ok();
}

std::string ActivityRegister::Encode() const {
  capnp::MallocMessageBuilder message;
  auto list = message.initRoot<schema::ActivityRegister>().initVersions(versions_.size());
  for (size_t i = 0; i < versions_.size(); ++i) ToEvent(versions_[i], list[i]);
  auto words = capnp::messageToFlatArray(message);
  return {words.asChars().begin(), words.asChars().size()};
}

Result<ActivityRegister> ActivityRegister::Decode(std::string_view bytes) {
  if (bytes.size() % sizeof(capnp::word) != 0) return LedgerError("meta register: not a message");
  StoredMessage message(bytes);
  return Decoding(
      [&]() -> Result<ActivityRegister> {
        ActivityRegister r;
        for (auto v : message.Root<schema::ActivityRegister>().getVersions())
          r.versions_.push_back(FromEvent(v));
        return r;
      },
      [](const kj::Exception& e) -> Result<ActivityRegister> {
        return LedgerError(std::string("meta register: ") + e.getDescription().cStr());
      });
}

void ToEvent(const Activity& a, schema::ActivityRegistered::Builder out) {
  out.setCode(a.code);
  out.setVersion(a.version);
  out.setName(a.name);
  out.setPurpose(a.purpose);
  out.setLegalGround(a.legal_ground);
  if (!a.statutory_basis.empty()) out.setStatutoryBasis(a.statutory_basis);
  out.setRetention(a.retention);
  auto data = out.initDataCategories(a.data_categories.size());
  for (size_t i = 0; i < a.data_categories.size(); ++i) data.set(i, a.data_categories[i]);
  auto recipients = out.initRecipientCategories(a.recipient_categories.size());
  for (size_t i = 0; i < a.recipient_categories.size(); ++i) recipients.set(i, a.recipient_categories[i]);
}

Activity FromEvent(schema::ActivityRegistered::Reader e) {
  Activity a{e.getCode().cStr(),      e.getVersion(),      e.getName().cStr(),
             e.getPurpose().cStr(),   e.getLegalGround(),  e.getStatutoryBasis().cStr(),
             e.getRetention().cStr(), {},                  {}};
  for (auto c : e.getDataCategories()) a.data_categories.emplace_back(c.cStr());
  for (auto c : e.getRecipientCategories()) a.recipient_categories.emplace_back(c.cStr());
  return a;
}

const char* ActivityFor(schema::Payload::Which type) {
  using P = schema::Payload;
  switch (type) {
    case P::CASE_OPENED:
    case P::CASE_REOPENED:
    case P::SIGNAL_RECEIVED:
    case P::DOSSIER_REVIEWED:
    case P::TRIAGED: return "rmc-signalering";
    case P::CASE_CLOSED:
    case P::AFTERCARE_CHECKED:
    case P::AFTERCARE_ENDED: return "rmc-nazorg";
    case P::FEEDBACK_GIVEN:
    case P::CASE_EVALUATED: return "rmc-evaluatie";
    case P::LEDGER_CREATED:
    case P::SETTING_CHANGED:
    case P::ACTIVITY_REGISTERED:
    case P::EVENT_CORRECTED:
    case P::SUBJECT_ERASED: return "rmc-verantwoording";
    default: return "rmc-trajectbegeleiding";
  }
}

const char* ActivityForRead(schema::Role role, std::string_view action) {
  if (action.starts_with("audit ") || action == "retention" || action == "subject export")
    return "rmc-verantwoording";
  if (action == "replay --select" || action == "lessons") return "rmc-evaluatie";  // learning sessions
  switch (role) {
    case schema::Role::EVALUATOR: return "rmc-evaluatie";
    case schema::Role::AUDITOR:
    case schema::Role::SYSTEM: return "rmc-verantwoording";
    default: return "rmc-trajectbegeleiding";
  }
}

std::string LegalGroundName(schema::LegalGround ground) {
  using G = schema::LegalGround;
  switch (ground) {
    case G::TOESTEMMING: return "toestemming (AVG 6.1.a)";
    case G::OVEREENKOMST: return "overeenkomst (AVG 6.1.b)";
    case G::WETTELIJKE_VERPLICHTING: return "wettelijke-verplichting (AVG 6.1.c)";
    case G::VITAAL_BELANG: return "vitaal-belang (AVG 6.1.d)";
    case G::WETTELIJKE_TAAK: return "wettelijke-taak (AVG 6.1.e)";
    case G::GERECHTVAARDIGD_BELANG: return "gerechtvaardigd-belang (AVG 6.1.f)";
  }
  return "unknown";
}

}  // namespace rmc
