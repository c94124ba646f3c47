import Foundation

/// BERT's uncased WordPiece tokenizer, as Hugging Face `tokenizers` runs it
/// for a `BertWordPieceTokenizer(lowercase: true)`: the ids of a text, with
/// `[CLS]` and `[SEP]`, at most `maxTokens` of them.
///
/// Written here because no tokenizer is packaged for Swift on this platform,
/// and the algorithm is short and fully specified by the reference
/// implementation (`tokenizers/src/normalizers/bert.rs`,
/// `pre_tokenizers/bert.rs`, `models/wordpiece`). It works on Unicode
/// scalars, as Rust works on `char`s. `WordPieceReferenceTests` checks it
/// against the Python package on thousands of strings when it is installed.
///
/// Steps, in the reference's order:
/// 1. clean: drop NUL, U+FFFD and control characters (categories Cc, Cf, Cn,
///    Co, Cs, but not tab, newline, return); every whitespace becomes a space;
/// 2. put spaces around CJK ideographs, so each is a word;
/// 3. strip accents (NFD, then drop nonspacing marks), then lower-case,
///    one scalar at a time (no context rules such as the final sigma);
/// 4. split on whitespace, and make each punctuation character a word
///    (ASCII punctuation, and Unicode's P* categories);
/// 5. split each word into the longest vocabulary pieces from the left, the
///    pieces after the first written `##piece`; a word that cannot be split
///    entirely, or is longer than 100 scalars, is `[UNK]`.
public struct WordPieceTokenizer: Sendable {
    let table: TokenTable
    public let maxTokens: Int
    let unknownID: Int32
    let classID: Int32
    let separatorID: Int32
    static let maxWordScalars = 100

    public enum LoadError: DescribedError {
        case missingToken(String)
        public var description: String {
            switch self {
            case .missingToken(let token):
                return "the vocabulary has no \(token) token: it is not a BERT vocabulary"
            }
        }
    }

    /// `vocab.txt`'s bytes: one token per line, its id its line number (see `TokenTable`).
    public init(vocabularyFile bytes: [UInt8], maxTokens: Int = 256) throws {
        try self.init(table: TokenTable(lines: bytes), maxTokens: maxTokens)
    }

    /// The tokens in id order.
    public init(tokens: [String], maxTokens: Int = 256) throws {
        try self.init(table: TokenTable(tokens: tokens), maxTokens: maxTokens)
    }

    init(table: TokenTable, maxTokens: Int) throws {
        func id(_ token: String) throws -> Int32 {
            guard let id = table.id(token) else { throw LoadError.missingToken(token) }
            return id
        }
        self.table = table
        self.maxTokens = max(2, maxTokens)
        unknownID = try id("[UNK]")
        classID = try id("[CLS]")
        separatorID = try id("[SEP]")
    }

    /// The id of a token of the vocabulary.
    public func id(of token: String) -> Int32? { table.id(token) }

    /// The ids the encoder reads: `[CLS]`, the text's pieces (cut so that the
    /// whole fits in `maxTokens`), `[SEP]`.
    public func ids(_ text: String) -> [Int32] {
        var ids: [Int32] = [classID]
        let room = maxTokens - 2
        wordLoop: for word in Self.words(text) {
            for piece in pieces(of: word) {
                if ids.count - 1 == room { break wordLoop }
                ids.append(piece)
            }
        }
        ids.append(separatorID)
        return ids
    }

    /// The pieces as strings, for tests and `--explain`.
    public func tokens(_ text: String) -> [String] {
        ids(text).map { table.token($0) ?? "[UNK]" }
    }

    /// Steps 1 to 4: the normalised words of a text.
    static func words(_ text: String) -> [[Unicode.Scalar]] {
        var words: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        func endWord() {
            if !current.isEmpty { words.append(current) }
            current.removeAll(keepingCapacity: true)
        }
        for scalar in normalized(text) {
            if scalar.properties.isWhitespace {
                endWord()
            } else if isPunctuation(scalar) {
                endWord()
                words.append([scalar])
            } else {
                current.append(scalar)
            }
        }
        endWord()
        return words
    }

    /// Steps 1 to 3.
    static func normalized(_ text: String) -> [Unicode.Scalar] {
        var cleaned = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value == 0 || scalar.value == 0xFFFD || isControl(scalar) { continue }
            if isWhitespace(scalar) {
                cleaned.append(" ")
            } else if isCJKIdeograph(scalar) {
                cleaned.append(" ")
                cleaned.append(scalar)
                cleaned.append(" ")
            } else {
                cleaned.append(scalar)
            }
        }
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(cleaned.count)
        // NFD, as Rust's unicode-normalization computes it: Foundation's
        // canonical decomposition.
        let decomposed = String(cleaned).decomposedStringWithCanonicalMapping
        for scalar in decomposed.unicodeScalars where scalar.properties.generalCategory != .nonspacingMark {
            if scalar.properties.changesWhenLowercased {
                result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return result
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar.properties.isWhitespace
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\t" || scalar == "\n" || scalar == "\r" { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .unassigned, .privateUse, .surrogate: return true
        default: return false
        }
    }

    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if (33...47).contains(value) || (58...64).contains(value) || (91...96).contains(value)
            || (123...126).contains(value)
        {
            return true
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// The CJK Unified Ideographs blocks BERT treats as words of their own
    /// (not Hangul, Hiragana or Katakana, which are written with spaces or
    /// split by WordPiece).
    static func isCJKIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F,
            0x2B740...0x2B81F, 0x2B920...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            return true
        default:
            return false
        }
    }

    /// Step 5: greedy longest match from the left.
    func pieces(of word: [Unicode.Scalar]) -> [Int32] {
        if word.count > Self.maxWordScalars { return [unknownID] }
        // Each scalar's UTF-8 bytes, and where each scalar starts among them:
        // a candidate piece is a run of them, looked up without a String.
        var utf8: [UInt8] = []
        var offsets: [Int] = []
        for scalar in word {
            offsets.append(utf8.count)
            utf8.append(contentsOf: UTF8.encode(scalar)!)
        }
        offsets.append(utf8.count)
        var candidate: [UInt8] = []
        var pieces: [Int32] = []
        var start = 0
        while start < word.count {
            var end = word.count
            var found: Int32?
            while start < end {
                candidate.removeAll(keepingCapacity: true)
                if start > 0 { candidate.append(contentsOf: [0x23, 0x23]) }  // "##"
                candidate.append(contentsOf: utf8[offsets[start]..<offsets[end]])
                if let id = candidate.withUnsafeBufferPointer({ table.id($0) }) {
                    found = id
                    break
                }
                end -= 1
            }
            guard let id = found else { return [unknownID] }
            pieces.append(id)
            start = end
        }
        return pieces
    }
}
