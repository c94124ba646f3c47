// DigestGenerator/: synthetic histories in every layout the generators ever
// wrote, for tests and benchmarks, knowing the truth they wrote. Foundation
// only.

import Foundation

extension History {
    static let prompts = [
        "Find papers on sparse expert routing, weight pruning and low-rank adapters.\n\n## Relevance Scoring\n\n- 9-10: the core topics.",
        "Find papers on sparse expert routing, pruning, quantisation and training dynamics.\n\n## Relevance Scoring\n\n- 9-10: the core topics, theory first.",
        "Focus on foundational work: architectures, compression, representation learning.\n\n## Relevance Scoring\n\n- 9-10: foundational.",
    ]
    static let models = ["gpt-4o", "gpt-4o-mini", "gpt-5", "gpt-5.4"]

    /// Writes the truth for `days` consecutive days from `start` (`YYYY-MM-DD`).
    ///
    /// The layout follows the day's place in the history, so that any length
    /// covers every era: the first 8% `totalCostLine`, then 8% `pipeTableNoModel`,
    /// 30% `pipeTableSlashDate`, 30% `pipeTableISODate`, the rest `htmlTable`.
    ///
    /// `followed` people (as a rule names them) are written into some papers'
    /// author lists, as named or with their forename as an initial, and
    /// namesakes of theirs (same surname, a forename with another initial)
    /// into others; `followedPapers` and `namesakePapers` record which.
    public static func generate(
        days: Int, seed: UInt64 = 42, start: String = "2025-01-01",
        followed: [Vocabulary.Person] = []
    ) -> History {
        var random = SeededRandom(seed: seed)
        let vocabulary = Vocabulary(seed: seed, excludingSurnames: Set(followed.map { $0.surname.lowercased() }))
        var planting = Planting(followed: followed, seed: seed)
        // A stream of its own, so that the topics leave every other value of a seed's history as it was.
        var topicRandom = SeededRandom(seed: seed ^ 0x7091_C5E1)
        var runs: [Run] = []
        var recent: [Paper] = []
        var fresh: [Paper] = []  // the latest new papers, for twins
        var serial: [String: Int] = [:]
        let startDate = ISO8601DateFormatter.day.date(from: start)!
        for index in 0..<days {
            let date = ISO8601DateFormatter.day.string(from: startDate.addingTimeInterval(Double(index) * 86_400))
            if random.chance(0.05) { continue }  // no run that day
            let fraction = Double(index) / Double(max(days, 1))
            let layout: Layout =
                fraction < 0.08
                ? .totalCostLine
                : fraction < 0.16
                    ? .pipeTableNoModel
                    : fraction < 0.46 ? .pipeTableSlashDate : fraction < 0.76 ? .pipeTableISODate : .htmlTable
            let roll = random.int(0...99)
            let sources: Sources =
                roll < 68
                ? .markdownAndJSON
                : roll < 78
                    ? .markdownOnly
                    : roll < 82
                        ? .jsonOnly
                        : roll < 92 ? .pageText : .sitePage
            let count = random.chance(0.05) ? 0 : random.int(8...40)
            var papers: [Paper] = []
            var ids = Set<String>()
            for _ in 0..<count {
                var paper: Paper
                if !recent.isEmpty, random.chance(0.12) {
                    paper = recent[random.int(0...(recent.count - 1))]
                    if random.chance(0.2) { paper.title = title(&random, vocabulary) }
                } else {
                    let month = String(date.dropFirst(2).prefix(5)).replacingOccurrences(of: "-", with: "")
                    let n = (serial[month] ?? 10_000) + random.int(1...9)
                    serial[month] = n
                    paper = Paper(
                        id: "\(month).\(n)", title: title(&random, vocabulary),
                        authors: (0..<random.int(1...9)).map { _ in vocabulary.people[random.zipf(vocabulary.people.count)] }.uniqued(),
                        abstract: vocabulary.sentence(&random, words: random.int(80...180)).capitalized + ".",
                        relevance: nil, novelty: nil, score: 0, comment: "", authorMatch: false)
                    writeAboutATopic(&paper, &topicRandom, vocabulary)
                    planting.twin(&paper, ofOneOf: fresh, vocabulary)
                    planting.plant(into: &paper)
                    fresh = Array((fresh + [paper]).suffix(300))
                }
                guard ids.insert(paper.id).inserted else { continue }
                paper.authorMatch = random.chance(0.04)
                if paper.authorMatch {
                    (paper.relevance, paper.novelty, paper.score, paper.comment) = (nil, nil, 20, "Author match")
                } else {
                    let r = random.int(5...10), n = random.int(3...10)
                    (paper.relevance, paper.novelty, paper.score) = (r, n, Double(r + n))
                    paper.comment = vocabulary.sentence(&random, words: random.int(10...24)).capitalized + "."
                }
                papers.append(paper)
            }
            // Published order: author matches first, then score, then relevance.
            papers = papers.enumerated().sorted { a, b in
                let ka = (a.element.authorMatch ? 1 : 0, a.element.score, a.element.relevance ?? 0, -a.offset)
                let kb = (b.element.authorMatch ? 1 : 0, b.element.score, b.element.relevance ?? 0, -b.offset)
                return ka > kb
            }.map(\.element)
            recent = Array((recent + papers).suffix(400))
            let promptTokens = random.int(20_000...180_000), completionTokens = random.int(3_000...50_000)
            let scanned = random.int(count...max(count, 400))
            var run = Run(
                digest: "daily", date: date, layout: layout, sources: sources,
                model: layout == .totalCostLine || layout == .pipeTableNoModel ? nil : random.pick(models),
                promptTokens: promptTokens, completionTokens: completionTokens,
                promptCost: (Double(promptTokens) / 400_000 * 100).rounded() / 100,
                completionCost: (Double(completionTokens) / 100_000 * 100).rounded() / 100,
                totalPapers: scanned + random.int(0...200), scannedPapers: scanned,
                prompt: prompts[min(prompts.count - 1, index * prompts.count / max(days, 1))],
                remedial: layout == .pipeTableSlashDate && random.chance(0.1), papers: papers)
            runs.append(run)
            // A second digest every fifth day, in the upstream format: same papers, its own verdicts.
            if index % 5 == 0, !papers.isEmpty {
                run.digest = "upstream"
                run.sources = .upstream
                run.model = nil
                run.papers = papers.prefix(12).map { p in
                    var p = p
                    p.authorMatch = false
                    let r = random.int(3...10), n = random.int(3...10)
                    (p.relevance, p.novelty, p.score) = (r, n, Double(r + n))
                    p.comment = vocabulary.sentence(&random, words: 12).capitalized + "."
                    return p
                }.sorted { ($0.score, $0.relevance ?? 0) > ($1.score, $1.relevance ?? 0) }
                runs.append(run)
            }
        }
        var history = History(vocabulary: vocabulary, runs: runs)
        (history.followedPapers, history.namesakePapers) = (planting.followedPapers, planting.namesakePapers)
        history.twins = planting.twins
        return history
    }

