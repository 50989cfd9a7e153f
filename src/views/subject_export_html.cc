#include "views/subject_export_html.h"

#include <initializer_list>

#include "base/html_escape.h"
#include "views/plain_language.h"

namespace rmc {
namespace {

constexpr const char* kStyle = R"(
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11pt; color: #111; max-width: 60em;
       margin: 2em auto; padding: 0 1em; line-height: 1.4; }
h1 { font-size: 18pt; margin-bottom: 0.2em; }
h2 { font-size: 13pt; margin-top: 1.6em; border-bottom: 1px solid #444; }
.meta { color: #444; margin-top: 0; }
.erased { border: 2px solid #111; padding: 0.6em 0.8em; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0; }
th, td { border: 1px solid #999; padding: 0.25em 0.4em; text-align: left; vertical-align: top; }
th { background: #eee; }
td.details { font-size: 9pt; color: #333; }
.empty { font-style: italic; color: #444; }
@media print {
  body { margin: 0; max-width: none; }
  thead { display: table-header-group; }
  tr { page-break-inside: avoid; }
  h2 { page-break-after: avoid; }
}
)";

// A JSON value as text: strings as they are, lists joined, objects as "key: value; ...".
std::string Text(const Json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "ja" : "nee";
  if (v.is_array()) {
    std::string out;
    for (const auto& item : v) out += (out.empty() ? "" : ", ") + Text(item);
    return out;
  }
  if (v.is_object()) {
    std::string out;
    for (auto& [key, value] : v.items())
      out += (out.empty() ? "" : "; ") + key + ": " +
             (value.is_object() ? "(" + Text(value) + ")" : Text(value));
    return out;
  }
  return DumpJson(v);
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

void PersonalData(Page& page, const Json& x) {
  page.Heading("1. Uw persoonsgegevens");
  const Json& subject = x["subject"];
  if (subject["erased"].get<bool>()) {
    page.Para(
        "Uw persoonsgegevens zijn gewist. Wij kunnen ze niet meer lezen en niet meer tonen. Wat "
        "hieronder staat zijn de feiten die overblijven: data, stappen, uitkomsten, verstrekkingen "
        "en wie uw dossier heeft ingezien.",
        "erased");
    return;
  }
  page.Para("Dit zijn de gegevens over u die wij nu hebben vastgelegd.");
  page.Table({"gegeven", "waarde"});
  for (auto& [key, value] : subject["personal_data"].items())
    page.Row({HtmlEscape(FieldLabel(key)), HtmlEscape(Text(value))});
  page.EndTable();
}

void Cases(Page& page, const Json& x) {
  page.Heading("2. Uw dossiers");
  page.Table({"dossier", "status", "geopend", "stap", "doelgroep", "consulent", "afgesloten"});
  for (const auto& c : x["cases"])
    page.Row({E(c, "case"), E(c, "status"), E(c, "opened_at").substr(0, 10), E(c, "step_name"),
              E(c, "target_group"), E(c, "consulent"), E(c, "closed_on")});
  page.EndTable();
}

void Events(Page& page, const Json& x) {
  page.Heading("3. Wat er in uw dossier is vastgelegd");
  page.Para(
      "Alles wat in uw dossier is vastgelegd, in volgorde. Bij elke regel: wie het deed (in welke "
      "functie) en waarvoor de gegevens zijn gebruikt.");
  page.Table({"nr", "datum", "wat", "wie", "waarvoor", "details"});
  for (const auto& e : x["events"]) {
    std::string details = Text(e["data"]);
    if (e.contains("reason"))
      details += (details.empty() ? "" : "; ") + std::string("reden: ") + Text(e["reason"]);
    if (e.contains("erased"))
      details += (details.empty() ? "" : "; ") + std::string("gewist: ") + Text(e["erased"]);
    page.Row(
        {E(e, "position"), E(e, "date").substr(0, 10), HtmlEscape(Text(e["description"])), Who(e),
         HtmlEscape(ActivityLabel(Text(e["processing_activity"]["code"]))), HtmlEscape(details)},
        "details");
  }
  page.EndTable();
}

void Disclosures(Page& page, const Json& x) {
  page.Heading("4. Aan wie wij gegevens hebben verstrekt");
  if (x["disclosures"].empty())
    return page.Para("Wij hebben geen gegevens over u aan anderen verstrekt.", "empty");
  page.Table({"datum", "aan", "welke gegevens", "grondslag", "doel", "proportionaliteit",
              "subsidiariteit"});
  for (const auto& d : x["disclosures"]) {
    const bool erased = d["erased"].get<bool>();
    page.Row({E(d, "date").substr(0, 10), E(d, "partner"), E(d, "categories"), E(d, "grondslag"),
              Sealed(d, "doel", erased), Sealed(d, "proportionaliteit", erased),
              Sealed(d, "subsidiariteit", erased)});
  }
  page.EndTable();
}

void Consents(Page& page, const Json& x) {
  page.Heading("5. Uw toestemming");
  if (x["consents"].empty()) return page.Para("Er is geen toestemming vastgelegd.", "empty");
  page.Table({"datum", "toestemming", "partners", "gegevens", "doel", "geldig tot"});
  for (const auto& c : x["consents"]) {
    const std::string kind = Text(c["kind"]);
    const char* label = kind == "given"     ? "gegeven"
                        : kind == "refused" ? "geweigerd"
                                            : "ingetrokken";
    page.Row({E(c, "date").substr(0, 10), label, E(c, "partners"), E(c, "categories"),
              Sealed(c, "purpose", Lists(c, "erased", "purpose")), E(c, "valid_until")});
  }
  page.EndTable();
}

void Reads(Page& page, const Json& x) {
  page.Heading("6. Wie uw gegevens heeft ingezien");
  if (!x["actors_named"].get<bool>())
    page.Para(
        "Medewerkers staan hier met hun functie. Wilt u ook hun namen weten, vraag daar dan om.");
  if (x["reads"].empty()) return page.Para("Niemand heeft uw gegevens ingezien.", "empty");
  page.Table({"wanneer", "wie", "wat", "dossier", "waarom"});
  for (const auto& r : x["reads"])
    page.Row({E(r, "recorded_at"), Who(r), E(r, "description"), E(r, "object"), E(r, "purpose")});
  page.EndTable();
}

void Rights(Page& page, const Json& x) {
  page.Heading("7. Bewaren en uw rechten");
  const Json& r = x["retention"];
  page.Para("Wij bewaren uw persoonsgegevens tot zowel " + Text(r["after_age_years"]) +
            " jaar na uw " + Text(r["max_age"]) + "e verjaardag als " + Text(r["after_end_years"]) +
            " jaar na het einde van uw laatste dossier voorbij zijn; daarna wissen wij ze.");
  page.Para(
      "Klopt er iets niet, dan kunt u vragen het te verbeteren. U kunt ook vragen uw gegevens te "
      "wissen, of bezwaar maken tegen het gebruik ervan. Bent u het niet eens met hoe wij met uw "
      "gegevens omgaan, dan kunt u een klacht indienen bij de Autoriteit Persoonsgegevens.");
}

}  // namespace

std::string SubjectExportHtml(const Json& x) {
  Page page;
  page.Raw(
      "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<title>Inzage in uw "
      "gegevens</title>\n");
  page.Raw(std::string("<style>") + kStyle + "</style>\n</head>\n<body>\n");
  page.Raw("<h1>Inzage in uw gegevens</h1>\n");
  page.Para("RMC-regio " + Text(x["region"]) + " · gemaakt op " + Text(x["generated_at"]), "meta");
  page.Para(
      "U hebt gevraagd welke gegevens het RMC over u heeft (artikel 15 van de AVG). Hieronder "
      "staat alles: uw gegevens, uw dossiers, wat er is vastgelegd, aan wie gegevens zijn "
      "verstrekt, uw toestemming, en wie uw gegevens heeft ingezien.");
  PersonalData(page, x);
  Cases(page, x);
  Events(page, x);
  Disclosures(page, x);
  Consents(page, x);
  Reads(page, x);
  Rights(page, x);
  page.Raw("</body>\n</html>\n");
  return std::move(page.str());
}

}  // namespace rmc
