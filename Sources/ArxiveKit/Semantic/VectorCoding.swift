import Foundation

/// How a vector is stored in `paper_vectors.vector`, little-endian.
///
/// The archive writes `VectorCoding.stored`; it reads both, so that a
/// change of choice needs no migration (the encoding is recorded per model).
/// float16 was measured too (below) but is not kept: int8 already keeps
/// 0.99 of the ranking at half float16's size, and Swift's `Float16` does not
/// exist on Intel Macs.
public enum VectorCoding: String, Sendable, CaseIterable {
    /// 4 bytes per dimension: the encoder's own output.
    case float32
    /// A float32 scale, then 1 byte per dimension (value / scale, rounded).
    case int8

    /// What `embed` writes. Chosen by measurement (`scripts/bench-vector-storage.py`,
    /// docs/performance.md): 1,500 real papers, 207 queries (the prompt's
    /// criteria and 200 other papers' titles): int8 kept 0.9954 of float32's
    /// first 20 on average (float16 1.0000), at a quarter of float32's size
    /// (388 bytes against 1,536; float16 768).
    public static let stored = VectorCoding.int8

    public func bytes(of vector: [Float]) -> Data {
        var data = Data()
        switch self {
        case .float32:
            data.reserveCapacity(vector.count * 4)
            for value in vector { withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        case .int8:
            let largest = vector.reduce(Float(0)) { max($0, abs($1)) }
            let scale = largest > 0 ? largest / 127 : 1
            data.reserveCapacity(4 + vector.count)
            withUnsafeBytes(of: scale.bitPattern.littleEndian) { data.append(contentsOf: $0) }
            for value in vector { data.append(UInt8(bitPattern: Int8((value / scale).rounded()))) }
        }
        return data
    }

    /// Decodes `data` into `output` (exactly `dimension` floats); false when
    /// the bytes are not a vector of that size.
    public func decode(_ data: Data, dimension: Int, into output: UnsafeMutablePointer<Float>) -> Bool {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            switch self {
            case .float32:
                guard raw.count == dimension * 4 else { return false }
                for index in 0..<dimension {
                    output[index] = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self)))
                }
            case .int8:
                guard raw.count == 4 + dimension else { return false }
                let scale = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
                for index in 0..<dimension {
                    output[index] = Float(Int8(bitPattern: raw[4 + index])) * scale
                }
            }
            return true
        }
    }
}
