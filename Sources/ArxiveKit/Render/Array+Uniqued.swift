// Render/: what the user sees: text tables, JSON, Markdown, HTML built of
// `Markup` (escaped by default), exports and the static site. They take Model
// values; only the site reads the archive, through its public queries.

extension Array where Element: Hashable {
    /// The distinct elements, in their first order.
    func uniquedInOrder() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}

extension Collection {
    /// Nil for an empty collection: a key a JSON line leaves out.
    var nilIfEmpty: Self? { isEmpty ? nil : self }
}
