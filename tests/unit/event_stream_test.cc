// The change feed's writer (event_stream.h) against the tree renderer (EventToJson, dumped as
// the CLI's PrintJson dumps it): the same bytes in every mode (personal fields omitted or
// revealed; sealed or erased), on every golden event, on built events that reach the
// corners (escaping, invalid UTF-8, corrections of sealed fields, jsonMap keys given twice, codes
// and union members the schema does not know) and on random payloads of every event type.
#include <gtest/gtest.h>

#include <capnp/serialize.h>

#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

#include "../file_facts.h"
#include "built_event.h"
#include "base/hex.h"
#include "base/json_writer.h"
#include "ledger/ledger.h"
#include "privacy/pseudonym_form.h"
#include "store/store.h"
#include "views/case_view.h"
#include "views/event_json.h"
#include "views/event_stream.h"

namespace rmc {
namespace {

namespace fs = std::filesystem;

struct Mode {
  const char* name;
  PersonalFields personal;
  bool use_unsealed;  // pass what the event sealed (kReveal)
  bool erased;        // the subject's key is gone
};

// The ways the feed renders an event: without --personal (kOmit), with it and in history
// (kReveal, with the unsealed copy or, for an erased subject, without it). The pseudonymised
// form is EventToJson's alone (event_stream.h).
const Mode kModes[] = {
    {"omit", PersonalFields::kOmit, false, false},
    {"omit-erased", PersonalFields::kOmit, false, true},
    {"reveal", PersonalFields::kReveal, true, false},
    {"reveal-erased", PersonalFields::kReveal, false, true},
};

RenderOptions OptionsFor(const Mode& mode) { return {mode.personal, nullptr}; }

std::string TreeText(schema::Event::Reader e, const Unsealed* unsealed, const RenderOptions& o,
                     bool erased) {
  return EventToJson(e, unsealed, o, erased).dump(-1, ' ', false, Json::error_handler_t::replace);
}

// Renders events through both paths, one EventWriter per mode reused from event to event, as the
// feed does.
class Both {
 public:
  Both() {
    for (const auto& m : kModes) writers_.emplace_back(m.personal);
  }
  // Expects equal text in every mode; the number of modes that differed.
  int Check(schema::Event::Reader e, const Unsealed* unsealed, const std::string& what) {
    int failures = 0;
    for (size_t i = 0; i < std::size(kModes); ++i) {
      const Mode& m = kModes[i];
      const Unsealed* u = m.use_unsealed ? unsealed : nullptr;
      const bool erased = m.erased || (m.use_unsealed && !unsealed);
      std::string tree, stream;
      bool tree_threw = false, stream_threw = false;
      try {
        tree = TreeText(e, u, OptionsFor(m), erased);
      } catch (const std::exception& x) {
        tree_threw = true;
      }
      out_.Clear();
      try {
        writers_[i].Write(e, u, erased, out_);
        stream = std::string(out_.view());
      } catch (const std::exception& x) {
        stream_threw = true;
      }
      EXPECT_EQ(tree_threw, stream_threw) << what << " (" << m.name << ")";
      thrown_ += tree_threw;
      ++checked_;
      EXPECT_EQ(stream, tree) << what << " (" << m.name << ")";
      failures += tree_threw != stream_threw || stream != tree;
    }
    return failures;
  }
  // How many renderings threw (both paths alike), of how many.
  int thrown() const { return thrown_; }
  int checked() const { return checked_; }

