#!/usr/bin/env python3
"""Concurrency test (docs/reliability.md): several `rmc` writers, some with expected_version and
some without, and readers, all on the same few cases at once. Checks:

- no lost update: every note a writer was told is recorded is in the ledger, once;
- no duplicate or missing position: the log's positions are 1..N;
- a stale expected_version is refused as version_conflict (exit 4), never recorded;
- readers always see a case whose version only grows;
- the final state equals a serial replay of the recorded commands in log order.

Usage: concurrent_writers.py --rmc build/rmc [--writers 4] [--notes 40] [--cases 3]
Prints a closing line 'N passed, N failed'; exits 1 on any failure.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading

NOW = "2026-11-20T09:00:00Z"
RANDOM_FIELDS = ("event_id", "trace_id", "span_id", "parent_span_id")


class Test:
    def __init__(self, rmc):
        self.rmc = os.path.abspath(rmc)
        self.work = tempfile.mkdtemp(prefix="rmc-concurrency-")
        self.checks, self.failures = 0, []
        self.lock = threading.Lock()

    def run(self, ledger, argv, stdin=b""):
        env = dict(os.environ, RMC_LEDGER=ledger, RMC_NOW=NOW, RMC_ACTOR="w", RMC_ROLE="consulent")
        p = subprocess.run([self.rmc] + argv, input=stdin, capture_output=True, env=env, timeout=120)
        return p.returncode, p.stdout.decode(), p.stderr.decode()

    def check(self, ok, what):
        with self.lock:
            self.checks += 1
            if not ok:
                self.failures.append(what)
                print("FAIL " + what, flush=True)

    def version(self, ledger, case):
        code, out, err = self.run(ledger, ["show", case, "--json"])
        self.check(code == 0, f"show {case}: exit {code}: {err.strip()}")
        return json.loads(out)["version"] if code == 0 else 0

    def writer(self, ledger, n, cases, notes, recorded):
        """Writers with an even number read the version and send it as expected_version,
        retrying on a conflict; odd ones write without. Each note has its own id."""
        for i in range(notes):
            case = cases[i % len(cases)]
            cid = f"w{n}-{i}"
            argv = ["note", case, "--text", f"notitie {cid}", "--id", cid, "--json"]
            for _ in range(50):
                extra = ["--expected-version", str(self.version(ledger, case))] if n % 2 == 0 else []
                code, out, err = self.run(ledger, argv + extra)
                if code == 4:
                    self.check("version_conflict" in out + err, f"{cid}: exit 4 without version_conflict: {out}{err}")
                    with self.lock:
                        self.conflicts += 1
                    continue
                self.check(code == 0, f"{cid}: exit {code}: {out}{err}")
                if code == 0:
                    r = json.loads(out)
                    with self.lock:
                        recorded.append((r["position"], case, cid))
                break

    def reader(self, ledger, cases, stop):
        seen = {c: 0 for c in cases}
        while not stop.is_set():
            for c in cases:
                v = self.version(ledger, c)
                self.check(v >= seen[c], f"reader saw {c} go back from version {seen[c]} to {v}")
                seen[c] = max(seen[c], v)

    def feed(self, ledger):
        code, out, err = self.run(ledger, ["events", "--personal"])
        self.check(code == 0, f"events: exit {code}: {err}")
        return [json.loads(l) for l in out.splitlines()]

    def cases_state(self, ledger, cases):
        out = {}
        for c in cases:
            code, text, err = self.run(ledger, ["history", c, "--json"])
            self.check(code == 0, f"history {c}: {err}")
            events = json.loads(text)
            events = events.get("events", events) if isinstance(events, dict) else events
            for e in events:
                for f in RANDOM_FIELDS + ("position", "command_id"):
                    e.pop(f, None)
            out[c] = events
        return out

    def main(self, writers, notes, ncases):
        ledger = os.path.join(self.work, "ledger")
        self.conflicts = 0
        self.check(self.run(ledger, ["init"])[0] == 0, "init")
        setup = []
        for i in range(ncases):
            setup.append(json.dumps({"id": f"s{i}", "type": "signal", "data": {
                "subject": {"ref": f"J-{i}", "name": f"Naam {i}"}, "channel": "jongere", "received": "2026-11-02"}}))
        code, out, err = self.run(ledger, ["apply"], ("\n".join(setup) + "\n").encode())
        self.check(code == 0, f"setup: {out}{err}")
        cases = [f"RMC-{i + 1:06d}" for i in range(ncases)]

        recorded, stop = [], threading.Event()
        readers = [threading.Thread(target=self.reader, args=(ledger, cases, stop)) for _ in range(2)]
        threads = [threading.Thread(target=self.writer, args=(ledger, n, cases, notes, recorded)) for n in range(writers)]
        for t in readers + threads:
            t.start()
        for t in threads:
            t.join()
        stop.set()
        for t in readers:
            t.join()

        events = self.feed(ledger)
        positions = [e["position"] for e in events]
        self.check(positions == list(range(1, len(positions) + 1)), "positions are not 1..N without gaps or repeats")
        notes_in_log = [e["command_id"] for e in events if e["type"] == "NoteAdded"]
        self.check(sorted(notes_in_log) == sorted(cid for _, _, cid in recorded),
                   f"lost or repeated updates: {len(notes_in_log)} notes in the log, {len(recorded)} told recorded")
        self.check(len(set(notes_in_log)) == len(notes_in_log), "a note is in the log twice")
        self.check(self.conflicts > 0 or writers < 2, "no version_conflict arose; the test raced nothing")

        # The serial replay: the same commands, one at a time, in the order of the log.
        serial = os.path.join(self.work, "serial")
        self.run(serial, ["init"])
        self.run(serial, ["apply"], ("\n".join(setup) + "\n").encode())
        for _, case, cid in sorted(recorded):
            code, out, err = self.run(serial, ["note", case, "--text", f"notitie {cid}", "--id", cid])
            self.check(code == 0, f"serial {cid}: {out}{err}")
        self.check(self.cases_state(ledger, cases) == self.cases_state(serial, cases),
                   "the final state differs from a serial replay")
        verified = self.run(ledger, ["verify"])
        self.check(verified[0] == 0, f"verify: {verified[1]}{verified[2]}")
        shutil.rmtree(self.work, ignore_errors=True)
        print(f"concurrency: {writers} writers, {len(recorded)} notes, {self.conflicts} conflicts, {self.checks} checks")
        print(f"{self.checks - len(self.failures)} passed, {len(self.failures)} failed")
        return 0 if not self.failures else 1


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rmc", required=True)
    ap.add_argument("--writers", type=int, default=4)
    ap.add_argument("--notes", type=int, default=40)
    ap.add_argument("--cases", type=int, default=3)
    args = ap.parse_args()
    sys.exit(Test(args.rmc).main(args.writers, args.notes, args.cases))


if __name__ == "__main__":
    main()
