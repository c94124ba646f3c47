import Foundation

/// A `.safetensors` file, mapped into memory: an 8-byte little-endian header
/// length, a JSON header naming each tensor's dtype, shape and byte range,
/// then the bytes. Mapping (not reading) matters: the model is 90 MB and a
/// search touches only the embedding rows of its query's words.
///
/// Written here because the format is a page of specification and no Swift
/// package for it is available; only `F32` tensors are read (the format of
/// sentence-transformers' published weights).
public final class SafeTensors: @unchecked Sendable {
    public struct Tensor: Sendable {
        public let dtype: String
        public let shape: [Int]
        let offset: Int
        public var count: Int { shape.reduce(1, *) }
    }

    public enum LoadError: DescribedError {
        case unreadable(String, String)
        case malformed(String, String)
        case missing(String)
        case unsupported(String, String)

        public var description: String {
            switch self {
            case .unreadable(let path, let why): return "cannot read \(path): \(why)"
            case .malformed(let path, let why): return "\(path) is not a safetensors file: \(why)"
            case .missing(let name): return "the model has no tensor \(name)"
            case .unsupported(let name, let dtype):
                return "tensor \(name) is \(dtype); arxive reads F32 weights"
            }
        }
    }

    public let tensors: [String: Tensor]
    private let base: UnsafeRawPointer
    private let length: Int

    public init(path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw LoadError.unreadable(path, String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw LoadError.unreadable(path, String(cString: strerror(errno)))
        }
        let length = Int(status.st_size)
        guard length >= 8 else { throw LoadError.malformed(path, "\(length) bytes") }
        guard let mapped = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else {
            throw LoadError.unreadable(path, String(cString: strerror(errno)))
        }
        let base = UnsafeRawPointer(mapped)
        do {
            tensors = try Self.header(base: base, length: length, path: path)
        } catch {
            munmap(mapped, length)
            throw error
        }
        self.base = base
        self.length = length
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: base), length) }

    private static func header(base: UnsafeRawPointer, length: Int, path: String) throws -> [String: Tensor] {
        let headerLength = Int(UInt64(littleEndian: base.loadUnaligned(as: UInt64.self)))
        guard headerLength > 0, headerLength <= length - 8 else {
            throw LoadError.malformed(path, "header of \(headerLength) bytes in a file of \(length)")
        }
        let json = Data(bytes: base + 8, count: headerLength)
        guard let entries = try? JSONSerialization.jsonObject(with: json) as? [String: Any] else {
            throw LoadError.malformed(path, "its header is not a JSON object")
        }
        let dataStart = 8 + headerLength
        var tensors: [String: Tensor] = [:]
        for (name, value) in entries where name != "__metadata__" {
            guard let entry = value as? [String: Any], let dtype = entry["dtype"] as? String,
                let shape = entry["shape"] as? [Int], let range = entry["data_offsets"] as? [Int], range.count == 2
            else { throw LoadError.malformed(path, "tensor \(name) has no dtype, shape or offsets") }
            // A tensor of another dtype is refused when it is asked for.
            let bytes = dtype == "F32" ? shape.reduce(1, *) * 4 : range[1] - range[0]
            guard range[0] >= 0, range[1] - range[0] == bytes, dataStart + range[1] <= length else {
                throw LoadError.malformed(path, "tensor \(name)'s bytes do not fit its shape or the file")
            }
            guard dtype != "F32" || (dataStart + range[0]) % 4 == 0 else {
                throw LoadError.malformed(path, "tensor \(name) is not aligned to 4 bytes")
            }
            tensors[name] = Tensor(dtype: dtype, shape: shape, offset: dataStart + range[0])
        }
        return tensors
    }

    /// The tensor's floats, in place in the mapped file (row-major).
    public func floats(_ name: String, shape expected: [Int]? = nil) throws -> UnsafeBufferPointer<Float> {
        guard let tensor = tensors[name] else { throw LoadError.missing(name) }
        guard tensor.dtype == "F32" else { throw LoadError.unsupported(name, tensor.dtype) }
        if let expected, expected != tensor.shape {
            throw LoadError.unsupported(name, "of shape \(tensor.shape), not \(expected)")
        }
        let start = (base + tensor.offset).assumingMemoryBound(to: Float.self)
        return UnsafeBufferPointer(start: start, count: tensor.count)
    }
}
