import Foundation

/// Fast text helpers for the readers. Digest files are mostly ASCII and
/// Foundation's general routines (regular expressions, character sets)
/// dominated import time; these work on UTF-8 bytes.
enum TextLines {
    /// The lines of `text`, without their `\n` or `\r\n`.
    static func split(_ text: String) -> [String] {
        var text = text
        // One pass over the contiguous bytes: the generic `split` over
        // `utf8` cost twice as much in the import's profile.
        return text.withUTF8 { bytes in
            var lines: [String] = []
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "\n") {
                let stop = end > start && bytes[end - 1] == UInt8(ascii: "\r") ? end - 1 : end
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<stop]), as: UTF8.self))
                start = end + 1
            }
            return lines
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

    /// Whether `needle` occurs in the text, its UTF-8 bytes compared as they
    /// are: Foundation's `contains` goes through NSString, which showed in
    /// the import's profile.
    func containsBytes(_ needle: String) -> Bool {
        var text = self, needle = needle
        return text.withUTF8 { hay in
            needle.withUTF8 { n in
                byteOffset(of: n, in: hay, from: 0) != nil
            }
        }
    }

    /// The pieces between occurrences of `separator`, as
    /// `components(separatedBy:)` gives them, found as bytes (see `containsBytes`).
    func components(separatedByBytes separator: String) -> [String] {
        var text = self, separator = separator
        return text.withUTF8 { hay in
            separator.withUTF8 { sep in
                guard !sep.isEmpty else { return [self] }
                var pieces: [String] = []
                var start = 0
                while let at = byteOffset(of: sep, in: hay, from: start) {
                    pieces.append(String(decoding: UnsafeBufferPointer(rebasing: hay[start..<at]), as: UTF8.self))
                    start = at + sep.count
                }
                pieces.append(String(decoding: UnsafeBufferPointer(rebasing: hay[start...]), as: UTF8.self))
                return pieces
            }
        }
    }

    /// True when the line starts with a number and a dot: `12. `.
    var startsWithNumberDot: Bool {
        let digits = utf8.prefix(while: { $0 >= 0x30 && $0 <= 0x39 })
        return !digits.isEmpty && utf8.dropFirst(digits.count).first == UInt8(ascii: ".")
    }
}

/// Where `needle` first occurs in `hay` at or after `start`. (The standard
/// library's `contains` and `split(separator:)` over `utf8` views do the
/// same generically: with them the reader thread ran 1,448 million
/// instructions on 100 benchmark days, against 789 million with this.)
private func byteOffset(of needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    guard let first = needle.first else { return start }
    var i = start
    while i + needle.count <= hay.count {
        if hay[i] == first && memcmp(hay.baseAddress! + i, needle.baseAddress!, needle.count) == 0 { return i }
        i += 1
    }
    return nil
}

/// Runs of white space (line wraps, double spaces) as one space: the sources
/// differ only there (a saved page collapses what JSON keeps). Control
/// characters (escape, bell, backspace, ...) count as white space: a title
/// holding them would drive the terminal that prints it.
func collapseWhitespace(_ text: String) -> String {
    var text = text
    // withUTF8 scans the bytes in place (it copies only a bridged string).
    return text.withUTF8 { bytes in
        if !needsCollapsing(bytes) { return nil }
        // Written straight into the new string's storage: the text is never longer than before.
        return String(unsafeUninitializedCapacity: bytes.count) { out in
            var count = 0
            var pendingSpace = false
            for b in bytes {
                if isSpaceByte(b) {
                    pendingSpace = count > 0
                } else {
                    if pendingSpace { out[count] = 0x20; count += 1; pendingSpace = false }
                    out[count] = b
                    count += 1
                }
            }
            return count
        }
    } ?? text
}

/// A space, a tab, a line break or another control character (DEL too).
private func isSpaceByte(_ b: UInt8) -> Bool { b <= 0x20 || b == 0x7F }

private func isControlByte(_ b: UInt8) -> Bool { b < 0x20 || b == 0x7F }

/// True when the text has a tab, a line break or another control character,
/// two spaces in a row, or a space at either end.
private func needsCollapsing(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = bytes.first, let last = bytes.last else { return false }
    if first == 0x20 || last == 0x20 { return true }
    var previousSpace = false
    for b in bytes {
        if isControlByte(b) { return true }
        let space = b == 0x20
        if space && previousSpace { return true }
        previousSpace = space
    }
    return false
}

/// `text` with its control characters (escape, bell, backspace, ...) as
/// spaces, its line breaks and tabs kept: for text that keeps its lines
/// (a comment, a prompt) and is printed on terminals.
func removingControlCharacters(_ text: String) -> String {
    let unwanted = { (b: UInt8) in isControlByte(b) && b != 0x0A && b != 0x09 }
    guard text.utf8.contains(where: unwanted) else { return text }
    return String(decoding: text.utf8.map { unwanted($0) ? 0x20 : $0 }, as: UTF8.self)
}
