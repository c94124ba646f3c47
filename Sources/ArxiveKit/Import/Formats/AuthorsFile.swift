/// Reads the upstream digest tool's `authors.txt`: `Name, SemanticScholarId`
/// per line, `#` comments, blank lines. One person may take several lines
/// (two Semantic Scholar profiles, a name with and without a middle
/// initial): lines whose names match compatibly become one rule.
public enum AuthorsFile {
    public static func read(_ text: String) throws(DigestReadError) -> [FollowRequest] {
        var people: [FollowRequest] = []
        for (index, raw) in TextLines.split(text).enumerated() {
            let line = raw.trimmed
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmed }
            let name = parts[0]
            guard !PersonName.key(for: name).isEmpty else {
                throw DigestReadError(line: index + 1, "'\(line)' does not start with a name")
            }
            let ids = parts.dropFirst().filter { !$0.isEmpty }
            if let bad = ids.first(where: { !$0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }) {
                throw DigestReadError(line: index + 1, "'\(bad)' is not a Semantic Scholar id (digits)")
            }
            let key = PersonName.key(for: name)
            if let same = people.firstIndex(where: { NameMatcher.match(query: $0.key, candidate: key).map { $0 >= .compatible } ?? false }) {
                people[same].semanticScholarIDs += ids.filter { !people[same].semanticScholarIDs.contains($0) }
            } else {
                people.append(FollowRequest(name: name, semanticScholarIDs: Array(ids)))
            }
        }
        return people
    }
}
