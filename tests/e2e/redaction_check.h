// The check of the redaction leak test (tests/e2e/redaction_cli_test.cc), for any pseudonymised
// output: a `show`, a `history`, a replay, a bundle's files, lessons. One call per output.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace rmc::testing {

inline std::string AsciiLower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return char(std::tolower(c)); });
  return s;
}

// Expects that no string of `forbidden` occurs in `output`, in any ASCII case (a personal value
// of the case, or free text the pseudonymised form removes), and that every word of `reasoning`
// does (the reasoning itself is kept). `what` names the output in failures.
inline void ExpectRedacted(const std::string& what, const std::string& output,
                           const std::vector<std::string>& forbidden,
                           const std::vector<std::string>& reasoning) {
  const std::string text = AsciiLower(output);
  for (const auto& value : forbidden)
    EXPECT_EQ(text.find(AsciiLower(value)), std::string::npos)
        << "'" << value << "' in " << what << ":\n"
        << output;
  for (const auto& word : reasoning)
    EXPECT_NE(text.find(AsciiLower(word)), std::string::npos)
        << "the reasoning '" << word << "' is gone from " << what << ":\n"
        << output;
}

}  // namespace rmc::testing
