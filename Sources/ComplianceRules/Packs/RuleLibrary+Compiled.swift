extension RuleLibrary {
    /// This library in the compact form the build embeds for `Engine.builtIn()` (see
    /// `CompiledLibrary`): read back with `init(compiled:)`, it equals this library.
    package func compiled() -> CompiledLibrary {
        CompiledLibraryWriter.compile(self)
    }

    /// The library `compiled()` wrote, read without parsing YAML or checking the packs again (they
    /// were checked when it was written); `nil` when `compiled` is not such a library.
    package init?(compiled: CompiledLibrary) {
        guard let library = try? CompiledLibraryReader.read(compiled) else { return nil }
        self = library
    }

    /// The built-in library as the build loaded, checked and compiled it (read once); `nil` when
    /// the built-in packs have errors (then `load` reports them).
    package static let compiledBuiltIn: RuleLibrary? = readCompiledBuiltIn()

    /// The compiled built-in library, read anew (`compiledBuiltIn` keeps the first read).
    package static func readCompiledBuiltIn() -> RuleLibrary? {
        guard let body = CompiledBuiltInLibrary.body else { return nil }
        return RuleLibrary(compiled: CompiledLibrary(strings: CompiledBuiltInLibrary.strings, body: body))
    }
}
