#!/usr/bin/env python3
"""Builds the rule table's outputs from src/rules/rules.toml.

    python3 src/rules/generate.py          # check the table, write the outputs
    python3 src/rules/generate.py --check  # exit 1 if an output is stale

The table (rules.toml) is the one place a rule of the comment policy is
written down: its id, its clause in Turkish and English, the messages a
commenter reads, the label of its fix, the languages it runs on, its
default policy and its own settings. Everything else that needs those
facts is generated from it, so that they can never disagree:

    src/rules/rule_table.h   C++: the engine, the policy reader, the pages
    web/src/rules.ts         TypeScript: the browser script
    config/policy.toml       the shipped policy, every default explained
    DEVELOPERS.md            the table of rules (between its markers)

Before writing anything the table is checked: ids are snake_case and
unique, every clause stands in the policy text and in its own message
(case aside), thresholds are in [0, 1] with the review band below the
threshold, actions are "reject" or "review", languages are known, and
every setting's default lies in its range. Only Python's standard library
is used (tomllib, Python 3.11).
"""

import argparse
import pathlib
import re
import sys
import tomllib

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TABLE = HERE / "rules.toml"
HEADER = "rule_table.h"
LANGUAGES = ("tr", "en", "other")
COMMAND = "python3 src/rules/generate.py"


class TableError(Exception):
    pass


def check(table):
    policy = table.get("policy")
    if not isinstance(policy, dict):
        raise TableError("[policy] is missing")
    for key in ("tr", "en", "max_length", "max_length_doc"):
        if key not in policy:
            raise TableError(f"policy.{key} is missing")
    rules = table.get("rules")
    if not rules:
        raise TableError("no [[rules]]")
    seen = set()
    for r in rules:
        rid = r.get("id", "")
        where = f"rules.{rid or '?'}"
        if not re.fullmatch(r"[a-z][a-z0-9_]*", rid):
            raise TableError(f"{where}: id must be snake_case")
        if rid in seen:
            raise TableError(f"{where}: id used twice")
        seen.add(rid)
        for key in ("label", "clause", "message", "languages", "enabled",
                    "threshold", "action", "doc"):
            if key not in r:
                raise TableError(f"{where}.{key} is missing")
        known = {"id", "label", "clause", "message", "fix", "languages", "enabled",
                 "threshold", "review_threshold", "action", "doc", "settings"}
        for key in r:
            if key not in known:
                raise TableError(f"{where}.{key}: unknown key")
        for key in ("label", "clause", "message", "fix"):
            if key in r and set(r[key]) != {"tr", "en"}:
                raise TableError(f"{where}.{key} needs exactly tr and en")
        for lang in ("tr", "en"):
            clause = r["clause"][lang].casefold()
            if clause not in policy[lang].casefold():
                raise TableError(
                    f"{where}.clause.{lang} \"{r['clause'][lang]}\" is not in "
                    f"the policy text")
            if clause not in r["message"][lang].casefold():
                raise TableError(
                    f"{where}.message.{lang} does not quote the clause")
        if not r["languages"] or any(l not in LANGUAGES for l in r["languages"]):
            raise TableError(f"{where}.languages: each of {', '.join(LANGUAGES)}")
        if r["action"] not in ("reject", "review"):
            raise TableError(f"{where}.action must be \"reject\" or \"review\"")
        t = r["threshold"]
        if not 0 <= t <= 1:
            raise TableError(f"{where}.threshold must be in [0, 1]")
        if "review_threshold" in r and not 0 <= r["review_threshold"] <= t:
            raise TableError(f"{where}.review_threshold must be in [0, threshold]")
        for name, s in r.get("settings", {}).items():
            if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
                raise TableError(f"{where}.settings.{name}: snake_case names")
            for key in ("default", "min", "max", "doc"):
                if key not in s:
                    raise TableError(f"{where}.settings.{name}.{key} is missing")
            if not s["min"] <= s["default"] <= s["max"]:
                raise TableError(f"{where}.settings.{name}: default out of range")


def camel(rid):
    return "k" + "".join(part.capitalize() for part in rid.split("_"))


