import Foundation
import GRDB

/// Copies committed WAL pages into the database file on a connection and
/// thread of its own while a long import goes on.
///
/// A checkpoint is mostly waiting on the disk: `fsync` of the WAL, then of
/// the database. Done by the importing thread, every checkpoint stalls the
/// import, and the last one (after the last commit) was an eighth of a
/// digest import's time. A PASSIVE checkpoint never blocks the writer, which
/// goes on appending to the WAL while the pages already committed are copied.
final class BackgroundCheckpoint: @unchecked Sendable {
    private let condition = NSCondition()
    private var stopped = false
    private var finished = false

    /// Starts checkpointing the file at `path` every `interval` seconds.
    init(path: String, interval: TimeInterval = 0.1) {
        Thread.detachNewThread { [self] in
            var config = Configuration()
            config.busyMode = .timeout(10)
            let connection = try? DatabaseQueue(path: path, configuration: config)
            condition.lock()
            while !stopped {
                condition.unlock()
                // PASSIVE: copies what it can without waiting for the writer or readers.
                try? connection?.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(PASSIVE)") }
                condition.lock()
                if !stopped { _ = condition.wait(until: Date(timeIntervalSinceNow: interval)) }
            }
            finished = true
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Stops the checkpoints and waits for one under way to end.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }
}
