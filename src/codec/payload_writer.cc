#include "codec/payload_writer.h"

#include <bit>
#include <charconv>
#include <cstring>

#include "base/time_json.h"

namespace rmc {
namespace {

static_assert(std::endian::native == std::endian::little, "Cap'n Proto's data is little-endian");

using Kind = ValuePlan::Kind;

// A struct's fields read by offset, as the generated code reads them: a field beyond the end of
// an older, shorter struct reads as zero or null.
class Fields {
 public:
  Fields() = default;  // no struct: every field zero or null
  explicit Fields(capnp::AnyStruct::Reader s)
      : data_(s.getDataSection()), pointers_(s.getPointerSection()) {}

  template <typename T>
  T Data(uint32_t offset) const {
    T v{};
    if ((size_t(offset) + 1) * sizeof(T) <= data_.size())
      std::memcpy(&v, data_.begin() + size_t(offset) * sizeof(T), sizeof(T));
    return v;
  }
  bool Bit(uint32_t bit) const { return bit / 8 < data_.size() && (data_[bit / 8] >> (bit % 8)) & 1; }
  int64_t Int(uint32_t offset, uint8_t bytes) const {
    switch (bytes) {
      case 1: return Data<int8_t>(offset);
      case 2: return Data<int16_t>(offset);
      case 4: return Data<int32_t>(offset);
      default: return Data<int64_t>(offset);
    }
  }
  uint64_t Uint(uint32_t offset, uint8_t bytes) const {
    switch (bytes) {
      case 1: return Data<uint8_t>(offset);
      case 2: return Data<uint16_t>(offset);
      case 4: return Data<uint32_t>(offset);
      default: return Data<uint64_t>(offset);
    }
  }
  double Float(uint32_t offset, uint8_t bytes) const {
    return bytes == 4 ? double(Data<float>(offset)) : Data<double>(offset);
  }
  capnp::AnyPointer::Reader Pointer(uint32_t index) const {
    return index < pointers_.size() ? pointers_[index] : capnp::AnyPointer::Reader();
  }
  Fields Struct(uint32_t index) const { return Fields(Pointer(index).getAs<capnp::AnyStruct>()); }

 private:
  kj::ArrayPtr<const kj::byte> data_;
  capnp::List<capnp::AnyPointer>::Reader pointers_;
};

bool Active(const FieldPlan& f, const Fields& s) {
  return f.discriminant == FieldPlan::kNoDiscriminant ||
         s.Data<uint16_t>(f.discriminant_offset) == f.discriminant;
}

[[noreturn]] void NotActive(const FieldPlan& field) {
  KJ_FAIL_REQUIRE("Tried to get() a union member which is not currently initialized.", field.name);
}

// DynamicStruct::Reader::get's check.
inline void RequireActive(const FieldPlan& field, const Fields& s) {
  if (!Active(field, s)) NotActive(field);
}

// DynamicStruct::Reader::has(f, NON_NULL or NON_DEFAULT).
bool Has(const Fields& s, const FieldPlan& f, bool non_null) {
  if (!Active(f, s)) return false;
  switch (f.value.kind) {
    case Kind::kNull: return non_null;  // Void
    case Kind::kBool: return non_null || s.Bit(f.offset);
    case Kind::kInt:
    case Kind::kUint:
    case Kind::kFloat: return non_null || s.Uint(f.offset, f.value.bytes) != 0;
    case Kind::kEnum: return non_null || s.Data<uint16_t>(f.offset) != 0;
    default: return !s.Pointer(f.offset).isNull();
  }
}

bool Shown(const Fields& s, const FieldPlan& f) {
  if (f.presence_flag) return false;
  if (f.omitted) return !s.Bit(*f.omitted);  // once required: shown unless left out
  if (f.presence) return s.Bit(*f.presence);
  if (!f.optional) return true;
  return Has(s, f, false);
}

// Whether a value of this kind can hold personal fields, whose paths then name it.
bool HasPaths(const ValuePlan& v) { return v.kind == Kind::kStruct || v.kind == Kind::kList; }

// Appends `segment` to `path` for as long as it lives.
class PathScope {
 public:
  PathScope(std::string* path, std::string_view separator, std::string_view segment)
      : path_(path), size_(path ? path->size() : 0) {
    if (!path_) return;
    if (!path_->empty() || separator != ".") path_->append(separator);
    path_->append(segment);
  }
  ~PathScope() {
    if (path_) path_->resize(size_);
  }

