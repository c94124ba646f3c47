// Import/Formats/: the readers, bytes to values, one per format, with the
// values they share and the byte helpers beside them. They may call Model and
// Names; never the database.

import Foundation

/// An arXiv id as the digests write it (new style, old style, with or
/// without a version or `arXiv:`), parsed once: the id without its version
/// (`2512.22471`, `hep-th/9901001`), and the version when one was written.
/// Comparable and Codable as that text. Where ids arrive (a reader's line,
/// a command-line argument) they are parsed with `init?` or `parse`.
public struct ArxivID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The id without its version.
    public let text: String
    /// The version written after the id (`v2`), if any.
    public let version: Int?

    /// The id `text` writes, or nil when it writes none.
    public init?(_ text: String) {
        guard let parsed = ArxivID.parse(text) else { return nil }
        self.text = parsed.id
        version = parsed.version
    }

    public var description: String { text }

    public static func < (a: ArxivID, b: ArxivID) -> Bool { (a.text, a.version ?? 0) < (b.text, b.version ?? 0) }

    /// Decoded from its text (a version is kept); anything else is an error.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = ArxivID(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not an arXiv id"))
        }
        self = id
    }

    /// Encoded as written, less any `arXiv:`: the id, then its version (`2512.22471v2`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text + (version.map { "v\($0)" } ?? ""))
    }

    /// The id without version and the version, or nil when `text` is no arXiv id.
    /// Accepts `2512.22471`, `2512.22471v2`, `arXiv:2512.22471`, `hep-th/9901001v1`, `math.AG/0101001`.
    public static func parse(_ text: String) -> (id: String, version: Int?)? {
        // As bytes, not characters: every paper of every file passes here.
        var s = Substring(text.trimmed)
        if s.utf8.count > 6, s.utf8.prefix(6).map({ $0 | 0x20 }).elementsEqual("arxiv:".utf8) {
            s = Substring(s.utf8.dropFirst(6))
        }
        var version: Int?
        let digitsAtEnd = s.utf8.reversed().prefix(while: isDigit).count
        if digitsAtEnd > 0, digitsAtEnd < s.utf8.count, s.utf8.dropLast(digitsAtEnd).last == UInt8(ascii: "v") {
            version = Int(Substring(s.utf8.suffix(digitsAtEnd)))
            s = Substring(s.utf8.dropLast(digitsAtEnd + 1))
        }
        guard isNewStyle(s) || isOldStyle(s) || isBareOldStyle(s) else { return nil }
        return (String(s), version)
    }

    /// `9606126`: an old-style number written without its archive (arXiv
    /// knows it as `astro-ph/9606126`). Two digits of year (1991 to 2007),
    /// two of month, three of number. The archive resolves it when it can
    /// (see `Archive.resolveBareOldStyleIDs`).
    public static func isBareOldStyle<S: StringProtocol>(_ s: S) -> Bool {
        let u = Array(s.utf8)
        guard u.count == 7, u.allSatisfy(isDigit) else { return false }
        let year = Int(u[0] - 48) * 10 + Int(u[1] - 48), month = Int(u[2] - 48) * 10 + Int(u[3] - 48)
        return (year >= 91 || year <= 7) && (1...12).contains(month)
    }

    /// `2512.22471`: four digits, a dot, four or five digits.
    static func isNewStyle(_ s: Substring) -> Bool {
        let u = s.utf8
        guard let dot = u.firstIndex(of: UInt8(ascii: ".")) else { return false }
        let number = u[..<dot], serial = u[u.index(after: dot)...]
        return number.count == 4 && (4...5).contains(serial.count) && number.allSatisfy(isDigit) && serial.allSatisfy(isDigit)
    }

    /// `hep-th/9901001`, `math.AG/0101001`: an archive name (lowercase
    /// letters and inner hyphens), an optional subject class (two capitals),
    /// a slash, seven digits.
    static func isOldStyle(_ s: Substring) -> Bool {
        let u = s.utf8
        guard let slash = u.firstIndex(of: UInt8(ascii: "/")) else { return false }
        let archive = u[..<slash], number = u[u.index(after: slash)...]
        guard number.count == 7, number.allSatisfy(isDigit) else { return false }
        let dot = archive.firstIndex(of: UInt8(ascii: "."))
        let name = archive[..<(dot ?? archive.endIndex)]
        let isLower = { (b: UInt8) in b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") }
        guard let first = name.first, isLower(first), name.last != UInt8(ascii: "-"),
            name.allSatisfy({ isLower($0) || $0 == UInt8(ascii: "-") })
        else { return false }
        guard let dot else { return true }
        let subjectClass = archive[archive.index(after: dot)...]
        return subjectClass.count == 2 && subjectClass.allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
