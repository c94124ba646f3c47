/// Reads one JSON document from UTF-8 bytes, value by value, for the
/// snapshot's millions of lines.
///
/// `JSONDecoder` with a `Decodable` line type, and `JSONEncoder` to write
/// the other keys back out, were 62% of the snapshot reader thread's time
/// (perf, 150,000 records): Codable's generic machinery costs far more than
/// the parsing. The cursor decodes only the strings a caller asks for and
/// hands the rest over as the text it was (`skipValue`), which can be stored
/// as it came. It checks the whole grammar, so a line that is not JSON is
/// still told apart; bytes that are not UTF-8 come out as U+FFFD.
struct JSONCursor {
    struct Failure: Error {}

    /// Arrays and objects nest at most this deep, as in Foundation's parser:
    /// each level is a call, and a line of a million `[` must not overflow the stack.
    static let maximumDepth = 512

    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var offset = 0
    private var depth = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The text of `range`, as it is in the document.
    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// Throws unless only white space is left.
    mutating func end() throws(Failure) {
        skipSpace()
        guard offset == bytes.count else { throw Failure() }
    }

    /// True (and past it) when the next value is `null`.
    mutating func skipNull() throws(Failure) -> Bool {
        skipSpace()
        guard peek() == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    /// The members of an object: `member` is called with each key and must
    /// read (or skip) its value.
    mutating func object(_ member: (String, inout JSONCursor) throws(Failure) -> Void) throws(Failure) {
        try items(open: UInt8(ascii: "{"), close: UInt8(ascii: "}")) { cursor throws(Failure) in
            let key = try cursor.string()
            try cursor.expect(UInt8(ascii: ":"))
            try member(key, &cursor)
        }
    }

    /// The elements of an array: `element` is called for each and must read (or skip) it.
    mutating func array(_ element: (inout JSONCursor) throws(Failure) -> Void) throws(Failure) {
        try items(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), element)
    }

    /// A string value, its escapes decoded.
    mutating func string() throws(Failure) -> String {
        try expect(UInt8(ascii: "\""))
        let start = offset
        // Most strings have no escape: their bytes are the string.
        while offset < bytes.count {
            let b = bytes[offset]
            if b == UInt8(ascii: "\"") {
                offset += 1
                return text(start..<(offset - 1))
            }
            if b == UInt8(ascii: "\\") { break }
            guard b >= 0x20 else { throw Failure() }
            offset += 1
        }
        var decoded = Array(bytes[start..<offset])
        while offset < bytes.count {
            let b = bytes[offset]
            offset += 1
            switch b {
            case UInt8(ascii: "\""):
                return String(decoding: decoded, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try escape(into: &decoded)
            case ..<0x20:
                throw Failure()
            default:
                decoded.append(b)
            }
        }
        throw Failure()
    }

    /// A number value, as Swift's `Double(String)` reads its text (correctly
    /// rounded, as Foundation's JSON parser is).
    mutating func double() throws(Failure) -> Double {
        skipSpace()
        let start = offset
        try number()
        guard let value = Double(text(start..<offset)) else { throw Failure() }
        return value
    }

    /// Skips the next value (checking it), and returns where its text is.
    @discardableResult
    mutating func skipValue() throws(Failure) -> Range<Int> {
        skipSpace()
        let start = offset
        switch peek() {
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "{"): try object { _, cursor throws(Failure) in try cursor.skipValue() }
        case UInt8(ascii: "["): try array { cursor throws(Failure) in try cursor.skipValue() }
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: try number()
        }
        return start..<offset
    }

    // MARK: - Pieces of the grammar

    private func peek() -> UInt8? {
        offset < bytes.count ? bytes[offset] : nil
    }

    private mutating func skipSpace() {
        while offset < bytes.count, bytes[offset] == 0x20 || bytes[offset] == 0x09 || bytes[offset] == 0x0A || bytes[offset] == 0x0D {
            offset += 1
        }
    }

    /// `open`, then items separated by commas, then `close`.
    private mutating func items(open: UInt8, close: UInt8, _ item: (inout JSONCursor) throws(Failure) -> Void) throws(Failure) {
        try expect(open)
        depth += 1
        defer { depth -= 1 }
        guard depth <= JSONCursor.maximumDepth else { throw Failure() }
        skipSpace()
        if peek() == close { offset += 1; return }
        while true {
            try item(&self)
            skipSpace()
            guard offset < bytes.count else { throw Failure() }
            let next = bytes[offset]
            offset += 1
            if next == close { return }
            guard next == UInt8(ascii: ",") else { throw Failure() }
            // A comma before the closing bracket, `[1, 2,]`: Foundation's parser
            // takes it, and so did arxive's snapshot import when it used that parser.
            skipSpace()
            if peek() == close { offset += 1; return }
        }
    }

    private mutating func expect(_ byte: UInt8) throws(Failure) {
        skipSpace()
        guard peek() == byte else { throw Failure() }
        offset += 1
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        guard offset + count <= bytes.count else { throw Failure() }
        for i in 0..<count where bytes[offset + i] != word.utf8Start[i] { throw Failure() }
        offset += count
    }

    private mutating func skipString() throws(Failure) {
        try expect(UInt8(ascii: "\""))
        var scratch: [UInt8] = []
        while offset < bytes.count {
            let b = bytes[offset]
            offset += 1
            if b == UInt8(ascii: "\"") { return }
            if b == UInt8(ascii: "\\") {
                scratch.removeAll(keepingCapacity: true)
                try escape(into: &scratch)
            } else if b < 0x20 {
                throw Failure()
            }
        }
        throw Failure()
    }

    /// `-12`, `3.5`, `1e-7`, as JSON writes numbers.
    private mutating func number() throws(Failure) {
        func digits() -> Int {
            let start = offset
            while offset < bytes.count, bytes[offset] >= 0x30, bytes[offset] <= 0x39 { offset += 1 }
            return offset - start
        }
        if peek() == UInt8(ascii: "-") { offset += 1 }
        if peek() == UInt8(ascii: "0") { offset += 1 } else if digits() == 0 { throw Failure() }
        if peek() == UInt8(ascii: ".") {
            offset += 1
            guard digits() > 0 else { throw Failure() }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            offset += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { offset += 1 }
            guard digits() > 0 else { throw Failure() }
        }
    }

    /// The escape after a backslash, appended as UTF-8.
    private mutating func escape(into out: inout [UInt8]) throws(Failure) {
        guard offset < bytes.count else { throw Failure() }
        let b = bytes[offset]
        offset += 1
        switch b {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(b)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hex4()
            if (0xD800...0xDBFF).contains(scalar) {
                // A high surrogate must be followed by its low half: `\ud83d\ude00`.
                guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else { throw Failure() }
                offset += 2
                let low = try hex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw Failure() }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw Failure() }
            out.append(contentsOf: UTF8.encode(unicode)!)
        default:
            throw Failure()
        }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw Failure() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[offset]
            offset += 1
            let digit: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
            default: throw Failure()
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}
