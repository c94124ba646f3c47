import Foundation
import Testing

@testable import ArxiveKit

@Suite("Days and months")
struct DayTests {
    @Test("A day is YYYY-MM-DD and a real date; a month is YYYY-MM")
    func parsing() {
        #expect(Day("2024-02-29")?.text == "2024-02-29")
        #expect(Day("2000-02-29") != nil, "2000 is a leap year")
        for bad in [
            "2025-02-29", "1900-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "2025-1-01", "2025/01/01", " 2025-01-01", "", "abcd-ef-gh", "-001-12-31",
            "10000-01-01",
        ] {
            #expect(Day(bad) == nil, "\(bad)")
        }
        #expect(Month("2025-12")?.text == "2025-12")
        for bad in ["2025-13", "2025-00", "2025-1", "2025-12-01", "2025", "25-12"] { #expect(Month(bad) == nil, "\(bad)") }
        #expect(Month.all(ofYear: "2024").map(\.text).first == "2024-01" && Month.all(ofYear: "2024").count == 12)
        #expect(Month.all(ofYear: "20x4").isEmpty && Month.all(ofYear: "12345").isEmpty)
    }

    @Test("Month arithmetic agrees with Foundation's calendar, 1900 to 2100")
    func againstFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        var month = Month("1900-01")!
        while month.year <= 2100 {
            let start = try #require(calendar.date(from: DateComponents(year: month.year, month: month.number, day: 1)))
            let length = try #require(calendar.range(of: .day, in: .month, for: start)).count
            #expect(month.days.count == length, "\(month)")
            #expect(month.lastDay.number == length && month.firstDay.number == 1)
            #expect(month.next.previous == month && month.next > month && month.previous < month)
            #expect(month.days.allSatisfy { $0.month == month })
            month = month.next
        }
        #expect(Month("2025-01")?.previous.text == "2024-12" && Month("2024-12")?.next.text == "2025-01")
    }

    @Test("JSON carries days and months as their text, and refuses what is none")
    func codable() throws {
        struct Both: Codable, Equatable { var day: Day; var month: Month }
        let value = Both(day: Day("2025-12-30")!, month: Month("2025-12")!)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = try encoder.encode(value)
        #expect(String(decoding: json, as: UTF8.self) == #"{"day":"2025-12-30","month":"2025-12"}"#)
        #expect(try JSONDecoder().decode(Both.self, from: json) == value)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Both.self, from: Data(#"{"day":"2025-02-30","month":"2025-12"}"#.utf8)) }
    }

    @Test("The archive reads and binds them as text")
    func database() throws {
        let archive = try fixtureArchive()
        let runs = try archive.runs()
        let december = runs.filter { $0.date.hasPrefix("2025-12") }
        #expect(!december.isEmpty && december.count < runs.count)
        #expect(try archive.runs(month: Month("2025-12")!).map(\.date) == december.map(\.date))
        #expect(try archive.runs(month: Month("1999-01")!).isEmpty)
        #expect(try archive.day(Day(december[0].date)!).map(\.run.date) == runs.filter { $0.date == december[0].date }.map(\.date))
        #expect(try archive.database.read { try Day.fetchAll($0, sql: "SELECT date FROM runs ORDER BY date") } == runs.map(\.date).sorted().map { Day($0)! })
    }
}
