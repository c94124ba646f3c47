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
struct PaperFeatures {
    enum Feature: Hashable, Sendable {
        case term(String)
        case author(Int64)
    }

    /// How long a paper's author part is beside its text part (length 1).
    static let authorWeight = 0.5
    /// `papers_fts`'s tokenizer (migration 001_archive).
    static let tokenizer = FTS5TokenizerDescriptor(components: ["porter", "unicode61", "remove_diacritics", "2"])

    /// Feature index -> feature.
    private(set) var features: [Feature] = []
    private var index: [Feature: Int32] = [:]
    /// Paper id -> its vector.
    private(set) var vectors: [Int64: SparseVector] = [:]

    /// The vectors of `paperIDs` (ids from `papers`).
    init(paperIDs: [Int64], _ db: Database) throws {
        let tokenizer = try db.makeTokenizer(PaperFeatures.tokenizer)
        var termCounts: [Int64: [String: Int]] = [:]
        var documentFrequency: [String: Int] = [:]
        // Ids are integers from the archive: written into the SQL, in chunks
        // that keep each statement short.
        for chunk in paperIDs.chunks(of: 500) {
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, title, abstract FROM papers WHERE id IN (\(chunk.map(String.init).joined(separator: ",")))
                """)
            while let row = try rows.next() {
                let counter = TermCounter()
                try counter.count(row[1], tokenizer)
                try counter.count(row[2], tokenizer)
                for term in counter.counts.keys { documentFrequency[term, default: 0] += 1 }
                termCounts[row[0]] = counter.counts
            }
        }
        let paperCount = Double(termCounts.count)
        var authors: [Int64: [Int64]] = [:]
        for chunk in paperIDs.chunks(of: 500) {
            let rows = try Row.fetchCursor(db, sql: """
                SELECT paper_id, author_id FROM paper_authors WHERE paper_id IN (\(chunk.map(String.init).joined(separator: ",")))
                """)
            while let row = try rows.next() {
                authors[row[0], default: []].append(row[1])
            }
        }
        for paperID in paperIDs {
            var entries: [(Int32, Double)] = []
            // In a fixed order: feature numbers (and so every sum) the same on every run.
            for (term, count) in (termCounts[paperID] ?? [:]).sorted(by: { $0.key < $1.key }) {
                let df = documentFrequency[term]!
                guard df > 1 else { continue }
                entries.append((indexOf(.term(term)), (1 + log(Double(count))) * log(paperCount / Double(df))))
            }
            let textNorm = sqrt(entries.reduce(0) { $0 + $1.1 * $1.1 })
            if textNorm > 0 { entries = entries.map { ($0.0, $0.1 / textNorm) } }
            let paperAuthors = Set(authors[paperID] ?? []).sorted()
            for author in paperAuthors {
                entries.append((indexOf(.author(author)), PaperFeatures.authorWeight / sqrt(Double(paperAuthors.count))))
            }
            entries.sort { $0.0 < $1.0 }
            vectors[paperID] = SparseVector(indexes: entries.map(\.0), values: entries.map(\.1))
        }
    }

    private mutating func indexOf(_ feature: Feature) -> Int32 {
        if let known = index[feature] { return known }
        let new = Int32(features.count)
        features.append(feature)
        index[feature] = new
        return new
    }
}

/// Counts a text's terms as an FTS5 tokenizer makes them.
///
/// Why not GRDB's `tokenize(document:)`: it makes each token through
/// Foundation's `Data` and `String(data:encoding:)` and collects them all in
/// an array, which took 140 of the 190 ms of a month's `recommend`. This
/// calls the same tokenizer through GRDB's own lower entry point and counts
/// each token as it comes (a token of up to 15 bytes is a Swift small
/// string: no allocation). The tests check it against `tokenize(document:)`.
final class TermCounter {
    private(set) var counts: [String: Int] = [:]

    func count(_ text: String, _ tokenizer: any FTS5Tokenizer) throws {
        var text = text
        let code = text.withUTF8 { bytes in
            tokenizer.tokenize(context: Unmanaged.passUnretained(self).toOpaque(), tokenization: .document,
                               pText: UnsafeRawPointer(bytes.baseAddress)?.assumingMemoryBound(to: CChar.self),
                               nText: CInt(bytes.count)) { context, _, token, length, _, _ in
                guard let context, let token else { return SQLITE_OK }
                let counter = Unmanaged<TermCounter>.fromOpaque(context).takeUnretainedValue()
                counter.counts[String(decoding: UnsafeRawBufferPointer(start: token, count: Int(length)), as: UTF8.self), default: 0] += 1
                return SQLITE_OK
            }
        }
        guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
    }
}

extension Array {
    /// The array in consecutive slices of at most `size` elements.
    func chunks(of size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
