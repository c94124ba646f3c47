import Foundation

/// Whether a file lost papers on the way in: the arXiv papers its bytes name
/// against the papers its reader read. Every file the importer reads passes
/// here, whatever its format, so that no reader (today's or a future one)
/// can turn a page it misreads into an empty run without a word.
///
/// What counts as naming a paper is decided from the bytes alone, never from
/// a reader: an arXiv id within a few characters after the word "arxiv"
/// (`arxiv.org/abs/2512.00401`, `**ArXiv ID:** 2512.00401`, `ArXiv: 2512.00401`,
/// `"arxiv_id": "2512.00401"`), a JSON key that is an arXiv id (the daily
/// JSON's papers), and an id that opens a heading or a list item. Prose that
/// merely contains a number like an id is not counted, nor an abstract's
/// citation of another paper in arXiv's own form (`arXiv:2411.04330`).
public enum LossGuard {
    /// What checking one file found.
    public enum Finding: Equatable, Sendable {
        /// Every paper it names was read (or it names none).
        case complete
        /// It names papers and the reader read none: refused, never an empty run.
        case refused(named: Int)
        /// Read, but fewer distinct papers than it names or than its own stated total.
        case short(Shortfall)
    }

    /// A file imported with fewer papers than it names or states.
    public struct Shortfall: Equatable, Sendable {
        public var named: Int
        public var read: Int
        /// The total the file states (`Total relevant papers: N`), when it states one.
        public var stated: Int?
        /// The ids it names that no paper read carries, in file order.
        public var missing: [String]

        /// `names 36 arXiv papers, read 30` (and the stated total when that is what is short).
        public var description: String {
            var text = "names \(named) arXiv paper\(named == 1 ? "" : "s"), read \(read)"
            if let stated, stated > read { text += " (it states \(stated) relevant papers)" }
            return text
        }
    }

    /// Checks what a reader read from `data` against what `data` names.
    /// `accounted` are the ids the reader kept in any role (papers, and the
    /// source items of a hotspot report); `stated` the total the file gives.
    public static func check(_ data: Data, accounted: [String], stated: Int? = nil) -> Finding {
        let named = namedPapers(in: data)
        let read = Set(accounted.map(comparable))
        let missing = named.filter { !read.contains(comparable($0)) }
        if !named.isEmpty, read.isEmpty { return .refused(named: named.count) }
        let readCount = read.count
        if !missing.isEmpty || (stated.map { $0 > readCount } ?? false) {
            return .short(Shortfall(named: Swift.max(named.count, readCount), read: readCount, stated: stated, missing: missing))
        }
        return .complete
    }

    /// What becomes of a file no reader takes (`SourceKind.unknown`), or one
    /// skipped by a guess from its shape (an index page, an evaluation log):
    /// when it names arXiv papers it is a digest arxive cannot read, and an
    /// error that says so; otherwise it holds no digest and is skipped.
    /// `strict` makes an `other` file an error too.
    public static func place(_ data: Data, as kind: SourceKind, strict: Bool) -> Result<SourceKind.SkippedKind, DigestReadError> {
        let guessed: SourceKind.SkippedKind
        var why = ""
        switch kind {
        case .skipped(let skipped) where [.indexPage, .evaluationLog].contains(skipped): guessed = skipped
        case .unknown(let reason): (guessed, why) = (.other, reason)
        case .skipped(let skipped): return .success(skipped)
        default: preconditionFailure("only skipped and unknown files are placed here")
        }
        let named = namedPapers(in: data).count
        if named > 0 {
            let layout = why.isEmpty ? "it looks like \(guessed.rawValue)" : why
            return .failure(
                DigestReadError("a digest of a layout arxive does not read (\(layout)): names \(named) arXiv paper\(named == 1 ? "" : "s"), read 0"))
        }
        if strict, guessed == .other { return .failure(DigestReadError("not a digest arxive knows (\(why)); --strict makes this an error")) }
        return .success(guessed)
    }

