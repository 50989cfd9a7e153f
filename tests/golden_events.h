// The stored events of a generation of tests/golden (tests/unit/golden_events_test.cc).
#pragma once

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace rmc::testing {

// events.bin: per event, its length (8 bytes, little endian) and its bytes as stored.
inline std::vector<std::string> ReadGoldenEvents(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  const std::string all{std::istreambuf_iterator<char>(in), {}};
  std::vector<std::string> events;
  for (size_t at = 0; at + 8 <= all.size();) {
    uint64_t n;
    std::memcpy(&n, all.data() + at, 8);
    events.push_back(all.substr(at + 8, n));
    at += 8 + n;
  }
  return events;
}

}  // namespace rmc::testing
