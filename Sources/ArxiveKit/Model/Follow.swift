/// A person to follow, as `arxive follow` or an authors.txt line gives it.
public struct FollowRequest: Equatable, Sendable {
    /// The name as the user wrote it (TeX allowed).
    public var name: String
    public var semanticScholarIDs: [String]
    public var note: String?
    /// Namesakes this rule must not match.
    public var exceptions: [String]

    public init(name: String, semanticScholarIDs: [String] = [], note: String? = nil, exceptions: [String] = []) {
        self.name = name
        self.semanticScholarIDs = semanticScholarIDs
        self.note = note
        self.exceptions = exceptions
    }

    /// The match key of the name.
    public var key: String { PersonName.key(for: name) }
}

/// A stored rule, with what it finds in the archive (`arxive following`).
public struct FollowRule: Encodable, Equatable, Sendable {
    public var name: String
    public var key: String
    public var semanticScholarIDs: [String]
    @OrNull public var note: String?
    public var exceptions: [String]
    /// Papers the rule matches (exactly or compatibly) across the history.
    public var papers: Int
    /// The last day a run listed one of them.
    @OrNull public var lastSeen: String?

    /// The names as they are, but `IDs`, which snake_case would cut as `i_ds`.
    enum CodingKeys: String, CodingKey {
        case name, key, semanticScholarIDs = "semanticScholarIds", note, exceptions, papers, lastSeen
    }
}

/// What `arxive matches --audit` found.
public struct MatchAudit: Encodable, Equatable, Sendable {
    /// Papers the digest flagged "Author match" that no rule explains.
    public var unexplained: [PaperHit]
    /// Papers the rules match that the digest never flagged.
    public var unflagged: [PaperHit]
}
