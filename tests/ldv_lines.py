#!/usr/bin/env python3
"""`rmc audit export --ldv` checked against the published LDV 1.0.0 (tests/ldv/NOTES.md has the
sources and the quotes). Every line exported from every scenario ledger (tests/scenarios), and
from a ledger with reads of several youths and reads and writes a calling tool started, must:

- have exactly the fields of the interface table of section 3.2.2 (FIELD_TABLE below, quoted),
  each of its type: no other top-level field;
- have a `status` of 3.2.2.3 (`Unset`, `Ok`, `Error`) and a `name` for people, not a code;
- have `attributes` valid against the published attributes.schema.json of the lezen extension
  (tests/ldv/attributes.schema.json, its URI formats checked), with the subject's id and its
  type together or not at all (3.3.1.1: "Een logregel kan naar 0 of 1 Betrokkenen verwijzen");
- have a unique span, and a parent span that is an action of the same trace in the export or,
  with dpl.core.foreign_operation.processor, the calling tool's.

And a read of several youths is one parent action naming no youth, with one child per youth, each
with its own span and the parent's as parent_span_id, in one trace (3.3.1.1); the caller's trace
context (--trace-id, --parent-span-id, --caller; or trace_id, parent_span_id, caller in a JSON
command) becomes the trace, the first action's parent and its processor, and a region setting
names a caller that did not name itself.

Needs Debian's python3 with python3-jsonschema and python3-rfc3987 (the URI format check).
Usage: ldv_lines.py --rmc build/rmc --scenarios tests/scenarios --ldv tests/ldv
Prints a closing line 'N passed, N failed'; exits 1 on any failure.
"""
import argparse
import glob
import json
import os
import re
import shutil
import sys
import tempfile

import jsonschema

from scenario_ledger import ScenarioRunner

# LDV 1.0.0, component Logboek, 3.2.2 "Interface": "De interface MOET de volgende velden
# implementeren". Name: (type, required, the table's description, shortened).
FIELD_TABLE = {
    "trace_id": ("16 byte", True, "Unieke identificerende code van Trace die Dataverwerking volgt"),
    "span_id": ("8 byte", True, "Unieke identificerende code van Actie binnen de Dataverwerking"),
    "status": ("enum", True, "3.2.2.3: Unset, Ok of Error"),
    "name": ("string", True, "een tekstuele beschrijving bestemd voor mensen, niet voor machines"),
    "start_time": ("uint64", True, "Tijdstip waarop de Actie gestart is in milliseconden sinds Epoch"),
    "end_time": ("uint64", True, "Tijdstip waarop de Actie beëindigd is in milliseconden sinds Epoch"),
    "parent_span_id": ("8 byte", False, "Unieke identificerende code aanroepende Actie"),
    "resource": ("object", False, "een object met één veld attributes"),
    "attributes": ("object", True, "velden in een namespace met prefix dpl"),
}
STATUS = {"Unset", "Ok", "Error"}  # 3.2.2.3
HEX = {"16 byte": re.compile(r"[0-9a-f]{32}"), "8 byte": re.compile(r"[0-9a-f]{16}")}
# Words, spaces and a few marks: no dots, underscores or camel case of machine names.
PEOPLES_NAME = re.compile(r"[a-zà-ÿ][a-zà-ÿ ,()-]*")

CALLER = "https://leerplicht.example.nl/app"
REGION_CALLER = "https://jeugdzorg.example.nl/portaal"
TRACE, SPAN = "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"
AUDITOR = ["--purpose", "controle"]


