import Foundation

/// The texts a digest gives of a paper beyond its English title and
/// abstract, read from the keys its file wrote (kept in the verdict's
/// `extra` as well): translations (`title_cn`, `abstract_cn`: field and
/// language) and an AI summary (`AI_tldr`, `AI_motivation`, ...: the
/// digest's own language). The archive keeps them searchable (`paper_texts`).
public struct PaperText: Sendable, Equatable {
    public var field: String
    /// As the source names it (`cn`); empty for the digest's own language.
    public var language: String
    public var text: String

    /// The texts in a verdict's `extra`; none when it has no such key.
    static func texts(inExtra extra: String?) -> [PaperText] {
        // Byte searches: this runs on every verdict an import stores, and few carry such keys.
        guard let extra, extra.containsBytes("\"AI_") || extra.containsBytes("\"title_") || extra.containsBytes("\"abstract_"),
            let fields = (try? JSONSerialization.jsonObject(with: Data(extra.utf8))) as? [String: Any]
        else { return [] }
        var texts: [PaperText] = []
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
            guard let text = (value as? String).map(collapseWhitespace), !text.isEmpty, !JSONDigestReader.isPlaceholder(text) else { continue }
            if key.hasPrefix("AI_") {
                let field = String(key.dropFirst(3))
                guard AIEnhancedReader.aiFields.contains(field) else { continue }  // not code_url, code_stars
                texts.append(PaperText(field: field, language: "", text: text))
            } else if let underscore = key.firstIndex(of: "_"), ["title", "abstract"].contains(key[..<underscore]) {
                texts.append(PaperText(field: String(key[..<underscore]), language: String(key[key.index(after: underscore)...]), text: text))
            }
        }
        return texts
    }
}
