import DigestGenerator
import Foundation
import GRDB
import Testing

@testable import ArxiveKit

@Suite("The ranker learned from marks")
struct LearnedRankerTests {
    /// Fixed data: 90 sparse samples over 14 features, labelled by a planted
    /// weight vector with noise, positives weighing 2.5 and negatives 1.
    static func fixedSamples() -> [LogisticRegression.Sample] {
        var random = SeededRandom(seed: 5)
        let planted = (0..<14).map { _ in Double(random.int(-20...20)) / 10 }
        return (0..<90).map { _ in
            let indexes = Array(Set((0..<random.int(2...6)).map { _ in Int32(random.int(0...13)) })).sorted()
            let values = indexes.map { _ in Double(random.int(1...30)) / 20 }
            let x = SparseVector(indexes: indexes, values: values)
            let isPositive = x.dot(planted) - 0.3 + Double(random.int(-10...10)) / 10 > 0
            return LogisticRegression.Sample(features: x, isPositive: isPositive, weight: isPositive ? 2.5 : 1)
        }
    }

    /// The objective the model minimises (its documentation's formula).
    static func objective(_ w: [Double], _ b: Double, _ samples: [LogisticRegression.Sample], lambda: Double) -> Double {
        let total = samples.reduce(0) { $0 + $1.weight }
        let loss = samples.reduce(0) { sum, s in
            let margin = (s.isPositive ? 1.0 : -1.0) * (s.features.dot(w) + b)
            return sum + s.weight * log(1 + exp(-margin))
        }
        return lambda / 2 * w.reduce(0) { $0 + $1 * $1 } + loss / total
    }

    @Test("Training reaches the minimum: every small step away from it costs, and the gradient is near zero")
    func reachesTheMinimum() {
        let samples = Self.fixedSamples()
        #expect(samples.contains { $0.isPositive } && samples.contains { !$0.isPositive })
        let model = LogisticRegression.train(samples, featureCount: 14, lambda: 0.05, tolerance: 1e-9)
        #expect(model.gradientNorm <= 1e-9 && model.iterations < 5_000)
        let best = Self.objective(model.weights, model.intercept, samples, lambda: 0.05)
        var random = SeededRandom(seed: 8)
        for _ in 0..<40 {
            var w = model.weights
            let j = random.int(0...14)
            let step = Double(random.int(-10...10)) / 1_000
            if j == 14 {
                #expect(Self.objective(w, model.intercept + step, samples, lambda: 0.05) >= best - 1e-12)
            } else {
                w[j] += step
                #expect(Self.objective(w, model.intercept, samples, lambda: 0.05) >= best - 1e-12)
            }
        }
    }

    @Test("The same coefficients as scikit-learn's LogisticRegression on the same data", .enabled(if: PeerPython.with("sklearn") != nil))
    func agreesWithScikitLearn() throws {
        let samples = Self.fixedSamples()
        let lambda = 0.05
        let model = LogisticRegression.train(samples, featureCount: 14, lambda: lambda, tolerance: 1e-10)
        let rows = samples.map { s in (0..<14).map { j in s.features.indexes.firstIndex(of: Int32(j)).map { s.features.values[$0] } ?? 0 } }
        let data: [String: Any] = [
            "x": rows, "y": samples.map { $0.isPositive ? 1 : 0 }, "weight": samples.map(\.weight),
            "c": 1 / (lambda * samples.reduce(0) { $0 + $1.weight }),
        ]
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("arxive-logistic-\(UUID()).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try JSONSerialization.data(withJSONObject: data).write(to: file)
        let script = """
            import json, sys
            from sklearn.linear_model import LogisticRegression
            d = json.load(open(sys.argv[1]))
            m = LogisticRegression(C=d["c"], solver="lbfgs", tol=1e-12, max_iter=100000)
            m.fit(d["x"], d["y"], sample_weight=d["weight"])
            print(json.dumps(list(m.coef_[0]) + [m.intercept_[0]]))
            """
        let output = try PeerPython.run(PeerPython.with("sklearn")!, script, [file.path])
        let reference = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [Double])
        #expect(reference.count == 15)
        for (mine, theirs) in zip(model.weights + [model.intercept], reference) {
            #expect(abs(mine - theirs) < 1e-5, "\(mine) vs scikit-learn's \(theirs)")
        }
    }

