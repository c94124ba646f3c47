import Foundation

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
