import Foundation

/// A digest's day, from the many ways the files write it.
public enum DigestDate {
    /// `YYYY-MM-DD` from `2025-12-30`, `12/30/2025`, `3/14/2025` or `2025/12/30`, if it is a real date.
    ///
    /// Read as bytes, not with a regular expression: every file's name and
    /// every page's header pass here, and Foundation compiled the pattern
    /// anew each time (3% of an import of today's output folder).
    public static func parse(_ text: String) -> String? {
        let s = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        let fields = s.split(omittingEmptySubsequences: false, whereSeparator: { $0 == dash || $0 == slash })
        guard fields.count == 3, fields.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isDigit) }) else { return nil }
        let (a, b, c) = (fields[0], fields[1], fields[2])
        if a.count == 4, (1...2).contains(b.count), (1...2).contains(c.count) {
            return make(year: number(a), month: number(b), day: number(c))
        }
        // Month first only with slashes: 12/30/2025.
        if (1...2).contains(a.count), (1...2).contains(b.count), c.count == 4, !s.contains(dash) {
            return make(year: number(c), month: number(a), day: number(b))
        }
        return nil
    }

    /// `YYYY-MM` from `2026-03` or `2026/03`, if it is a real month.
    public static func month(_ text: String) -> String? {
        parse(text.trimmingCharacters(in: .whitespaces) + "-01").flatMap(Day.init)?.month.text
    }

    /// A date written in a file name: `2025-12-30-output.json`, `output_2026_0820.json`.
    /// The first `YYYY-MM-DD` in the name decides; else the first `YYYY_MMDD`.
    public static func inFileName(_ name: String) -> String? {
        let u = Array(name.utf8)
        if let i = firstIndex(of: "dddd-dd-dd", in: u) {
            return make(year: number(u[i..<(i + 4)]), month: number(u[(i + 5)..<(i + 7)]), day: number(u[(i + 8)..<(i + 10)]))
        }
        if let i = firstIndex(of: "dddd_dddd", in: u) {
            return make(year: number(u[i..<(i + 4)]), month: number(u[(i + 5)..<(i + 7)]), day: number(u[(i + 7)..<(i + 9)]))
        }
        return nil
    }

    /// Where `shape` first stands in `bytes`: `d` is any digit, every other character itself.
    static func firstIndex(of shape: String, in bytes: [UInt8]) -> Int? {
        let shape = Array(shape.utf8)
        guard bytes.count >= shape.count else { return nil }
        return (0...(bytes.count - shape.count)).first { start in
            zip(shape, bytes[start...]).allSatisfy { want, have in want == UInt8(ascii: "d") ? isDigit(have) : want == have }
        }
    }

    private static let dash = UInt8(ascii: "-"), slash = UInt8(ascii: "/")
    private static func isDigit(_ b: UInt8) -> Bool { (48...57).contains(b) }
    private static func number<C: Collection<UInt8>>(_ digits: C) -> Int { digits.reduce(0) { $0 * 10 + Int($1 - 48) } }

    /// `YYYY-MM-DD` for a real date (`Day.isReal` decides) that a digest
    /// can carry (1900 or later), else nil.
    public static func make(year: Int, month: Int, day: Int) -> String? {
        guard year >= 1900, Day.isReal(year: year, month: month, day: day) else { return nil }
        return Month.padded(year, 4) + "-" + Month.padded(month, 2) + "-" + Month.padded(day, 2)
    }
}
