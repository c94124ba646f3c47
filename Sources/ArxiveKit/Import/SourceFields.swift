import Foundation

/// Small parsers for the values every digest format shares: arXiv ids, dates,
/// the feed prefix of abstracts, author lists, numbers.
public enum ArxivID {
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
              name.allSatisfy({ isLower($0) || $0 == UInt8(ascii: "-") }) else { return false }
        guard let dot else { return true }
        let subjectClass = archive[archive.index(after: dot)...]
        return subjectClass.count == 2 && subjectClass.allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

public enum DigestDate {
    /// `YYYY-MM-DD` from `2025-12-30`, `12/30/2025`, `3/14/2025` or `2025/12/30`, if it is a real date.
    public static func parse(_ text: String) -> String? {
        let s = text.trimmingCharacters(in: .whitespaces)
        let parts: [Int]
        if s.range(of: #"^[0-9]{4}[-/][0-9]{1,2}[-/][0-9]{1,2}$"#, options: .regularExpression) != nil {
            parts = s.split(whereSeparator: { $0 == "-" || $0 == "/" }).compactMap { Int($0) }
        } else if s.range(of: #"^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}$"#, options: .regularExpression) != nil {
            let mdy = s.split(separator: "/").compactMap { Int($0) }
            parts = [mdy[2], mdy[0], mdy[1]]
        } else {
            return nil
        }
        return make(year: parts[0], month: parts[1], day: parts[2])
    }

    /// `YYYY-MM` from `2026-03` or `2026/03`, if it is a real month.
    public static func month(_ text: String) -> String? {
        parse(text.trimmingCharacters(in: .whitespaces) + "-01").map { String($0.prefix(7)) }
    }

    /// A date written in a file name: `2025-12-30-output.json`, `output_2026_0820.json`.
    public static func inFileName(_ name: String) -> String? {
        if let r = name.range(of: #"[0-9]{4}-[0-9]{2}-[0-9]{2}"#, options: .regularExpression) {
            return parse(String(name[r]))
        }
        if let r = name.range(of: #"[0-9]{4}_[0-9]{4}"#, options: .regularExpression) {
            let digits = name[r].filter(\.isNumber).compactMap { Int(String($0)) }
            let year = digits[0...3].reduce(0) { $0 * 10 + $1 }
            return make(year: year, month: digits[4] * 10 + digits[5], day: digits[6] * 10 + digits[7])
        }
        return nil
    }

    public static func make(year: Int, month: Int, day: Int) -> String? {
        guard (1...12).contains(month), day >= 1, year >= 1900, year <= 9999 else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard day <= days else { return nil }
        // Not String(format:): this runs for every line of a snapshot of millions.
        func padded(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
    }
}

/// The prefix some feeds put before abstracts:
/// `arXiv:2501.09412v1 Announce Type: new  Abstract: ...`.
enum FeedPrefix {
    /// The abstract without the prefix, and the version and announce type the prefix gave.
    static func strip(_ abstract: String) -> (abstract: String, version: Int?, announceType: String?) {
        let none = (collapseWhitespace(abstract), nil as Int?, nil as String?)
        var rest = Substring(abstract).drop(while: \.isWhitespace)
        guard rest.hasPrefix("arXiv:") else { return none }
        rest = rest.dropFirst(6)
        let id = rest.prefix(while: { !$0.isWhitespace })
        let versionDigits = id.reversed().prefix(while: \.isASCIIDigit)
        guard !versionDigits.isEmpty, id.dropLast(versionDigits.count).last == "v" else { return none }
        rest = rest.dropFirst(id.count).drop(while: \.isWhitespace)
        guard rest.hasPrefix("Announce Type:") else { return none }
        rest = rest.dropFirst("Announce Type:".count).drop(while: \.isWhitespace)
        let type = rest.prefix(while: { !$0.isWhitespace })
        rest = rest.dropFirst(type.count).drop(while: \.isWhitespace)
        guard rest.hasPrefix("Abstract:") else { return none }
        return (collapseWhitespace(String(rest.dropFirst("Abstract:".count))), Int(String(versionDigits.reversed())), String(type))
    }
}

enum AuthorList {
    /// Splits `A, B (Univ X, Dept Y), C and D` into `[A, B, C, D]`:
    /// commas inside parentheses do not split, affiliations are dropped.
    static func split(_ line: String) -> [String] {
        // The common case, no affiliations and no "and": a plain comma split.
        if !line.utf8.contains(UInt8(ascii: "(")) && !line.containsBytes(" and ") {
            return line.utf8.split(separator: UInt8(ascii: ",")).map { collapseWhitespace(String(Substring($0))) }.filter { !$0.isEmpty }
        }
        var names: [String] = []
        var current = ""
        var depth = 0
        for c in line {
            switch c {
            case "(": depth += 1; current.append(c)
            case ")": depth = max(0, depth - 1); current.append(c)
            case "," where depth == 0:
                names.append(current); current = ""
            default: current.append(c)
            }
        }
        names.append(current)
        return clean(names.flatMap { $0.components(separatedByBytes: " and ") })
    }

