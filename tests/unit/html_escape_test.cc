// The HTML escaper (html_escape.h): every character HTML gives a meaning is escaped.
#include "base/html_escape.h"

#include <gtest/gtest.h>

namespace rmc {
namespace {

TEST(HtmlEscape, EscapesEveryCharacterWithAMeaningAndKeepsTheRest) {
  EXPECT_EQ(HtmlEscape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
  EXPECT_EQ(HtmlEscape("Yfke de Vries, Ĳsselstein"), "Yfke de Vries, Ĳsselstein");
  EXPECT_EQ(HtmlEscape(""), "");
  EXPECT_EQ(HtmlEscape("&amp;"), "&amp;amp;") << "text, not markup: escaped again";
}

}  // namespace
}  // namespace rmc
