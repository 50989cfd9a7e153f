// rmc-gen's vocabularies: names, schools, partners, the codes of the schema with their weights,
// and the sentence pools free text is made of. Every string is JSON-safe (no quote, backslash
// or control character). In the sentence pools '@' stands for the youth's first name and '#'
// for the school. In a header so that every array's size is known where it is picked from.
#pragma once

#include <string_view>

namespace rmc::gen {

using namespace std::string_view_literals;
using sv = std::string_view;

inline constexpr sv kFirstNames[] = {
    "Daan", "Sem", "Lucas", "Milan", "Levi", "Luuk", "Thijs", "Jesse", "Bram", "Finn",
    "Noah", "Mohammed", "Ayoub", "Mehmet", "Yusuf", "Rayan", "Kevin", "Dylan", "Stijn", "Tim",
    "Ruben", "Jayden", "Joey", "Niels", "Gijs", "Sven", "Kerem", "Damian", "Quinten", "Rik",
    "Emma", "Julia", "Sophie", "Lotte", "Sanne", "Fenna", "Noor", "Lieke", "Iris", "Anouk",
    "Fleur", "Zoë", "Yasmina", "Salma", "Aya", "Chantal", "Kimberley", "Demi", "Esmee", "Nina",
    "Roos", "Maud", "Jasmijn", "Priscilla", "Shanice", "Samira", "Elif", "Büşra", "Daniël",
    "Noëlle", "Indy", "Romy", "Amber", "Britt", "Tess", "Isa", "Lina", "Ilse", "Merel", "Mila",
    "Joëlle", "Ravi", "Sjoerd", "Wessel", "Jens", "Youssef", "Hamza", "Ilias", "Soufiane",
    "Bilal", "Tygo", "Xavi", "Mees", "Stan", "Jurre", "Gwen", "Naomi", "Djenna", "Rowan", "Koen"};

inline constexpr sv kLastNames[] = {
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

inline constexpr sv kStreets[] = {
    "Kanaalweg", "Lindelaan", "Dorpsstraat", "Kerkstraat", "Molenweg", "Stationsstraat",
    "Schoolstraat", "Julianastraat", "Beatrixlaan", "Wilhelminastraat", "Oranjelaan",
    "Eikenlaan", "Berkenweg", "Vinkenstraat", "Merelstraat", "Zonnebloemstraat", "Tulpstraat",
    "Rembrandtlaan", "Vermeerstraat", "Amsterdamsestraatweg", "Oudegracht", "Biltstraat",
    "Vleutenseweg", "Marnixlaan", "Columbuslaan", "Bernadottelaan", "Smaragdplein",
    "Neckardreef", "Zamenhofdreef", "Hooghiemstraplein", "Jan van Galenstraat",
    "Van Heuven Goedhartlaan", "Nedereindseweg", "Hessenweg", "Ravenswade", "Kruisstraat"};

inline constexpr sv kCities[] = {"Utrecht", "Utrecht", "Utrecht", "Amersfoort", "Amersfoort",
                          "Nieuwegein", "Zeist", "Houten", "IJsselstein", "Veenendaal",
                          "Woerden", "Bunnik", "De Bilt", "Leusden", "Soest", "Baarn",
                          "Maarssen", "Vianen", "Montfoort", "Wijk bij Duurstede"};

inline constexpr sv kMailDomains[] = {"gmail.com", "hotmail.com", "outlook.com", "live.nl", "icloud.com"};

inline constexpr sv kMbo[] = {"ROC Midden Nederland", "MBO Utrecht", "MBO Amersfoort",
                       "Grafisch Lyceum Utrecht", "Nimeto Utrecht", "ROC ASA Utrecht",
                       "Aeres MBO Barneveld", "Yuverta Houten", "ROC Rivor", "Deltion College"};
inline constexpr sv kVso[] = {"VSO De Sprong", "Praktijkschool Utrecht", "Praktijkcollege Het Plein",
                       "VSO Ariane de Ranitz", "De Baanbreker", "Praktijkschool De Bolster",
                       "Via Nova College", "Vakcollege Amersfoort", "Cals College Nieuwegein"};

inline constexpr sv kPartners[] = {"leerplicht", "wijkteam", "UWV", "Leerwerkloket", "Jongerenloket",
                            "Werk en Inkomen", "GGZ Centraal", "Altrecht", "schuldhulpverlening",
                            "Wmo-consulent", "jeugdreclassering", "Buurtteam", "Jongerenwerk",
                            "huisarts", "Zorgboerderij De Hoeve", "Leger des Heils",
                            "Stichting Jongerenhuis", "leerwerkmakelaar"};

inline constexpr sv kConsulents[] = {"c.jansen", "m.bakker", "s.elamrani", "p.devries", "a.yilmaz",
                              "j.vandijk", "r.mulder", "l.visser", "k.smit", "t.degroot",
                              "n.bos", "e.hendriks", "h.kok", "w.brouwer", "f.dijkstra",
                              "d.peters", "i.maas", "b.prins", "y.kaya", "g.vermeulen",
                              "o.schouten", "v.huisman", "a.benali", "m.nguyen"};

inline constexpr sv kCategories[] = {"contactgegevens", "verzuim", "onderwijs", "werk",    "inkomen",
                              "gezin",           "huisvesting", "plan", "zorg",    "justitie"};

inline constexpr sv kDomains[] = {"gezin",           "werk-opleiding",  "huisvesting", "gezondheid",
                           "sociaal-netwerk", "verslaving",      "financien",   "justitie",
                           "huiselijke-relaties", "vaardigheden", "tijdsbesteding",
                           "hulp-aanvaarden", "motivatie"};
inline constexpr sv kBig5[] = {"support", "wonen", "school-werk", "inkomen", "welzijn"};
inline constexpr sv kBig5Rating[] = {"ok", "ok", "aandacht", "aandacht", "probleem"};

inline constexpr sv kTargetGroups[] = {"verzuim-18plus", "vsv-nieuw", "vsv-oud",
                                "vsv-dreigend",   "jikp",      "geen"};
enum Tg { kVerzuim, kVsvNieuw, kVsvOud, kVsvDreigend, kJikp, kGeen, kTgCount };
inline constexpr int kTgWeights[] = {25, 30, 12, 10, 10, 13};

enum Channel {
  kDuoVerzuimloket, kNetwerkpartner, kJongere, kExitgesprek, kCasusoverleg, kGemeente,
  kDuoLijst, kUitstroomlijst, kInlichtingenbureau, kOutreach, kChannelCount
};
inline constexpr sv kChannels[] = {"duo-verzuimloket", "netwerkpartner", "jongere",     "exitgesprek",
                            "casusoverleg",     "gemeente",       "duo-lijst",   "uitstroomlijst",
                            "inlichtingenbureau", "outreach"};
// Signal channel weights per target group (rows: Tg).
inline constexpr int kChannelWeights[kTgCount][kChannelCount] = {
    {60, 28, 2, 0, 10, 0, 0, 0, 0, 0},     // verzuim-18plus
    {0, 10, 5, 5, 0, 10, 55, 0, 15, 0},    // vsv-nieuw
    {0, 5, 5, 0, 5, 15, 45, 0, 15, 10},    // vsv-oud
    {0, 35, 5, 45, 15, 0, 0, 0, 0, 0},     // vsv-dreigend
    {0, 10, 0, 0, 15, 5, 20, 50, 0, 0},    // jikp
    {10, 35, 20, 5, 5, 15, 5, 0, 5, 0},    // geen
};

inline constexpr sv kAbsenceKinds[] = {"16u-4w", "4w-aaneengesloten", "vervolgmelding", "overig"};
inline constexpr int kAbsenceWeights[] = {35, 45, 10, 10};

inline constexpr sv kContactChannels[] = {"brief", "brief-ouders", "telefoon", "app", "sms", "email",
                                   "huisbezoek-aangekondigd", "huisbezoek-onaangekondigd",
                                   "wijkteam", "folder"};
enum ContactChannel {
  kBrief, kBriefOuders, kTelefoon, kApp, kSms, kEmail, kHuisbezoekA, kHuisbezoekO, kWijkteam,
  kFolder
};

inline constexpr sv kWishes[] = {"school", "werk", "beide", "zorg", "onbekend"};

// ---- sentence pools ----

inline constexpr sv kReason[] = {
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

inline constexpr sv kPartnerActions[] = {
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

inline constexpr sv kYouth[] = {
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

inline constexpr sv kCare[] = {
    "Er loopt ambulante begeleiding vanuit de jeugdhulp, die stopt nu @ 18 is.",
    "@ staat op de wachtlijst bij de GGZ voor een intake.",
    "Geen hulpverlening bekend.",
    "Het gezin krijgt ondersteuning van het wijkteam.",
    "@ heeft een bewindvoerder vanwege schulden.",
    "Er is begeleiding vanuit de schuldhulpverlening gestart.",
    "@ heeft in het verleden gesprekken bij een psycholoog gehad; dat is gestopt.",
    "Vanuit de Wmo is een indicatie voor begeleiding afgegeven."};

inline constexpr sv kSchoolMeasures[] = {
    "De mentor heeft twee keer gebeld en een verzuimgesprek gepland.",
    "De verzuimcoördinator van # heeft een waarschuwingsbrief gestuurd en de ouders uitgenodigd.",
    "School heeft het verzuim bij DUO gemeld en een gesprek met de studieloopbaanbegeleider aangeboden.",
    "Er is een aangepast rooster en extra begeleiding bij de praktijkvakken afgesproken.",
    "De school heeft de zorgcoördinator ingeschakeld en de jeugdarts gevraagd mee te kijken.",
    "Er is een plan met afspraken over aanwezigheid opgesteld, maar @ is die niet nagekomen.",
    "De opleiding heeft een switchgesprek aangeboden voor een andere richting binnen #."};

inline constexpr sv kAbsenceOverview[] = {
    "Volgens het verzuimoverzicht van # was @ de afgelopen vier weken vrijwel niet aanwezig.",
    "Het verzuim begon na de herfstvakantie en is sindsdien opgelopen tot meer dan zestien uur per maand.",
    "@ mist vooral de eerste uren en de praktijklessen op vrijdag.",
    "Er zijn vier aaneengesloten weken zonder geldige reden gemist.",
    "Het verzuim is wisselend; sommige weken is @ er volledig, andere weken helemaal niet."};

inline constexpr sv kExpect[] = {
    "Graag contact opnemen met @ en samen kijken naar een passende vervolgstap.",
    "De school vraagt om een gesprek voordat @ zich uitschrijft.",
    "Graag een huisbezoek, omdat @ niet reageert op telefoon en mail.",
    "Verzoek om mee te denken over een overstap naar een andere opleiding.",
    "Graag ondersteuning bij het vinden van werk of een leerwerkplek."};

inline constexpr sv kRationale[kTgCount][4] = {
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
inline constexpr sv kRationaleYoung[] = {
    "Jonger dan 18: valt onder de leerplicht; overgedragen aan de leerplichtambtenaar.",
    "Nog geen 18 jaar; leerplicht pakt de melding op.",
    "Minderjarig en kwalificatieplichtig; geen RMC-doelgroep, overdracht aan leerplicht."};
inline constexpr sv kRationaleNoAction[] = {
    "School heeft het zelf opgelost; @ volgt weer de lessen en er is geen verdere actie nodig.",
    "@ is inmiddels ingeschreven bij een nieuwe opleiding; alleen terugkoppelen aan de melder.",
    "Het wijkteam heeft de regie en begeleidt @ al; geen rol voor het RMC naast het wijkteam."};

inline constexpr sv kContactFail[] = {
    "Brief verstuurd met een uitnodiging voor een gesprek op het jongerenloket.",
    "Twee keer gebeld, voicemail ingesproken.",
    "Niemand thuis; kaartje met telefoonnummer in de brievenbus gedaan.",
    "Buurvrouw zegt dat @ er overdag zelden is.",
    "Appje gestuurd, wel gelezen maar geen reactie.",
    "Moeder gesproken aan de deur; zij geeft de boodschap door.",
    "Telefoonnummer lijkt niet meer in gebruik; via school een ander nummer gevraagd."};
inline constexpr sv kContactOk[] = {
    "@ gesproken; wil wel een afspraak maken voor een kennismaking.",
    "Telefonisch contact met @; afspraak gemaakt op het jongerenloket.",
    "@ reageerde op de brief en belde zelf terug.",
    "Huisbezoek: @ was thuis en stond open voor een gesprek.",
    "Via het wijkteam contact gelegd; @ komt naar het spreekuur.",
    "@ stuurde een appje terug en wil graag volgende week langskomen."};
inline constexpr sv kNoShow[] = {
    "@ is niet op de afspraak verschenen; nieuwe uitnodiging verstuurd.",
    "Afspraak gemist; @ zegt zich verslapen te hebben."};

inline constexpr sv kSupport[] = {
    "@ wil weer naar school, maar dan naar een opleiding die beter past.",
    "@ zoekt werk met een vast contract en wil daarnaast eventueel een diploma halen.",
    "@ wil hulp bij het regelen van schulden voordat er ruimte is voor school.",
    "@ wil een plek voor dagbesteding dicht bij huis.",
    "@ wil weten welke opleidingen er zijn in de techniek.",
    "@ wil hulp bij het vinden van een BBL-plek.",
    "@ heeft vooral behoefte aan iemand die meedenkt over de toekomst.",
    "@ wil eerst de thuissituatie op orde krijgen en daarna verder kijken."};

inline constexpr sv kQuestions[] = {"Wat wil je bereiken?", "Waarom ben je gestopt?", "Wie kan je helpen?",
                             "Wat gaat er goed?", "Wat heb je nodig?",
                             "Hoe ziet een gewone dag eruit?"};
inline constexpr sv kAnswers[] = {
    "een diploma en later een vaste baan", "de opleiding paste niet, te veel theorie",
    "mijn moeder en mijn oom", "ik kan goed met mijn handen werken",
    "iemand die helpt met plannen", "uitslapen, gamen en 's avonds werken",
    "rust in mijn hoofd", "werk in de zorg of de kinderopvang", "mijn vriendin motiveert me",
    "geld verdienen en op mezelf wonen", "ik wil niet meer naar dezelfde school",
    "sporten gaat goed, daar heb ik vrienden"};

inline constexpr sv kDomainNotes[] = {"geen opleiding, geen werk", "dag-nachtritme verstoord",
                               "schulden bij de zorgverzekeraar", "woont bij moeder, veel ruzie",
                               "weinig vrienden buiten het gamen", "blowt dagelijks",
                               "wacht op een intake bij de GGZ", "justitieel contact afgerond",
                               "kan zelf afspraken plannen", "motivatie wisselend",
                               "accepteert hulp van het wijkteam", "woont tijdelijk bij een vriend"};

inline constexpr sv kPurpose[] = {
    "aanmelding en warme overdracht naar een nieuwe opleiding",
    "afstemming met het wijkteam over ondersteuning thuis",
    "bemiddeling naar werk via het Leerwerkloket", "Wmo-indicatie en start van dagbesteding",
    "aanmelding bij de schuldhulpverlening", "afstemming over de terugkeer naar school"};
inline constexpr sv kShareDoel[] = {"aanmelding voor een nieuwe opleiding",
                             "warme overdracht naar de begeleider", "afstemming over het verzuim",
                             "aanvraag van een indicatie", "bemiddeling naar een leerwerkplek",
                             "afstemming over de aanpak in het plan"};
inline constexpr sv kShareProp[] = {"alleen contact- en opleidingsgegevens",
                             "alleen de gegevens die nodig zijn voor de aanmelding",
                             "beperkt tot de verzuimgegevens van dit schooljaar",
                             "geen medische details, alleen de ondersteuningsbehoefte"};
inline constexpr sv kShareSubsid[] = {"@ kan zich niet zelfstandig aanmelden",
                               "@ heeft gevraagd of de consulent dit regelt",
                               "zonder overdracht moet @ het hele verhaal opnieuw vertellen",
                               "geen minder ingrijpend alternatief beschikbaar"};

inline constexpr sv kEduReasons[] = {
    "De opleiding sluit slecht aan bij het niveau van @; veel zelfstandig werken zonder begeleiding.",
    "Roosters wisselen vaak en lessen vallen uit; @ haakt daardoor af.",
    "Er was weinig contact met de mentor en de begeleiding bij de stage schoot tekort.",
    "De overstap van vmbo naar mbo was groot; de opleiding verwacht veel zelfstandigheid.",
    "De klassen zijn groot en er is veel onrust in de les.",
    "De verzuimaanpak van # kwam laat op gang; de eerste weken werd niet gebeld."};
inline constexpr sv kNextSteps[] = {
    "Beroepskeuzetest bij het Leerwerkloket en daarna aanmelding voor een praktijkgerichte opleiding.",
    "Aanmelden bij de schuldhulpverlening en tegelijk zoeken naar een BBL-plek.",
    "Intake bij de GGZ afwachten en in de tussentijd een dagritme opbouwen.",
    "Gesprek met de opleiding over een overstap naar niveau 2.",
    "Samen met het jongerenloket een werkfit-traject starten.",
    "Wmo-indicatie aanvragen en een proefplaatsing bij de dagbesteding regelen."};
inline constexpr sv kInterventions[][2] = {
    {"mentorgesprek", "kort effect, daarna weer verzuim"},
    {"exitgesprek ROC", "verwezen, niet opgevolgd"},
    {"verzuimgesprek leerplicht", "geen blijvend effect"},
    {"stage met extra begeleiding", "ging goed tot de stage stopte"},
    {"aangepast rooster", "aanwezigheid tijdelijk verbeterd"},
    {"schoolmaatschappelijk werk", "twee gesprekken, daarna afgehaakt"},
    {"budgetcursus", "nog niet afgerond"}};
inline constexpr sv kCareMeasures[][2] = {
    {"ambulante jeugdhulp", "stabiel thuis; stopt bij 18 jaar"},
    {"praktijkondersteuner GGZ", "helpt, de gesprekken lopen nog"},
    {"bewindvoering", "schulden stabiel"},
    {"begeleiding wijkteam", "gezin ervaart meer rust"},
    {"verslavingszorg", "minder gebruik, nog niet gestopt"}};

inline constexpr sv kCareerTests[] = {"beroepskeuzetest bij het Leerwerkloket",
                               "interessetest en twee meeloopdagen bij de opleiding",
                               "loopbaangesprekken met de decaan van de nieuwe opleiding"};
inline constexpr sv kWorkGuidance[] = {"sollicitatietraining bij het jongerenloket",
                                "begeleiding naar een BBL-plek door de leerwerkmakelaar",
                                "werkfit-traject van vier maanden bij Werk en Inkomen"};
inline constexpr sv kFrequency[] = {"elke week", "elke twee weken", "maandelijks"};
inline constexpr sv kYouthChannel[] = {"app", "telefoon", "huisbezoek", "op het jongerenloket"};
inline constexpr sv kFeedbackHow[] = {"maandelijkse mail over aanwezigheid",
                               "kort telefonisch overleg elke twee weken",
                               "driegesprek na zes weken"};
inline constexpr sv kTasks[] = {"beroepskeuzetest", "plaatsing op de nieuwe opleiding",
                         "begeleiding bij schulden", "indicatie dagbesteding",
                         "zoeken naar een leerwerkplek", "terugkeergesprek en aangepast rooster",
                         "intake en behandeling", "wekelijkse begeleiding thuis"};

inline constexpr sv kMonitorOk[] = {
    "@ is elke dag aanwezig en de eerste opdrachten zijn voldoende.",
    "De werkgever is tevreden; @ werkt nu vier dagen per week.",
    "De afspraken worden nagekomen; volgende evaluatie over een maand.",
    "@ heeft het ritme goed opgepakt en komt op tijd.",
    "De school meldt geen verzuim meer sinds de start van het traject.",
    "@ vertelt trots over de praktijkopdrachten en wil doorgaan."};
inline constexpr sv kMonitorStuck[] = {
    "@ is weer weggebleven en reageert niet op berichten.",
    "De leerwerkplek is vervallen; er moet een nieuw plan komen.",
    "De wachtlijst bij de hulpverlening blijkt langer dan verwacht; het traject staat stil.",
    "@ is gestopt met de opleiding na een conflict met een docent.",
    "Thuis is de situatie verslechterd en @ kan zich niet op school richten."};

inline constexpr sv kAftercareOk[] = {"volgt BOL niveau 2, aanwezigheid goed",
                               "werkt 32 uur per week in de logistiek",
                               "drie dagen per week op de zorgboerderij",
                               "is gestart met een BBL-opleiding in de bouw",
                               "heeft een contract voor een jaar bij een supermarkt",
                               "volgt de entree-opleiding en loopt stage in een garage"};
inline constexpr sv kAftercareOut[] = {"is gestopt met de opleiding en zit weer thuis",
                                "contract niet verlengd; zoekt opnieuw werk",
                                "dagbesteding gestopt na een verhuizing"};

inline constexpr sv kFeedbackDone[] = {
    "@ volgt sinds kort een nieuwe opleiding; het RMC-traject is afgesloten en de nazorg loopt.",
    "Terugkoppeling aan de melder: @ is aan het werk en heeft geen verdere ondersteuning nodig.",
    "@ heeft een passende plek gevonden; de afspraken over de nazorg zijn gedeeld.",
    "Het plan is uitgevoerd; de school is geïnformeerd over de aanwezigheid en de begeleiding."};
inline constexpr sv kFeedbackNoContact[] = {
    "Geen contact gekregen ondanks een brief en twee huisbezoeken; het dossier is gesloten.",
    "@ is niet bereikt; de melder is gevraagd een nieuwe melding te doen bij nieuwe signalen."};
inline constexpr sv kFeedbackTail[] = {
    "De melder kan bij nieuwe signalen opnieuw contact opnemen met het RMC.",
    "Met @ is afgesproken dat @ zelf contact opneemt als het niet goed gaat.",
    "Het dossier is volgens de afspraken in de regio afgesloten.",
    "Er zijn geen gegevens gedeeld die niet met het verzuim of de uitval te maken hebben.",
    "De school is gevraagd de aanwezigheid de komende maanden in de gaten te houden."};
inline constexpr sv kFeedbackShort[] = {
    "Overgedragen aan leerplicht omdat @ jonger is dan 18.",
    "@ valt niet onder de RMC-doelgroep; de melder is geïnformeerd over de juiste loketten.",
    "Geen verdere ondersteuning nodig; de school begeleidt @ zelf.",
    "@ is verhuisd naar een andere regio; de melding is doorgezet naar het RMC daar."};

inline constexpr sv kBottleneck[] = {"wachtlijst dagbesteding na uitstroom vso",
                              "verwijzing van exitgesprek naar Leerwerkloket werd niet gevolgd",
                              "melding kwam pas na acht weken verzuim binnen",
                              "geen vast aanspreekpunt bij de opleiding",
                              "lange wachttijd bij de GGZ",
                              "schulden stonden een opleiding in de weg"};
inline constexpr sv kBottleneckOwner[] = {"gemeente", "ROC Midden Nederland", "GGZ Centraal", "DUO",
                                   "leerplicht", "Werk en Inkomen"};
inline constexpr sv kBottleneckSolution[] = {"indicatie aanvragen voor de uitstroom",
                                      "warme overdracht bij het exitgesprek",
                                      "eerder melden bij zestien uur verzuim",
                                      "vaste contactpersoon per opleiding afspreken",
                                      "voorrangsregeling voor jongeren zonder dagbesteding"};
inline constexpr sv kDoDifferently[] = {
    "Direct bellen in plaats van eerst een brief sturen.",
    "Eerder het wijkteam betrekken bij de thuissituatie.",
    "In het laatste schooljaar al met de school om tafel gaan.",
    "De ouders eerder uitnodigen voor het gesprek.",
    "Sneller opschalen naar een casusoverleg toen @ niet reageerde."};
inline constexpr sv kWentWell[] = {
    "Het 3-gesprek met school gaf snel duidelijkheid.",
    "Snelle plaatsing dankzij de beroepskeuzetest.",
    "@ voelde zich gehoord en kwam alle afspraken na.",
    "De samenwerking met het Leerwerkloket liep soepel.",
    "Dankzij de toestemming om te delen kon de overdracht warm gebeuren."};
inline constexpr sv kLearning[] = {"brief werkt slecht bij deze leeftijd",
                            "huisbezoek levert vaak meer op dan bellen",
                            "ouders betrekken helpt bij motivatie",
                            "schulden eerst aanpakken", "vaste contactmomenten werken"};
inline constexpr sv kImprovement[] = {"exitgesprek met warme overdracht naar het RMC",
                               "uitstroomlijst vso voor de zomer bespreken",
                               "verzuimmeldingen sneller doorzetten",
                               "vaste contactpersoon bij elke mbo-opleiding",
                               "spreekuur op school voor twijfelende studenten"};
inline constexpr sv kTags[] = {"vsv", "verzuim", "jikp", "exitgesprek", "wachtlijst", "samenwerking",
                        "privacy", "outreach", "schulden", "ggz", "overgang"};

inline constexpr sv kNoteExtra[] = {
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
inline constexpr sv kNoteCategory[] = {"telefoonnotitie", "overleg", "huisbezoek", "dossier", "mdo"};

inline constexpr sv kEndNote[] = {"nazorg afgerond, @ zit goed op de plek",
                           "laatste contact gehad; @ weet de consulent te vinden",
                           "nazorg beëindigd in overleg met @"};

// Reasons for deviations (gemotiveerd afwijken).
inline constexpr sv kWhyTriageNoReview[] = {"jongere meldde zich zelf met volledig dossier",
                                     "dossier al compleet besproken in het casusoverleg"};
inline constexpr sv kWhySkipInquiry[] = {"jongere wil direct starten; vooronderzoek loopt parallel",
                                  "plaatsing kon per direct, vooronderzoek later aangevuld"};
inline constexpr sv kWhyNoSchool[] = {"jongere wil het eerste gesprek zonder school",
                               "conflict met de opleiding; school schuift later aan"};
inline constexpr sv kWhyNoDirector[] = {"jongere kan de keuze voor de casusregisseur niet overzien",
                                 "casusregie al belegd bij het wijkteam vanuit het gezinsplan"};
inline constexpr sv kWhyNoContactEarly[] = {"verhuisd volgens buren; casusoverleg akkoord",
                                     "adres onbekend, post komt retour; afgestemd met teamleider"};
inline constexpr sv kWhyStuckClose[] = {"jongere heeft zelf een baan gevonden",
                                 "jongere is zelfstandig gestart bij een andere opleiding"};
inline constexpr sv kWhyCloseAfterIntake[] = {"direct ingeschreven op mbo; traject niet nodig",
                                       "na de intake meteen geplaatst op een BBL-plek"};
inline constexpr sv kWhyReviewNoSchool[] = {"school niet bereikbaar in de vakantie",
                                     "school reageert niet; melding is urgent"};
inline constexpr sv kWhyEvalFirst[] = {"evaluatie in het teamoverleg, terugkoppeling volgt later",
                                "melder pas later bereikbaar voor terugkoppeling"};
inline constexpr sv kWhyAge[] = {"jongere wordt binnenkort 23; lopend traject wordt afgemaakt"};

}  // namespace rmc::gen
