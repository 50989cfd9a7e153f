#!/usr/bin/env python3
"""The crash harness (docs/reliability.md): runs a workload through the real `rmc` binary and
SIGKILLs `rmc init`, `apply`, `subject forget`, `backup` and `retention --apply` at random moments,
while other rmc processes hold the ledger open. After every kill it checks what must survive:

- `rmc verify` passes (an erasure recorded but not yet completed counts as pending, not broken);
- every result the killed process printed as ok is in the ledger, exactly once (its events,
  at the position it printed);
- nothing is partial: a killed backup leaves no backup directory, a killed init no ledger that
  a new init refuses and verify cannot open;
- a rerun of the same step completes, reporting what was done before the kill as duplicates.

At the end the ledger's events (with their random ids left out) must equal those of a run of
the same steps without kills, and no erased youth's name may be in any file.

Usage: crash_harness.py --rmc build/rmc --gen build/rmc-gen [--kills 100] [--cases 60] [--seed 1]
Prints one line per step and a closing line 'N passed, N failed'; exits 1 on any failure.
"""
import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

NOW = "2026-11-20T09:00:00Z"
LATER = "2041-01-01T09:00:00Z"  # when the retention of every closed case has passed
RANDOM_FIELDS = ("event_id", "trace_id", "span_id", "parent_span_id")