 private:
  int thrown_ = 0, checked_ = 0;
  std::vector<EventWriter> writers_;
  JsonWriter out_;
};

// --- the golden events -------------------------------------------------------------------------

const fs::path kGolden = fs::path(RMC_SOURCE_DIR) / "tests" / "golden" / "v1";

using rmc::testing::Slurp;

TEST(EventStream, EveryGoldenEventReadsTheSameInEveryMode) {
  std::string all = Slurp(kGolden / "events.bin");
  Json keys = Json::parse(Slurp(kGolden / "keys.json"));
  std::ifstream rendered(kGolden / "events.jsonl");
  Both both;
  int events = 0, erased = 0, sealed = 0;
  for (size_t at = 0; at + 8 <= all.size(); ++events) {
    uint64_t n;
    std::memcpy(&n, all.data() + at, 8);
    EventView view(std::string_view(all).substr(at + 8, n));
    at += 8 + n;
    auto e = view.event();
    std::optional<Unsealed> personal;
    if ((e.hasSealed() || e.hasSealedReason()) && keys.contains(Hex(e.getSubject()))) {
      std::string bytes = *FromHex(keys[Hex(e.getSubject())].get<std::string>());
      SubjectKey key;
      std::memcpy(key.data(), bytes.data(), key.size());
      auto opened = OpenSealed(key, e);
      ASSERT_TRUE(opened.ok());
      personal = std::move(*opened);
      ++sealed;
    } else if (e.hasSealed() || e.hasSealedReason()) {
      ++erased;
    }
    both.Check(e, personal ? &*personal : nullptr, "golden event " + std::to_string(e.getPosition()));
    // The golden file itself, for the revealed feed (`rmc events --personal`).
    std::string line;
    ASSERT_TRUE(std::getline(rendered, line));
    JsonWriter out;
    EventWriter(PersonalFields::kReveal)
        .Write(e, personal ? &*personal : nullptr, (e.hasSealed() || e.hasSealedReason()) && !personal,
               out);
    EXPECT_EQ(out.view(), line);
  }
  EXPECT_GE(events, 30);
  EXPECT_GT(sealed, 10);
  EXPECT_GT(erased, 2) << "the golden files hold an erased subject";
}

// --- built events ------------------------------------------------------------------------------

capnp::Text::Reader TextOf(const std::string& s) { return capnp::Text::Reader(s.data(), s.size()); }

TEST(EventStream, StringsAreEscapedLikeNlohmann) {
  const std::string strings[] = {
      "",
      "plain",
      std::string("nul\0inside", 10),
      "\"quoted\" \\ back/slash",
      "\b\f\n\r\t \x01\x02\x1f \x7f",
      "é ü Zoë Şahin 😀 \xe2\x82\xac",
      "bad \xff byte",
      "cut \xe2\x82",
      "lone \x80 continuation",
      "overlong \xc0\xaf and \xe0\x80\xaf",
      "surrogate \xed\xa0\x80 and above \xf4\x90\x80\x80",
      "\xf0\x9f\x98",
      "mixed \xc3\xa9\xc3 then \"\n",
  };
  for (const auto& s : strings) {
    JsonWriter out;
    out.String(s);
    EXPECT_EQ(out.view(), Json(s).dump(-1, ' ', false, Json::error_handler_t::replace)) << s;
  }
  // Every string of up to three bytes from an alphabet of the interesting bytes.
  const std::string alphabet("a\"\\\n\x01\x7f\x80\xbf\xc2\xc3\xa9\xe0\xe2\xed\xa0\xf0\xf4\x90\xff\x00", 21);
  std::string s;
  for (char a : alphabet)
    for (char b : alphabet)
      for (char c : alphabet)
        for (size_t n = 1; n <= 3; ++n) {
          s = std::string{a, b, c}.substr(0, n);
          JsonWriter out;
          out.String(s);
          ASSERT_EQ(out.view(), Json(s).dump(-1, ' ', false, Json::error_handler_t::replace));
        }
}

TEST(EventStream, NumbersAreWrittenLikeNlohmann) {
  for (uint64_t v : {uint64_t(0), uint64_t(7), uint64_t(1) << 63, ~uint64_t(0)}) {
    JsonWriter out;
    out.Uint(v);
    EXPECT_EQ(out.view(), Json(v).dump());
  }
  for (int64_t v : {int64_t(0), int64_t(-1), INT64_MIN, INT64_MAX}) {
    JsonWriter out;
    out.Int(v);
    EXPECT_EQ(out.view(), Json(v).dump());
  }
  for (double v : {0.0, -0.0, 1.0, 0.1, 1e300, 1.5e-7, 123456789.125}) {
    JsonWriter out;
    out.Double(v);
    EXPECT_EQ(out.view(), Json(v).dump());
  }
}

TEST(EventStream, EnvelopeTextIsEscapedAndCutAtNulLikeTheTree) {
  Built b;
  auto e = b.event();
  e.getActor().setId(TextOf(std::string("a\"c\0tor", 7)));
  e.setCommandId(TextOf("cmd \n\x01 é \xff"));
  e.setCaseId(TextOf(std::string("\0RMC", 4)));
  e.setReason(TextOf("why: \"\\\t\" 😀"));
  e.initOverrides(2).set(0, "rule-a\n");
  e.getProcessingActivity().setCode(TextOf("code\x1f"));
  e.setOccurredIsDate(true);
  uint8_t parent[8] = {9, 8, 7};
  e.setParentSpanId(capnp::Data::Reader(parent, 8));
  e.setCaller(TextOf("https://app.example/\"x\"\x01"));
  auto note = e.initPayload().initNoteAdded();
  note.setCategory(TextOf("cat\x02 \"x\""));
  EXPECT_EQ(Both().Check(b.reader(), b.Opened(), "envelope"), 0);
}

TEST(EventStream, SealedReasonIsRevealedListedOrReplacesThePlainOne) {
  for (bool plain : {false, true}) {
    Built b;
    if (plain) b.event().setReason("plain reason");
    b.event().initPayload().initCaseAssigned().setConsulent("j.jansen");
    b.SealReason(std::string("sealed \0 reason \xe2", 16));
    EXPECT_EQ(Both().Check(b.reader(), b.Opened(), plain ? "both reasons" : "sealed reason"), 0);
  }
}

TEST(EventStream, CorrectionsKeepOnlyTheNamedFields) {
  // Named fields: shown, sealed (listed, or revealed), removed (null), nested, unknown, twice.
  Built b;
  b.Seal();
  b.event().setReason("typo");
  auto c = b.event().initPayload().initEventCorrected();
  c.setTarget(7);
  auto signal = c.initCorrected().initSignalReceived();
  signal.setReporter("ROC \"Midden\"");
  signal.setChannel(schema::SignalChannel::GEMEENTE);
  signal.initSubject().setEnrolled(true);
  signal.getSubject().setHasEnrolled(true);
  const char* names[] = {"reporter", "subject.name", "name", "subject", "care",
                         "reporter", "received", "expected_action", "no such field", "\"odd\"\n"};
  auto fields = c.initFields(std::size(names));
  for (size_t i = 0; i < std::size(names); ++i) fields.set(i, names[i]);
  auto sealed = b.personal().initEventCorrected().initCorrected().initSignalReceived();
  sealed.initSubject().setName("Zoë");
  sealed.setCare("wijkteam");
  EXPECT_EQ(Both().Check(b.reader(), b.Opened(), "sealed correction"), 0);

  // Nothing sealed: personal fields named are null, nothing is listed.
  Built plain;
  auto p = plain.event().initPayload().initEventCorrected();
  p.initCorrected().initContactAttempted().setOutcome(schema::ContactOutcome::AFSPRAAK_GEMAAKT);
  auto pf = p.initFields(2);
  pf.set(0, "outcome");
  pf.set(1, "note");
  EXPECT_EQ(Both().Check(plain.reader(), plain.Opened(), "plain correction"), 0);
}

// A field declared $personal after events held it in plain text (a disclosure's thinking steps):
// the plain value of an old event is shown as $freeText was, in every mode but the pseudonymised
// one, and a new event's sealed value is revealed or listed like any personal field.
TEST(EventStream, PlainValuesOfFieldsSealedLaterReadAsTheyWereWritten) {
  Built old;
  auto shared = old.event().initPayload().initDataShared();
  shared.setPartner("ROC Midden");
  shared.setDoel("aanmelding van \"Daan\"");
  shared.setSubsidiariteit("geen andere weg");
  EXPECT_EQ(Both().Check(old.reader(), old.Opened(), "plain thinking steps"), 0);
  for (auto personal : {PersonalFields::kOmit, PersonalFields::kReveal}) {
    Json j = EventToJson(old.reader(), nullptr, {personal, nullptr}, false);
    EXPECT_EQ(j["data"]["doel"], "aanmelding van \"Daan\"");
    EXPECT_EQ(j["data"]["subsidiariteit"], "geen andere weg");
    EXPECT_FALSE(j["data"].contains("proportionaliteit")) << "not given";
    EXPECT_FALSE(j.contains("sealed")) << j.dump();
  }
  const Pseudonymizer pseudonyms;
  const PseudonymForm form(pseudonyms, 0, Redactor(), true);
  Json pseudonymised = EventToJson(old.reader(), nullptr, {PersonalFields::kOmit, &form}, false);
  EXPECT_FALSE(pseudonymised["data"].contains("doel")) << pseudonymised.dump();

  // Only $formerlyPlain fields: any other personal value in a public payload is never shown.
  Built stray;
  stray.event().initPayload().initNoteAdded().setText("Daan belde");
  EXPECT_EQ(Both().Check(stray.reader(), stray.Opened(), "a stray personal value"), 0);
  for (const RenderOptions& options : {RenderOptions{PersonalFields::kOmit, nullptr},
                                       RenderOptions{PersonalFields::kReveal, nullptr},
                                       RenderOptions{PersonalFields::kOmit, &form}})
    EXPECT_EQ(EventToJson(stray.reader(), nullptr, options, false).dump().find("Daan"),
              std::string::npos);

  Built now;
  now.Seal();
  now.event().initPayload().initDataShared().setPartner("ROC Midden");
  now.personal().initDataShared().setDoel("aanmelding van Daan");
  EXPECT_EQ(Both().Check(now.reader(), now.Opened(), "sealed thinking steps"), 0);
  Json revealed = EventToJson(now.reader(), now.Opened(), {PersonalFields::kReveal, {}}, false);
  EXPECT_EQ(revealed["data"]["doel"], "aanmelding van Daan");
  Json omitted = EventToJson(now.reader(), nullptr, {PersonalFields::kOmit, {}}, false);
  EXPECT_FALSE(omitted["data"].contains("doel"));
  EXPECT_EQ(omitted["sealed"], Json::array({"doel", "proportionaliteit", "subsidiariteit"}));
}

TEST(EventStream, JsonMapsWithRepeatedAndUnknownKeys) {
  Built b;
  b.Seal();
  auto a = b.event().initPayload().initAssessmentRecorded();
  a.setInstrument(schema::Instrument::ZRM);
  auto sealed = b.personal().initAssessmentRecorded();
  auto domains = sealed.initDomains(4);
  domains[0].setDomain(schema::LifeDomain::HUISVESTING);
  domains[0].setScore(3);
  domains[1].setDomain(schema::LifeDomain::GEZIN);
  domains[1].setConcern(true);
  domains[2].setDomain(schema::LifeDomain::HUISVESTING);  // again: replaces the first, in its place
  domains[2].setNote("tweede \"keer\"");
  capnp::toDynamic(domains[3]).set("domain", capnp::DynamicEnum(capnp::Schema::from<schema::LifeDomain>(), 99));
  auto big5 = sealed.initBig5(2);
  big5[0].setArea(schema::Big5Area::SCHOOL_WERK);
  capnp::toDynamic(big5[1]).set("rating", capnp::DynamicEnum(capnp::Schema::from<schema::Big5Rating>(), 42));
  EXPECT_EQ(Both().Check(b.reader(), b.Opened(), "maps"), 0);

  Built held;
  held.Seal();
  held.event().initPayload().initIntakeHeld().initParticipants(1).set(0, "school");
  auto answers = held.personal().initIntakeHeld().initAnswers(3);
  answers[0].setQuestion("waarom?");
  answers[0].setAnswer("een");
  answers[1].setQuestion("hoe \"dan\"?\n");
  answers[1].setAnswer("twee");
  answers[2].setQuestion("waarom?");
  answers[2].setAnswer("drie");
  EXPECT_EQ(Both().Check(held.reader(), held.Opened(), "answers"), 0);
}

TEST(EventStream, CodesAndMembersTheSchemaDoesNotKnow) {
  Built b;
  auto t = b.event().initPayload().initTriaged();
  capnp::toDynamic(t).set("targetGroup", capnp::DynamicEnum(capnp::Schema::from<schema::TargetGroup>(), 77));
  b.event().getActor().setRole(static_cast<schema::Role>(40));
  EXPECT_EQ(Both().Check(b.reader(), b.Opened(), "unknown codes"), 0);

  Built u;
  u.event().initPayload().initCaseOpened();
  capnp::AnyStruct::Builder payload(u.event().getPayload());
  const auto offset = capnp::Schema::from<schema::Payload>().getProto().getStruct().getDiscriminantOffset();
  uint16_t member = 200;
  std::memcpy(payload.getDataSection().begin() + offset * 2, &member, 2);
  EXPECT_EQ(Both().Check(u.reader(), u.Opened(), "unknown member"), 0);
}

// --- random payloads ---------------------------------------------------------------------------

// Fills structs with random values of every kind, the interesting text bytes included.
class Filler {
 public:
  explicit Filler(uint32_t seed) : rng_(seed) {}

