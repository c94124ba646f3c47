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
