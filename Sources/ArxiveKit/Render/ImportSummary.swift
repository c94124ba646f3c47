import Foundation

/// The line that ends every import.
public enum ImportSummary {
    public static func line(_ r: DigestImporter.Report) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        var parts = [
            "\(plural(r.runsAdded, "run")) added", "\(r.runsUpdated) updated",
        ]
        if r.filesUnchanged > 0 { parts.append("\(plural(r.filesUnchanged, "file")) unchanged") }
        if r.spotlightDays > 0 { parts.append(plural(r.spotlightDays, "spotlight day")) }
        if r.monthlyOverviews > 0 { parts.append(plural(r.monthlyOverviews, "monthly overview")) }
        if r.hotspotDays > 0 { parts.append(plural(r.hotspotDays, "hotspot day")) }
        if r.translations > 0 { parts.append(plural(r.translations, "translated page")) }
        if r.copiesChecked > 0 { parts.append(r.copiesChecked == 1 ? "1 copy of a stored day checked" : "\(r.copiesChecked) copies of stored days checked") }
        parts += [plural(r.newPapers, "new paper"), plural(r.verdicts, "verdict"), plural(r.failures.count, "failure")]
        var line = "Read \(plural(r.filesRead, "file")): " + parts.joined(separator: ", ")
        if !r.skipped.isEmpty { line += "; " + skipped(r.skipped.map(\.kind)) }
        return line
    }

    /// `skipped 12 files that hold no digest: 5 hotspot source dumps, 4 images, 3 index pages`.
    public static func skipped(_ kinds: [SourceKind.SkippedKind]) -> String {
        let counts = Dictionary(kinds.map { ($0, 1) }, uniquingKeysWith: +)
        let byKind = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { $0.key.counted($0.value) }
        return "skipped \(kinds.count) file\(kinds.count == 1 ? "" : "s") that hold\(kinds.count == 1 ? "s" : "") no digest: "
            + byKind.joined(separator: ", ")
    }

    /// `Git ~/digest (gh-pages): 407 commits, 407 file versions read` (or nothing new).
    public static func line(_ r: DigestImporter.GitReport, repository: String, ref: String) -> String {
        guard r.readUpTo != nil else { return "Git \(repository) (\(ref)): no commit since the last import" }
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "Git \(repository) (\(ref)): \(plural(r.commits, "commit")), \(plural(r.versions, "file version")) read"
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
