#include "privacy/redactor.h"

#include <algorithm>
#include <set>

#include "base/folded_text.h"
#include "privacy/date_notations.h"
#include "privacy/identifying_patterns.h"

namespace rmc {
namespace {

// Parts of a surname that alone identify no one ("van", "de", "el"): the whole name still is
// replaced wherever it is written whole.
constexpr std::u32string_view kParticles[] = {
    U"van", U"de",  U"der", U"den", U"het", U"ten", U"ter", U"te",    U"op", U"in",
    U"t",   U"aan", U"bij", U"uit", U"la",  U"le",  U"du",  U"da",    U"di", U"del",
    U"dos", U"das", U"von", U"zu",  U"el",  U"al",  U"ul",  U"della", U"vd", U"v"};

// The generic participants of an intake or an evaluation: roles, not names.
constexpr std::u32string_view kRoles[] = {U"jongere", U"ouders",     U"ouder", U"moeder",
                                          U"vader",   U"verzorgers", U"school"};

template <size_t N>
bool In(const std::u32string_view (&list)[N], std::u32string_view word) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

// Folded, white space runs as one space, none at either end.
std::u32string Normalise(std::string_view value) {
  std::u32string out;
  for (char32_t c : FoldedText(value).folded) {
    if (!IsSpace(c))
      out += c;
    else if (!out.empty() && out.back() != ' ')
      out += ' ';
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// The runs of letters and digits of `value`.
std::vector<std::u32string> Words(const std::u32string& value) {
  std::vector<std::u32string> words;
  for (size_t i = 0; i < value.size();) {
    size_t j = i;
    while (j < value.size() && IsWordChar(value[j])) ++j;
    if (j > i) words.emplace_back(value, i, j - i);
    i = j + 1;
  }
  return words;
}

// The parts of `value` between commas, semicolons and line breaks, without the spaces around.
std::vector<std::string_view> Parts(std::string_view value) {
  std::vector<std::string_view> parts;
  for (size_t i = 0; i <= value.size();) {
    size_t j = value.find_first_of(",;\n\r", i);
    if (j == std::string_view::npos) j = value.size();
    std::string_view part = value.substr(i, j - i);
    while (!part.empty() && (part.front() == ' ' || part.front() == '\t')) part.remove_prefix(1);
    while (!part.empty() && (part.back() == ' ' || part.back() == '\t')) part.remove_suffix(1);
    parts.push_back(part);
    i = j + 1;
  }
  return parts;
}

void AppendFolded(std::string_view ascii, FoldedText& out) {
  for (char c : ascii) {
    out.original.push_back(char32_t(c));
    out.folded.push_back(Fold(char32_t(c)));
  }
}

}  // namespace

Redactor::Redactor(const KnownValues& values, const Pseudonymizer& pseudonyms) {
  const std::string youth =
      pseudonyms(values.youth.empty() && !values.refs.empty() ? values.refs.front() : values.youth);
  for (const auto& ref : values.refs) Add(Normalise(ref), youth);
  for (const auto& name : values.names) {
    const std::u32string whole = Normalise(name);
    Add(whole, youth);
    for (auto& part : Words(whole))
      if (!In(kParticles, part) && part.size() >= values.name_part_letters)
        Add(std::move(part), youth);
  }
  for (Days day : values.birth_dates) {
    const std::string pseudonym = pseudonyms(FormatDate(day));
    for (const auto& notation : DateNotations(day)) Add(Normalise(notation), pseudonym);
  }
  for (const auto& address : values.addresses) {
    Add(Normalise(address), pseudonyms(address));
    for (auto part : Parts(address)) Add(Normalise(part), pseudonyms(part));
  }
  for (const auto& other : values.others) {
    std::u32string value = Normalise(other);
    if (!In(kRoles, value)) Add(std::move(value), pseudonyms(other));
  }
  std::stable_sort(targets_.begin(), targets_.end(), [](const Target& a, const Target& b) {
    return a.value.size() > b.value.size();
  });
}

void Redactor::Add(std::u32string value, const std::string& replacement) {
  if (std::count_if(value.begin(), value.end(), IsWordChar) < 2) return;
  for (const auto& t : targets_)
    if (t.value == value) return;  // the first meaning stays: a youth's name part before a partner
  targets_.push_back({std::move(value), replacement});
}

size_t Redactor::MatchAt(const std::u32string& s, size_t i, const Target** hit) const {
  for (const Target& t : targets_) {
    const std::u32string& v = t.value;
    if (v.front() != s[i]) continue;
    size_t j = i, k = 0;
    for (; k < v.size() && j < s.size(); ++k) {
      if (v[k] != ' ') {
        if (v[k] != s[j]) break;
        ++j;
      } else {
        if (!IsSpace(s[j])) break;
        while (j < s.size() && IsSpace(s[j])) ++j;
      }
    }
    if (k < v.size()) continue;
    if (IsWordChar(v.back()) && j < s.size() && IsWordChar(s[j])) continue;
    *hit = &t;
    return j;
  }
  return i;
}

std::string Redactor::Redact(std::string_view text) const {
  const FoldedText in(text);
  const std::u32string& s = in.folded;
  // Known values first, so that a known e-mail address becomes its pseudonym, not the mask.
  FoldedText known("");
  for (size_t i = 0; i < s.size();) {
    const bool starts_word = i == 0 || !IsWordChar(s[i - 1]) || !IsWordChar(s[i]);
    const Target* target = nullptr;
    if (starts_word && !targets_.empty()) {
      const size_t end = MatchAt(s, i, &target);
      if (target) {
        AppendFolded(target->replacement, known);
        i = end;
        continue;
      }
    }
    known.original.push_back(in.original[i]);
    known.folded.push_back(s[i]);
    ++i;
  }
  // Then the patterns, at word starts: a pseudonym ("P-" and 16 hex digits) is none of them.
  std::u32string out;
  for (size_t i = 0; i < known.folded.size();) {
    if (i == 0 || !IsWordChar(known.folded[i - 1])) {
      if (const size_t end = IdentifyingPatternEnd(known, i); end > i) {
        out.append(kMask.begin(), kMask.end());
        i = end;
        continue;
      }
    }
    out += known.original[i++];
  }
  std::string result;
  AppendUtf8(out, result);
  return result;
}

}  // namespace rmc
