import Foundation

/// HTML, or Markdown with HTML inside, as Markdown lines: block tags become
/// line breaks (headings `#`, list items `- `), links `[text](href)`, bold
/// `**`, every other tag goes, entities are decoded. A page a Pages generator
/// rendered from Markdown comes back as that Markdown, near enough for
/// `Document`; text outside tags is left as it is, so Markdown passes through.
extension HTMLText {
    static func markdown(_ text: String) -> String {
        guard text.contains("<") else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var i = text.startIndex
        // A link's href waits for its closing tag.
        var openLinks: [String?] = []
        var linkText: [String] = []
        func emit(_ s: String) {
            if linkText.isEmpty { out += s } else { linkText[linkText.count - 1] += s }
        }
        while i < text.endIndex {
            let c = text[i]
            guard c == "<", let close = text[i...].firstIndex(of: ">"), isTagStart(text, i) else {
                // The text up to the next tag, its entities decoded.
                let next = text[text.index(after: i)...].firstIndex(of: "<") ?? text.endIndex
                emit(decodeEntities(String(text[i..<next])))
                i = next
                continue
            }
            let tag = String(text[text.index(after: i)..<close])
            i = text.index(after: close)
            let name = tagName(tag)
            let closing = tag.hasPrefix("/")
            switch name {
            case "script", "style", "svg":
                // Their content is no text of the page.
                if !closing, !tag.hasSuffix("/"), let end = text.range(of: "</\(name)", options: [.caseInsensitive], range: i..<text.endIndex) {
                    i = text[end.upperBound...].firstIndex(of: ">").map { text.index(after: $0) } ?? text.endIndex
                }
            case "h1", "h2", "h3", "h4", "h5", "h6":
                emit(closing ? "\n" : "\n" + String(repeating: "#", count: Int(String(name.last!))!) + " ")
            case "li": emit(closing ? "\n" : "\n- ")
            case "tr": emit(closing ? " |\n" : "\n")
            case "em", "i": emit("*")
            case "br", "p", "div", "table", "thead", "tbody", "summary", "details", "section", "article", "header", "footer", "main",
                "ul", "ol", "blockquote", "hr", "nav", "dt", "dd":
                emit("\n")
            case "td", "th": emit(closing ? " " : " | ")
            case "strong", "b": emit("**")
            case "a":
                if closing {
                    guard let href = openLinks.popLast() else { continue }
                    let label = linkText.popLast() ?? ""
                    if let href, !href.hasPrefix("#") {
                        emit("[\(label.trimmingCharacters(in: .whitespaces))](\(href))")
                    } else {
                        emit(label)
                    }
                } else if !tag.hasSuffix("/") {
                    openLinks.append(attribute("href", in: tag))
                    linkText.append("")
                }
            default: break
            }
        }
        // Links never closed keep their text.
        for label in linkText { out += label }
        return out
    }

    /// Whether `<` at `i` opens a tag (`<a`, `</p`, `<!--`), not a comparison (`a < b`).
    private static func isTagStart(_ text: String, _ i: String.Index) -> Bool {
        let next = text.index(after: i)
        guard next < text.endIndex else { return false }
        return text[next].isLetter || text[next] == "/" || text[next] == "!"
    }

    private static func tagName(_ tag: String) -> String {
        let body = tag.drop(while: { $0 == "/" || $0 == "!" })
        return body.prefix(while: { $0.isLetter || $0.isNumber }).lowercased()
    }

    private static func attribute(_ name: String, in tag: String) -> String? {
        guard let range = tag.range(of: name + "=", options: .caseInsensitive) else { return nil }
        var rest = tag[range.upperBound...]
        guard let quote = rest.first else { return nil }
        if quote == "\"" || quote == "'" {
            rest = rest.dropFirst()
            return rest.firstIndex(of: quote).map { decodeEntities(String(rest[..<$0])) }
        }
        return String(rest.prefix(while: { !$0.isWhitespace && $0 != ">" }))
    }
}
