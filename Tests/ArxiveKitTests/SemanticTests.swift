import ArxiveKit
import DigestGenerator
import Foundation
import Testing

/// A tiny random BERT written once per test run, in a folder of its own.
enum TinyModelFolder {
    static func make(seed: UInt64 = 1, configure: (inout TinyModel) -> Void = { _ in }) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arxive-tiny-model-\(UUID())")
        var model = TinyModel(seed: seed)
        configure(&model)
        try model.write(to: folder)
        return folder
    }
}

@Suite("The WordPiece tokenizer")
struct WordPieceTokenizerTests {
    let tokenizer = try! WordPieceTokenizer(tokens: TinyModel.vocabulary(), maxTokens: 64)

    @Test("Lower-cases, strips accents, splits punctuation, and writes the pieces after the first as ##piece")
    func basics() {
        // The vocabulary has the syllables "va", "lor", "mi" and "##lor", "##mi", not "valor".
        #expect(tokenizer.tokens("The VALOR-model!") == ["[CLS]", "the", "va", "##lor", "-", "model", "!", "[SEP]"])
        #expect(tokenizer.tokens("Valormi") == ["[CLS]", "va", "##lor", "##mi", "[SEP]"])
        #expect(tokenizer.tokens("Vàlór") == ["[CLS]", "va", "##lor", "[SEP]"])
        // A word that cannot be split entirely is one [UNK].
        #expect(tokenizer.tokens("valor qqq\u{0416}") == ["[CLS]", "va", "##lor", "[UNK]", "[SEP]"])
    }

    @Test("CJK ideographs are words of their own; control and format characters are dropped; any whitespace separates")
    func scripts() {
        #expect(tokenizer.tokens("深度学习") == ["[CLS]", "深", "度", "学", "习", "[SEP]"])
        #expect(tokenizer.tokens("va\u{200B}lor") == ["[CLS]", "va", "##lor", "[SEP]"])
        #expect(tokenizer.tokens("model\u{00A0}data\tthe\u{2003}of") == ["[CLS]", "model", "data", "the", "of", "[SEP]"])
        // An emoji is a symbol, not punctuation: the word that holds it cannot be split, and is one [UNK].
        #expect(tokenizer.tokens("valor\u{1F970}mi") == ["[CLS]", "[UNK]", "[SEP]"])
    }

    @Test("At most maxTokens ids, [SEP] last; a word over 100 characters is [UNK]")
    func limits() {
        let long = tokenizer.ids(Array(repeating: "model data", count: 100).joined(separator: " "))
        #expect(long.count == 64 && long.last == tokenizer.id(of: "[SEP]"))
        #expect(tokenizer.tokens(String(repeating: "a", count: 101)) == ["[CLS]", "[UNK]", "[SEP]"])
        let roomy = try! WordPieceTokenizer(tokens: TinyModel.vocabulary(), maxTokens: 256)
        #expect(roomy.tokens(String(repeating: "a", count: 100)) == ["[CLS]", "a"] + Array(repeating: "##a", count: 99) + ["[SEP]"])
    }

    @Test("vocab.txt: ids are line numbers, trailing whitespace is not part of a token, a token written twice has the later id")
    func vocabularyFile() throws {
        let text = "[PAD]\n[UNK]\n[CLS]\n[SEP]\nvalor \r\nmi\nvalor\n深\n##mi\n"
        let tokenizer = try WordPieceTokenizer(vocabularyFile: Array(text.utf8))
        #expect(tokenizer.id(of: "valor") == 6 && tokenizer.id(of: "mi") == 5 && tokenizer.id(of: "深") == 7)
        #expect(tokenizer.id(of: "valor ") == nil && tokenizer.id(of: "") == nil && tokenizer.id(of: "##m") == nil)
        #expect(tokenizer.tokens("valormi 深") == ["[CLS]", "valor", "##mi", "深", "[SEP]"])
    }

    @Test("A vocabulary without [UNK], [CLS] or [SEP] is refused")
    func notBert() {
        #expect(throws: WordPieceTokenizer.LoadError.self) { try WordPieceTokenizer(tokens: ["a", "b"]) }
    }
}

