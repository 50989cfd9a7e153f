// Pseudonyms: what the pseudonymised form (privacy/pseudonym_form.h) shows in place of a name or
// an id (a ref, a consultant, a school, an event id), so that a learning session can tell values
// apart without learning them.
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace rmc {

// One export's pseudonyms: "P-" and 16 hex digits, the first 8 bytes of BLAKE2b of the value
// keyed with a random key of this object, made when it is constructed, never stored or shown,
// and wiped when it is destroyed. So the same value gets the same pseudonym everywhere one
// object is used (one view, one history, one bundle of several cases), and an unrelated one in
// any other export: two exports cannot be linked, and a pseudonym cannot be reversed by hashing
// a list of likely names. Make one per export and share it by reference; it cannot be copied.
class Pseudonymizer {
 public:
  Pseudonymizer();
  ~Pseudonymizer();
  Pseudonymizer(const Pseudonymizer&) = delete;
  Pseudonymizer& operator=(const Pseudonymizer&) = delete;

  std::string operator()(std::string_view value) const;

 private:
  std::array<unsigned char, 32> key_;
};

}  // namespace rmc
