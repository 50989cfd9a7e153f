#!/usr/bin/env python3
"""`rmc replay CASE --step` as a learning session on a projector sees it (docs/testing.md): the
real binary in a real terminal, a tmux pane, driven with send-keys and read with capture-pane.

- the first event shows with its counter "1/N" and the next does not, until a key is pressed;
- each key press shows exactly one event more; after the last, "Einde van het verloop.";
- `q` stops at once, exit 0, and the terminal is as it was (canonical mode, echo on);
- Ctrl-C while waiting stops it too and restores the terminal;
- `--decisions --step` steps through the decisions only, each with what was known before it;
- one replay is one access record, however many keys are pressed.

Fails when tmux is missing (Debian package `tmux`).
Usage: replay_step.py --rmc build/rmc
Prints a closing line 'N passed, N failed'; exits 1 on any failure.
"""
import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

NOW = "2026-11-20T09:00:00Z"
COMMANDS = [
    "init --region Utrecht",
    "signal --subject-ref J-1 --subject-name 'Noor Bakker' --subject-birth-date 2007-05-02 "
    "--channel jongere --received 2026-09-01",
    "triage RMC-000001 --target-group vsv-nieuw --action-required true --rationale 'geen opleiding' --reason spoed",
    "contact RMC-000001 --channel telefoon --outcome bereikt",
    "note RMC-000001 --text 'gebeld met moeder'",
]
passed, failed = 0, []


def check(ok, what):
    global passed
    if ok:
        passed += 1
    else:
        failed.append(what)
        print("FAIL:", what, file=sys.stderr)


class Pane:
    """One tmux server of its own (socket in the test's folder), one pane running `command`."""

    count = 0

    def __init__(self, folder, command):
        Pane.count += 1
        self.socket = os.path.join(folder, f"tmux-{Pane.count}.sock")
        self.tmux(["new-session", "-d", "-x", "110", "-y", "60", "-s", "step", command])

    def tmux(self, args):
        r = subprocess.run(["tmux", "-S", self.socket] + args, capture_output=True, text=True)
        if r.returncode:
            raise RuntimeError(f"tmux {' '.join(args)}: {r.stderr.strip()}")
        return r.stdout

    def text(self):
        return self.tmux(["capture-pane", "-p", "-J", "-S", "-2000", "-t", "step"])

    def keys(self, *keys):
        self.tmux(["send-keys", "-t", "step"] + list(keys))

    def wait_for(self, needle, seconds=15):
        end = time.time() + seconds
        while time.time() < end:
            text = self.text()
            if needle in text:
                return text
            time.sleep(0.05)
        return None

    def close(self):
        subprocess.run(["tmux", "-S", self.socket, "kill-server"], capture_output=True)


