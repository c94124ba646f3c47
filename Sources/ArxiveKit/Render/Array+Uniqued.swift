extension Array where Element: Hashable {
    /// The distinct elements, in their first order.
    func uniquedInOrder() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
