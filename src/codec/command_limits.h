// The limits of one JSON command (docs/commands.md, "Limits"): its bytes, its nesting and the
// items of one object or list. Each is far above any real command; together they bound the
// memory that reading and parsing one command can take, whatever the input.
#pragma once

#include <cstddef>

namespace rmc {

// Bytes of one command (one line of `rmc apply`). A free-text field holds at most 64 KiB
// (json_codec.cc), at most six times that in JSON (every byte escaped as \u00XX), so a command
// with its longest text still fits; parsing a command takes about ten times its bytes.
constexpr size_t kMaxCommandBytes = size_t(1) << 20;

// Objects and lists nested in one another. The deepest real command nests 5 (the command, its
// data, a list of objects in it, a list in those).
constexpr size_t kMaxCommandDepth = 32;

// Members of one object or elements of one list. The most a real command has are the dozen
// fields of the command itself and of its data; lists (partners, answers) hold a handful.
constexpr size_t kMaxCommandItems = 1000;

}  // namespace rmc