    @Test("TermReader reads the tokens GRDB's tokenize(document:) gives, with the archive's tokenizer")
    func termCounterAgreesWithGRDB() throws {
        let archive = try Archive.inMemory()
        let texts = [
            "Schrödinger's naïve façade: 3.5% über-fast Ölmühle, ﬁnite Łukasik–Dvořák models modelling MODELS",
            "", "   ", "日本語のテキスト and emoji 🧪 tokens", try Paths.text("md/2025-12-01-output.md"),
        ]
        try archive.withDatabaseForTesting { db in
            let tokenizer = try db.makeTokenizer(PaperFeatures.tokenizer)
            let reader = TermReader()
            for text in texts {
                var numbers: [Int32] = []
                try reader.read(text, tokenizer, into: &numbers)
                #expect(numbers.map { reader.terms[Int($0)] } == (try tokenizer.tokenize(document: text).map(\.token)), "\(text.prefix(40))")
            }
            var numbers: [Int32] = []
            try reader.read("Models modelling MODELS naïve", tokenizer, into: &numbers)
            #expect(numbers.map { reader.terms[Int($0)] } == ["model", "model", "model", "naiv"], "stemmed and folded as the index does")
            #expect(Set(numbers).count == 2, "one number per term")
        }
    }

    /// A generated history (whose papers each have an invented topic), imported.
    static func topicalArchive() throws -> (Archive, History) {
        let history = History.generate(days: 90, seed: 17)
        let archive = try importedArchive(history)
        return (archive, history)
    }

    /// The area under the ROC curve of `scores` for the papers of `topic`.
    static func auc(_ scores: [(String, Double)], topic: Int, _ truth: [String: History.Paper]) -> Double {
        let positives = scores.filter { truth[$0.0]!.topic == topic }.map(\.1)
        let negatives = scores.filter { truth[$0.0]!.topic != topic }.map(\.1)
        var wins = 0.0
        for p in positives { for n in negatives { wins += p > n ? 1 : p == n ? 0.5 : 0 } }
        return wins / Double(positives.count * negatives.count)
    }

    @Test("Ten starred papers of a topic find the rest of it; the digest's own scores do not")
    func findsTheTopic() throws {
        let (archive, history) = try Self.topicalArchive()
        let truth = history.latestPapers
        for topic in [2, 5] {
            let starred = truth.values.filter { $0.topic == topic }.map(\.id).sorted().prefix(10)
            for id in starred { try archive.mark(id, .star(true)) }
            let scores = try archive.withDatabaseForTesting { db in
                try Recommender(db: db).learnedScores(from: .starred, in: nil).1.map { hit in
                    (try String.fetchOne(db, sql: "SELECT arxiv_id FROM papers WHERE id = ?", arguments: [hit.paperID])!, hit.score)
                }
            }
            #expect(scores.count == truth.count - 10, "every unmarked paper is scored")
            #expect(Set(scores.map(\.0)).isDisjoint(with: starred))
            let learned = Self.auc(scores, topic: topic, truth)
            let digest = Self.auc(truth.values.filter { !starred.contains($0.id) }.map { ($0.id, $0.score) }, topic: topic, truth)
            #expect(learned >= 0.85, "topic \(topic): AUC \(learned)")
            #expect(abs(digest - 0.5) < 0.1, "the digest's scores know nothing of topics: AUC \(digest)")
            for id in starred { try archive.mark(id, .star(false)) }
        }
    }