def rmc(args, env, role="consulent"):
    return subprocess.run(args=shlex.split(args), env=dict(env, RMC_ROLE=role),
                          capture_output=True, text=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rmc", required=True)
    binary = os.path.abspath(parser.parse_args().rmc)
    if not shutil.which("tmux"):
        print("FAIL: tmux is missing (Debian package tmux)", file=sys.stderr)
        return 1
    folder = tempfile.mkdtemp(prefix="rmc-step-")
    env = dict(os.environ, RMC_LEDGER=os.path.join(folder, "ledger"), RMC_NOW=NOW,
               RMC_ACTOR="c.jansen", TERM="xterm")
    try:
        for c in COMMANDS:
            r = subprocess.run([binary] + shlex.split(c), env=env, capture_output=True, text=True)
            if r.returncode:
                print("FAIL: setup", c, r.stdout, r.stderr, file=sys.stderr)
                return 1

        def reads():  # the records of the access log, as rmc verify counts them
            r = subprocess.run([binary, "--json", "verify"], env=env, capture_output=True, text=True)
            return json.loads(r.stdout)["access_records"]

        r = subprocess.run([binary, "--json", "replay", "RMC-000001"], env=env, capture_output=True,
                           text=True)
        events = len(json.loads(r.stdout)["events"])  # opened, signal, deviation, triage, ...
        r = subprocess.run([binary, "--json", "replay", "RMC-000001", "--decisions"], env=env,
                           capture_output=True, text=True)
        decisions = len(json.loads(r.stdout)["decisions"])  # the deviation and the triage
        before = reads()
        # After rmc ends the shell prints its exit code and the terminal's modes, then waits.
        exports = " ".join(f"{k}={shlex.quote(env[k])}" for k in
                           ("RMC_LEDGER", "RMC_NOW", "RMC_ACTOR", "TERM"))

        def session(args):
            # The shell keeps running on Ctrl-C (a handler, which rmc does not inherit), then
            # reports rmc's exit code and the terminal's modes, and says DONE.
            script = (f"trap true INT; export {exports}; {shlex.quote(binary)} replay RMC-000001 "
                      f"{args}; echo EXIT=$?; echo MODES $(stty -a | tr ' ;' '\\n\\n' | "
                      "grep -x -e '-\\?icanon' -e '-\\?echo'); echo DONE; sleep 60")
            return Pane(folder, "sh -c " + shlex.quote(script))

        pane = session("--step")
        try:
            first = pane.wait_for(f"1/{events}")
            check(first is not None, "the first event shows with 1/N")
            first = first or ""
            check("Dossier geopend" in first and "Signaal" not in first,
                  "the first event is the opening, alone:\n" + first)
            check(f"2/{events}" not in first, "no second event before a key press")
            time.sleep(0.3)
            check(f"2/{events}" not in pane.text(), "it waits for a key")
            for n in range(2, events + 1):
                pane.keys("Space")
                shown = pane.wait_for(f"{n}/{events}")
                check(shown is not None, f"a key press shows event {n}")
                if shown:
                    check(f"{n + 1}/{events}" not in shown, f"one event per key press ({n})")
            pane.keys("Enter")
            end = pane.wait_for("DONE")
            check(end is not None and "Einde van het verloop." in end, "the end is said")
            check(end is not None and "EXIT=0" in end, "exit 0 at the end")
            check(end is not None and "MODES icanon echo" in end,
                  "the terminal is restored:\n" + (end or "")[-300:])
        finally:
            pane.close()

        pane = session("--step")
        try:
            check(pane.wait_for(f"1/{events}") is not None, "second run starts")
            pane.keys("q")
            end = pane.wait_for("DONE")
            check(end is not None and "EXIT=0" in end and f"2/{events}" not in end,
                  "q stops at once with exit 0")
            check(end is not None and "MODES icanon echo" in end, "q restores the terminal")
        finally:
            pane.close()

        pane = session("--step")
        try:
            check(pane.wait_for(f"1/{events}") is not None, "third run starts")
            pane.keys("C-c")
            end = pane.wait_for("DONE")
            check(end is not None and "EXIT=130" in end, "Ctrl-C stops it (exit 130)")
            check(end is not None and "MODES icanon echo" in end, "Ctrl-C restores the terminal")
        finally:
            pane.close()

        pane = session("--decisions --step")
        try:
            shown = pane.wait_for(f"1/{decisions}")
            check(shown is not None, "--decisions steps through the decisions only")
            for n in range(2, decisions + 1):
                pane.keys("Space")
                shown = pane.wait_for(f"{n}/{decisions}")
            check(shown is not None and "motivering: geen opleiding" in shown,
                  "the triage's rationale shows")
            check(shown is not None and "bekend vlak ervoor:" in shown,
                  "what was known before the decision shows:\n" + (shown or ""))
            pane.keys("Space")
            check(pane.wait_for("DONE") is not None and "EXIT=0" in pane.text(),
                  "the end after the last decision")
        finally:
            pane.close()

        check(reads() == before + 4, "one access record per replay, however many keys")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"{passed} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