  std::string Text() {
    static const char* pieces[] = {"a", "Zoë", " ", "\"", "\\", "\n", "\x01", "\x7f", "😀",
                                   "\xff", "\xe2\x82", "ROC Midden", "subject.name", "."};
    std::string s;
    for (int n = Below(5); n > 0; --n) s += pieces[Below(std::size(pieces))];
    if (Below(20) == 0) s += '\0';
    return s;
  }
  int Below(size_t n) { return int(rng_() % n); }

  void Struct(capnp::DynamicStruct::Builder s, int depth) {
    auto schema = s.getSchema();
    if (schema.getUnionFields().size()) {
      auto members = schema.getUnionFields();
      Field(s, members[Below(members.size())], depth);
    }
    for (auto f : schema.getNonUnionFields())
      if (Below(4)) Field(s, f, depth);
  }

 private:
  void Field(capnp::DynamicStruct::Builder s, capnp::StructSchema::Field f, int depth) {
    auto type = f.getType();
    switch (type.which()) {
      case capnp::schema::Type::STRUCT:
        if (depth < 3) Struct(s.init(f).as<capnp::DynamicStruct>(), depth + 1);
        else s.init(f);
        return;
      case capnp::schema::Type::LIST: {
        auto list = s.init(f, Below(4)).as<capnp::DynamicList>();
        for (uint32_t i = 0; i < list.size(); ++i) Element(list, i, type.asList().getElementType(), depth);
        return;
      }
      default: s.set(f, Scalar(type));
    }
  }

