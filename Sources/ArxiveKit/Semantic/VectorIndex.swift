import Foundation

/// Every stored vector of one model, in one matrix, and the papers nearest a
/// query vector. An exact scan (one BLAS matrix-vector product): at tens of
/// thousands of papers it costs a few milliseconds, and an approximate index
/// would add a structure to keep in step with the archive for nothing.
public struct VectorIndex: Sendable {
    public let dimension: Int
    public private(set) var paperIDs: [Int64] = []
    private var values: [Float] = []
    private var position: [Int64: Int] = [:]

    /// `capacity`: the vectors that will be appended, when known (a search
    /// loads thousands: growing the matrix as it goes cost a fifth of a search).
    public init(dimension: Int, capacity: Int = 0) {
        self.dimension = dimension
        values.reserveCapacity(capacity * dimension)
        paperIDs.reserveCapacity(capacity)
        position.reserveCapacity(capacity)
    }

    public var count: Int { paperIDs.count }

    /// Adds one paper's vector, decoded in place; false when the bytes are not a vector of this dimension.
    public mutating func append(paperID: Int64, bytes: Data, coding: VectorCoding) -> Bool {
        let dimension = self.dimension
        let start = values.count
        let decoded = withUnsafeTemporaryAllocation(of: Float.self, capacity: dimension) { scratch in
            guard coding.decode(bytes, dimension: dimension, into: scratch.baseAddress!) else { return false }
            values.append(contentsOf: scratch)
            return true
        }
        guard decoded, values.count == start + dimension else { return false }
        position[paperID] = paperIDs.count
        paperIDs.append(paperID)
        return true
    }

    /// The stored vector of a paper, nil when it has none.
    public func vector(of paperID: Int64) -> [Float]? {
        guard let row = position[paperID] else { return nil }
        return Array(values[row * dimension..<(row + 1) * dimension])
    }

    /// The papers nearest `query` (cosine: the vectors are unit length),
    /// best first, among `allowed` when given.
    public func nearest(_ query: [Float], limit: Int, among allowed: Set<Int64>? = nil, excluding excluded: Set<Int64> = [])
        -> [(id: Int64, similarity: Float)]
    {
        guard count > 0, query.count == dimension, limit > 0 else { return [] }
        var scores = [Float](repeating: 0, count: count)
        values.withUnsafeBufferPointer { matrix in
            query.withUnsafeBufferPointer { query in
                scores.withUnsafeMutableBufferPointer { scores in
                    MatrixProduct.multiply(
                        matrix.baseAddress!, rows: count, columns: dimension, vector: query.baseAddress!, into: scores.baseAddress!)
                }
            }
        }
        var ranked: [(id: Int64, similarity: Float)] = []
        ranked.reserveCapacity(allowed?.count ?? count)
        for (index, id) in paperIDs.enumerated() {
            if let allowed, !allowed.contains(id) { continue }
            if excluded.contains(id) { continue }
            ranked.append((id, scores[index]))
        }
        // Ties go to the newer paper (the larger id), as in the word ranking.
        return Array(ranked.sorted { ($0.similarity, $0.id) > ($1.similarity, $1.id) }.prefix(limit))
    }
}
