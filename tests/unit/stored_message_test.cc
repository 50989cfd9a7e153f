// A stored message read from its bytes (codec/stored_message.h): in place when aligned, from a
// copy when not, damage kept until the first read and turned into a value by Decoding; and the
// Data <-> string views of codec/bytes.h.
#include "codec/stored_message.h"

#include <capnp/message.h>
#include <capnp/serialize.h>
#include <gtest/gtest.h>

#include <string>

#include "codec/bytes.h"
#include "event.capnp.h"

namespace rmc {
namespace {

// A stored event's bytes: position 7, a prevHash of 32 'h'.
std::string EventBytes() {
  capnp::MallocMessageBuilder message;
  auto e = message.initRoot<schema::Event>();
  e.setPosition(7);
  e.setPrevHash(AsData(std::string(32, 'h')));
  auto words = capnp::messageToFlatArray(message);
  return {words.asChars().begin(), words.asChars().size()};
}

// `bytes` in a word-aligned buffer, `offset` bytes in; the view stays valid with `buffer`.
std::string_view Placed(const std::string& bytes, size_t offset, std::vector<uint64_t>& buffer) {
  buffer.assign(bytes.size() / sizeof(uint64_t) + 2, 0);
  char* at = reinterpret_cast<char*>(buffer.data()) + offset;
  std::copy(bytes.begin(), bytes.end(), at);
  return {at, bytes.size()};
}

bool Within(const void* p, std::string_view range) {
  auto c = static_cast<const char*>(p);
  return c >= range.data() && c < range.data() + range.size();
}

TEST(StoredMessage, ReadsAnAlignedMessageInPlace) {
  std::vector<uint64_t> buffer;
  const std::string_view bytes = Placed(EventBytes(), 0, buffer);
  StoredMessage message(bytes);
  auto e = message.Root<schema::Event>();
  EXPECT_EQ(e.getPosition(), 7u);
  EXPECT_TRUE(Within(e.getPrevHash().begin(), bytes)) << "no copy";
  EXPECT_EQ(message.bytes().data(), bytes.data());
}

TEST(StoredMessage, ReadsAnUnalignedMessageFromACopy) {
  std::vector<uint64_t> buffer;
  const std::string_view bytes = Placed(EventBytes(), 3, buffer);
  StoredMessage message(bytes);
  auto e = message.Root<schema::Event>();
  EXPECT_EQ(e.getPosition(), 7u);
  EXPECT_EQ(Bytes(e.getPrevHash()), std::string(32, 'h'));
  EXPECT_FALSE(Within(e.getPrevHash().begin(), bytes));
}

TEST(StoredMessage, CopiesAnUnalignedMessageIntoTheCallersScratch) {
  std::vector<uint64_t> buffer, scratch;
  const std::string_view bytes = Placed(EventBytes(), 5, buffer);
  const void* first = nullptr;
  for (int round = 0; round < 2; ++round) {
    StoredMessage message(bytes, scratch);
    auto e = message.Root<schema::Event>();
    EXPECT_EQ(e.getPosition(), 7u);
    const std::string_view held(reinterpret_cast<const char*>(scratch.data()), scratch.size() * 8);
    EXPECT_TRUE(Within(e.getPrevHash().begin(), held));
    if (round == 0) first = scratch.data();
    EXPECT_EQ(scratch.data(), first) << "the buffer is reused, not grown again";
  }
}

TEST(StoredMessage, KeepsDamageUntilTheFirstReadAndDecodingTurnsItIntoAValue) {
  // A segment table that claims more than the bytes hold.
  const std::string damaged("\x05\0\0\0\xff\xff\0\0", 8);
  std::vector<uint64_t> buffer;
  StoredMessage message(Placed(damaged, 0, buffer));  // throws nothing
  EXPECT_THROW(message.Root<schema::Event>(), kj::Exception);
  std::string description;
  const int got = Decoding([&] { return int(message.Root<schema::Event>().getPosition()); },
                           [&](const kj::Exception& e) {
                             description = e.getDescription().cStr();
                             return -1;
                           });
  EXPECT_EQ(got, -1);
  EXPECT_FALSE(description.empty());
  EXPECT_EQ(Decoding([] { return 3; }, [](const kj::Exception&) { return -1; }), 3);
}

TEST(StoredMessage, UndecodableNamesTheMessageAndTheDamage) {
  std::vector<uint64_t> buffer;
  StoredMessage message(Placed(std::string("\x05\0\0\0\xff\xff\0\0", 8), 0, buffer));
  const Status s = Decoding(
      [&] {
        message.Root<schema::Event>();
        return Status::Ok();
      },
      [](const kj::Exception& e) { return Undecodable("event 12", e); });
  EXPECT_EQ(s.code(), Code::kLedgerError);
  EXPECT_EQ(s.message().rfind("event 12 does not decode (", 0), 0u) << s.message();
  EXPECT_NE(s.message().find("): the ledger is damaged; rmc verify lists what"), std::string::npos)
      << s.message();
}

TEST(DataBytes, AreTheSameBytesSeenAsTheOtherType) {
  const std::string id("\x01\x00\xff", 3);
  capnp::Data::Reader data = AsData(id);
  EXPECT_EQ(static_cast<const void*>(data.begin()), static_cast<const void*>(id.data()));
  EXPECT_EQ(data.size(), 3u);
  EXPECT_EQ(Bytes(data), id);
  EXPECT_EQ(static_cast<const void*>(Bytes(data).data()), static_cast<const void*>(id.data()));
}

}  // namespace
}  // namespace rmc
