#!/usr/bin/env python3
"""The layer order of src/ (docs/architecture.md). Usage: check_layers.py ROOT LAYER..., lowest
layer first (CMakeLists.txt passes ${RMC_LAYERS} cli). Prints every problem and exits 1 when:
  - a .h/.cc in src/ is not in a layer folder;
  - a file includes "F/x.h" with F after its own layer, or F/x.h does not exist under src/;
  - a project header is included without its folder ("x.h"); cli/ and tests/ may include their
    own headers by name (cli/context.h, tests/store/temp_ledger.h, "../test_dir.h"), and tests/
    the peer's by its folder under tests/bench ("peer/sqlite_peer.h");
  - src/ includes a CLI header, or base/ a generated schema header (*.capnp.h)."""
import os, re, sys

root, layers = sys.argv[1], sys.argv[2:]
rank = {layer: i for i, layer in enumerate(layers)}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')
errors = []


def check(path, own):  # own: the file's layer; None for tests/ (may include any layer)
    rel = os.path.relpath(path, root)
    for n, line in enumerate(open(path, encoding="utf-8", errors="replace"), 1):
        m = INCLUDE.match(line)
        if not m:
            continue
        inc = m.group(1)
        bare = "/" not in inc
        if inc.endswith(".capnp.h"):  # generated from schema/: below codec
            if own == "base":
                errors.append(f"{rel}:{n}: base/ includes the schema ({inc})")
            continue
        if own in ("cli", None):
            if inc.startswith("../") or (bare and (
                    os.path.exists(os.path.join(os.path.dirname(path), inc)) or
                    os.path.exists(os.path.join(root, "cli", inc)))):
                continue  # its own helpers, or the CLI's headers (include dir cli/)
            if own is None and os.path.exists(os.path.join(root, "tests", "bench", inc)):
                continue  # the benchmark's peer (include dir tests/bench, CMake target rmc_peer)
        elif bare and os.path.exists(os.path.join(root, "cli", inc)):
            errors.append(f"{rel}:{n}: src/ includes the CLI's {inc}")
            continue
        folder = None if bare else inc.split("/")[0]
        if folder not in rank or folder == "cli":
            errors.append(f'{rel}:{n}: include "{inc}" by its folder, as "store/store.h"')
        elif not os.path.exists(os.path.join(root, "src", inc)):
            errors.append(f'{rel}:{n}: "{inc}" does not exist under src/')
        elif own is not None and rank[folder] > rank[own]:
            errors.append(f"{rel}:{n}: {own}/ includes {inc}: {folder}/ comes after {own}/")


src = os.path.join(root, "src")
for dirpath, _, files in os.walk(src):
    for f in files:
        if not f.endswith((".h", ".cc")):
            continue
        folder = os.path.relpath(dirpath, src).split(os.sep)[0]
        if folder not in rank or folder == "cli":
            errors.append(f"{os.path.relpath(os.path.join(dirpath, f), root)}: not in a layer folder")
        else:
            check(os.path.join(dirpath, f), folder)
for top, own in (("cli", "cli"), ("tests", None)):
    for dirpath, _, files in os.walk(os.path.join(root, top)):
        for f in files:
            if f.endswith((".h", ".cc")):
                check(os.path.join(dirpath, f), own)

for e in sorted(errors):
    print(e)
print(f"{len(errors)} problem(s) with the layer order" if errors else "layer order holds")
sys.exit(1 if errors else 0)
