// A Cap'n Proto message as rmc stores it (an event, an access record, a case projection, the
// register of processing activities), read from its bytes; and the one place where a reader's
// report of damaged bytes, kj::Exception, becomes an error.
//
// Stored bytes may be damaged. Then reading them throws kj::Exception: Root() when the segment
// table does not fit the bytes, any getter that meets a malformed pointer, and any read beyond
// the traversal limit (ReadLimits: a bound on what a damaged message can make a reader do). A
// read that knows what it reads turns that into an error with Decoding (StoreTxn::ScanEvents,
// verify.cc, Ledger::Execute); the last boundary is the command (cli/main.cc).
#pragma once

#include <capnp/message.h>
#include <capnp/serialize.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace rmc {

class StoredMessage {
 public:
  // Reads `bytes` in place when they are 8-byte aligned, else a private copy. The bytes must
  // outlive the message (and the readers it hands out) when they are read in place.
  explicit StoredMessage(std::string_view bytes);
  // The same, but an unaligned message is copied into `scratch`, a buffer the caller keeps from
  // one message to the next (no allocation per message). REQUIRES: `scratch` outlives this
  // message and serves no other meanwhile.
  StoredMessage(std::string_view bytes, std::vector<uint64_t>& scratch);

  // The message's root as `T`; throws kj::Exception when the bytes are damaged.
  template <typename T>
  typename T::Reader Root() {
    if (!reader_) kj::throwFatalException(kj::cp(*damage_));
    return reader_->getRoot<T>();
  }
  std::string_view bytes() const { return bytes_; }

 private:
  void Read(std::vector<uint64_t>* scratch);  // scratch: null for a copy of its own

  std::string_view bytes_;
  kj::Array<capnp::word> copy_;
  std::optional<capnp::FlatArrayMessageReader> reader_;
  std::optional<kj::Exception> damage_;  // why there is no reader_
};

// Runs `read`, which reads stored messages, and returns what it returns; when a message turns
// out damaged (kj::Exception), returns damaged(exception) instead. `read` must leave nothing
// half done that the caller relies on when it throws.
template <typename Read, typename Damaged>
auto Decoding(Read&& read, Damaged&& damaged) -> decltype(read()) {
  try {
    return read();
  } catch (const kj::Exception& e) {
    return damaged(e);
  }
}

// The error of a stored message that does not decode: `what` ("event 12") and the reader's
// description, for the read paths that catch kj::Exception (Decoding).
Status Undecodable(const std::string& what, const kj::Exception& e);

}  // namespace rmc
