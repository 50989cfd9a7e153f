#include "key_press.h"

#include <cerrno>
#include <csignal>
#include <unistd.h>

namespace rmc::cli {
namespace {

termios g_saved;  // for the signal handler: the mode to restore

void RestoreAndRaise(int signal) {
  ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_saved);
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

}  // namespace

std::optional<KeyPresses> KeyPresses::Open() {
  termios saved;
  if (!::isatty(STDIN_FILENO) || ::tcgetattr(STDIN_FILENO, &saved) != 0) return std::nullopt;
  termios raw = saved;
  raw.c_lflag &= ~tcflag_t(ICANON | ECHO);
  raw.c_cc[VMIN] = 1;
  raw.c_cc[VTIME] = 0;
  g_saved = saved;
  for (int s : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) std::signal(s, RestoreAndRaise);
  if (::tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw) != 0) return std::nullopt;
  return KeyPresses(saved);
}

KeyPresses::KeyPresses(KeyPresses&& other) noexcept : saved_(other.saved_) { other.active_ = false; }

KeyPresses::~KeyPresses() {
  if (!active_) return;
  ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
  for (int s : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) std::signal(s, SIG_DFL);
}

std::optional<char> KeyPresses::Next() {
  char c;
  ssize_t n;
  do n = ::read(STDIN_FILENO, &c, 1);
  while (n < 0 && errno == EINTR);
  if (n != 1) return std::nullopt;
  return c;
}

}  // namespace rmc::cli