 private:
  std::string* path_;
  size_t size_;
};

}  // namespace

void HiddenPaths::Add(std::string_view prefix, std::string_view name) {
  if (!prefix.empty()) {
    text_.append(prefix);
    text_ += '.';
  }
  text_.append(name);
  ends_.push_back(text_.size());
}

bool HiddenPaths::Contains(std::string_view path) const {
  size_t begin = 0;
  for (size_t end : ends_) {
    if (std::string_view(text_).substr(begin, end - begin) == path) return true;
    begin = end;
  }
  return false;
}

void HiddenPaths::WriteArray(JsonWriter& out) const {
  out.Char('[');
  size_t begin = 0;
  for (size_t end : ends_) {
    if (begin) out.Char(',');
    out.String(std::string_view(text_).substr(begin, end - begin));
    begin = end;
  }
  out.Char(']');
}

// One Write: the options of the call and the walk down the struct. It is the tree renderer's
// walk (RenderStruct, Value, MapValue, FieldValue in json_render.cc at the time of writing), in
// the same order, reading what DynamicStruct would read.
struct PayloadWriter::Walk {
  PayloadWriter& writer;
  PersonalFields mode;
  HiddenPaths* hidden;
  JsonWriter* out;
  const FieldPlan* capture_field;
  WrittenFields* capture;
  bool armed = false;  // the next struct written records its fields in `capture`

  std::string* Path() { return hidden ? &writer.path_ : nullptr; }

  void Struct(const StructPlan& plan, const Fields& pub, const std::optional<Fields>& unsealed) {
    if (plan.union_only) {
      const uint16_t which = pub.Data<uint16_t>(plan.discriminant);
      const FieldPlan* member = which < plan.members.size() ? plan.members[which] : nullptr;
      if (!member) return out->Null();
      if (unsealed) RequireActive(*member, *unsealed);
      return Value(*member, pub, unsealed ? &*unsealed : nullptr);
    }
    WrittenFields* record = armed ? capture : nullptr;
    armed = false;
    if (record) record->object = true, record->begin = out->size();
    out->Char('{');
    bool first = true;
    auto key = [&](const FieldPlan& f) {
      if (!first) out->Char(',');
      first = false;
      out->Raw(f.key);
    };
    for (const FieldPlan& f : plan.fields) {
      if (f.formerly_plain && Has(pub, f, false)) {
        // Recorded in plain before the field was sealed: shown as $freeText was.
        key(f);
        Field(f, pub, nullptr, record);
        continue;
      }
      if (f.personal) {
        if (mode == PersonalFields::kReveal && unsealed) {
          if (Has(*unsealed, f, true)) {
            key(f);
            Field(f, *unsealed, nullptr, record);
          }
        } else if (hidden) {
          hidden->Add(writer.path_, f.name);
        }
        continue;
      }
      if (!Shown(pub, f)) continue;
      key(f);
      if (&f == capture_field) {
        capture_field = nullptr;
        armed = true;
      }
      Field(f, pub, unsealed ? &*unsealed : nullptr, record);
      armed = false;
    }
    out->Char('}');
    if (record) record->end = out->size();
  }

  // The value of `f` in `s`, named in the paths: a $jsonMap list as an object keyed like the
  // input, else its value.
  void Field(const FieldPlan& f, const Fields& s, const Fields* unsealed, WrittenFields* record) {
    const size_t begin = out->size();
    {
      PathScope scope(f.map || HasPaths(f.value) ? Path() : nullptr, ".", f.name);
      if (f.map) {
        RequireActive(f, s);
        Map(*f.map, s.Pointer(f.offset));
      } else {
        Value(f, s, unsealed);
      }
    }
    if (record) record->fields.push_back({&f, begin, out->size()});
  }