  void Element(capnp::DynamicList::Builder list, uint32_t i, capnp::Type type, int depth) {
    if (type.isStruct()) {
      if (depth < 3) Struct(list[i].as<capnp::DynamicStruct>(), depth + 1);
      return;
    }
    list.set(i, Scalar(type));
  }

  capnp::DynamicValue::Reader Scalar(capnp::Type type) {
    switch (type.which()) {
      case capnp::schema::Type::BOOL: return Below(2) == 1;
      case capnp::schema::Type::INT8: return int8_t(rng_());
      case capnp::schema::Type::INT16: return int16_t(rng_());
      case capnp::schema::Type::INT32: return Below(3) ? int32_t(Below(40000)) : int32_t(rng_());
      case capnp::schema::Type::INT64: return int64_t(rng_()) << Below(32);
      case capnp::schema::Type::UINT8: return uint8_t(rng_());
      case capnp::schema::Type::UINT16: return uint16_t(rng_());
      case capnp::schema::Type::UINT32: return uint32_t(rng_());
      case capnp::schema::Type::UINT64: return uint64_t(rng_()) << Below(32);
      case capnp::schema::Type::FLOAT32: return float(rng_()) / 7;
      case capnp::schema::Type::FLOAT64: return double(rng_()) / 7;
      case capnp::schema::Type::TEXT:
        texts_.push_back(Text());
        return capnp::Text::Reader(texts_.back().data(), texts_.back().size());
      case capnp::schema::Type::DATA:
        texts_.push_back(Text());
        return capnp::Data::Reader(reinterpret_cast<const uint8_t*>(texts_.back().data()),
                                   texts_.back().size());
      case capnp::schema::Type::ENUM: {
        auto e = type.asEnum();
        return capnp::DynamicEnum(e, uint16_t(Below(e.getEnumerants().size() + 2)));
      }
      default: return capnp::VOID;
    }
  }

