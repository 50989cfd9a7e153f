#!/usr/bin/env python3
"""`rmc subject export REF --format html`, the right-of-access page, as the youth sees it
(docs/testing.md): the youth of tests/scenarios/vsv.scn (every step of the route, consent, a
disclosure, an assessment, a plan, closing and aftercare), read by a consultant, an auditor and a
coordinator, with the region's contact settings; then the same youth after an erasure. Each page
is written by the real binary and rendered by headless Chromium. Checks:

- what every page a person reads must pass (page_check.py): it names nothing outside itself,
  Chromium logs no console message or uncaught error, its visible text has no ISO date and no
  snake_case key;
- no English key of the export's JSON, and no word of the machinery ("audit log", "access-log")
  in the visible text;
- the youth's data, the contacts and the rights are there; after the erasure no personal value is,
  and the page says what remains and why.

Keeps a screenshot of each in OUT: subject-page.png and subject-page-erased.png. Fails when
Chromium is missing (Debian package `chromium`).

Usage: subject_page.py --rmc build/rmc --scenarios tests/scenarios --out build
Prints a closing line 'N passed, N failed'; exits 1 on any failure.
"""
import json
import os

from page_check import PageCheck, run

REF = "J-600"  # the youth of vsv.scn
NOW = "2027-01-04T09:00:00Z"  # after the last event of J-600 (the scenario's clock ends earlier)
CONTACTS = {
    "contact_rmc": "RMC Utrecht, Postbus 16200, 3500 CE Utrecht, telefoon 030 286 10 00",
    "contact_privacy_officer": "functionaris gegevensbescherming, fg@regio-utrecht.example",
    "contact_requests": "Schrijf een brief of e-mail aan het RMC; zeg wat u wilt laten "
                        "verbeteren of wissen, of waartegen u bezwaar maakt.",
}
# Words a youth should not meet: the export's JSON keys and the machinery's names.
ENGLISH = ("personal_data", "info_items", "age_at_triage", "processing_activity", "recorded_at",
           "audit log", "access-log", "access log", "subject export", "erased", "sealed", "true",
           "false", "null")


class Test(PageCheck):
    def __init__(self, args):
        super().__init__(args.rmc, args.out, "rmc-subject-page-")

    def export(self, ledger, now, what):
        path = os.path.join(self.work, what + ".html")
        code, _, err = self.run(ledger, ["--purpose", "inzageverzoek", "subject", "export", REF,
                                         "--format", "html", "--output", path], now, "coordinator")
        self.check(code == 0, f"{what}: subject export --format html: exit {code} {err}")
        return path if code == 0 else None

    def page(self, ledger, now, what, screenshot, present, absent):
        path = self.export(ledger, now, what)
        if not path:
            return
        self.static_checks(what, open(path, encoding="utf-8").read())
        code, dom, err = self.chromium_run(path, ["--dump-dom"])
        if not self.check(code == 0 and "Inzage in uw gegevens" in dom,
                          f"{what}: chromium --dump-dom: exit {code} {err[-800:]}"):
            return
        self.console_clean(what, err)
        visible = " ".join(self.static_checks(what + " (rendered)", dom).text)
        self.plain_text(what, visible)
        for word in ENGLISH:
            self.check(word not in visible, f"{what}: {word!r} in the text")
        for text in present:
            self.check(text in visible, f"{what}: {text!r} is not on the page")
        for text in absent:
            self.check(text not in visible, f"{what}: {text!r} is on the page")
        rows = dom.count("<tr>")  # an event's row may be tall: better white below than cut off
        self.screenshot(what, path, screenshot, min(1600 + 160 * rows, 16000))

    def main(self, scenarios):
        if not self.check(self.chromium is not None,
                          "chromium is missing: install the Debian package chromium (make deps)"):
            return
        _, ledger, _ = self.build_ledger(os.path.join(scenarios, "vsv.scn"))
        now = NOW
        for key, value in CONTACTS.items():
            code, _, err = self.run(ledger, ["config", key, value], now, "coordinator")
            self.check(code == 0, f"config {key}: {err}")
        for argv, role in ((["show", "RMC-000001"], "consulent"),
                           (["--purpose", "steekproef", "list"], "auditor"),
                           (["--purpose", "controle", "audit", "reads", "--subject", REF], "auditor"),
                           (["--purpose", "controle", "audit", "log", "--subject", REF], "auditor")):
            code, _, err = self.run(ledger, argv, now, role)
            self.check(code == 0, f"{' '.join(argv)}: {err}")
        code, out, _ = self.run(ledger, ["--purpose", "inzageverzoek", "subject", "export", REF], now,
                                "coordinator")
        name = json.loads(out)["subject"]["personal_data"]["name"] if code == 0 else "?"
        self.page(ledger, now, "rich", "subject-page.png",
                  [name, "21 mei 2007", "Autoriteit Persoonsgegevens", "uw dossier bekeken",
                   "het logboek bekeken van alles wat met uw gegevens is gedaan"] + list(CONTACTS.values()),
                  ["Vraag uw RMC-consulent"])
        code, _, err = self.run(ledger, ["forget_subject", "--subject", REF, "--grondslag",
                                         "avg-art17", "--reason", "verzoek per brief"], now,
                                "coordinator")
        self.check(code == 0, f"forget_subject: {err}")
        self.page(ledger, now, "erased", "subject-page-erased.png",
                  ["Uw persoonsgegevens zijn gewist", "wie uw gegevens heeft bekeken",
                   "Autoriteit Persoonsgegevens"] + list(CONTACTS.values()),
                  [name, REF, "21 mei 2007", "Daarna wissen wij ze"])


if __name__ == "__main__":
    run(Test)
