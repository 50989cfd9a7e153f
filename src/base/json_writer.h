// JSON text written straight into one growing buffer: the change feed's output path. What it
// writes for a value is byte for byte what nlohmann::ordered_json::dump(-1, ' ', false,
// error_handler_t::replace) writes for the same value (cli PrintJson), so a writer and a tree can
// serve the same output: strings keep UTF-8 as is, escape '"', '\\' and the control characters
// (\b \t \n \f \r, the others as \u00xx) and get U+FFFD for invalid UTF-8; numbers as nlohmann
// prints them. The caller writes the punctuation (Raw, Char) and hands the buffer on in large
// chunks (FlushTo).
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

namespace rmc {

class JsonWriter {
 public:
  explicit JsonWriter(size_t capacity = 1 << 16) : buf_(capacity, '\0') {}

  // Text that is already JSON: punctuation, keys escaped in advance.
  void Raw(std::string_view text) { std::memcpy(Extend(text.size()), text.data(), text.size()); }
  void Char(char c) { *Extend(1) = c; }

  // `s` quoted and escaped.
  void String(std::string_view s) { Quote<false>(s); }
  // `s` up to its first NUL, quoted and escaped: a capnp::Text as std::string(text.cStr()) holds
  // it, without the strlen.
  void CString(std::string_view s) { Quote<true>(s); }
  void Uint(uint64_t v);
  void Int(int64_t v);
  void Double(double v);
  void Bool(bool v) { v ? Raw("true") : Raw("false"); }
  void Null() { Raw("null"); }
  // The bytes as a quoted string of lower-case hex digits.
  void Hex(const uint8_t* bytes, size_t size);

  // `size` bytes at the end of the text for the caller to fill; valid until the next call.
  char* Extend(size_t size) {
    if (size_ + size > buf_.size()) Grow(size);
    char* at = buf_.data() + size_;
    size_ += size;
    return at;
  }
  // Drops the text after the first `size` bytes.
  void Truncate(size_t size) { size_ = size; }

  std::string_view view() const { return {buf_.data(), size_}; }
  size_t size() const { return size_; }
  void Clear() { size_ = 0; }
  // Writes the text to `out` with one fwrite and empties the buffer; false when fwrite failed.
  bool FlushTo(std::FILE* out);

 private:
  void Grow(size_t more);
  template <bool kToNul>
  void Quote(std::string_view s);

  std::string buf_;  // all of it allocated; the text is the first size_ bytes
  size_t size_ = 0;
};

}  // namespace rmc
