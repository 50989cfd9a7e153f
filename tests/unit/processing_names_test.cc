// The names of processings in the logbook (processing_names.h): every event type has its own,
// in words for people, and an unknown type or action says what it is.
#include "views/processing_names.h"

#include <gtest/gtest.h>

#include <set>

#include "codec/schema_info.h"
#include "event.capnp.h"

namespace rmc {
namespace {

// Lowercase words (letters with diacritics too), spaces and a few marks: no
// "rmc.signal_received", no "SignalReceived".
bool ForPeople(const std::string& name) {
  if (name.empty() || name[0] == ' ') return false;
  for (unsigned char c : name)
    if (!(c >= 'a' && c <= 'z') && c < 0x80 && c != ' ' && c != ',' && c != '(' && c != ')' &&
        c != '-')
      return false;
  return true;
}

TEST(ProcessingNames, EveryEventTypeHasANameOfItsOwnForPeople) {
  std::set<std::string> names;
  for (auto member : capnp::Schema::from<schema::Payload>().getUnionFields()) {
    const std::string type = schema_info::EventTypeName(member);
    EXPECT_TRUE(HasProcessingName(type)) << type;
    const std::string name = WriteProcessingName(type);
    EXPECT_TRUE(ForPeople(name)) << type << ": " << name;
    EXPECT_TRUE(names.insert(name).second) << name << " names two types";
  }
}

TEST(ProcessingNames, ReadsAreNamedByWhatWasLookedAt) {
  EXPECT_EQ(ReadProcessingName("show"), "dossier bekeken");
  EXPECT_EQ(ReadProcessingName("list"), "overzicht van dossiers bekeken");
  EXPECT_EQ(ReadProcessingName("retention"), "bewaartermijnen beoordeeld");
  for (const char* action : {"show", "history", "list", "due", "events", "replay", "replay --select",
                             "replay --verify", "lessons", "subject export", "retention",
                             "audit reads", "audit log", "audit export", "audit disclosures"}) {
    EXPECT_TRUE(HasProcessingName(action)) << action;
    EXPECT_TRUE(ForPeople(ReadProcessingName(action))) << action;
  }
}

TEST(ProcessingNames, AnUnknownTypeOrActionSaysWhatItIs) {
  EXPECT_FALSE(HasProcessingName("NoSuchEvent"));
  EXPECT_EQ(WriteProcessingName("NoSuchEvent"), "gebeurtenis vastgelegd (NoSuchEvent)");
  EXPECT_EQ(ReadProcessingName("peek"), "gegevens ingezien (peek)");
}

}  // namespace
}  // namespace rmc
