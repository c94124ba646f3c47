import Foundation

/// The line that ends every import.
public enum ImportSummary {
    public static func line(_ r: DigestImporter.Report) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        var parts = [
            "\(plural(r.runsAdded, "run")) added", "\(r.runsUpdated) updated",
        ]
        if r.filesUnchanged > 0 { parts.append("\(plural(r.filesUnchanged, "file")) unchanged") }
        if !r.skipped.isEmpty { parts.append("\(r.skipped.count) skipped") }
        parts += [plural(r.newPapers, "new paper"), plural(r.verdicts, "verdict"), plural(r.failures.count, "failure")]
        return "Read \(plural(r.filesRead, "file")): " + parts.joined(separator: ", ")
    }

    /// The line for one arXiv snapshot.
    public static func line(_ r: CatalogueImporter.Report) -> String {
        let name = (r.path as NSString).lastPathComponent
        if r.alreadyImported { return "Catalogue \(name): imported before, unchanged" }
        var parts = ["\(r.added) papers added", "\(r.updated) updated", "\(r.unchanged) unchanged"]
        if r.badLineCount > 0 { parts.append("\(r.badLineCount) bad line\(r.badLineCount == 1 ? "" : "s")") }
        let rate = r.seconds > 0 ? Double(r.linesRead) / r.seconds : 0
        parts.append(String(format: "%.1f s, %.0f papers/s", r.seconds, rate))
        let resumed = r.resumedAfter > 0 ? " (resumed after line \(r.resumedAfter))" : ""
        return "Catalogue \(name)\(resumed): " + parts.joined(separator: ", ")
    }
}
