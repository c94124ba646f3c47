/// A vocabulary's tokens by their UTF-8 bytes: token -> id, id -> token.
///
/// Written here, not a `[String: Int32]`, because a search loads the whole
/// vocabulary (30,522 tokens) to encode a query of a few words: making a
/// String of each line and hashing it into a Dictionary was a quarter of
/// loading the model (6 ms of a 60 ms search). This keeps the file's bytes
/// and an open-addressing table of offsets (FNV-1a hashes), built in one
/// pass with no allocation per token. The reference tests check the whole
/// tokenizer against Hugging Face `tokenizers`.
struct TokenTable: Sendable {
    private let bytes: [UInt8]
    /// Per id: where its token lies in `bytes`.
    private var starts: [Int32] = []
    private var ends: [Int32] = []
    /// Open addressing, a power of two at least twice the tokens: an id, or -1.
    private var slots: [Int32]

    /// `vocab.txt`: one token per line, its id its line number; trailing
    /// whitespace is not part of a token, and a token written twice has the
    /// later id (as the reference reads it).
    init(lines text: [UInt8]) {
        bytes = text
        var lineCount = 0
        for byte in text where byte == 0x0A { lineCount += 1 }
        var capacity = 64
        while capacity < 2 * (lineCount + 1) { capacity <<= 1 }
        slots = Array(repeating: -1, count: capacity)
        starts.reserveCapacity(lineCount + 1)
        ends.reserveCapacity(lineCount + 1)
        var start = 0
        while start < text.count {
            var end = start
            while end < text.count && text[end] != 0x0A { end += 1 }
            var last = end
            while last > start, [0x20, 0x09, 0x0D, 0x0B, 0x0C].contains(text[last - 1]) { last -= 1 }
            add(start: start, end: last)
            start = end + 1
        }
    }

    /// The tokens in id order.
    init(tokens: [String]) {
        self.init(lines: Array((tokens.joined(separator: "\n") + "\n").utf8))
    }

    var count: Int { starts.count }

    private mutating func add(start: Int, end: Int) {
        let id = Int32(starts.count)
        starts.append(Int32(start))
        ends.append(Int32(end))
        let mask = slots.count - 1
        var slot = bytes.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[start..<end])) } & mask
        while slots[slot] >= 0 {
            if equal(Int(slots[slot]), start, end) {
                slots[slot] = id  // written again: the later id wins
                return
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = id
    }

    private func equal(_ id: Int, _ start: Int, _ end: Int) -> Bool {
        let (a, b) = (Int(starts[id]), Int(ends[id]))
        guard b - a == end - start else { return false }
        for offset in 0..<(b - a) where bytes[a + offset] != bytes[start + offset] { return false }
        return true
    }

    static func hash(_ token: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in token { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: hash)
    }

    /// The id of the token whose UTF-8 bytes are `token`.
    func id(_ token: UnsafeBufferPointer<UInt8>) -> Int32? {
        let mask = slots.count - 1
        var slot = Self.hash(token) & mask
        while slots[slot] >= 0 {
            let id = Int(slots[slot])
            let (a, b) = (Int(starts[id]), Int(ends[id]))
            if b - a == token.count && bytes.withUnsafeBufferPointer({ $0[a..<b].elementsEqual(token) }) { return slots[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    func id(_ token: String) -> Int32? {
        var token = token
        return token.withUTF8 { id($0) }
    }

    /// The token of an id, nil for an id no line has.
    func token(_ id: Int32) -> String? {
        guard id >= 0, Int(id) < starts.count else { return nil }
        return String(decoding: bytes[Int(starts[Int(id)])..<Int(ends[Int(id)])], as: UTF8.self)
    }
}
