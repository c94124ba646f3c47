/// Splits query text into tokens, remembering where each starts.
enum Lexer {
    struct Token: Equatable {
        enum Kind: Equatable { case word, phrase, open, close, or, and, not }

        var kind: Kind
        /// The text as typed (for messages).
        var text: String
        /// The value: the word, or the phrase without its quotes, or a field's value.
        var value: String
        /// `ti`, `au`, `date`, ... when the token was `field:value`.
        var field: String?
        /// 1-based column.
        var column: Int
    }

    static func tokens(of input: String) throws(QueryError) -> [Token] {
        let chars = Array(input)
        var tokens: [Token] = []
        var i = 0
        func readPhrase(from start: Int) throws(QueryError) -> (String, Int) {
            // chars[start] is the opening quote.
            var j = start + 1
            var value = ""
            while j < chars.count, chars[j] != "\"" { value.append(chars[j]); j += 1 }
            guard j < chars.count else { throw QueryError(column: start + 1, message: "this '\"' is never closed") }
            return (value, j + 1)
        }
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace { i += 1; continue }
            let column = i + 1
            switch c {
            case "(":
                tokens.append(Token(kind: .open, text: "(", value: "(", column: column)); i += 1
            case ")":
                tokens.append(Token(kind: .close, text: ")", value: ")", column: column)); i += 1
            case "\"":
                let (value, next) = try readPhrase(from: i)
                tokens.append(Token(kind: .phrase, text: String(chars[i..<next]), value: value, column: column))
                i = next
            case "-" where i + 1 < chars.count && !chars[i + 1].isWhitespace && chars[i + 1] != ")":
                tokens.append(Token(kind: .not, text: "-", value: "-", column: column)); i += 1
            default:
                var j = i
                while j < chars.count, !chars[j].isWhitespace, !"()\"".contains(chars[j]) { j += 1 }
                let word = String(chars[i..<j])
                if let colon = word.firstIndex(of: ":"), colon != word.startIndex,
                    word[..<colon].allSatisfy({ $0.isASCII && $0.isLetter })
                {
                    let field = word[..<colon].lowercased()
                    var value = String(word[word.index(after: colon)...])
                    var kind = Token.Kind.word
                    var end = j
                    if value.isEmpty, j < chars.count, chars[j] == "\"" {
                        (value, end) = try readPhrase(from: j)
                        kind = .phrase
                    }
                    tokens.append(Token(kind: kind, text: String(chars[i..<end]), value: value, field: field, column: column))
                    i = end
                    continue
                }
                switch word {
                case "OR": tokens.append(Token(kind: .or, text: word, value: word, column: column))
                case "AND": tokens.append(Token(kind: .and, text: word, value: word, column: column))
                case "NOT": tokens.append(Token(kind: .not, text: word, value: word, column: column))
                default: tokens.append(Token(kind: .word, text: word, value: word, column: column))
                }
                i = j
            }
        }
        return tokens
    }
}
