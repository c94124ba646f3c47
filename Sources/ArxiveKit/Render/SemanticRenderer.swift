import Foundation

/// What `arxive model` reports.
public struct ModelStatus: Encodable, Sendable {
    public var folder: String
    public var installed: Bool
    public var identity: String?
    public var dimension: Int?
    public var maxTokens: Int?
    /// Nil when there is no archive yet.
    public var vectors: VectorStatus?

    public init(folder: String, installed: Bool, identity: String?, dimension: Int?, maxTokens: Int?, vectors: VectorStatus?) {
        self.folder = folder
        self.installed = installed
        self.identity = identity
        self.dimension = dimension
        self.maxTokens = maxTokens
        self.vectors = vectors
    }
}

/// Text for the model and its vectors.
public enum SemanticRenderer {
    public static func modelStatus(_ status: ModelStatus) -> String {
        guard status.installed, let identity = status.identity else {
            return """
                No model at \(status.folder).
                Search ranks by words only. To search by meaning too: arxive model install, then arxive embed.
                """
        }
        var lines = [
            "Model:  \(identity)",
            "Folder: \(status.folder)",
            "Shape:  \(status.dimension ?? 0) dimensions, \(status.maxTokens ?? 0) tokens at most",
        ]
        if let vectors = status.vectors {
            lines.append(
                "Vectors: \(vectors.embedded) of \(vectors.papers) papers (\(byteCount(vectors.bytes)))"
                    + (vectors.otherModel > 0 ? "; \(vectors.otherModel) made by another model" : ""))
            if vectors.embedded < vectors.papers { lines.append("Next: arxive embed") }
        }
        return lines.joined(separator: "\n")
    }

    /// `embed`'s closing line.
    public static func embedSummary(embedded: Int, seconds: Double, status: VectorStatus) -> String {
        let rate = seconds > 0 ? String(format: "%.1f", Double(embedded) / seconds) : "-"
        return "Embedded \(embedded) papers in \(String(format: "%.1f", seconds)) s (\(rate) per second); "
            + "\(status.embedded) of \(status.papers) papers have vectors (\(byteCount(status.bytes)))."
    }

    static func byteCount(_ bytes: Int) -> String {
        bytes < 1 << 20 ? String(format: "%.0f KB", Double(bytes) / 1024) : String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }
}
