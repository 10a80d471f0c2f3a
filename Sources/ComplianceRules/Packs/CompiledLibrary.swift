/// A checked `RuleLibrary` in the compact form the build embeds for `Engine.builtIn()`: written by
/// `CompiledLibraryWriter`, read back by `CompiledLibraryReader` without parsing YAML or checking
/// the packs again.
///
/// `strings` holds every distinct string once (the build writes them as string literals, so that
/// reading them allocates and validates nothing); `body` is the library as a header line then
/// integers, printable ASCII: strings are indices into `strings`, optionals and enum cases a
/// leading tag, arrays a leading count. An integer is zigzag-encoded (so that small negative
/// numbers stay short), then written five bits at a time, lowest first, as bytes `0x60...0x7F`,
/// and its last six bits as one byte `0x20...0x5F`. Field order is fixed by the writer and the
/// reader; the two change together (the header's version).
package struct CompiledLibrary: Sendable, Equatable {
    /// The first line of every body.
    static let header = "compliance-check/compiled-library/v2\n"

    package var strings: [String]
    package var body: String

    package init(strings: [String], body: String) {
        self.strings = strings
        self.body = body
    }
}
