// rmc-gen: a deterministic workload generator for `rmc apply`.
//
// Writes JSON Lines commands for N cases, each walked along a realistic route of the routekaart
// (docs/routekaart.md), such that every line is accepted by `rmc apply` on a fresh ledger whose
// clock ($RMC_NOW) is the --now date (or a few days later). Cases are generated in cohorts of
// consecutive cases (start dates sorted over --start .. --now-60 days); the commands of a cohort
// are merged by date, so that many cases are in progress at the same time, while memory stays
// bounded by the cohort. Output depends only on the options: an own PRNG (xoshiro256**, seeded
// per case with splitmix64), no clock, no locale.
//
// Only the standard library: the JSON is built by hand.

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace std::string_view_literals;
using sv = std::string_view;

// ------------------------------------------------------------------------------------------
// PRNG

inline uint64_t SplitMix(uint64_t& x) {
  uint64_t z = (x += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

class Rng {
 public:
  explicit Rng(uint64_t seed) {
    for (auto& v : s_) v = SplitMix(seed);
  }
  uint64_t Next() {
    const uint64_t r = Rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return r;
  }
  // 0 .. n-1
  uint32_t Below(uint32_t n) { return uint32_t(((Next() >> 32) * uint64_t(n)) >> 32); }
  // lo .. hi, inclusive
  int Range(int lo, int hi) { return hi <= lo ? lo : lo + int(Below(uint32_t(hi - lo + 1))); }
  bool Chance(double p) { return double(Next() >> 11) * 0x1.0p-53 < p; }
  template <class T, size_t N>
  const T& Pick(const T (&a)[N]) {
    return a[Below(N)];
  }
  // An index by integer weights.
  template <size_t N>
  int Weighted(const int (&w)[N]) {
    int total = 0;
    for (int x : w) total += x;
    int r = int(Below(uint32_t(total)));
    for (size_t i = 0; i < N; ++i) {
      if (r < w[i]) return int(i);
      r -= w[i];
    }
    return int(N - 1);
  }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

// ------------------------------------------------------------------------------------------
// Dates: days since 1970-01-01 (proleptic Gregorian), as in rmc's clock.

int DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = unsigned(y - era * 400);
  const unsigned doy = unsigned((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + int(doe) - 719468;
}

void CivilFromDays(int z, int& y, int& m, int& d) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = unsigned(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = int(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = int(doy - (153 * mp + 2) / 5 + 1);
  m = int(mp < 10 ? mp + 3 : mp - 9);
  y += m <= 2;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int MonthDays(int y, int m) {
  static const int k[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : k[m - 1];
}

// As rmc's AddMonths/AddYears: a day past the month's end becomes its last day.
int AddMonths(int day, int months) {
  int y, m, d;
  CivilFromDays(day, y, m, d);
  int total = y * 12 + (m - 1) + months;
  y = total / 12;
  m = total % 12 + 1;
  return DaysFromCivil(y, m, std::min(d, MonthDays(y, m)));
}
int AddYears(int day, int years) { return AddMonths(day, 12 * years); }

// As rmc's AgeOn.
int AgeOn(int birth, int on) {
  int by, bm, bd, oy, om, od;
  CivilFromDays(birth, by, bm, bd);
  CivilFromDays(on, oy, om, od);
  int age = oy - by;
  if (om < bm || (om == bm && od < bd)) --age;
  return age;
}

bool ParseDate(const char* s, int& out) {
  int y, m, d;
  char tail;
  if (std::sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return false;
  if (m < 1 || m > 12 || d < 1 || d > MonthDays(y, m)) return false;
  out = DaysFromCivil(y, m, d);
  return true;
}

inline void PutDigits(std::string& b, unsigned v, int width) {
  char tmp[12];
  for (int i = width - 1; i >= 0; --i) {
    tmp[i] = char('0' + v % 10);
    v /= 10;
  }
  b.append(tmp, size_t(width));
}

void PutDate(std::string& b, int day) {
  int y, m, d;
  CivilFromDays(day, y, m, d);
  PutDigits(b, unsigned(y), 4);
  b.push_back('-');
  PutDigits(b, unsigned(m), 2);
  b.push_back('-');
  PutDigits(b, unsigned(d), 2);
}

inline void PutUint(std::string& b, uint64_t v) {
  char tmp[24];
  int n = 0;
  do {
    tmp[n++] = char('0' + v % 10);
    v /= 10;
  } while (v);
  while (n) b.push_back(tmp[--n]);
}

inline void PutPadded(std::string& b, uint64_t v, int width) {
  char tmp[24];
  int n = 0;
  do {
    tmp[n++] = char('0' + v % 10);
    v /= 10;
  } while (v);
  for (int i = n; i < width; ++i) b.push_back('0');
  while (n) b.push_back(tmp[--n]);
}

// ------------------------------------------------------------------------------------------
// Vocabulary. Every string is JSON-safe (no quote, backslash or control character). In the
// sentence pools '@' stands for the youth's first name and '#' for the school.

constexpr sv kFirstNames[] = {
    "Daan", "Sem", "Lucas", "Milan", "Levi", "Luuk", "Thijs", "Jesse", "Bram", "Finn",
    "Noah", "Mohammed", "Ayoub", "Mehmet", "Yusuf", "Rayan", "Kevin", "Dylan", "Stijn", "Tim",
    "Ruben", "Jayden", "Joey", "Niels", "Gijs", "Sven", "Kerem", "Damian", "Quinten", "Rik",
    "Emma", "Julia", "Sophie", "Lotte", "Sanne", "Fenna", "Noor", "Lieke", "Iris", "Anouk",
    "Fleur", "Zoë", "Yasmina", "Salma", "Aya", "Chantal", "Kimberley", "Demi", "Esmee", "Nina",
    "Roos", "Maud", "Jasmijn", "Priscilla", "Shanice", "Samira", "Elif", "Büşra", "Daniël",
    "Noëlle", "Indy", "Romy", "Amber", "Britt", "Tess", "Isa", "Lina", "Ilse", "Merel", "Mila",
    "Joëlle", "Ravi", "Sjoerd", "Wessel", "Jens", "Youssef", "Hamza", "Ilias", "Soufiane",
    "Bilal", "Tygo", "Xavi", "Mees", "Stan", "Jurre", "Gwen", "Naomi", "Djenna", "Rowan", "Koen"};

constexpr sv kLastNames[] = {
    "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser",
    "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks",
    "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf",
    "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen",
    "van den Heuvel", "van der Veen", "van den Broek", "de Bruijn", "van der Heijden",
    "Schouten", "van Beek", "Willems", "van Vliet", "van de Ven", "Hoekstra", "Maas",
    "Verhoeven", "Koster", "van Dam", "van der Wal", "Prins", "Blom", "Huisman", "Peeters",
    "El Amrani", "Yilmaz", "Kaya", "Öztürk", "Bouzid", "El Idrissi", "Benali", "Şahin", "Demir",
    "Pinas", "Martina", "Nguyen", "Zwartkop", "Kramer", "Postma", "Kuipers", "Veenstra",
    "'t Hart", "Verbeek", "Hermans", "Doğan", "Ramdin", "Wijngaarde", "Sno"};

constexpr sv kStreets[] = {
    "Kanaalweg", "Lindelaan", "Dorpsstraat", "Kerkstraat", "Molenweg", "Stationsstraat",
    "Schoolstraat", "Julianastraat", "Beatrixlaan", "Wilhelminastraat", "Oranjelaan",
    "Eikenlaan", "Berkenweg", "Vinkenstraat", "Merelstraat", "Zonnebloemstraat", "Tulpstraat",
    "Rembrandtlaan", "Vermeerstraat", "Amsterdamsestraatweg", "Oudegracht", "Biltstraat",
    "Vleutenseweg", "Marnixlaan", "Columbuslaan", "Bernadottelaan", "Smaragdplein",
    "Neckardreef", "Zamenhofdreef", "Hooghiemstraplein", "Jan van Galenstraat",
    "Van Heuven Goedhartlaan", "Nedereindseweg", "Hessenweg", "Ravenswade", "Kruisstraat"};

constexpr sv kCities[] = {"Utrecht", "Utrecht", "Utrecht", "Amersfoort", "Amersfoort",
                          "Nieuwegein", "Zeist", "Houten", "IJsselstein", "Veenendaal",
                          "Woerden", "Bunnik", "De Bilt", "Leusden", "Soest", "Baarn",
                          "Maarssen", "Vianen", "Montfoort", "Wijk bij Duurstede"};

constexpr sv kMailDomains[] = {"gmail.com", "hotmail.com", "outlook.com", "live.nl", "icloud.com"};

constexpr sv kMbo[] = {"ROC Midden Nederland", "MBO Utrecht", "MBO Amersfoort",
                       "Grafisch Lyceum Utrecht", "Nimeto Utrecht", "ROC ASA Utrecht",
                       "Aeres MBO Barneveld", "Yuverta Houten", "ROC Rivor", "Deltion College"};
constexpr sv kVso[] = {"VSO De Sprong", "Praktijkschool Utrecht", "Praktijkcollege Het Plein",
                       "VSO Ariane de Ranitz", "De Baanbreker", "Praktijkschool De Bolster",
                       "Via Nova College", "Vakcollege Amersfoort", "Cals College Nieuwegein"};

constexpr sv kPartners[] = {"leerplicht", "wijkteam", "UWV", "Leerwerkloket", "Jongerenloket",
                            "Werk en Inkomen", "GGZ Centraal", "Altrecht", "schuldhulpverlening",
                            "Wmo-consulent", "jeugdreclassering", "Buurtteam", "Jongerenwerk",
                            "huisarts", "Zorgboerderij De Hoeve", "Leger des Heils",
                            "Stichting Jongerenhuis", "leerwerkmakelaar"};

constexpr sv kConsulents[] = {"c.jansen", "m.bakker", "s.elamrani", "p.devries", "a.yilmaz",
                              "j.vandijk", "r.mulder", "l.visser", "k.smit", "t.degroot",
                              "n.bos", "e.hendriks", "h.kok", "w.brouwer", "f.dijkstra",
                              "d.peters", "i.maas", "b.prins", "y.kaya", "g.vermeulen",
                              "o.schouten", "v.huisman", "a.benali", "m.nguyen"};

constexpr sv kCategories[] = {"contactgegevens", "verzuim", "onderwijs", "werk",    "inkomen",
                              "gezin",           "huisvesting", "plan", "zorg",    "justitie"};

constexpr sv kDomains[] = {"gezin",           "werk-opleiding",  "huisvesting", "gezondheid",
                           "sociaal-netwerk", "verslaving",      "financien",   "justitie",
                           "huiselijke-relaties", "vaardigheden", "tijdsbesteding",
                           "hulp-aanvaarden", "motivatie"};
constexpr sv kBig5[] = {"support", "wonen", "school-werk", "inkomen", "welzijn"};
constexpr sv kBig5Rating[] = {"ok", "ok", "aandacht", "aandacht", "probleem"};

constexpr sv kTargetGroups[] = {"verzuim-18plus", "vsv-nieuw", "vsv-oud",
                                "vsv-dreigend",   "jikp",      "geen"};
enum Tg { kVerzuim, kVsvNieuw, kVsvOud, kVsvDreigend, kJikp, kGeen, kTgCount };
constexpr int kTgWeights[] = {25, 30, 12, 10, 10, 13};

enum Channel {
  kDuoVerzuimloket, kNetwerkpartner, kJongere, kExitgesprek, kCasusoverleg, kGemeente,
  kDuoLijst, kUitstroomlijst, kInlichtingenbureau, kOutreach, kChannelCount
};
constexpr sv kChannels[] = {"duo-verzuimloket", "netwerkpartner", "jongere",     "exitgesprek",
                            "casusoverleg",     "gemeente",       "duo-lijst",   "uitstroomlijst",
                            "inlichtingenbureau", "outreach"};
// Signal channel weights per target group (rows: Tg).
constexpr int kChannelWeights[kTgCount][kChannelCount] = {
    {60, 28, 2, 0, 10, 0, 0, 0, 0, 0},     // verzuim-18plus
    {0, 10, 5, 5, 0, 10, 55, 0, 15, 0},    // vsv-nieuw
    {0, 5, 5, 0, 5, 15, 45, 0, 15, 10},    // vsv-oud
    {0, 35, 5, 45, 15, 0, 0, 0, 0, 0},     // vsv-dreigend
    {0, 10, 0, 0, 15, 5, 20, 50, 0, 0},    // jikp
    {10, 35, 20, 5, 5, 15, 5, 0, 5, 0},    // geen
};

constexpr sv kAbsenceKinds[] = {"16u-4w", "4w-aaneengesloten", "vervolgmelding", "overig"};
constexpr int kAbsenceWeights[] = {35, 45, 10, 10};

constexpr sv kContactChannels[] = {"brief", "brief-ouders", "telefoon", "app", "sms", "email",
                                   "huisbezoek-aangekondigd", "huisbezoek-onaangekondigd",
                                   "wijkteam", "folder"};
enum ContactChannel {
  kBrief, kBriefOuders, kTelefoon, kApp, kSms, kEmail, kHuisbezoekA, kHuisbezoekO, kWijkteam,
  kFolder
};

constexpr sv kWishes[] = {"school", "werk", "beide", "zorg", "onbekend"};

// ---- sentence pools ----

constexpr sv kReason[] = {
    "@ geeft aan dat de opleiding niet past en dat de theorievakken te zwaar zijn.",
    "Sinds de scheiding van de ouders is de thuissituatie onrustig en komt @ nauwelijks nog op school.",
    "@ heeft schulden opgebouwd en werkt veel uren in een distributiecentrum om rond te komen.",
    "Er zijn vermoedens van psychische klachten; @ slaapt slecht en zit veel op de eigen kamer.",
    "@ zorgt voor een zieke moeder en twee jongere broertjes en heeft weinig tijd voor school.",
    "Volgens de mentor is @ in de klas gepest en durft @ niet meer naar binnen.",
    "@ heeft een verkeerde studiekeuze gemaakt en wil eigenlijk iets met techniek doen.",
    "De stage is voortijdig beëindigd na een conflict met de praktijkopleider.",
    "@ blowt dagelijks en het dag-nachtritme is volledig verstoord.",
    "@ is dakloos geraakt na ruzie thuis en slaapt afwisselend bij vrienden.",
    "@ wil vooral geld verdienen en ziet het nut van een diploma op dit moment niet in.",
    "Er speelt een licht verstandelijke beperking; de lesstof sluit niet aan bij wat @ aankan.",
    "@ had een lange ziekteperiode en kon de achterstand daarna niet meer inhalen.",
    "@ voelt zich niet thuis op de opleiding en heeft geen aansluiting bij klasgenoten.",
    "Na het overlijden van een opa is @ in een dip geraakt en weggebleven.",
    "@ heeft contact met de politie gehad en er loopt een traject bij de jeugdreclassering.",
    "De reisafstand naar # is groot en het ov-abonnement is verlopen.",
    "@ is niet toegelaten tot de vervolgopleiding van voorkeur en is daarna thuis gebleven.",
    "Er is sprake van een taalachterstand; @ is drie jaar geleden naar Nederland gekomen.",
    "@ twijfelt al sinds de start van het schooljaar en heeft zich uiteindelijk ziek gemeld.",
    "De combinatie van een bijbaan in de horeca en school werd @ te veel.",
    "@ heeft faalangst en blijft weg bij toetsen en presentaties."};

constexpr sv kPartnerActions[] = {
    "De mentor heeft meerdere keren gebeld en een brief naar het huisadres gestuurd.",
    "Leerplicht is geïnformeerd en heeft een verzuimgesprek gevoerd met @.",
    "De loopbaanadviseur van # heeft een gesprek over een andere opleiding aangeboden.",
    "Het wijkteam is betrokken bij het gezin en heeft een gezinsplan opgesteld.",
    "De zorgcoördinator heeft @ aangemeld bij het schoolmaatschappelijk werk.",
    "Er is een exitgesprek gevoerd; @ is verwezen naar het Leerwerkloket maar is daar niet verschenen.",
    "Het jongerenloket heeft @ eerder geholpen met een aanvraag voor een uitkering.",
    "De school heeft een aangepast rooster aangeboden, maar dat heeft niet geholpen.",
    "Een studieloopbaanbegeleider heeft met @ een plan gemaakt om de achterstand in te halen.",
    "De huisarts heeft @ doorverwezen naar de praktijkondersteuner GGZ.",
    "Jongerenwerk kent @ uit de buurt en heeft het contact met de ouders gelegd.",
    "De jeugdarts heeft @ gezien en adviseert een rustige opbouw van het rooster.",
    "Werk en Inkomen heeft @ opgeroepen voor een gesprek over werk en inkomen."};

constexpr sv kYouth[] = {
    "@ heeft toegezegd volgende week weer naar de lessen te komen.",
    "@ reageert niet op berichten van school en neemt de telefoon niet op.",
    "@ staat open voor een gesprek met de RMC-consulent, het liefst op het jongerenloket.",
    "@ wil eerst zelf rust hebben en vindt school even niet belangrijk.",
    "Met @ is afgesproken dat de ouders bij het eerste gesprek aanwezig zijn.",
    "@ is boos op de opleiding en wil niet terug naar dezelfde klas.",
    "@ zegt zelf werk te zoeken en geen hulp nodig te hebben.",
    "@ wil wel een nieuwe opleiding, maar weet nog niet welke richting.",
    "@ vindt het fijn dat iemand meedenkt en wil graag snel een afspraak.",
    "@ heeft beloofd de mentor te mailen, maar dat is nog niet gebeurd."};

constexpr sv kCare[] = {
    "Er loopt ambulante begeleiding vanuit de jeugdhulp, die stopt nu @ 18 is.",
    "@ staat op de wachtlijst bij de GGZ voor een intake.",
    "Geen hulpverlening bekend.",
    "Het gezin krijgt ondersteuning van het wijkteam.",
    "@ heeft een bewindvoerder vanwege schulden.",
    "Er is begeleiding vanuit de schuldhulpverlening gestart.",
    "@ heeft in het verleden gesprekken bij een psycholoog gehad; dat is gestopt.",
    "Vanuit de Wmo is een indicatie voor begeleiding afgegeven."};

constexpr sv kSchoolMeasures[] = {
    "De mentor heeft twee keer gebeld en een verzuimgesprek gepland.",
    "De verzuimcoördinator van # heeft een waarschuwingsbrief gestuurd en de ouders uitgenodigd.",
    "School heeft het verzuim bij DUO gemeld en een gesprek met de studieloopbaanbegeleider aangeboden.",
    "Er is een aangepast rooster en extra begeleiding bij de praktijkvakken afgesproken.",
    "De school heeft de zorgcoördinator ingeschakeld en de jeugdarts gevraagd mee te kijken.",
    "Er is een plan met afspraken over aanwezigheid opgesteld, maar @ is die niet nagekomen.",
    "De opleiding heeft een switchgesprek aangeboden voor een andere richting binnen #."};

constexpr sv kAbsenceOverview[] = {
    "Volgens het verzuimoverzicht van # was @ de afgelopen vier weken vrijwel niet aanwezig.",
    "Het verzuim begon na de herfstvakantie en is sindsdien opgelopen tot meer dan zestien uur per maand.",
    "@ mist vooral de eerste uren en de praktijklessen op vrijdag.",
    "Er zijn vier aaneengesloten weken zonder geldige reden gemist.",
    "Het verzuim is wisselend; sommige weken is @ er volledig, andere weken helemaal niet."};

constexpr sv kExpect[] = {
    "Graag contact opnemen met @ en samen kijken naar een passende vervolgstap.",
    "De school vraagt om een gesprek voordat @ zich uitschrijft.",
    "Graag een huisbezoek, omdat @ niet reageert op telefoon en mail.",
    "Verzoek om mee te denken over een overstap naar een andere opleiding.",
    "Graag ondersteuning bij het vinden van werk of een leerwerkplek."};

constexpr sv kRationale[kTgCount][4] = {
    {"@ is meerderjarig, ingeschreven zonder startkwalificatie en langdurig afwezig.",
     "Langdurig verzuim op het mbo; de maatregelen van school hebben geen resultaat gehad.",
     "Zorgwekkend verzuim bij een meerderjarige student zonder startkwalificatie.",
     "Vier weken aaneengesloten verzuim; school vraagt om inzet van het RMC."},
    {"Geen startkwalificatie en op 1 oktober niet ingeschreven en zonder werk.",
     "Nieuwe voortijdig schoolverlater volgens de DUO-lijst; school bevestigt de uitschrijving.",
     "Opleiding in de zomer afgebroken, sindsdien geen school en geen werk.",
     "Uitgeschreven zonder diploma; geen inschrijving bij een andere opleiding gevonden."},
    {"Al meer dan een jaar zonder opleiding en zonder werk.",
     "Oud-vsv'er van de DUO-lijst; eerdere contactpogingen bleven zonder resultaat.",
     "Zit al twee jaar thuis zonder startkwalificatie; geen werk bekend bij het Inlichtingenbureau.",
     "Langdurig buiten beeld; laatste inschrijving is meer dan een schooljaar geleden beëindigd."},
    {"Dreigt in het lopende schooljaar uit te vallen; heeft zich al bij de mentor afgemeld.",
     "Wil stoppen met de opleiding zonder startkwalificatie; nog ingeschreven.",
     "Exitgesprek gevoerd, uitschrijving is aangekondigd.",
     "Verzuim loopt op en @ overweegt te stoppen; nog ingeschreven bij #."},
    {"Uitgestroomd uit het vso zonder passende plek.",
     "Praktijkonderwijs afgerond, geen werk gevonden; kwetsbare positie.",
     "Entree-opleiding afgebroken; de ondersteuningsbehoefte is groot.",
     "Uitstroom uit het vmbo-basis zonder vervolg; heeft begeleiding nodig bij werk of dagbesteding."},
    {"Heeft al een startkwalificatie (mbo niveau 2); geen RMC-doelgroep.",
     "Woont buiten de regio; doorverwezen naar het RMC van de woonplaats.",
     "Heeft inmiddels een diploma en een vaste baan; geen rol voor het RMC.",
     "Melding betrof een misverstand: @ staat ingeschreven en volgt de lessen."}};
constexpr sv kRationaleYoung[] = {
    "Jonger dan 18: valt onder de leerplicht; overgedragen aan de leerplichtambtenaar.",
    "Nog geen 18 jaar; leerplicht pakt de melding op.",
    "Minderjarig en kwalificatieplichtig; geen RMC-doelgroep, overdracht aan leerplicht."};
constexpr sv kRationaleNoAction[] = {
    "School heeft het zelf opgelost; @ volgt weer de lessen en er is geen verdere actie nodig.",
    "@ is inmiddels ingeschreven bij een nieuwe opleiding; alleen terugkoppelen aan de melder.",
    "Het wijkteam heeft de regie en begeleidt @ al; geen rol voor het RMC naast het wijkteam."};

constexpr sv kContactFail[] = {
    "Brief verstuurd met een uitnodiging voor een gesprek op het jongerenloket.",
    "Twee keer gebeld, voicemail ingesproken.",
    "Niemand thuis; kaartje met telefoonnummer in de brievenbus gedaan.",
    "Buurvrouw zegt dat @ er overdag zelden is.",
    "Appje gestuurd, wel gelezen maar geen reactie.",
    "Moeder gesproken aan de deur; zij geeft de boodschap door.",
    "Telefoonnummer lijkt niet meer in gebruik; via school een ander nummer gevraagd."};
constexpr sv kContactOk[] = {
    "@ gesproken; wil wel een afspraak maken voor een kennismaking.",
    "Telefonisch contact met @; afspraak gemaakt op het jongerenloket.",
    "@ reageerde op de brief en belde zelf terug.",
    "Huisbezoek: @ was thuis en stond open voor een gesprek.",
    "Via het wijkteam contact gelegd; @ komt naar het spreekuur.",
    "@ stuurde een appje terug en wil graag volgende week langskomen."};
constexpr sv kNoShow[] = {
    "@ is niet op de afspraak verschenen; nieuwe uitnodiging verstuurd.",
    "Afspraak gemist; @ zegt zich verslapen te hebben."};

constexpr sv kSupport[] = {
    "@ wil weer naar school, maar dan naar een opleiding die beter past.",
    "@ zoekt werk met een vast contract en wil daarnaast eventueel een diploma halen.",
    "@ wil hulp bij het regelen van schulden voordat er ruimte is voor school.",
    "@ wil een plek voor dagbesteding dicht bij huis.",
    "@ wil weten welke opleidingen er zijn in de techniek.",
    "@ wil hulp bij het vinden van een BBL-plek.",
    "@ heeft vooral behoefte aan iemand die meedenkt over de toekomst.",
    "@ wil eerst de thuissituatie op orde krijgen en daarna verder kijken."};

constexpr sv kQuestions[] = {"Wat wil je bereiken?", "Waarom ben je gestopt?", "Wie kan je helpen?",
                             "Wat gaat er goed?", "Wat heb je nodig?",
                             "Hoe ziet een gewone dag eruit?"};
constexpr sv kAnswers[] = {
    "een diploma en later een vaste baan", "de opleiding paste niet, te veel theorie",
    "mijn moeder en mijn oom", "ik kan goed met mijn handen werken",
    "iemand die helpt met plannen", "uitslapen, gamen en 's avonds werken",
    "rust in mijn hoofd", "werk in de zorg of de kinderopvang", "mijn vriendin motiveert me",
    "geld verdienen en op mezelf wonen", "ik wil niet meer naar dezelfde school",
    "sporten gaat goed, daar heb ik vrienden"};

constexpr sv kDomainNotes[] = {"geen opleiding, geen werk", "dag-nachtritme verstoord",
                               "schulden bij de zorgverzekeraar", "woont bij moeder, veel ruzie",
                               "weinig vrienden buiten het gamen", "blowt dagelijks",
                               "wacht op een intake bij de GGZ", "justitieel contact afgerond",
                               "kan zelf afspraken plannen", "motivatie wisselend",
                               "accepteert hulp van het wijkteam", "woont tijdelijk bij een vriend"};

constexpr sv kPurpose[] = {
    "aanmelding en warme overdracht naar een nieuwe opleiding",
    "afstemming met het wijkteam over ondersteuning thuis",
    "bemiddeling naar werk via het Leerwerkloket", "Wmo-indicatie en start van dagbesteding",
    "aanmelding bij de schuldhulpverlening", "afstemming over de terugkeer naar school"};
constexpr sv kShareDoel[] = {"aanmelding voor een nieuwe opleiding",
                             "warme overdracht naar de begeleider", "afstemming over het verzuim",
                             "aanvraag van een indicatie", "bemiddeling naar een leerwerkplek",
                             "afstemming over de aanpak in het plan"};
constexpr sv kShareProp[] = {"alleen contact- en opleidingsgegevens",
                             "alleen de gegevens die nodig zijn voor de aanmelding",
                             "beperkt tot de verzuimgegevens van dit schooljaar",
                             "geen medische details, alleen de ondersteuningsbehoefte"};
constexpr sv kShareSubsid[] = {"@ kan zich niet zelfstandig aanmelden",
                               "@ heeft gevraagd of de consulent dit regelt",
                               "zonder overdracht moet @ het hele verhaal opnieuw vertellen",
                               "geen minder ingrijpend alternatief beschikbaar"};

constexpr sv kEduReasons[] = {
    "De opleiding sluit slecht aan bij het niveau van @; veel zelfstandig werken zonder begeleiding.",
    "Roosters wisselen vaak en lessen vallen uit; @ haakt daardoor af.",
    "Er was weinig contact met de mentor en de begeleiding bij de stage schoot tekort.",
    "De overstap van vmbo naar mbo was groot; de opleiding verwacht veel zelfstandigheid.",
    "De klassen zijn groot en er is veel onrust in de les.",
    "De verzuimaanpak van # kwam laat op gang; de eerste weken werd niet gebeld."};
constexpr sv kNextSteps[] = {
    "Beroepskeuzetest bij het Leerwerkloket en daarna aanmelding voor een praktijkgerichte opleiding.",
    "Aanmelden bij de schuldhulpverlening en tegelijk zoeken naar een BBL-plek.",
    "Intake bij de GGZ afwachten en in de tussentijd een dagritme opbouwen.",
    "Gesprek met de opleiding over een overstap naar niveau 2.",
    "Samen met het jongerenloket een werkfit-traject starten.",
    "Wmo-indicatie aanvragen en een proefplaatsing bij de dagbesteding regelen."};
constexpr sv kInterventions[][2] = {
    {"mentorgesprek", "kort effect, daarna weer verzuim"},
    {"exitgesprek ROC", "verwezen, niet opgevolgd"},
    {"verzuimgesprek leerplicht", "geen blijvend effect"},
    {"stage met extra begeleiding", "ging goed tot de stage stopte"},
    {"aangepast rooster", "aanwezigheid tijdelijk verbeterd"},
    {"schoolmaatschappelijk werk", "twee gesprekken, daarna afgehaakt"},
    {"budgetcursus", "nog niet afgerond"}};
constexpr sv kCareMeasures[][2] = {
    {"ambulante jeugdhulp", "stabiel thuis; stopt bij 18 jaar"},
    {"praktijkondersteuner GGZ", "helpt, de gesprekken lopen nog"},
    {"bewindvoering", "schulden stabiel"},
    {"begeleiding wijkteam", "gezin ervaart meer rust"},
    {"verslavingszorg", "minder gebruik, nog niet gestopt"}};

constexpr sv kCareerTests[] = {"beroepskeuzetest bij het Leerwerkloket",
                               "interessetest en twee meeloopdagen bij de opleiding",
                               "loopbaangesprekken met de decaan van de nieuwe opleiding"};
constexpr sv kWorkGuidance[] = {"sollicitatietraining bij het jongerenloket",
                                "begeleiding naar een BBL-plek door de leerwerkmakelaar",
                                "werkfit-traject van vier maanden bij Werk en Inkomen"};
constexpr sv kFrequency[] = {"elke week", "elke twee weken", "maandelijks"};
constexpr sv kYouthChannel[] = {"app", "telefoon", "huisbezoek", "op het jongerenloket"};
constexpr sv kFeedbackHow[] = {"maandelijkse mail over aanwezigheid",
                               "kort telefonisch overleg elke twee weken",
                               "driegesprek na zes weken"};
constexpr sv kTasks[] = {"beroepskeuzetest", "plaatsing op de nieuwe opleiding",
                         "begeleiding bij schulden", "indicatie dagbesteding",
                         "zoeken naar een leerwerkplek", "terugkeergesprek en aangepast rooster",
                         "intake en behandeling", "wekelijkse begeleiding thuis"};

constexpr sv kMonitorOk[] = {
    "@ is elke dag aanwezig en de eerste opdrachten zijn voldoende.",
    "De werkgever is tevreden; @ werkt nu vier dagen per week.",
    "De afspraken worden nagekomen; volgende evaluatie over een maand.",
    "@ heeft het ritme goed opgepakt en komt op tijd.",
    "De school meldt geen verzuim meer sinds de start van het traject.",
    "@ vertelt trots over de praktijkopdrachten en wil doorgaan."};
constexpr sv kMonitorStuck[] = {
    "@ is weer weggebleven en reageert niet op berichten.",
    "De leerwerkplek is vervallen; er moet een nieuw plan komen.",
    "De wachtlijst bij de hulpverlening blijkt langer dan verwacht; het traject staat stil.",
    "@ is gestopt met de opleiding na een conflict met een docent.",
    "Thuis is de situatie verslechterd en @ kan zich niet op school richten."};

constexpr sv kAftercareOk[] = {"volgt BOL niveau 2, aanwezigheid goed",
                               "werkt 32 uur per week in de logistiek",
                               "drie dagen per week op de zorgboerderij",
                               "is gestart met een BBL-opleiding in de bouw",
                               "heeft een contract voor een jaar bij een supermarkt",
                               "volgt de entree-opleiding en loopt stage in een garage"};
constexpr sv kAftercareOut[] = {"is gestopt met de opleiding en zit weer thuis",
                                "contract niet verlengd; zoekt opnieuw werk",
                                "dagbesteding gestopt na een verhuizing"};

constexpr sv kFeedbackDone[] = {
    "@ volgt sinds kort een nieuwe opleiding; het RMC-traject is afgesloten en de nazorg loopt.",
    "Terugkoppeling aan de melder: @ is aan het werk en heeft geen verdere ondersteuning nodig.",
    "@ heeft een passende plek gevonden; de afspraken over de nazorg zijn gedeeld.",
    "Het plan is uitgevoerd; de school is geïnformeerd over de aanwezigheid en de begeleiding."};
constexpr sv kFeedbackNoContact[] = {
    "Geen contact gekregen ondanks een brief en twee huisbezoeken; het dossier is gesloten.",
    "@ is niet bereikt; de melder is gevraagd een nieuwe melding te doen bij nieuwe signalen."};
constexpr sv kFeedbackTail[] = {
    "De melder kan bij nieuwe signalen opnieuw contact opnemen met het RMC.",
    "Met @ is afgesproken dat @ zelf contact opneemt als het niet goed gaat.",
    "Het dossier is volgens de afspraken in de regio afgesloten.",
    "Er zijn geen gegevens gedeeld die niet met het verzuim of de uitval te maken hebben.",
    "De school is gevraagd de aanwezigheid de komende maanden in de gaten te houden."};
constexpr sv kFeedbackShort[] = {
    "Overgedragen aan leerplicht omdat @ jonger is dan 18.",
    "@ valt niet onder de RMC-doelgroep; de melder is geïnformeerd over de juiste loketten.",
    "Geen verdere ondersteuning nodig; de school begeleidt @ zelf.",
    "@ is verhuisd naar een andere regio; de melding is doorgezet naar het RMC daar."};

constexpr sv kBottleneck[] = {"wachtlijst dagbesteding na uitstroom vso",
                              "verwijzing van exitgesprek naar Leerwerkloket werd niet gevolgd",
                              "melding kwam pas na acht weken verzuim binnen",
                              "geen vast aanspreekpunt bij de opleiding",
                              "lange wachttijd bij de GGZ",
                              "schulden stonden een opleiding in de weg"};
constexpr sv kBottleneckOwner[] = {"gemeente", "ROC Midden Nederland", "GGZ Centraal", "DUO",
                                   "leerplicht", "Werk en Inkomen"};
constexpr sv kBottleneckSolution[] = {"indicatie aanvragen voor de uitstroom",
                                      "warme overdracht bij het exitgesprek",
                                      "eerder melden bij zestien uur verzuim",
                                      "vaste contactpersoon per opleiding afspreken",
                                      "voorrangsregeling voor jongeren zonder dagbesteding"};
constexpr sv kDoDifferently[] = {
    "Direct bellen in plaats van eerst een brief sturen.",
    "Eerder het wijkteam betrekken bij de thuissituatie.",
    "In het laatste schooljaar al met de school om tafel gaan.",
    "De ouders eerder uitnodigen voor het gesprek.",
    "Sneller opschalen naar een casusoverleg toen @ niet reageerde."};
constexpr sv kWentWell[] = {
    "Het 3-gesprek met school gaf snel duidelijkheid.",
    "Snelle plaatsing dankzij de beroepskeuzetest.",
    "@ voelde zich gehoord en kwam alle afspraken na.",
    "De samenwerking met het Leerwerkloket liep soepel.",
    "Dankzij de toestemming om te delen kon de overdracht warm gebeuren."};
constexpr sv kLearning[] = {"brief werkt slecht bij deze leeftijd",
                            "huisbezoek levert vaak meer op dan bellen",
                            "ouders betrekken helpt bij motivatie",
                            "schulden eerst aanpakken", "vaste contactmomenten werken"};
constexpr sv kImprovement[] = {"exitgesprek met warme overdracht naar het RMC",
                               "uitstroomlijst vso voor de zomer bespreken",
                               "verzuimmeldingen sneller doorzetten",
                               "vaste contactpersoon bij elke mbo-opleiding",
                               "spreekuur op school voor twijfelende studenten"};
constexpr sv kTags[] = {"vsv", "verzuim", "jikp", "exitgesprek", "wachtlijst", "samenwerking",
                        "privacy", "outreach", "schulden", "ggz", "overgang"};

constexpr sv kNoteExtra[] = {
    "Overleg gehad met de teamleider over de aanpak.",
    "Moeder belde ongerust op; @ komt nauwelijks uit bed.",
    "@ stuurde een appje dat de afspraak van morgen niet doorgaat.",
    "Casus ingebracht in het MDO; afgesproken dat het wijkteam contact zoekt.",
    "@ vertelde over een ruzie thuis en wil voorlopig bij een tante wonen.",
    "Gesproken met de stagebegeleider; @ doet goed mee maar is vaak te laat.",
    "Aanmelding bij de nieuwe opleiding is verstuurd, reactie volgt binnen twee weken.",
    "@ heeft een afspraak bij de huisarts gemaakt en wil daarna verder praten.",
    "Vader wil niet dat er hulp komt; met @ apart afgesproken.",
    "Dossier bijgewerkt na telefoontje met de zorgcoördinator van #."};
constexpr sv kNoteCategory[] = {"telefoonnotitie", "overleg", "huisbezoek", "dossier", "mdo"};

constexpr sv kEndNote[] = {"nazorg afgerond, @ zit goed op de plek",
                           "laatste contact gehad; @ weet de consulent te vinden",
                           "nazorg beëindigd in overleg met @"};

// Reasons for deviations (gemotiveerd afwijken).
constexpr sv kWhyTriageNoReview[] = {"jongere meldde zich zelf met volledig dossier",
                                     "dossier al compleet besproken in het casusoverleg"};
constexpr sv kWhySkipInquiry[] = {"jongere wil direct starten; vooronderzoek loopt parallel",
                                  "plaatsing kon per direct, vooronderzoek later aangevuld"};
constexpr sv kWhyNoSchool[] = {"jongere wil het eerste gesprek zonder school",
                               "conflict met de opleiding; school schuift later aan"};
constexpr sv kWhyNoDirector[] = {"jongere kan de keuze voor de casusregisseur niet overzien",
                                 "casusregie al belegd bij het wijkteam vanuit het gezinsplan"};
constexpr sv kWhyNoContactEarly[] = {"verhuisd volgens buren; casusoverleg akkoord",
                                     "adres onbekend, post komt retour; afgestemd met teamleider"};
constexpr sv kWhyStuckClose[] = {"jongere heeft zelf een baan gevonden",
                                 "jongere is zelfstandig gestart bij een andere opleiding"};
constexpr sv kWhyCloseAfterIntake[] = {"direct ingeschreven op mbo; traject niet nodig",
                                       "na de intake meteen geplaatst op een BBL-plek"};
constexpr sv kWhyReviewNoSchool[] = {"school niet bereikbaar in de vakantie",
                                     "school reageert niet; melding is urgent"};
constexpr sv kWhyEvalFirst[] = {"evaluatie in het teamoverleg, terugkoppeling volgt later",
                                "melder pas later bereikbaar voor terugkoppeling"};
constexpr sv kWhyAge[] = {"jongere wordt binnenkort 23; lopend traject wordt afgemaakt"};

// ------------------------------------------------------------------------------------------
// Commands

enum Type {
  kSignal, kReview, kTriage, kContact, kIntakeScheduled, kIntake, kAssessment, kConsent,
  kConsentWithdrawn, kShare, kInquiry, kPlan, kPlanRevised, kPlanStarted, kMonitor, kClose,
  kAftercareCheck, kAftercareEnd, kFeedback, kEvaluation, kNote, kAssign, kTypeCount
};
constexpr sv kTypeNames[] = {"signal", "review", "triage", "contact", "intake_scheduled",
                             "intake", "assessment", "consent", "consent_withdrawn", "share",
                             "inquiry_completed", "plan", "plan_revised", "plan_started",
                             "monitor", "close", "aftercare_check", "aftercare_end",
                             "feedback", "evaluation", "note", "assign"};

enum Addr : uint8_t { kByCase, kBySubject, kOpens, kAttaches };

struct Cmd {
  int32_t day;
  uint32_t kase;  // index of the case in its cohort
  uint32_t off, len;
  uint8_t type, addr;
};

enum Deviation {
  kNoDeviation, kTriageNoReview, kSkipInquiry, kIntakeNoSchool, kPlanNoDirector,
  kNoContactEarly, kStuckClose, kCloseAfterIntake, kReviewNoSchool, kEvalFirst, kDevCount
};

enum CloseReason {
  kDoelBereikt, kGeenOndersteuning, kGeenContact, kVerhuisd, kLeeftijdsgrens, kGeenDoelgroep,
  kCloseCount
};
constexpr sv kCloseReasons[] = {"doel-bereikt", "geen-ondersteuning-nodig", "geen-contact",
                                "verhuisd", "leeftijdsgrens", "geen-rmc-doelgroep"};

struct Options {
  uint64_t cases = 1000;
  uint64_t seed = 1;
  int now = DaysFromCivil(2026, 11, 20);
  int start = DaysFromCivil(2024, 1, 1);
  const char* out = nullptr;
  uint64_t cohort = 1000;
  uint64_t first_case = 1;
  uint64_t first_ref = 1;
};

struct Stats {
  uint64_t cases = 0, commands = 0, bytes = 0, by_subject = 0;
  uint64_t tg[kTgCount] = {};
  uint64_t types[kTypeCount] = {};
  uint64_t closes[kCloseCount] = {};
  uint64_t deviations[kDevCount] = {};
  uint64_t reopened = 0, stuck = 0, in_progress = 0, refused_consent = 0, age_overrides = 0;
};

struct Cohort {
  std::string arena;
  std::vector<Cmd> cmds;
};

// Days of margin between --now and an aftercare end date for the generator to rely on a case
// being in aftercare by the ledger's clock (reopening, addressing by subject): the ledger's
// clock may be a little later than --now.
constexpr int kClockMargin = 30;

// ------------------------------------------------------------------------------------------
// One case's walk along the routekaart.

class Walk {
 public:
  Walk(const Options& o, Cohort& co, Stats& st, uint64_t index, uint32_t local)
      : o_(o), co_(co), st_(st), r_(o.seed * 0x9e3779b97f4a7c15ull ^ (index + 1) * 0xd1b54a32d192ed03ull),
        index_(index), local_(local) {}

  void Run();

 private:
  // ---- JSON writing ----
  std::string& B() { return co_.arena; }
  void Comma() {
    if (need_comma_[depth_]) B().push_back(',');
    need_comma_[depth_] = true;
  }
  void Key(sv k) {
    Comma();
    B().push_back('"');
    B().append(k);
    B().append("\":", 2);
  }
  void Open(char c) {
    B().push_back(c);
    need_comma_[++depth_] = false;
  }
  void Close(char c) {
    B().push_back(c);
    --depth_;
  }
  void Q(sv v) {
    B().push_back('"');
    B().append(v);
    B().push_back('"');
  }
  void Str(sv k, sv v) {
    Key(k);
    Q(v);
  }
  void Bool(sv k, bool v) {
    Key(k);
    B().append(v ? "true"sv : "false"sv);
  }
  void Int(sv k, uint64_t v) {
    Key(k);
    PutUint(B(), v);
  }
  void Date(sv k, int day) {
    Key(k);
    B().push_back('"');
    PutDate(B(), day);
    B().push_back('"');
  }
  void ObjK(sv k) {
    Key(k);
    Open('{');
  }
  void ArrK(sv k) {
    Key(k);
    Open('[');
  }
  void Item(sv v) {
    Comma();
    Q(v);
  }
  void ItemObj() {
    Comma();
    Open('{');
  }
  // One sentence with '@' and '#' filled in.
  void Sentence(sv s) {
    size_t i = 0;
    while (i < s.size()) {
      size_t j = i;
      while (j < s.size() && s[j] != '@' && s[j] != '#') ++j;
      B().append(s.data() + i, j - i);
      if (j < s.size()) B().append(s[j] == '@' ? first_ : school_);
      i = j + 1;
    }
  }
  // Free text of about lo..hi bytes from the pools, sentence by sentence.
  template <size_t N>
  void Text(const sv (&pool)[N], int lo, int hi) {
    TextOf({pool, N}, {}, {}, lo, hi);
  }
  struct PoolRef {
    const sv* items = nullptr;
    size_t n = 0;
  };
  void TextOf(PoolRef a, PoolRef b, PoolRef c, int lo, int hi) {
    PoolRef pools[3] = {a, b, c};
    int npools = 1 + (b.n > 0) + (c.n > 0);
    const size_t begin = B().size();
    int target = r_.Range(lo, std::max(lo, hi - 140));
    const sv* last = nullptr;
    for (int guard = 0; guard < 16; ++guard) {
      const PoolRef& p = pools[r_.Below(uint32_t(npools))];
      const sv* s = &p.items[r_.Below(uint32_t(p.n))];
      if (s == last) continue;
      last = s;
      if (B().size() > begin) B().push_back(' ');
      Sentence(*s);
      if (int(B().size() - begin) >= target) break;
    }
  }
  template <size_t N>
  void TextK(sv k, const sv (&pool)[N], int lo, int hi) {
    Key(k);
    B().push_back('"');
    Text(pool, lo, hi);
    B().push_back('"');
  }
  template <size_t N>
  void SentK(sv k, const sv (&pool)[N]) {
    Key(k);
    B().push_back('"');
    Sentence(r_.Pick(pool));
    B().push_back('"');
  }

  // ---- command framing ----
  bool Begin(Type t, sv reason = {}, Addr addr = kByCase) {
    if (stopped_) return false;
    if (day_ > o_.now) {
      stopped_ = true;
      return false;
    }
    if (t != kSignal) addr = subject_ok_ && r_.Chance(0.12) ? kBySubject : kByCase;
    cmd_ = Cmd{day_, local_, uint32_t(B().size()), 0, uint8_t(t), uint8_t(addr)};
    depth_ = 0;
    need_comma_[0] = true;
    Str("actor", r_.Chance(0.08) ? r_.Pick(kConsulents) : sv(consulent_));
    Date("occurred_at", day_);
    if (!reason.empty()) Str("reason", reason);
    ObjK("data");
    return true;
  }
  void End() {
    Close('}');
    B().append("}\n", 2);
    cmd_.len = uint32_t(B().size() - cmd_.off);
    co_.cmds.push_back(cmd_);
  }
  // Waiting times scale with the case's pace (waiting lists, a youth who keeps cancelling).
  void Advance(int lo, int hi) { day_ += r_.Range(lo, hi) * pace_ / 4; }

  // ---- the commands ----
  void Signal(bool first, int channel, int absence, bool follow_up);
  void Review(bool school_reason);
  void Triage(sv reason);
  void Contact(int channel, sv outcome, const sv* note_pool, size_t note_n);
  void IntakeScheduled(int date, bool deviate);
  void Intake(int date);
  void Assessment();
  void Consent();
  void Shares(int n);
  void Share(bool consent_ground);
  void ConsentWithdrawn();
  void Inquiry();
  void Plan(bool revised, sv reason, bool ask_director);
  void PlanStarted();
  void Monitor(bool stuck);
  void CloseCase(CloseReason why, sv reason);
  void AftercareCheck(bool out);
  void AftercareEnd();
  void Feedback(const sv* pool, size_t n);
  void Evaluation(sv reason);
  void Note();
  void Assign(sv who);
  void MaybeNote(double p) {
    if (r_.Chance(p)) Note();
  }

  // ---- route pieces ----
  void Profile();
  void ShortRoute();
  void FullRoute(bool again);
  void NoContact(bool early);
  bool Contacts();  // false: no contact (then the case was closed)
  void AfterEarlyClose(const sv* pool, size_t n);
  void AfterDoelBereikt(bool allow_reopen);
  bool AgeOk(int day) const {
    if (!birth_given_ || tg_ == kGeen) return true;
    int age = AgeOn(birth_, day);
    return age >= 18 && age < 23;
  }

  const Options& o_;
  Cohort& co_;
  Stats& st_;
  Rng r_;
  uint64_t index_;
  uint32_t local_;

  // JSON state
  int depth_ = 0;
  bool need_comma_[12] = {};
  Cmd cmd_{};

  // route state
  int day_ = 0;
  int pace_ = 4;  // in quarters: 4 is the usual pace
  bool stopped_ = false;
  bool subject_ok_ = false;  // the subject's current case is open (or in aftercare) by the ledger clock
  Deviation dev_ = kNoDeviation;
  bool dev_done_ = false;
  int tg_ = kVsvNieuw;
  bool action_required_ = true;
  bool young_ = false;
  bool enrolled_ = false;  // as the latest signal or review said
  bool absence_ever_ = false;
  int first_contact_ = -1;
  int close_day_ = -1;
  int aftercare_until_ = -1;
  bool consent_active_ = false;
  bool consent_all_ = false;
  std::vector<sv> consent_partners_;
  uint32_t consent_cats_ = 0;  // bit per kCategories
  int consent_until_ = -1;
  int close_kind_ = -1;

  // the youth
  char ref_[16] = {};
  sv first_, last_;
  std::string school_;
  bool school_vso_ = false;
  int birth_ = 0;
  bool birth_given_ = true;
  std::string consulent_;
  int jikp_perspective_ = 0;
};

void Walk::Profile() {
  std::snprintf(ref_, sizeof ref_, "J-%07llu", (unsigned long long)(o_.first_ref + index_));
  tg_ = r_.Weighted(kTgWeights);
  first_ = r_.Pick(kFirstNames);
  last_ = r_.Pick(kLastNames);
  consulent_ = std::string(r_.Pick(kConsulents));
  school_vso_ = tg_ == kJikp || (tg_ == kGeen && r_.Chance(0.3));
  school_ = std::string(school_vso_ ? r_.Pick(kVso) : r_.Pick(kMbo));
  // Start dates are stratified over start .. now-60, so consecutive cases start close together.
  const int span = (o_.now - 60) - o_.start + 1;
  const uint64_t slot = (index_ * uint64_t(span) + r_.Below(uint32_t(span))) / o_.cases;
  day_ = o_.start + int(slot);
  // Ages 18..22 at the signal (so that triage passes the age rule), some geen 16..17.
  young_ = tg_ == kGeen && r_.Chance(0.10);
  int lo, hi;
  if (young_) {
    lo = AddYears(day_, -18) + 30;
    hi = AddYears(day_, -16);
  } else {
    lo = AddYears(day_, -23) + 45;
    hi = AddYears(day_, -18) - 20;
  }
  birth_ = r_.Range(lo, hi);
  birth_given_ = r_.Chance(0.95);
  enrolled_ = tg_ == kVerzuim || tg_ == kVsvDreigend || (tg_ == kJikp && r_.Chance(0.2)) ||
              (young_ && r_.Chance(0.7));
  jikp_perspective_ = r_.Weighted({40, 35, 25});
  action_required_ = tg_ != kGeen && !r_.Chance(0.04);
  pace_ = 4 + r_.Weighted({60, 25, 10, 5}) * 2;
  if (r_.Chance(0.075)) {
    static const int w[kDevCount] = {0, 15, 12, 12, 12, 10, 10, 10, 10, 9};
    dev_ = Deviation(r_.Weighted(w));
  }
  ++st_.tg[tg_];
}

void Walk::Signal(bool first, int channel, int absence, bool follow_up) {
  if (!Begin(kSignal, {}, first ? kOpens : kAttaches)) return;
  const bool good = channel <= kCasusoverleg || channel == kGemeente;  // report quality
  const double q = good ? 0.65 : 0.2;
  ObjK("subject");
  Str("ref", ref_);
  if (!follow_up) {
    Key("name");
    B().push_back('"');
    B().append(first_);
    B().push_back(' ');
    B().append(last_);
    B().push_back('"');
    if (birth_given_) Date("birth_date", birth_);
    if (r_.Chance(0.85)) {
      Key("address");
      B().push_back('"');
      B().append(r_.Pick(kStreets));
      B().push_back(' ');
      PutUint(B(), uint64_t(r_.Range(1, 240)));
      if (r_.Chance(0.15)) B().push_back(char('a' + r_.Below(4)));
      B().append(", ", 2);
      PutUint(B(), uint64_t(r_.Range(3400, 3999)));
      B().push_back(' ');
      B().push_back(char('A' + r_.Below(26)));
      B().push_back(char('A' + r_.Below(18)));
      B().push_back(' ');
      B().append(r_.Pick(kCities));
      B().push_back('"');
    }
    if (r_.Chance(0.7)) {
      Key("phone");
      B().append("\"06-", 4);
      PutPadded(B(), uint64_t(r_.Below(100000000)), 8);
      B().push_back('"');
    }
    bool ascii = true;
    for (unsigned char ch : first_) ascii &= ch < 0x80 && ch != ' ';
    for (unsigned char ch : last_) ascii &= ch < 0x80 && ch != '\'';
    if (ascii && r_.Chance(0.4)) {
      Key("email");
      B().push_back('"');
      for (char ch : first_) B().push_back(char(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch));
      B().push_back('.');
      for (char ch : last_)
        if (ch != ' ') B().push_back(char(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch));
      if (r_.Chance(0.5)) PutUint(B(), uint64_t(r_.Range(1, 99)));
      B().push_back('@');
      B().append(r_.Pick(kMailDomains));
      B().push_back('"');
    }
    if (r_.Chance(0.9)) Str("school", school_);
    if (tg_ == kVerzuim || tg_ == kVsvDreigend || r_.Chance(0.7)) Bool("enrolled", enrolled_);
  } else {
    Bool("enrolled", enrolled_);
  }
  Close('}');
  Str("channel", kChannels[channel]);
  switch (channel) {
    case kDuoLijst: Str("reporter", "DUO"); break;
    case kInlichtingenbureau: Str("reporter", "Inlichtingenbureau"); break;
    case kJongere: break;
    case kCasusoverleg: Str("reporter", r_.Chance(0.5) ? "MDO wijkteam"sv : "ZAT"sv); break;
    case kGemeente: Str("reporter", r_.Chance(0.5) ? "Werk en Inkomen"sv : "Jongerenloket"sv); break;
    case kOutreach: Str("reporter", "RMC outreach"); break;
    case kNetwerkpartner:
      Str("reporter", r_.Chance(0.6) ? sv(school_) : r_.Pick(kPartners));
      break;
    default: Str("reporter", school_); break;
  }
  Date("received", day_);
  if (absence >= 0) {
    absence_ever_ = true;
    ObjK("absence");
    Str("kind", kAbsenceKinds[absence]);
    if (r_.Chance(0.8))
      Int("hours", uint64_t(absence == 1 ? r_.Range(60, 130) : r_.Range(16, 60)));
    if (r_.Chance(0.7)) {
      Date("from", day_ - r_.Range(28, 60));
      Date("to", day_ - r_.Range(1, 5));
    }
    Close('}');
  }
  const bool direct = channel <= kJongere;
  if (direct || channel == kExitgesprek) Bool("action_wanted", r_.Chance(0.7));
  if (direct && r_.Chance(q)) TextK("expected_action", kExpect, 40, 200);
  if (r_.Chance(q + 0.15)) TextK("suspected_reason", kReason, 40, 300);
  if (r_.Chance(q)) TextK("partner_actions", kPartnerActions, 40, 300);
  if (r_.Chance(q * 0.7)) TextK("youth_agreements", kYouth, 40, 250);
  if (r_.Chance(q * 0.6)) {
    ArrK("contacts");
    Comma();
    B().append("\"moeder: 06-", 12);
    PutPadded(B(), uint64_t(r_.Below(100000000)), 8);
    B().push_back('"');
    if (r_.Chance(0.5)) {
      Comma();
      B().append("\"mentor ", 8);
      B().append(school_);
      B().push_back('"');
    }
    Close(']');
  }
  if (r_.Chance(q * 0.5)) TextK("care", kCare, 30, 200);
  End();
}

void Walk::Review(bool school_reason) {
  if (!Begin(kReview, school_reason ? r_.Pick(kWhyReviewNoSchool) : sv{})) return;
  Bool("checked_with_youth", r_.Chance(0.6));
  ArrK("checked_with_partners");
  if (r_.Chance(0.9)) {
    if (enrolled_ || r_.Chance(0.4)) Item(school_);
    int n = r_.Range(0, 2);
    sv prev;
    for (int i = 0; i < n; ++i) {
      sv p = r_.Pick(kPartners);
      if (p != prev) Item(p);
      prev = p;
    }
  }
  Close(']');
  if (!school_reason && (absence_ever_ || (enrolled_ && r_.Chance(0.6)))) {
    Bool("school_contacted", true);
    TextK("school_measures", kSchoolMeasures, 40, 300);
  }
  if (r_.Chance(0.5)) TextK("suspected_reason", kReason, 40, 300);
  if (r_.Chance(0.5)) TextK("partner_actions", kPartnerActions, 40, 300);
  if (r_.Chance(0.5)) TextK("youth_agreements", kYouth, 40, 250);
  if (r_.Chance(0.4)) {
    ArrK("contacts");
    Item(r_.Chance(0.5) ? "moeder"sv : "vader"sv);
    if (r_.Chance(0.5)) Item(r_.Pick(kPartners));
    Close(']');
  }
  if (r_.Chance(0.4)) TextK("care", kCare, 30, 200);
  if (absence_ever_ && r_.Chance(0.8)) TextK("absence_overview", kAbsenceOverview, 60, 300);
  if (r_.Chance(0.4)) Bool("enrolled", enrolled_);
  End();
}

void Walk::Triage(sv reason) {
  if (reason.empty() && !AgeOk(day_)) {
    reason = kWhyAge[0];
    ++st_.age_overrides;
  }
  if (!Begin(kTriage, reason)) return;
  Str("target_group", kTargetGroups[tg_]);
  Bool("action_required", action_required_);
  Key("rationale");
  B().push_back('"');
  if (young_) Sentence(r_.Pick(kRationaleYoung));
  else if (!action_required_) Sentence(r_.Pick(kRationaleNoAction));
  else Sentence(r_.Pick(kRationale[tg_]));
  if (r_.Chance(0.4)) {
    B().push_back(' ');
    Sentence(r_.Pick(kReason));
  }
  B().push_back('"');
  if (tg_ == kJikp) {
    static constexpr sv kPerspectives[] = {"onderwijs", "arbeid", "dagbesteding"};
    Str("jikp_perspective", kPerspectives[jikp_perspective_]);
  }
  End();
}

void Walk::Contact(int channel, sv outcome, const sv* pool, size_t n) {
  if (!Begin(kContact)) return;
  if (first_contact_ < 0) first_contact_ = day_;
  Str("channel", kContactChannels[channel]);
  Str("outcome", outcome);
  if (pool && r_.Chance(0.65)) {
    Key("note");
    B().push_back('"');
    TextOf({pool, n}, {}, {}, 30, 200);
    B().push_back('"');
  }
  End();
}

void Walk::IntakeScheduled(int date, bool deviate) {
  const bool school = enrolled_ || tg_ == kVerzuim || tg_ == kVsvDreigend;
  const bool without_school = deviate && school;
  if (!Begin(kIntakeScheduled, without_school ? r_.Pick(kWhyNoSchool) : sv{})) return;
  if (without_school) dev_done_ = true;
  Date("date", date);
  ArrK("participants");
  Item("jongere");
  if (school && !without_school) Item("school");
  if (r_.Chance(0.4)) Item("ouders");
  if (r_.Chance(0.2)) Item(r_.Pick(kPartners));
  Close(']');
  Bool("asked_youth_about_involvement", true);
  End();
}

void Walk::Intake(int date) {
  if (!Begin(kIntake)) return;
  const bool school = (enrolled_ || tg_ == kVerzuim || tg_ == kVsvDreigend) &&
                      !(dev_ == kIntakeNoSchool && dev_done_);
  Date("date", date);
  ArrK("participants");
  Item("jongere");
  if (school) Item("school");
  if (r_.Chance(0.35)) Item("ouders");
  if (r_.Chance(0.15)) Item(r_.Pick(kPartners));
  Close(']');
  TextK("support_question", kSupport, 40, 250);
  if (r_.Chance(0.85)) {
    int w = tg_ == kJikp ? (jikp_perspective_ == 2 ? 3 : jikp_perspective_ == 1 ? 1 : 0)
                         : int(r_.Weighted({45, 25, 20, 5, 5}));
    Str("wish", kWishes[w]);
  }
  if (r_.Chance(0.6)) {
    ObjK("answers");
    int n = r_.Range(1, 4);
    int start = int(r_.Below(6));
    for (int i = 0; i < n; ++i) Str(kQuestions[(start + i) % 6], r_.Pick(kAnswers));
    Close('}');
  }
  End();
}

void Walk::Assessment() {
  if (!Begin(kAssessment)) return;
  const int instrument = r_.Weighted({70, 25, 5});
  static constexpr sv kInstruments[] = {"zrm", "signaleringsinstrument", "anders"};
  Str("instrument", kInstruments[instrument]);
  int order[13];
  for (int i = 0; i < 13; ++i) order[i] = i;
  int n = instrument == 0 ? r_.Range(4, 13) : r_.Range(3, 8);
  for (int i = 0; i < n; ++i) std::swap(order[i], order[i + int(r_.Below(uint32_t(13 - i)))]);
  ObjK("domains");
  for (int i = 0; i < n; ++i) {
    ObjK(kDomains[order[i]]);
    if (instrument == 0 || (instrument == 2 && r_.Chance(0.5)))
      Int("score", uint64_t(1 + r_.Weighted({5, 25, 35, 25, 10})));
    else
      Bool("concern", r_.Chance(0.5));
    if (r_.Chance(0.25)) Str("note", r_.Pick(kDomainNotes));
    Close('}');
  }
  Close('}');
  if (r_.Chance(0.8)) {
    ObjK("big5");
    int start = int(r_.Below(5)), m = r_.Range(3, 5);
    for (int i = 0; i < m; ++i) Str(kBig5[(start + i) % 5], r_.Pick(kBig5Rating));
    Close('}');
  }
  End();
}

void Walk::Consent() {
  const bool given = !r_.Chance(0.1);
  if (!Begin(kConsent)) return;
  if (!given) ++st_.refused_consent;
  Bool("given", given);
  consent_partners_.clear();
  consent_all_ = r_.Chance(0.1);
  ArrK("partners");
  if (consent_all_) {
    Item("*");
  } else {
    consent_partners_.push_back(school_);
    int n = r_.Range(0, 2);
    for (int i = 0; i < n; ++i) {
      sv p = r_.Pick(kPartners);
      if (std::find(consent_partners_.begin(), consent_partners_.end(), p) == consent_partners_.end())
        consent_partners_.push_back(p);
    }
    for (sv p : consent_partners_) Item(p);
  }
  Close(']');
  consent_cats_ = 1u << 0;  // contactgegevens
  int extra = r_.Range(1, 4);
  for (int i = 0; i < extra; ++i) consent_cats_ |= 1u << (1 + r_.Below(9));
  if (tg_ == kVerzuim) consent_cats_ |= 1u << 1;
  ArrK("categories");
  for (int i = 0; i < 10; ++i)
    if (consent_cats_ & (1u << i)) Item(kCategories[i]);
  Close(']');
  Key("purpose");
  B().push_back('"');
  Sentence(r_.Pick(kPurpose));
  B().push_back('"');
  if (r_.Chance(0.9)) Bool("signed", given && r_.Chance(0.85));
  consent_until_ = -1;
  if (given && r_.Chance(0.5)) {
    consent_until_ = AddMonths(day_, 12);
    Date("valid_until", consent_until_);
  }
  consent_active_ = given;
  End();
}

void Walk::Share(bool consent_ground) {
  if (!Begin(kShare)) return;
  sv partner;
  uint32_t cats = 0;
  if (consent_ground) {
    partner = consent_all_ ? r_.Pick(kPartners) : consent_partners_[r_.Below(uint32_t(consent_partners_.size()))];
    // a non-empty subset of the consented categories
    for (int i = 0; i < 10; ++i)
      if ((consent_cats_ & (1u << i)) && r_.Chance(0.6)) cats |= 1u << i;
    if (!cats) cats = 1u << 0;
  } else {
    static constexpr sv kStatutory[] = {"leerplicht", "DUO", "Werk en Inkomen", "Jongerenloket"};
    partner = r_.Pick(kStatutory);
    if (partner == "leerplicht" || partner == "DUO") cats = (1u << 0) | (1u << 2);
    else cats = (1u << 0) | (1u << 3);
    if (absence_ever_) cats |= 1u << 1;
  }
  Str("partner", partner);
  ArrK("categories");
  for (int i = 0; i < 10; ++i)
    if (cats & (1u << i)) Item(kCategories[i]);
  Close(']');
  Str("grondslag", consent_ground ? "toestemming"sv : "wettelijke-taak"sv);
  SentK("doel", kShareDoel);
  SentK("proportionaliteit", kShareProp);
  SentK("subsidiariteit", kShareSubsid);
  End();
}

void Walk::Shares(int n) {
  for (int i = 0; i < n; ++i) {
    const bool consent_ok = consent_active_ && (consent_until_ < 0 || day_ <= consent_until_);
    Share(consent_ok && r_.Chance(0.75));
  }
}

void Walk::ConsentWithdrawn() {
  if (!Begin(kConsentWithdrawn)) return;
  ArrK("partners");
  if (consent_all_) Item("*");
  else
    for (sv p : consent_partners_) Item(p);
  Close(']');
  consent_active_ = false;
  End();
}

void Walk::Inquiry() {
  if (!Begin(kInquiry)) return;
  Key("reasons");
  B().push_back('"');
  TextOf({kReason, std::size(kReason)}, {kCare, std::size(kCare)}, {}, 80, 500);
  B().push_back('"');
  if (tg_ == kVerzuim || r_.Chance(0.3)) TextK("education_reasons", kEduReasons, 80, 400);
  ArrK("interventions");
  int n = r_.Weighted({20, 40, 30, 10});
  int start = int(r_.Below(std::size(kInterventions)));
  for (int i = 0; i < n; ++i) {
    const auto& m = kInterventions[(start + i) % std::size(kInterventions)];
    ItemObj();
    Str("what", m[0]);
    Str("effect", m[1]);
    Close('}');
  }
  Close(']');
  ArrK("care");
  n = r_.Weighted({50, 35, 15});
  start = int(r_.Below(std::size(kCareMeasures)));
  for (int i = 0; i < n; ++i) {
    const auto& m = kCareMeasures[(start + i) % std::size(kCareMeasures)];
    ItemObj();
    Str("what", m[0]);
    Str("effect", m[1]);
    Close('}');
  }
  Close(']');
  TextK("next_steps", kNextSteps, 80, 400);
  End();
}

void Walk::Plan(bool revised, sv reason, bool ask_director) {
  if (!Begin(revised ? kPlanRevised : kPlan, reason)) return;
  ArrK("trajectories");
  bool any = false;
  if (tg_ == kJikp) {
    if (jikp_perspective_ == 0) Item("onderwijs"), any = true;
    if (jikp_perspective_ == 1) Item("arbeid"), any = true;
    if (jikp_perspective_ == 2 || r_.Chance(0.4)) Item("hulpverlening"), any = true;
  } else {
    if (r_.Chance(0.7)) Item("onderwijs"), any = true;
    if (r_.Chance(0.35)) Item("arbeid"), any = true;
    if (!any || r_.Chance(0.25)) Item("hulpverlening");
  }
  Close(']');
  if (r_.Chance(0.4)) SentK("career_tests", kCareerTests);
  if (r_.Chance(0.3)) SentK("work_guidance", kWorkGuidance);
  if (r_.Chance(0.7)) {
    ObjK("youth_contact");
    Str("frequency", r_.Pick(kFrequency));
    Str("channel", r_.Pick(kYouthChannel));
    Close('}');
  }
  if (r_.Chance(0.6)) {
    ObjK("partner_feedback");
    ArrK("partners");
    Item(school_);
    if (r_.Chance(0.4)) Item(r_.Pick(kPartners));
    Close(']');
    Str("how", r_.Pick(kFeedbackHow));
    Close('}');
  }
  Str("case_director", r_.Chance(0.5) ? sv(school_) : r_.Pick(kPartners));
  Bool("asked_youth_for_director", ask_director);
  if (r_.Chance(0.6)) {
    ArrK("responsibilities");
    int n = r_.Range(1, 3);
    for (int i = 0; i < n; ++i) {
      ItemObj();
      Str("partner", i == 0 ? sv(school_) : r_.Pick(kPartners));
      Str("task", r_.Pick(kTasks));
      Close('}');
    }
    Close(']');
  }
  Bool("made_with_youth", true);
  End();
}

void Walk::PlanStarted() {
  if (!Begin(kPlanStarted)) return;
  Date("date", day_);
  if (r_.Chance(0.6)) Str("partner", r_.Chance(0.5) ? sv(school_) : r_.Pick(kPartners));
  End();
}

void Walk::Monitor(bool stuck) {
  if (!Begin(kMonitor)) return;
  if (stuck) ++st_.stuck;
  Str("status", stuck ? "vastgelopen"sv : "op-koers"sv);
  if (r_.Chance(0.6)) {
    ArrK("feedback_from");
    Item(school_);
    if (r_.Chance(0.3)) Item(r_.Pick(kPartners));
    Close(']');
  }
  if (stuck || r_.Chance(0.8)) {
    if (stuck) TextK("follow_up", kMonitorStuck, 60, 400);
    else TextK("follow_up", kMonitorOk, 60, 400);
  }
  End();
}

void Walk::CloseCase(CloseReason why, sv reason) {
  if (!Begin(kClose, reason)) return;
  Str("reason", kCloseReasons[why]);
  close_day_ = day_;
  close_kind_ = why;
  aftercare_until_ = -1;
  if (why == kDoelBereikt) {
    ArrK("outcome");
    bool work = false;
    if (tg_ == kJikp && jikp_perspective_ == 2) {
      Item("dagbesteding");
    } else {
      int w = r_.Weighted({55, 30, 10, 5});
      if (w == 0) Item("onderwijs");
      if (w == 1) Item("werk"), work = true;
      if (w == 2) Item("onderwijs"), Item("werk"), work = true;
      if (w == 3) Item("zorg");
    }
    Close(']');
    if (work) Int("work_hours_per_week", uint64_t(r_.Range(8, 40)));
    if (r_.Chance(0.1)) {
      aftercare_until_ = AddMonths(day_, r_.Range(3, 12));
      Date("aftercare_until", aftercare_until_);
    } else {
      aftercare_until_ = AddMonths(day_, 6);  // the region default (aftercare_months)
    }
  }
  ++st_.closes[why];
  End();
  // Addressing by subject stays possible only while the ledger clock sees the case in aftercare.
  subject_ok_ = why == kDoelBereikt && aftercare_until_ >= o_.now + kClockMargin;
}

void Walk::AftercareCheck(bool out) {
  if (!Begin(kAftercareCheck)) return;
  Str("status", out ? "uitgevallen"sv : "op-plek"sv);
  if (r_.Chance(0.85)) {
    Key("activity");
    B().push_back('"');
    Sentence(out ? r_.Pick(kAftercareOut) : r_.Pick(kAftercareOk));
    B().push_back('"');
  }
  if (!out && r_.Chance(0.2)) Int("work_hours_per_week", uint64_t(r_.Range(12, 38)));
  End();
}

void Walk::AftercareEnd() {
  if (!Begin(kAftercareEnd)) return;
  if (r_.Chance(0.7)) SentK("note", kEndNote);
  End();
  subject_ok_ = false;
}

void Walk::Feedback(const sv* pool, size_t n) {
  if (!Begin(kFeedback)) return;
  ArrK("partners");
  Item(school_);
  if (r_.Chance(0.4)) Item(r_.Pick(kPartners));
  Close(']');
  Key("summary");
  B().push_back('"');
  TextOf({pool, n}, {kFeedbackTail, std::size(kFeedbackTail)}, {}, 80, 500);
  B().push_back('"');
  Bool("limited_to_case", true);
  End();
}

void Walk::Evaluation(sv reason) {
  if (!Begin(kEvaluation, reason)) return;
  static constexpr sv kJaDeelsNee[] = {"ja", "ja", "deels", "nee"};
  static constexpr sv kRight[] = {"ja", "ja", "ja", "twijfel", "nee"};
  Str("resolved", r_.Pick(kJaDeelsNee));
  Str("partners_followed_up", r_.Pick(kJaDeelsNee));
  ArrK("bottlenecks");
  int n = r_.Weighted({35, 50, 15});
  for (int i = 0; i < n; ++i) {
    ItemObj();
    Str("issue", r_.Pick(kBottleneck));
    if (r_.Chance(0.7)) Str("owner", r_.Pick(kBottleneckOwner));
    if (r_.Chance(0.6)) Str("solution", r_.Pick(kBottleneckSolution));
    Close('}');
  }
  Close(']');
  sv right = r_.Pick(kRight);
  Str("right_decision", right);
  if (right != "ja" || r_.Chance(0.2)) TextK("right_decision_note", kDoDifferently, 40, 250);
  TextK("do_differently", kDoDifferently, 80, 400);
  TextK("went_well", kWentWell, 80, 400);
  if (r_.Chance(0.5)) {
    ArrK("learning_points");
    int m = r_.Range(1, 3), s = int(r_.Below(std::size(kLearning)));
    for (int i = 0; i < m; ++i) Item(kLearning[(s + i) % std::size(kLearning)]);
    Close(']');
  }
  if (r_.Chance(0.6)) {
    ArrK("improvements");
    ItemObj();
    Str("text", r_.Pick(kImprovement));
    ArrK("tags");
    int m = r_.Range(1, 3), s = int(r_.Below(std::size(kTags)));
    for (int i = 0; i < m; ++i) Item(kTags[(s + i) % std::size(kTags)]);
    Close(']');
    Close('}');
    Close(']');
  }
  if (r_.Chance(0.5)) {
    ArrK("participants");
    Item(school_);
    if (r_.Chance(0.5)) Item(r_.Pick(kPartners));
    Close(']');
  }
  End();
}

void Walk::Note() {
  if (!Begin(kNote)) return;
  Key("text");
  B().push_back('"');
  TextOf({kNoteExtra, std::size(kNoteExtra)}, {kReason, std::size(kReason)},
         {kYouth, std::size(kYouth)}, 80, 600);
  B().push_back('"');
  if (r_.Chance(0.6)) Str("category", r_.Pick(kNoteCategory));
  End();
}

void Walk::Assign(sv who) {
  if (!Begin(kAssign)) return;
  consulent_ = std::string(who);
  Str("consulent", who);
  End();
}

// ---- routes ----

void Walk::AfterEarlyClose(const sv* pool, size_t n) {
  if (stopped_) return;
  if (r_.Chance(0.9)) {
    Advance(1, 21);
    Feedback(pool, n);
    if (r_.Chance(0.55)) {
      Advance(1, 45);
      Evaluation({});
    }
  }
}

void Walk::ShortRoute() {
  // triage geen, or no action required: feedback (12), then close (11) without aftercare.
  if (r_.Chance(0.3)) {
    Advance(0, 3);
    Contact(kTelefoon, r_.Chance(0.7) ? "bereikt"sv : "niet-bereikt"sv, kContactOk, std::size(kContactOk));
  }
  MaybeNote(0.15);
  Advance(1, 10);
  if (young_) Feedback(kFeedbackShort, 1);
  else if (tg_ == kGeen) Feedback(kFeedbackShort + 1, 1);
  else Feedback(kFeedbackShort + 2, 1);
  Advance(0, 5);
  CloseCase(tg_ == kGeen ? kGeenDoelgroep : kGeenOndersteuning, {});
  if (r_.Chance(0.45)) {
    Advance(1, 30);
    Evaluation({});
  }
}

void Walk::NoContact(bool early) {
  // Closing without contact (§4.2): a letter and home visits on two different days, the
  // first attempt at least no_contact_min_days (28) before the closing; or, with a reason,
  // less (rule no-contact-effort).
  Advance(0, 5);
  const int first = day_;
  Contact(kBrief, "geen-reactie", kContactFail, std::size(kContactFail));
  if (early) {
    Advance(5, 10);
    Contact(kHuisbezoekA, "niet-thuis", kContactFail, std::size(kContactFail));
    Advance(2, 8);
    if (!stopped_ && day_ <= o_.now) dev_done_ = true;
    CloseCase(kGeenContact, r_.Pick(kWhyNoContactEarly));
    AfterEarlyClose(kFeedbackNoContact, std::size(kFeedbackNoContact));
    return;
  }
  if (r_.Chance(0.5)) {
    Advance(2, 6);
    Contact(kTelefoon, "niet-bereikt", kContactFail, std::size(kContactFail));
  }
  Advance(3, 8);
  Contact(kHuisbezoekA, "niet-thuis", kContactFail, std::size(kContactFail));
  if (r_.Chance(0.3)) {
    Advance(1, 5);
    Contact(kBriefOuders, "geen-reactie", nullptr, 0);
  }
  Advance(5, 14);
  Contact(kHuisbezoekO, "niet-thuis", kContactFail, std::size(kContactFail));
  if (r_.Chance(0.2)) {
    Advance(1, 7);
    Contact(kWijkteam, "niet-bereikt", kContactFail, std::size(kContactFail));
  }
  MaybeNote(0.3);
  day_ = std::max(day_ + 1, first + 28) + r_.Range(0, 14);
  CloseCase(kGeenContact, {});
  AfterEarlyClose(kFeedbackNoContact, std::size(kFeedbackNoContact));
}

bool Walk::Contacts() {
  // 1-5 attempts, the last one reaches the youth.
  const int n = 1 + r_.Weighted({30, 30, 20, 12, 8});
  for (int i = 0; i < n; ++i) {
    Advance(i == 0 ? 0 : 2, i == 0 ? 5 : 10);
    const bool last = i == n - 1;
    int ch;
    if (tg_ == kVsvOud) ch = r_.Pick({kBrief, kBrief, kTelefoon, kHuisbezoekA, kHuisbezoekO, kApp});
    else if (tg_ == kJikp) ch = r_.Pick({kTelefoon, kBriefOuders, kWijkteam, kHuisbezoekA, kApp});
    else ch = r_.Pick({kTelefoon, kTelefoon, kApp, kBrief, kSms, kEmail, kHuisbezoekA});
    if (i == 0 && r_.Chance(0.02)) ch = kFolder;
    sv outcome;
    if (last) {
      outcome = r_.Chance(0.6) ? "afspraak-gemaakt"sv : "bereikt"sv;
      if (ch == kFolder) ch = kTelefoon;
    } else if (ch == kBrief || ch == kBriefOuders || ch == kFolder) {
      outcome = "geen-reactie";
    } else if (ch == kHuisbezoekA || ch == kHuisbezoekO) {
      outcome = "niet-thuis";
    } else {
      outcome = r_.Chance(0.7) ? "niet-bereikt"sv : "geen-reactie"sv;
    }
    if (last) Contact(ch, outcome, kContactOk, std::size(kContactOk));
    else Contact(ch, outcome, kContactFail, std::size(kContactFail));
    if (i == 0) MaybeNote(0.1);
  }
  return true;
}

void Walk::FullRoute(bool again) {
  // ---- contact ----
  double p_no_contact = tg_ == kVsvOud ? 0.20 : tg_ == kVsvNieuw ? 0.10 : 0.05;
  if (again) p_no_contact = 0;
  if (dev_ == kNoContactEarly && !again) {
    NoContact(true);
    return;
  }
  if (r_.Chance(p_no_contact)) {
    NoContact(false);
    return;
  }
  Contacts();
  if (!again && r_.Chance(0.02)) {  // moved away before the intake
    Advance(1, 14);
    CloseCase(kVerhuisd, {});
    AfterEarlyClose(kFeedbackShort + 3, 1);
    return;
  }
  // ---- step 4: intake (3-gesprek when enrolled) ----
  Advance(0, 2);
  if (r_.Chance(0.9)) {
    int date = day_ + r_.Range(3, 14);
    IntakeScheduled(date, dev_ == kIntakeNoSchool);
    if (r_.Chance(0.1)) {  // no-show, rescheduled
      day_ = date;
      Contact(kTelefoon, "niet-verschenen", kNoShow, std::size(kNoShow));
      Advance(0, 2);
      date = day_ + r_.Range(3, 10);
      IntakeScheduled(date, false);
    }
    day_ = date;
  } else {
    Advance(1, 7);
  }
  Intake(day_);
  if (stopped_) return;
  MaybeNote(0.3);
  if (dev_ == kCloseAfterIntake && !again) {
    Advance(1, 10);
    if (!stopped_ && day_ <= o_.now) dev_done_ = true;
    CloseCase(kDoelBereikt, r_.Pick(kWhyCloseAfterIntake));
    AfterDoelBereikt(false);
    return;
  }
  if (r_.Chance(again ? 0.25 : 0.07)) {  // resolved at the intake
    Advance(0, 7);
    CloseCase(kGeenOndersteuning, {});
    AfterEarlyClose(kFeedbackShort + 2, 1);
    return;
  }
  if (r_.Chance(0.02)) {
    Advance(3, 30);
    CloseCase(kVerhuisd, {});
    AfterEarlyClose(kFeedbackShort + 3, 1);
    return;
  }
  // A follow-up absence report while the case is open attaches to it.
  if (tg_ == kVerzuim && !again && r_.Chance(0.12)) {
    Advance(1, 10);
    Signal(false, kDuoVerzuimloket, 2, true);
    Advance(0, 3);  // picked up (deadline pickup)
    Contact(r_.Chance(0.5) ? kTelefoon : kApp, "bereikt", kContactOk, std::size(kContactOk));
  }
  // ---- steps 5 and 6, either order; shares after the privacy conversation ----
  const bool consent_first = r_.Chance(0.4);
  for (int k = 0; k < 2; ++k) {
    Advance(0, 7);
    if ((k == 0) == consent_first) {
      Consent();
      if (r_.Chance(0.6)) Shares(r_.Range(1, 2));
    } else {
      Assessment();
    }
  }
  MaybeNote(0.3);
  // ---- step 7 ----
  const bool skip_inquiry = dev_ == kSkipInquiry && !again;
  if (!skip_inquiry) {
    Advance(2, 14);
    Inquiry();
  }
  // ---- steps 8, 9 ----
  Advance(2, 14);
  if (skip_inquiry) {
    if (!stopped_ && day_ <= o_.now) dev_done_ = true;
    Plan(again, r_.Pick(kWhySkipInquiry), true);
  } else if (dev_ == kPlanNoDirector && !again) {
    if (!stopped_ && day_ <= o_.now) dev_done_ = true;
    Plan(again, r_.Pick(kWhyNoDirector), false);
  } else {
    Plan(again, {}, true);
  }
  MaybeNote(0.3);
  Advance(2, 21);
  PlanStarted();
  if (r_.Chance(0.15)) Shares(1);
  // ---- step 10: monitoring, sometimes stuck ----
  const int monitors = again ? r_.Range(1, 3) : 1 + r_.Weighted({15, 22, 22, 18, 13, 10});
  const int stuck_at = dev_ == kStuckClose && !again ? monitors - 1
                       : r_.Chance(0.2) && monitors > 1 ? int(r_.Below(uint32_t(monitors - 1)))
                                                        : -1;
  for (int i = 0; i < monitors; ++i) {
    if (r_.Chance(0.55)) {  // keeping in touch as the plan says
      Advance(5, 20);
      static constexpr int kKeep[] = {kApp, kApp, kTelefoon, kTelefoon, kEmail, kHuisbezoekA};
      const bool reached = r_.Chance(0.85);
      Contact(r_.Pick(kKeep), reached ? "bereikt"sv : "niet-bereikt"sv,
              reached ? kMonitorOk : kContactFail,
              reached ? std::size(kMonitorOk) : std::size(kContactFail));
      Advance(5, 20);
    } else {
      Advance(14, 42);
    }
    Monitor(i == stuck_at);
    MaybeNote(0.2);
    if (i == stuck_at && !(dev_ == kStuckClose && !again)) {
      // Revisit steps 5, 7, 8 without deviation, then start again.
      if (r_.Chance(0.4)) {
        Advance(1, 10);
        Assessment();
      }
      if (r_.Chance(0.3)) {
        Advance(1, 10);
        Inquiry();
      }
      Advance(1, 14);
      Plan(true, {}, true);
      Advance(1, 14);
      PlanStarted();
    }
    if (i == 0 && consent_active_ && r_.Chance(0.04)) {
      Advance(0, 5);
      ConsentWithdrawn();
    }
    if (r_.Chance(0.05)) {
      Advance(0, 3);
      Assign(r_.Pick(kConsulents));
    }
  }
  // ---- step 11 ----
  Advance(0, 14);
  if (dev_ == kStuckClose && !again) {
    if (!stopped_ && day_ <= o_.now) dev_done_ = true;
    CloseCase(kDoelBereikt, r_.Pick(kWhyStuckClose));
    AfterDoelBereikt(false);
    return;
  }
  const int w = r_.Weighted({90, 4, 3, 3});
  if (w == 0) {
    CloseCase(kDoelBereikt, {});
    AfterDoelBereikt(!again);
  } else if (w == 1) {
    CloseCase(kGeenOndersteuning, {});
    AfterEarlyClose(kFeedbackShort + 2, 1);
  } else if (w == 2 || AgeOn(birth_, day_) < 22) {
    CloseCase(kVerhuisd, {});
    AfterEarlyClose(kFeedbackShort + 3, 1);
  } else {
    CloseCase(kLeeftijdsgrens, {});
    AfterEarlyClose(kFeedbackShort + 2, 1);
  }
}

void Walk::AfterDoelBereikt(bool allow_reopen) {
  if (stopped_) return;
  // Aftercare (nazorg) checks, feedback (12), evaluation (13), sometimes an explicit end; a
  // new signal during aftercare reopens the case.
  enum { kCheck, kCheckOut, kNoteE, kFeedbackE, kEvalE, kEndE };
  struct E {
    int day, kind;
  } ev[8];
  int n = 0;
  const int c = close_day_, until = aftercare_until_;
  const bool eval_first = dev_ == kEvalFirst;
  int fb = c + r_.Range(1, 21);
  if (eval_first) {
    int e = c + r_.Range(1, 5);
    fb = e + r_.Range(1, 10);
    ev[n++] = {e, kEvalE};
  }
  ev[n++] = {fb, kFeedbackE};
  if (!eval_first && r_.Chance(0.85)) ev[n++] = {fb + r_.Range(1, 45), kEvalE};
  if (r_.Chance(0.85)) {
    const int checks = r_.Chance(0.4) ? 2 : 1;
    int last = c + 14;
    for (int i = 0; i < checks && last < until - 12; ++i) {
      last = r_.Range(last + 1, std::min(until - 12, last + 120));
      ev[n++] = {last, r_.Chance(0.08) ? kCheckOut : kCheck};
    }
  }
  if (r_.Chance(0.35)) ev[n++] = {c + r_.Range(1, 150), kNoteE};
  bool has_end = r_.Chance(0.2);
  if (has_end) ev[n++] = {until - r_.Range(0, 10), kEndE};
  std::sort(ev, ev + n, [](const E& a, const E& b) {
    return a.day != b.day ? a.day < b.day : a.kind < b.kind;
  });
  // Reopen: only while the ledger clock sees the case in aftercare (until >= now + margin).
  int reopen = -1;
  if (allow_reopen && until >= o_.now + kClockMargin && c + 20 <= o_.now) {
    bool out = false;
    for (int i = 0; i < n; ++i) out |= ev[i].kind == kCheckOut && ev[i].day <= o_.now;
    if (r_.Chance(out ? 0.9 : 0.2)) {
      reopen = r_.Range(c + 20, std::min(o_.now, until));
      if (out)
        for (int i = 0; i < n; ++i)
          if (ev[i].kind == kCheckOut && ev[i].day <= o_.now) {
            reopen = std::max(ev[i].day, r_.Range(ev[i].day, std::min(o_.now, ev[i].day + 30)));
            break;
          }
      // the second triage must still pass the age rule
      if (!AgeOk(reopen + 40)) reopen = -1;
    }
  }
  for (int i = 0; i < n; ++i) {
    if (reopen >= 0 && (ev[i].day >= reopen || ev[i].kind == kEndE)) break;
    day_ = std::max(day_, ev[i].day);
    switch (ev[i].kind) {
      case kCheck: AftercareCheck(false); break;
      case kCheckOut: AftercareCheck(true); break;
      case kNoteE: Note(); break;
      case kFeedbackE: Feedback(kFeedbackDone, std::size(kFeedbackDone)); break;
      case kEvalE:
        if (eval_first && !stopped_ && day_ <= o_.now) dev_done_ = true;
        Evaluation(eval_first ? r_.Pick(kWhyEvalFirst) : sv{});
        break;
      case kEndE: AftercareEnd(); break;
    }
  }
  if (reopen < 0 || stopped_) return;
  // ---- reopened: a new signal while in aftercare, the route restarts at review ----
  day_ = std::max(day_, reopen);
  static constexpr int kReopenChannels[] = {kNetwerkpartner, kJongere, kCasusoverleg,
                                            kDuoVerzuimloket, kGemeente};
  const int ch = r_.Pick(kReopenChannels);
  Signal(false, ch, ch == kDuoVerzuimloket ? r_.Weighted(kAbsenceWeights) : -1, false);
  if (stopped_) return;
  ++st_.reopened;
  subject_ok_ = true;
  Advance(1, 6);
  Review(false);
  Advance(0, 3);
  Triage({});
  FullRoute(true);
}

void Walk::Run() {
  Profile();
  const int channel = r_.Weighted(kChannelWeights[tg_]);
  int absence = -1;
  if (tg_ == kVerzuim) absence = r_.Weighted(kAbsenceWeights);
  else if ((tg_ == kVsvDreigend && r_.Chance(0.3)) || (young_ && r_.Chance(0.3)))
    absence = r_.Weighted({50, 40, 0, 10});
  if (channel == kDuoVerzuimloket && absence < 0) absence = r_.Weighted({50, 40, 0, 10});
  Signal(true, channel, absence, false);
  subject_ok_ = true;
  if (r_.Chance(0.8)) {
    Advance(0, 2);
    Assign(consulent_);
  }
  MaybeNote(0.2);
  if (dev_ == kTriageNoReview) {
    Advance(1, 4);
    if (!stopped_ && day_ <= o_.now) dev_done_ = true;
    Triage(r_.Pick(kWhyTriageNoReview));
  } else {
    Advance(1, 6);
    const bool school_reason = dev_ == kReviewNoSchool && absence_ever_;
    if (school_reason && day_ <= o_.now) dev_done_ = true;
    Review(school_reason);
    Advance(0, 3);
    Triage({});
  }
  MaybeNote(0.3);
  if (!stopped_) {
    if (tg_ == kGeen || !action_required_) ShortRoute();
    else FullRoute(false);
  }
  if (dev_done_) ++st_.deviations[dev_];
  ++st_.cases;
  if (stopped_) ++st_.in_progress;
}

// ------------------------------------------------------------------------------------------

void Usage(FILE* f) {
  std::fputs(
      "usage: rmc-gen --cases N [--seed S] [--now YYYY-MM-DD] [--start YYYY-MM-DD] [--out FILE]\n"
      "               [--cohort SIZE] [--first-case K] [--first-ref K]\n"
      "\n"
      "Writes a deterministic workload for `rmc apply`: JSON Lines commands for N cases walked\n"
      "along realistic routes of the routekaart (signals, review, triage, contact attempts,\n"
      "intake, assessment, consent and data sharing, inquiry, plan, monitoring, stuck cases\n"
      "revised, closing, aftercare, feedback, evaluation; reopened cases; deviations with a\n"
      "reason). Every line is accepted by `rmc apply` on a fresh ledger whose clock (RMC_NOW)\n"
      "is the --now date, e.g. RMC_NOW=2026-11-20T12:00:00Z.\n"
      "\n"
      "  --cases N        number of cases (youths), default 1000\n"
      "  --seed S         PRNG seed, default 1; same options, same output\n"
      "  --now DATE       the ledger's today: no command occurs later; default 2026-11-20\n"
      "  --start DATE     earliest signal date; signals fall in --start .. --now-60 days;\n"
      "                   default 2024-01-01\n"
      "  --out FILE       write to FILE instead of standard output\n"
      "  --cohort SIZE    cases whose commands are merged by date, default 1000 (memory)\n"
      "  --first-case K   the ledger's next case number (RMC-%06d), default 1 (a fresh ledger)\n"
      "  --first-ref K    the first youth ref J-%07d, default 1\n"
      "\n"
      "Cases are addressed with \"case\" (the predicted RMC-%06d id) or, for about 10% of the\n"
      "commands, with \"subject\". Command ids are g<seed>-<n>. Statistics go to standard error.\n",
      f);
}

bool ParseU64(const char* s, uint64_t& out) {
  char* end = nullptr;
  errno = 0;
  unsigned long long v = std::strtoull(s, &end, 10);
  if (errno || !end || *end || end == s || s[0] == '-') return false;
  out = v;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    auto value = [&](const char* name) -> const char* {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "rmc-gen: %s needs a value\n", name);
        std::exit(2);
      }
      return argv[++i];
    };
    auto bad = [&](const char* name) {
      std::fprintf(stderr, "rmc-gen: bad value for %s\n", name);
      std::exit(2);
    };
    if (a == "--help" || a == "-h") {
      Usage(stdout);
      return 0;
    } else if (a == "--cases") {
      if (!ParseU64(value("--cases"), o.cases) || o.cases == 0) bad("--cases");
    } else if (a == "--seed") {
      if (!ParseU64(value("--seed"), o.seed)) bad("--seed");
    } else if (a == "--now") {
      if (!ParseDate(value("--now"), o.now)) bad("--now");
    } else if (a == "--start") {
      if (!ParseDate(value("--start"), o.start)) bad("--start");
    } else if (a == "--out") {
      o.out = value("--out");
    } else if (a == "--cohort") {
      if (!ParseU64(value("--cohort"), o.cohort) || o.cohort == 0) bad("--cohort");
    } else if (a == "--first-case") {
      if (!ParseU64(value("--first-case"), o.first_case) || o.first_case == 0) bad("--first-case");
    } else if (a == "--first-ref") {
      if (!ParseU64(value("--first-ref"), o.first_ref)) bad("--first-ref");
    } else {
      std::fprintf(stderr, "rmc-gen: unknown argument '%s'\n", argv[i]);
      Usage(stderr);
      return 2;
    }
  }
  if (o.start > o.now - 60) {
    std::fprintf(stderr, "rmc-gen: --start must lie at least 60 days before --now\n");
    return 2;
  }
  FILE* out = stdout;
  if (o.out) {
    out = std::fopen(o.out, "wb");
    if (!out) {
      std::fprintf(stderr, "rmc-gen: cannot write %s: %s\n", o.out, std::strerror(errno));
      return 1;
    }
  }
  const auto t0 = std::chrono::steady_clock::now();

  Stats st;
  Cohort co;
  std::vector<uint64_t> case_no;   // per case of the cohort: its predicted case number
  std::vector<uint32_t> order, count;
  std::string buf;
  buf.reserve(1 << 23);
  uint64_t next_case = o.first_case, next_id = 1;
  char seed_prefix[48];
  const int seed_len = std::snprintf(seed_prefix, sizeof seed_prefix, "{\"id\":\"g%llu-",
                                     (unsigned long long)o.seed);
  bool write_failed = false;
  auto flush = [&]() {
    if (!buf.empty() && std::fwrite(buf.data(), 1, buf.size(), out) != buf.size()) write_failed = true;
    st.bytes += buf.size();
    buf.clear();
  };

  for (uint64_t base = 0; base < o.cases; base += o.cohort) {
    const uint64_t n = std::min<uint64_t>(o.cohort, o.cases - base);
    co.arena.clear();
    co.cmds.clear();
    for (uint64_t k = 0; k < n; ++k) {
      Walk w(o, co, st, base + k, uint32_t(k));
      w.Run();
    }
    // Merge by date: a stable counting sort keeps each case's own order.
    int lo = INT32_MAX, hi = INT32_MIN;
    for (const Cmd& c : co.cmds) lo = std::min(lo, int(c.day)), hi = std::max(hi, int(c.day));
    if (co.cmds.empty()) continue;
    count.assign(size_t(hi - lo + 2), 0);
    for (const Cmd& c : co.cmds) ++count[size_t(c.day - lo + 1)];
    for (size_t i = 1; i < count.size(); ++i) count[i] += count[i - 1];
    order.resize(co.cmds.size());
    for (uint32_t i = 0; i < co.cmds.size(); ++i) order[count[size_t(co.cmds[i].day - lo)]++] = i;
    case_no.assign(n, 0);
    for (uint32_t idx : order) {
      const Cmd& c = co.cmds[idx];
      buf.append(seed_prefix, size_t(seed_len));
      PutUint(buf, next_id++);
      buf.append("\",\"type\":\"", 10);
      buf.append(kTypeNames[c.type]);
      buf.push_back('"');
      switch (c.addr) {
        case kOpens:
          case_no[c.kase] = next_case++;
          break;
        case kAttaches:
          break;
        case kBySubject:
          buf.append(",\"subject\":\"J-", 14);
          PutPadded(buf, o.first_ref + base + c.kase, 7);
          buf.push_back('"');
          ++st.by_subject;
          break;
        default:
          buf.append(",\"case\":\"RMC-", 13);
          PutPadded(buf, case_no[c.kase], 6);
          buf.push_back('"');
          break;
      }
      buf.append(co.arena.data() + c.off, c.len);
      ++st.types[c.type];
      ++st.commands;
      if (buf.size() > (1u << 22)) flush();
    }
  }
  flush();
  if (out != stdout ? std::fclose(out) != 0 : std::fflush(out) != 0) write_failed = true;
  if (write_failed) {
    std::fprintf(stderr, "rmc-gen: write failed: %s\n", std::strerror(errno));
    return 1;
  }
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  std::fprintf(stderr, "rmc-gen: %llu cases, %llu commands (%.1f per case), %.1f MB (%.0f bytes per command), %.2f s, %.0f commands/s\n",
               (unsigned long long)st.cases, (unsigned long long)st.commands,
               double(st.commands) / double(st.cases), double(st.bytes) / 1e6,
               double(st.bytes) / double(std::max<uint64_t>(1, st.commands)), secs,
               double(st.commands) / std::max(secs, 1e-9));
  std::fprintf(stderr, "target groups:");
  for (int i = 0; i < kTgCount; ++i)
    std::fprintf(stderr, " %s %llu (%.1f%%)", std::string(kTargetGroups[i]).c_str(),
                 (unsigned long long)st.tg[i], 100.0 * double(st.tg[i]) / double(st.cases));
  std::fprintf(stderr, "\nclosed:");
  for (int i = 0; i < kCloseCount; ++i)
    std::fprintf(stderr, " %s %llu", std::string(kCloseReasons[i]).c_str(),
                 (unsigned long long)st.closes[i]);
  uint64_t devs = 0;
  for (int i = 1; i < kDevCount; ++i) devs += st.deviations[i];
  std::fprintf(stderr,
               "\ncut at --now (still in progress): %llu; reopened: %llu; stuck monitors: %llu; consent "
               "refused: %llu; cases with a planned deviation: %llu; age overrides: %llu; "
               "addressed by subject: %llu\n",
               (unsigned long long)st.in_progress, (unsigned long long)st.reopened,
               (unsigned long long)st.stuck, (unsigned long long)st.refused_consent,
               (unsigned long long)devs, (unsigned long long)st.age_overrides,
               (unsigned long long)st.by_subject);
  std::fprintf(stderr, "commands:");
  for (int i = 0; i < kTypeCount; ++i)
    std::fprintf(stderr, " %s %llu", std::string(kTypeNames[i]).c_str(),
                 (unsigned long long)st.types[i]);
  std::fprintf(stderr, "\n");
  return 0;
}
