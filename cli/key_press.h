// One key press at a time from the terminal (`rmc replay --step`): the terminal is put in
// non-canonical mode without echo while a KeyPresses lives, and restored when it ends, also
// when the process is interrupted or ended by a signal.
#pragma once

#include <termios.h>

#include <optional>

namespace rmc::cli {

class KeyPresses {
 public:
  // Fails (nullopt) when standard input is not a terminal.
  static std::optional<KeyPresses> Open();
  KeyPresses(KeyPresses&& other) noexcept;
  KeyPresses(const KeyPresses&) = delete;
  KeyPresses& operator=(const KeyPresses&) = delete;
  ~KeyPresses();
  // The next key, or nullopt at the end of input.
  std::optional<char> Next();

 private:
  explicit KeyPresses(const termios& saved) : saved_(saved) {}
  termios saved_;
  bool active_ = true;
};

}  // namespace rmc::cli
