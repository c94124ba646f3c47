import Foundation

/// Months and ISO weeks between two days, as `Period`s.
enum Periods {
    static let calendar: Calendar = {
        var c = Calendar(identifier: .iso8601)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    static let dayFormat: DateFormatter = {
        let f = DateFormatter()
        f.calendar = calendar
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        return f
    }()

    /// The periods of `kind` that cover `first`...`last` (`YYYY-MM-DD`), oldest first.
    static func covering(_ first: String, _ last: String, by kind: PeriodKind) -> [Period] {
        guard let start = dayFormat.date(from: first), let end = dayFormat.date(from: last), start <= end else { return [] }
        var periods: [Period] = []
        switch kind {
        case .month:
            var month = calendar.date(from: calendar.dateComponents([.year, .month], from: start))!
            while month <= end {
                let next = calendar.date(byAdding: .month, value: 1, to: month)!
                let label = String(dayFormat.string(from: month).prefix(7))
                periods.append(
                    Period(
                        label: label, first: dayFormat.string(from: month),
                        last: dayFormat.string(from: calendar.date(byAdding: .day, value: -1, to: next)!)))
                month = next
            }
        case .week:
            var monday = calendar.date(from: calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: start))!
            while monday <= end {
                let c = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: monday)
                let label = String(format: "%04d-W%02d", c.yearForWeekOfYear!, c.weekOfYear!)
                periods.append(
                    Period(
                        label: label, first: dayFormat.string(from: monday),
                        last: dayFormat.string(from: calendar.date(byAdding: .day, value: 6, to: monday)!)))
                monday = calendar.date(byAdding: .day, value: 7, to: monday)!
            }
        }
        return periods
    }

    /// The period of `kind` just before `period`.
    static func before(_ period: Period, by kind: PeriodKind) -> Period {
        let day = dayFormat.string(from: calendar.date(byAdding: .day, value: -1, to: dayFormat.date(from: period.first)!)!)
        return covering(day, day, by: kind)[0]
    }
}