  std::mt19937 rng_;
  std::deque<std::string> texts_;  // the values set, alive until the filler goes
};

TEST(EventStream, RandomPayloadsOfEveryTypeReadTheSame) {
  Filler fill(20261123);
  Both both;
  int failures = 0;
  auto members = capnp::Schema::from<schema::Payload>().getUnionFields();
  for (int i = 0; i < 4000 && failures < 5; ++i) {
    Built b;
    auto member = members[i % members.size()];
    auto payload = capnp::toDynamic(b.event().initPayload());
    fill.Struct(payload.init(member).as<capnp::DynamicStruct>(), 0);
    if (fill.Below(2)) {
      b.Seal();
      auto personal = capnp::toDynamic(b.personal());
      fill.Struct(personal.init(member).as<capnp::DynamicStruct>(), 0);
    }
    if (fill.Below(3) == 0) b.event().setReason(fill.Text());
    if (fill.Below(3) == 0) b.SealReason(fill.Text());
    if (fill.Below(4) == 0) b.event().initOverrides(1).set(0, "rule");
    // Times: FormatTime and FormatTimePoint, near now, near the epoch and far out.
    auto e = b.event();
    const int64_t scale[] = {1, 1000000, 1000000000, 86400000000000};
    // Up to 2^30 of a unit, but days only up to 2^16: 2^30 days overflow int64 nanoseconds
    // (undefined behaviour, which UBSan reported).
    auto offset = [&] {
      const int unit = fill.Below(4);
      return int64_t(fill.Below(unit == 3 ? 1 << 16 : 1 << 30)) * scale[unit];
    };
    e.setRecordedAt(1795000000000000000 + offset());
    e.setOccurredAt(fill.Below(3) ? e.getRecordedAt() - offset()
                                  : (int64_t(fill.Below(1 << 30)) - (1 << 29)) << fill.Below(34));
    e.setOccurredIsDate(fill.Below(2));
    failures += both.Check(b.reader(), b.Opened(), "random " + std::to_string(i) + " " +
                                                       std::string(member.getProto().getName()));
  }
  EXPECT_EQ(failures, 0);
  EXPECT_LT(both.thrown(), both.checked() / 20) << "random payloads mostly render";
}

}  // namespace
}  // namespace rmc