    /// The distinct arXiv ids `data` names, without versions, in file order.
    ///
    /// Every file an import reads passes here, so the bytes are not walked
    /// one by one: `memchr` jumps to the few bytes a mention can start at
    /// (the `x` of "arxiv", a quote before a JSON key, a line's start), and
    /// the mentions are put back in file order at the end. (A byte-by-byte
    /// walk was the costliest function of an import in a profile.)
    public static func namedPapers(in data: Data) -> [String] {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return [] }
            var mentions: [(offset: Int, id: String)] = []
            /// Calls `visit` at each offset of `byte`.
            func each(_ byte: UInt8, _ visit: (Int) -> Void) {
                var from = 0
                while from < bytes.count, let hit = memchr(base + from, Int32(byte), bytes.count - from) {
                    let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    visit(offset)
                    from = offset + 1
                }
            }
            // "arxiv" in any case, found by its x (rare in text).
            for x in [UInt8(ascii: "x"), UInt8(ascii: "X")] {
                each(x) { offset in
                    let i = offset - 2
                    guard i >= 0, matchesWord(bytes, at: i, "arxiv") else { return }
                    // `arXiv:2411.04330` is how an abstract cites another paper; a digest names its own with a
                    // link or a label (`ArXiv ID:`, `**ArXiv:** `), and its feed prefix's `arXiv:ID` repeats one.
                    let citation =
                        i + 6 < bytes.count && bytes[i + 5] == UInt8(ascii: ":") && bytes[i + 6] != UInt8(ascii: " ")
                        && bytes[i + 6] != UInt8(ascii: "*") && bytes[i + 6] != UInt8(ascii: "<")
                    if !citation, let id = firstID(bytes, after: i + 5) { mentions.append((i, id)) }
                }
            }
            each(UInt8(ascii: "\"")) { offset in
                if offset + 1 < bytes.count, isDigit(bytes[offset + 1]), let (id, _) = quotedIDKey(bytes, at: offset) { mentions.append((offset, id)) }
            }
            if let id = idOpeningLine(bytes, at: 0) { mentions.append((0, id)) }
            each(UInt8(ascii: "\n")) { offset in
                if offset + 1 < bytes.count, let id = idOpeningLine(bytes, at: offset + 1) { mentions.append((offset + 1, id)) }
            }
            mentions.sort { $0.offset < $1.offset }
            var seen = Set<String>()
            return mentions.compactMap { seen.insert($0.id).inserted ? $0.id : nil }
        }
    }

    /// An id as compared: a bare old-style number (`9606126`) is the same
    /// paper as its archive's (`astro-ph/9606126`), which a reader may have resolved.
    static func comparable(_ id: String) -> String {
        guard let slash = id.lastIndex(of: "/") else { return id }
        return String(id[id.index(after: slash)...])
    }

    // MARK: The byte scan

    /// How far after the word "arxiv" an id may start (`ArXiv ID:** 2512.00401`, `arxiv.org/abs/hep-th/9901001`).
    private static let window = 24

    private static func matchesWord(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard i + count <= bytes.count else { return false }
        let w = word.utf8Start
        for k in 0..<count where bytes[i + k] | 0x20 != w[k] { return false }
        return true
    }

    /// The first id within `window` bytes of `start`, on the same line.
    private static func firstID(_ bytes: UnsafeBufferPointer<UInt8>, after start: Int) -> String? {
        var j = start
        let end = Swift.min(bytes.count, start + window)
        while j < end, bytes[j] != UInt8(ascii: "\n") {
            if let (id, _) = id(bytes, at: j) { return id }
            j += 1
        }
        return nil
    }

    /// `"2512.00401":` (a JSON key that is an id); the id and the index after the closing quote.
    private static func quotedIDKey(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (String, Int)? {
        guard let (id, end) = newStyleID(bytes, at: i + 1), end < bytes.count, bytes[end] == UInt8(ascii: "\"") else { return nil }
        var j = end + 1
        while j < bytes.count, bytes[j] == UInt8(ascii: " ") || bytes[j] == UInt8(ascii: "\t") { j += 1 }
        guard j < bytes.count, bytes[j] == UInt8(ascii: ":") else { return nil }
        return (id, end + 1)
    }

    /// An id that opens a heading or a list item (`## 2512.00401: A title`, `- 2512.00401 ...`).
    private static func idOpeningLine(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> String? {
        var j = start
        guard j < bytes.count, [UInt8(ascii: "#"), UInt8(ascii: "-"), UInt8(ascii: "*")].contains(bytes[j]) else { return nil }
        while j < bytes.count,
            [UInt8(ascii: "#"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: " "), UInt8(ascii: "["), UInt8(ascii: "`")].contains(bytes[j])
        {
            j += 1
        }
        return newStyleID(bytes, at: j)?.0
    }

    /// A new-style id (`2512.00401`, `0704.0001`, a version dropped) or an old-style one
    /// (`hep-th/9901001`, or the bare `9606126` a link may carry) starting at `i`.
    private static func id(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (String, Int)? {
        if i > 0, isDigit(bytes[i - 1]) || bytes[i - 1] == UInt8(ascii: ".") { return nil }
        if let found = newStyleID(bytes, at: i) { return found }
        // Old style: archive letters (and a subject class), a slash, seven digits, from a word's start.
        if i > 0, bytes[i - 1] | 0x20 >= UInt8(ascii: "a"), bytes[i - 1] | 0x20 <= UInt8(ascii: "z") { return nil }
        var j = i
        while j < bytes.count,
            (bytes[j] >= UInt8(ascii: "a") && bytes[j] <= UInt8(ascii: "z")) || bytes[j] == UInt8(ascii: "-")
                || bytes[j] == UInt8(ascii: ".") || (j > i && bytes[j] >= UInt8(ascii: "A") && bytes[j] <= UInt8(ascii: "Z"))
        {
            j += 1
        }
        let archiveEnd = j
        // `abs/9606126` is a link's path, not an archive: the bare number follows.
        let archive = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<archiveEnd]), as: UTF8.self)
        let isArchive = archiveEnd > i && !["abs", "pdf", "html", "format"].contains(archive)
        if isArchive, archiveEnd < bytes.count, bytes[archiveEnd] == UInt8(ascii: "/") { j += 1 } else { j = i }
        let digitsStart = j
        while j < bytes.count, isDigit(bytes[j]) { j += 1 }
        guard j - digitsStart == 7, j == bytes.count || !isDigit(bytes[j]) else { return nil }
        // A bare number counts only right after a link's path (`abs/9606126`).
        if digitsStart == i, !(i > 0 && bytes[i - 1] == UInt8(ascii: "/")) { return nil }
        return (String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<j]), as: UTF8.self), j)
    }

    /// `YYMM.NNNN` or `YYMM.NNNNN`, with an optional `vN` left out of the id.
    private static func newStyleID(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (String, Int)? {
        guard i + 9 <= bytes.count else { return nil }
        for k in 0..<4 where !isDigit(bytes[i + k]) { return nil }
        guard bytes[i + 4] == UInt8(ascii: ".") else { return nil }
        var j = i + 5
        while j < bytes.count, isDigit(bytes[j]) { j += 1 }
        guard j - (i + 5) == 4 || j - (i + 5) == 5 else { return nil }
        let id = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<j]), as: UTF8.self)
        if j < bytes.count, bytes[j] == UInt8(ascii: "v") {
            var k = j + 1
            while k < bytes.count, isDigit(bytes[k]) { k += 1 }
            if k > j + 1 { j = k }
        }
        // `2512.00401.pdf` is still the id; `1234.5678e9` is no id.
        if j < bytes.count, bytes[j] | 0x20 >= UInt8(ascii: "a"), bytes[j] | 0x20 <= UInt8(ascii: "z") { return nil }
        return (id, j)
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
}

extension SourceContent {
    /// Every arXiv id the reader kept from the file, in any role: the loss
    /// guard's "read" side.
    var accountedIDs: [String] {
        switch self {
        case .digest(let d): return d.papers.map(\.arxivID)
        case .spotlights(let s): return s.papers.map(\.paper.arxivID)
        case .monthlyOverview(let m): return m.picks.map(\.paper.arxivID)
        case .hotspotReport(let h):
            // A report's source items link papers it does not spotlight: kept as items, they are not lost.
            let items = h.sections.flatMap(\.topics).flatMap(\.items).compactMap(\.url).flatMap { LossGuard.namedPapers(in: Data($0.utf8)) }
            return h.papers.map(\.paper.arxivID) + items
        case .archiveFile, .skipped: return []
        }
    }

    /// The total of papers the file says it holds, when it says one.
    var statedTotal: Int? {
        if case .digest(let d) = self { return d.header?.relevantPapers }
        return nil
    }
}
