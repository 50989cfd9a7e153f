// Absolute URIs (RFC 3986), as the LDV export writes them: the register's base URI and the URL
// of a calling application.
#pragma once

#include <string_view>

namespace rmc {

// A scheme (a letter, then letters, digits, "+", "-", "."), a colon and something after it, all
// in the characters RFC 3986 allows in a URI: letters, digits and -._~:/?#[]@!$&'()*+,;=%.
// Spaces, control characters, non-ASCII and "<>\"{}|\\^`" make it no URI.
bool IsAbsoluteUri(std::string_view text);

}  // namespace rmc
