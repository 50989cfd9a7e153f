#!/usr/bin/env python3
"""The repository stands alone: no file in it cites a document outside it (issue 12). Usage:
check_citations.py ROOT. Walks every file under ROOT (not .git, not build directories, not
this file) and exits 1, naming file and line, where one cites the team's working files: the
spec files by name (the routekaart, design and command specs, the style guide), the shared
folder beside the repository, or a seed document by number. Cite the repository's own pages
instead (docs/routekaart.md, docs/commands.md, docs/accountability.md, ...), or state the fact."""
import os, re, sys

root = os.path.abspath(sys.argv[1])
this = os.path.abspath(__file__)
# Written so that this file does not cite them itself.
OUTSIDE = re.compile("|".join([
    r"ROUTE" + r"KAART", r"\bDESIGN" + r"\.md", r"\bCOMMANDS" + r"\.md", r"\bSTYLE" + r"\.md",
    r"\.\./" + r"shared\b", r"\bshared/" + r"(?:spec|seeds|hooks)\b", r"\bseeds?\s+" + r"0\d\d\b",
]))
SKIP_DIRS = {".git", "__pycache__", "node_modules"}

errors = []
for dirpath, dirs, files in os.walk(root):
    dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not (
        dirpath == root and d.startswith("build")) and not os.path.exists(
            os.path.join(dirpath, d, "CMakeCache.txt")))
    for f in sorted(files):
        path = os.path.join(dirpath, f)
        if os.path.abspath(path) == this or os.path.islink(path):
            continue
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError:
            continue
        if b"\0" in data:
            continue  # binary: golden event files, fuzz inputs
        text = data.decode("utf-8", errors="replace")
        for n, line in enumerate(text.splitlines(), 1):
            m = OUTSIDE.search(line)
            if m:
                errors.append(f"{os.path.relpath(path, root)}:{n}: cites '{m.group(0)}', a file "
                              f"outside the repository: {line.strip()[:120]}")
for e in errors:
    print(e)
if errors:
    print(f"{len(errors)} citation(s) of files outside the repository; cite docs/ instead")
sys.exit(1 if errors else 0)
