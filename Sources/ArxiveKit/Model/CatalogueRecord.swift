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
