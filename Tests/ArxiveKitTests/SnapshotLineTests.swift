import DigestGenerator
import Foundation
import Testing

@testable import ArxiveKit

/// Snapshot lines are read by arxive's own JSON cursor, not by Foundation
/// (see `JSONCursor`): on any line it must read what Foundation's parser
/// reads, and refuse what Foundation refuses.
@Suite("Snapshot lines read as Foundation's JSON parser reads them")
struct SnapshotLineTests {
    /// Text with what JSON must escape, non-ASCII and astral characters.
    static let alphabet: [Character] = Array("ab Z/\\\"\n\t\u{1}éø中😀\u{0301}{}[],:")

    /// A random JSON writer: every character may come as itself or as a
    /// `\u` escape (astral ones as surrogate pairs), white space anywhere.
    struct Writer {
        var random: SeededRandom

        mutating func space() -> String { random.chance(0.2) ? random.pick([" ", "\t", "  ", "\r\n "]) : "" }

        mutating func string(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += random.chance(0.5) ? "\\\"" : "\\u0022"
                case "\\": out += "\\\\"
                case "/": out += random.chance(0.5) ? "\\/" : "/"
                case "\n": out += random.chance(0.5) ? "\\n" : "\\u000a"
                case "\t": out += "\\t"
                case _ where scalar.value < 0x20 || random.chance(0.1):
                    for unit in String(scalar).utf16 { out += "\\u" + String(format: "%04X", unit) }
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }

        mutating func text() -> String {
            String((0..<random.int(0...12)).map { _ in random.pick(SnapshotLineTests.alphabet) })
        }

        /// Any JSON value, nested at most `depth` deep.
        mutating func value(depth: Int) -> String {
            switch random.int(0...(depth > 0 ? 6 : 4)) {
            case 0: return "null"
            case 1: return random.pick(["true", "false"])
            case 2: return random.pick(["0", "-12", "3.25", "1e-7", "6.02E+23"])
            case 3, 4: return string(text())
            case 5: return "[" + (0..<random.int(0...3)).map { _ in space() + value(depth: depth - 1) + space() }.joined(separator: ",") + "]"
            default: return object((0..<random.int(0...3)).map { _ in (text(), value(depth: depth - 1)) })
            }
        }

        mutating func object(_ members: [(String, String)]) -> String {
            "{" + space() + members.map { string($0.0) + space() + ":" + space() + $0.1 }.joined(separator: space() + "," + space()) + space() + "}"
        }
    }

    /// Reads a line as arxive does.
    static func read(_ line: String) throws -> SnapshotLine {
        try Array(line.utf8).withUnsafeBufferPointer { try SnapshotLine($0) }
    }

