import Foundation

/// One paper of the arXiv metadata snapshot, as arxive stores it.
public struct CatalogueRecord: Sendable, Equatable {
    /// Without version: `0704.0001`, `hep-th/9901001`.
    public var arxivID: String
    public var title: String
    public var abstract: String
    /// Display names (TeX decoded), in the paper's order.
    public var authors: [String]
    /// The names' match keys (`PersonName.key`), in the same order.
    public var authorKeys: [String]
    /// Primary first, as arXiv lists them: `["cs.LG", "stat.ML"]`.
    public var categories: [String]
    /// The day of the first version, YYYY-MM-DD.
    public var published: String?
    /// The snapshot's `update_date`: which text is newer, this or a digest's.
    public var updated: String
    /// The snapshot's other keys (submitter, comments, journal-ref, doi,
    /// report-no, license, versions, and any key a later snapshot adds), as a JSON object.
    public var extra: String?
}

/// What arXiv's catalogue says of a paper beyond its text, for a reader
/// and a reference manager: read from the snapshot's own keys, which the
/// archive keeps as written (the `catalogue` column). Every field is nil
/// when the catalogue does not have it, or has never seen the paper.
public struct CatalogueFields: Encodable, Equatable, Sendable {
    /// The published version's DOI (arXiv's own, 10.48550/..., is not in the snapshot).
    @OrNull public var doi: String?
    /// The journal reference, as the authors wrote it.
    @OrNull public var journalRef: String?
    /// `v3`, and the day it was submitted.
    @OrNull public var latestVersion: String?
    @OrNull public var latestVersionDate: String?
    /// The licence's URL.
    @OrNull public var license: String?

    public init(
        doi: String? = nil, journalRef: String? = nil, latestVersion: String? = nil, latestVersionDate: String? = nil,
        license: String? = nil
    ) {
        (self.doi, self.journalRef, self.latestVersion, self.latestVersionDate, self.license) = (doi, journalRef, latestVersion, latestVersionDate, license)
    }

    /// From the `catalogue` column's JSON object; a key of another type
    /// than the snapshot writes is left out, not an error.
    public init(catalogueJSON: String?) {
        guard let catalogueJSON, let object = try? JSONSerialization.jsonObject(with: Data(catalogueJSON.utf8)) as? [String: Any] else { return }
        func text(_ key: String) -> String? {
            (object[key] as? String).map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }.flatMap { $0.isEmpty ? nil : $0 }
        }
        (doi, journalRef, license) = (text("doi"), text("journal-ref"), text("license"))
        if let latest = (object["versions"] as? [[String: Any]])?.last {
            latestVersion = latest["version"] as? String
            latestVersionDate = (latest["created"] as? String).flatMap(CatalogueFields.day(ofCreated:))
        }
    }

    public var isEmpty: Bool { self == CatalogueFields() }

    /// `2007-04-02` from `Mon, 2 Apr 2007 19:18:42 GMT`. Foundation's parser,
    /// made for each call (a shared DateFormatter is not safe across
    /// threads): one paper at a time, so the snapshot reader's own fast one,
    /// written for millions of lines, is not needed here; a test holds the two equal.
    public static func day(ofCreated text: String) -> String? {
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.timeZone = TimeZone(identifier: "GMT")
        format.dateFormat = "EEE, d MMM yyyy HH:mm:ss zzz"
        format.isLenient = false  // 31 Feb is no day, not 3 March
        guard let date = format.date(from: text) else { return nil }
        format.dateFormat = "yyyy-MM-dd"
        return format.string(from: date)
    }
}
