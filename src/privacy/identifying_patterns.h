// Patterns that identify someone whoever they are: masked in reasoning text even when the value
// is not known of the case (privacy/redactor.h). Each is recognised at a word start only, and
// only whole (not followed by a letter or digit):
//   - e-mail addresses: local@domain.tld;
//   - phone numbers: +31 6 12345678, +31 (0)6-1234 5678, 0031 6 ..., 06-12345678,
//     030 123 45 67, 0612345678: "+" and 8 to 15 digits, "00" and 11 to 15, or "0" and 10, in
//     groups separated by spaces, dashes, dots, slashes or parentheses;
//   - postcodes: 3511 AB, 3511AB, 3511ab, 3511 ab (four digits, the first not 0, and two
//     letters, but for a common two-letter word after a space: "2023 is" is no postcode);
//   - nine digits in any grouping (a BSN or a number like one);
//   - dates: 14-03-2007, 14/3/07, 2007.03.14, 14 03 2007, 14032007, 20070314, 14 maart 2007,
//     14 mrt., 14-mrt-2007, maart 2007, March 14, 2007, 14th of March 2007, 14e maart,
//     Sept 1st, 2026, 2026-09-01T10:00:00Z, a month and year (2026-09, 09-2026) and a day and
//     month in two digits each (01-09); any hyphen or dash counts as "-" (base/folded_text.h).
//     "1/9" alone is left: too often a fraction or a score;
//   - case ids as the ledger numbers them: RMC-000001.
#pragma once

#include <cstddef>

#include "base/folded_text.h"

namespace rmc {

// Where the longest pattern starting at code point `i` of `text` ends (one past it), or `i`
// when none starts there. REQUIRES: i < text.folded.size().
size_t IdentifyingPatternEnd(const FoldedText& text, size_t i);

}  // namespace rmc
