import Foundation

/// Writes a small BERT sentence model with seeded random weights, in the
/// layout of a sentence-transformers folder (`config.json`,
/// `model.safetensors`, `vocab.txt`, `1_Pooling/config.json`): what the
/// encoder's tests and the end-to-end tests of `embed` and hybrid search run
/// on, so that they never depend on a download.
public struct TinyModel: Sendable {
    public var hidden = 32
    public var layers = 2
    public var heads = 4
    public var intermediate = 64
    public var maxPositions = 128
    public var maxTokens = 64
    public var seed: UInt64 = 1

    public init(seed: UInt64 = 1) { self.seed = seed }

    /// The vocabulary: BERT's special tokens, punctuation, letters and
    /// `##letters`, then whole words from the generator's vocabulary and
    /// some `##` suffixes, so that words split into pieces as in a real one.
    public static func vocabulary() -> [String] {
        var tokens = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
        tokens += "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".map(String.init)
        tokens += "0123456789abcdefghijklmnopqrstuvwxyz".map(String.init)
        tokens += "0123456789abcdefghijklmnopqrstuvwxyz".map { "##" + String($0) }
        tokens += ["学", "习", "深", "度", "é", "ß"]
        tokens += ["##ing", "##ed", "##s", "##er", "##tion", "##al", "##ly"]
        // The generator's words are made of these syllables: they split into them.
        let words = Vocabulary.common + Vocabulary.syllables + Vocabulary.syllables.map { "##" + $0 }
        var seen = Set(tokens)
        for word in words where seen.insert(word).inserted { tokens.append(word) }
        return tokens
    }

    /// Writes the model into `folder` (created if needed).
    public func write(to folder: URL) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: folder.appendingPathComponent("1_Pooling"), withIntermediateDirectories: true)
        let vocabulary = TinyModel.vocabulary()
        try (vocabulary.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("vocab.txt"), atomically: true, encoding: .utf8)
        let config = """
            {"architectures": ["BertModel"], "hidden_act": "gelu", "hidden_size": \(hidden), "intermediate_size": \(intermediate),
             "layer_norm_eps": 1e-12, "max_position_embeddings": \(maxPositions), "model_type": "bert",
             "num_attention_heads": \(heads), "num_hidden_layers": \(layers), "type_vocab_size": 2, "vocab_size": \(vocabulary.count)}
            """
        try config.write(to: folder.appendingPathComponent("config.json"), atomically: true, encoding: .utf8)
        try #"{"word_embedding_dimension": \#(hidden), "pooling_mode_mean_tokens": true}"#
            .write(to: folder.appendingPathComponent("1_Pooling/config.json"), atomically: true, encoding: .utf8)
        try #"{"max_seq_length": \#(maxTokens), "do_lower_case": false}"#
            .write(to: folder.appendingPathComponent("sentence_bert_config.json"), atomically: true, encoding: .utf8)
        try safetensors(vocabularySize: vocabulary.count).write(to: folder.appendingPathComponent("model.safetensors"))
    }

    /// Every tensor of a `BertModel`, normal-ish random (sums of uniforms)
    /// scaled as BERT initialises them, layer norms near 1 and 0.
    func safetensors(vocabularySize: Int) -> Data {
        var random = SeededRandom(seed: seed)
        var tensors: [(name: String, shape: [Int], values: [Float])] = []
        func add(_ name: String, _ shape: [Int], scale: Float = 0.1, around center: Float = 0) {
            let count = shape.reduce(1, *)
            let values = (0..<count).map { _ in
                center + scale * (Float.random(in: -1...1, using: &random) + Float.random(in: -1...1, using: &random))
            }
            tensors.append((name, shape, values))
        }
        func dense(_ name: String, _ inputs: Int, _ outputs: Int) {
            add(name + ".weight", [outputs, inputs], scale: 1 / Float(inputs).squareRoot())
            add(name + ".bias", [outputs], scale: 0.02)
        }
        func norm(_ name: String) {
            add(name + ".weight", [hidden], scale: 0.1, around: 1)
            add(name + ".bias", [hidden], scale: 0.05)
        }
        add("embeddings.word_embeddings.weight", [vocabularySize, hidden], scale: 0.5)
        add("embeddings.position_embeddings.weight", [maxPositions, hidden], scale: 0.2)
        add("embeddings.token_type_embeddings.weight", [2, hidden], scale: 0.2)
        norm("embeddings.LayerNorm")
        for layer in 0..<layers {
            let prefix = "encoder.layer.\(layer)."
            for part in ["query", "key", "value"] { dense(prefix + "attention.self." + part, hidden, hidden) }
            dense(prefix + "attention.output.dense", hidden, hidden)
            norm(prefix + "attention.output.LayerNorm")
            dense(prefix + "intermediate.dense", hidden, intermediate)
            dense(prefix + "output.dense", intermediate, hidden)
            norm(prefix + "output.LayerNorm")
        }
        // The header, then the tensors' bytes in that order; padded with
        // spaces to a multiple of 8, as the format's writers do.
        var entries: [String] = []
        var offset = 0
        for tensor in tensors {
            let bytes = tensor.values.count * 4
            entries.append(#""\#(tensor.name)": {"dtype": "F32", "shape": \#(tensor.shape), "data_offsets": [\#(offset), \#(offset + bytes)]}"#)
            offset += bytes
        }
        var header = Data(("{" + entries.joined(separator: ", ") + "}").utf8)
        while header.count % 8 != 0 { header.append(0x20) }
        var data = Data()
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { data.append(contentsOf: $0) }
        data.append(header)
        for tensor in tensors {
            for value in tensor.values { withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        }
        return data
    }
}