    /// Puts followed people and their namesakes into new papers, and makes
    /// some new papers near-twins of earlier ones, on random streams of its
    /// own: the history's runs, verdicts and counts stay those of its seed.
    struct Planting {
        let followed: [Vocabulary.Person]
        let namesakes: [Vocabulary.Person]
        var random: SeededRandom
        var twinRandom: SeededRandom
        var followedPapers: Set<String> = []
        var namesakePapers: Set<String> = []
        /// Every spelling of a followed person or namesake written so far.
        var followedSpellings: Set<Vocabulary.Person> = []
        var namesakeSpellings: Set<Vocabulary.Person> = []
        var twins: [String: String] = [:]

        init(followed: [Vocabulary.Person], seed: UInt64) {
            self.followed = followed
            random = SeededRandom(seed: seed ^ 0x5EED_F011_0000_0000)
            twinRandom = SeededRandom(seed: seed ^ 0x0007_3133_0000_0000)
            // One namesake per followed person: a forename whose initial no
            // followed person of that surname has, so no rule can take it.
            namesakes = followed.map { person in
                let taken = Set(followed.filter { $0.surname == person.surname }.map { $0.display.prefix(1).lowercased() })
                let forename = Vocabulary.forenames.first { !taken.contains($0.1.prefix(1).lowercased()) }!
                let surnameTeX = String(person.tex.split(separator: " ").last ?? "")
                return Vocabulary.Person(tex: "\(forename.0) \(surnameTeX)", display: "\(forename.1) \(person.surname)")
            }
        }