    /// Cleans a list a JSON file gave, whose elements a naive comma split may
    /// have cut inside an affiliation: `["A (Univ X", "Dept Y)", "B"]`.
    static func rejoin(_ elements: [String]) -> [String] {
        var names: [String] = []
        var pending: String?
        for element in elements {
            let joined = pending.map { $0 + ", " + element } ?? element
            let open = joined.utf8.count { $0 == UInt8(ascii: "(") }, close = joined.utf8.count { $0 == UInt8(ascii: ")") }
            if open > close { pending = joined } else { names.append(joined); pending = nil }
        }
        if let pending { names.append(pending) }
        return clean(names)
    }

    private static func clean(_ names: [String]) -> [String] {
        names.map { removeAffiliations($0).trimmed }
            .map { $0.hasPrefix("and ") ? String($0.dropFirst(4)) : $0 }
            .filter { !$0.isEmpty }
    }

    private static func removeAffiliations(_ name: String) -> String {
        guard name.utf8.contains(UInt8(ascii: "(")) || name.utf8.contains(UInt8(ascii: ")")) else { return collapseWhitespace(name) }
        var out = ""
        var depth = 0
        for c in name {
            if c == "(" { depth += 1 } else if c == ")" { depth = max(0, depth - 1) } else if depth == 0 { out.append(c) }
        }
        return out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

enum Number {
    /// An integer from `10`, `"10"`, `10.0` or `"10.0"`.
    static func int(_ value: Any?) -> Int? {
        guard let d = double(value), d.rounded() == d, abs(d) < 1e9 else { return nil }
        return Int(d)
    }

    static func double(_ value: Any?) -> Double? {
        switch value {
        case let n as Int: return Double(n)
        case let n as Double: return n
        case let n as NSNumber: return n.doubleValue
        case let s as String: return Double(s.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    /// A run's token counts and costs beyond these are misreadings, not a
    /// day's figures (a trillion tokens, a billion dollars): they read as no
    /// number, so that a sum over every run can neither overflow nor be infinite.
    static let largestCount = 1_000_000_000_000
    static let largestAmount = 1_000_000_000.0

    /// `$0.53` -> 0.53.
    static func money(_ text: Substring) -> Double? {
        let amount = Double(text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "$", with: "").replacingOccurrences(of: ",", with: ""))
        return amount.flatMap { (0...largestAmount).contains($0) ? $0 : nil }
    }

    /// `54,533` -> 54533.
    static func count(_ text: Substring) -> Int? {
        let count = Int(text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ""))
        return count.flatMap { (0...largestCount).contains($0) ? $0 : nil }
    }
}

extension DigestPaper {
    /// Fills what every format leaves implicit: the author-match flag from the
    /// comment, and the score the digest tools compute when the file has none.
    mutating func completeVerdict() {
        if let c = comment?.trimmed, c.caseInsensitiveCompare("Author match") == .orderedSame {
            authorMatch = true
        }
        if score == nil {
            if let r = relevance, let n = novelty { score = Double(r + n) }
            else if authorMatch { score = 20 }
        }
    }
}
