import ArgumentParser
import ArxiveKit
import Foundation

extension ExportFormat: ExpressibleByArgument {}

/// Standard output, or a file written whole (`-o`).
enum OutputFile {
    static func write(_ text: String, to file: String?) throws {
        guard let file else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        try checkFolder(of: file)
        do {
            try text.write(toFile: file, atomically: true, encoding: .utf8)
        } catch {
            throw CommandError("cannot write \(file): \(error.localizedDescription)")
        }
    }

    /// The folder a file is to go in must be there: Foundation's own error
    /// for a missing one says only "The file doesn't exist".
    static func checkFolder(of file: String) throws {
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw CommandError("cannot write \(file): there is no folder \(folder)")
        }
    }
}

/// `--format bibtex|csv|jsonl|md` and `-o FILE`, for the commands that list papers.
struct ExportOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Write the papers as bibtex, csljson, ris, csv, jsonl or md instead.", valueName: "format"))
    var format: ExportFormat?

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Write to this file, not standard output.", valueName: "file"))
    var file: String?

    /// Writes the papers `arxivIDs` in `format` (which must be set).
    func write(_ archive: Archive, arxivIDs: [String]) throws {
        try write(PaperExport.render(try archive.records(arxivIDs: arxivIDs), as: format!))
    }

    func write(_ text: String) throws {
        try OutputFile.write(text, to: file)
    }

    /// Checks the combination with `--json`.
    func validate(json: Bool) throws {
        if json && format != nil { throw ValidationError("give --json or --format, not both") }
        if file != nil && format == nil && !json { throw ValidationError("-o needs --format (or --json)") }
    }
}
