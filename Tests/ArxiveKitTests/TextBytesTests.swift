import Foundation
import PropertyBased
import Testing

@testable import ArxiveKit

/// The readers' byte-level text helpers replace Foundation routines for
/// speed: on any text they must give what those routines give.
@Suite("Byte-level text helpers agree with Foundation")
struct TextBytesTests {
    /// Separator pieces, Unicode (multi-byte, combining marks), line breaks.
    static let alphabet: [Character] = Array("ab <td>and , éø中😀\u{0301}\r\n")

    @Test("components(separatedByBytes:) and containsBytes agree with components(separatedBy:) and contains")
    func agreesWithFoundation() async {
        let text = Gen.element(of: TextBytesTests.alphabet).map { $0 ?? " " }.string(of: 0...40)
        await propertyCheck(count: 2_000, input: text) { text in
            for separator in [" and ", "<td", "</td>", ",", "é", "\r\n"] {
                #expect(
                    text.components(separatedByBytes: separator) == text.components(separatedBy: separator),
                    "\(text.debugDescription) by \(separator.debugDescription)")
                #expect(text.containsBytes(separator) == text.contains(separator), "\(text.debugDescription) holds \(separator.debugDescription)")
            }
        }
    }

    @Test("Lines split at \\n and lose a trailing \\r, empty lines kept")
    func lines() {
        #expect(TextLines.split("") == [""])
        #expect(TextLines.split("a") == ["a"])
        #expect(TextLines.split("a\n") == ["a", ""])
        #expect(TextLines.split("a\r\n\r\nb\rc\n\n") == ["a", "", "b\rc", "", ""])
        #expect(TextLines.split("é\r\n中") == ["é", "中"])
    }

    @Test("White space runs collapse to one space, ends trimmed; text that needs nothing is kept")
    func collapse() {
        #expect(collapseWhitespace("  a \t b\r\n\nc  ") == "a b c")
        #expect(collapseWhitespace("Ren\u{E9}e  Duval") == "Ren\u{E9}e Duval")
        #expect(collapseWhitespace("") == "")
        #expect(collapseWhitespace(" \n ") == "")
        #expect(collapseWhitespace("plain words") == "plain words")
    }

    @Test("New-style arXiv ids: four digits, a dot, four or five digits, nothing else")
    func newStyleIDs() {
        #expect(ArxivID.isNewStyle("2501.00101"))
        #expect(ArxivID.isNewStyle("0704.0001"))
        #expect(ArxivID.isNewStyle("2501.123456") == false)
        #expect(ArxivID.isNewStyle("25010.1234") == false)
        #expect(ArxivID.isNewStyle("2501.12.34") == false)
        #expect(ArxivID.isNewStyle("2501.") == false)
        #expect(ArxivID.isNewStyle("2501") == false)
        #expect(ArxivID.isNewStyle("２５０１.００１０１") == false)  // full-width digits are not ASCII digits
    }

    @Test("arXiv ids parse with prefix, version and old-style archives; anything else is no id")
    func ids() {
        #expect(ArxivID.parse("2512.22471")! == ("2512.22471", nil))
        #expect(ArxivID.parse(" arXiv:2512.22471v12 ")! == ("2512.22471", 12))
        #expect(ArxivID.parse("ARXIV:0704.0001v1")! == ("0704.0001", 1))
        #expect(ArxivID.parse("hep-th/9901001v2")! == ("hep-th/9901001", 2))
        #expect(ArxivID.parse("math.AG/0101001")! == ("math.AG/0101001", nil))
        #expect(ArxivID.parse("cond-mat/0101001")! == ("cond-mat/0101001", nil))
        for bad in [
            "", "arxiv:", "v2", "2512.22471v", "2512.22471x2", "hep-th/990100", "hep-th/99010011", "Hep-th/9901001",
            "hep-/9901001", "-th/9901001", "math.Ag/0101001", "math.AGX/0101001", "math.AG.X/0101001", "hep-th/9901001/1",
            "/9901001", "hep th/9901001", "hep-th/99O1001", "é/9901001", "2512.22471 v2",
        ] {
            #expect(ArxivID.parse(bad) == nil, "\(bad)")
        }
    }
}
