// rmc replay: a case rebuilt event by event (src/replay/replay.h) for auditors and evaluators,
// as text, JSON or one HTML page; --step in a terminal; --verify checks the case's history in
// the hash chain and against kept checkpoints. One replay is one read with one access record.
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "base/hex.h"
#include "base/private_file.h"
#include "context.h"
#include "key_press.h"
#include "terminal_text.h"
#include "replay/bundle.h"
#include "replay/case_verify.h"
#include "ledger/pseudonym_export.h"
#include "replay/replay.h"
#include "replay/replay_html.h"
#include "replay/replay_text.h"

namespace rmc::cli {
namespace {

struct Options {
  std::string case_id, as_of, format, output, public_key, select;
  std::vector<std::string> checkpoints;
  bool pseudonymize = false, decisions = false, step = false, verify = false;
};

Status Emit(const Options& o, const std::string& text) {
  if (o.output.empty()) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return Status::Ok();
  }
  return WritePrivateFile(o.output, text);
}

Result<std::vector<KeptCheckpoint>> ReadCheckpoints(const std::vector<std::string>& files) {
  std::vector<KeptCheckpoint> kept;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (!in) return Status(Code::kUsage, "--checkpoint " + file + ": cannot be read");
    auto cp = ParseCheckpoint(text.str());
    if (!cp.ok()) return Status(cp.status().code(), "--checkpoint " + file + ": " + cp.status().message());
    kept.push_back({file, std::move(*cp)});
  }
  return kept;
}

// --verify: reads no personal data (positions and hashes), so it records no access.
void Verify(Globals& g, const Options& o, int& exit_code) {
  if (!BeginRead(g, {"replay --verify", Action::kVerify, false}, exit_code)) return;
  std::optional<std::string> key;
  if (!o.public_key.empty()) {
    key = FromHex(o.public_key);
    if (!key || key->size() != 32)
      return void(exit_code = Fail(g, Status(Code::kUsage, "--public-key: expected 64 hex digits")));
  }
  auto kept = ReadCheckpoints(o.checkpoints);
  if (!kept.ok()) return void(exit_code = Fail(g, kept.status()));
  auto ledger = OpenOrFail(g, exit_code);
  if (!ledger) return;
  auto txn = ledger->store().Read();
  if (!txn.ok()) return void(exit_code = Fail(g, txn.status()));
  auto v = VerifyCase(**txn, o.case_id, *kept, key);
  if (!v.ok()) return void(exit_code = Fail(g, v.status()));
  const bool json = g.json || o.format == "json";
  if (auto s = Emit(o, json ? DumpJson(CaseVerificationJson(*v), 2) + "\n" : CaseVerificationText(*v)); !s.ok())
    return void(exit_code = Fail(g, s));
  if (!v->holds()) exit_code = 6;
}

// --step: the header, then one event per key press; q (or the end of input) stops.
void Step(const CaseReplay& replay, bool decisions, KeyPresses& keys) {
  std::fputs(TerminalText(ReplayHeader(replay)).c_str(), stdout);
  const char* prompt = "[spatie of enter: volgende · q: stoppen]";
  std::vector<const ReplayEntry*> shown;
  for (const auto& e : replay.entries)
    if (!decisions || e.decision != DecisionKind::kNone) shown.push_back(&e);
  for (size_t i = 0; i < shown.size(); ++i) {
    std::fputs(TerminalText(ReplayEntryText(*shown[i], decisions)).c_str(), stdout);
    std::printf("%zu/%zu %s", i + 1, shown.size(), prompt);
    std::fflush(stdout);
    auto key = keys.Next();
    std::fputs("\r\033[K", stdout);
    if (!key || *key == 'q' || *key == 'Q') return;
  }
  std::puts("Einde van het verloop.");
}

// --select EXPR --output DIR: a bundle, always pseudonymised; one access record per youth,
// written after the folder is made and before anything goes into it.
void Bundle(Globals& g, const Options& o, int& exit_code) {
  if (!o.case_id.empty() || !o.as_of.empty() || o.step || o.decisions || !o.format.empty() || o.verify)
    return void(exit_code = Fail(g, Status(Code::kUsage, "--select exports whole cases: it takes no CASE, --as-of, --step, --decisions, --verify or --format")));
  if (o.output.empty())
    return void(exit_code = Fail(g, Status(Code::kUsage, "--select needs --output DIR, a new folder for the bundle")));
  auto selection = ParseSelection(o.select);
  if (!selection.ok()) return void(exit_code = Fail(g, selection.status()));
  auto session = BeginRead(g, {"replay --select", Action::kReadCases, true, true}, exit_code);
  if (!session) return;
  auto now = Now();
  if (!now.ok()) return void(exit_code = Fail(g, now.status()));
  auto ledger = OpenOrFail(g, exit_code);
  if (!ledger) return;
  auto txn = ledger->store().Read();
  if (!txn.ok()) return void(exit_code = Fail(g, txn.status()));
  auto cases = SelectCases(**txn, *selection, LocalDate(now->ns));
  if (!cases.ok()) return void(exit_code = Fail(g, cases.status()));
  if (auto s = MakeBundleFolder(o.output); !s.ok()) return void(exit_code = Fail(g, s));
  if (auto a = session->AccountCases(*ledger, *cases); !a.ok()) {
    ::rmdir(o.output.c_str());  // still empty: a refused read leaves no trace
    return void(exit_code = Fail(g, a));
  }
  auto written = WriteBundle(*ledger, **txn, *session, *cases, o.output, now->ns);
  if (!written.ok()) return void(exit_code = Fail(g, written.status()));
  if (g.json) return PrintJson({{"cases", *written}, {"output", o.output}});
  std::printf("%zu %s in %s: index.html, cases.jsonl en een pagina per casus\n", *written,
              *written == 1 ? "casus" : "casussen", o.output.c_str());
}

}  // namespace

