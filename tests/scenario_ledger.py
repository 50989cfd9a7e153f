"""The real binary on the scenario files (tests/scenarios), for the Python tests that look at its
output: a check counter, a run of `rmc` at a given clock and role, and a ledger built from one
scenario's accepted commands (the lines starting with `{`, each at the clock of the `@now` line
before it and in the role of the `@role` line before it)."""
import json
import os
import subprocess


class ScenarioRunner:
    def __init__(self, rmc, work):
        self.rmc = os.path.abspath(rmc)
        self.work = work
        self.checks, self.failures = 0, []

    def check(self, ok, what):
        self.checks += 1
        if not ok:
            self.failures.append(what)
            print("FAILED:", what)
        return ok

    def run(self, ledger, argv, now, role="consulent", stdin=""):
        env = dict(os.environ, RMC_LEDGER=ledger, RMC_NOW=now, RMC_ACTOR="c.jansen", RMC_ROLE=role)
        p = subprocess.run([self.rmc] + argv, input=stdin.encode(), capture_output=True, env=env,
                           timeout=120)
        return p.returncode, p.stdout.decode(), p.stderr.decode()

    def apply(self, ledger, lines, now, what, role="consulent"):
        code, out, err = self.run(ledger, ["apply", "--json"], now, role, "\n".join(lines) + "\n")
        results = [json.loads(l) for l in out.splitlines() if l.strip()]
        self.check(code == 0 and all(r.get("ok") for r in results),
                   f"{what}: apply at {now}: exit {code} {out[-400:]} {err[-400:]}")
        return results

    def build_ledger(self, scenario):
        """The scenario's ledger in self.work: (name, ledger, the clock of the last @now)."""
        name = os.path.basename(scenario)[:-4]
        ledger = os.path.join(self.work, name)
        now, role, batch = "2026-11-20T09:00:00Z", "consulent", []
        code, out, err = self.run(ledger, ["init", "--region", "Utrecht"], now)
        self.check(code == 0, f"{name}: init: {err}")
        for line in open(scenario, encoding="utf-8"):
            line = line.strip()
            if line.startswith(("@now ", "@role ")):
                if batch:
                    self.apply(ledger, batch, now, name, role)
                    batch = []
                if line.startswith("@now "):
                    now = line.split()[1]
                else:
                    role = line.split()[1]
            elif line.startswith("{"):
                batch.append(line)
        if batch:
            self.apply(ledger, batch, now, name, role)
        return name, ledger, now
