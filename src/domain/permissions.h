// Who may do what (docs/roles.md): one table of actions and the roles allowed each, checked
// before anything else a command does. Roles protect what is done through rmc; the files are
// protected by their permissions and the keystore (docs/accountability.md, The boundary).
#pragma once

#include <string>

#include "base/status.h"
#include "enums.capnp.h"

namespace rmc {

enum class Action : uint8_t {
  kRecord,             // a case command (rmc <type>, rmc apply)
  kForget,             // forget_subject on request (avg-art17)
  kForgetOnRetention,  // forget_subject when retention passed (bewaartermijn)
  kChangeSettings,     // rmc config KEY VALUE
  kChangeRegister,     // rmc audit register-activity
  kReadCases,          // show, list, history, due (the evaluator's pseudonymised)
  kReadFeed,           // events (the evaluator's pseudonymised)
  kReadPersonalFeed,   // events --personal
  kStats,              // stats
  kReadRegister,       // audit activities
  kReadAccessLog,      // audit reads, audit log, audit export --ldv
  kReadDisclosures,    // audit disclosures
  kCheckpoint,         // audit keygen, checkpoint, verify-checkpoint
  kExportSubject,      // subject export
  kReviewRetention,    // retention
  kApplyRetention,     // retention --apply
  kBackup,             // backup
  kVerify,             // verify, rebuild --check
  kRebuild,            // rebuild
};
inline constexpr int kActionCount = int(Action::kRebuild) + 1;

// Ok when `role` may do `action`; else permission_denied naming the action and the roles that
// may.
Status Permit(schema::Role role, Action action);

// The table as docs/roles.md shows it (a Markdown table: an action per row, a role per
// column); tests hold the page to it.
std::string PermissionMatrix();

}  // namespace rmc
