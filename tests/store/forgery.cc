#include "forgery.h"

#include "access.capnp.h"
#include "base/digest.h"

namespace rmc::testing {
namespace {

// Rewrites entry `position` of the chained log in database `db` with `change`, then recomputes
// the prevHash of every later entry. Returns the hash of the last entry.
template <typename Root>
Result<std::string> Rechain(Store& store, StoreTxn& txn, const char* db, uint64_t position,
                            const std::function<void(typename Root::Builder)>& change) {
  const MDB_dbi dbi = store.env().dbi(db);
  std::string prev;
  for (uint64_t p = position;; ++p) {
    auto stored = txn.raw().Get(dbi, U64Key(p));
    if (!stored.ok()) return stored.status();
    if (!*stored) break;
    EventView view(**stored);
    capnp::MallocMessageBuilder b;
    b.setRoot(view.Root<Root>());
    auto e = b.getRoot<Root>();
    if (p == position)
      change(e);
    else
      e.setPrevHash(capnp::Data::Reader(reinterpret_cast<const kj::byte*>(prev.data()), prev.size()));
    auto words = capnp::messageToFlatArray(b);
    std::string bytes(words.asChars().begin(), words.asChars().size());
    if (auto s = txn.raw().Put(dbi, U64Key(p), bytes); !s.ok()) return s;
    prev = Blake2b(bytes);
  }
  return prev;
}

}  // namespace

Status RewriteAndRechain(Store& store, uint64_t position,
                         const std::function<void(schema::Event::Builder)>& change) {
  return store.Write([&](StoreTxn& txn) -> Status {
    auto head = Rechain<schema::Event>(store, txn, "events", position, change);
    if (!head.ok()) return head.status();
    return txn.raw().Put(store.env().dbi("meta"), "head", *head);
  });
}

Status RewriteAndRechain(Store& store, uint64_t position, const std::string& actor) {
  return RewriteAndRechain(store, position, [&](schema::Event::Builder e) { e.getActor().setId(actor); });
}

Status WriteRawEntry(Store& store, const char* db, uint64_t position, std::string_view bytes) {
  return store.Write(
      [&](StoreTxn& txn) { return txn.raw().Put(store.env().dbi(db), U64Key(position), bytes); });
}

Status RewriteAccessAndRechain(Store& store, uint64_t position, const std::string& actor) {
  return store.Write([&](StoreTxn& txn) -> Status {
    auto head = Rechain<schema::AccessRecord>(store, txn, "access", position,
                                              [&](schema::AccessRecord::Builder r) { r.getActor().setId(actor); });
    return head.ok() ? Status::Ok() : head.status();
  });
}

}  // namespace rmc::testing
