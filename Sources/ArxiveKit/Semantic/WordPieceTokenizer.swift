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
    public let vocabulary: [String: Int32]
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

    /// `vocab.txt`: one token per line, its id being its line number. As in
    /// the reference, trailing whitespace is not part of a token and a token
    /// written twice has the later id.
    public init(vocabularyText: String, maxTokens: Int = 256) throws {
        // Split as bytes: a search loads the 30,522 lines of a BERT vocabulary
        // every time, and splitting the String by Characters (grapheme
        // clusters) took a tenth of a query's time.
        var vocabulary: [String: Int32] = [:]
        vocabulary.reserveCapacity(32_768)
        var text = vocabularyText
        text.withUTF8 { bytes in
            var id: Int32 = 0
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                var last = end
                // Trailing ASCII whitespace (a `\r`, spaces) is not part of the token.
                while last > start, [0x20, 0x09, 0x0D, 0x0B, 0x0C].contains(bytes[last - 1]) { last -= 1 }
                vocabulary[String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<last]), as: UTF8.self)] = id
                id += 1
                start = end + 1
            }
        }
        try self.init(vocabulary: vocabulary, maxTokens: maxTokens)
    }

    public init(vocabulary: [String: Int32], maxTokens: Int = 256) throws {
        func id(_ token: String) throws -> Int32 {
            guard let id = vocabulary[token] else { throw LoadError.missingToken(token) }
            return id
        }
        self.vocabulary = vocabulary
        self.maxTokens = max(2, maxTokens)
        unknownID = try id("[UNK]")
        classID = try id("[CLS]")
        separatorID = try id("[SEP]")
    }

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
        let names = Dictionary(vocabulary.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
        return ids(text).map { names[$0] ?? "[UNK]" }
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
        var pieces: [Int32] = []
        var start = 0
        while start < word.count {
            var end = word.count
            var found: Int32?
            while start < end {
                var candidate = start > 0 ? "##" : ""
                candidate.unicodeScalars.append(contentsOf: word[start..<end])
                if let id = vocabulary[candidate] {
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
