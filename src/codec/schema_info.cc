#include "codec/schema_info.h"

#include <map>
#include <set>
#include <memory>
#include <unordered_map>

#include <capnp/dynamic.h>

#include "annotations.capnp.h"
#include "event.capnp.h"

namespace rmc::schema_info {
namespace {

constexpr uint64_t kPersonal = 0x8177a5c089aa112aull;
constexpr uint64_t kSpecial = 0x83ffa931c3d29dabull;
constexpr uint64_t kCriminal = 0x86146e3e5b3978afull;
constexpr uint64_t kOptional = 0xc61c7d56105e9d95ull;
constexpr uint64_t kCode = 0xa8b8a04c77cb24d6ull;
constexpr uint64_t kJsonMap = 0x82782b705e72fc46ull;
constexpr uint64_t kRange = 0x9c720d6e571d2f07ull;
constexpr uint64_t kCommand = 0xd295bce43a626158ull;
constexpr uint64_t kStep = 0xd8d53f1a8d34030dull;
constexpr uint64_t kPseudonym = 0xf74c68c34579bfc6ull;
constexpr uint64_t kFreeText = 0xacb878ab1fa443f3ull;
constexpr uint64_t kDerived = 0xa2c4747c93ac5084ull;
constexpr uint64_t kFormerlyPlain = 0xc8384235f137d3beull;
constexpr uint64_t kReasoning = 0x8c4a487d295bc930ull;
constexpr uint64_t kRetired = 0xe3b5a6f1c2d49a07ull;

template <typename Annotated>
std::optional<capnp::schema::Value::Reader> Find(Annotated proto, uint64_t id) {
  for (auto a : proto.getAnnotations())
    if (a.getId() == id) return a.getValue();
  return std::nullopt;
}

bool Has(const Field& f, uint64_t id) { return Find(f.getProto(), id).has_value(); }
bool IsMarkedPersonal(const Field& f) { return Has(f, kPersonal) || Has(f, kSpecial) || Has(f, kCriminal); }

std::string Separate(std::string_view camel, char sep) {
  std::string out;
  for (char c : camel) {
    if (c >= 'A' && c <= 'Z') {
      out += sep;
      out += char(c - 'A' + 'a');
    } else {
      out += c;
    }
  }
  return out;
}

// What the annotations say about one field, looked up once: the hot paths (filling commands
// from JSON, sealing, rendering) ask for every field of every event.
struct FieldInfo {
  enum : uint8_t {
    kPersonalBit = 1,
    kOptionalBit = 2,
    kDerivedBit = 4,
    kPseudonymBit = 8,
    kFreeTextBit = 16,
    kNestsPersonalBit = 32,
    kFormerlyPlainBit = 64,
    kReasoningBit = 128,
  };
  uint8_t bits = 0;
  int32_t presence_flag = -1;  // index of the derived `hasX` beside this field x; -1: none
  int32_t omitted_flag = -1;   // index of the derived `xOmitted`; -1: none
  std::string json_name;
};

// The index of the derived Bool `name` in `s`, or -1.
int32_t DerivedFlag(capnp::StructSchema s, const std::string& name) {
  KJ_IF_MAYBE(flag, s.findFieldByName(name)) {
    if (Has(*flag, kDerived) && flag->getType().which() == capnp::schema::Type::BOOL)
      return int32_t(flag->getIndex());
  }
  return -1;
}

struct PairHash {
  size_t operator()(const std::pair<uint64_t, uint32_t>& k) const { return k.first * 31 + k.second; }
};

// Per thread, so that no lookup takes a lock; a thread builds its own copy on first use.
const FieldInfo& Info(const Field& f) {
  thread_local std::unordered_map<std::pair<uint64_t, uint32_t>, FieldInfo, PairHash> cache;
  auto key = std::make_pair(f.getContainingStruct().getProto().getId(), f.getIndex());
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  FieldInfo info;
  if (IsMarkedPersonal(f)) info.bits |= FieldInfo::kPersonalBit;
  if (Has(f, kOptional)) info.bits |= FieldInfo::kOptionalBit;
  if (Has(f, kDerived)) info.bits |= FieldInfo::kDerivedBit;
  if (Has(f, kPseudonym)) info.bits |= FieldInfo::kPseudonymBit;
  if (Has(f, kFreeText)) info.bits |= FieldInfo::kFreeTextBit;
  if (Has(f, kFormerlyPlain)) info.bits |= FieldInfo::kFormerlyPlainBit;
  if (Has(f, kReasoning)) info.bits |= FieldInfo::kReasoningBit;
  if (auto type = f.getType(); type.isStruct() && !IsDate(type.asStruct()) && HasPersonalFields(type.asStruct()))
    info.bits |= FieldInfo::kNestsPersonalBit;
  if (auto v = Find(f.getProto(), kCode)) info.json_name = v->getText();
  else info.json_name = Separate(f.getProto().getName().cStr(), '_');
  std::string name = f.getProto().getName();
  info.omitted_flag = DerivedFlag(f.getContainingStruct(), name + "Omitted");
  name[0] = char(name[0] - 'a' + 'A');
  info.presence_flag = DerivedFlag(f.getContainingStruct(), "has" + name);
  return cache.emplace(key, std::move(info)).first->second;
}

// An enum's codes, in enumerant order, and back.
struct EnumInfo {
  std::vector<std::string> codes;
  std::vector<std::string> retired;  // by ordinal: why it may no longer be given; empty: it may
  std::unordered_map<std::string_view, uint16_t> ordinals;  // views into `codes`
};

const EnumInfo& Info(capnp::EnumSchema schema) {
  thread_local std::unordered_map<uint64_t, std::unique_ptr<EnumInfo>> cache;
  auto& slot = cache[schema.getProto().getId()];
  if (!slot) {
    slot = std::make_unique<EnumInfo>();
    for (auto e : schema.getEnumerants()) {
      auto v = Find(e.getProto(), kCode);
      slot->codes.push_back(v ? std::string(v->getText()) : Separate(e.getProto().getName().cStr(), '-'));
      auto retired = Find(e.getProto(), kRetired);
      slot->retired.push_back(retired ? std::string(retired->getText()) : std::string());
    }
    for (size_t i = 0; i < slot->codes.size(); ++i) slot->ordinals.emplace(slot->codes[i], uint16_t(i));
  }
  return *slot;
}

}  // namespace

bool IsPersonal(const Field& f) { return Info(f).bits & FieldInfo::kPersonalBit; }
bool IsOptional(const Field& f) { return Info(f).bits & FieldInfo::kOptionalBit; }
bool IsDerived(const Field& f) { return Info(f).bits & FieldInfo::kDerivedBit; }
bool IsPseudonym(const Field& f) { return Info(f).bits & FieldInfo::kPseudonymBit; }
bool IsFreeText(const Field& f) { return Info(f).bits & FieldInfo::kFreeTextBit; }
bool IsFormerlyPlain(const Field& f) { return Info(f).bits & FieldInfo::kFormerlyPlainBit; }
bool IsReasoning(const Field& f) { return Info(f).bits & FieldInfo::kReasoningBit; }
bool NestsPersonal(const Field& f) { return Info(f).bits & FieldInfo::kNestsPersonalBit; }

bool IsPresenceFlag(const Field& f) {
  auto name = f.getProto().getName();
  if (!IsDerived(f) || name.size() < 4 || !name.startsWith("has")) return false;
  std::string other(name.begin() + 3, name.end());
  other[0] = char(other[0] - 'A' + 'a');
  return f.getContainingStruct().findFieldByName(other) != nullptr;
}

std::optional<Field> PresenceFlagOf(const Field& f) {
  int32_t i = Info(f).presence_flag;
  if (i < 0) return std::nullopt;
  return f.getContainingStruct().getFields()[uint32_t(i)];
}

bool IsOmittedFlag(const Field& f) {
  auto name = f.getProto().getName();
  constexpr std::string_view kSuffix = "Omitted";
  if (!IsDerived(f) || name.size() <= kSuffix.size() || !name.endsWith(kSuffix.data())) return false;
  std::string other(name.begin(), name.end() - kSuffix.size());
  return f.getContainingStruct().findFieldByName(other) != nullptr;
}

std::optional<Field> OmittedFlagOf(const Field& f) {
  int32_t i = Info(f).omitted_flag;
  if (i < 0) return std::nullopt;
  return f.getContainingStruct().getFields()[uint32_t(i)];
}

const std::string& RetiredReason(const capnp::EnumSchema::Enumerant& e) {
  return Info(e.getContainingEnum()).retired[e.getOrdinal()];
}

const std::string& JsonName(const Field& f) { return Info(f).json_name; }

std::optional<Field> FieldByJsonName(capnp::StructSchema schema, std::string_view name) {
  thread_local std::unordered_map<uint64_t, std::unordered_map<std::string_view, uint16_t>> cache;
  auto [it, fresh] = cache.try_emplace(schema.getProto().getId());
  if (fresh)
    for (auto f : schema.getFields())
      if (!IsDerived(f)) it->second.emplace(JsonName(f), uint16_t(f.getIndex()));  // views into Info
  auto found = it->second.find(name);
  if (found == it->second.end()) return std::nullopt;
  return schema.getFields()[found->second];
}

const std::string& EnumCode(const capnp::EnumSchema::Enumerant& e) {
  return Info(e.getContainingEnum()).codes[e.getOrdinal()];
}

std::optional<capnp::EnumSchema::Enumerant> EnumFromCode(capnp::EnumSchema schema,
                                                         std::string_view code) {
  const auto& ordinals = Info(schema).ordinals;
  auto it = ordinals.find(code);
  if (it == ordinals.end()) return std::nullopt;
  return schema.getEnumerants()[it->second];
}

std::string EnumCodes(capnp::EnumSchema schema) {
  const auto& info = Info(schema);
  std::string out;
  for (size_t i = 0; i < info.codes.size(); ++i) {
    if (!info.retired[i].empty()) continue;
    if (!out.empty()) out += ", ";
    out += info.codes[i];
  }
  return out;
}

std::optional<MapSpec> JsonMap(const Field& f) {
  auto v = Find(f.getProto(), kJsonMap);
  if (!v) return std::nullopt;
  auto spec = v->getStruct().getAs<rmc::schema::MapSpec>();
  return MapSpec{spec.getKey(), spec.getValue()};
}

std::optional<Range> RangeOf(const Field& f) {
  auto v = Find(f.getProto(), kRange);
  if (!v) return std::nullopt;
  auto r = v->getStruct().getAs<rmc::schema::Range>();
  return Range{r.getMin(), r.getMax()};
}

bool IsDate(capnp::StructSchema schema) {
  return schema.getProto().getId() == capnp::typeId<rmc::schema::Date>();
}

bool HasPersonalFields(capnp::StructSchema schema) {
  // Reads the annotations itself rather than through Info(), which asks this for its fields.
  // The schema has a cycle (Payload -> EventCorrected -> Payload): a struct met again while it
  // is being walked counts as holding nothing for now, and a "no" that relied on such a guess
  // is not remembered (a "yes" is always right).
  thread_local std::map<uint64_t, bool> cache;
  thread_local std::set<uint64_t> walking;
  struct Walk {
    bool guessed = false;
    bool operator()(capnp::StructSchema s) {
      uint64_t id = s.getProto().getId();
      if (auto it = cache.find(id); it != cache.end()) return it->second;
      if (walking.count(id)) {
        guessed = true;
        return false;
      }
      walking.insert(id);
      bool any = false;
      for (auto f : s.getFields()) {
        if (IsMarkedPersonal(f)) any = true;
        else if (f.getType().isStruct() && !IsDate(f.getType().asStruct()) &&
                 (*this)(f.getType().asStruct()))
          any = true;
        if (any) break;
      }
      walking.erase(id);
      if (any || !guessed || walking.empty()) cache[id] = any;
      return any;
    }
  };
  return Walk{}(schema);
}

std::optional<Field> PayloadMemberForCommand(std::string_view type) {
  static const std::map<std::string, Field, std::less<>> table = [] {
    std::map<std::string, Field, std::less<>> t;
    for (auto f : capnp::Schema::from<rmc::schema::Payload>().getUnionFields())
      if (auto v = Find(f.getProto(), kCommand)) t.emplace(std::string(v->getText()), f);
    return t;
  }();
  if (auto it = table.find(type); it != table.end()) return it->second;
  return std::nullopt;
}

const std::vector<std::string>& CommandTypes() {
  static const std::vector<std::string> types = [] {
    std::vector<std::string> t;
    for (auto f : capnp::Schema::from<rmc::schema::Payload>().getUnionFields())
      if (auto v = Find(f.getProto(), kCommand)) t.emplace_back(v->getText());
    return t;
  }();
  return types;
}

int StepOf(const Field& member) {
  if (auto v = Find(member.getProto(), kStep)) return v->getUint8();
  return 0;
}

std::string EventTypeName(const Field& member) {
  std::string name = member.getProto().getName();
  name[0] = char(name[0] - 'a' + 'A');
  return name;
}

}  // namespace rmc::schema_info

namespace rmc {

std::string EventType(schema::Event::Reader event) {
  KJ_IF_MAYBE(m, capnp::toDynamic(event.getPayload()).which()) {
    return schema_info::EventTypeName(*m);
  }
  return "Unknown";
}

}  // namespace rmc
