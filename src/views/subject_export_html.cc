#include "views/subject_export_html.h"

#include <initializer_list>

#include "base/html_escape.h"
#include "views/dutch_text.h"
#include "views/event_details.h"
#include "views/plain_language.h"

namespace rmc {
namespace {

constexpr const char* kStyle = R"(
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11pt; color: #111; max-width: 60em;
       margin: 2em auto; padding: 0 1em; line-height: 1.4; overflow-wrap: anywhere; }
h1 { font-size: 18pt; margin-bottom: 0.2em; }
h2 { font-size: 13pt; margin-top: 1.6em; border-bottom: 1px solid #444; }
.meta { color: #444; margin-top: 0; }
.erased { border: 2px solid #111; padding: 0.6em 0.8em; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0; }
th, td { border: 1px solid #999; padding: 0.25em 0.4em; text-align: left; vertical-align: top; }
th { background: #eee; }
td.details { font-size: 9pt; color: #333; }
.label { color: #555; }
.gone { font-style: italic; }
dl.contact dt { font-weight: bold; margin-top: 0.6em; }
dl.contact dd { margin-left: 1em; }
.empty { font-style: italic; color: #444; }
@media print {
  body { margin: 0; max-width: none; }
  thead { display: table-header-group; }
  tr { page-break-inside: avoid; }
  h2 { page-break-after: avoid; }
}
)";

// A JSON value as text: strings as they are (an ISO date too: the callers that show dates say
// so), null as nothing, anything else in plain Dutch (ValueText: ja/nee, lists joined, objects
// with labels, never a raw key).
std::string Text(const Json& v) {
  if (v.is_null()) return "";
  return v.is_string() ? v.get<std::string>() : ValueText(v);
}

// The field `key` of `v` as escaped text.
std::string E(const Json& v, const char* key) {
  return HtmlEscape(v.contains(key) ? Text(v[key]) : "");
}

// Whether the list v[key] holds `item`.
bool Lists(const Json& v, const char* key, const char* item) {
  if (!v.contains(key) || !v[key].is_array()) return false;
  for (const auto& x : v[key])
    if (x == item) return true;
  return false;
}

// A value that was sealed: "gewist" when it went with the erasure, else as E.
std::string Sealed(const Json& v, const char* key, bool erased) {
  return erased && (!v.contains(key) || v[key].is_null()) ? "gewist" : E(v, key);
}

class Page {
 public:
  void Raw(const std::string& html) { out_ += html; }
  void Heading(const std::string& text) { out_ += "<h2>" + HtmlEscape(text) + "</h2>\n"; }
  void Para(const std::string& text, const char* cls = nullptr) {
    out_ += cls ? std::string("<p class=\"") + cls + "\">" : "<p>";
    out_ += HtmlEscape(text) + "</p>\n";
  }
  // Opens a table with the column heads `head`; Row adds its rows, EndTable closes it.
  void Table(std::initializer_list<const char*> head) {
    out_ += "<table><thead><tr>";
    for (const char* h : head) out_ += "<th>" + HtmlEscape(h) + "</th>";
    out_ += "</tr></thead><tbody>\n";
  }
  // REQUIRES: every cell already escaped.
  void Row(std::initializer_list<std::string> cells, const char* last_class = nullptr) {
    out_ += "<tr>";
    size_t i = 0;
    for (const auto& c : cells) {
      const bool last = ++i == cells.size();
      out_ += last && last_class ? std::string("<td class=\"") + last_class + "\">" : "<td>";
      out_ += c + "</td>";
    }
    out_ += "</tr>\n";
  }
  void EndTable() { out_ += "</tbody></table>\n"; }
  std::string& str() { return out_; }

 private:
  std::string out_;
};

// "RMC-consulent" or "RMC-consulent (c.jansen)" when actors are named.
std::string Who(const Json& item) {
  std::string who = RoleLabel(Text(item["role"]));
  if (item.contains("actor")) who += " (" + Text(item["actor"]) + ")";
  return HtmlEscape(who);
}

// What a processing activity is for: its plain label, else the register's purpose of the
// version recorded (an activity the region registered itself), else its code.
std::string ActivityText(const Json& activity) {
  const std::string code = Text(Member(activity, "code"));
  const std::string label = ActivityLabel(code);
  if (label != code || !Member(activity, "purpose").is_string()) return label;
  return Text(activity["purpose"]);
}

// The SubjectErased event of the export, or null.
const Json& Erasure(const Json& x) {
  static const Json kNone;
  for (const auto& e : x["events"])
    if (e["type"] == "SubjectErased") return e;
  return kNone;
}

// "label: text" lines of an event's details (event_details.h), its reason, and what went with
// the erasure; escaped.
std::string DetailsHtml(const Json& e) {
  std::string html;
  auto line = [&](const std::string& label, const std::string& text) {
    html += (html.empty() ? "" : "<br>") + std::string("<span class=\"label\">") +
            HtmlEscape(label) + ":</span> " + HtmlEscape(text);
  };
  for (const Detail& d : EventDetails(e["data"])) line(d.label, d.text);
  if (e.contains("reason")) line(CaseFieldLabel("reason"), Text(e["reason"]));
  if (e.contains("erased") || e.contains("sealed"))
    html += (html.empty() ? "" : "<br>") +
            std::string("<span class=\"gone\">persoonsgegevens hierin zijn gewist</span>");
  return html;
}

void PersonalData(Page& page, const Json& x) {
  page.Heading("1. Uw persoonsgegevens");
  const Json& subject = x["subject"];
  if (subject["erased"].get<bool>()) {
    const Json& erasure = Erasure(x);
    std::string when;
    if (!erasure.is_null())
      when = " op " + DutchDate(erasure["date"]) + ", " +
             ErasureGroundLabel(Text(Member(erasure["data"], "grondslag")));
    page.Para("Uw persoonsgegevens zijn gewist" + when +
                  ". Niemand kan ze nog lezen, ook wij niet.",
              "erased");
    page.Para(
        "Wat hieronder nog staat, is wat overblijft: de feiten van uw route zonder "
        "persoonsgegevens (welke stappen wanneer zijn gezet en met welke uitkomst, aan welke "
        "organisaties gegevens zijn gegeven en op welke grond) en wie uw gegevens heeft bekeken. "
        "Dat bewaren wij om te kunnen laten zien dat wij zorgvuldig met uw gegevens zijn "
        "omgegaan; de wet verplicht ons daartoe (AVG artikel 5 lid 2).");
    return;
  }
  page.Para("Dit zijn de gegevens over u die wij nu hebben vastgelegd.");
  page.Table({"gegeven", "wat wij hebben vastgelegd"});
  for (auto& [key, value] : subject["personal_data"].items())
    page.Row({HtmlEscape(FieldLabel(key)), HtmlEscape(ValueText(value))});
  page.EndTable();
}

void Cases(Page& page, const Json& x) {
  page.Heading("2. Uw dossiers");
  page.Table({"dossier", "status", "geopend", "stap", "doelgroep", "uw consulent", "afgesloten"});
  for (const auto& c : x["cases"])
    page.Row({E(c, "case"), E(c, "status"), HtmlEscape(DutchDate(Member(c, "opened_at"))),
              E(c, "step_name"), E(c, "target_group"),
              Member(c, "consulent").is_string() ? E(c, "consulent") : "nog niet toegewezen",
              HtmlEscape(DutchDate(Member(c, "closed_on")))});
  page.EndTable();
}

void Events(Page& page, const Json& x) {
  page.Heading("3. Wat er in uw dossier is vastgelegd");
  page.Para(
      "Alles wat in uw dossier is vastgelegd, in volgorde. Bij elke regel: wanneer het gebeurde, "
      "wie het deed (in welke functie) en waarvoor de gegevens zijn gebruikt.");
  page.Table({"nr", "datum", "wat er gebeurde", "wie", "waarvoor", "details"});
  for (const auto& e : x["events"])
    page.Row({E(e, "position"), HtmlEscape(DutchDate(e["date"])),
              HtmlEscape(LocalizeDates(Text(e["description"]))), Who(e),
              HtmlEscape(ActivityText(e["processing_activity"])), DetailsHtml(e)},
             "details");
  page.EndTable();
}

void Disclosures(Page& page, const Json& x) {
  page.Heading("4. Aan wie wij gegevens hebben gegeven");
  if (x["disclosures"].empty())
    return page.Para("Wij hebben geen gegevens over u aan anderen gegeven.", "empty");
  page.Para(
      "Soms geven wij gegevens aan een school, de gemeente of een andere organisatie die u helpt. "
      "Bij elke keer staat waarom dat mocht, waarvoor het was, en waarom het niet met minder kon.");
  page.Table({"datum", "aan", "welke gegevens", "op grond van", "doel"});
  for (const auto& d : x["disclosures"]) {
    const bool erased = d["erased"].get<bool>();
    if (d.value("kind", "") == "feedback") {
      page.Row({HtmlEscape(DutchDate(Member(d, "date"))), E(d, "partner"), E(d, "categories"),
                E(d, "grondslag"),
                "terugkoppeling van de uitkomst van uw traject, alleen over uw verzuim of het "
                "verlaten van school"});
      continue;
    }
    page.Row({HtmlEscape(DutchDate(Member(d, "date"))), E(d, "partner"), E(d, "categories"),
              E(d, "grondslag"),
              Sealed(d, "doel", erased) + "<br><span class=\"label\">" +
                  HtmlEscape(EventFieldLabel("proportionaliteit")) + ":</span> " +
                  Sealed(d, "proportionaliteit", erased) + "<br><span class=\"label\">" +
                  HtmlEscape(EventFieldLabel("subsidiariteit")) + ":</span> " +
                  Sealed(d, "subsidiariteit", erased)});
  }
  page.EndTable();
}

void Consents(Page& page, const Json& x) {
  page.Heading("5. Uw toestemming");
  if (x["consents"].empty()) return page.Para("Er is geen toestemming vastgelegd.", "empty");
  page.Table({"datum", "toestemming", "voor wie", "welke gegevens", "doel", "geldig tot"});
  for (const auto& c : x["consents"]) {
    const std::string kind = Text(c["kind"]);
    const char* label = kind == "given"     ? "gegeven"
                        : kind == "refused" ? "geweigerd"
                                            : "ingetrokken";
    page.Row({HtmlEscape(DutchDate(Member(c, "date"))), label, HtmlEscape(ValueText(c["partners"])),
              c.contains("categories") ? E(c, "categories") : "alle gegevens",
              Sealed(c, "purpose", Lists(c, "erased", "purpose")),
              HtmlEscape(DutchDate(Member(c, "valid_until")))});
  }
  page.EndTable();
}

void Reads(Page& page, const Json& x) {
  page.Heading("6. Wie uw gegevens heeft bekeken");
  page.Para(
      "Elke keer dat iemand uw gegevens bekijkt, leggen wij vast wanneer, wie (in welke functie), "
      "wat en waarom. " +
      std::string(x["actors_named"].get<bool>()
                      ? "Bij elke medewerker staat ook de gebruikersnaam."
                      : "Medewerkers staan hier met hun functie. Wilt u ook hun namen weten, "
                        "vraag daar dan om (zie onderaan)."));
  if (x["reads"].empty()) return page.Para("Niemand heeft uw gegevens bekeken.", "empty");
  page.Table({"wanneer", "wie", "wat", "dossier", "waarom"});
  for (const auto& r : x["reads"]) {
    const std::string why = ActivityText(r["processing_activity"]);
    const std::string object = Text(r["object"]);
    page.Row({HtmlEscape(DutchDateTime(r["recorded_at"])), Who(r), E(r, "description"),
              HtmlEscape(object.rfind("RMC-", 0) == 0 ? object : "–"),
              HtmlEscape(r["purpose"].is_string() ? Text(r["purpose"]) + " (" + why + ")" : why)});
  }
  page.EndTable();
}

void Retention(Page& page, const Json& x) {
  page.Heading("7. Hoe lang wij uw gegevens bewaren");
  const Json& r = x["retention"];
  const std::string facts =
      "De feiten zonder persoonsgegevens en wie uw gegevens heeft bekeken, bewaren wij zolang wij "
      "deze administratie bijhouden, om te kunnen laten zien wat wij met uw gegevens hebben "
      "gedaan.";
  if (x["subject"]["erased"].get<bool>())
    return page.Para("Uw persoonsgegevens zijn al gewist. " + facts);
  page.Para("Wij bewaren uw persoonsgegevens tot " + Text(r["after_age_years"]) + " jaar na uw " +
            Text(r["max_age"]) + "e verjaardag én " + Text(r["after_end_years"]) +
            " jaar na het einde van uw laatste dossier; wat het laatst komt, telt. Daarna wissen "
            "wij ze. " +
            facts);
}

// The rights of AVG art. 15-21 and art. 77 in one paragraph, then where to go: the region's
// contact settings (settings.h), or what to do where one is not set.
void Rights(Page& page, const Json& x) {
  page.Heading("8. Uw rechten en waar u terechtkunt");
  if (x["subject"]["erased"].get<bool>())
    page.Para(
        "Uw persoonsgegevens zijn al gewist. U mag altijd zien wat er nog over u is (dat is dit "
        "overzicht). Klopt er iets niet in wat er nog staat, dan kunt u vragen het te verbeteren, "
        "en u kunt bezwaar maken tegen wat wij ermee doen. Wij antwoorden binnen een maand. Bent "
        "u het niet eens met hoe wij met uw gegevens omgaan, dan kunt u een klacht indienen bij "
        "de Autoriteit Persoonsgegevens (autoriteitpersoonsgegevens.nl).");
  else
    page.Para(
        "U mag altijd zien welke gegevens wij over u hebben (dat is dit overzicht). Klopt er iets "
        "niet, dan kunt u vragen het te verbeteren. U kunt ook vragen uw gegevens te wissen, of er "
        "minder mee te doen zolang iets wordt uitgezocht. Gegevens die wij met uw toestemming "
        "gebruiken, kunt u in een bestand krijgen om aan een ander te geven. En u kunt bezwaar "
        "maken tegen het gebruik van uw gegevens. Wij antwoorden binnen een maand; mogen wij iets "
        "niet doen, bijvoorbeeld omdat de wet ons verplicht gegevens te bewaren, dan leggen wij "
        "uit waarom. Bent u het niet eens met hoe wij met uw gegevens omgaan, dan kunt u een "
        "klacht indienen bij de Autoriteit Persoonsgegevens (autoriteitpersoonsgegevens.nl).");
  const Json& c = Member(x, "contact");
  auto either = [&](const char* key, const char* otherwise) {
    return HtmlEscape(Member(c, key).is_string() ? Text(c[key]) : otherwise);
  };
  page.Raw(
      "<dl class=\"contact\">\n<dt>Het RMC</dt><dd>" +
      either("rmc", "Vraag uw RMC-consulent, of de gemeente waar u woont, hoe u het RMC bereikt.") +
      "</dd>\n<dt>" +
      (x["subject"]["erased"].get<bool>() ? "Verbeteren of bezwaar maken"
                                          : "Verbeteren, wissen of bezwaar maken") +
      "</dt><dd>" +
      either("requests",
             "Schrijf een brief of e-mail aan het RMC en zeg wat u wilt. Wij antwoorden "
             "binnen een maand.") +
      "</dd>\n<dt>Functionaris gegevensbescherming (let erop dat wij goed met uw "
      "gegevens omgaan)</dt><dd>" +
      either("privacy_officer",
             "Het RMC stuurt uw vraag door aan de functionaris gegevensbescherming.") +
      "</dd>\n</dl>\n");
}

}  // namespace

std::string SubjectExportHtml(const Json& x) {
  Page page;
  page.Raw(
      "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<title>Inzage in uw "
      "gegevens</title>\n");
  page.Raw(std::string("<style>") + kStyle + "</style>\n</head>\n<body>\n");
  page.Raw("<h1>Inzage in uw gegevens</h1>\n");
  page.Para("RMC-regio " + Text(x["region"]) + " · gemaakt op " + DutchDateTime(x["generated_at"]),
            "meta");
  page.Para(
      "U hebt gevraagd welke gegevens het RMC over u heeft (artikel 15 van de AVG). Hieronder "
      "staat alles: uw gegevens, uw dossiers, wat er is vastgelegd, aan wie gegevens zijn "
      "gegeven, uw toestemming, en wie uw gegevens heeft bekeken. Klopt er iets niet, of hebt u "
      "een vraag? Onderaan staat waar u terechtkunt.");
  PersonalData(page, x);
  Cases(page, x);
  Events(page, x);
  Disclosures(page, x);
  Consents(page, x);
  Reads(page, x);
  Retention(page, x);
  Rights(page, x);
  page.Raw("</body>\n</html>\n");
  return std::move(page.str());
}

}  // namespace rmc
