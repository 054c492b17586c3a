#!/usr/bin/env python3
"""Checks that every include between components follows an arrow of
docs/architecture.md ("Allowed dependencies").

    python3 scripts/check_arrows.py [--root DIR]
    python3 scripts/check_arrows.py --self-test

An arrow `a, b <- c` (written with U+2190) means c may include a and b;
a line with one name declares a component with no dependencies;
`everything <- app, bench, fuzz` lets those include any component. A
component may always include itself. Arrows are not transitive: what a
component includes it must name. Sources are src/<component>/** plus
bench/ and fuzz/; an include counts when its first path segment is a
component ("text/utf8.h"), so third-party headers are not judged here.

Exits 1 and prints one line per broken arrow (file:line: a includes b,
and the arrow that would allow it) when any include breaks them; 2 when
the arrows themselves cannot be read. Run by ctest as architecture_arrows.
"""

import argparse
import os
import re
import sys
import tempfile

ARROW = "\u2190"
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"/]+)/[^"]*"')
SOURCE_SUFFIXES = (".h", ".cc", ".cpp", ".hpp", ".inc")
EVERYTHING = "everything"


class ArrowError(Exception):
    pass


def read_arrows(markdown):
    """The allowed dependencies: {component: set of components it may
    include, or None for everything}."""
    section = markdown.split("## Allowed dependencies", 1)
    if len(section) != 2:
        raise ArrowError('no "## Allowed dependencies" section')
    block = re.search(r"```\n(.*?)```", section[1], re.S)
    if block is None:
        raise ArrowError("no ``` block of arrows in the section")
    allowed = {}
    for number, line in enumerate(block.group(1).splitlines(), 1):
        line = line.strip()
        if not line:
            continue
        if ARROW in line:
            left, right = line.split(ARROW, 1)
            targets = [n.strip() for n in left.split(",") if n.strip()]
            sources = [n.strip() for n in right.split(",") if n.strip()]
        else:
            targets, sources = [], [n.strip() for n in line.split(",")]
        if not sources or any(not re.fullmatch(r"[a-z_]+", n)
                              for n in sources + targets):
            raise ArrowError("cannot read arrow line %d: %r" % (number, line))
        for source in sources:
            if targets == [EVERYTHING]:
                allowed[source] = None
                continue
            entry = allowed.setdefault(source, set())
            if entry is not None:
                entry.update(targets)
        for target in targets:
            if target != EVERYTHING:
                allowed.setdefault(target, set())
    return allowed


def source_files(root, component):
    folder = (os.path.join(root, "src", component)
              if os.path.isdir(os.path.join(root, "src", component))
              else os.path.join(root, component))
    for dirpath, _, names in os.walk(folder):
        for name in sorted(names):
            if name.endswith(SOURCE_SUFFIXES):
                yield os.path.join(dirpath, name)


def check(root):
    """Returns (broken lines, components found in src/ but not in the
    arrows)."""
    with open(os.path.join(root, "docs", "architecture.md"),
              encoding="utf-8") as f:
        allowed = read_arrows(f.read())
    components = set(allowed)
    on_disk = {d for d in os.listdir(os.path.join(root, "src"))
               if os.path.isdir(os.path.join(root, "src", d))}
    undeclared = sorted(on_disk - components)
    broken = []
    for component in sorted(components | on_disk):
        may = allowed.get(component, set())
        for path in source_files(root, component):
            with open(path, encoding="utf-8", errors="replace") as f:
                for number, line in enumerate(f, 1):
                    m = INCLUDE.match(line)
                    if m is None:
                        continue
                    target = m.group(1)
                    if target not in components and target not in on_disk:
                        continue  # third-party
                    if target == component or may is None or target in may:
                        continue
                    broken.append("%s:%d: %s includes %s; no arrow '%s %s %s'" % (
                        os.path.relpath(path, root), number, component, target,
                        target, ARROW, component))
    return broken, undeclared


def self_test():
    """The checker on a small made-up tree: both sides of each rule."""
    doc = ("# A\n\n## Allowed dependencies\n\n```\ntext\n"
           "text %s langid\nlangid, text %s server\neverything %s app\n```\n"
           % (ARROW, ARROW, ARROW))
    files = {
        "src/text/a.h": '#include "absl/status/status.h"\n#include "text/b.h"\n',
        "src/langid/a.cc": '#include "text/a.h"\n',
        "src/server/a.cc": '#include "langid/a.h"\n#include "text/a.h"\n',
        "src/app/main.cc": '#include "server/a.h"\n#include "langid/a.h"\n',
    }
    failures = []

    def run(extra):
        with tempfile.TemporaryDirectory() as root:
            os.makedirs(os.path.join(root, "docs"))
            with open(os.path.join(root, "docs", "architecture.md"), "w",
                      encoding="utf-8") as f:
                f.write(doc)
            for path, text in dict(files, **extra).items():
                os.makedirs(os.path.dirname(os.path.join(root, path)),
                            exist_ok=True)
                with open(os.path.join(root, path), "w", encoding="utf-8") as f:
                    f.write(text)
            return check(root)

    broken, undeclared = run({})
    if broken or undeclared:
        failures.append("a tree that keeps the arrows: %r %r" % (broken, undeclared))
    broken, _ = run({"src/text/c.cc": '#include "langid/a.h"\n'})
    if len(broken) != 1 or "text includes langid" not in broken[0]:
        failures.append("a lower layer including a higher one: %r" % broken)
    broken, _ = run({"src/langid/b.cc": '#  include "server/a.h"\n'})
    if len(broken) != 1 or "src/langid/b.cc:1:" not in broken[0]:
        failures.append("an include with spaces after #: %r" % broken)
    _, undeclared = run({"src/orphan/x.cc": "\n"})
    if undeclared != ["orphan"]:
        failures.append("a component missing from the arrows: %r" % undeclared)
    try:
        read_arrows("## Allowed dependencies\n```\nText %s x\n```\n" % ARROW)
        failures.append("an unreadable arrow was accepted")
    except ArrowError:
        pass
    for failure in failures:
        print("self-test failed:", failure)
    return 1 if failures else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), ".."))
    parser.add_argument("--self-test", action="store_true")
    args = parser.parse_args()
    if args.self_test:
        return self_test()
    try:
        broken, undeclared = check(os.path.abspath(args.root))
    except (ArrowError, OSError) as e:
        print("check_arrows: docs/architecture.md:", e)
        return 2
    for line in broken:
        print(line)
    for component in undeclared:
        print("src/%s: a component docs/architecture.md's arrows do not name"
              % component)
    if broken or undeclared:
        print("check_arrows: %d include(s) break the arrows of "
              "docs/architecture.md; write the arrow that is true there, or "
              "move the code" % (len(broken) + len(undeclared)))
        return 1
    print("check_arrows: every include follows docs/architecture.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
