// Names/: people's names: TeX decoding and encoding, keys for matching, how
// closely two names match. Foundation only.

/// How closely a name found in the archive matches the name a user asked for.
public enum NameMatchLevel: String, Sendable, Codable, Comparable {
    /// Same key: `Marcel Rod` and `Marcel R{\o}d`.
    case exact
    /// Same surname, forenames consistent: `Y. Bengio` and `Yoshua Bengio`.
    case compatible
    /// Same surname only: reported as possible, never silently a match.
    case surname

    private var strength: Int {
        switch self {
        case .exact: 3
        case .compatible: 2
        case .surname: 1
        }
    }

    public static func < (lhs: NameMatchLevel, rhs: NameMatchLevel) -> Bool { lhs.strength < rhs.strength }
}

/// Compares person names by their keys.
///
/// The surname is the key's last word. Forenames are consistent when the
/// first forenames agree (equal, or one is the initial of the other) and the
/// remaining forenames of the shorter list appear, in order, among those of
/// the longer one: `Y. Bengio` ~ `Yoshua Bengio` ~ `Yoshua J. Bengio`, but
/// `Samy Bengio` and `Emmanuel Bengio` are other people.
public enum NameMatcher {
    /// The level at which `candidate` matches `query`, or nil when the
    /// surnames differ.
    public static func match(query: String, candidate: String) -> NameMatchLevel? {
        if query == candidate, !query.isEmpty { return .exact }
        let q = query.split(separator: " ").map(String.init)
        let c = candidate.split(separator: " ").map(String.init)
        guard let qSurname = q.last, let cSurname = c.last, qSurname == cSurname else { return nil }
        let qFore = Array(q.dropLast()), cFore = Array(c.dropLast())
        if qFore.isEmpty || cFore.isEmpty { return .surname }
        return forenamesConsistent(qFore, cFore) ? .compatible : .surname
    }

    static func forenamesConsistent(_ a: [String], _ b: [String]) -> Bool {
        guard agree(a[0], b[0]) else { return false }
        let (short, long) = a.count <= b.count ? (a.dropFirst(), b.dropFirst()) : (b.dropFirst(), a.dropFirst())
        var rest = long[...]
        for word in short {
            guard let found = rest.firstIndex(where: { agree(word, $0) }) else { return false }
            rest = rest[(found + 1)...]
        }
        return true
    }

    /// Two forename words agree when equal, or when one is a single letter
    /// that begins the other.
    static func agree(_ x: String, _ y: String) -> Bool {
        if x == y { return true }
        if x.count == 1, y.hasPrefix(x) { return true }
        if y.count == 1, x.hasPrefix(y) { return true }
        return false
    }
}
