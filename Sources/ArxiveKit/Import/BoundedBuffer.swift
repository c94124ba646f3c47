// Import/: the importers: `SourceKind` (what each file is), `DigestImporter`
// (reads files on one thread, stores them on another) and the catalogue
// importer. They may call Import/Formats (the readers), Model, Names and
// Archive's write path.

import Foundation

/// A first-in first-out hand-over between one producer thread and one
/// consumer, holding at most `capacity` items: the importer reads and parses
/// the next files while the current group is written, without holding a
/// whole folder of digests in memory.
final class BoundedBuffer<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Element] = []
    private var closed = false
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// Waits while the buffer is full.
    func put(_ item: Element) {
        condition.lock()
        while items.count >= capacity { condition.wait() }
        items.append(item)
        condition.broadcast()
        condition.unlock()
    }

    /// No more items will come.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next item; nil once the buffer is closed and empty.
    func take() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !closed { condition.wait() }
        guard !items.isEmpty else { return nil }
        let item = items.removeFirst()
        condition.broadcast()
        return item
    }
}
