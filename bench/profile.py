#!/usr/bin/env python3
"""Where the time goes per output format: perf samples of `check DIR --format F --jobs 1`, by stage.

Usage: bench/profile.py --cli PATH --corpus DIR [--formats text,json,...] [--frequency HZ]

Records each format with `perf record -g` (frame-pointer call graphs work on Swift release builds)
and gives every sample to the innermost stage on its stack: evidence checks inside rule evaluation
count as evidence, JSON escaping inside rendering as rendering. Also counts the samples spent in
the allocator and reference counting (malloc/free, swift_retain/release) whatever the stage.
Needs perf (Debian: linux-perf) and a corpus written by `compliance-bench --generate N --work DIR`.
"""

import argparse
import collections
import os
import subprocess
import sys
import tempfile

# Innermost match wins; order only breaks ties inside one frame name.
STAGES = [
    ("evidence checks", ("EvidenceChecker", "EvidenceCache")),
    ("JSON: quoting", ("4JSONO5quote",)),
    ("rendering", ("Reporter", "JSONByteWriter", "JSONObjectWriter", "SlotEncoder", "KeyedWriter", "UnkeyedWriter",
                   "SingleWriter", "16ComplianceEngine4JSON", "JSONReportStream", "PackGrouping", "SystemReportV5write",
                   "FindingV5write", "RuleExplainer", "OSCAL", "HTML")),
    ("rule evaluation", ("SystemEvaluation", "ConditionEvaluator", "Verdict")),
    ("validation", ("SystemValidator", "4Walk")),
    ("YAML reading", ("YAMLReader", "YAMLEventParser", "Composer", "yaml_parser", "CoreSchema")),
    ("folder walk and discovery", ("SystemDiscovery", "FolderWalker", "FileSystem")),
    ("writing output", ("6OutputO", "libc_write", "__write")),
    ("start-up (arguments, packs, loader)", ("ArgumentParser", "RuleLibrary", "CompiledLibraryReader", "ExpectationWords",
                                             "_dl_", "dl_main")),
]
MEMORY = ("malloc", "free", "swift_retain", "swift_release", "swift_allocObject", "swift_deallocObject",
          "_int_malloc", "_int_free", "swift_bridgeObjectRetain", "swift_bridgeObjectRelease", "doDecrementSlow",
          "swift_arrayDestroy", "swift_arrayInitWithCopy")


def stage_of(frames):
    for frame in frames:  # leaf first
        for name, needles in STAGES:
            if any(needle in frame for needle in needles):
                return name
    # No stage on the stack: libc's allocator and the kernel have no frame pointers, so perf
    # cannot see who called them.
    if any("kernel.kallsyms" in frame for frame in frames):
        return "kernel, caller unknown"
    if any(frames[0].startswith(name) for name in MEMORY):
        return "allocator, caller unknown"
    return "other"


def profile(cli, corpus, output_format, frequency):
    with tempfile.TemporaryDirectory() as work:
        data = os.path.join(work, "perf.data")
        command = [cli, "check", corpus, "--format", output_format, "--jobs", "1", "--as-of", "2026-06-01"]
        with open(os.devnull, "wb") as null:
            subprocess.run(["perf", "record", "-q", "-F", str(frequency), "-g", "-o", data, "--"] + command,
                           stdout=null, stderr=null, check=False)
        script = subprocess.run(["perf", "script", "-i", data, "-F", "ip,sym,dso"], capture_output=True, text=True,
                                check=True).stdout
    stages = collections.Counter()
    memory = 0
    total = 0
    for block in script.split("\n\n"):
        # "ip symbol+offset (dso)"
        frames = [line.strip().split(" ", 1)[-1] for line in block.strip().splitlines() if line.strip()]
        if not frames:
            continue
        total += 1
        stages[stage_of(frames)] += 1
        if any(frames[0].startswith(name) for name in MEMORY):
            memory += 1
    return total, stages, memory


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--formats", default="text,json,jsonl,sarif,junit,markdown")
    parser.add_argument("--frequency", type=int, default=2000)
    arguments = parser.parse_args()
    names = [name for name, _ in STAGES] + ["kernel, caller unknown", "allocator, caller unknown", "other"]
    rows = []
    for output_format in arguments.formats.split(","):
        total, stages, memory = profile(arguments.cli, arguments.corpus, output_format, arguments.frequency)
        if total == 0:
            sys.exit("perf recorded nothing: is perf installed, and perf_event_paranoid low enough?")
        rows.append((output_format, total, stages, memory))
    print("| format | samples | " + " | ".join(names) + " | of which malloc/free/retain/release |")
    print("|---|---:|" + "---:|" * len(names) + "---:|")
    for output_format, total, stages, memory in rows:
        shares = " | ".join(f"{100 * stages[name] / total:.0f}%" for name in names)
        print(f"| {output_format} | {total} | {shares} | {100 * memory / total:.0f}% |")


if __name__ == "__main__":
    main()
