import Foundation
import PropertyBased
import Testing

@testable import ArxiveKit
@testable import DigestGenerator

/// `JSONText` against its reference, `JSONSerialization`.
@Suite("JSON text written by arxive's own writer")
struct JSONTextTests {
    /// What Foundation writes for `value`.
    static func foundation(_ value: Any) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
    }

    /// Every value inside `value` (itself included), depth first.
    static func values(in value: Any) -> [Any] {
        switch value {
        case let object as [String: Any]: [value] + object.values.flatMap(values)
        case let array as [Any]: [value] + array.flatMap(values)
        default: [value]
        }
    }

    /// Checks one value: it reads back as Foundation reads Foundation's text
    /// (keys aside, the same bytes once re-sorted), and each string and
    /// number in it is written byte for byte as Foundation writes it.
    static func check(_ value: Any, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let ours = JSONText.write(value) else {
            Issue.record("not written: \(value)", sourceLocation: sourceLocation)
            return
        }
        let readBack = try! JSONSerialization.jsonObject(with: Data(ours.utf8), options: [.fragmentsAllowed])
        #expect(foundation([readBack]) == foundation([value]), sourceLocation: sourceLocation)
        if !(value is [String: Any]) && !(value is [Any]) {
            #expect("[" + ours + "]" == foundation([value]), sourceLocation: sourceLocation)
        }
    }

    @Test("Every value of every hotspot report of the fixtures, the samples and a generated day")
    func reports() throws {
        var files = try FileManager.default.contentsOfDirectory(
            at: SourceKindTests.out.appendingPathComponent("hot/reports"),
            includingPropertiesForKeys: nil)
        let sample = Paths.samples.appendingPathComponent("assistant-out-2026/hot/reports/2026-05-14.json")
        if FileManager.default.fileExists(atPath: sample.path) { files.append(sample) }
        var count = 0
        for file in files {
            for value in Self.values(in: try JSONSerialization.jsonObject(with: Data(contentsOf: file))) {
                Self.check(value)
                count += 1
            }
        }
        var generator = HotspotHistory(seed: 7)
        for value in Self.values(in: generator.report(date: "2026-01-05", index: 3)) { Self.check(value); count += 1 }
        #expect(count > 1_000)
    }

    @Test("Numbers at the edges: integers, the shortest digits, exponents, negative zero, long literals")
    func numbers() throws {
        for text in [
            "0", "10.0", "1e15", "1e16", "1e-7", "2.5e-05", "0.30000000000000004", "1.7976931348623157e308", "5e-324",
            "123456789012345678", "-9223372036854775808", "18446744073709551615", "33.333333333333336", "true", "false", "null",
        ] {
            Self.check(try JSONSerialization.jsonObject(with: Data("[\(text)]".utf8)))
            Self.check((try JSONSerialization.jsonObject(with: Data("[\(text)]".utf8)) as! [Any])[0])
        }
        // Negative zero: written as Foundation writes it (which reads it back as 0).
        #expect(JSONText.write([-0.0] as [Any]) == Self.foundation([-0.0]))
        #expect(JSONText.write([Double.nan] as [Any]) == nil && JSONText.write([Date()] as [Any]) == nil)
        #expect(JSONText.write(["HEAT": 8, "FINAL_SCORE": 9.5] as [String: Double]) == #"{"FINAL_SCORE":9.5,"HEAT":8}"#)
        #expect(JSONText.write(["a/b", "\"q\""]) == #"["a\/b","\"q\""]"#)
    }

    @Test("Random strings of quotes, slashes, control characters and any Unicode are written as Foundation writes them")
    func randomStrings() async {
        let alphabet: [Character] = Array("a\"\\/\n\r\t\u{8}\u{c}\u{1}\u{1f}\u{7f}é中😀\u{2028}\u{0301} ")
        await propertyCheck(count: 2_000, input: Gen.element(of: alphabet).map { $0 ?? " " }.string(of: 0...16)) { text in
            #expect("[" + JSONText.write(text as Any)! + "]" == Self.foundation([text]), "\(text.debugDescription)")
            #expect(JSONText.write([text, text]) == Self.foundation([text, text]))
        }
    }

    @Test("Random doubles are written with Foundation's digits")
    func randomDoubles() async {
        let bits = Gen.int(in: Int.min...Int.max)
        await propertyCheck(count: 2_000, input: bits) { raw in
            let double = Double(bitPattern: UInt64(bitPattern: Int64(raw)))
            guard double.isFinite else { return }
            #expect(JSONText.write(["x": double]) == Self.foundation(["x": double]), "\(double)")
        }
    }

    /// What `JSONDecoder` reads from a stored object of numbers: the
    /// reference for `Archive.numbers(inJSONObject:)`.
    static func decoded(_ text: String) -> [String: Double] {
        (try? JSONDecoder().decode([String: Double].self, from: Data(text.utf8))) ?? [:]
    }

    @Test("Stored objects of numbers read back as JSONDecoder reads them, also when they are not such objects")
    func numberObjects() async {
        for text in [
            #"{"HEAT":8,"FINAL_SCORE":9.5}"#, #"{}"#, #" { "a" : -0.0 , "b":1e-7,"c":2.5E+3 } "#, #"{"x":1.7976931348623157e308}"#,
            #"{"\u00e9t\u00e9":5e-324}"#, #"{"a":null}"#, #"{"a":"8"}"#, #"{"a":[1]}"#, #"{"a":1,}"#, #"{"a":01}"#, #"{"a":1"#,
            #"[1,2]"#, #"8"#, "", "not json", #"{"a":1} x"#,
        ] {
            #expect(Archive.numbers(inJSONObject: text) == Self.decoded(text), "\(text)")
        }
        #expect(Archive.numbers(inJSONObject: nil) == [:])
        // As the archive stores them: written by `JSONText`, any finite double.
        let bits = Gen.int(in: Int.min...Int.max)
        await propertyCheck(count: 2_000, input: bits, bits) { a, b in
            let (x, y) = (Double(bitPattern: UInt64(bitPattern: Int64(a))), Double(bitPattern: UInt64(bitPattern: Int64(b))))
            guard x.isFinite, y.isFinite, let text = JSONText.write(["QUALITY": x, "HEAT": y, "N": Double(a % 100)]) else { return }
            let read = Archive.numbers(inJSONObject: text)
            #expect(read == Self.decoded(text) && read["QUALITY"] == x && read.count == 3, "\(text)")
        }
    }
}