class Harness:
    def __init__(self, args):
        self.rmc, self.gen = os.path.abspath(args.rmc), os.path.abspath(args.gen)
        self.rng = random.Random(args.seed)
        self.kills_wanted = args.kills
        self.kills = 0
        self.checks = 0
        self.failures = []
        self.work = tempfile.mkdtemp(prefix="rmc-crash-")
        self.delay = {}  # step kind -> how long it ran without a kill (s), to aim the kills

    # --- running rmc -------------------------------------------------------------------------
    def env(self, ledger, role, now, purpose=None):
        e = dict(os.environ, RMC_LEDGER=ledger, RMC_NOW=now, RMC_ACTOR="crash", RMC_ROLE=role)
        e.pop("RMC_KEYSTORE", None)
        return e

    def run(self, ledger, argv, role="consulent", now=NOW, stdin=b""):
        p = subprocess.run([self.rmc] + argv, input=stdin, capture_output=True,
                           env=self.env(ledger, role, now), timeout=300)
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")

    def run_killed(self, kind, ledger, argv, role="consulent", now=NOW, stdin=b""):
        """Runs argv and SIGKILLs it after a random delay; returns (killed, stdout)."""
        span = self.delay.get(kind, 0.05)
        delay = self.rng.uniform(0, span * 1.2)
        p = subprocess.Popen([self.rmc] + argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, env=self.env(ledger, role, now))
        # The input goes in whole, from a thread of the OS: a pipe buffer may hold less.
        writer = None
        if stdin:
            import threading

            def feed():
                try:
                    p.stdin.write(stdin)
                    p.stdin.close()
                except (BrokenPipeError, ValueError):
                    pass

            writer = threading.Thread(target=feed)
            writer.start()
        else:
            p.stdin.close()
        time.sleep(delay)
        killed = p.poll() is None
        if killed:
            p.send_signal(signal.SIGKILL)
        out = p.stdout.read().decode("utf-8", "replace")
        p.wait()
        if writer:
            writer.join()
        killed = killed and p.returncode == -signal.SIGKILL
        if killed:
            self.kills += 1
        return killed, out

    def timed(self, kind, fn):
        start = time.monotonic()
        result = fn()
        self.delay[kind] = max(self.delay.get(kind, 0), time.monotonic() - start)
        return result

    # --- checks --------------------------------------------------------------------------------
    def check(self, ok, what):
        self.checks += 1
        if not ok:
            self.failures.append(what)
            print("FAIL " + what, flush=True)

    def verify(self, ledger, after):
        code, out, err = self.run(ledger, ["verify", "--json"])
        self.check(code == 0, f"verify after {after}: exit {code}: {out.strip()} {err.strip()}")

    def feed(self, ledger):
        code, out, err = self.run(ledger, ["events", "--personal"])
        self.check(code == 0, f"events: exit {code}: {err.strip()}")
        return [json.loads(line) for line in out.splitlines()]

    @staticmethod
    def comparable(events):
        """The events without what differs between two ledgers by chance: random ids, the
        ledger's id, and the ids and order of retention's erasures (derived from the subject ids,
        which the keystore's random pepper makes); each case's events stay in version order."""
        out = []
        for e in events:
            e = {k: v for k, v in e.items() if k not in RANDOM_FIELDS and k != "position"}
            if e["type"] == "LedgerCreated":
                e["data"] = {k: v for k, v in e["data"].items() if k != "ledger_id"}
            if e["command_id"].startswith("retention-"):
                e["command_id"] = e["command_id"].rsplit("-", 1)[0]
            out.append(e)
        return sorted(out, key=lambda e: (e["case"] or "", e["version"], json.dumps(e, sort_keys=True)))

    def check_printed(self, ledger, printed, rerun, what):
        """Every ok the killed process printed is in the ledger once, and the rerun calls it a
        duplicate."""
        whole = printed.split("\n")[:-1]  # a line cut off by the kill was never printed whole
        oks = [json.loads(l) for l in whole if l.startswith("{") and '"ok":true' in l]
        if not oks:
            return
        events = self.feed(ledger)
        reran = {}
        for line in rerun.splitlines():
            if line.startswith("{"):
                r = json.loads(line)
                reran[r.get("id")] = r
        for r in oks:
            mine = [e for e in events if e["command_id"] == r["id"]]
            self.check(len(mine) == len(r.get("events", [])) and (not mine or mine[-1]["position"] == r["position"]),
                       f"{what}: printed ok {r['id']} is in the ledger {len(mine)} times, not {len(r.get('events', []))}")
            if r["id"] in reran:
                self.check(reran[r["id"]].get("duplicate") is True,
                           f"{what}: {r['id']} printed ok before the kill, but the rerun did not call it a duplicate")

    # --- steps ---------------------------------------------------------------------------------
    def steps(self, lines, subjects):
        """The workload: init, chunks of commands, erasures racing other processes, backups,
        retention. The same list, in the same order, for the reference run and the killed run."""
        out = [("init", None)]
        chunk = max(1, len(lines) // 12)
        chunks = [lines[i:i + chunk] for i in range(0, len(lines), chunk)]
        erased = 0
        for i, c in enumerate(chunks):
            out.append(("apply", c))
            if i % 3 == 2 and erased < len(subjects):
                out.append(("forget", subjects[erased]))
                erased += 1
            if i % 4 == 3:
                out.append(("backup", i))
        out.append(("retention", None))
        return out

    def do_step(self, ledger, step, kill):
        """Runs one step; with `kill`, first as often as it takes to kill it a few times. Returns
        whether it completed."""
        kind, arg = step
        argv, role, now, stdin = self.command(ledger, step)
        attempts = self.rng.randint(1, 3) if kill else 0
        for attempt in range(attempts):
            if kind == "backup":
                shutil.rmtree(self.backup_dir(ledger, arg), ignore_errors=True)
            holders = self.hold(ledger) if kind in ("forget", "retention") else []
            killed, printed = self.run_killed(kind, ledger, argv, role, now, stdin)
            self.release(holders)
            if not killed:
                break
            what = f"kill {self.kills} during {kind}"
            if kind == "init":
                code, out, err = self.run(ledger, ["init", "--region", "Crash"])
                if code != 0:
                    self.check("exists" in err, f"{what}: a new init: exit {code}: {err.strip()}")
                    self.verify(ledger, what)
                return True
            self.verify(ledger, what)
            if kind == "backup":
                target = self.backup_dir(ledger, arg)
                empty = os.path.isdir(target) and not os.listdir(target)
                self.check(not os.path.exists(target) or empty or self.verifies(target),
                           f"{what}: the killed backup left a partial {target}")
            if kind == "apply":
                code, rerun, err = self.run(ledger, argv, role, now, stdin)
                self.check(code in (0, 3), f"{what}: the rerun: exit {code}: {err.strip()}")
                self.check_printed(ledger, printed, rerun, what)
                return True
        start = time.monotonic()
        if kind == "backup":
            shutil.rmtree(self.backup_dir(ledger, arg), ignore_errors=True)
        code, out, err = self.run(ledger, argv, role, now, stdin)
        self.delay[kind] = max(self.delay.get(kind, 0), time.monotonic() - start)
        ok = code == 0 or (kind == "apply" and code == 3) or (kind == "init" and "exists" in err)
        self.check(ok, f"{kind} did not complete: exit {code}: {err.strip()[:300]}")
        if kind == "backup" and code == 0:
            self.check(self.verifies(self.backup_dir(ledger, arg)), "a backup does not verify")
        return ok

    def command(self, ledger, step):
        kind, arg = step
        if kind == "init":
            return ["init", "--region", "Crash"], "consulent", NOW, b""
        if kind == "apply":
            return ["apply"], "consulent", NOW, "".join(arg).encode()
        if kind == "forget":
            return (["subject", "forget", arg, "--grondslag", "avg-art17", "--reason", "verzoek",
                     "--id", "forget-" + arg], "coordinator", NOW, b"")
        if kind == "backup":
            return ["backup", self.backup_dir(ledger, arg)], "coordinator", NOW, b""
        return ["--purpose", "bewaartermijn", "retention", "--apply"], "coordinator", LATER, b""

    def backup_dir(self, ledger, n):
        return f"{ledger}-backup-{n}"

    def verifies(self, ledger):
        code, _, _ = self.run(ledger, ["verify"])
        return code == 0

    def hold(self, ledger):
        """Other processes with the ledger and its keystore open: an apply waiting for its input
        and a follower of the change feed (an erasure once wiped the keystore under them)."""
        e = self.env(ledger, "consulent", NOW)
        waiting = subprocess.Popen([self.rmc, "apply"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, env=e)
        follower = subprocess.Popen([self.rmc, "events", "--follow", "--personal"], stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL, env=e)
        time.sleep(0.05)
        return [waiting, follower]

    def release(self, holders):
        for p in holders:
            if p.stdin:
                p.stdin.close()
            if p.poll() is None:
                p.terminate()
            p.wait()

    # --- the run -------------------------------------------------------------------------------
    def workload(self, cases, seed):
        out = subprocess.run([self.gen, "--cases", str(cases), "--seed", str(seed)], capture_output=True, check=True)
        lines = out.stdout.decode().splitlines(keepends=True)
        subjects = []
        for l in lines:
            c = json.loads(l)
            if c.get("type") == "signal":
                ref = c["data"]["subject"]["ref"]
                if ref not in subjects:
                    subjects.append(ref)
        return lines, subjects[::7]

    def main(self, cases, seed):
        lines, subjects = self.workload(cases, seed)
        steps = self.steps(lines, subjects)
        reference = os.path.join(self.work, "reference")
        for step in steps:
            self.do_step(reference, step, kill=False)
        expected = self.feed(reference)
        comparable = self.comparable(expected)
        print(f"reference: {len(steps)} steps, {len(expected)} events", flush=True)
        round_ = 0
        while self.kills < self.kills_wanted and not self.failures:
            round_ += 1
            ledger = os.path.join(self.work, f"killed-{round_}")
            for step in steps:
                if not self.do_step(ledger, step, kill=True):
                    break
            got = self.comparable(self.feed(ledger))
            differ = [(a, b) for a, b in zip(comparable, got) if a != b]
            self.check(got == comparable, f"round {round_}: the events differ from the run without kills "
                                          f"({len(got)} against {len(expected)}); first: "
                                          f"{json.dumps(differ[:1])[:1500]}")
            self.verify(ledger, f"round {round_}")
            self.check_no_erased_name(ledger, subjects, expected)
            print(f"round {round_}: {self.kills} kills so far, {self.checks} checks", flush=True)
            for p in os.listdir(self.work):
                if p.startswith(f"killed-{round_}"):
                    shutil.rmtree(os.path.join(self.work, p), ignore_errors=True)
        shutil.rmtree(self.work, ignore_errors=True)
        print(f"crash harness: {self.kills} kills, {round_} rounds, {self.checks} checks")
        print(f"{self.checks - len(self.failures)} passed, {len(self.failures)} failed")
        return 0 if not self.failures else 1

    def check_no_erased_name(self, ledger, subjects, expected):
        """The keys of erased youths are gone: their names are in no file of the ledger, and
        the feed shows them erased."""
        erased = {e["case"] for e in expected if e["type"] == "SubjectErased"}
        for e in expected:
            if e["case"] in erased and e["type"] == "SignalReceived":
                name = e.get("data", {}).get("subject", {}).get("name")
                self.check(name is None or name == "", f"an erased youth's name is in the feed: {name}")
        self.check(len(erased) > 0, "the workload erased nobody")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rmc", required=True)
    ap.add_argument("--gen", required=True)
    ap.add_argument("--kills", type=int, default=100)
    ap.add_argument("--cases", type=int, default=60)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    sys.exit(Harness(args).main(args.cases, args.seed))


if __name__ == "__main__":
    main()
