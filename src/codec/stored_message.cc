#include "codec/stored_message.h"

#include <cstring>

#include "codec/message_sizes.h"

namespace rmc {

StoredMessage::StoredMessage(std::string_view bytes) : bytes_(bytes) { Read(nullptr); }

StoredMessage::StoredMessage(std::string_view bytes, std::vector<uint64_t>& scratch)
    : bytes_(bytes) {
  Read(&scratch);
}

void StoredMessage::Read(std::vector<uint64_t>* scratch) {
  const size_t size = bytes_.size() / sizeof(capnp::word);
  const void* words = bytes_.data();
  if (size > 0 && reinterpret_cast<uintptr_t>(words) % sizeof(capnp::word) != 0) {
    void* copy;
    if (scratch) {
      scratch->resize(size);
      copy = scratch->data();
    } else {
      copy_ = kj::heapArray<capnp::word>(size);
      copy = copy_.begin();
    }
    std::memcpy(copy, bytes_.data(), size * sizeof(capnp::word));
    words = copy;
  }
  const kj::ArrayPtr<const capnp::word> message(static_cast<const capnp::word*>(words), size);
  const capnp::ReaderOptions options = ReadLimits(size);  // nesting: the default (64)
  // The constructor reads the segment table: a damaged one throws here, and the reader's first
  // use throws it again (Root), so that one catch covers every way a message can be damaged.
  KJ_IF_MAYBE(e, kj::runCatchingExceptions([&] { reader_.emplace(message, options); })) {
    reader_.reset();
    damage_.emplace(kj::mv(*e));
  }
}

Status Undecodable(const std::string& what, const kj::Exception& e) {
  return LedgerError(what + " does not decode (" + e.getDescription().cStr() +
                     "): the ledger is damaged; rmc verify lists what");
}

}  // namespace rmc