@Suite("The BERT encoder on a tiny random model")
struct BertEncoderTests {
    @Test("Vectors are unit length, the same alone or in a batch (no text attends to another), and differ by text")
    func batchesAreIndependent() throws {
        let folder = try TinyModelFolder.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = try SentenceModel(folder: folder.path)
        let texts = ["valor model data", "the training of a network", "深度学习 with é", String(repeating: "lor mi ", count: 80)]
        let batch = model.embed(texts)
        for (text, vector) in zip(texts, batch) {
            let alone = model.embed([text])[0]
            #expect(zip(alone, vector).allSatisfy { abs($0 - $1) < 1e-5 }, "\(text)")
            #expect(abs(vector.reduce(0) { $0 + $1 * $1 } - 1) < 1e-4)
        }
        #expect(cosine(batch[0], batch[1]) < 0.9999)
        #expect(model.dimension == 32 && model.tokenizer.maxTokens == 64)
    }

    @Test("A folder that is not a model, or has weights of another shape, is refused with why")
    func refusals() throws {
        let folder = try TinyModelFolder.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("vocab.txt"))
        #expect(throws: SentenceModel.LoadError.self) { try SentenceModel(folder: folder.path) }
        let other = try TinyModelFolder.make()
        defer { try? FileManager.default.removeItem(at: other) }
        let config = other.appendingPathComponent("config.json")
        try String(contentsOf: config, encoding: .utf8).replacingOccurrences(of: "\"hidden_size\": 32", with: "\"hidden_size\": 48")
            .write(to: config, atomically: true, encoding: .utf8)
        #expect(throws: SafeTensors.LoadError.self) { try SentenceModel(folder: other.path) }
        try Data("not a safetensors file".utf8).write(to: other.appendingPathComponent("model.safetensors"))
        #expect(throws: SafeTensors.LoadError.self) { try SafeTensors(path: other.appendingPathComponent("model.safetensors").path) }
    }

    @Test("The identity follows the weights, not the folder's name")
    func identity() throws {
        let one = try TinyModelFolder.make(seed: 1)
        let same = try TinyModelFolder.make(seed: 1)
        let other = try TinyModelFolder.make(seed: 2)
        defer { for folder in [one, same, other] { try? FileManager.default.removeItem(at: folder) } }
        let identities = try [one, same, other].map { try SentenceModel(folder: $0.path).identity }
        #expect(identities[0].hasSuffix(String(identities[1].suffix(16))))
        #expect(identities[0].suffix(16) != identities[2].suffix(16))
    }
}

func cosine(_ a: [Float], _ b: [Float]) -> Double {
    let dot = zip(a, b).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
    let norms = (a.reduce(0.0) { $0 + Double($1) * Double($1) } * b.reduce(0.0) { $0 + Double($1) * Double($1) }).squareRoot()
    return dot / norms
}

@Suite("Vectors: storage, nearest papers, rank fusion, the mode")
struct VectorTests {
    @Test("Each coding gives back the vector it stored, within its precision; a blob of the wrong size is refused")
    func codings() {
        var random = SeededRandom(seed: 7)
        let vector = unit((0..<384).map { _ in Float.random(in: -1...1, using: &random) })
        for (coding, tolerance) in [(VectorCoding.float32, Float(0)), (.int8, 5e-3)] {
            let bytes = coding.bytes(of: vector)
            var decoded = [Float](repeating: 0, count: 384)
            #expect(decoded.withUnsafeMutableBufferPointer { coding.decode(bytes, dimension: 384, into: $0.baseAddress!) })
            #expect(zip(vector, decoded).allSatisfy { abs($0 - $1) <= tolerance }, "\(coding)")
            #expect(!decoded.withUnsafeMutableBufferPointer { coding.decode(bytes, dimension: 383, into: $0.baseAddress!) })
        }
    }

