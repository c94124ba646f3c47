import Foundation

/// A page as blocks (headings, list items, lines of text) with their links,
/// whatever its markup: Markdown, the same Markdown rendered to HTML by a
/// Pages generator, and Markdown with HTML cards inside all reach the
/// tolerant reader (`FamilyPageReader`) as this one shape.
///
/// Written here rather than taken from a Markdown package: the ones this
/// project may use (Ink) render HTML rather than give a tree, and none reads
/// HTML back; the reader needs only blocks, their text and their links.
public struct Document: Sendable, Equatable {
    public struct Link: Sendable, Equatable {
        public var text: String
        public var url: String
    }

    public enum Kind: Sendable, Equatable {
        case heading(level: Int)
        /// A list item (`-`, `*`, `1.`, `1001\.`).
        case item
        /// Any other line of text.
        case text
    }

    public struct Block: Sendable, Equatable {
        public var kind: Kind
        /// The text without markup: links as their text, emphasis and tags removed, entities decoded.
        public var text: String
        public var links: [Link]
        /// The block's line as written (Markdown markup kept), for the ids it names.
        public var source: String
    }

    public var blocks: [Block]

    /// The document of a page in Markdown, HTML, or Markdown with HTML inside.
    public static func parse(_ text: String) -> Document {
        let markdown = HTMLText.markdown(text)
        var blocks: [Block] = []
        var inFence = false
        for raw in markdown.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("```") {
                inFence.toggle()
                continue
            }
            if line.isEmpty || inFence { continue }
            if line.allSatisfy({ $0 == "-" || $0 == "*" || $0 == "_" || $0 == "=" || $0 == " " }) { continue }  // a rule
            blocks.append(block(line))
        }
        return Document(blocks: blocks)
    }

    static func block(_ line: String) -> Block {
        var kind = Kind.text
        var body = Substring(line)
        if line.hasPrefix("#") {
            let level = line.prefix(while: { $0 == "#" }).count
            if level <= 6 {
                kind = .heading(level: level)
                body = body.dropFirst(level)
            }
        } else if let rest = listItemBody(body) {
            kind = .item
            body = rest
        }
        let (text, links) = Inline.plain(String(body))
        return Block(kind: kind, text: text, links: links, source: line)
    }

    /// The text after a list marker: `- `, `* `, `+ `, `1. `, `1) `, `1001\. `; nil for no list item.
    static func listItemBody(_ line: Substring) -> Substring? {
        if let first = line.first, "-*+".contains(first), line.dropFirst().first == " " { return line.dropFirst(2) }
        let digits = line.prefix(while: \.isNumber)
        guard !digits.isEmpty, digits.count <= 5 else { return nil }
        var rest = line.dropFirst(digits.count)
        if rest.first == "\\" { rest = rest.dropFirst() }
        guard let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first == " " else { return nil }
        return rest.dropFirst(2)
    }
}

/// Inline Markdown to plain text and links.
enum Inline {
    /// `[text](url)` becomes `text` (and a link), `**` `__` `*` `` ` `` go, escapes lose their backslash.
    static func plain(_ text: String) -> (String, [Document.Link]) {
        var out = ""
        var links: [Document.Link] = []
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if c == "[", let (label, url, end) = link(in: text, at: i) {
                let (inner, innerLinks) = plain(label)
                out += inner
                links += innerLinks
                links.append(Document.Link(text: inner, url: url))
                i = end
                continue
            }
            if c == "\\", let next = text.index(i, offsetBy: 1, limitedBy: text.endIndex), next < text.endIndex,
                "\\`*_{}[]()#+-.!|".contains(text[next])
            {
                out.append(text[next])
                i = text.index(after: next)
                continue
            }
            if c == "*" || c == "`" || (c == "_" && (i == text.startIndex || !text[text.index(before: i)].isLetter)) {
                i = text.index(after: i)
                continue
            }
            out.append(c)
            i = text.index(after: i)
        }
        return (collapseWhitespace(out), links)
    }

    /// `[label](url)` at `start`: the label, the URL and the index after `)`.
    static func link(in text: String, at start: String.Index) -> (String, String, String.Index)? {
        var depth = 0
        var i = start
        var close: String.Index?
        while i < text.endIndex {
            if text[i] == "[" { depth += 1 }
            if text[i] == "]" {
                depth -= 1
                if depth == 0 {
                    close = i
                    break
                }
            }
            i = text.index(after: i)
        }
        guard let close, let open = text.index(close, offsetBy: 1, limitedBy: text.endIndex), open < text.endIndex, text[open] == "(" else {
            return nil
        }
        guard let end = text[open...].firstIndex(of: ")") else { return nil }
        let url = text[text.index(after: open)..<end].split(separator: " ").first.map(String.init) ?? ""
        return (String(text[text.index(after: start)..<close]), url, text.index(after: end))
    }
}
