// rmc subject export REF: the right of access (AVG art. 15). Everything the ledger holds about one
// youth, as JSON or as a printable page (src/views/subject_export.h, src/views/subject_export_html.h). The
// export is itself a logged read: one access record per case, before anything is written out.
#include "views/subject_export.h"

#include <cstdio>

#include "base/private_file.h"
#include "context.h"
#include "views/subject_export_html.h"

namespace rmc::cli {
namespace {

// A coordinator handles right-of-access requests; `system` runs them for a portal.
}  // namespace

void RegisterSubjectExport(CLI::App& app, Globals& g, int& exit_code) {
  struct Options {
    std::string ref, format, output;
    bool name_actors = false;
  };
  auto o = std::make_shared<Options>();
  auto* sub = SubjectGroup(app)
                  .add_subcommand("export",
                                  "everything held about one youth, for a right-of-access request "
                                  "(AVG art. 15; itself a logged read)");
  sub->add_option("ref", o->ref, "the youth's ref")->required();
  sub->add_option("--format", o->format, "json (default) or html: one page to hand to the youth")
      ->check(CLI::IsMember({"json", "html"}));
  sub->add_option("--output", o->output, "write to FILE (mode 0600) instead of standard output");
  sub->add_flag("--name-actors", o->name_actors,
                "also the user names of the employees who recorded and read (default: their role)");
  sub->callback([&g, &exit_code, o] {
    auto session = BeginRead(g, {"subject export", Action::kExportSubject, true}, exit_code);
    if (!session) return;
    if (!o->output.empty())
      if (auto s = CheckReplaceable(o->output); !s.ok()) return void(exit_code = Fail(g, s));
    auto now = Now();
    if (!now.ok()) return void(exit_code = Fail(g, now.status()));
    auto ledger = OpenOrFail(g, exit_code);
    if (!ledger) return;
    auto txn = ledger->store().Read();
    if (!txn.ok()) return void(exit_code = Fail(g, txn.status()));
    auto exported = BuildSubjectExport(*ledger, **txn, o->ref, {o->name_actors, now->ns});
    if (!exported.ok()) return void(exit_code = Fail(g, exported.status()));
    std::string text =
        o->format == "html"
            ? SubjectExportHtml(exported->json)
            : exported->json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
    std::vector<Shown> shown;
    const auto result = exported->erased ? schema::AccessResult::ERASED : schema::AccessResult::OK;
    for (const auto& case_id : exported->cases)
      shown.push_back({case_id, exported->subject_id, result});
    if (auto a = session->Account(*ledger, shown); !a.ok())
      return void(exit_code = Fail(g, a));
    if (o->output.empty()) {
      std::fwrite(text.data(), 1, text.size(), stdout);
      return;
    }
    if (auto w = WritePrivateFile(o->output, text); !w.ok()) exit_code = Fail(g, w);
  });
}

}  // namespace rmc::cli
