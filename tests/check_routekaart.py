#!/usr/bin/env python3
"""docs/routekaart.md covers what the code knows (issue 12: docs that stand alone). Usage:
check_routekaart.py ROOT. Finds, in the sources themselves, so that a new one cannot be missed:
  - every rule code: `Require(cond, "code", ...)` (src/domain/decide.cc), `RuleViolation("code",
    ...)` anywhere in src/, and the deviation rule the fold gives a StepDeviated ("route-order");
  - every deadline code: `add("code", ...)` in src/domain/deadlines.cc;
  - every region setting: the keys of src/domain/settings.cc;
and exits 1, naming each, when one is not written as `code` in its section of docs/routekaart.md
(## Rules, ## Deadlines, ## Settings), when a rule, deadline or close reason (schema/enums.capnp)
has no Dutch label in src/views/plain_language.cc, or when the patterns find too few (the code
changed shape and this check must follow it)."""
import os, re, sys

root = sys.argv[1]


def read(*parts):
    with open(os.path.join(root, *parts), encoding="utf-8") as f:
        return f.read()


def sources():
    for dirpath, _, files in os.walk(os.path.join(root, "src")):
        for f in sorted(files):
            if f.endswith(".cc"):
                yield os.path.join(dirpath, f)


CODE = r'"([a-z][a-z0-9_-]*)"'
rules = set()
for path in sources():
    text = open(path, encoding="utf-8").read()
    rules.update(re.findall(r"\bRequire\([^;]*?,\s*" + CODE + r"\s*,", text, re.S))
    rules.update(re.findall(r"\bRuleViolation\(\s*" + CODE, text))
    rules.update(re.findall(r"\bdeviations\.push_back\(\{[^;]*?" + CODE, text, re.S))
deadlines = set(re.findall(r"\badd\(\s*" + CODE, read("src", "domain", "deadlines.cc")))
settings_cc = read("src", "domain", "settings.cc")
settings = set(re.findall(r"\{\s*" + CODE + r",\s*&Settings::", settings_cc))
settings.update(re.findall(r"\bkey == " + CODE, settings_cc))

doc = read("docs", "routekaart.md")


def section(title):
    m = re.search(r"^## " + title + r"\n(.*?)(?=^## |\Z)", doc, re.M | re.S)
    return m.group(1) if m else ""


errors = []
for what, codes, title, least in (("rule", rules, "Rules", 10), ("deadline", deadlines, "Deadlines", 7),
                                  ("setting", settings, "Settings", 12)):
    if len(codes) < least:
        errors.append(f"found only {len(codes)} {what} codes in the sources ({sorted(codes)}), "
                      f"expected at least {least}: update the patterns of {sys.argv[0]}")
    body = section(title)
    if not body:
        errors.append(f"docs/routekaart.md has no section '## {title}'")
        continue
    for code in sorted(codes):
        if f"`{code}`" not in body:
            errors.append(f"docs/routekaart.md, ## {title}: the {what} `{code}` that the code "
                          "knows is not described")
# People read Dutch labels, not codes (src/views/plain_language.cc): every rule, deadline and
# close reason has one.
labels = read("src", "views", "plain_language.cc")
enums = read("schema", "enums.capnp")
close_block = re.search(r"enum CloseReason \{(.*?)\}", enums, re.S).group(1)
close_reasons = {re.sub(r"([A-Z])", lambda m: "-" + m.group(1).lower(), name)
                 for name in re.findall(r"([a-z][A-Za-z]*) @\d+", close_block)}
for what, codes, table in (("rule", rules, "kRules"), ("deadline", deadlines, "kDeadlines"),
                           ("close reason", close_reasons, "kCloseReasons")):
    m = re.search(r"constexpr Label " + table + r"\[\] = \{(.*?)\n\};", labels, re.S)
    labelled = set(re.findall(r'\{"([a-z0-9_-]+)",', m.group(1))) if m else set()
    for code in sorted(codes - labelled):
        errors.append(f"src/views/plain_language.cc, {table}: the {what} `{code}` has no Dutch label")
for e in errors:
    print(e)
print(f"{len(rules)} rules, {len(deadlines)} deadlines, {len(settings)} settings checked"
      if not errors else f"{len(errors)} problem(s)")
sys.exit(1 if errors else 0)
