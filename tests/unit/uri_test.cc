// URIs and URLs as the LDV export writes them (base/uri.h): what the lezen extension's
// attributes.schema.json checks as format "uri", and the http(s) URL of a calling application.
#include "base/uri.h"

#include <gtest/gtest.h>

namespace rmc {
namespace {

TEST(Uri, AbsoluteUrisAsRfc3986AllowsThem) {
  for (const char* ok : {"https://register.example.nl/verwerkingen", "urn:rmc:Zuid%20Holland:x",
                         "urn:nl:regio-x:verwerking", "https://x.nl/a?b=c&d=e#f", "a:b"})
    EXPECT_TRUE(IsAbsoluteUri(ok)) << ok;
  for (const char* bad : {"", "geen uri", "x", ":b", "1a:b", "a:", "https://x.nl/%zz", "a:%",
                          "a:b%4", "http://x/[a]", "http://[zz]/", "a:b#c#d", "a:b c", "a:b\x01",
                          "a:\xc3\xa9", "a:<b>", "a:b\"c", "a:b{c}", "a:b|c", "a:b\\c", "a:b^c",
                          "a:b`c"})
    EXPECT_FALSE(IsAbsoluteUri(bad)) << bad;
}

TEST(Uri, ACallingApplicationIsAnHttpUrlWithAHost) {
  for (const char* ok : {"https://leerplicht.example.nl/app", "http://localhost:8080",
                         "https://x.nl", "https://x.nl?app=1", "https://x.nl#a",
                         "https://my-app.example.nl:65535/x", "http://10.0.0.1/"})
    EXPECT_TRUE(IsHttpUrl(ok)) << ok;
  for (const char* bad : {"javascript:alert(1)", "file:///etc/passwd", "mailto:a@b", "urn:x:y",
                          "https://", "http://x:abc/", "http://@@@/", "https://user@x.nl/",
                          "http://x:123456/", "https://x.nl/%zz", "https//x.nl", "ftp://x.nl",
                          "http://a:99999", "http://a:0", "http://a:00000", "http://-/",
                          "http://./", "http://../", "http://a..b/", "http://a.-b/", "http://a-/",
                          "http://a:/"})
    EXPECT_FALSE(IsHttpUrl(bad)) << bad;
}

TEST(Uri, PercentEncodedKeepsOnlyUnreservedCharacters) {
  EXPECT_EQ(PercentEncoded("Zuid Holland"), "Zuid%20Holland");
  EXPECT_EQ(PercentEncoded("a-b.c_d~e"), "a-b.c_d~e");
  EXPECT_EQ(PercentEncoded("Fryslân"), "Frysl%C3%A2n");
}

}  // namespace
}  // namespace rmc
