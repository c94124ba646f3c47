import Foundation
import Testing

@testable import ArxiveKit

/// HTML escapes by default: `Markup` is the only way pages are built.
@Suite("HTML that escapes by default")
struct HTMLEscapingTests {
    @Test("Text interpolated into markup is escaped; markup interpolated stays markup; a literal is markup")
    func interpolation() {
        let title = "<script>alert('x')</script> & \"more\""
        let link: Markup = "<a href=\"\("https://example.org/?a=1&b=<2>")\">\(title)</a>"
        #expect(link.html == "<a href=\"https://example.org/?a=1&amp;b=&lt;2&gt;\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;</a>")
        let list: Markup = "<ul>" + ["a<b", "c"].map { "<li>\($0)</li>" as Markup }.joined() + "</ul>"
        #expect(list.html == "<ul><li>a&lt;b</li><li>c</li></ul>")
        #expect(("<p>\(link)</p>" as Markup).html == "<p>" + link.html + "</p>", "markup is not escaped twice")
        #expect(HTML.externalLink("javascript:alert(1)", "x<y").html == "x&lt;y", "only http(s) URLs are links")
        #expect(HTML.externalLink("HTTPS://example.org", "ok").html == "<a href=\"HTTPS://example.org\">ok</a>")
    }

    /// Every `.swift` file under `Sources/`, with its text.
    static func sources() throws -> [(path: String, text: String)] {
        let root = Paths.root.appendingPathComponent("Sources")
        let paths = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        return try paths.map { ($0, try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8)) }
    }

    @Test("Raw markup and hand escaping exist only in the renderer's own helpers (Render/HTML.swift)")
    func rawOnlyInHelpers() throws {
        let files = try Self.sources()
        #expect(files.count > 50)
        for (path, text) in files where path != "ArxiveKit/Render/HTML.swift" {
            #expect(!text.contains("Markup(trusted"), "\(path) builds raw markup")
            #expect(!text.contains("HTML.escape("), "\(path) escapes by hand: interpolate into a Markup instead")
        }
        // The pages are built of Markup: no renderer returns a page's pieces as String.
        for (path, text) in files where path.hasSuffix("HTML.swift") && path != "ArxiveKit/Render/HTML.swift" {
            #expect(!text.contains("-> String {\n        \"<"), "\(path) builds markup as a String")
        }
    }
}
