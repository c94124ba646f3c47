import Foundation

/// Numbers as JSON digests write them: numbers or numeric strings.
enum Number {
    /// An integer from `10`, `"10"`, `10.0` or `"10.0"`.
    static func int(_ value: Any?) -> Int? {
        guard let d = double(value), d.rounded() == d, abs(d) < 1e9 else { return nil }
        return Int(d)
    }

    static func double(_ value: Any?) -> Double? {
        switch value {
        case let n as Int: return Double(n)
        case let n as Double: return n
        case let n as NSNumber: return n.doubleValue
        case let s as String: return Double(s.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    /// A run's token counts and costs beyond these are misreadings, not a
    /// day's figures (a trillion tokens, a billion dollars): they read as no
    /// number, so that a sum over every run can neither overflow nor be infinite.
    static let largestCount = 1_000_000_000_000
    static let largestAmount = 1_000_000_000.0

    /// `$0.53` -> 0.53.
    static func money(_ text: Substring) -> Double? {
        let amount = Double(text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "$", with: "").replacingOccurrences(of: ",", with: ""))
        return amount.flatMap { (0...largestAmount).contains($0) ? $0 : nil }
    }

    /// `54,533` -> 54533.
    static func count(_ text: Substring) -> Int? {
        let count = Int(text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ""))
        return count.flatMap { (0...largestCount).contains($0) ? $0 : nil }
    }
}