  // The value of `f` in `s`; `unsealed` is the unsealed struct of the same type as `s`, whose
  // f is the unsealed copy of a struct value.
  void Value(const FieldPlan& f, const Fields& s, const Fields* unsealed) {
    RequireActive(f, s);
    const ValuePlan& v = f.value;
    switch (v.kind) {
      case Kind::kNull: return out->Null();
      case Kind::kBool: return out->Bool(s.Bit(f.offset));
      case Kind::kInt: return out->Int(s.Int(f.offset, v.bytes));
      case Kind::kUint: return out->Uint(s.Uint(f.offset, v.bytes));
      case Kind::kFloat: return out->Double(s.Float(f.offset, v.bytes));
      case Kind::kEnum: return Enum(v, s.Data<uint16_t>(f.offset));
      case Kind::kText: return Text(s.Pointer(f.offset).getAs<capnp::Text>());
      case Kind::kData: return Data(s.Pointer(f.offset).getAs<capnp::Data>());
      case Kind::kDate:
        if (unsealed) RequireActive(f, *unsealed);
        return WriteDate(s.Struct(f.offset).Data<int32_t>(v.days), *out);
      case Kind::kStruct: {
        std::optional<Fields> u;
        if (unsealed) {
          RequireActive(f, *unsealed);
          u = unsealed->Struct(f.offset);
        }
        return Struct(*v.structure, s.Struct(f.offset), u);
      }
      case Kind::kList: return List(*v.element, s.Pointer(f.offset));
    }
  }

  void Enum(const ValuePlan& v, uint16_t raw) {
    if (raw < v.codes->size()) return out->Raw((*v.codes)[raw]);
    out->Uint(raw);  // a code this schema does not know
  }
  void Text(capnp::Text::Reader text) { PayloadWriter::WriteText(text, *out); }
  void Data(capnp::Data::Reader data) { out->Hex(data.begin(), data.size()); }

  // Lists of any-typed elements come through AnyList.
  template <typename T>
  static auto ListOf(capnp::AnyPointer::Reader pointer) {
    if constexpr (std::is_same_v<T, capnp::AnyStruct> || std::is_same_v<T, capnp::AnyPointer>)
      return pointer.getAs<capnp::AnyList>().as<capnp::List<T>>();
    else
      return pointer.getAs<capnp::List<T>>();
  }

  template <typename T, typename Write>
  void Each(capnp::AnyPointer::Reader pointer, const ValuePlan& element, Write write) {
    auto list = ListOf<T>(pointer);
    out->Char('[');
    for (uint32_t i = 0; i < list.size(); ++i) {
      if (i) out->Char(',');
      char index[16];
      index[0] = '[';
      char* end = std::to_chars(index + 1, index + sizeof index - 1, i).ptr;
      *end++ = ']';
      PathScope scope(HasPaths(element) ? Path() : nullptr, "", {index, size_t(end - index)});
      write(list[i]);
    }
    out->Char(']');
  }

  void List(const ValuePlan& e, capnp::AnyPointer::Reader list) {
    switch (e.kind) {
      case Kind::kNull: return Each<capnp::Void>(list, e, [&](auto) { out->Null(); });
      case Kind::kBool: return Each<bool>(list, e, [&](bool v) { out->Bool(v); });
      case Kind::kInt:
        switch (e.bytes) {
          case 1: return Each<int8_t>(list, e, [&](int64_t v) { out->Int(v); });
          case 2: return Each<int16_t>(list, e, [&](int64_t v) { out->Int(v); });
          case 4: return Each<int32_t>(list, e, [&](int64_t v) { out->Int(v); });
          default: return Each<int64_t>(list, e, [&](int64_t v) { out->Int(v); });
        }
      case Kind::kUint:
        switch (e.bytes) {
          case 1: return Each<uint8_t>(list, e, [&](uint64_t v) { out->Uint(v); });
          case 2: return Each<uint16_t>(list, e, [&](uint64_t v) { out->Uint(v); });
          case 4: return Each<uint32_t>(list, e, [&](uint64_t v) { out->Uint(v); });
          default: return Each<uint64_t>(list, e, [&](uint64_t v) { out->Uint(v); });
        }
      case Kind::kFloat:
        if (e.bytes == 4) return Each<float>(list, e, [&](double v) { out->Double(v); });
        return Each<double>(list, e, [&](double v) { out->Double(v); });
      case Kind::kEnum: return Each<uint16_t>(list, e, [&](uint16_t v) { Enum(e, v); });
      case Kind::kText:
        return Each<capnp::Text>(list, e, [&](capnp::Text::Reader v) { Text(v); });
      case Kind::kData: return Each<capnp::Data>(list, e, [&](capnp::Data::Reader v) { Data(v); });
      case Kind::kDate:
        return Each<capnp::AnyStruct>(list, e, [&](capnp::AnyStruct::Reader v) {
          WriteDate(Fields(v).Data<int32_t>(e.days), *out);
        });
      case Kind::kStruct:
        return Each<capnp::AnyStruct>(list, e, [&](capnp::AnyStruct::Reader v) {
          Struct(*e.structure, Fields(v), std::nullopt);
        });
      case Kind::kList:
        return Each<capnp::AnyPointer>(list, e, [&](capnp::AnyPointer::Reader v) {
          List(*e.element, v);
        });
    }
  }

