#!/usr/bin/env python3
"""`rmc replay CASE --format html` as a person sees it (docs/testing.md): for every case of every
scenario in tests/scenarios (the lines starting with `{` through `rmc apply`, each at the clock of
the `@now` line before it), plus a correction and a deviation whose reasons are hostile HTML, the
page is written by the real binary, in the auditor's form and in the evaluator's pseudonymised
one, and rendered by headless Chromium. Checks:

- what every page a person reads must pass (page_check.py): it names nothing outside itself,
  Chromium logs no console message or uncaught error, its visible text has no ISO date and no
  snake_case key;
- every event of the case is visible: the page's own check (ReplayPageEnd) scrolls to each
  marker and finds it drawn at its centre; each event has its marker in both pictures;
- hostile text shows as text: the reasons appear escaped, never as markup.

Keeps a screenshot of one case in each form in OUT: replay-page.png and
replay-page-pseudonymised.png. Fails when Chromium is missing (Debian package `chromium`).

Usage: replay_page.py --rmc build/rmc --scenarios tests/scenarios --out build
Prints a closing line 'N passed, N failed'; exits 1 on any failure.
"""
import glob
import json
import os
import re

from page_check import PageCheck, run

HOSTILE = "</script><script>alert(\"x\")</script> 'aanhalingstekens' & <b>vet</b> \u00e9\u00e9n"
SCREENSHOT_CASE = ("verzuim_18plus", "RMC-000001")  # the case whose page is kept as a picture


class Test(PageCheck):
    def __init__(self, args):
        super().__init__(args.rmc, args.out, "rmc-replay-page-")

    def add_hostile(self, ledger, now, case):
        """A correction and an out-of-route monitor, each with a reason that is hostile HTML."""
        code, out, _ = self.run(ledger, ["--purpose", "test", "history", case, "--json"], now, "auditor")
        events = json.loads(out) if code == 0 else []
        target = next((e["position"] for e in events if e["type"] == "Monitored"), None)
        if not self.check(target is not None, f"{case}: a Monitored event to correct"):
            return
        self.apply(ledger, [
            json.dumps({"id": "h1", "type": "correct", "case": case, "reason": HOSTILE,
                        "data": {"event": target, "data": {"status": "vastgelopen"}}}),
            json.dumps({"id": "h2", "type": "monitor", "case": case, "reason": HOSTILE,
                        "data": {"status": "op-koers"}}),
        ], now, "hostile")

    def cases(self, ledger, now):
        code, out, err = self.run(ledger, ["--purpose", "test", "list", "--json"], now, "coordinator")
        self.check(code == 0, f"list: {err}")
        return [c["case"] for c in json.loads(out)] if code == 0 else []

    def page(self, name, ledger, now, case, role, hostile, screenshot):
        what = f"{name} {case} as {role}"
        path = os.path.join(self.work, f"{name}-{case}-{role}.html")
        code, _, err = self.run(ledger, ["--purpose", "test", "replay", case, "--format", "html",
                                         "--output", path], now, role)
        if not self.check(code == 0, f"{what}: replay --format html: exit {code} {err}"):
            return
        code, out, err = self.run(ledger, ["--purpose", "test", "replay", case, "--json"], now, role)
        positions = sorted(str(e["position"]) for e in json.loads(out)["events"]) if code == 0 else []
        self.check(positions, f"{what}: replay --json: {err}")
        text = open(path, encoding="utf-8").read()
        self.static_checks(what, text)
        if hostile:
            self.check("<script>alert" not in text and "&lt;/script&gt;&lt;script&gt;alert" in text,
                       f"{what}: the hostile reason is not shown escaped")
        code, dom, err = self.chromium_run(path, ["--dump-dom"])
        if not self.check(code == 0 and "zichtcontrole" in dom, f"{what}: chromium --dump-dom: exit {code} {err[-800:]}"):
            return
        self.console_clean(what, err)
        m = re.search(r'<p id="zichtcontrole"[^>]*>', dom)
        attrs = dict(re.findall(r'(data-[a-z]+)="([^"]*)"', m.group(0))) if m else {}
        seen = attrs.get("data-seen", "").split()
        self.check(attrs.get("data-unseen", "x") == "", f"{what}: markers not visible: {attrs.get('data-unseen')}")
        self.check(sorted(seen) == sorted(positions * 2),
                   f"{what}: visible markers {sorted(seen)} are not each event twice {positions}")
        visible = " ".join(self.static_checks(what + " (rendered)", dom).text)
        self.plain_text(what, visible)
        if hostile:
            self.check(HOSTILE in visible, f"{what}: the hostile reason is not shown as text")
        if screenshot:
            height = min(int(attrs.get("data-height", "3000") or 3000), 16000)
            self.screenshot(what, path, screenshot, height)

    def main(self, scenarios):
        if not self.check(self.chromium is not None,
                          "chromium is missing: install the Debian package chromium (make deps)"):
            return
        for scenario in sorted(glob.glob(os.path.join(scenarios, "*.scn"))):
            name, ledger, now = self.build_ledger(scenario)
            hostile = name == SCREENSHOT_CASE[0]
            if hostile:
                self.add_hostile(ledger, now, SCREENSHOT_CASE[1])
            for case in self.cases(ledger, now):
                for role, picture in (("auditor", "replay-page.png"),
                                      ("evaluator", "replay-page-pseudonymised.png")):
                    chosen = (name, case) == SCREENSHOT_CASE
                    self.page(name, ledger, now, case, role, hostile and chosen and role == "auditor",
                              picture if chosen else None)


if __name__ == "__main__":
    run(Test)
