"""What the page tests (replay_page.py, subject_page.py) share: running the real binary, rendering
a page with headless Chromium (Debian package `chromium`), and the checks every page a person
reads must pass:

- it names nothing outside itself: no http:, https: or // anywhere, no <link, @import, url( or
  src= other than data:, no href other than #…;
- Chromium logs no console message and no uncaught error while loading it;
- its visible text has no ISO date (dates are Dutch: "4 sep 2026") and no snake_case key.
"""
import argparse
import html.parser
import os
import re
import shutil
import subprocess
import sys
import tempfile

from scenario_ledger import ScenarioRunner


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


class PageCheck(ScenarioRunner):
    """Counts checks and failures; runs rmc (scenario_ledger.py) and Chromium in a temporary
    folder of its own."""

    def __init__(self, rmc, out, prefix):
        super().__init__(rmc, tempfile.mkdtemp(prefix=prefix))
        self.out = os.path.abspath(out)
        self.chromium = shutil.which("chromium") or shutil.which("chromium-browser")

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

    def plain_text(self, what, visible):
        """No ISO date and no snake_case key in the visible text."""
        self.check(not re.search(r"\b\d{4}-\d{2}-\d{2}", visible), f"{what}: an ISO date in the text: "
                   + str(re.findall(r".{30}\d{4}-\d{2}-\d{2}.{10}", visible)[:3]))
        keys = set(re.findall(r"\b[a-z]+_[a-z_]+\b", visible))
        self.check(not keys, f"{what}: keys in the text: {sorted(keys)}")

    def screenshot(self, what, path, name, height):
        """Keeps a picture of the page at `path` as OUT/name, 1280 pixels wide."""
        shot = os.path.join(self.out, name)
        if os.path.exists(shot):
            os.remove(shot)
        code, _, err = self.chromium_run(path, ["--hide-scrollbars", f"--window-size=1280,{height}",
                                                "--screenshot=" + shot])
        self.check(code == 0 and os.path.exists(shot) and os.path.getsize(shot) > 10000,
                   f"{what}: screenshot {shot}: {err[-800:]}")
        print("screenshot:", shot)


def run(test_class):
    """The command line of a page test: --rmc, --scenarios, --out; runs test_class(args).main,
    prints 'N passed, N failed' and exits 1 on any failure."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--rmc", required=True)
    ap.add_argument("--scenarios", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    t = test_class(args)
    try:
        t.main(args.scenarios)
    finally:
        shutil.rmtree(t.work, ignore_errors=True)
    print(f"{t.checks - len(t.failures)} passed, {len(t.failures)} failed")
    sys.exit(1 if t.failures else 0)
