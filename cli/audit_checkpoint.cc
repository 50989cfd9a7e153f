// rmc audit keygen, rmc audit checkpoint, rmc audit verify-checkpoint: signed checkpoints of the
// chained logs (src/audit/checkpoint.h), for the officer who checks that the logs are unchanged.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>

#include "base/hex.h"
#include "audit/checkpoint.h"
#include "base/private_file.h"
#include "context.h"

namespace rmc::cli {
namespace {

Result<std::string> ReadFile(const std::string& path, const char* what) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return Status(Code::kUsage,
                  std::string("cannot read ") + what + " " + path + ": " + std::strerror(errno));
  return std::string{std::istreambuf_iterator<char>(in), {}};
}

// Runs `body` on a read transaction of the ledger; prints why when the ledger cannot be read.
void InReadTxn(const Globals& g, int& exit_code, const std::function<void(const StoreTxn&)>& body) {
  auto ledger = OpenOrFail(g, exit_code);
  if (!ledger) return;
  auto txn = ledger->store().Read();
  if (!txn.ok()) return void(exit_code = Fail(g, txn.status()));
  body(**txn);
}

// What verify-checkpoint found, in the manner of `rmc verify`: a line per check and per mismatch.
void PrintReport(const Globals& g, const Checkpoint& checkpoint, const CheckpointReport& report) {
  bool ok = report.problems.empty();
  if (g.json)
    return PrintJson({{"ok", ok},
                      {"time", checkpoint.time},
                      {"actor", checkpoint.actor},
                      {"signed", checkpoint.is_signed()},
                      {"checked", report.checked},
                      {"problems", report.problems}});
  for (const auto& c : report.checked) std::printf("checked %s\n", c.c_str());
  for (const auto& p : report.problems) std::printf("MISMATCH %s\n", p.c_str());
  std::printf("%s: checkpoint of %s by %s %s\n", ok ? "ok" : "FAILED", checkpoint.time.c_str(),
              checkpoint.actor.c_str(), ok ? "holds" : "does not hold");
}

void RegisterKeygen(CLI::App& audit, Globals& g, int& exit_code) {
  auto path = std::make_shared<std::string>();
  auto* sub =
      audit.add_subcommand("keygen",
                           "create an Ed25519 key for signing checkpoints: writes the secret key "
                           "to KEYFILE (mode 0600, never overwrites) and prints the public key");
  sub->add_option("keyfile", *path, "the new key file; keep it away from the ledger")->required();
  sub->callback([&g, &exit_code, path] {
    if (auto s = Permit(g.Role(), Action::kCheckpoint); !s.ok())
      return void(exit_code = Fail(g, s));
    SigningKey key = GenerateSigningKey();
    if (auto s = WriteSigningKey(*path, key); !s.ok()) return void(exit_code = Fail(g, s));
    g.recorded = "the key was written to " + *path + ", which holds its public key too";
    if (g.json)
      PrintJson({{"ok", true}, {"key_file", *path}, {"public_key", Hex(key.public_key)}});
    else
      std::printf("%s\n", Hex(key.public_key).c_str());
  });
}

void RegisterCheckpoint(CLI::App& audit, Globals& g, int& exit_code) {
  struct Options {
    std::string sign, output;
  };
  auto o = std::make_shared<Options>();
  auto* sub =
      audit.add_subcommand("checkpoint",
                           "print a checkpoint: the ledger id, the position and head hash of "
                           "the event log, the time and you; keep it outside the system");
  sub->add_option("--sign", o->sign, "sign it with the Ed25519 key in KEYFILE (rmc audit keygen)");
  sub->add_option("--output", o->output,
                  "write it to FILE (a new file) instead of standard output");
  sub->callback([&g, &exit_code, o] {
    if (auto s = Permit(g.Role(), Action::kCheckpoint); !s.ok()) return void(exit_code = Fail(g, s));
    std::optional<SigningKey> key;
    if (!o->sign.empty()) {
      auto k = ReadSigningKey(o->sign);
      if (!k.ok()) return void(exit_code = Fail(g, k.status()));
      key = std::move(*k);
    }
    InReadTxn(g, exit_code, [&](const StoreTxn& txn) {
      auto checkpoint = MakeCheckpoint(txn, g.actor);
      if (!checkpoint.ok()) return void(exit_code = Fail(g, checkpoint.status()));
      if (key) SignCheckpoint(*checkpoint, *key);
      std::string text = CheckpointJson(*checkpoint);
      if (o->output.empty()) return void(std::fwrite(text.data(), 1, text.size(), stdout));
      // A checkpoint is evidence: an existing one is never replaced.
      if (auto s = WriteNewPrivateFile(o->output, text, "a checkpoint file"); !s.ok())
        return void(exit_code = Fail(g, s));
      g.recorded = "the checkpoint was written to " + o->output;
      uint64_t position = checkpoint->logs.at("events").position;
      if (g.json)
        PrintJson({{"ok", true},
                   {"output", o->output},
                   {"position", position},
                   {"signed", key.has_value()}});
      else
        std::printf("wrote %s: events at position %llu, %s\n", o->output.c_str(),
                    (unsigned long long)position, key ? "signed" : "unsigned");
    });
  });
}

void RegisterVerifyCheckpoint(CLI::App& audit, Globals& g, int& exit_code) {
  struct Options {
    std::string file, public_key;
  };
  auto o = std::make_shared<Options>();
  auto* sub = audit.add_subcommand("verify-checkpoint",
                                   "prove that the history up to a checkpoint is unchanged "
                                   "and check its signature (exit 6 on a mismatch)");
  sub->add_option("file", o->file, "the checkpoint file (rmc audit checkpoint)")->required();
  sub->add_option("--public-key", o->public_key,
                  "the signer's public key in hex, as you keep it: the checkpoint "
                  "must be signed by this key (without it, any valid signature is "
                  "accepted, even one by whoever rewrote the history)");
  sub->callback([&g, &exit_code, o] {
    if (auto s = Permit(g.Role(), Action::kCheckpoint); !s.ok())
      return void(exit_code = Fail(g, s));
    std::optional<std::string> expected_key;
    if (!o->public_key.empty()) {
      expected_key = FromHex(o->public_key);
      if (!expected_key || expected_key->size() != 32)
        return void(
            exit_code =
                Fail(g, Status(Code::kUsage, "--public-key: expected 32 bytes in lower-case hex")));
    }
    auto text = ReadFile(o->file, "checkpoint");
    if (!text.ok()) return void(exit_code = Fail(g, text.status()));
    auto checkpoint = ParseCheckpoint(*text);
    if (!checkpoint.ok()) return void(exit_code = Fail(g, checkpoint.status()));
    InReadTxn(g, exit_code, [&](const StoreTxn& txn) {
      auto report = VerifyCheckpoint(txn, *checkpoint, expected_key);
      if (!report.ok()) return void(exit_code = Fail(g, report.status()));
      PrintReport(g, *checkpoint, *report);
      if (!report->problems.empty()) exit_code = ExitCode(Code::kIntegrity);
    });
  });
}

}  // namespace

void RegisterAuditCheckpoint(CLI::App& app, Globals& g, int& exit_code) {
  CLI::App& audit = AuditGroup(app);
  RegisterKeygen(audit, g, exit_code);
  RegisterCheckpoint(audit, g, exit_code);
  RegisterVerifyCheckpoint(audit, g, exit_code);
}

}  // namespace rmc::cli
