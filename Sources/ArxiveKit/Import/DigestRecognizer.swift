import Foundation

/// Tells, from a file's content alone, which reader takes it.
public enum DigestRecognizer {
    public enum Kind: Equatable, Sendable {
        case digest(Digest.Format)
        /// A page the digest tools write that holds no run of its own (the
        /// site's monthly overview): skipped, not an error.
        case notADigest(String)
        case unknown
    }

    public static func recognize(_ text: String) -> Kind {
        let head = text.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" })
        if head.hasPrefix("{") { return .digest(.json) }
        // The title sits within the first lines (after a navigation block or a remedial-run note).
        // Split as bytes: splitting as characters was most of recognising a file.
        let lines = head.utf8.split(separator: UInt8(ascii: "\n"), maxSplits: 60, omittingEmptySubsequences: false).prefix(60)
        for line in lines {
            let l = String(Substring(line)).trimmed
            // Cheap test first: regular expressions are costly to build, and most lines are not titles.
            guard l.hasPrefix("#") || l.hasPrefix("Personalized") else { continue }
            if l.range(of: MarkdownDigestReader.titlePattern, options: .regularExpression) != nil { return .digest(.markdown) }
            if l.range(of: #"^#\s+Personalized Monthly Ar[xX]iv Paper"#, options: .regularExpression) != nil {
                return .notADigest("a monthly overview page")
            }
            if l.range(of: PageTextDigestReader.titlePattern, options: .regularExpression) != nil { return .digest(.pageText) }
        }
        return .unknown
    }

    /// Reads `data` with the reader its content calls for. A Markdown page of
    /// one of `skippingPapersOn` is read for its header only (see
    /// `MarkdownDigestReader.read`).
    public static func read(_ data: Data, skippingPapersOn days: Set<String> = []) throws(DigestReadError) -> Digest? {
        // Validated by the standard library, which is several times faster
        // than Foundation's decoding; a byte order mark is dropped as
        // Foundation would.
        let body = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
        guard let text = String(validating: body, as: UTF8.self) else {
            throw DigestReadError("not UTF-8 text")
        }
        let digest: Digest
        switch recognize(text) {
        case .digest(.json): digest = try JSONDigestReader.read(data)
        case .digest(.markdown): digest = try MarkdownDigestReader.read(text, skippingPapersOn: days)
        case .digest(.pageText): digest = try PageTextDigestReader.read(text)
        case .notADigest: return nil
        case .unknown:
            throw DigestReadError("not a digest arxive knows (no 'Personalized Daily ArXiv Papers' title, not a JSON digest)")
        }
        return digest.withoutControlCharacters()
    }
}

extension Digest {
    /// The digest with no control character that a terminal printing it would
    /// obey. Titles, abstracts and names have none already (`collapseWhitespace`);
    /// the texts that keep their lines keep their line breaks and tabs.
    func withoutControlCharacters() -> Digest {
        var digest = self
        if var header = digest.header {
            header.model = header.model.map(collapseWhitespace)
            header.notes = header.notes.map(collapseWhitespace)
            header.selectionPrompt = header.selectionPrompt.map(removingControlCharacters)
            digest.header = header
        }
        for index in digest.papers.indices {
            digest.papers[index].comment = digest.papers[index].comment.map(removingControlCharacters)
        }
        return digest
    }
}
