#!/usr/bin/env python3
"""Translates the Kazakh pack's rules into Rego (OPA) and Cedar, for the peer run of the benchmark.

Usage: translate.py [RULES-DIR] [OUT-DIR]   (defaults: rules/kz and this script's folder)

Writes kz.rego and kz.cedar beside this script. Both are committed; rerun this after changing
rules/kz and commit the result (run.py refuses a translation older than the rules it names).

What is translated, and how faithfully:
- Every rule whose conditions use only facts of the system description and the operators equals,
  not_equals, in, not_in, exists, contains, contains_any, contains_all, contains_none, gt, gte,
  lt, lte, min_items, max_items (Cedar: min_items 1 and max_items 0 only), under all/any/not; its
  sector file (a rule of a sector file applies only to systems of that sector) and its `stages`
  (an undeclared lifecycle counts as production, as in the engine).
- Not translated: rules reading derived facts (risk level, autonomy level), evidence (files, URLs,
  hashes, dates), `matches` (regular expressions: Cedar has none), `within_days`, and
  every/some/none over lists of records (Cedar has no quantifiers). Effective dates are not
  translated either: the peer run compares only rules in effect on the corpus's as-of date.
- Three-valued logic is not translated: both engines are two-valued, so a missing fact makes its
  predicate false (and `not` of it true), where compliance-check says `unknown`. The agreement
  check of run.py therefore compares only decisions compliance-check did not leave unknown.

The output of each engine is the set of failing rule ids of a system: Rego's
`data.kz.violations`; Cedar's `forbid` policies that fire (one `@id` per rule, one request per
system, reasons of the Deny decision).
"""

import json
import pathlib
import sys

import yaml

SIMPLE_OPERATORS = {
    "equals", "not_equals", "in", "not_in", "exists", "contains", "contains_any", "contains_all",
    "contains_none", "gt", "gte", "lt", "lte", "min_items", "max_items",
}
COMPARISONS = {"gt": ">", "gte": ">=", "lt": "<", "lte": "<="}


class Untranslatable(Exception):
    pass


def predicates(condition):
    """(fact, operators) pairs of a condition, in order."""
    if condition is None:
        return
    if isinstance(condition, list):
        for part in condition:
            yield from predicates(part)
        return
    for key, value in condition.items():
        if key in ("all", "any"):
            yield from predicates(value)
        elif key == "not":
            yield from predicates(value)
        else:
            yield key, value if isinstance(value, dict) else {"equals": value}


def check_translatable(rule):
    if isinstance(rule.get("effective"), list):
        raise Untranslatable("fact-dependent effective date")
    for fact, operators in list(predicates(rule.get("when"))) + list(predicates(rule.get("require"))):
        if fact.startswith("derived."):
            raise Untranslatable("derived fact")
        for operator, operand in operators.items():
            if operator not in SIMPLE_OPERATORS:
                raise Untranslatable(operator)
            if operator == "min_items" and operand != 1:
                raise Untranslatable("min_items other than 1 (Cedar)")
            if operator == "max_items" and operand != 0:
                raise Untranslatable("max_items other than 0 (Cedar)")
            values = operand if isinstance(operand, list) else [operand]
            if any(isinstance(v, float) for v in values):
                raise Untranslatable("float operand (Cedar)")
            if operator in COMPARISONS and not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
                raise Untranslatable("comparison of dates (Cedar)")


def literal(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, str)):
        return json.dumps(value)
    if hasattr(value, "isoformat"):
        return json.dumps(value.isoformat())
    raise Untranslatable(f"operand {value!r}")


# MARK: Rego


class Rego:
    def __init__(self):
        self.helpers = []
        self.count = 0

    def helper(self, bodies):
        self.count += 1
        name = f"c{self.count}"
        for body in bodies:
            self.helpers.append(f"{name} if {{\n" + "".join(f"\t{line}\n" for line in body) + "}\n")
        return name

    def condition(self, condition):
        """The name of a helper rule defined exactly when `condition` holds."""
        if isinstance(condition, list):
            return self.condition({"all": condition})
        if len(condition) > 1:
            return self.condition({"all": [{key: value} for key, value in condition.items()]})
        (key, value), = condition.items()
        if key == "all":
            return self.helper([[self.condition(part) for part in value]])
        if key == "any":
            return self.helper([[self.condition(part)] for part in value])
        if key == "not":
            return self.helper([[f"not {self.condition(value)}"]])
        operators = value if isinstance(value, dict) else {"equals": value}
        return self.helper([self.predicate(key, operators)])

    def predicate(self, fact, operators):
        path = "input." + fact
        body = [f"v := {path}"]
        for operator, operand in operators.items():
            if operator == "equals":
                body.append(f"v == {literal(operand)}")
            elif operator == "not_equals":
                body.append(f"v != {literal(operand)}")
            elif operator == "in":
                body.append(f"v in {{{', '.join(literal(x) for x in operand)}}}")
            elif operator == "not_in":
                body.append(f"not v in {{{', '.join(literal(x) for x in operand)}}}")
            elif operator == "exists":
                if not operand:
                    exists = self.helper([[f"_ = {path}"]])
                    body = [f"not {exists}"]
            elif operator == "contains":
                body.append(f"{literal(operand)} in v")
            elif operator == "contains_any":
                body.append(f"count({{x | some x in v; x in {{{', '.join(literal(x) for x in operand)}}}}}) > 0")
            elif operator == "contains_all":
                body.append(f"count({{x | some x in v; x in {{{', '.join(literal(x) for x in operand)}}}}}) == {len(set(operand))}")
            elif operator == "contains_none":
                body.append(f"count({{x | some x in v; x in {{{', '.join(literal(x) for x in operand)}}}}}) == 0")
            elif operator in COMPARISONS:
                body.append(f"v {COMPARISONS[operator]} {literal(operand)}")
            elif operator == "min_items":
                body.append(f"count(v) >= {operand}")
            elif operator == "max_items":
                body.append(f"count(v) <= {operand}")
        return body

    def rule(self, rule, sector):
        applies = []
        if sector != "all":
            applies.append(f"{literal(sector)} in input.system.sectors")
        if rule.get("stages"):
            applies.append(f"lifecycle in {{{', '.join(literal(s) for s in rule['stages'])}}}")
        if rule.get("when") is not None:
            applies.append(self.condition(rule["when"]))
        require = self.condition(rule["require"])
        return f"violations contains {literal(rule['id'])} if {{\n" + "".join(
            f"\t{line}\n" for line in applies + [f"not {require}"]) + "}\n"


