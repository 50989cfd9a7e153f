#!/usr/bin/env python3
"""Lists the C++ sources past the size rules of the house: a file past about 600 lines, a
function past about 80 lines (each needs a comment saying why), and any file past 1,000 lines.

    tests/source_sizes.py [--files N] [--functions N] [DIR ...]     (default: src cli tests)

A function's length is estimated by matching braces in the source with comments, strings and
character literals blanked out: a `{` at namespace or class scope whose head (the text since the
previous `;`, `{` or `}`) holds a parameter list and no `=` opens a function body, and the body
runs to its matching `}`. Lambdas and local classes count towards the function they are in.
A long function or file passes when a comment says why: "Long on purpose" in the comment just
above the function, or in the file's first comment. Exits 1 when a file runs past 1,000 lines or
a long function or file has no such comment, else 0.
"""
import argparse
import os
import re
import sys

SOURCE = (".cc", ".h", ".cpp", ".hpp")
SCOPES = re.compile(r"\b(namespace|class|struct|union|enum|extern)\b")


def blank(text):
    """`text` with comments, string and character literals replaced by spaces (newlines kept)."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == 'R' and text.startswith('R"', i) and (i == 0 or not text[i - 1].isalnum()):
            open_paren = text.find("(", i)
            delim = text[i + 2:open_paren]
            j = text.find(")" + delim + '"', open_paren)
            j = n if j < 0 else j + len(delim) + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c in "\"'" and not (c == "'" and i > 0 and text[i - 1].isalnum()):
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            out.append(" " * (j - i))
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def functions(text):
    """(first line, line count, name) of each function body in `text`."""
    code = blank(text)
    found = []
    stack = []  # per open brace: is it a scope (namespace, class, ...) that may hold functions?
    head_start = 0
    for i, c in enumerate(code):
        if c in ";}":
            if c == "}" and stack:
                kind, start, name = stack.pop()
                if kind == "function":
                    first = code.count("\n", 0, start) + 1
                    last = code.count("\n", 0, i) + 1
                    found.append((first, last - first + 1, name))
            head_start = i + 1
        elif c == "{":
            head = code[head_start:i]
            outer_is_scope = all(k == "scope" for k, _, _ in stack)
            if not outer_is_scope:
                stack.append(("inner", i, ""))
            elif SCOPES.search(head) and "(" not in head.split("{")[0].split(":")[0]:
                stack.append(("scope", i, ""))
            elif "(" in head and "=" not in head.replace("==", "").replace("operator=", ""):
                name = re.findall(r"([~\w:<>=!+\-*/\[\]]+)\s*\(", head)
                stack.append(("function", i, name[0] if name else "?"))
            else:
                stack.append(("inner", i, ""))
            head_start = i + 1
    return found


WHY = "Long on purpose"


def explained(lines, first):
    """Whether the comment block just above the function whose body opens on line `first`
    (1-based) says why; the signature may take a few lines."""
    i = first - 1
    while i >= 0 and first - i <= 6 and lines[i].strip() and not lines[i].lstrip().startswith("//"):
        i -= 1
    while i >= 0 and lines[i].lstrip().startswith("//"):
        if WHY in lines[i]:
            return True
        i -= 1
    return False


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=600, help="file length to report (lines)")
    parser.add_argument("--functions", type=int, default=80, help="function length to report")
    parser.add_argument("dirs", nargs="*", default=["src", "cli", "tests"])
    args = parser.parse_args()
    too_long = 0
    for top in args.dirs:
        for root, _, names in sorted(os.walk(top)):
            for name in sorted(names):
                if not name.endswith(SOURCE):
                    continue
                path = os.path.join(root, name)
                with open(path, encoding="utf-8", errors="replace") as f:
                    text = f.read()
                lines = text.count("\n")
                source_lines = text.split("\n")
                head = text.split("\n\n", 1)[0]
                if lines > args.files:
                    why = WHY in head and lines <= 1000
                    mark = "  PAST 1,000" if lines > 1000 else ("" if why else "  (no comment says why)")
                    print(f"file      {lines:5d}  {path}{mark}")
                    too_long += not why
                for first, length, fn in functions(text):
                    if length > args.functions:
                        why = explained(source_lines, first)
                        print(f"function  {length:5d}  {path}:{first}  {fn}"
                              f"{'' if why else '  (no comment says why)'}")
                        too_long += not why
    return 1 if too_long else 0


if __name__ == "__main__":
    sys.exit(main())