    @Test("recommend: a tag's papers as positives, dismissed papers left out, reasons, too few marks, a scope")
    func recommendFromMarks() throws {
        let (archive, history) = try Self.topicalArchive()
        let ofTopic = history.latestPapers.values.filter { $0.topic == 4 }.map(\.id).sorted()
        #expect(throws: RecommendError.tooFewPositives(.tag("lattice"), have: 0, need: 3)) {
            try archive.recommend(from: .tag("lattice"))
        }
        for id in ofTopic.prefix(2) { try archive.mark(id, .addTags(["lattice"])) }
        #expect(throws: RecommendError.tooFewPositives(.tag("Lattice"), have: 2, need: 3), "tags compare without case") {
            try archive.recommend(from: .tag("Lattice"))
        }
        #expect(
            RecommendError.tooFewPositives(.tag("lattice"), have: 2, need: 3).localizedDescription
                == "learning needs at least 3 papers tagged 'lattice' and the archive has 2: tag 1 more (arxive tag ID lattice)")
        for id in ofTopic.dropFirst(2).prefix(6) { try archive.mark(id, .addTags(["lattice"])) }
        let dismissed = ofTopic[10]
        try archive.mark(dismissed, .dismiss(true))
        let result = try archive.recommend(from: .tag("lattice"), limit: 10, explain: true)
        #expect(result.training.positives == 8 && result.training.dismissed == 1 && result.training.unmarked > 100)
        #expect(result.papers.count == 10)
        #expect(!result.papers.contains { $0.paper.arxivID == dismissed || ofTopic.prefix(8).contains($0.paper.arxivID) })
        #expect(result.papers.map(\.score) == result.papers.map(\.score).sorted(by: >))
        let hits = result.papers.filter { history.latestPapers[$0.paper.arxivID]!.topic == 4 }.count
        #expect(hits >= 7, "most of the top ten are of the topic: \(hits)")
        #expect(result.papers.allSatisfy { !$0.reasons.isEmpty && $0.reasons.allSatisfy { $0.points > 0 } })
        // The best hits are there for the topic's own words (as the index stems them).
        let topicWords = history.vocabulary.topicWords(4)
        let strongest = result.papers.prefix(5).compactMap { $0.reasons.first { $0.kind == "term" } }
        #expect(strongest.filter { reason in topicWords.contains { $0.hasPrefix(reason.value) } }.count >= 4, "\(strongest)")

        let month = try archive.recommend(from: .tag("lattice"), in: parse("date:2025-02"), limit: nil)
        let listedInFebruary = Set(history.runs.filter { $0.date.hasPrefix("2025-02") }.flatMap { $0.papers.map(\.id) })
        #expect(Set(month.papers.map(\.paper.arxivID)) == listedInFebruary.subtracting(ofTopic.prefix(8)).subtracting([dismissed]))
        #expect(month.training.candidates == month.papers.count)
    }

    @Test("rank --learned: the learned score adds its points beside the digest's; a profile keeps it")
    func rankWithTheLearnedScore() throws {
        let (archive, history) = try Self.topicalArchive()
        let ofTopic = Set(history.latestPapers.values.filter { $0.topic == 6 }.map(\.id))
        for id in ofTopic.sorted().prefix(10) { try archive.mark(id, .star(true)) }
        var options = RankOptions()
        options.learned = RankOptions.Learned(marks: .starred, points: 40)
        let published = try archive.rank(.month(Month("2025-03")!))
        let learned = try archive.rank(.month(Month("2025-03")!), options: options)
        #expect(Set(learned.papers.map(\.paper.arxivID)) == Set(published.papers.map(\.paper.arxivID)), "the same papers, in another order")
        // Author matches stay first whatever the scores: the share is taken after them.
        func topicalShare(_ ranking: Ranking) -> Int {
            ranking.papers.filter { !$0.paper.verdict.authorMatch }.prefix(20).filter { ofTopic.contains($0.paper.arxivID) }.count
        }
        #expect(topicalShare(learned) >= topicalShare(published) + 5, "\(topicalShare(learned)) vs \(topicalShare(published))")
        for paper in learned.papers where !paper.paper.verdict.authorMatch {
            let part = try #require(paper.parts.first { $0.label.hasPrefix("learned from starred: place ") })
            #expect(part.points >= 0 && part.points <= 40)
            #expect(abs((paper.rankScore ?? 0) - (paper.paper.verdict.score ?? 0) - part.points) < 1e-9)
        }
        let places = learned.papers.compactMap { $0.parts.first { $0.label.hasPrefix("learned") }?.points }
        #expect(places.max() == 40 && places.min() == 0, "places run from the worst (0) to the best (all the points)")
        try archive.saveRankProfile("mine", options)
        #expect(try archive.rankProfile("mine") == options)
        options.learned = RankOptions.Learned(marks: .tag("nothing"), points: 5)
        #expect(throws: RecommendError.tooFewPositives(.tag("nothing"), have: 0, need: 3)) { try archive.rank(.month(Month("2025-03")!), options: options) }
    }
}
