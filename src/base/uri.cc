#include "base/uri.h"

#include <string>

namespace rmc {
namespace {

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

}  // namespace

bool IsAbsoluteUri(std::string_view v) {
  const size_t colon = v.find(':');
  if (colon == 0 || colon == std::string_view::npos || colon + 1 == v.size()) return false;
  if (!IsAlpha(v[0])) return false;
  for (char c : v.substr(0, colon))
    if (!IsAlpha(c) && !IsDigit(c) && c != '+' && c != '-' && c != '.') return false;
  constexpr std::string_view kMarks = "-._~:/?#@!$&'()*+,;=";
  int fragments = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    const char c = v[i];
    if (c == '%') {
      if (i + 2 >= v.size() || !IsHex(v[i + 1]) || !IsHex(v[i + 2])) return false;
      i += 2;
    } else if (!IsAlpha(c) && !IsDigit(c) && kMarks.find(c) == std::string_view::npos) {
      return false;
    }
    if (c == '#' && ++fragments > 1) return false;
  }
  return true;
}

bool IsHttpUrl(std::string_view v) {
  size_t at;
  if (v.starts_with("https://")) at = 8;
  else if (v.starts_with("http://")) at = 7;
  else return false;
  // The host: dot-separated labels of letters, digits and inner hyphens.
  for (bool label_start = true;; ++at) {
    const char c = at < v.size() ? v[at] : '/';
    const bool word = IsAlpha(c) || IsDigit(c);
    if (label_start && !word) return false;
    if (c == '.') { label_start = true; continue; }
    if (!word && c != '-') break;
    if (c == '-' && (at + 1 >= v.size() || !(IsAlpha(v[at + 1]) || IsDigit(v[at + 1]) || v[at + 1] == '-')))
      return false;
    label_start = false;
  }
  if (at < v.size() && v[at] == ':') {
    const size_t port = ++at;
    while (at < v.size() && IsDigit(v[at])) ++at;
    if (at == port || at - port > 5 || v[port] == '0') return false;
    if (std::stoul(std::string(v.substr(port, at - port))) > 65535) return false;
  }
  if (at < v.size() && v[at] != '/' && v[at] != '?' && v[at] != '#') return false;
  return IsAbsoluteUri(v);
}

std::string PercentEncoded(std::string_view text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (IsAlpha(char(c)) || IsDigit(char(c)) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += char(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace rmc
