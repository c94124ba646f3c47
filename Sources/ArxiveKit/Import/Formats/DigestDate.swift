import Foundation

/// A digest's day, from the many ways the files write it.
public enum DigestDate {
    /// `YYYY-MM-DD` from `2025-12-30`, `12/30/2025`, `3/14/2025` or `2025/12/30`, if it is a real date.
    public static func parse(_ text: String) -> String? {
        let s = text.trimmingCharacters(in: .whitespaces)
        let parts: [Int]
        if s.range(of: #"^[0-9]{4}[-/][0-9]{1,2}[-/][0-9]{1,2}$"#, options: .regularExpression) != nil {
            parts = s.split(whereSeparator: { $0 == "-" || $0 == "/" }).compactMap { Int($0) }
        } else if s.range(of: #"^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}$"#, options: .regularExpression) != nil {
            let mdy = s.split(separator: "/").compactMap { Int($0) }
            parts = [mdy[2], mdy[0], mdy[1]]
        } else {
            return nil
        }
        return make(year: parts[0], month: parts[1], day: parts[2])
    }

    /// `YYYY-MM` from `2026-03` or `2026/03`, if it is a real month.
    public static func month(_ text: String) -> String? {
        parse(text.trimmingCharacters(in: .whitespaces) + "-01").flatMap(Day.init)?.month.text
    }

    /// A date written in a file name: `2025-12-30-output.json`, `output_2026_0820.json`.
    public static func inFileName(_ name: String) -> String? {
        if let r = name.range(of: #"[0-9]{4}-[0-9]{2}-[0-9]{2}"#, options: .regularExpression) {
            return parse(String(name[r]))
        }
        if let r = name.range(of: #"[0-9]{4}_[0-9]{4}"#, options: .regularExpression) {
            let digits = name[r].filter(\.isNumber).compactMap { Int(String($0)) }
            let year = digits[0...3].reduce(0) { $0 * 10 + $1 }
            return make(year: year, month: digits[4] * 10 + digits[5], day: digits[6] * 10 + digits[7])
        }
        return nil
    }

    /// `YYYY-MM-DD` for a real date (`Day.isReal` decides) that a digest
    /// can carry (1900 or later), else nil.
    public static func make(year: Int, month: Int, day: Int) -> String? {
        guard year >= 1900, Day.isReal(year: year, month: month, day: day) else { return nil }
        return Month.padded(year, 4) + "-" + Month.padded(month, 2) + "-" + Month.padded(day, 2)
    }
}
