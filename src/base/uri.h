// Absolute URIs (RFC 3986), as the LDV export writes them: the register's base URI and the URL
// of a calling application.
#pragma once

#include <string>
#include <string_view>

namespace rmc {

// A scheme (a letter, then letters, digits, "+", "-", "."), a colon and something after it, in
// the characters RFC 3986 allows outside an IP literal: letters, digits, -._~:/?#@!$&'()*+,;=
// and "%" followed by two hex digits; at most one "#". Spaces, control characters, non-ASCII,
// "[", "]" and "<>\"{}|\\^`" make it no URI.
bool IsAbsoluteUri(std::string_view text);

// An http or https URL with a host (dot-separated labels of letters and digits, with hyphens
// inside), an optional port (1 to 65535), then nothing or a path, query or fragment; an absolute
// URI as above. No user info, no IP literal in brackets.
bool IsHttpUrl(std::string_view text);

// `text` with every byte but RFC 3986's unreserved characters percent-encoded: a name (a
// region's) as one segment of a URN.
std::string PercentEncoded(std::string_view text);

}  // namespace rmc