    @Test("Strings, name lists, version days and every other key come out as Foundation reads them")
    func agreesWithFoundation() throws {
        for seed in 0..<2_000 {
            var writer = Writer(random: SeededRandom(seed: UInt64(seed)))
            var members: [(String, String)] = []
            let keys = [
                "id", "title", "abstract", "authors", "categories", "update_date", "authors_parsed",
                "versions", "submitter", "doi", "comments", "journal-ref", "other key", "x\"y", "nested",
            ]
            for key in keys where writer.random.chance(0.8) {
                switch key {
                case "authors_parsed":
                    let names = (0..<writer.random.int(0...3)).map { _ in
                        "[" + (0..<writer.random.int(0...3)).map { _ in writer.string(writer.text()) }.joined(separator: ",") + "]"
                    }
                    members.append((key, "[" + names.joined(separator: ",") + "]"))
                case "versions":
                    let versions = (0..<writer.random.int(0...3)).map { n in
                        writer.object([("version", writer.string("v\(n + 1)")), ("created", writer.random.chance(0.9) ? writer.string(writer.text()) : "null")])
                    }
                    members.append((key, "[" + versions.joined(separator: ",") + "]"))
                case "nested", "other key", "x\"y", "doi":
                    members.append((key, writer.value(depth: 3)))
                default:
                    members.append((key, writer.random.chance(0.1) ? "null" : writer.string(writer.text())))
                }
            }
            members.shuffle(using: &writer.random)
            let line = writer.object(members)
            let foundation = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
            let ours = try SnapshotLineTests.read(line)

            for (key, field) in [
                ("id", ours.id), ("title", ours.title), ("abstract", ours.abstract), ("authors", ours.authors),
                ("categories", ours.categories), ("update_date", ours.updateDate),
            ] {
                #expect(field == foundation[key] as? String, "\(key) of \(line)")
            }
            #expect(ours.authorsParsed == foundation["authors_parsed"] as? [[String]], "\(line)")
            let versions = foundation["versions"] as? [[String: Any]]
            #expect(ours.hasVersions == (versions != nil))
            #expect(ours.created == (versions ?? []).compactMap { $0["created"] as? String }, "\(line)")

            let columns: Set<String> = ["id", "title", "abstract", "authors", "categories", "update_date", "authors_parsed"]
            let others = foundation.filter { !columns.contains($0.key) && !($0.value is NSNull) }
            if others.isEmpty {
                #expect(ours.extra == nil, "\(line)")
            } else {
                let extra = try #require(ours.extra)
                let parsed = try #require(try JSONSerialization.jsonObject(with: Data(extra.utf8)) as? [String: Any], "\(extra)")
                func canonical(_ object: [String: Any]) throws -> String {
                    String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
                }
                #expect(try canonical(parsed) == canonical(others), "\(extra) from \(line)")
                var written: [String] = []
                try Array(extra.utf8).withUnsafeBufferPointer { bytes in
                    var cursor = JSONCursor(bytes)
                    try cursor.object { key, cursor throws(JSONCursor.Failure) in
                        written.append(key); try cursor.skipValue()
                    }
                }
                #expect(written == written.sorted(), "keys are written sorted: \(extra)")
            }
        }
    }

