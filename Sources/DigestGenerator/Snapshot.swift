import Foundation

/// Synthetic records of the arXiv metadata snapshot (the JSON lines Kaggle
/// distributes), for the catalogue benchmark and tests. Nothing here comes
/// from the real file but its shape and the category names.
///
/// Lengths follow the real file's: a title of about 75 characters, an
/// abstract of about 1,000, four authors on average (a few collaborations of
/// hundreds), one to three versions. Words are drawn with a Zipf frequency
/// (rank k has weight 1/k) from invented words after the common English and
/// field words, so a common term matches most abstracts and a rare one a
/// handful. A fifth of the people have TeX accents in their names. Ids run
/// in time order, a few old-style (`hep-th/0701003`) among them.
public struct SnapshotGenerator {
    /// One line of the snapshot.
    public struct Record: Encodable {
        public struct Version: Encodable {
            public var version: String
            public var created: String
        }

        public var id: String
        public var submitter: String
        public var authors: String
        public var title: String
        public var comments: String?
        public var journalRef: String?
        public var doi: String?
        public var reportNo: String?
        public var categories: String
        public var license: String?
        public var abstract: String
        public var versions: [Version]
        public var updateDate: String
        public var authorsParsed: [[String]]

        enum CodingKeys: String, CodingKey {
            case id, submitter, authors, title, comments, doi, categories, license, abstract, versions
            case journalRef = "journal-ref", reportNo = "report-no", updateDate = "update_date", authorsParsed = "authors_parsed"
        }

