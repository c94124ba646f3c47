import CZlib
import Foundation

/// A file read line by line in bounded memory, inflated on the way when it
/// is gzip-compressed (recognised by its magic bytes, not its name).
///
/// The arXiv snapshot is several GB of JSON lines: it is never held whole.
/// Memory is one read buffer, one inflated buffer and the current line.
final class LineStream {
    /// Lines handed out so far: the 1-based number of the last line.
    private(set) var lineNumber = 0
    /// Bytes read from the file (compressed ones, for a gzip file): progress against its size.
    private(set) var fileBytesRead = 0
    let isCompressed: Bool
    private let readSize: Int

    private let handle: FileHandle
    private var inflater: Inflater?
    /// Text read (inflated) and not yet handed out.
    private var pending: [UInt8] = []
    private var start = 0
    private var atEnd = false

    /// `readSize`: bytes read from the file at a time.
    init(path: String, readSize: Int = 1 << 20) throws {
        self.readSize = readSize
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DigestReadError(line: nil, "cannot open the file")
        }
        self.handle = handle
        let magic = try handle.read(upToCount: 2) ?? Data()
        try handle.seek(toOffset: 0)
        isCompressed = magic.elementsEqual([0x1F, 0x8B])
        if isCompressed { inflater = try Inflater() }
    }

    deinit { try? handle.close() }

    /// The next `count` bytes (fewer at the end of the file), left to be read.
    func peek(_ count: Int) throws -> ArraySlice<UInt8> {
        while pending.count - start < count && !atEnd {
            pending.removeSubrange(0..<start)
            start = 0
            try fill()
        }
        return pending[start..<min(pending.count, start + count)]
    }

    /// The next line without its line break (a final line may lack one);
    /// nil at the end of the file.
    func next() throws -> ArraySlice<UInt8>? {
        while true {
            if let newline = pending[start...].firstIndex(of: 0x0A) {
                let line = pending[start..<newline]
                start = newline + 1
                lineNumber += 1
                return line
            }
            if atEnd {
                guard start < pending.count else { return nil }
                let line = pending[start...]
                start = pending.count
                lineNumber += 1
                return line
            }
            // Keep the unfinished line, then read more after it.
            pending.removeSubrange(0..<start)
            start = 0
            try fill()
        }
    }

    private func fill() throws {
        guard let chunk = try handle.read(upToCount: readSize), !chunk.isEmpty else {
            if let inflater, !inflater.finished {
                throw DigestReadError(line: lineNumber + 1, "the gzip stream ends early (truncated file?)")
            }
            atEnd = true
            return
        }
        fileBytesRead += chunk.count
        if let inflater {
            try inflater.inflate(chunk, into: &pending)
        } else {
            pending.append(contentsOf: chunk)
        }
    }
}

/// zlib's inflate over gzip members, one after another (`cat a.gz b.gz` is a valid gzip file).
private final class Inflater {
    private var stream = z_stream()
    private(set) var finished = false
    private var output = [UInt8](repeating: 0, count: 1 << 18)

    init() throws {
        // 15 + 16: a gzip header, not a raw zlib one.
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DigestReadError(line: nil, "cannot start zlib")
        }
    }

    deinit { inflateEnd(&stream) }

    func inflate(_ input: Data, into out: inout [UInt8]) throws {
        var input = [UInt8](input)
        let count = input.count
        try input.withUnsafeMutableBufferPointer { inBuffer in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = uInt(count)
            while stream.avail_in > 0 {
                if finished {
                    // Another member follows the one that ended.
                    guard inflateReset(&stream) == Z_OK else { throw DigestReadError(line: nil, "cannot restart zlib") }
                    finished = false
                }
                let inputBefore = stream.avail_in
                let produced = try output.withUnsafeMutableBufferPointer { outBuffer -> Int in
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = uInt(outBuffer.count)
                    let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    switch status {
                    case Z_OK, Z_BUF_ERROR: break
                    case Z_STREAM_END: finished = true
                    default:
                        let reason = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                        throw DigestReadError(line: nil, "not valid gzip: \(reason)")
                    }
                    return outBuffer.count - Int(stream.avail_out)
                }
                out.append(contentsOf: output[0..<produced])
                if produced == 0 && stream.avail_in == inputBefore && !finished {
                    throw DigestReadError(line: nil, "not valid gzip: zlib made no progress")
                }
            }
        }
    }
}
