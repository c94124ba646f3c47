import Foundation
import GRDB
import GRDBSQLite

/// Papers as feature vectors for the learned ranker.
///
/// Text: the title and abstract through the archive's own tokenizer (FTS5's,
/// configured as `papers_fts` is, called directly: the terms are the index's
/// stemmed ones), each term weighted by sublinear tf-idf (1 + ln tf, times
/// ln(N / df)), the vector scaled to length 1. The document frequencies are
/// counted over the papers at hand (the training papers and the ones to
/// score), not over the whole index: reading the index's own counts means
/// reading every doclist of it (fts5vocab), which took 0.17 to 0.45 s on a
/// 7,551-paper archive, against a few milliseconds here; a month's papers
/// and the 400 sampled ones are a fair sample of the vocabulary. Terms in
/// only one of those papers are left out: they cannot tell one paper from
/// another.
///
/// Authors: one feature per author, together of length `authorWeight`, so a
/// long author list weighs no more than a short one.
///
/// Meaning: when the archive has sentence vectors (`arxive embed`), a
/// paper's vector is added as dense features of length `meaningWeight`; a
/// paper without one has none of them.
struct PaperFeatures {
    enum Feature: Hashable, Sendable {
        case term(String)
        case author(Int64)
        case meaning(Int)
    }

    /// How long a paper's author part is beside its text part (length 1).
    static let authorWeight = 0.5
    /// How long a paper's meaning part is beside its text part (length 1).
    static let meaningWeight = 1.0
    /// `papers_fts`'s tokenizer (migration 001_archive).
    static let tokenizer = FTS5TokenizerDescriptor(components: ["porter", "unicode61", "remove_diacritics", "2"])

    /// Feature index -> feature: the terms, then the authors.
    private(set) var features: [Feature] = []
    /// Paper id -> its vector.
    private(set) var vectors: [Int64: SparseVector] = [:]

    /// The vectors of `paperIDs` (ids from `papers`). Features are numbered
    /// in the order they are first met, papers in the order given: the same
    /// numbers, and so the same sums, on every run.
    init(paperIDs: [Int64], vectors: VectorIndex? = nil, _ db: Database) throws {
        let text = try TermCounts(paperIDs: paperIDs, db)
        // Only terms in two papers or more become features, numbered in the reader's order.
        var featureOfTerm = [Int32](repeating: -1, count: text.terms.count)
        for (term, df) in text.documentFrequency.enumerated() where df > 1 {
            featureOfTerm[term] = Int32(features.count)
            features.append(.term(text.terms[term]))
        }
        let authors = try PaperFeatures.authors(of: paperIDs, db)
        var featureOfAuthor: [Int64: Int32] = [:]
        for (_, list) in authors.ordered {
            for author in list where featureOfAuthor[author] == nil {
                featureOfAuthor[author] = Int32(features.count)
                features.append(.author(author))
            }
        }
        let firstMeaning = Int32(features.count)
        if let vectors { features += (0..<vectors.dimension).map(Feature.meaning) }
        let paperCount = Double(text.perPaper.count)
        for paperID in paperIDs {
            var entries: [(Int32, Double)] = []
            for (term, count) in text.perPaper[paperID] ?? [] where featureOfTerm[Int(term)] >= 0 {
                let idf = log(paperCount / Double(text.documentFrequency[Int(term)]))
                entries.append((featureOfTerm[Int(term)], (1 + log(Double(count))) * idf))
            }
            let textNorm = sqrt(entries.reduce(0) { $0 + $1.1 * $1.1 })
            if textNorm > 0 { entries = entries.map { ($0.0, $0.1 / textNorm) } }
            let paperAuthors = Set(authors.byPaper[paperID] ?? []).map { featureOfAuthor[$0]! }.sorted()
            for feature in paperAuthors {
                entries.append((feature, PaperFeatures.authorWeight / sqrt(Double(paperAuthors.count))))
            }
            if let meaning = vectors?.vector(of: paperID) {
                for (dimension, value) in meaning.enumerated() {
                    entries.append((firstMeaning + Int32(dimension), PaperFeatures.meaningWeight * Double(value)))
                }
            }
            self.vectors[paperID] = SparseVector(indexes: entries.map(\.0), values: entries.map(\.1))
        }
    }