def quoted(s):
    """A C++ or TypeScript string literal (the two escape alike here)."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


cpp_string = ts_string = quoted


def number(x):
    text = repr(float(x))
    return text


def cpp_header(table):
    rules = table["rules"]
    policy = table["policy"]
    n = len(rules)
    out = []
    w = out.append
    w(f"// GENERATED by {COMMAND} from src/rules/rules.toml; DO NOT EDIT.")
    w("//")
    w("// The rules of the comment policy as constant data: see rules/rules.h")
    w("// for how to read them, and rules.toml for what each field means.")
    w("#ifndef NEWSROOM_RULES_RULE_TABLE_H_")
    w("#define NEWSROOM_RULES_RULE_TABLE_H_")
    w("")
    w("#include <array>")
    w("")
    w('#include "rules/rule_spec.h"')
    w("")
    w("// clang-format off")
    w("namespace newsroom::rules {")
    w("")
    w("// The rules in the policy's order.")
    w("enum class RuleId : int {")
    for r in rules:
        w(f"  {camel(r['id'])},")
    w("};")
    w("")
    w(f"inline constexpr int kRuleCount = {n};")
    w("")
    w(f"inline constexpr std::array<RuleId, {n}> kAllRules = {{")
    for r in rules:
        w(f"    RuleId::{camel(r['id'])},")
    w("};")
    w("")
    w("// The whole policy as newsrooms print it under every article.")
    w("inline constexpr Text kPolicyText = {")
    w(f"    {cpp_string(policy['tr'])},")
    w(f"    {cpp_string(policy['en'])}}};")
    w("")
    w("// Longest comment accepted by default, in code points.")
    w(f"inline constexpr int kDefaultMaxLength = {policy['max_length']};")
    w("")
    for r in rules:
        settings = r.get("settings", {})
        if not settings:
            continue
        w(f"inline constexpr Setting {camel(r['id'])}Settings[] = {{")
        for name, s in settings.items():
            w(f"    {{{cpp_string(name)}, {s['default']}, {s['min']}, {s['max']},")
            w(f"     {cpp_string(s['doc'].strip())}}},")
        w("};")
        w("")
    w(f"inline constexpr std::array<RuleSpec, {n}> kRuleSpecs = {{{{")
    for r in rules:
        k = camel(r["id"])
        fix = r.get("fix")
        langs = r["languages"]
        settings = r.get("settings", {})
        review = number(r["review_threshold"]) if "review_threshold" in r else "-1.0"
        w(f"    {{RuleId::{k}, {cpp_string(r['id'])},")
        w(f"     {{{cpp_string(r['label']['tr'])}, {cpp_string(r['label']['en'])}}},")
        w(f"     {{{cpp_string(r['clause']['tr'])}, {cpp_string(r['clause']['en'])}}},")
        w(f"     {{{cpp_string(r['message']['tr'])},")
        w(f"      {cpp_string(r['message']['en'])}}},")
        if fix:
            w(f"     {{{cpp_string(fix['tr'])}, {cpp_string(fix['en'])}}},")
        else:
            w("     {nullptr, nullptr},")
        w(f"     {{{str('tr' in langs).lower()}, {str('en' in langs).lower()}, "
          f"{str('other' in langs).lower()}}},")
        w(f"     {{{str(r['enabled']).lower()}, {number(r['threshold'])}, {review}, "
          f"{cpp_string(r['action'])}}},")
        if settings:
            w(f"     {k}Settings, {len(settings)}}},")
        else:
            w("     nullptr, 0},")
    w("}};")
    w("")
    w("}  // namespace newsroom::rules")
    w("// clang-format on")
    w("")
    w("#endif  // NEWSROOM_RULES_RULE_TABLE_H_")
    return "\n".join(out) + "\n"


def typescript(table):
    rules = table["rules"]
    policy = table["policy"]
    out = []
    w = out.append
    w(f"// GENERATED by {COMMAND} from src/rules/rules.toml; DO NOT EDIT.")
    w("//")
    w("// The rules of the comment policy, for the browser script: each rule's")
    w("// id, its short label, the clause of the policy it enforces, the")
    w("// message a commenter reads and the label of its fix, in Turkish and")
    w("// English.")
    w("")
    w("export interface Bilingual {")
    w("  tr: string;")
    w("  en: string;")
    w("}")
    w("")
    w("export interface RuleText {")
    w("  id: string;")
    w("  label: Bilingual;")
    w("  clause: Bilingual;")
    w("  message: Bilingual;")
    w("  fix: Bilingual | null;")
    w("}")
    w("")
    w("export const POLICY: Bilingual = {")
    w(f"  tr: {ts_string(policy['tr'])},")
    w(f"  en: {ts_string(policy['en'])},")
    w("};")
    w("")
    w("export const RULES: readonly RuleText[] = [")
    for r in rules:
        fix = r.get("fix")
        w("  {")
        w(f"    id: {ts_string(r['id'])},")
        w(f"    label: {{ tr: {ts_string(r['label']['tr'])}, en: {ts_string(r['label']['en'])} }},")
        w(f"    clause: {{ tr: {ts_string(r['clause']['tr'])}, en: {ts_string(r['clause']['en'])} }},")
        w("    message: {")
        w(f"      tr: {ts_string(r['message']['tr'])},")
        w(f"      en: {ts_string(r['message']['en'])},")
        w("    },")
        if fix:
            w(f"    fix: {{ tr: {ts_string(fix['tr'])}, en: {ts_string(fix['en'])} }},")
        else:
            w("    fix: null,")
        w("  },")
    w("];")
    w("")
    w("// The rule with this id, or undefined.")
    w("export function ruleText(id: string): RuleText | undefined {")
    w("  return RULES.find((r) => r.id === id);")
    w("}")
    return "\n".join(out) + "\n"


def comment_block(text, indent=""):
    lines = text.strip("\n").split("\n")
    return [f"{indent}# {line}".rstrip() for line in lines]


def toml_number(x):
    if isinstance(x, bool):
        return str(x).lower()
    return repr(x)


def policy_toml(table):
    rules = table["rules"]
    policy = table["policy"]
    out = []
    w = out.append
    w("# Newsroom comment policy.")
    w("#")
    w(f"# GENERATED by {COMMAND} from src/rules/rules.toml,")
    w("# where each rule and its defaults are written once: edit that table,")
    w("# not this file.")
    w("# A newsroom's own policy is a copy of this file, changed, given to")
    w("# `newsroom serve --policy` or `newsroom moderate --policy`.")
    w("#")
    w("# The policy printed under every article:")
    w("#")
    for line in wrap(policy["tr"], 72):
        w(f"#   {line}")
    w("#")
    w("# Each clause is a rule below, under its id. Every key a rule takes:")
    w("#")
    w("#   enabled           true | false. A disabled rule never runs.")
    w("#   threshold         0..1. A score at or above it violates the rule.")
    w("#   review_threshold  0..1, optional, not above `threshold`. Scores in")
    w("#                     [review_threshold, threshold) send the comment to a")
    w("#                     moderator without counting as a violation.")
    w("#   action            \"reject\" (refused, the reader is told why and offered")
    w("#                     the fix) or \"review\" (held for a moderator).")
    w("#   allow             words the rule never counts, e.g. your newsroom's own")
    w("#                     names; compared after Turkish lower-casing.")
    w("#")
    w("# A comment is rejected when a violated rule's action is \"reject\", held for")
    w("# review when a violated rule's action is \"review\" (or a score falls in a")
    w("# review band), and approved otherwise.")
    w("#")
    w("# Every value below is the default: deleting a line changes nothing.")
    w("")
    w("[comments]")
    out.extend(comment_block(policy["max_length_doc"]))
    w(f"max_length = {policy['max_length']}")
    for r in rules:
        w("")
        w(f"[rules.{r['id']}]")
        out.extend(comment_block(r["doc"]))
        w(f"enabled = {toml_number(r['enabled'])}")
        w(f"threshold = {toml_number(r['threshold'])}")
        if "review_threshold" in r:
            w(f"review_threshold = {toml_number(r['review_threshold'])}")
        w(f"action = \"{r['action']}\"")
        for name, s in r.get("settings", {}).items():
            out.extend(comment_block("\n".join(wrap(s["doc"], 72))))
            w(f"{name} = {s['default']}")
        w("allow = []")
    return "\n".join(out) + "\n"


def wrap(text, width):
    words = text.split()
    lines, line = [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines


BEGIN = "<!-- BEGIN rules: GENERATED by python3 src/rules/generate.py -->"
END = "<!-- END rules -->"


def developers_md(table, current):
    rows = ["| id | clause (tr) | clause (en) | languages | default |",
            "|---|---|---|---|---|"]
    for r in table["rules"]:
        default = f"{r['action']} at {r['threshold']}"
        if "review_threshold" in r:
            default += f", review from {r['review_threshold']}"
        if not r["enabled"]:
            default = "off"
        rows.append(f"| `{r['id']}` | {r['clause']['tr']} | {r['clause']['en']} | "
                    f"{', '.join(r['languages'])} | {default} |")
    block = "\n".join([BEGIN] + rows + [END])
    start = current.find(BEGIN)
    end = current.find(END)
    if start < 0 or end < start:
        raise TableError(f"DEVELOPERS.md has no {BEGIN} … {END} block")
    return current[:start] + block + current[end + len(END):]


def outputs(table):
    developers = ROOT / "DEVELOPERS.md"
    return {
        HERE / HEADER: cpp_header(table),
        ROOT / "web" / "src" / "rules.ts": typescript(table),
        ROOT / "config" / "policy.toml": policy_toml(table),
        developers: developers_md(table, developers.read_text(encoding="utf-8")),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 when an output is out of date")
    args = parser.parse_args()
    try:
        with open(TABLE, "rb") as f:
            table = tomllib.load(f)
        check(table)
        files = outputs(table)
    except (TableError, tomllib.TOMLDecodeError) as e:
        print(f"{TABLE.relative_to(ROOT)}: {e}", file=sys.stderr)
        return 1
    stale = []
    for path, text in files.items():
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old == text:
            continue
        stale.append(path.relative_to(ROOT))
        if not args.check:
            path.write_text(text, encoding="utf-8")
    if args.check and stale:
        for p in stale:
            print(f"{p} is out of date: run {COMMAND}", file=sys.stderr)
        return 1
    for p in stale:
        print(f"wrote {p}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
