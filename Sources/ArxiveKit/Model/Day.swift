import Foundation

/// A calendar day, held as its `YYYY-MM-DD` text: parsed once where it
/// enters (a command-line argument, a query's `date:`), then compared,
/// stored and printed as that text. Ordering the text orders the days.
///
/// The archive's columns and the readers keep days as that text too; a
/// `Day` says that the text was checked, and carries the day arithmetic
/// (its month, the month's days) that was `prefix(7)` and `+ "-01"`.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// `YYYY-MM-DD`.
    public let text: String

    /// The day `text` names when it is written `YYYY-MM-DD` and is a real date.
    public init?(_ text: String) {
        let u = Array(text.utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-"),
            let year = Day.number(u[0..<4]), let month = Day.number(u[5..<7]), let day = Day.number(u[8..<10]),
            Day.isReal(year: year, month: month, day: day)
        else { return nil }
        self.text = text
    }

    /// A day made by the arithmetic below, from parts known to be well formed.
    init(checked text: String) { self.text = text }

    /// The day of the month, 1 to 31.
    public var number: Int { Int(text.suffix(2))! }

    /// The day's month.
    public var month: Month { Month(checked: String(text.prefix(7))) }

    public var description: String { text }

    public static func < (a: Day, b: Day) -> Bool { a.text < b.text }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a YYYY-MM-DD date"))
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    /// Whether year, month and day make a date of the Gregorian calendar,
    /// years 0 to 9999 (four digits). The one place that decides.
    public static func isReal(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1, (0...9999).contains(year) else { return false }
        return day <= Month.length(year: year, month: month)
    }

    static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var n = 0
        for d in digits {
            guard (48...57).contains(d) else { return nil }
            n = n * 10 + Int(d - 48)
        }
        return n
    }
}

/// A calendar month, held as its `YYYY-MM` text, like `Day`.
public struct Month: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// `YYYY-MM`.
    public let text: String

    /// The month `text` names when it is written `YYYY-MM`.
    public init?(_ text: String) {
        guard Day(text + "-01") != nil else { return nil }
        self.text = text
    }

    /// A month known to be well formed (the prefix of a `Day`).
    init(checked text: String) { self.text = text }

    public var year: Int { Int(text.prefix(4))! }
    public var number: Int { Int(text.suffix(2))! }

    public var firstDay: Day { Day(checked: text + "-01") }
    public var lastDay: Day { Day(checked: text + "-" + Month.padded(Month.length(year: year, month: number), 2)) }
    /// Every day of the month, in order.
    public var days: [Day] { (1...Month.length(year: year, month: number)).map { Day(checked: text + "-" + Month.padded($0, 2)) } }

    /// The twelve months of a year written `YYYY`; none when it is not one.
    public static func all(ofYear year: String) -> [Month] { (1...12).compactMap { Month(year + "-" + padded($0, 2)) } }

    /// The days of the month as the archive's text compares them: first to last.
    public var dateRange: ClosedRange<String> { firstDay.text...lastDay.text }

    /// The month before this one (0000-01 is the first there is: it stays).
    public var previous: Month {
        if text == "0000-01" { return self }
        return number == 1 ? Month(checked: Month.padded(year - 1, 4) + "-12") : Month(checked: Month.padded(year, 4) + "-" + Month.padded(number - 1, 2))
    }

    /// The month after this one (9999-12 is the last there is: it stays).
    public var next: Month {
        if text == "9999-12" { return self }
        return number == 12 ? Month(checked: Month.padded(year + 1, 4) + "-01") : Month(checked: Month.padded(year, 4) + "-" + Month.padded(number + 1, 2))
    }

    public var description: String { text }

    public static func < (a: Month, b: Month) -> Bool { a.text < b.text }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let month = Month(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a YYYY-MM month"))
        }
        self = month
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    /// How many days a month has.
    static func length(year: Int, month: Int) -> Int {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    /// Not String(format:): `DigestDate` makes a day with it for every line of a snapshot of millions.
    static func padded(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