class Test(ScenarioRunner):
    def __init__(self, args):
        super().__init__(args.rmc, tempfile.mkdtemp(prefix="rmc-ldv-lines-"))
        schema = json.load(open(os.path.join(args.ldv, "attributes.schema.json"), encoding="utf-8"))
        checker = jsonschema.Draft7Validator.FORMAT_CHECKER
        self.check("uri" in checker.checkers,
                   "the URI format cannot be checked: install python3-rfc3987 (make deps)")
        self.attributes = jsonschema.Draft7Validator(schema, format_checker=checker)
        self.known_attributes = set(schema["properties"])

    def export(self, ledger, now, what):
        out_path = os.path.join(self.work, what + ".jsonl")
        users_path = os.path.join(self.work, what + ".users.jsonl")
        code, _, err = self.run(ledger, AUDITOR + ["audit", "export", "--ldv", "--output", out_path,
                                                   "--users", users_path], now, "auditor")
        if not self.check(code == 0, f"{what}: export: {err}"):
            return [], []
        lines = [json.loads(l) for l in open(out_path, encoding="utf-8")]
        users = [json.loads(l) for l in open(users_path, encoding="utf-8")]
        self.check(len(lines) == len(users) and lines, f"{what}: {len(lines)} lines, {len(users)} users")
        return lines, users

    def field_table(self, line, what):
        """One line against the table of 3.2.2 and the attributes schema."""
        extra = set(line) - set(FIELD_TABLE)
        self.check(not extra, f"{what}: fields outside the interface: {sorted(extra)}")
        for field, (kind, required, _) in FIELD_TABLE.items():
            if field not in line:
                self.check(not required, f"{what}: required field {field} missing")
                continue
            v = line[field]
            if kind in HEX:
                self.check(isinstance(v, str) and HEX[kind].fullmatch(v), f"{what}: {field} {v!r}")
            elif kind == "uint64":
                self.check(isinstance(v, int) and not isinstance(v, bool) and 0 <= v < 2**64,
                           f"{what}: {field} {v!r} is no uint64")
            elif kind == "enum":
                self.check(v in STATUS, f"{what}: status {v!r}")
            elif kind == "string":
                self.check(isinstance(v, str) and PEOPLES_NAME.fullmatch(v)
                           and not v.startswith(("gebeurtenis vastgelegd (", "gegevens ingezien (")),
                           f"{what}: name {v!r} is not a text for people of its own")
            else:
                self.check(isinstance(v, dict), f"{what}: {field} is no object")
        self.check(line.get("start_time", 0) <= line.get("end_time", -1), f"{what}: ends before it starts")
        resource = line.get("resource", {})
        self.check(set(resource) <= {"attributes"}, f"{what}: resource {resource}")
        attributes = line.get("attributes", {})
        for error in self.attributes.iter_errors(attributes):
            self.check(False, f"{what}: attributes.schema.json: {error.message}")
        self.check(set(attributes) <= self.known_attributes,
                   f"{what}: attributes outside the standard: {sorted(set(attributes) - self.known_attributes)}")
        self.check("dpl.core.processing_activity_id" in attributes, f"{what}: no processing activity")
        self.check(("dpl.core.data_subject_id" in attributes) == ("dpl.core.data_subject_id_type" in attributes),
                   f"{what}: a subject id without its type, or a type without an id")

    def structure(self, lines, users, what):
        """Unique spans; every parent an action of the same trace here, or the caller's."""
        spans = {(l["trace_id"], l["span_id"]) for l in lines}
        self.check(len(spans) == len(lines), f"{what}: span ids are not unique")
        for i, l in enumerate(lines):
            parent = l.get("parent_span_id")
            foreign = "dpl.core.foreign_operation.processor" in l["attributes"]
            if parent is not None and not foreign:
                self.check((l["trace_id"], parent) in spans,
                           f"{what}: line {i + 1} names a parent that is no action here: {l}")
            self.check(not foreign or parent is not None,
                       f"{what}: line {i + 1} names a calling application but no caller's span: {l}")
            self.check(users[i]["span_id"] == l["span_id"], f"{what}: user {i + 1} is not linked")

    def scenarios(self, scenarios):
        for scenario in sorted(glob.glob(os.path.join(scenarios, "*.scn"))):
            name, ledger, now = self.build_ledger(scenario)
            self.run(ledger, ["--purpose", "overzicht", "list"], now, "coordinator")
            lines, users = self.export(ledger, now, name)
            for i, line in enumerate(lines):
                self.field_table(line, f"{name} line {i + 1}")
            self.structure(lines, users, name)

    def several_youths(self):
        """Three youths, a list of them read by a calling tool, a command it sent, and one that
        relies on the region's caller."""
        ledger, now = os.path.join(self.work, "several"), "2026-11-20T09:00:00Z"
        self.run(ledger, ["init", "--region", "Utrecht"], now)
        signals = [json.dumps({"id": f"s{i}", "type": "signal", "data": {
            "subject": {"ref": f"J-{i}"}, "channel": "jongere", "received": "2026-11-01"}})
            for i in range(3)]
        self.apply(ledger, signals, now, "signals")
        self.apply(ledger, [json.dumps({"id": "n1", "type": "note", "case": "RMC-000001",
                                        "trace_id": TRACE, "parent_span_id": SPAN, "caller": CALLER,
                                        "data": {"text": "gesproken"}})], now, "a caller's command")
        code, _, err = self.run(ledger, ["--trace-id", TRACE, "--parent-span-id", SPAN, "--caller",
                                         CALLER, "--purpose", "overzicht", "list"], now, "coordinator")
        self.check(code == 0, f"list by a caller: {err}")
        self.run(ledger, ["--trace-id", "9" * 32, "--parent-span-id", "e" * 16, "show", "RMC-000001"], now)
        self.run(ledger, ["--caller", CALLER, "show", "RMC-000001"], now)
        code, _, err = self.run(ledger, ["config", "ldv_caller", REGION_CALLER], now, "coordinator")
        self.check(code == 0, f"config ldv_caller: {err}")
        self.run(ledger, ["--trace-id", "a" * 32, "--parent-span-id", "b" * 16, "show", "RMC-000002"], now)
        self.apply(ledger, [json.dumps({"id": "n2", "type": "note", "case": "RMC-000003",
                                        "trace_id": "c" * 32, "parent_span_id": "d" * 16,
                                        "data": {"text": "gesproken"}})], now, "an unnamed caller")
        self.run(ledger, ["--purpose", "overzicht", "list"], now, "coordinator")
        lines, users = self.export(ledger, now, "several")
        for i, line in enumerate(lines):
            self.field_table(line, f"several line {i + 1}")
        self.structure(lines, users, "several")

        note = [l for l in lines if l["name"] == "notitie vastgelegd" and l["trace_id"] == TRACE]
        self.check(len(note) == 1 and note[0]["trace_id"] == TRACE and note[0].get("parent_span_id") == SPAN
                   and note[0]["attributes"].get("dpl.core.foreign_operation.processor") == CALLER,
                   f"the caller's command joins its trace under its span, naming it: {note}")
        listed = [l for l in lines if l["name"] == "overzicht van dossiers bekeken"]
        parents = [l for l in listed if "dpl.core.data_subject_id" not in l["attributes"]]
        self.check(len(parents) == 2, f"two lists, one parent action each: {listed}")
        for parent in parents:
            children = [l for l in lines if l.get("parent_span_id") == parent["span_id"]]
            subjects = {c["attributes"].get("dpl.core.data_subject_id") for c in children}
            self.check(len(children) == 3 and len(subjects) == 3 and None not in subjects,
                       f"one child per youth, each naming one: {children}")
            self.check(all(c["trace_id"] == parent["trace_id"] for c in children), "one trace")
            self.check(all("dpl.core.foreign_operation.processor" not in c["attributes"] for c in children),
                       "only the first action names the caller")
        by_caller = [p for p in parents if p["trace_id"] == TRACE]
        self.check(len(by_caller) == 1 and by_caller[0].get("parent_span_id") == SPAN
                   and by_caller[0]["attributes"].get("dpl.core.foreign_operation.processor") == CALLER,
                   f"the list a caller asked for is in its trace under its span: {by_caller}")
        own = [p for p in parents if p["trace_id"] != TRACE]
        self.check(len(own) == 1 and "parent_span_id" not in own[0]
                   and "dpl.core.foreign_operation.processor" not in own[0]["attributes"],
                   f"a list nobody called starts its own trace: {own}")
        shown = [l for l in lines if l["trace_id"] == "a" * 32]
        self.check(len(shown) == 1 and shown[0].get("parent_span_id") == "b" * 16
                   and shown[0]["attributes"].get("dpl.core.foreign_operation.processor") == REGION_CALLER,
                   f"a read by a caller that did not name itself: the region's ldv_caller: {shown}")
        unnamed = [l for l in lines if l.get("parent_span_id") == "e" * 16]
        self.check(len(unnamed) == 1 and unnamed[0]["attributes"].get("dpl.core.foreign_operation.processor")
                   == "urn:rmc:Utrecht:aanroeper-onbekend",
                   f"a caller's span with no caller named and none set: marked as another's: {unnamed}")
        noted = [l for l in lines if l["trace_id"] == "c" * 32]
        self.check(len(noted) == 1 and noted[0].get("parent_span_id") == "d" * 16
                   and noted[0]["attributes"].get("dpl.core.foreign_operation.processor") == REGION_CALLER,
                   f"a command by a caller that did not name itself: the region's ldv_caller: {noted}")

    def retention_apply(self):
        """A retention review that erases two youths is one processing: the erasures are children
        of the review's parent action, beside its reads, in its trace."""
        ledger, then, now = os.path.join(self.work, "retention"), "2020-01-10T09:00:00Z", "2026-11-20T09:00:00Z"
        self.run(ledger, ["init", "--region", "Utrecht"], then)
        for i in (1, 2):
            case = f"RMC-00000{i}"
            self.apply(ledger, [
                json.dumps({"id": f"s{i}", "type": "signal", "data": {
                    "subject": {"ref": f"J-{i}", "birth_date": "1995-05-05"}, "channel": "jongere",
                    "received": "2020-01-02"}}),
                json.dumps({"id": f"t{i}", "type": "triage", "case": case, "reason": "kort", "data": {
                    "target_group": "geen", "action_required": False, "rationale": "r"}}),
                json.dumps({"id": f"f{i}", "type": "feedback", "case": case, "data": {
                    "partners": ["leerplicht"], "summary": "s", "limited_to_case": True}}),
                json.dumps({"id": f"c{i}", "type": "close", "case": case, "data": {
                    "reason": "geen-rmc-doelgroep"}})], then, "a closed case")
        code, out, err = self.run(ledger, ["--purpose", "bewaartermijn", "retention", "--apply"], now, "coordinator")
        self.check(code == 0, f"retention --apply: {out} {err}")
        lines, users = self.export(ledger, now, "retention")
        for i, line in enumerate(lines):
            self.field_table(line, f"retention line {i + 1}")
        self.structure(lines, users, "retention")
        parents = [l for l in lines if l["name"] == "bewaartermijnen beoordeeld"
                   and "dpl.core.data_subject_id" not in l["attributes"]]
        if not self.check(len(parents) == 1, f"one review, one parent action: {parents}"):
            return
        children = [l for l in lines if l.get("parent_span_id") == parents[0]["span_id"]]
        erasures = [c for c in children if c["name"] == "persoonsgegevens gewist"]
        reads = [c for c in children if c["name"] == "bewaartermijnen beoordeeld"]
        self.check(len(erasures) == 2 and len(reads) == 2
                   and all(c["trace_id"] == parents[0]["trace_id"] for c in children)
                   and len({c["attributes"]["dpl.core.data_subject_id"] for c in erasures}) == 2
                   and all("dpl.core.foreign_operation.processor" not in c["attributes"] for c in children),
                   f"a read and an erasure of each youth under the review: {children}")

    def refusals(self):
        """A bad trace context is refused before anything is read or written."""
        ledger, now = os.path.join(self.work, "several"), "2026-11-20T09:00:00Z"
        for argv in (["--trace-id", "XYZ"], ["--parent-span-id", "0123"], ["--caller", "geen url"],
                     ["--caller", "https://a.example/\x01"], ["--trace-id", "0" * 32],
                     ["--parent-span-id", "0" * 16], ["--caller", "https://x.nl/%zz"],
                     ["--caller", "javascript:alert(1)"], ["--caller", "http://x:abc/"],
                     ["--caller", "https://x.nl/a#b#c"], ["--caller", "http://@@@/"],
                     ["--caller", "http://x/[a]"], ["--parent-span-id", SPAN]):
            code, _, err = self.run(ledger, argv + ["show", "RMC-000001"], now)
            self.check(code == 2 and argv[0] in err, f"{argv}: usage, naming the flag: {code} {err}")
        for field, value in (("caller", "geen url"), ("trace_id", "0" * 32), ("parent_span_id", 7)):
            bad = json.dumps({"id": "x", "type": "note", "case": "RMC-000001", field: value,
                              "data": {"text": "x"}})
            code, out, _ = self.run(ledger, ["apply", "--json"], now, "consulent", bad + "\n")
            self.check(code == 3 and '"invalid_input"' in out and field in out and "expected" in out,
                       f"{field} {value!r} in a command: {out}")

    def global_context(self):
        """apply and subject forget run in the context the command line gives, for each command
        that carries none of its own."""
        ledger, now = os.path.join(self.work, "global"), "2026-11-20T09:00:00Z"
        self.run(ledger, ["init", "--region", "Utrecht"], now)
        lines = [json.dumps({"id": f"s{i}", "type": "signal", "data": {
            "subject": {"ref": f"J-{i}"}, "channel": "jongere", "received": "2026-11-01"}}) for i in range(2)]
        lines.append(json.dumps({"id": "own", "type": "note", "case": "RMC-000001", "trace_id": TRACE,
                                 "data": {"text": "eigen"}}))
        code, out, err = self.run(ledger, ["--trace-id", "f" * 32, "--parent-span-id", SPAN, "--caller",
                                           CALLER, "apply"], now, "consulent", "\n".join(lines) + "\n")
        self.check(code == 0, f"apply in a caller's context: {out} {err}")
        code, out, err = self.run(ledger, ["--trace-id", "f" * 32, "--parent-span-id", SPAN, "--caller", CALLER,
                                           "subject", "forget", "J-1", "--grondslag", "avg-art17",
                                           "--reason", "verzoek toegekend"], now, "coordinator")
        self.check(code == 0, f"subject forget in a caller's context: {out} {err}")
        exported, _ = self.export(ledger, now, "global")
        writes = [l for l in exported if l["name"] in ("signaal vastgelegd", "persoonsgegevens gewist")]
        self.check(len(writes) == 3 and all(
            l["trace_id"] == "f" * 32 and l.get("parent_span_id") == SPAN
            and l["attributes"].get("dpl.core.foreign_operation.processor") == CALLER for l in writes),
            f"the signals and the erasure in the caller's context: {writes}")
        own = [l for l in exported if l["name"] == "notitie vastgelegd"]
        self.check(len(own) == 1 and own[0]["trace_id"] == TRACE and "parent_span_id" not in own[0]
                   and "dpl.core.foreign_operation.processor" not in own[0]["attributes"],
                   f"a command with a context of its own keeps it: {own}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--rmc", required=True)
    ap.add_argument("--scenarios", required=True)
    ap.add_argument("--ldv", required=True)
    args = ap.parse_args()
    t = Test(args)
    try:
        t.scenarios(args.scenarios)
        t.several_youths()
        t.retention_apply()
        t.global_context()
        t.refusals()
    finally:
        shutil.rmtree(t.work, ignore_errors=True)
    print(f"{t.checks - len(t.failures)} passed, {len(t.failures)} failed")
    sys.exit(1 if t.failures else 0)
