import Foundation

extension DigestPaper {
    /// Fills what every format leaves implicit: the author-match flag from the
    /// comment, and the score the digest tools compute when the file has none.
    mutating func completeVerdict() {
        if let c = comment?.trimmed, c.caseInsensitiveCompare("Author match") == .orderedSame {
            authorMatch = true
        }
        if score == nil {
            if let r = relevance, let n = novelty { score = Double(r + n) } else if authorMatch { score = 20 }
        }
    }
}
