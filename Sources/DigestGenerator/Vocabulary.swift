/// Invented words and names. Nothing here comes from a real digest.
public struct Vocabulary: Sendable {
    /// Words by rank: the first ones are the common ones.
    public let words: [String]
    /// Author names as a digest writes them (TeX escapes) and as they display.
    public let people: [Person]

    public struct Person: Sendable, Hashable {
        public var tex: String
        public var display: String

        public init(tex: String, display: String) {
            self.tex = tex
            self.display = display
        }

        /// The last word of the display name.
        public var surname: String { String(display.split(separator: " ").last ?? "") }
    }

    static let syllables = [
        "va", "lor", "mi", "tex", "quo", "ran", "sel", "dun", "pri", "gal", "bo", "ker", "zen",
        "ul", "fa", "rim", "tho", "nex", "car", "li", "mon", "sar", "del", "vi", "pen", "tor",
    ]
    static let common = [
        "the", "of", "and", "a", "we", "to", "in", "model", "learning", "method", "show", "that",
        "for", "with", "network", "data", "training", "on", "results", "our", "is", "by",
    ]

    /// Forename and surname pieces: (TeX, display).
    static let forenames: [(String, String)] = [
        ("Ilse", "Ilse"), ("Tarun", "Tarun"), ("Bo", "Bo"), ("Mireille", "Mireille"), ("Kwame", "Kwame"),
        ("Ren\\'ee", "Renée"), ("J\\\"org", "Jörg"), ("\\'Alvaro", "Álvaro"), ("O\\u{g}uz", "Oğuz"),
        ("Lu\\`isa", "Luìsa"), ("Fran\\c{c}ois", "François"), ("Zo\\\"e", "Zoë"), ("Ji\\v{r}\\'i", "Jiří"),
        ("Pawe{\\l}", "Paweł"), ("Yannick", "Yannick"), ("Ines", "Ines"), ("Haruto", "Haruto"), ("Leila", "Leila"),
        ("Dara", "Dara"), ("Tomasz", "Tomasz"), ("Aiko", "Aiko"), ("Nikhil", "Nikhil"), ("Sven", "Sven"), ("Ona", "Ona"),
    ]
    static let surnames: [(String, String)] = [
        ("Sk{\\o}ld", "Skøld"), ("Duval", "Duval"), ("Keller", "Keller"),
        ("Pe\\~na", "Peña"), ("Kaya", "Kaya"), ("Fantini", "Fantini"), ("Nowicki", "Nowicki"), ("Morvan", "Morvan"),
        ("B\\'eranger", "Béranger"), ("M\\\"uller-Vogt", "Müller-Vogt"), ("{\\L}ukasik", "Łukasik"),
        ("Dvo\\v{r}\\'ak", "Dvořák"), ("Osei", "Osei"), ("Tanaka", "Tanaka"), ("Varga", "Varga"), ("Lindqvist", "Lindqvist"),
        ("Achterberg", "Achterberg"), ("Qadir", "Qadir"), ("Sato", "Sato"), ("Halloran", "Halloran"),
        ("{\\AA}berg", "Åberg"), ("\\c{C}elik", "Çelik"), ("Rossi", "Rossi"), ("Mbeki", "Mbeki"),
    ]

    /// `excludingSurnames` (lowercased display surnames) keeps the pool clear
    /// of the people a history follows, so that only its planted namesakes
    /// share their surnames.
    public init(seed: UInt64, wordCount: Int = 6_000, peopleCount: Int = 1_500, excludingSurnames: Set<String> = []) {
        var random = SeededRandom(seed: seed)
        var words = Vocabulary.common
        var seen = Set(words)
        while words.count < wordCount {
            let n = random.int(2...4)
            let w = (0..<n).map { _ in random.pick(Vocabulary.syllables) }.joined()
            if seen.insert(w).inserted { words.append(w) }
        }
        self.words = words
        var people: [Person] = []
        var names = Set<String>()
        for f in Vocabulary.forenames {
            for s in Vocabulary.surnames where people.count < peopleCount {
                let p = Person(tex: "\(f.0) \(s.0)", display: "\(f.1) \(s.1)")
                if names.insert(p.display).inserted { people.append(p) }
            }
        }
        // Invented syllable names fill the rest of the pool.
        while people.count < peopleCount {
            let first = (0..<random.int(2...3)).map { _ in random.pick(Vocabulary.syllables) }.joined().capitalized
            let last = (0..<random.int(2...3)).map { _ in random.pick(Vocabulary.syllables) }.joined().capitalized
            let p = Person(tex: "\(first) \(last)", display: "\(first) \(last)")
            if names.insert(p.display).inserted { people.append(p) }
        }
        self.people = random.shuffled(people).filter { !excludingSurnames.contains($0.surname.lowercased()) }
    }

    /// How many invented topics papers are written about.
    public static let topicCount = 8

    /// A topic's own words: 40 of the middling ranks, none shared with
    /// another topic, frequent enough elsewhere to be no give-away alone.
    public func topicWords(_ topic: Int) -> ArraySlice<String> {
        let start = 400 + 40 * topic
        return words[start..<(start + 40)]
    }

    public func sentence(_ random: inout SeededRandom, words count: Int) -> String {
        (0..<count).map { _ in words[random.zipf(words.count)] }.joined(separator: " ")
    }
}

extension SeededRandom {
    mutating func shuffled<T>(_ items: [T]) -> [T] {
        var copy = items
        copy.shuffle(using: &self)
        return copy
    }
}

extension String {
    var capitalized: String { prefix(1).uppercased() + dropFirst() }
}
