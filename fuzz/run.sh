#!/usr/bin/env bash
# Fuzzes the reader, the validator, the engine and the pack loader with libFuzzer and AddressSanitizer.
#
#   fuzz/run.sh [SECONDS] [extra libFuzzer options...]     (default: 600 seconds)
#
# Seeds come from fuzz/corpus/ (committed, never written); the growing working corpus lives in
# fuzz-artifacts/corpus/ and crashes, timeouts and out-of-memory inputs in fuzz-artifacts/
# (git-ignored). Replay one input without sanitizers: swift run compliance-fuzz FILE.
#
# How it is built: Swift code is compiled with AddressSanitizer and libFuzzer's coverage
# instrumentation, and libFuzzer's runtime without its `main` is linked as a plain archive, so only
# compliance-fuzz pulls it in (the build-tool executables of the package link as usual).
# `-DCOMPLIANCE_FUZZ` makes Sources/compliance-fuzz/main.swift hand the process to
# LLVMFuzzerRunDriver.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-600}"
shift || true
scratch=.build-fuzz
runtime="$(dirname "$(command -v swiftc)")/../lib/clang"
runtime="$(ls -d "$runtime"/*/lib/linux | head -n 1)/libclang_rt.fuzzer_no_main-$(uname -m).a"
if [[ ! -f "$runtime" ]]; then
    echo "error: libFuzzer runtime not found at $runtime (needs the Swift toolchain for Linux)" >&2
    exit 2
fi

flags=(
    -c debug --scratch-path "$scratch" --product compliance-fuzz
    -Xswiftc -sanitize=address
    -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp
    -Xswiftc -DCOMPLIANCE_FUZZ
    -Xswiftc -enable-experimental-feature -Xswiftc Extern
    -Xlinker "$runtime" -Xlinker -lstdc++
)
swift build "${flags[@]}"
binary="$(swift build "${flags[@]}" --show-bin-path)/compliance-fuzz"

mkdir -p fuzz-artifacts/corpus
# Swift's own backtracer would compete with AddressSanitizer's report; let libFuzzer handle crashes.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1}"
exec "$binary" \
    -max_total_time="$seconds" \
    -max_len=65536 \
    -timeout=10 \
    -rss_limit_mb=4096 \
    -dict=fuzz/yaml.dict \
    -artifact_prefix=fuzz-artifacts/ \
    -print_final_stats=1 \
    "$@" \
    fuzz-artifacts/corpus fuzz/corpus
