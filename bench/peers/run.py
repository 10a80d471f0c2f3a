#!/usr/bin/env python3
"""The peer run of compliance-bench: a corpus of system files through other policy engines.

Usage: run.py --corpus DIR [--ours FILE.jsonl] [--engines rego,cedar] [--repeat N] [--json]

Reads every *.yaml directly in DIR (a corpus written by `compliance-bench --generate N --work DIR`),
parses each with PyYAML's libyaml loader, and evaluates the translated rules (kz.rego, kz.cedar;
see translate.py) with each engine installed: OPA's Rego through regopy (rego-cpp, compiled
bundle) and Cedar through cedarpy (one request per system, a pre-parsed policy set). One core,
the median of --repeat runs. Prints a Markdown table (or JSON with --json) of systems per second
and microseconds per rule evaluation, parsing included and excluded.

With --ours (compliance-check's --format jsonl output for the same corpus), also counts how many
of the translated rules' decisions agree with compliance-check's, over the decisions it made
(pass, fail, not_applicable; unknown, waived and upcoming are left out: see translate.py).

Install the engines in the benchmark's venv:
  python3 -m venv .build-bench-venv && .build-bench-venv/bin/pip install pyyaml regopy cedarpy
"""

import argparse
import datetime
import json
import pathlib
import re
import statistics
import sys
import time

import yaml

HERE = pathlib.Path(__file__).resolve().parent
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def translated_rules(policy_text):
    match = re.search(r"^(?:#|//) Rules: (.*)$", policy_text, re.MULTILINE)
    return match.group(1).split() if match else []


def plain(value):
    """A parsed YAML value as JSON data: dates as ISO text, keys as text."""
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [plain(item) for item in value if item is not None]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def cedar_value(value):
    """Cedar has no floats: numbers with a fraction become text (no translated rule reads one)."""
    if isinstance(value, dict):
        return {key: cedar_value(item) for key, item in value.items()}
    if isinstance(value, list):
        return [cedar_value(item) for item in value]
    if isinstance(value, float):
        return repr(value)
    return value


def parse(paths):
    return [plain(yaml.load(path.read_bytes(), Loader=Loader)) for path in paths]


class RegoEngine:
    name = "OPA Rego (regopy, compiled bundle)"

    def __init__(self):
        import regopy

        self.version = f"regopy {getattr(regopy, '__version__', '')}".strip()
        text = (HERE / "kz.rego").read_text(encoding="utf-8")
        self.rules = translated_rules(text)
        self.interpreter = regopy.Interpreter()
        self.interpreter.add_module("kz.rego", text)
        self.bundle = self.interpreter.build(None, ["kz/violations"])

    def evaluate(self, documents):
        results = []
        for document in documents:
            self.interpreter.set_input(document)
            output = self.interpreter.query_bundle_entrypoint(self.bundle, "kz/violations")
            results.append(set(json.loads(str(output))["expressions"][0]))
        return results


class CedarEngine:
    name = "Cedar (cedarpy, one request per system)"

    def __init__(self):
        import cedarpy

        self.cedarpy = cedarpy
        text = (HERE / "kz.cedar").read_text(encoding="utf-8")
        self.rules = translated_rules(text)
        self.policies = cedarpy.PolicySet.from_str(text)
        # Policy ids are given in order: policy0 is the permit, policyN the N-th rule's forbid.
        self.by_policy = {f"policy{index + 1}": rule for index, rule in enumerate(self.rules)}

    def evaluate(self, documents):
        requests = [
            {
                "principal": 'User::"bench"',
                "action": 'Action::"check"',
                "resource": 'System::"system"',
                "context": cedar_value(document),
            }
            for document in documents
        ]
        results = []
        for answer in self.cedarpy.is_authorized_batch(requests, self.policies, []):
            if answer.diagnostics.errors:
                raise RuntimeError(f"cedar: {answer.diagnostics.errors[:3]}")
            results.append({self.by_policy[reason] for reason in answer.diagnostics.reasons if reason in self.by_policy})
        return results


ENGINES = {"rego": RegoEngine, "cedar": CedarEngine}


def ours(path):
    """compliance-check's statuses: {file name: {rule: status}}."""
    statuses = {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            system = json.loads(line)
            if "findings" not in system:
                continue
            statuses[pathlib.Path(system["file"]).name] = {f["rule"]: f["status"] for f in system["findings"]}
    return statuses


def agreement(paths, results, rules, reference):
    compared = agreed = 0
    differences = {}
    for path, failing in zip(paths, results):
        statuses = reference.get(path.name)
        if statuses is None:
            continue
        for rule in rules:
            status = statuses.get(rule)
            if status not in ("pass", "fail", "not_applicable"):
                continue
            compared += 1
            if (status == "fail") == (rule in failing):
                agreed += 1
            else:
                differences[rule] = differences.get(rule, 0) + 1
    return compared, agreed, differences


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--ours")
    parser.add_argument("--engines", default="rego,cedar")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    arguments = parser.parse_args()

    paths = sorted(pathlib.Path(arguments.corpus).glob("*.yaml"))
    if not paths:
        sys.exit(f"no *.yaml files in {arguments.corpus}")
    reference = ours(arguments.ours) if arguments.ours else None

    def timed(work):
        start = time.process_time()
        result = work()
        return time.process_time() - start, result

    parse_times = []
    documents = None
    for _ in range(arguments.repeat):
        seconds, documents = timed(lambda: parse(paths))
        parse_times.append(seconds)
    parse_seconds = statistics.median(parse_times)

    rows = []
    for key in arguments.engines.split(","):
        try:
            engine = ENGINES[key]()
        except ImportError as error:
            rows.append({"engine": key, "skipped": f"not installed ({error})"})
            continue
        engine.evaluate(documents[:20])  # warm-up
        times = []
        results = None
        for _ in range(arguments.repeat):
            seconds, results = timed(lambda: engine.evaluate(documents))
            times.append(seconds)
        evaluate_seconds = statistics.median(times)
        evaluations = len(paths) * len(engine.rules)
        row = {
            "engine": engine.name,
            "rules": len(engine.rules),
            "systems": len(paths),
            "parse_seconds": parse_seconds,
            "evaluate_seconds": evaluate_seconds,
            "systems_per_second": len(paths) / (parse_seconds + evaluate_seconds),
            "systems_per_second_evaluation": len(paths) / evaluate_seconds,
            "microseconds_per_rule_evaluation": evaluate_seconds / evaluations * 1e6,
            "failing_per_system": sum(map(len, results)) / len(paths),
        }
        if reference is not None:
            compared, agreed, differences = agreement(paths, results, engine.rules, reference)
            row["compared"] = compared
            row["agreed"] = agreed
            row["differences"] = dict(sorted(differences.items(), key=lambda item: -item[1])[:5])
        rows.append(row)

    if arguments.json:
        print(json.dumps(rows, indent=2))
        return
    print("| engine | rules | systems/s (parse + evaluate) | systems/s (evaluate) | µs per rule evaluation | agreement |")
    print("|---|---:|---:|---:|---:|---|")
    for row in rows:
        if "skipped" in row:
            print(f"| {row['engine']} | | | | | {row['skipped']} |")
            continue
        agree = f"{row['agreed']} of {row['compared']}" if "compared" in row else ""
        print(
            f"| {row['engine']} | {row['rules']} | {row['systems_per_second']:.0f} | "
            f"{row['systems_per_second_evaluation']:.0f} | {row['microseconds_per_rule_evaluation']:.2f} | {agree} |")


if __name__ == "__main__":
    main()
