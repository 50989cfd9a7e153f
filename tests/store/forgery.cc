#include "forgery.h"

namespace rmc::testing {

Status RewriteAndRechain(Store& store, uint64_t position, const std::string& actor) {
  return store.Write([&](StoreTxn& txn) {
    const MDB_dbi events = store.env().dbi("events");
    std::string prev;
    for (uint64_t p = position; p <= txn.LastPosition(); ++p) {
      auto view = txn.Event(p);
      if (!view.ok()) return view.status();
      if (!*view) return LedgerError("no event " + std::to_string(p));
      capnp::MallocMessageBuilder b;
      b.setRoot((*view)->event());
      auto e = b.getRoot<schema::Event>();
      if (p == position)
        e.getActor().setId(actor);
      else
        e.setPrevHash(
            capnp::Data::Reader(reinterpret_cast<const kj::byte*>(prev.data()), prev.size()));
      auto words = capnp::messageToFlatArray(b);
      std::string bytes(words.asChars().begin(), words.asChars().size());
      if (auto s = txn.raw().Put(events, U64Key(p), bytes); !s.ok()) return s;
      prev = Blake2b(bytes);
    }
    return txn.raw().Put(store.env().dbi("meta"), "head", prev);
  });
}

}  // namespace rmc::testing