    /// Each paper's authors in their order, by paper, and the lists in the
    /// order read (paper id, then position): the order features are numbered in.
    static func authors(of paperIDs: [Int64], _ db: Database) throws -> (byPaper: [Int64: [Int64]], ordered: [(Int64, [Int64])]) {
        var byPaper: [Int64: [Int64]] = [:]
        var order: [Int64] = []
        // Ids are integers from the archive: written into the SQL, in chunks
        // that keep each statement short.
        for chunk in paperIDs.chunks(of: 500) {
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT paper_id, author_id FROM paper_authors WHERE paper_id IN (\(chunk.map(String.init).joined(separator: ",")))
                    ORDER BY paper_id, position
                    """)
            while let row = try rows.next() {
                let paperID: Int64 = row[0]
                if byPaper[paperID] == nil { order.append(paperID) }
                byPaper[paperID, default: []].append(row[1])
            }
        }
        return (byPaper, order.map { ($0, byPaper[$0]!) })
    }
}

/// The terms of papers' titles and abstracts, read through the archive's
/// tokenizer: each paper's distinct terms with their counts, and each
/// term's number of papers (its document frequency).
struct TermCounts {
    /// Paper id -> its distinct terms (the reader's numbers, ascending) and their counts.
    var perPaper: [Int64: [(term: Int32, count: Int)]] = [:]
    /// Term number -> papers holding it.
    var documentFrequency: [Int] = []
    /// Term number -> term.
    var terms: [String] { reader.terms }
    private let reader = TermReader()

    init(paperIDs: [Int64], _ db: Database) throws {
        let tokenizer = try db.makeTokenizer(PaperFeatures.tokenizer)
        var tokens: [Int32] = []
        for chunk in paperIDs.chunks(of: 500) {
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT id, title, abstract FROM papers WHERE id IN (\(chunk.map(String.init).joined(separator: ",")))
                    """)
            while let row = try rows.next() {
                tokens.removeAll(keepingCapacity: true)
                try reader.read(row[1], tokenizer, into: &tokens)
                try reader.read(row[2], tokenizer, into: &tokens)
                tokens.sort()
                var counted: [(term: Int32, count: Int)] = []
                for token in tokens {
                    if counted.last?.term == token { counted[counted.count - 1].count += 1 } else { counted.append((token, 1)) }
                }
                if documentFrequency.count < reader.terms.count {
                    documentFrequency += Array(repeating: 0, count: reader.terms.count - documentFrequency.count)
                }
                for (term, _) in counted { documentFrequency[Int(term)] += 1 }
                perPaper[row[0]] = counted
            }
        }
    }
}

/// Reads a text's terms as an FTS5 tokenizer makes them, each as a number
/// (the same term, the same number).
///
/// Why not GRDB's `tokenize(document:)`: it makes each token through
/// Foundation's `Data` and `String(data:encoding:)` and collects them all in
/// an array of strings; with the strings then counted in dictionaries, that
/// was 140 of the 190 ms of a month's `recommend`. This calls the same
/// tokenizer through GRDB's own lower entry point and looks each token up
/// once as it comes (a token of up to 15 bytes is a Swift small string: no
/// allocation). The tests check it against `tokenize(document:)`.
final class TermReader {
    /// Number -> term.
    private(set) var terms: [String] = []
    private var numbers: [String: Int32] = [:]
    /// Where the tokenizer's callback appends, during one `read`.
    private var output: UnsafeMutablePointer<[Int32]>?

    func read(_ text: String, _ tokenizer: any FTS5Tokenizer, into tokens: inout [Int32]) throws {
        var text = text
        let code = withUnsafeMutablePointer(to: &tokens) { tokens in
            output = tokens
            defer { output = nil }
            return text.withUTF8 { bytes in
                tokenizer.tokenize(
                    context: Unmanaged.passUnretained(self).toOpaque(), tokenization: .document,
                    pText: UnsafeRawPointer(bytes.baseAddress)?.assumingMemoryBound(to: CChar.self),
                    nText: CInt(bytes.count)
                ) { context, _, token, length, _, _ in
                    guard let context, let token else { return SQLITE_OK }
                    let reader = Unmanaged<TermReader>.fromOpaque(context).takeUnretainedValue()
                    reader.add(String(decoding: UnsafeRawBufferPointer(start: token, count: Int(length)), as: UTF8.self))
                    return SQLITE_OK
                }
            }
        }
        guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
    }

    private func add(_ term: String) {
        let number: Int32
        if let known = numbers[term] {
            number = known
        } else {
            number = Int32(terms.count)
            terms.append(term)
            numbers[term] = number
        }
        output?.pointee.append(number)
    }
}

extension Array {
    /// The array in consecutive slices of at most `size` elements.
    func chunks(of size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
