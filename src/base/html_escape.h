// Text into HTML: every character that HTML gives a meaning escaped, so that data (a name like
// "<script>") always shows as the text it is.
#pragma once

#include <string>
#include <string_view>

namespace rmc {

// `text` with & < > " ' written as character references: safe as element content and inside a
// quoted attribute value.
std::string HtmlEscape(std::string_view text);

}  // namespace rmc