    @Test("A line Foundation refuses is refused, one it reads is read: cuts and changed bytes")
    func refusesWhatFoundationRefuses() throws {
        var random = SeededRandom(seed: 11)
        let broken: [UInt8] = Array("{}[],:\"\\0-.eEnu1 x".utf8)
        for seed in 0..<3_000 {
            var writer = Writer(random: SeededRandom(seed: UInt64(seed)))
            var bytes = Array(
                writer.object([
                    ("id", writer.string("0704.0001")), ("title", writer.string(writer.text())),
                    ("more", writer.value(depth: 2)),
                ]).utf8)
            switch random.int(0...2) {
            case 0: bytes = Array(bytes.prefix(random.int(0...(bytes.count - 1))))
            case 1: bytes[random.int(0...(bytes.count - 1))] = random.pick(broken)
            default: bytes.insert(random.pick(broken), at: random.int(0...bytes.count))
            }
            // Bytes that are not UTF-8 are read as U+FFFD, where Foundation refuses the line: not compared.
            guard String(validating: bytes, as: UTF8.self) != nil else { continue }
            let foundation = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]
            let ours = try? bytes.withUnsafeBufferPointer { try SnapshotLine($0) }
            let text = String(decoding: bytes, as: UTF8.self)
            // A value of the wrong type for a column is refused too, though it is JSON.
            let wrongType =
                foundation.map { f in
                    f["id"].map { !($0 is String || $0 is NSNull) } == true
                        || f["title"].map { !($0 is String || $0 is NSNull) } == true
                } ?? false
            #expect((ours != nil) == (foundation != nil && !wrongType), "\(text)")
            if let ours, let foundation {
                #expect(ours.title == foundation["title"] as? String, "\(text)")
            }
        }
    }

    @Test("What is wrong is named: not JSON, or which key has the wrong type")
    func reasons() throws {
        func reason(_ line: String) -> String? {
            do { _ = try SnapshotLineTests.read(line); return nil } catch { return (error as? DigestReadError)?.message }
        }
        #expect(reason("{not json") == "not a snapshot record (not JSON)")
        #expect(reason("[1, 2]") == "not a snapshot record (not JSON)")
        let deep = "{\"x\": " + String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000) + "}"
        #expect(reason(deep) == "not a snapshot record (not JSON)", "too deep to read, and no stack overflow")
        let fine = "{\"x\": " + String(repeating: "[", count: 500) + String(repeating: "]", count: 500) + "}"
        #expect(reason(fine) == nil)
        #expect(reason("{\"id\": \"0704.0001\"} trailing") == "not a snapshot record (not JSON)")
        #expect(reason("{\"id\": \"0704.0001\", \"title\": 7}") == "not a snapshot record (bad title)")
        #expect(reason("{\"authors_parsed\": [[\"Duval\", 3]]}") == "not a snapshot record (bad authors_parsed)")
        #expect(reason("{\"id\": \"a\\ud800b\"}") == "not a snapshot record (not JSON)", "a lone surrogate is no character")
        var notUTF8 = Array("{\"title\": \"a?b\"}".utf8)
        notUTF8[12] = 0xFF
        #expect(try notUTF8.withUnsafeBufferPointer { try SnapshotLine($0) }.title == "a\u{FFFD}b", "read as U+FFFD")
        #expect(reason("{\"id\": \"0704.0001\", \"doi\": 7, \"x\": {\"y\": [null]}}") == nil, "other keys take any value")
    }

    @Test("A version's day comes from arXiv's `created` text, as Foundation's parser reads it; update_date is taken as it is")
    func days() {
        #expect(SnapshotReader.day(ofCreated: "Mon, 2 Apr 2007 19:18:42 GMT") == "2007-04-02")
        #expect(SnapshotReader.day(ofCreated: "Tue, 31 Dec 1991 23:00:00 GMT") == "1991-12-31")
        #expect(SnapshotReader.day(ofCreated: "Mon, 31 Feb 2007 19:18:42 GMT") == nil, "no such day")
        #expect(SnapshotReader.day(ofCreated: "Mon, 2 Avr 2007 19:18:42 GMT") == nil)
        #expect(SnapshotReader.day(ofCreated: "2 Apr") == nil)
        // The catalogue fields read a version's day with Foundation's parser: the same days.
        var generator = SnapshotGenerator(seed: 5, papers: 300, vocabulary: 200, peopleCount: 50)
        let generated = (0..<300).flatMap { _ in generator.next().versions.map(\.created) }
        for created in generated + ["Mon, 2 Apr 2007 19:18:42 GMT", "Tue, 31 Dec 1991 23:00:00 GMT", "Mon, 31 Feb 2007 19:18:42 GMT", "2 Apr", ""] {
            #expect(CatalogueFields.day(ofCreated: created) == SnapshotReader.day(ofCreated: created), "\(created)")
        }
        #expect(SnapshotReader.day(ofISO: "2007-04-07") == "2007-04-07")
    }

    @Test("Control characters in a record's texts become spaces")
    func controlCharacters() throws {
        let line =
            #"{"id": "0704.0001", "title": "Dark\u001b[2J matter", "abstract": "A\u0007 study.", "categories": "hep-ph\u001b astro-ph", "#
            + #""authors_parsed": [["Ren\u001b]0;x", "Ann", ""]], "update_date": "2008-11-13"}"#
        var names = SnapshotNames()
        let record = try SnapshotReader.record(ArraySlice(line.utf8), names: &names)
        #expect(record.title == "Dark [2J matter")
        #expect(record.abstract == "A study.")
        #expect(record.categories == ["hep-ph", "astro-ph"])
        #expect(record.authors == ["Ann Ren ]0;x"])
    }

    @Test("A name met again has the same display form and key as the first time")
    func names() {
        var names = SnapshotNames()
        let first = names.name("Ren{\\'e}e Duval")
        #expect(first.display == "Renée Duval" && first.key == "renee duval")
        #expect(names.name("Ren{\\'e}e Duval") == first)
        #expect(names.name("Lucja Ma{\\l}ecka").key == "lucja malecka")
    }
}
