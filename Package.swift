// swift-tools-version: 6.0
import PackageDescription

// Release builds of the command-line tool on Linux link the Swift runtime and Foundation into the
// binary (what `swift build --static-swift-stdlib` does, for this target only): it starts 3 ms
// sooner (issue 15's one-file budget, BENCHMARKS.md) and needs only libyaml and the C/C++ libraries
// where it is copied. The archives named here are those of Swift 6.3's static Foundation on Linux;
// another toolchain, another platform or a debug build links dynamically as before. The libraries
// (ComplianceRules, ComplianceEngine) carry no such flag, so depending on them by version works.
#if os(Linux) && compiler(>=6.3)
    let staticRuntimeOnLinux: [LinkerSetting] = [
        .unsafeFlags(
            [
                "-static-stdlib",
                "-Xlinker", "-lCoreFoundation", "-Xlinker", "-l_FoundationICU", "-Xlinker", "-l_FoundationCShims",
                "-Xlinker", "-l_FoundationCollections", "-Xlinker", "-lswiftSynchronization",
            ],
            .when(platforms: [.linux], configuration: .release)
        )
    ]
#else
    let staticRuntimeOnLinux: [LinkerSetting] = []
#endif

let package = Package(
    name: "compliance-check",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ComplianceRules", targets: ["ComplianceRules"]),
        .library(name: "ComplianceEngine", targets: ["ComplianceEngine"]),
        .executable(name: "compliance-check", targets: ["compliance-check"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(
            name: "ComplianceRules",
            dependencies: [
                "CYAML",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ],
            plugins: ["EmbedRulePacks"]
        ),
        .target(
            name: "ComplianceEngine",
            dependencies: [
                "ComplianceRules",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .executableTarget(
            name: "compliance-check",
            dependencies: [
                "ComplianceEngine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: staticRuntimeOnLinux
        ),

        // Hardening: a libFuzzer target (a corpus replayer in normal builds; see fuzz/run.sh) and
        // the benchmark (BENCHMARKS.md).
        .executableTarget(name: "compliance-fuzz", dependencies: ["ComplianceEngine", "ComplianceRules"]),
        .executableTarget(
            name: "compliance-bench",
            dependencies: [
                "ComplianceEngine", "ComplianceRules",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),

        // Build tooling: turns rules/**/*.yaml into Swift source at build time: their text and the
        // checked library compiled from them (Engine.builtIn() reads it without parsing or checking
        // again). Its folder links ComplianceRules' sources (Sources/embed-rule-packs/ComplianceRules,
        // a committed symlink), so that it loads and checks the packs with the library's own code.
        .executableTarget(
            name: "embed-rule-packs",
            dependencies: ["CYAML", .product(name: "OrderedCollections", package: "swift-collections")],
            path: "Sources/embed-rule-packs"
        ),
        .plugin(
            name: "EmbedRulePacks",
            capability: .buildTool(),
            dependencies: ["embed-rule-packs"],
            path: "Sources/EmbedRulePacks"
        ),

        .testTarget(
            name: "ComplianceRulesTests",
            dependencies: ["ComplianceRules"]
        ),
        .testTarget(
            name: "ComplianceEngineTests",
            dependencies: ["ComplianceEngine"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["ComplianceEngine", "compliance-check"],
            exclude: ["Golden"]
        ),
    ]
)

for target in package.targets where target.type != .system && target.type != .plugin {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    target.swiftSettings = settings
}
