#include "replay/bundle.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "base/html_escape.h"
#include "base/private_file.h"
#include "ledger/pseudonym_export.h"
#include "replay/page_text.h"
#include "replay/replay.h"
#include "replay/replay_html.h"
#include "views/case_lists.h"

namespace rmc {
namespace {

// The schema's RightDecision of the case's latest evaluation, -1 when it has none. Evaluations
// come last: the case's events are read from its end.
Result<int> RightDecisionOf(StoreTxn& txn, const std::string& case_id) {
  auto positions = txn.CasePositions(case_id);
  if (!positions.ok()) return positions.status();
  for (auto p = positions->rbegin(); p != positions->rend(); ++p) {
    auto view = txn.Event(*p);
    if (!view.ok()) return view.status();
    if (!*view) continue;
    auto payload = (*view)->event().getPayload();
    if (payload.isCaseEvaluated()) return int(payload.getCaseEvaluated().getRightDecision());
  }
  return -1;
}

// Every value of `j` that is the case id `id` (the case of each event, of the view, a change
// of it) as `pseudonym`. Only whole values: an id may be any text ("geen"), and a text that names
// a case id has had it masked by the redactor (privacy/identifying_patterns.h).
void RenameCase(Json& j, const std::string& id, const std::string& pseudonym) {
  if (j.is_string()) {
    if (j.get_ref<const std::string&>() == id) j = pseudonym;
  } else if (j.is_structured()) {
    for (auto& v : j) RenameCase(v, id, pseudonym);
  }
}

std::string Cell(const std::string& text) { return "<td>" + HtmlEscape(text) + "</td>"; }

// The index page: one row per case, linking to its page.
std::string IndexHtml(const Json& rows) {
  std::string body;
  for (const auto& r : rows) {
    const std::string page = r["page"], name = r["case"];
    body += "<tr><td><a href=\"" + HtmlEscape(page) + "\">" + HtmlEscape(name) + "</a></td>" +
            Cell(ValueText(r["target_group"])) + Cell(ValueText(r["status"])) +
            Cell(StepText(r["step"])) + Cell(ValueText(r["events"])) +
            Cell(ValueText(r["decisions"])) + Cell(ValueText(r["deviations"])) + "</tr>\n";
  }
  const std::string title = "Casussen voor de leersessie";
  return ReplayPageStart(title) + "<h1>" + title + "</h1>\n<p>" + std::to_string(rows.size()) +
         (rows.size() == 1 ? " casus" : " casussen") +
         ", gepseudonimiseerd: namen zijn vervangen door pseudoniemen, datums door het aantal dagen "
         "sinds het eerste signaal (dag 0).</p>\n<table class=\"index\"><thead><tr><th>casus</th>"
         "<th>doelgroep</th><th>status</th><th>stap</th><th>gebeurtenissen</th>"
         "<th>beslissingen</th><th>afwijkingen</th></tr></thead>\n<tbody>\n" +
         body + "</tbody></table>\n" + ReplayPageEnd();
}

}  // namespace

Result<std::vector<CaseRef>> SelectCases(StoreTxn& txn, const Selection& selection, Days today) {
  std::vector<CaseRef> selected;
  Status failure;
  auto s = ForEachCase(txn, [&](const CaseState& c) {
    if (!failure.ok()) return;
    auto right = RightDecisionOf(txn, c.case_id);
    if (!right.ok()) return void(failure = right.status());
    if (Matches(selection, FactsOf(c, today, *right))) selected.push_back({c.case_id, c.subject});
  });
  if (!s.ok()) return s;
  if (!failure.ok()) return failure;
  return selected;
}

Status MakeBundleFolder(const std::string& dir) {
  if (::mkdir(dir.c_str(), 0700) == 0) {
    // The umask may have taken bits from 0700; the owner must be able to write and read it.
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    const bool ok = fd >= 0 && ::fchmod(fd, 0700) == 0;
    const int e = errno;
    if (fd >= 0) ::close(fd);
    if (ok) return Status::Ok();
    ::rmdir(dir.c_str());
    return Status(Code::kUsage, "--output " + dir + ": cannot make the folder: " + std::strerror(e));
  }
  const int e = errno;
  if (e == EEXIST)
    return Status(Code::kUsage, "--output " + dir + " exists; a bundle is written into a new folder");
  return Status(Code::kUsage, "--output " + dir + ": cannot make the folder: " + std::strerror(e));
}

namespace {

Result<size_t> WriteBundleFiles(Ledger& ledger, StoreTxn& txn, const ReadSession& session,
                                const std::vector<CaseRef>& cases, const std::string& dir,
                                Nanos now) {
  PseudonymExport bundle(session);
  // In the order of their pseudonyms: the order of case ids (of opening) would say more.
  std::vector<std::pair<std::string, const CaseRef*>> order;
  for (const auto& c : cases) order.emplace_back(bundle.pseudonyms()(c.case_id), &c);
  std::sort(order.begin(), order.end());
  std::string lines;
  Json rows = Json::array();
  for (const auto& [pseudonym, ref] : order) {
    const CaseRef& c = *ref;
    auto form = bundle.Form(ledger, txn, c.case_id);
    if (!form.ok()) return form.status();
    ReplayRequest request;
    request.case_id = c.case_id;
    request.now = now;
    request.pseudonymous = *form;
    auto replay = ReplayCase(ledger, txn, session, request);
    if (!replay.ok()) return replay.status();
    Json j = ReplayJson(*replay, false);
    RenameCase(j, c.case_id, pseudonym);
    const std::string page = pseudonym + ".html";
    const std::string html = ReplayPageStart("Verloop van dossier " + pseudonym) +
                             "<p><a href=\"index.html\">← alle casussen van de leersessie</a></p>\n" +
                             ReplayCaseHtml(j) + ReplayPageEnd();
    if (auto s = WriteNewPrivateFile(dir + "/" + page, html, "a page of a bundle"); !s.ok())
      return s;
    lines += DumpJson(j) + "\n";
    size_t decisions = 0;
    for (const auto& e : replay->entries) decisions += e.decision != DecisionKind::kNone;
    const Json& view = j["view"];
    rows.push_back({{"case", pseudonym},
                    {"page", page},
                    {"target_group", view["target_group"]},
                    {"status", view["status"]},
                    {"step", view["step"]},
                    {"events", replay->entries.size()},
                    {"decisions", decisions},
                    {"deviations", view["deviations"].size()}});
  }
  if (auto s = WriteNewPrivateFile(dir + "/cases.jsonl", lines, "the cases of a bundle"); !s.ok())
    return s;
  if (auto s = WriteNewPrivateFile(dir + "/index.html", IndexHtml(rows), "the index of a bundle");
      !s.ok())
    return s;
  return cases.size();
}

}  // namespace

Result<size_t> WriteBundle(Ledger& ledger, StoreTxn& txn, const ReadSession& session,
                           const std::vector<CaseRef>& cases, const std::string& dir, Nanos now) {
  auto written = WriteBundleFiles(ledger, txn, session, cases, dir, now);
  if (!written.ok())
    return Status(written.status().code(), "the bundle in " + dir + " is incomplete (remove it): " +
                                               written.status().message());
  return written;
}

}  // namespace rmc
