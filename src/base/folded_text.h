// Text prepared for matching regardless of case and diacritics: "Özlem" matches "ozlem" and
// "OZLEM", "Çelik" matches "celik". Used to find known values in free text (privacy/redactor.h).
//
// Any bytes are accepted and nothing here throws: a byte that does not begin a well-formed
// UTF-8 sequence (a stray continuation byte, an overlong form, a surrogate, a truncated
// sequence) decodes as one U+FFFD, so the text is never cut inside a character.
#pragma once

#include <string>
#include <string_view>

namespace rmc {

struct FoldedText {
  explicit FoldedText(std::string_view utf8);

  std::u32string original;  // the code points, decoded
  std::u32string folded;    // Fold() of each: one for one with `original`
};

// Lower case without diacritics, for the Latin letters of European names (ASCII, Latin-1,
// Latin Extended-A, the Romanian comma letters); Greek and Cyrillic capitals lowered; the
// typographic hyphens, dashes and minus as "-"; fullwidth digits and letters as ASCII; any
// other code point as it is. One code point for one, so positions carry over.
char32_t Fold(char32_t c);

// Letters and digits: a whole-word match may not start or end next to one. Everything from
// U+00C0 up counts as a letter but for × ÷, the spaces and general punctuation.
bool IsWordChar(char32_t c);

// White space, including the no-break and the typographic spaces.
bool IsSpace(char32_t c);

// `text` as UTF-8 (a code point that cannot be encoded becomes U+FFFD).
void AppendUtf8(std::u32string_view text, std::string& out);

}  // namespace rmc
