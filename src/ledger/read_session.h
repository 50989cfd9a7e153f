// The read policy, once for every read command: one ReadSession per read. In this order it
//   1. checks the role's permission (domain/permissions.h), before anything is opened or read;
//   2. requires --purpose from roles other than consulent where the read shows personal data
//      (of youths, or of employees in the access log): usage (exit 2) without one;
//   3. decides how personal fields are shown: the evaluator only ever gets the pseudonymised
//      form (privacy/pseudonym_form.h, FormOf), never an unsealed value: what it unseals
//      serves only the redaction of reasoning;
//   4. records the access, one record per youth shown (audit/access_log.h), before anything is
//      shown: when recording fails, the read fails and shows nothing.
// The caller opens the ledger (after Begin), runs its query (views/) and prints.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "audit/access_log.h"
#include "codec/json_render.h"
#include "domain/permissions.h"
#include "ledger/ledger.h"
#include "privacy/pseudonym_form.h"

namespace rmc {

// Who reads, and why: the global options of the read.
struct ReadRequest {
  std::string actor;
  schema::Role role = schema::Role::CONSULENT;
  std::string purpose;   // --purpose; may be empty for the consulent role
  std::string activity;  // --activity; empty: the read's own (ActivityForRead)
  TraceContext trace;    // --trace-id, --parent-span-id, --caller: a calling tool's, or none
};

// What a read command is.
struct ReadKind {
  std::string action;  // as the access log names it: "show", "list", "audit reads", ...
  Action permission;   // what the role must be permitted
  bool personal;       // shows personal data: a purpose is required (point 2)
  bool pseudonymize = false;  // asked for the pseudonymised form (--pseudonymize), any role
};

// A case a read shows, by whose data it holds.
struct CaseRef {
  std::string case_id;
  std::string subject_id;  // 16 bytes; empty when the case has no subject yet
};

class ReadSession {
 public:
  // Points 1 and 2: permission_denied (exit 7) when the role may not, then usage (exit 2)
  // without a purpose or with one that cannot be recorded (not UTF-8, control characters, over
  // 4096 bytes). Opens and reads nothing.
  static Result<ReadSession> Begin(ReadRequest request, ReadKind kind);

  // Point 3. The evaluator's reads, and those asked with --pseudonymize, are pseudonymised:
  // each case is shown in its form (FormOf). Anyone else's personal fields are revealed by a
  // read of personal data and omitted by one of none (the change feed without --personal).
  bool pseudonymize() const;
  // kOmit for a pseudonymised read: no personal field is ever revealed by it.
  PersonalFields personal_fields() const;
  // The render options of this read; for a pseudonymised read those of `form`, the form of the
  // case rendered. REQUIRES: `form` is given when pseudonymize() (a bug otherwise: KJ_REQUIRE).
  RenderOptions render(const PseudonymRules* form = nullptr) const;
  // What `event` sealed, when this read reveals it, or, in a pseudonymised read that keeps
  // reasoning, when it redacts it (pass it only to EventToJson or CaseView with the form);
  // nothing else.
  Result<std::optional<Unsealed>> Unseal(Ledger& ledger, schema::Event::Reader event) const;
  // The pseudonymised form of `state`'s case (privacy/pseudonym_form.h): build it once per case
  // and export, all the cases of one export over one `pseudonyms`, which must outlive it. It
  // keeps reasoning, redacted, when this read shows personal data (ReadKind::personal: it has
  // a purpose and is accounted for) and the region's setting pseudonymized_reasoning is not
  // off; then it unseals the case's events to learn its personal values. The change feed
  // without --personal gets no reasoning and unseals nothing; nor does a read that shows no
  // text and asks for none (`reasoning` false: `due`). Errors: those of the store and the
  // keystore.
  Result<PseudonymForm> FormOf(Ledger& ledger, StoreTxn& txn, const CaseState& state,
                               const Pseudonymizer& pseudonyms, bool reasoning = true) const;

  // Point 4: one access record per distinct element of `shown`, under the read's activity in
  // its version in force, in the caller's trace when one was given (a caller that did not name
  // itself is the region's ldv_caller); none when `shown` is empty. Call before anything is shown, and show
  // nothing when it fails.
  // `recorded`: as RecordAccess's, for writes that continue this processing.
  Status Account(Ledger& ledger, const std::vector<Shown>& shown,
                 TraceContext* recorded = nullptr) const;
  // The same for the cases shown: each erased when its subject's key is gone.
  Status AccountCases(Ledger& ledger, const std::vector<CaseRef>& cases,
                      TraceContext* recorded = nullptr) const;

 private:
  // A pseudonymised read whose forms keep reasoning.
  bool KeepsReasoning(const Ledger& ledger) const;
  ReadSession(ReadRequest request, ReadKind kind)
      : request_(std::move(request)), kind_(std::move(kind)) {}
  ReadRequest request_;
  ReadKind kind_;
};

// The pseudonymous id of the youth with `ref`: not_found (exit 5) when the ledger has none.
Result<std::string> KnownSubject(Ledger& ledger, StoreTxn& txn, const std::string& ref);

}  // namespace rmc
