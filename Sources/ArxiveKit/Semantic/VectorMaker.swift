import Foundation

/// Gives the archive's papers vectors of one model, chunk by chunk.
public struct VectorMaker {
    public let archive: Archive
    public let model: SentenceModel

    /// Texts encoded together: one stacked matrix per layer (see
    /// `BertEncoder`); larger batches gained nothing measurable.
    static let batch = 8

    public init(archive: Archive, model: SentenceModel) {
        self.archive = archive
        self.model = model
    }

    public struct Result: Sendable {
        public var embedded: Int
        public var seconds: Double
    }

    /// The texts' vectors, in order: batches of `batch` texts, one batch per
    /// core at a time (measured on 2 cores: 8.4 papers/s on one thread,
    /// 10.2 with OpenBLAS's two threads on one batch at a time, 15.5 so;
    /// see `MatrixProduct`).
    func embed(_ texts: [String]) -> [[Float]] {
        let batches = stride(from: 0, to: texts.count, by: Self.batch).map { Array(texts[$0..<min($0 + Self.batch, texts.count)]) }
        let results = BatchResults(count: batches.count)
        let model = self.model
        DispatchQueue.concurrentPerform(iterations: batches.count) { index in
            results.set(index, model.embed(batches[index]))
        }
        return results.all.flatMap { $0 }
    }

    /// Each batch's vectors, written by the thread that made them.
    final class BatchResults: @unchecked Sendable {
        private var slots: [[[Float]]]
        private let lock = NSLock()
        init(count: Int) { slots = Array(repeating: [], count: count) }
        func set(_ index: Int, _ vectors: [[Float]]) { lock.withLock { slots[index] = vectors } }
        var all: [[[Float]]] { lock.withLock { slots } }
    }

    /// Embeds every paper without a vector of this model, `chunk` papers per
    /// transaction. `progress(done, total, started)` after each chunk.
    public func embedAll(catalogue: Bool = false, chunk: Int = 64, progress: (Int, Int, Date) -> Void = { _, _, _ in }) throws -> Result {
        let started = Date()
        let status = try archive.vectorStatus(model: model.identity, catalogue: catalogue)
        let total = status.papers - status.embedded
        var done = 0
        while true {
            let papers = try archive.papersToEmbed(model: model.identity, catalogue: catalogue, limit: chunk)
            if papers.isEmpty { break }
            let vectors = embed(papers.map(\.text))
            try archive.storeVectors(
                zip(papers, vectors).map { ($0.paperID, $1) }, model: model.identity, dimension: model.dimension)
            done += papers.count
            progress(done, max(total, done), started)
        }
        return Result(embedded: done, seconds: Date().timeIntervalSince(started))
    }
}
