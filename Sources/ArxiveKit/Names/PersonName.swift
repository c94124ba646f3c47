import Foundation

/// An author's name as arxive stores it: the display form and the match key.
public struct PersonName: Hashable, Sendable {
    /// TeX decoded, NFC, single spaces: `Marcel Rød`.
    public let display: String
    /// Latin-ASCII folded, lowercase, words of letters and digits separated by
    /// one space: `marcel rod`. Hyphens and dots separate words, so
    /// `J.-I. Park` keys as `j i park`.
    public let key: String

    /// Builds the name from text as a digest wrote it (TeX escapes allowed).
    public init(source: String) {
        self.init(display: TeXDecoder.decode(source))
    }

    /// Builds the name from its display form (already decoded).
    public init(display: String) {
        self.display = display
        self.key = PersonName.key(for: display)
    }

    /// The match key of any name text: what `arxive author` compares.
    public static func key(for text: String) -> String {
        let decoded = TeXDecoder.decode(text)
        // The ICU transform is costly; most names are plain ASCII already.
        let folded = decoded.utf8.allSatisfy({ $0 < 0x80 }) ? decoded
            : decoded.applyingTransform(StringTransform("Latin-ASCII"), reverse: false) ?? decoded
        let words = folded.lowercased().unicodeScalars.split(whereSeparator: {
            !($0.isASCII && $0.properties.isAlphabetic) && !($0.isASCII && $0.properties.numericType != nil)
        })
        return words.map { String(String.UnicodeScalarView($0)) }.joined(separator: " ")
    }

    /// The key's words: forenames (or initials) first, the surname last.
    public var words: [String] { key.split(separator: " ").map(String.init) }
}
