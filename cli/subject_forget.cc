// rmc subject forget REF --grondslag avg-art17|bewaartermijn --reason TEXT: the erasure of a
// subject (crypto-shredding, docs/storage.md#keystore) as flags. It builds the `forget_subject`
// JSON command `rmc apply` reads and executes it on the same path (Ledger::Execute): the
// coordinator role (the system role on ground bewaartermijn only), unknown_case (exit 5) for a
// ref the ledger does not know, subject_erased (exit 8) for one already erased.
#include "context.h"

namespace rmc::cli {

void RegisterSubjectForget(CLI::App& app, Globals& g, int& exit_code) {
  struct Options {
    std::string ref, grondslag, reason, id;
  };
  auto o = std::make_shared<Options>();
  auto* sub = SubjectGroup(app)
                  .add_subcommand("forget",
                                  "erase the subject's personal data: their key is "
                                  "deleted; events, facts and statistics remain");
  sub->add_option("ref", o->ref, "the subject's stable external id")->required();
  sub->add_option("--grondslag", o->grondslag,
                  "avg-art17 (a request) or bewaartermijn (retention passed)")
      ->required()
      ->check(CLI::IsMember({"avg-art17", "bewaartermijn"}));
  sub->add_option("--reason", o->reason,
                  "why; stays readable after the erasure, so name no personal data")
      ->required();
  sub->add_option(
      "--id", o->id,
      "idempotency key (default: a new one); the same id again retries a failed key deletion");
  sub->callback([&g, &exit_code, o] {
    Json command = {{"id", o->id.empty() ? NewCommandId() : o->id},
                    {"type", "forget_subject"},
                    {"reason", o->reason},
                    {"data", {{"subject", o->ref}, {"grondslag", o->grondslag}}}};
    auto out = ExecuteOne(g, command);
    if (!out.ok()) return void(exit_code = Fail(g, out.status()));
    PrintOutcome(g, *out);
  });
}

}  // namespace rmc::cli
