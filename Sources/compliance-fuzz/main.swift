// The fuzz target. A normal build makes a corpus replayer: `compliance-fuzz FILE|FOLDER...` runs
// each input through `FuzzTarget.run`. `fuzz/run.sh` builds it with AddressSanitizer, libFuzzer's
// coverage instrumentation, its runtime and `-DCOMPLIANCE_FUZZ`, which makes this file hand the
// process to libFuzzer instead.
import Foundation

#if COMPLIANCE_FUZZ
    /// libFuzzer's driver (compiler-rt's `libclang_rt.fuzzer_no_main`, linked by fuzz/run.sh).
    @_extern(c, "LLVMFuzzerRunDriver")
    func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    /// One fuzz input.
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
        FuzzTarget.run(bytes)
        return 0
    }

    var arguments = CommandLine.argc
    var argumentValues = CommandLine.unsafeArgv
    exit(runFuzzerDriver(&arguments, &argumentValues, fuzzOneInput))
#else
    exit(FuzzTarget.replay(Array(CommandLine.arguments.dropFirst())))
#endif
