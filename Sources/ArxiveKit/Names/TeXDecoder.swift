import Foundation

/// Turns the TeX escapes arXiv keeps in author names into Unicode.
///
/// `R{\o}d` -> `Rød`, `B\'ethune` -> `Béthune`, `O\u{g}uzhan` -> `Oğuzhan`,
/// `\'{\i}` -> `í`. Braces may nest to any depth; unknown commands are kept
/// as written so that nothing is lost. The result is NFC.
public enum TeXDecoder {
    /// Decodes every TeX escape in `text` and returns NFC text with runs of
    /// white space collapsed to one space.
    public static func decode(_ text: String) -> String {
        // Fast path: most names carry no TeX at all, and many are plain ASCII.
        let hasTeX = text.utf8.contains { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") || $0 == UInt8(ascii: "~") }
        guard hasTeX else {
            let ascii = text.utf8.allSatisfy { $0 < 0x80 }
            return collapseSpaces(ascii ? text : text.precomposedStringWithCanonicalMapping)
        }
        var parser = Parser(Array(text.unicodeScalars))
        let decoded = parser.parseSequence(untilClosingBrace: false)
        return collapseSpaces(decoded.precomposedStringWithCanonicalMapping)
    }

    static func collapseSpaces(_ text: String) -> String {
        // Names have no exotic white space worth a Unicode property lookup per character.
        let hasNoBreakSpace = text.unicodeScalars.contains("\u{A0}")
        return collapseWhitespace(hasNoBreakSpace ? text.replacingOccurrences(of: "\u{A0}", with: " ") : text)
    }

    /// Accent commands and the combining mark each puts on its argument.
    static let accents: [String: Unicode.Scalar] = [
        "'": "\u{0301}", "`": "\u{0300}", "^": "\u{0302}", "\"": "\u{0308}",
        "~": "\u{0303}", "=": "\u{0304}", ".": "\u{0307}",
        "c": "\u{0327}", "v": "\u{030C}", "u": "\u{0306}", "H": "\u{030B}",
        "k": "\u{0328}", "r": "\u{030A}", "d": "\u{0323}", "b": "\u{0331}",
    ]

    /// Commands that stand for a letter of their own.
    static let letters: [String: String] = [
        "o": "ø", "O": "Ø", "l": "ł", "L": "Ł", "ss": "ß", "SS": "SS",
        "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "aa": "å", "AA": "Å",
        "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð", "dj": "đ", "DJ": "Đ",
        "th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ",
    ]

    /// Escaped punctuation that stands for itself.
    static let escapedSymbols: Set<Unicode.Scalar> = ["&", "_", "%", "$", "#", "{", "}", " ", "-", ","]

    private struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        var atEnd: Bool { index >= scalars.count }

        mutating func parseSequence(untilClosingBrace: Bool) -> String {
            var out = String.UnicodeScalarView()
            while !atEnd {
                let c = scalars[index]
                switch c {
                case "{":
                    index += 1
                    out.append(contentsOf: parseSequence(untilClosingBrace: true).unicodeScalars)
                case "}":
                    index += 1
                    if untilClosingBrace { return String(out) }
                // A stray closing brace: drop it.
                case "\\":
                    out.append(contentsOf: parseCommand().unicodeScalars)
                case "~":
                    // An unescaped tilde is TeX's non-breaking space.
                    index += 1
                    out.append(" ")
                default:
                    index += 1
                    out.append(c)
                }
            }
            return String(out)
        }

        /// Parses `\...` at `index`.
        mutating func parseCommand() -> String {
            index += 1  // the backslash
            guard !atEnd else { return "\\" }
            let first = scalars[index]
            if let mark = TeXDecoder.accents[String(first)], !first.properties.isAlphabetic {
                index += 1
                return applyAccent(mark, to: parseArgument())
            }
            if first.properties.isAlphabetic && first.isASCII {
                let start = index
                while !atEnd, scalars[index].isASCII, scalars[index].properties.isAlphabetic { index += 1 }
                let name = String(String.UnicodeScalarView(scalars[start..<index]))
                if let mark = TeXDecoder.accents[name] {
                    return applyAccent(mark, to: parseArgument())
                }
                if let letter = TeXDecoder.letters[name] {
                    skipSpaces()  // TeX swallows the space after a control word: "Bj\o rn"
                    return letter
                }
                return "\\" + name  // unknown: keep as written
            }
            if TeXDecoder.escapedSymbols.contains(first) {
                index += 1
                return String(first)
            }
            index += 1
            return "\\" + String(first)
        }

        /// The argument of an accent: a group, a command, or one character.
        mutating func parseArgument() -> String {
            skipSpaces()
            guard !atEnd else { return "" }
            switch scalars[index] {
            case "{":
                index += 1
                return parseSequence(untilClosingBrace: true)
            case "\\":
                return parseCommand()
            default:
                let c = scalars[index]
                index += 1
                return String(c)
            }
        }

        mutating func skipSpaces() {
            while !atEnd, scalars[index] == " " { index += 1 }
        }

        func applyAccent(_ mark: Unicode.Scalar, to argument: String) -> String {
            var scalars = Array(argument.unicodeScalars)
            guard !scalars.isEmpty else { return String(mark) }
            // Dotless i and j exist in TeX only to carry accents.
            if scalars[0] == "ı" { scalars[0] = "i" }
            if scalars[0] == "ȷ" { scalars[0] = "j" }
            // On top of the marks the letter has already: `\~{\^e}` is ê
            // with a tilde over it (ễ), not ẽ with a circumflex.
            var place = 1
            while place < scalars.count, scalars[place].properties.canonicalCombiningClass != .notReordered { place += 1 }
            scalars.insert(mark, at: place)
            return String(String.UnicodeScalarView(scalars))
        }
    }
}