        mutating func plant(into paper: inout Paper) {
            guard !followed.isEmpty else { return }
            if random.chance(0.04) {
                let index = random.int(0...(followed.count - 1))
                var person = followed[index]
                // As the rule names them, or "P. Surname": a compatible spelling.
                let forenames = person.display.split(separator: " ").dropLast()
                if let first = forenames.first, first.count > 2, random.chance(0.5) {
                    let initial = "\(first.prefix(1))."
                    person = Vocabulary.Person(
                        tex: "\(initial) \(person.tex.split(separator: " ").last ?? "")",
                        display: "\(initial) \(person.surname)")
                }
                paper.authors.insert(person, at: random.int(0...paper.authors.count))
                followedSpellings.insert(person)
            }
            if random.chance(0.03) {
                let namesake = random.pick(namesakes)
                paper.authors.insert(namesake, at: random.int(0...paper.authors.count))
                namesakeSpellings.insert(namesake)
            }
            // A twin may have inherited them from its original.
            if paper.authors.contains(where: followedSpellings.contains) { followedPapers.insert(paper.id) }
            if paper.authors.contains(where: namesakeSpellings.contains) { namesakePapers.insert(paper.id) }
        }

        /// Now and then rewrites a new paper as a near-twin of an earlier one:
        /// the same title words in another order, most of the abstract's
        /// words, two of its authors. `twins` maps the original to the twin.
        mutating func twin(_ paper: inout Paper, ofOneOf earlier: [Paper], _ vocabulary: Vocabulary) {
            guard earlier.count >= 20, twinRandom.chance(0.02) else { return }
            let original = twinRandom.pick(earlier)
            guard twins[original.id] == nil, !twins.values.contains(original.id) else { return }
            var titleWords = original.title.lowercased().split(separator: " ").map(String.init)
            titleWords.shuffle(using: &twinRandom)
            paper.title = titleWords.joined(separator: " ").capitalized
            let kept = original.abstract.dropLast().split(separator: " ").filter { _ in twinRandom.chance(0.7) }
            let added = vocabulary.sentence(&twinRandom, words: max(10, kept.count / 3)).split(separator: " ")
            paper.abstract = (kept + added).joined(separator: " ").lowercased().capitalized + "."
            paper.authors = (Array(original.authors.prefix(2)) + paper.authors).uniqued()
            paper.topic = original.topic
            twins[original.id] = paper.id
        }
    }

    /// Gives the paper a topic, and writes some of the topic's words into its
    /// title and abstract (one title word, about one abstract word in eight).
    static func writeAboutATopic(_ paper: inout Paper, _ random: inout SeededRandom, _ v: Vocabulary) {
        paper.topic = random.int(0...(Vocabulary.topicCount - 1))
        let words = Array(v.topicWords(paper.topic))
        var title = paper.title.split(separator: " ").map(String.init)
        title[random.int(0...(title.count - 1))] = random.pick(words)
        paper.title = title.joined(separator: " ").capitalized
        let abstract = paper.abstract.dropLast().split(separator: " ").map { random.chance(0.12) ? random.pick(words) : String($0) }
        paper.abstract = abstract.joined(separator: " ").capitalized + "."
    }

    static func title(_ random: inout SeededRandom, _ v: Vocabulary) -> String {
        v.sentence(&random, words: random.int(5...12)).capitalized
    }
}

extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}

extension ISO8601DateFormatter {
    nonisolated(unsafe) static let day: ISO8601DateFormatter = {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withFullDate]
        f.timeZone = TimeZone(identifier: "UTC")
        return f
    }()
}
