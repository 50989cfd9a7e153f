// rmc lessons: what the evaluations taught across cases (src/replay/lessons.h), grouped by tag,
// always pseudonymised and redacted; one access record per youth whose evaluation it shows.
#include <cstdio>

#include "base/private_file.h"
#include "context.h"
#include "replay/lessons.h"
#include "terminal_text.h"

namespace rmc::cli {
namespace {

Result<Days> DateOption(const std::string& flag, const std::string& text) {
  auto t = ParseTime(text);
  if (!t.ok() || !t->is_date)
    return Status(Code::kUsage, flag + ": expected a date YYYY-MM-DD");
  return LocalDate(t->ns);
}

}  // namespace

void RegisterLessons(CLI::App& app, Globals& g, int& exit_code) {
  struct Options {
    std::string tag, from, to, output;
  };
  auto o = std::make_shared<Options>();
  auto* sub = app.add_subcommand(
      "lessons",
      "learning points, bottlenecks and improvements of the evaluations across cases, by tag "
      "(pseudonymised and redacted; one logged read)");
  sub->add_option("--tag", o->tag, "only this tag (\"zonder tag\": what no improvement tagged)");
  sub->add_option("--from", o->from, "evaluations that occurred on or after this date (YYYY-MM-DD)");
  sub->add_option("--to", o->to, "evaluations that occurred on or before this date (YYYY-MM-DD)");
  sub->add_option("--output", o->output, "write to FILE (mode 0600) instead of standard output");
  sub->callback([&g, &exit_code, o] {
    LessonsRequest request;
    request.tag = o->tag;
    for (auto [flag, text, day] : {std::tuple{"--from", &o->from, &request.from},
                                   std::tuple{"--to", &o->to, &request.to}}) {
      if (text->empty()) continue;
      auto d = DateOption(flag, *text);
      if (!d.ok()) return void(exit_code = Fail(g, d.status()));
      *day = *d;
    }
    if (request.from != kNoDay && request.to != kNoDay && request.from > request.to)
      return void(exit_code = Fail(g, Status(Code::kUsage, "--from is after --to")));
    auto session = BeginRead(g, {"lessons", Action::kReadCases, true, true}, exit_code);
    if (!session) return;
    if (!o->output.empty())
      if (auto s = CheckReplaceable(o->output); !s.ok()) return void(exit_code = Fail(g, s));
    auto ledger = OpenOrFail(g, exit_code);
    if (!ledger) return;
    auto txn = ledger->store().Read();
    if (!txn.ok()) return void(exit_code = Fail(g, txn.status()));
    auto lessons = GatherLessons(*ledger, **txn, *session, request);
    if (!lessons.ok()) return void(exit_code = Fail(g, lessons.status()));
    if (auto a = session->AccountCases(*ledger, lessons->cases); !a.ok())
      return void(exit_code = Fail(g, a));
    const std::string text = g.json ? DumpJson(lessons->json, 2) + "\n" : TerminalText(LessonsText(lessons->json));
    if (o->output.empty()) return void(std::fwrite(text.data(), 1, text.size(), stdout));
    if (auto w = WritePrivateFile(o->output, text); !w.ok()) exit_code = Fail(g, w);
  });
}

}  // namespace rmc::cli
