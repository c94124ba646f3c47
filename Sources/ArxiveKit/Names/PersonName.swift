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
        self.key = PersonName.key(ofDecoded: display)
    }

    /// The match key of any name text: what `arxive author` compares.
    public static func key(for text: String) -> String {
        key(ofDecoded: TeXDecoder.decode(text))
    }

    /// The match key of a name already TeX-decoded: an import decodes each
    /// name once, for its display form, and keys that.
    static func key(ofDecoded decoded: String) -> String {
        // The ICU transform is costly; most names are plain ASCII already.
        let folded =
            decoded.utf8.allSatisfy({ $0 < 0x80 })
            ? decoded
            : decoded.applyingTransform(StringTransform("Latin-ASCII"), reverse: false) ?? decoded
        // Words are runs of ASCII letters and digits; anything else (spaces,
        // punctuation, what the transform left non-ASCII) separates them.
        // Bytes, not scalars: a non-ASCII scalar's UTF-8 bytes are all >= 0x80.
        let words = folded.lowercased().utf8.split(whereSeparator: {
            !((0x61...0x7A).contains($0) || (0x30...0x39).contains($0))
        })
        return words.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
    }

    /// The key's words: forenames (or initials) first, the surname last.
    public var words: [String] { key.split(separator: " ").map(String.init) }
}
