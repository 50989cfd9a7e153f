// The read policy's decisions that need no ledger (src/ledger/read_session.h): the permission
// before the purpose, the purpose only where personal data is shown, and the evaluator's
// pseudonyms whatever the read. tests/e2e/read_session_cli_test.cc holds every read command to
// the whole policy.
#include "ledger/read_session.h"

#include <gtest/gtest.h>
#include <kj/exception.h>

namespace rmc {
namespace {

using schema::Role;

ReadRequest As(Role role, std::string purpose = "") {
  return {"test", role, std::move(purpose), ""};
}

TEST(ReadSession, ThePermissionIsCheckedBeforeThePurpose) {
  auto s = ReadSession::Begin(As(Role::EVALUATOR), {"events", Action::kReadPersonalFeed, true});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Code::kPermissionDenied) << s.status().message();
}

TEST(ReadSession, OnlyAReadOfPersonalDataNeedsAPurposeAndTheConsulentNone) {
  auto none = ReadSession::Begin(As(Role::AUDITOR, " \t"), {"show", Action::kReadCases, true});
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().code(), Code::kUsage);
  EXPECT_EQ(none.status().message(),
            "role auditor reads personal data only with --purpose saying why");
  EXPECT_TRUE(ReadSession::Begin(As(Role::AUDITOR), {"stats", Action::kStats, false}).ok());
  EXPECT_TRUE(ReadSession::Begin(As(Role::CONSULENT), {"show", Action::kReadCases, true}).ok());
  auto bad = ReadSession::Begin(As(Role::CONSULENT, "a\nb"), {"show", Action::kReadCases, true});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Code::kUsage) << "a purpose that cannot be recorded as one line";
}

TEST(ReadSession, TheEvaluatorGetsPseudonymsWhateverTheRead) {
  const Pseudonymizer pseudonyms;
  const PseudonymForm form(pseudonyms, 0, Redactor(), true);
  for (bool personal : {true, false}) {
    auto s = ReadSession::Begin(As(Role::EVALUATOR, "leersessie"),
                                {"history", Action::kReadCases, personal});
    ASSERT_TRUE(s.ok()) << s.status().message();
    EXPECT_TRUE(s->pseudonymize());
    EXPECT_EQ(s->personal_fields(), PersonalFields::kOmit) << "nothing is ever revealed";
    EXPECT_EQ(s->render(&form).pseudonymous, &form);
    EXPECT_THROW(s->render(), kj::Exception) << "a pseudonymised read without its form is a bug";
  }
  auto reveal =
      ReadSession::Begin(As(Role::COORDINATOR, "x"), {"history", Action::kReadCases, true});
  EXPECT_FALSE(reveal->pseudonymize());
  EXPECT_EQ(reveal->personal_fields(), PersonalFields::kReveal);
  EXPECT_EQ(reveal->render(&form).pseudonymous, nullptr) << "a form does not make a read pseudonymised";
  auto omit = ReadSession::Begin(As(Role::COORDINATOR), {"events", Action::kReadFeed, false});
  EXPECT_EQ(omit->personal_fields(), PersonalFields::kOmit);
}

TEST(ReadSession, PseudonymizeAsksThePseudonymisedFormOfAnyRole) {
  auto s = ReadSession::Begin(As(Role::COORDINATOR, "leersessie"),
                              {"replay", Action::kReadCases, true, /*pseudonymize=*/true});
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_TRUE(s->pseudonymize());
  EXPECT_EQ(s->personal_fields(), PersonalFields::kOmit);
}

}  // namespace
}  // namespace rmc
