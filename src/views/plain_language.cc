#include "views/plain_language.h"

#include <string_view>

namespace rmc {
namespace {

// The field `key` of `data` as text: codes as they are, booleans ja/nee, lists joined with commas,
// "*" as "alle partners"; empty when absent.
std::string F(const Json& data, const char* key) {
  if (!data.is_object() || !data.contains(key)) return "";
  const Json& v = data[key];
  if (v.is_string()) return v.get<std::string>() == "*" ? "alle partners" : v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "ja" : "nee";
  if (v.is_array()) {
    std::string out;
    for (const auto& item : v) {
      if (!out.empty()) out += ", ";
      out += item.is_string()
                 ? (item.get<std::string>() == "*" ? "alle partners" : item.get<std::string>())
                 : DumpJson(item);
    }
    return out;
  }
  if (v.is_null()) return "";
  return DumpJson(v);
}

// The date field `key` of `data`: as F, but a day number (the pseudonymised form) as "dag N".
std::string D(const Json& data, const char* key) {
  if (data.is_object() && data.contains(key) && data[key].is_number_integer())
    return "dag " + DumpJson(data[key]);
  return F(data, key);
}

// " (text)" or nothing.
std::string Paren(const std::string& text) { return text.empty() ? "" : " (" + text + ")"; }

using Sentence = std::string (*)(const Json& data);

struct EventSentence {
  std::string_view type;
  Sentence sentence;
};

// One row per event type: the sentence the youth reads. Only non-personal fields.
constexpr EventSentence kSentences[] = {
    {"CaseOpened", [](const Json&) -> std::string { return "Dossier geopend"; }},
    {"CaseReopened",
     [](const Json& d) -> std::string {
       const bool dropped_out = d.contains("by_aftercare_check") &&
                                d["by_aftercare_check"].is_boolean() &&
                                d["by_aftercare_check"].get<bool>();
       return dropped_out ? "Dossier heropend: tijdens de nazorg bleek de jongere uitgevallen"
                  : "Dossier heropend na een nieuw signaal";
     }},
    {"SignalReceived",
     [](const Json& d) {
       std::string absence = d.contains("absence") ? F(d["absence"], "kind") : "";
       return "Signaal ontvangen via " + F(d, "channel") + " op " + D(d, "received") +
              (absence.empty() ? "" : "; verzuim: " + absence);
     }},
    {"DossierReviewed",
     [](const Json& d) {
       std::string partners = F(d, "checked_with_partners");
       return "Dossier nagelopen; nagegaan bij de jongere: " + F(d, "checked_with_youth") +
              (partners.empty() ? "" : "; nagegaan bij: " + partners);
     }},
    {"Triaged",
     [](const Json& d) {
       return "Beoordeeld: doelgroep " + F(d, "target_group") +
              "; actie nodig: " + F(d, "action_required");
     }},
    {"ContactAttempted",
     [](const Json& d) {
       return "Contact gezocht via " + F(d, "channel") + ": " + F(d, "outcome");
     }},
    {"IntakeScheduled", [](const Json& d) { return "Intakegesprek gepland op " + D(d, "date"); }},
    {"IntakeHeld",
     [](const Json& d) {
       return "Intakegesprek gehouden op " + D(d, "date") + Paren(F(d, "participants"));
     }},
    {"AssessmentRecorded",
     [](const Json& d) { return "Leefgebieden in kaart gebracht" + Paren(F(d, "instrument")); }},
    {"ConsentGiven",
     [](const Json& d) {
       return "Toestemming gegeven om gegevens (" + F(d, "categories") + ") te delen met " +
              F(d, "partners");
     }},
    {"ConsentRefused",
     [](const Json& d) {
       return "Toestemming geweigerd om gegevens (" + F(d, "categories") + ") te delen met " +
              F(d, "partners");
     }},
    {"ConsentWithdrawn",
     [](const Json& d) {
       std::string categories = F(d, "categories");
       return "Toestemming ingetrokken voor " + F(d, "partners") +
              (categories.empty() ? " (alle gegevens)" : " (" + categories + ")");
     }},
    {"DataShared",
     [](const Json& d) {
       return "Gegevens (" + F(d, "categories") + ") gedeeld met " + F(d, "partner") +
              " op grond van " + F(d, "grondslag");
     }},
    {"InquiryCompleted", [](const Json&) -> std::string { return "Vooronderzoek afgerond"; }},
    {"PlanMade",
     [](const Json& d) { return "Plan van aanpak gemaakt" + Paren(F(d, "trajectories")); }},
    {"PlanRevised",
     [](const Json& d) { return "Plan van aanpak bijgesteld" + Paren(F(d, "trajectories")); }},
    {"PlanStarted",
     [](const Json& d) { return "Traject gestart op " + D(d, "date") + Paren(F(d, "partner")); }},
    {"Monitored", [](const Json& d) { return "Voortgang besproken: " + F(d, "status"); }},
    {"CaseClosed",
     [](const Json& d) {
       std::string until = D(d, "aftercare_until");
       return "Dossier afgesloten: " + CloseReasonLabel(F(d, "reason")) +
              (until.empty() ? "" : "; nazorg tot " + until);
     }},
    {"AftercareChecked",
     [](const Json& d) { return "Nazorg: nagegaan hoe het gaat: " + F(d, "status"); }},
    {"AftercareEnded", [](const Json&) -> std::string { return "Nazorg beëindigd"; }},
    {"FeedbackGiven",
     [](const Json& d) { return "Resultaat teruggekoppeld aan " + F(d, "partners"); }},
    {"CaseEvaluated", [](const Json&) -> std::string { return "Dossier geëvalueerd"; }},
    {"NoteAdded", [](const Json&) -> std::string { return "Notitie vastgelegd"; }},
    {"CaseAssigned", [](const Json& d) { return "Consulent toegewezen: " + F(d, "consulent"); }},
    {"EventCorrected",
     [](const Json& d) {
       std::string fields;
       for (const auto& f : d.value("fields", Json::array()))
         if (f.is_string()) fields += (fields.empty() ? "" : ", ") + CaseFieldLabel(f.get<std::string>());
       return "Eerdere registratie (nummer " + F(d, "target") + ") gecorrigeerd" + Paren(fields);
     }},
    {"SubjectErased",
     [](const Json& d) { return "Persoonsgegevens gewist op grond van " + F(d, "grondslag"); }},
    {"StepDeviated",
     [](const Json& d) {
       return "Gemotiveerd afgeweken van de route: stap " + F(d, "to_step") +
              " in plaats van stap " + F(d, "from_step");
     }},
};

struct Label {
  std::string_view code, text;
};

constexpr Label kRoles[] = {
    {"consulent", "RMC-consulent"},
    {"coordinator", "coördinator"},
    {"auditor", "controleur"},
    {"evaluator", "evaluator (zonder namen)"},
    {"system", "systeem"},
};

// What a read looked at, said to the youth whose data it was (the subject page's "wat").
constexpr Label kReadActions[] = {
    {"show", "uw dossier bekeken"},
    {"history", "de geschiedenis van uw dossier bekeken"},
    {"list", "de lijst van dossiers bekeken, met uw dossier erin"},
    {"due", "de lijst van termijnen bekeken, met uw dossier erin"},
    {"events", "de gegevens van uw dossier uitgelezen (gegevensstroom)"},
    {"replay", "het verloop van uw dossier nagelopen"},
    {"replay --select", "uw dossier zonder naam gebruikt in een leersessie"},
    {"lessons", "de evaluatie van uw dossier zonder naam gebruikt in een overzicht van lessen"},
    {"subject export", "een inzageoverzicht gemaakt, zoals dit"},
    {"audit disclosures", "gecontroleerd aan wie gegevens uit uw dossier zijn verstrekt"},
    {"audit reads", "het logboek bekeken van wie uw gegevens bekeek"},
    {"audit log", "het logboek bekeken van alles wat met uw gegevens is gedaan"},
    {"audit export", "het logboek van wie uw gegevens bekeek overgezet naar een standaardlogboek"},
    {"retention", "nagegaan of uw gegevens gewist moeten worden"},
};

constexpr Label kActivities[] = {
    {"rmc-signalering", "meldingen over verzuim en schooluitval ontvangen en beoordelen"},
    {"rmc-trajectbegeleiding", "begeleiding naar school, werk of hulp"},
    {"rmc-nazorg", "nazorg na het afsluiten van het dossier"},
    {"rmc-evaluatie", "terugkoppeling en evaluatie van de aanpak"},
    {"rmc-verantwoording", "verantwoording en controle van het gebruik van gegevens"},
    {"rmc-begeleiding-23-27", "begeleiding van jongeren van 23 tot 27 jaar, met hun toestemming"},
};

constexpr Label kFields[] = {
    {"ref", "referentienummer"},
    {"name", "naam"},
    {"birth_date", "geboortedatum"},
    {"address", "adres"},
    {"phone", "telefoon"},
    {"email", "e-mail"},
    {"school", "school"},
    {"enrolled", "ingeschreven op een school"},
};

constexpr Label kCaseFields[] = {
    {"status", "status"},
    {"step", "stap"},
    {"phase", "fase"},
    {"next_step", "volgende stap"},
    {"expected_steps", "verwachte stappen"},
    {"steps_done", "gezette stappen"},
    {"target_group", "doelgroep"},
    {"jikp_perspective", "JIKP-perspectief"},
    {"action_required", "actie nodig"},
    {"consulent", "consulent"},
    {"subject", "jongere"},
    {"opened_at", "geopend op"},
    {"signals", "signalen"},
    {"contacts", "contactpogingen"},
    {"consent", "toestemming"},
    {"deviations", "afwijkingen"},
    {"deadlines", "termijnen"},
    {"info_completeness", "informatie (§1.2)"},
    {"present", "aanwezig"},
    {"missing", "ontbreekt"},
    {"closed_on", "afgesloten op"},
    {"close_reason", "reden van afsluiten"},
    {"aftercare_until", "nazorg tot"},
    {"reopened", "keren heropend"},
    {"in_beeld", "in beeld gehouden"},
    {"previous_cases", "eerdere dossiers"},
    {"corrections", "correcties"},
    {"erased", "gewist"},
    {"channel", "kanaal"},
    {"outcome", "uitkomst"},
    {"date", "datum"},
    {"received", "ontvangen op"},
    {"reason", "reden"},
    {"rationale", "motivering"},
    {"partners", "partners"},
    {"partner", "partner"},
    {"categories", "gegevens"},
    {"trajectories", "trajecten"},
    {"participants", "deelnemers"},
    {"instrument", "instrument"},
    {"domains", "leefgebieden"},
    {"big5", "big 5"},
    {"score", "score"},
    // Event fields (event_details.h); the §1.2 items and the reasoning have labels of their own.
    {"absence", "verzuim"},
    {"kind", "soort"},
    {"hours", "uren"},
    {"from", "van"},
    {"to", "tot"},
    {"reporter", "gemeld door"},
    {"action_wanted", "actie gewenst"},
    {"checked_with_youth", "nagegaan bij de jongere"},
    {"checked_with_partners", "nagegaan bij"},
    {"school_contacted", "school benaderd"},
    {"school_measures", "maatregelen van de school"},
    {"missing_info", "ontbrekende informatie"},
    {"age_at_triage", "leeftijd bij de beoordeling"},
    {"note", "notitie"},
    {"asked_youth_about_involvement", "jongere gevraagd wie mag meepraten"},
    {"support_question", "hulpvraag"},
    {"wish", "wens"},
    {"answers", "antwoorden"},
    {"concern", "zorg"},
    {"given", "gegeven"},
    {"purpose", "doel"},
    {"signed", "ondertekend"},
    {"valid_until", "geldig tot"},
    {"grondslag", "grondslag"},
    {"doel", "doel"},
    {"proportionaliteit", "waarom niet meer gegevens dan nodig"},
    {"subsidiariteit", "waarom geen lichtere weg"},
    {"interventions", "wat al is geprobeerd"},
    {"what", "wat"},
    {"effect", "effect"},
    {"career_tests", "beroepskeuzetests"},
    {"work_guidance", "begeleiding naar werk"},
    {"youth_contact", "contact met de jongere"},
    {"frequency", "hoe vaak"},
    {"partner_feedback", "terugkoppeling aan partners"},
    {"how", "hoe"},
    {"case_director", "regie bij"},
    {"asked_youth_for_director", "jongere gevraagd wie de regie heeft"},
    {"made_with_youth", "samen met de jongere gemaakt"},
    {"feedback_from", "informatie van"},
    {"work_hours_per_week", "uren werk per week"},
    {"handed_to", "overgedragen aan"},
    {"contact_every_days", "contact met de jongere om de zoveel dagen"},
    {"activity", "bezigheid"},
    {"summary", "samenvatting"},
    {"limited_to_case", "alleen over dit dossier"},
    {"resolved", "opgelost"},
    {"partners_followed_up", "partners deden wat was afgesproken"},
    {"right_decision", "juiste beslissing"},
    {"right_decision_note", "toelichting"},
    {"do_differently", "wat een volgende keer anders kan"},
    {"went_well", "wat goed ging"},
    {"text", "tekst"},
    {"category", "soort"},
    {"tags", "onderwerpen"},
    {"corrected", "nieuwe waarde"},
};

// Why a youth's personal data was erased (ErasureGround), as the end of "gewist …".
constexpr Label kErasureGrounds[] = {
    {"avg-art17", "op uw verzoek"},
    {"bewaartermijn", "omdat de bewaartermijn voorbij was"},
};

// The §1.2 information items as fields of a signal or a review: their labels are the items'.
constexpr Label kInfoItemFields[] = {
    {"suspected_reason", "reason"},
    {"partner_actions", "partner_actions"},
    {"youth_agreements", "youth_agreements"},
    {"contacts", "contacts"},
    {"care", "care"},
    {"absence_overview", "absence_overview"},
    {"expected_action", "expected_action"},
};

// The reasoning fields (kReasoningFields, dutch_text.h).
constexpr Label kReasoning[] = {
    {"rationale", "motivering"},
    {"reasons", "redenen van uitval of verzuim"},
    {"education_reasons", "redenen rond de opleiding"},
    {"next_steps", "vervolgstappen"},
    {"responsibilities", "afspraken met partners"},
    {"follow_up", "vervolg"},
    {"learning_points", "leerpunten"},
    {"bottlenecks", "knelpunten"},
    {"improvements", "verbeterpunten"},
};

constexpr Label kDeadlines[] = {
    {"pickup", "signaal oppakken"},
    {"letter_reply", "reactie op brief"},
    {"no_contact", "besluit bij geen contact"},
    {"oud_vsv_yearly", "jaarlijks contact oud-vsv"},
    {"in_beeld_check", "jongere in beeld houden"},
    {"contact_due", "contact met de jongere volgens plan"},
    {"aftercare_check", "nazorgcontact"},
    {"evaluation", "evaluatie"},
    {"max_age", "maximumleeftijd"},
};

constexpr Label kInfoItems[] = {
    {"reason", "vermoedelijke reden"},
    {"partner_actions", "acties van partners"},
    {"youth_agreements", "afspraken met de jongere"},
    {"contacts", "contactpersonen"},
    {"care", "zorg en hulp"},
    {"absence_overview", "verzuimoverzicht"},
    {"expected_action", "verwachte actie"},
};

// The rules of the routekaart (docs/routekaart.md#rules), as a deviation names them.
constexpr Label kRules[] = {
    {"route-order", "volgorde van de routekaart"},
    {"review-school", "school bij verzuim"},
    {"jikp-perspective", "perspectief bij JIKP"},
    {"age", "leeftijd"},
    {"three-way-intake", "3-gesprek bij de intake"},
    {"inquiry-complete", "vooronderzoek volledig"},
    {"plan-complete", "plan van aanpak volledig"},
    {"sharing-ground", "grond voor het delen van gegevens"},
    {"no-contact-effort", "moeite om contact te krijgen"},
    {"declines-support", "jongere wijst ondersteuning af"},
    {"stuck-close", "afsluiten na vastgelopen traject"},
    {"retention", "bewaartermijn"},
};

// Why a case was closed (CloseReason).
constexpr Label kCloseReasons[] = {
    {"doel-bereikt", "doel bereikt"},
    {"geen-ondersteuning-nodig", "geen ondersteuning meer nodig"},
    {"geen-contact", "geen contact gekregen"},
    {"wijst-ondersteuning-af", "jongere wijst ondersteuning af"},
    {"verhuisd", "verhuisd"},
    {"leeftijdsgrens", "leeftijdsgrens bereikt"},
    {"geen-rmc-doelgroep", "geen RMC-doelgroep"},
};

constexpr Label kDecisions[] = {
    {"triage", "oordeel signalering (doelgroep bepaald)"},
    {"plan", "plan van aanpak"},
    {"plan_revision", "plan van aanpak bijgesteld"},
    {"closing", "afsluiting"},
    {"deviation", "afwijking van de route of een regel"},
    {"correction", "correctie"},
};

template <size_t N>
const Label* Lookup(const Label (&table)[N], const std::string& code) {
  for (const Label& l : table)
    if (l.code == code) return &l;
  return nullptr;
}

template <size_t N>
std::string Find(const Label (&table)[N], const std::string& code) {
  const Label* l = Lookup(table, code);
  return l ? std::string(l->text) : code;
}

}  // namespace

std::string DescribeEvent(const std::string& type, const Json& data) {
  for (const EventSentence& s : kSentences)
    if (s.type == type) return s.sentence(data);
  return "Gebeurtenis " + type;
}

std::string RoleLabel(const std::string& role) { return Find(kRoles, role); }
std::string ReadActionLabel(const std::string& action) { return Find(kReadActions, action); }
std::string FieldLabel(const std::string& key) { return Find(kFields, key); }
std::string ActivityLabel(const std::string& code) { return Find(kActivities, code); }
std::string CaseFieldLabel(const std::string& key) { return Find(kCaseFields, key); }
std::string DeadlineLabel(const std::string& code) { return Find(kDeadlines, code); }
std::string RuleLabel(const std::string& rule) { return Find(kRules, rule); }
std::string CloseReasonLabel(const std::string& reason) { return Find(kCloseReasons, reason); }
std::string InfoItemLabel(const std::string& item) { return Find(kInfoItems, item); }
std::string DecisionLabel(const std::string& decision) { return Find(kDecisions, decision); }
std::string ReasoningLabel(const std::string& key) { return Find(kReasoning, key); }
std::string ErasureGroundLabel(const std::string& ground) { return Find(kErasureGrounds, ground); }

std::string EventFieldLabel(const std::string& key) {
  if (const Label* item = Lookup(kInfoItemFields, key))
    return InfoItemLabel(std::string(item->text));
  if (Lookup(kReasoning, key)) return ReasoningLabel(key);
  if (Lookup(kCaseFields, key)) return CaseFieldLabel(key);
  return FieldLabel(key);
}

}  // namespace rmc
