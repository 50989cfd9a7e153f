// The roles (docs/roles.md): one table, checked first, and the page shows exactly that table.
#include "domain/permissions.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace rmc {
namespace {

TEST(Permissions, TheRolesPageShowsTheTableTheCodeChecks) {
  std::ifstream page(std::filesystem::path(RMC_SOURCE_DIR) / "docs" / "roles.md");
  std::stringstream text;
  text << page.rdbuf();
  EXPECT_NE(text.str().find(PermissionMatrix()), std::string::npos)
      << "docs/roles.md should hold the table of src/domain/permissions.cc:\n" << PermissionMatrix();
}

TEST(Permissions, ARefusalNamesTheActionAndTheRolesThatMay) {
  auto s = Permit(schema::Role::EVALUATOR, Action::kReadPersonalFeed);
  EXPECT_EQ(s.code(), Code::kPermissionDenied);
  EXPECT_EQ(s.message(), "role evaluator may not read personal data in the change feed "
                         "(consulent, coordinator, auditor, system may)");
  EXPECT_TRUE(Permit(schema::Role::CONSULENT, Action::kReadPersonalFeed).ok());
}

TEST(Permissions, OnlyTheCoordinatorErasesAndOnlyTheAccountableRolesReadTheLogs) {
  EXPECT_TRUE(Permit(schema::Role::COORDINATOR, Action::kForget).ok());
  for (auto role : {schema::Role::CONSULENT, schema::Role::AUDITOR, schema::Role::EVALUATOR, schema::Role::SYSTEM})
    EXPECT_FALSE(Permit(role, Action::kForget).ok()) << int(role);
  EXPECT_FALSE(Permit(schema::Role::SYSTEM, Action::kForgetOnRetention).ok()) << "docs/roles.md: coordinator role";
  EXPECT_TRUE(Permit(schema::Role::COORDINATOR, Action::kApplyRetention).ok());
  for (auto role : {schema::Role::CONSULENT, schema::Role::EVALUATOR}) {
    EXPECT_FALSE(Permit(role, Action::kReadAccessLog).ok());
    EXPECT_FALSE(Permit(role, Action::kExportSubject).ok());
  }
  for (auto role : {schema::Role::AUDITOR, schema::Role::EVALUATOR})
    EXPECT_FALSE(Permit(role, Action::kRecord).ok()) << "reads only";
  EXPECT_TRUE(Permit(schema::Role::AUDITOR, Action::kReadAccessLog).ok());
}

}  // namespace
}  // namespace rmc
