#!/usr/bin/env python3
"""`rmc replay CASE --format html` as a person sees it (docs/testing.md): for every case of every
scenario in tests/scenarios (the lines starting with `{` through `rmc apply`, each at the clock of
the `@now` line before it), plus a correction and a deviation whose reasons are hostile HTML, the
page is written by the real binary, in the auditor's form and in the evaluator's pseudonymised
one, and rendered by headless Chromium. Checks:

- the page names nothing outside itself: no http:, https: or // anywhere, no <link, @import,
  url( or src= other than data:, no href other than #…;
- Chromium logs no console message and no uncaught error while loading it;
- every event of the case is visible: the page's own check (ReplayPageEnd) scrolls to each
  marker and finds it drawn at its centre; each event has its marker in both pictures;
- hostile text shows as text: the reasons appear escaped, never as markup;
- the visible text has no ISO date (dates are Dutch: "4 sep 2026") and no snake_case key.

Keeps a screenshot of one case in each form in OUT: replay-page.png and
replay-page-pseudonymised.png. Fails when Chromium is missing (Debian package `chromium`).

Usage: replay_page.py --rmc build/rmc --scenarios tests/scenarios --out build
Prints a closing line 'N passed, N failed'; exits 1 on any failure.
"""
import argparse
import glob
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

from scenario_ledger import ScenarioRunner

HOSTILE = "</script><script>alert(\"x\")</script> 'aanhalingstekens' & <b>vet</b> \u00e9\u00e9n"
SCREENSHOT_CASE = ("verzuim_18plus", "RMC-000001")  # the case whose page is kept as a picture


class Attributes(html.parser.HTMLParser):
    """Every attribute value of the page by name, and the text outside <style> and <script>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.attrs, self.text, self.skip = [], [], 0

    def handle_starttag(self, tag, attrs):
        self.attrs += [(tag, k, v or "") for k, v in attrs]
        self.skip += tag in ("style", "script")

    def handle_endtag(self, tag):
        self.skip -= tag in ("style", "script")

    def handle_data(self, data):
        if not self.skip:
            self.text.append(data)


class Test(ScenarioRunner):
    def __init__(self, args):
        super().__init__(args.rmc, tempfile.mkdtemp(prefix="rmc-replay-page-"))
        self.out = os.path.abspath(args.out)
        self.chromium = shutil.which("chromium") or shutil.which("chromium-browser")

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

    def chromium_run(self, page, extra):
        argv = [self.chromium, "--headless", "--disable-gpu", "--no-first-run",
                "--no-default-browser-check", "--disable-extensions", "--disable-sync",
                "--disable-background-networking", "--disable-component-update",
                "--host-resolver-rules=MAP * ~NOTFOUND", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=" + os.path.join(self.work, "profile"),
                "--virtual-time-budget=5000"] + extra + ["file://" + page]
        if os.geteuid() == 0:
            argv.insert(1, "--no-sandbox")
        p = subprocess.run(argv, capture_output=True, timeout=180)
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")

    def static_checks(self, what, text):
        low = text.lower()
        for bad in ("http:", "https:", "//", "<link", "@import", "<iframe", "<img", "<object",
                    "<embed"):
            self.check(bad not in low, f"{what}: the page holds {bad!r}")
        self.check(not re.search(r"url\((?!\s*['\"]?(data:|#))", low), f"{what}: url( to a resource")
        parser = Attributes()
        parser.feed(text)
        for tag, name, value in parser.attrs:
            if name == "src":
                self.check(value.startswith("data:"), f"{what}: <{tag} src={value!r}>")
            if name in ("href", "xlink:href"):
                self.check(value.startswith("#"), f"{what}: <{tag} {name}={value!r}>")
        return parser

    def console_clean(self, what, err):
        bad = [l for l in err.splitlines()
               if "CONSOLE" in l or "Uncaught" in l or "SyntaxError" in l]
        self.check(not bad, f"{what}: console messages: {bad[:5]}")

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
        self.check(not re.search(r"\b\d{4}-\d{2}-\d{2}", visible), f"{what}: an ISO date in the text: "
                   + str(re.findall(r".{30}\d{4}-\d{2}-\d{2}.{10}", visible)[:3]))
        keys = set(re.findall(r"\b[a-z]+_[a-z_]+\b", visible))
        self.check(not keys, f"{what}: keys in the text: {sorted(keys)}")
        if hostile:
            self.check(HOSTILE in visible, f"{what}: the hostile reason is not shown as text")
        if screenshot:
            height = min(int(attrs.get("data-height", "3000") or 3000), 16000)
            shot = os.path.join(self.out, screenshot)
            if os.path.exists(shot):
                os.remove(shot)
            code, _, err = self.chromium_run(path, ["--hide-scrollbars", f"--window-size=1280,{height}",
                                                    "--screenshot=" + shot])
            self.check(code == 0 and os.path.exists(shot) and os.path.getsize(shot) > 10000,
                       f"{what}: screenshot {shot}: {err[-800:]}")
            print("screenshot:", shot)

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
    ap = argparse.ArgumentParser()
    ap.add_argument("--rmc", required=True)
    ap.add_argument("--scenarios", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    t = Test(args)
    try:
        t.main(args.scenarios)
    finally:
        shutil.rmtree(t.work, ignore_errors=True)
    print(f"{t.checks - len(t.failures)} passed, {len(t.failures)} failed")
    sys.exit(1 if t.failures else 0)