void RegisterReplay(CLI::App& app, Globals& g, int& exit_code) {
  auto o = std::make_shared<Options>();
  auto* sub = app.add_subcommand(
      "replay", "a case rebuilt event by event: what each event changed, decisions and what was "
                "known then (auditors, evaluators; one logged read)");
  sub->add_option("case", o->case_id, "the case (none with --select)");
  sub->add_option("--as-of", o->as_of, "up to a position or an ISO date/time of recording");
  sub->add_option("--format", o->format,
                  "text (default), json, or html: one self-contained page with the timeline, the "
                  "route against the 13 steps and every event (use --output)")
      ->check(CLI::IsMember({"text", "json", "html"}));
  sub->add_option("--output", o->output, "write to FILE (mode 0600) instead of standard output");
  sub->add_flag("--pseudonymize", o->pseudonymize,
                "the form for learning sessions (the evaluator role always gets it)");
  sub->add_flag("--decisions", o->decisions,
                "only the decisions, each with what was on record just before it");
  sub->add_flag("--step", o->step, "in a terminal: one event per key press, q quits");
  sub->add_flag("--verify", o->verify,
                "each event's link in the hash chain and the checkpoint covering it; exit 6 on a break");
  sub->add_option("--checkpoint", o->checkpoints, "with --verify: a checkpoint file kept by the auditor (repeatable)");
  sub->add_option("--public-key", o->public_key, "with --verify: the key signed checkpoints must carry (hex)");
  auto* select = sub->add_option(
      "--select", o->select,
      "a bundle of the cases that match EXPR (e.g. 'status=afgesloten deviations>=1') into the new "
      "folder --output DIR: JSON Lines, a page per case and an index; always pseudonymised "
      "(docs/selecting-cases.md)");
  sub->callback([&g, &exit_code, o, select] {
    if (select->count()) return Bundle(g, *o, exit_code);
    if (o->case_id.empty())
      return void(exit_code = Fail(g, Status(Code::kUsage, "replay: name a case, or a selection with --select")));
    if (o->verify) return Verify(g, *o, exit_code);
    if (!o->checkpoints.empty() || !o->public_key.empty())
      return void(exit_code = Fail(g, Status(Code::kUsage, "--checkpoint and --public-key go with --verify")));
    const std::string format = g.json ? "json" : o->format.empty() ? "text" : o->format;
    if (o->step && (format != "text" || !o->output.empty()))
      return void(exit_code = Fail(g, Status(Code::kUsage, "--step shows text in the terminal; it takes no --format or --output")));
    auto session = BeginRead(g, {"replay", Action::kReadCases, true, o->pseudonymize}, exit_code);
    if (!session) return;
    std::optional<KeyPresses> keys = o->step ? KeyPresses::Open() : std::nullopt;
    if (o->step && !keys)
      return void(exit_code = Fail(g, Status(Code::kUsage, "--step needs a terminal to read key presses from")));
    if (!o->output.empty())
      if (auto s = CheckReplaceable(o->output); !s.ok()) return void(exit_code = Fail(g, s));
    ReplayRequest request;
    request.case_id = o->case_id;
    if (!o->as_of.empty()) {
      auto as_of = ParseAsOf(o->as_of);
      if (!as_of.ok()) return void(exit_code = Fail(g, as_of.status()));
      request.as_of = *as_of;
    }
    auto now = Now();
    if (!now.ok()) return void(exit_code = Fail(g, now.status()));
    request.now = now->ns;
    auto ledger = OpenOrFail(g, exit_code);
    if (!ledger) return;
    auto txn = ledger->store().Read();
    if (!txn.ok()) return void(exit_code = Fail(g, txn.status()));
    PseudonymExport pseudonymous(*session);
    if (session->pseudonymize()) {
      auto form = pseudonymous.Form(*ledger, **txn, o->case_id);
      if (!form.ok()) return void(exit_code = Fail(g, form.status()));
      request.pseudonymous = *form;
    }
    auto replay = ReplayCase(*ledger, **txn, *session, request);
    if (!replay.ok()) return void(exit_code = Fail(g, replay.status()));
    if (auto a = session->AccountCases(*ledger, {{replay->case_id, replay->subject}}); !a.ok())
      return void(exit_code = Fail(g, a));
    if (keys) return Step(*replay, o->decisions, *keys);
    std::string text = format == "json"   ? DumpJson(ReplayJson(*replay, o->decisions), 2) + "\n"
                       : format == "html" ? ReplayHtml(ReplayJson(*replay, o->decisions))
                                          : TerminalText(ReplayText(*replay, o->decisions));
    if (auto s = Emit(*o, text); !s.ok()) exit_code = Fail(g, s);
  });
}

}  // namespace rmc::cli