  // A $jsonMap list: {"gezin": {...}} or {"wonen": "ok"}. Later entries with the same key
  // replace the value of the first, in its place (as an ordered_json object does).
  void Map(const MapPlan& map, capnp::AnyPointer::Reader pointer) {
    struct Entry {
      std::string key;  // the JSON text of the key
      size_t begin, end;
    };
    std::vector<Entry> entries;
    JsonWriter values(256), key(64);
    JsonWriter* saved = out;
    const FieldPlan& key_field = map.entry->fields[map.key];
    for (auto item : ListOf<capnp::AnyStruct>(pointer)) {
      Fields s(item);
      key.Clear();
      out = &key;
      Value(key_field, s, nullptr);
      // The key's text: a string as it is; anything else as its JSON text.
      std::string_view text = key.view();
      std::string raw;
      if (key_field.value.kind == Kind::kText)
        raw = s.Pointer(key_field.offset).getAs<capnp::Text>().cStr();  // up to a NUL, as written
      else if (!text.empty() && text[0] == '"') raw = text.substr(1, text.size() - 2);
      else raw = text;
      if (text.empty() || text[0] != '"') {
        key.Clear();
        key.String(raw);
      }
      out = &values;
      const size_t begin = values.size();
      {
        PathScope scope(Path(), ".", raw);
        if (map.value) {
          Value(map.entry->fields[*map.value], s, nullptr);
        } else {
          values.Char('{');
          bool first = true;
          for (const FieldPlan& f : map.entry->fields) {
            if (&f == &key_field || !Shown(s, f)) continue;
            if (!first) values.Char(',');
            first = false;
            values.Raw(f.key);
            Value(f, s, nullptr);
          }
          values.Char('}');
        }
      }
      entries.push_back({std::string(key.view()), begin, values.size()});
    }
    out = saved;
    out->Char('{');
    bool first = true;
    for (size_t i = 0; i < entries.size(); ++i) {
      bool seen = false;
      for (size_t j = 0; j < i && !seen; ++j) seen = entries[j].key == entries[i].key;
      if (seen) continue;
      size_t last = i;
      for (size_t j = i + 1; j < entries.size(); ++j)
        if (entries[j].key == entries[i].key) last = j;
      if (!first) out->Char(',');
      first = false;
      out->Raw(entries[i].key);
      out->Char(':');
      out->Raw(values.view().substr(entries[last].begin, entries[last].end - entries[last].begin));
    }
    out->Char('}');
  }
};

void PayloadWriter::Write(const StructPlan& plan, capnp::AnyStruct::Reader pub,
                          std::optional<capnp::AnyStruct::Reader> unsealed, PersonalFields mode,
                          HiddenPaths* hidden, JsonWriter& out, const FieldPlan* capture_field,
                          WrittenFields* capture) {
  path_.clear();
  Walk walk{*this, mode, hidden, &out, capture ? capture_field : nullptr, capture};
  std::optional<Fields> u;
  if (unsealed) u = Fields(*unsealed);
  walk.Struct(plan, Fields(pub), u);
}

void PayloadWriter::WriteText(capnp::Text::Reader text, JsonWriter& out) {
  out.CString({text.begin(), text.size()});
}

}  // namespace rmc
