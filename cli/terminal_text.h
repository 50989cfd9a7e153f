// Text for a terminal: what a ledger holds is printed as it was recorded, but never as a
// control sequence. An ESC in a stored rationale must not clear the screen, move the cursor or
// colour what follows, nor a carriage return overwrite a line a person reads.
#pragma once

#include <string>
#include <string_view>

namespace rmc::cli {

// `text` with every control character but the newline (U+0000 to U+001F, U+007F, and the C1
// controls U+0080 to U+009F) as U+FFFD. Other bytes, valid UTF-8 or not, are left as they are.
std::string TerminalText(std::string_view text);

}  // namespace rmc::cli
