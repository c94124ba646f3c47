import Foundation

/// Turns Unicode names back into TeX escapes, for BibTeX: `Rød` ->
/// `R{\o}d`, `Béthune` -> `B{\'e}thune`, `Çelik` -> `{\c{C}}elik`. The
/// inverse of `TeXDecoder` for the letters and accents it knows; other
/// characters are kept as they are (biber reads UTF-8).
public enum TeXEncoder {
    static let letters: [Character: String] = {
        var map: [Character: String] = [:]
        for (command, letter) in TeXDecoder.letters where command != "SS" && command != "i" && command != "j" {
            map[Character(letter)] = command
        }
        return map
    }()

    static let accents: [Unicode.Scalar: String] = {
        var map: [Unicode.Scalar: String] = [:]
        for (command, mark) in TeXDecoder.accents { map[mark] = command }
        return map
    }()

    public static func encode(_ text: String) -> String {
        var out = ""
        for character in text {
            if character.isASCII {
                out.append(character)
            } else if let command = letters[character] {
                out += "{\\\(command)}"
            } else if let accented = accented(character) {
                out += accented
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// `é` -> `{\'e}`, `ǘ` -> `{\'{\"u}}`; nil when the base letter is not
    /// ASCII or a mark is not one TeX has a command for.
    static func accented(_ character: Character) -> String? {
        let scalars = Array(String(character).decomposedStringWithCanonicalMapping.unicodeScalars)
        guard let base = scalars.first, base.isASCII, base.properties.isAlphabetic, scalars.count > 1 else { return nil }
        var inner = base == "i" ? "\\i" : base == "j" ? "\\j" : String(base)
        for mark in scalars.dropFirst() {
            guard let command = accents[mark] else { return nil }
            // \' takes its argument directly; \c, \v, ... need braces or a space.
            inner = command.first!.isLetter ? "\\\(command){\(inner)}" : "\\\(command)\(inner.count == 1 ? inner : "{\(inner)}")"
        }
        return "{\(inner)}"
    }
}
