/// Fast text helpers for the readers. Digest files are mostly ASCII and
/// Foundation's general routines (regular expressions, character sets)
/// dominated import time; these work on UTF-8 bytes.
enum TextLines {
    /// The lines of `text`, without their `\n` or `\r\n`.
    static func split(_ text: String) -> [String] {
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            let bytes = line.last == UInt8(ascii: "\r") ? line.dropLast() : line[...]
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}

extension String {
    /// Without leading and trailing ASCII spaces and tabs.
    var trimmed: String {
        let u = utf8
        guard let first = u.firstIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else { return "" }
        let last = u.lastIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D })!
        return String(decoding: u[first...last], as: UTF8.self)
    }

    /// True when the line starts with a number and a dot: `12. `.
    var startsWithNumberDot: Bool {
        let digits = utf8.prefix(while: { $0 >= 0x30 && $0 <= 0x39 })
        return !digits.isEmpty && utf8.dropFirst(digits.count).first == UInt8(ascii: ".")
    }
}

/// Runs of white space (line wraps, double spaces) as one space: the sources
/// differ only there (a saved page collapses what JSON keeps).
func collapseWhitespace(_ text: String) -> String {
    var text = text
    // withUTF8 scans the bytes in place (it copies only a bridged string).
    return text.withUTF8 { bytes in
        if !needsCollapsing(bytes) { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        for b in bytes {
            if isSpaceByte(b) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    } ?? text
}

private func isSpaceByte(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

/// True when the text has a tab, a line break, two spaces in a row, or a space at either end.
private func needsCollapsing(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = bytes.first, let last = bytes.last else { return false }
    if first == 0x20 || last == 0x20 { return true }
    var previousSpace = false
    for b in bytes {
        if b == 0x09 || b == 0x0A || b == 0x0D { return true }
        let space = b == 0x20
        if space && previousSpace { return true }
        previousSpace = space
    }
    return false
}
