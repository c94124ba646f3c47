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
}
