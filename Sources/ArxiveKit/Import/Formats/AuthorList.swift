import Foundation

/// Author lists as the digests write them, split into names and joined back.
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
