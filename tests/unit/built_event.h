// An event built in memory for a renderer test, with what it sealed: the envelope of a case
// event, a payload set by the test, and its personal part as an unsealed copy.
#pragma once

#include <capnp/message.h>
#include <capnp/serialize.h>

#include <memory>
#include <string>

#include "event.capnp.h"
#include "privacy/event_sealing.h"

namespace rmc {

struct Built {
  capnp::MallocMessageBuilder message;
  capnp::MallocMessageBuilder personal_message;
  kj::Array<capnp::word> personal_words;
  Unsealed unsealed;
  bool has_personal = false;

  Built() { Envelope(); }
  schema::Event::Builder event() { return message.getRoot<schema::Event>(); }
  schema::Payload::Builder personal() {
    has_personal = true;
    return personal_message.getRoot<schema::Payload>();
  }
  void Envelope() {
    auto e = message.initRoot<schema::Event>();
    uint8_t id[16] = {0x01, 0xa1, 0xf8, 0x2f, 0x1e, 0x80, 0x7c, 0x00, 0x81, 0x22, 0xcd, 0x2b};
    e.setEventId(capnp::Data::Reader(id, 16));
    e.setPosition(42);
    e.setCaseId("RMC-000042");
    e.setVersion(3);
    e.setRecordedAt(1795000000123000000);
    e.setOccurredAt(1794000000000000000);
    e.initActor().setId("c.devries");
    e.setCommandId("cmd-1");
    e.setTraceId(capnp::Data::Reader(id, 16));
    e.setSpanId(capnp::Data::Reader(id, 8));
    e.initProcessingActivity().setCode("rmc-trajectbegeleiding");
    uint8_t subject[16] = {7};
    e.setSubject(capnp::Data::Reader(subject, 16));
  }
  // Marks the event as sealing its personal fields (the bytes are never opened here).
  void Seal() {
    uint8_t junk[40] = {1};
    event().setSealed(capnp::Data::Reader(junk, sizeof junk));
  }
  void SealReason(const std::string& reason) {
    uint8_t junk[40] = {2};
    event().setSealedReason(capnp::Data::Reader(junk, sizeof junk));
    unsealed.reason = reason;
  }
  const Unsealed* Opened() {
    if (has_personal) {
      personal_words = capnp::messageToFlatArray(personal_message);
      unsealed.payload = std::make_unique<capnp::FlatArrayMessageReader>(personal_words);
    }
    return has_personal || unsealed.reason ? &unsealed : nullptr;
  }
  schema::Event::Reader reader() { return message.getRoot<schema::Event>().asReader(); }
};

}  // namespace rmc