        /// The snapshot's key order, with `null` written out as the snapshot does.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(submitter, forKey: .submitter)
            try c.encode(authors, forKey: .authors)
            try c.encode(title, forKey: .title)
            try c.encode(comments, forKey: .comments)
            try c.encode(journalRef, forKey: .journalRef)
            try c.encode(doi, forKey: .doi)
            try c.encode(reportNo, forKey: .reportNo)
            try c.encode(categories, forKey: .categories)
            try c.encode(license, forKey: .license)
            try c.encode(abstract, forKey: .abstract)
            try c.encode(versions, forKey: .versions)
            try c.encode(updateDate, forKey: .updateDate)
            try c.encode(authorsParsed, forKey: .authorsParsed)
        }
    }

    /// Real arXiv category codes, most frequent first.
    static let categories = [
        "cs.LG", "cs.CV", "cs.CL", "hep-ph", "quant-ph", "astro-ph.GA", "cond-mat.mes-hall", "math.CO", "stat.ML",
        "hep-th", "cs.AI", "math.PR", "astro-ph.SR", "cond-mat.str-el", "math.AP", "cs.RO", "gr-qc", "physics.optics",
        "math.NT", "cs.IT", "eess.SP", "cond-mat.stat-mech", "astro-ph.CO", "math.AG", "cs.CR", "q-bio.NC",
        "physics.flu-dyn", "econ.EM", "cs.DS", "math.OC", "nucl-th", "astro-ph.HE", "cs.NE", "q-fin.ST",
    ]
    /// Common words, most frequent first: they lead the Zipf ranking.
    static let commonWords = [
        "the", "of", "and", "a", "in", "to", "we", "is", "for", "that", "with", "on", "this", "by", "model", "are",
        "as", "an", "which", "be", "from", "our", "results", "data", "show", "method", "can", "learning", "these",
        "network", "at", "it", "two", "new", "using", "training", "field", "energy", "quantum", "time", "also",
        "system", "propose", "problem", "based", "approach", "performance", "state", "large", "study",
    ]
    static let accents: [(plain: String, tex: String)] = [
        ("e", "\\'e"), ("o", "\\\"o"), ("a", "\\`a"), ("u", "\\\"u"), ("c", "\\c{c}"), ("n", "\\~n"), ("s", "\\v{s}"),
        ("o", "{\\o}"), ("l", "{\\l}"), ("i", "\\'{\\i}"), ("a", "{\\aa}"), ("z", "\\v{z}"),
    ]

    let words: [String]
    /// Cumulative Zipf weights of `words`, for drawing by binary search.
    let wordCDF: [Double]
    let people: [(first: String, last: String)]
    var random: SeededRandom
    /// How many records the file will hold: it places the old-style ids.
    let papers: Int
    public private(set) var count = 0
    /// The last serial number of each old-style archive and month.
    var oldSerials: [String: Int] = [:]

    /// `papers` records to come, `vocabulary` distinct words, `peopleCount` distinct people.
    public init(seed: UInt64, papers: Int, vocabulary: Int = 60_000, peopleCount: Int = 200_000) {
        self.papers = papers
        var random = SeededRandom(seed: seed)
        var words = SnapshotGenerator.commonWords
        var seen = Set(words)
        while words.count < vocabulary {
            let w = (0..<random.int(2...4)).map { _ in random.pick(Vocabulary.syllables) }.joined()
            if seen.insert(w).inserted { words.append(w) }
        }
        self.words = words
        var total = 0.0
        wordCDF = (1...words.count).map { rank in
            total += 1 / Double(rank); return total
        }
        var people: [(String, String)] = []
        for _ in 0..<peopleCount {
            let first =
                random.chance(0.15)
                ? random.pick(Vocabulary.forenames).0
                : (0..<random.int(2...3)).map { _ in random.pick(Vocabulary.syllables) }.joined().capitalized
            var last = (0..<random.int(2...4)).map { _ in random.pick(Vocabulary.syllables) }.joined().capitalized
            if random.chance(0.2) {
                let accent = random.pick(SnapshotGenerator.accents)
                if let range = last.range(of: accent.plain) { last.replaceSubrange(range, with: accent.tex) }
            }
            people.append((first, last))
        }
        self.people = people
        self.random = random
    }

    /// The next record. The first tenth of `papers` get old-style ids
    /// (`hep-th/9403117`) from 1992 to March 2007, as the real file's earliest
    /// papers do; then new-style ids from April 2007, `perMonth` a month.
    public mutating func next(perMonth: Int = 4_000) -> Record {
        let category = SnapshotGenerator.categories[random.zipf(SnapshotGenerator.categories.count)]
        let oldStyle = count < papers / 10
        let month = oldStyle ? count * 183 / max(1, papers / 10) : (count - papers / 10) / perMonth
        let (year, monthOfYear) = oldStyle ? (1992 + month / 12, month % 12 + 1) : (2007 + (month + 3) / 12, (month + 3) % 12 + 1)
        let yymm = String(format: "%02d%02d", year % 100, monthOfYear)
        let id: String
        if oldStyle {
            let archive = String(category.split(separator: ".")[0])
            let serial = (oldSerials["\(archive)/\(yymm)"] ?? 0) + 1
            oldSerials["\(archive)/\(yymm)"] = serial
            id = "\(archive)/\(yymm)\(String(format: "%03d", serial))"
        } else {
            id = "\(yymm).\(String(format: year >= 2015 ? "%05d" : "%04d", (count - papers / 10) % perMonth + 1))"
        }
        count += 1

        let authorCount = random.chance(0.002) ? random.int(100...400) : 1 + random.zipf(12)
        let authors = (0..<authorCount).map { _ in people[random.zipf(people.count)] }
        let initials = random.chance(0.2)
        let shown = authors.map { (initials ? String($0.first.prefix(1)) + "." : $0.first) + " " + $0.last }
        let authorsText = shown.count > 1 ? shown.dropLast().joined(separator: ", ") + " and " + shown.last! : shown[0]

        let day = random.int(1...28)
        var versions: [Record.Version] = []
        for v in 1...(1 + random.zipf(3)) {
            versions.append(
                .init(
                    version: "v\(v)",
                    created: SnapshotGenerator.created(
                        year: year, month: monthOfYear, day: day + v - 1,
                        seconds: random.int(0...86_399))))
        }
        var crossLists: [String] = []
        for _ in 0..<random.zipf(3) {
            let c = SnapshotGenerator.categories[random.zipf(SnapshotGenerator.categories.count)]
            if c != category && !crossLists.contains(c) { crossLists.append(c) }
        }
        return Record(
            id: id,
            submitter: authors[0].first + " " + authors[0].last,
            authors: authorsText,
            title: sentence(words: random.int(5...14), capitalized: true),
            comments: random.chance(0.7) ? "\(random.int(4...40)) pages, \(random.int(1...12)) figures" : nil,
            journalRef: random.chance(0.15) ? "J. Synth. Res. \(random.int(1...90)) (\(year)) \(random.int(1...999))" : nil,
            doi: random.chance(0.15) ? "10.9999/synth.\(year).\(count)" : nil,
            reportNo: random.chance(0.03) ? "SYN-\(year)-\(random.int(1...999))" : nil,
            categories: ([category] + crossLists).joined(separator: " "),
            license: random.chance(0.5) ? "http://arxiv.org/licenses/nonexclusive-distrib/1.0/" : nil,
            abstract: abstract(),
            versions: versions,
            updateDate: String(format: "%04d-%02d-%02d", year, monthOfYear, min(28, day + versions.count - 1)),
            authorsParsed: authors.map { [$0.last, initials ? String($0.first.prefix(1)) + "." : $0.first, ""] }
        )
    }

    /// An abstract of about 1,000 characters: sentences of 8 to 30 words,
    /// one abstract in five with some TeX mathematics.
    mutating func abstract() -> String {
        let target = 600 + random.int(0...800)
        var text = ""
        while text.count < target {
            if !text.isEmpty { text += " " }
            text += sentence(words: random.int(8...30), capitalized: true) + "."
        }
        if random.chance(0.2) { text += " We find $\\alpha \\sim \(random.int(2...9))$." }
        return text
    }

    mutating func sentence(words count: Int, capitalized: Bool) -> String {
        var out = (0..<count).map { _ in word() }.joined(separator: " ")
        if capitalized { out = out.capitalized }
        return out
    }

    /// A word drawn with Zipf weights: binary search of the cumulative weights.
    mutating func word() -> String {
        let u = Double.random(in: 0..<wordCDF[wordCDF.count - 1], using: &random)
        var (lo, hi) = (0, wordCDF.count - 1)
        while lo < hi {
            let mid = (lo + hi) / 2
            if wordCDF[mid] <= u { lo = mid + 1 } else { hi = mid }
        }
        return words[lo]
    }

    /// A version date as the snapshot writes it: `Mon, 2 Apr 2007 19:18:42 GMT`.
    static func created(year: Int, month: Int, day: Int, seconds: Int) -> String {
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        // Sakamoto's day of the week.
        let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = month < 3 ? year - 1 : year
        let weekday = (y + y / 4 - y / 100 + y / 400 + offsets[month - 1] + day) % 7
        let time = String(format: "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        return "\(weekdays[weekday]), \(day) \(names[month - 1]) \(year) \(time) GMT"
    }
}