    @Test("The stored coding keeps at least 0.99 of float32's top 20 (random clustered vectors)")
    func storedCodingKeepsTheTop() {
        var random = SeededRandom(seed: 11)
        let centres = (0..<20).map { _ in unit((0..<384).map { _ in Float.random(in: -1...1, using: &random) }) }
        let papers = (0..<3000).map { i in
            unit(zip(centres[i % 20], (0..<384).map { _ in Float.random(in: -1...1, using: &random) }).map { $0 + 0.08 * $1 })
        }
        var exact = VectorIndex(dimension: 384)
        var stored = VectorIndex(dimension: 384)
        for (i, paper) in papers.enumerated() {
            let added = (
                exact.append(paperID: Int64(i), bytes: VectorCoding.float32.bytes(of: paper), coding: .float32),
                stored.append(paperID: Int64(i), bytes: VectorCoding.stored.bytes(of: paper), coding: .stored)
            )
            #expect(added == (true, true))
        }
        var kept = 0
        for q in 0..<50 {
            let query = unit(zip(centres[q % 20], (0..<384).map { _ in Float.random(in: -1...1, using: &random) }).map { $0 + 0.1 * $1 })
            kept += Set(exact.nearest(query, limit: 20).map(\.id)).intersection(stored.nearest(query, limit: 20).map(\.id)).count
        }
        #expect(Double(kept) / 1000 >= 0.99)
    }

    @Test("Nearest papers: best first, only among those allowed, never the excluded")
    func nearest() {
        var index = VectorIndex(dimension: 2)
        for (id, vector) in [(1, [1, 0]), (2, [0.8, 0.6]), (3, [0, 1]), (4, [-1, 0])] as [(Int64, [Float])] {
            let added = index.append(paperID: id, bytes: VectorCoding.float32.bytes(of: vector), coding: .float32)
            #expect(added)
        }
        #expect(index.nearest([1, 0], limit: 3).map(\.id) == [1, 2, 3])
        #expect(index.nearest([1, 0], limit: 3, among: [3, 4]).map(\.id) == [3, 4])
        #expect(index.nearest([1, 0], limit: 3, excluding: [1]).map(\.id) == [2, 3, 4])
        #expect(index.vector(of: 2) == [0.8, 0.6] && index.vector(of: 9) == nil)
    }

    @Test("Reciprocal rank fusion: a paper high in both beats one first in only one; ranks are kept")
    func fusion() {
        let fused = RankFusion.fuse([[1, 2, 3], [2, 4, 1]], limit: 10)
        #expect(fused.map(\.id) == [2, 1, 4, 3])
        #expect(fused[0].ranks == [2, 1] && fused[2].ranks == [nil, 2] && fused[3].ranks == [3, nil])
        #expect(abs(fused[0].score - (1 / 62.0 + 1 / 61.0)) < 1e-12)
        #expect(RankFusion.fuse([[], [5, 6]], limit: 1).map(\.id) == [5])
    }

    @Test("The mode: both when it can run; words, said once, without a model or vectors; an explicit mode that cannot run is refused")
    func modeChoice() {
        func decide(_ mode: SearchMode?, rank: Bool = true, words: Bool = true, model: Bool = true, vectors: Int = 5) -> SearchModeChoice.Outcome {
            SearchModeChoice.decide(requested: mode, sortedByRank: rank, hasWords: words, modelInstalled: model, vectors: vectors)
        }
        #expect(decide(nil) == .run(.both))
        #expect(decide(.meaning) == .run(.meaning))
        #expect(decide(.words, model: false) == .run(.words))
        guard case .wordsOnly(let reason?) = decide(nil, model: false) else { Issue.record("no note"); return }
        #expect(reason.contains("arxive model install"))
        guard case .wordsOnly(let why?) = decide(nil, vectors: 0) else { Issue.record("no note"); return }
        #expect(why.contains("arxive embed"))
        #expect(decide(nil, rank: false) == .run(.words))
        #expect(decide(nil, words: false) == .run(.words))
        for refused in [decide(.both, model: false), decide(.meaning, vectors: 0), decide(.both, rank: false), decide(.meaning, words: false)] {
            guard case .refused = refused else { Issue.record("\(refused) not refused"); continue }
        }
    }
}

func unit(_ vector: [Float]) -> [Float] {
    let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
    return vector.map { $0 / norm }
}
