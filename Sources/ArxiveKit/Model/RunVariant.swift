/// Which run of its day a run is. A digest publishes one run a day (its
/// JSON and its page); when the generator ran twice, the day's topic bundle
/// can hold the other run, with its own papers, usage and topics
/// (`Archive.runVariant` decides). Stored in `runs.variant`.
public enum RunVariant: String, Sendable, CaseIterable {
    /// The run the day's page and JSON published.
    case published = ""
    /// Another run of the day, known only from its topic bundle.
    case bundle

    /// How the user names it (`day DATE --run bundle`).
    public var name: String { self == .published ? "published" : rawValue }

    /// What `--json`, exports and archive files write under `run`: nothing
    /// for the published run (their contract for every other day is as it was).
    public var writtenName: String? { self == .published ? nil : name }

    public init?(name: String) {
        guard let variant = RunVariant.allCases.first(where: { $0.name == name }) else { return nil }
        self = variant
    }
}