# MARK: Cedar


def cedar_path(fact):
    parts = fact.split(".")
    guards = []
    current = "context"
    for part in parts:
        guards.append(f"{current} has {part}")
        current = f"{current}.{part}"
    return " && ".join(guards), current


def cedar_set(values):
    return "[" + ", ".join(literal(v) for v in values) + "]"


def cedar_condition(condition):
    if isinstance(condition, list):
        return cedar_condition({"all": condition})
    if len(condition) > 1:
        return cedar_condition({"all": [{key: value} for key, value in condition.items()]})
    (key, value), = condition.items()
    if key == "all":
        return "(" + " && ".join(cedar_condition(part) for part in value) + ")"
    if key == "any":
        return "(" + " || ".join(cedar_condition(part) for part in value) + ")"
    if key == "not":
        return "!" + cedar_condition(value)
    operators = value if isinstance(value, dict) else {"equals": value}
    guard, path = cedar_path(key)
    terms = []
    for operator, operand in operators.items():
        if operator == "equals":
            terms.append(f"{path} == {literal(operand)}")
        elif operator == "not_equals":
            terms.append(f"{path} != {literal(operand)}")
        elif operator == "in":
            terms.append(f"{cedar_set(operand)}.contains({path})")
        elif operator == "not_in":
            terms.append(f"!{cedar_set(operand)}.contains({path})")
        elif operator == "exists":
            if not operand:
                return f"!({guard})"
        elif operator == "contains":
            terms.append(f"{path}.contains({literal(operand)})")
        elif operator == "contains_any":
            terms.append(f"{path}.containsAny({cedar_set(operand)})")
        elif operator == "contains_all":
            terms.append(f"{path}.containsAll({cedar_set(operand)})")
        elif operator == "contains_none":
            terms.append(f"!{path}.containsAny({cedar_set(operand)})")
        elif operator in COMPARISONS:
            terms.append(f"{path} {COMPARISONS[operator]} {literal(operand)}")
        elif operator == "min_items":
            terms.append(f"!{path}.isEmpty()")
        elif operator == "max_items":
            terms.append(f"{path}.isEmpty()")
    return "(" + " && ".join([guard] + terms) + ")"


def cedar_rule(rule, sector):
    applies = []
    if sector != "all":
        applies.append(f"(context.system has sectors && context.system.sectors.contains({literal(sector)}))")
    if rule.get("stages"):
        stages = cedar_set(rule["stages"])
        default = "true" if "production" in rule["stages"] else "false"
        applies.append(
            f"((context.system has lifecycle && {stages}.contains(context.system.lifecycle)) || "
            f"(!(context.system has lifecycle) && {default}))")
    if rule.get("when") is not None:
        applies.append(cedar_condition(rule["when"]))
    applies.append("!" + cedar_condition(rule["require"]))
    return f"@id({literal(rule['id'])})\nforbid (principal, action, resource)\nwhen {{\n  " + "\n  && ".join(applies) + "\n};\n"


def main():
    here = pathlib.Path(__file__).resolve().parent
    rules_dir = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else here.parent.parent / "rules" / "kz"
    out = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else here
    rego = Rego()
    rego_rules, cedar_rules, translated, skipped = [], [], [], {}
    for path in sorted(rules_dir.glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        if document.get("kind") != "RuleSet":
            continue
        for rule in document["rules"]:
            try:
                check_translatable(rule)
                rego_rules.append(rego.rule(rule, document["sector"]))
                cedar_rules.append(cedar_rule(rule, document["sector"]))
                translated.append(rule["id"])
            except Untranslatable as reason:
                skipped[rule["id"]] = str(reason)
    header = (
        f"Generated by bench/peers/translate.py from rules/kz: {len(translated)} rules. Do not edit.\n"
        f"Rules: {' '.join(translated)}\n"
        f"Not translated ({len(skipped)}): " + "; ".join(f"{k} ({v})" for k, v in sorted(skipped.items())) + "\n"
    )
    comment = lambda prefix: "".join(f"{prefix} {line}\n" for line in header.splitlines())
    rego_text = comment("#") + "package kz\n\nimport rego.v1\n\n"
    rego_text += "default lifecycle := \"production\"\n\nlifecycle := input.system.lifecycle\n\n"
    rego_text += "\n".join(rego_rules) + "\n" + "\n".join(rego.helpers)
    (out / "kz.rego").write_text(rego_text, encoding="utf-8")
    cedar_text = comment("//") + "\npermit (principal, action, resource);\n\n" + "\n".join(cedar_rules)
    (out / "kz.cedar").write_text(cedar_text, encoding="utf-8")
    print(f"translated {len(translated)} rules, skipped {len(skipped)}")


if __name__ == "__main__":
    main()
