#include "views/processing_names.h"

#include <string_view>

namespace rmc {
namespace {

struct Name {
  std::string_view code, name;
};

// Every Payload member of schema/event.capnp that is about a youth or the ledger.
constexpr Name kWrites[] = {
    {"LedgerCreated", "logboek aangemaakt"},
    {"SettingChanged", "regio-instelling gewijzigd"},
    {"CaseOpened", "dossier geopend"},
    {"CaseReopened", "dossier heropend"},
    {"SignalReceived", "signaal vastgelegd"},
    {"DossierReviewed", "dossier nagelopen"},
    {"Triaged", "oordeel signalering vastgelegd"},
    {"ContactAttempted", "contactpoging vastgelegd"},
    {"IntakeScheduled", "intakegesprek ingepland"},
    {"IntakeHeld", "intakegesprek vastgelegd"},
    {"AssessmentRecorded", "inschatting van de situatie vastgelegd"},
    {"ConsentGiven", "toestemming vastgelegd"},
    {"ConsentRefused", "weigering van toestemming vastgelegd"},
    {"ConsentWithdrawn", "intrekking van toestemming vastgelegd"},
    {"DataShared", "gegevens gedeeld met een partner"},
    {"InquiryCompleted", "onderzoek afgerond"},
    {"PlanMade", "plan van aanpak vastgelegd"},
    {"PlanRevised", "plan van aanpak bijgesteld"},
    {"PlanStarted", "uitvoering van het plan gestart"},
    {"Monitored", "voortgang gevolgd"},
    {"CaseClosed", "dossier afgesloten"},
    {"AftercareChecked", "nazorgcontact vastgelegd"},
    {"AftercareEnded", "nazorg beëindigd"},
    {"FeedbackGiven", "terugkoppeling gegeven"},
    {"CaseEvaluated", "evaluatie vastgelegd"},
    {"NoteAdded", "notitie vastgelegd"},
    {"CaseAssigned", "dossier toegewezen"},
    {"EventCorrected", "eerdere vastlegging gecorrigeerd"},
    {"SubjectErased", "persoonsgegevens gewist"},
    {"StepDeviated", "afwijking van de route vastgelegd"},
    {"ActivityRegistered", "verwerkingsactiviteit geregistreerd"},
};

// Every action a ReadSession records (ReadKind::action).
constexpr Name kReads[] = {
    {"show", "dossier bekeken"},
    {"history", "geschiedenis van het dossier bekeken"},
    {"list", "overzicht van dossiers bekeken"},
    {"due", "overzicht van termijnen bekeken"},
    {"stats", "cijfers over dossiers bekeken"},
    {"events", "gegevensstroom uitgelezen"},
    {"replay", "verloop van het dossier nagelopen"},
    {"replay --select", "bundel voor een leersessie gemaakt"},
    {"replay --verify", "verloop van het dossier gecontroleerd"},
    {"lessons", "lessen uit evaluaties bekeken"},
    {"subject export", "inzageoverzicht gemaakt"},
    {"retention", "bewaartermijnen beoordeeld"},
    {"audit reads", "logboek van inzagen bekeken"},
    {"audit log", "verwerkingen van een jongere bekeken"},
    {"audit export", "logboek uitgevoerd"},
    {"audit disclosures", "verstrekkingen gecontroleerd"},
    {"audit activities", "register van verwerkingsactiviteiten bekeken"},
};

template <size_t N>
const Name* Find(const Name (&table)[N], std::string_view code) {
  for (const Name& n : table)
    if (n.code == code) return &n;
  return nullptr;
}

}  // namespace

std::string WriteProcessingName(const std::string& event_type) {
  const Name* n = Find(kWrites, event_type);
  return n ? std::string(n->name) : "gebeurtenis vastgelegd (" + event_type + ")";
}

std::string ReadProcessingName(const std::string& action) {
  const Name* n = Find(kReads, action);
  return n ? std::string(n->name) : "gegevens ingezien (" + action + ")";
}

bool HasProcessingName(const std::string& code) {
  return Find(kWrites, code) || Find(kReads, code);
}

}  // namespace rmc
