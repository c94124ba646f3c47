import Foundation

/// A BERT model's shape, from its `config.json`.
public struct BertConfig: Codable, Sendable, Equatable {
    public var hiddenSize: Int
    public var numHiddenLayers: Int
    public var numAttentionHeads: Int
    public var intermediateSize: Int
    public var maxPositionEmbeddings: Int
    public var layerNormEps: Float
    public var hiddenAct: String

    enum CodingKeys: String, CodingKey {
        case hiddenSize = "hidden_size"
        case numHiddenLayers = "num_hidden_layers"
        case numAttentionHeads = "num_attention_heads"
        case intermediateSize = "intermediate_size"
        case maxPositionEmbeddings = "max_position_embeddings"
        case layerNormEps = "layer_norm_eps"
        case hiddenAct = "hidden_act"
    }

    public init(
        hiddenSize: Int, numHiddenLayers: Int, numAttentionHeads: Int, intermediateSize: Int,
        maxPositionEmbeddings: Int, layerNormEps: Float = 1e-12, hiddenAct: String = "gelu"
    ) {
        self.hiddenSize = hiddenSize
        self.numHiddenLayers = numHiddenLayers
        self.numAttentionHeads = numAttentionHeads
        self.intermediateSize = intermediateSize
        self.maxPositionEmbeddings = maxPositionEmbeddings
        self.layerNormEps = layerNormEps
        self.hiddenAct = hiddenAct
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        hiddenSize = try container.decode(Int.self, forKey: .hiddenSize)
        numHiddenLayers = try container.decode(Int.self, forKey: .numHiddenLayers)
        numAttentionHeads = try container.decode(Int.self, forKey: .numAttentionHeads)
        intermediateSize = try container.decode(Int.self, forKey: .intermediateSize)
        maxPositionEmbeddings = try container.decode(Int.self, forKey: .maxPositionEmbeddings)
        layerNormEps = try container.decodeIfPresent(Float.self, forKey: .layerNormEps) ?? 1e-12
        hiddenAct = try container.decodeIfPresent(String.self, forKey: .hiddenAct) ?? "gelu"
    }
}

/// The BERT forward pass and sentence-transformers' mean pooling: token ids
/// in, one unit-length vector per text out.
///
/// Written here (about as long as this file) because no ONNX or ML runtime
/// is packaged for Swift on Linux; the products go through BLAS
/// (`MatrixProduct`). `EncoderReferenceTests` checks it against a NumPy
/// forward pass of the same weights and against onnxruntime.
///
/// A batch's texts are stacked row after row with no padding: the dense
/// layers see one tall matrix (one BLAS call per layer for the whole batch),
/// and attention runs per text, so no text attends to another and no
/// padding is computed.
public final class BertEncoder: @unchecked Sendable {
    public let config: BertConfig
    let tensors: SafeTensors
    let embeddings: Embeddings
    let layers: [Layer]

    struct Dense {
        let weight: UnsafeBufferPointer<Float>  // [out × in]
        let bias: UnsafeBufferPointer<Float>
        let inputs: Int
        let outputs: Int
    }

    struct Norm {
        let weight: UnsafeBufferPointer<Float>
        let bias: UnsafeBufferPointer<Float>
    }

    struct Embeddings {
        let word: UnsafeBufferPointer<Float>
        let position: UnsafeBufferPointer<Float>
        let tokenType: UnsafeBufferPointer<Float>
        let norm: Norm
        let vocabularySize: Int
    }

    struct Layer {
        let query: Dense
        let key: Dense
        let value: Dense
        let attentionOutput: Dense
        let attentionNorm: Norm
        let intermediate: Dense
        let output: Dense
        let outputNorm: Norm
    }

    public enum EncodeError: DescribedError {
        case unsupportedActivation(String)
        case badShape(String)
        public var description: String {
            switch self {
            case .unsupportedActivation(let name): return "activation \(name) is not supported (gelu is)"
            case .badShape(let why): return "the model's configuration does not fit its weights: \(why)"
            }
        }
    }

    public init(config: BertConfig, tensors: SafeTensors) throws {
        try MatrixProduct.load()
        guard config.hiddenAct == "gelu" else { throw EncodeError.unsupportedActivation(config.hiddenAct) }
        guard config.numAttentionHeads > 0, config.hiddenSize % config.numAttentionHeads == 0 else {
            throw EncodeError.badShape("\(config.hiddenSize) is not divisible into \(config.numAttentionHeads) heads")
        }
        self.config = config
        self.tensors = tensors
        // Weights are named as in a `BertModel`, sometimes under a prefix
        // (`bert.`, from a model saved with a task head).
        let prefix =
            tensors.tensors.keys.first { $0.hasSuffix("embeddings.word_embeddings.weight") }
            .map { String($0.dropLast("embeddings.word_embeddings.weight".count)) } ?? ""
        let hidden = config.hiddenSize
        func floats(_ name: String, _ shape: [Int]) throws -> UnsafeBufferPointer<Float> {
            try tensors.floats(prefix + name, shape: shape)
        }
        func norm(_ name: String) throws -> Norm {
            Norm(weight: try floats(name + ".weight", [hidden]), bias: try floats(name + ".bias", [hidden]))
        }
        func dense(_ name: String, _ inputs: Int, _ outputs: Int) throws -> Dense {
            Dense(
                weight: try floats(name + ".weight", [outputs, inputs]), bias: try floats(name + ".bias", [outputs]),
                inputs: inputs, outputs: outputs)
        }
        guard let wordShape = tensors.tensors[prefix + "embeddings.word_embeddings.weight"]?.shape,
            wordShape.count == 2
        else { throw SafeTensors.LoadError.missing("embeddings.word_embeddings.weight") }
        embeddings = Embeddings(
            word: try floats("embeddings.word_embeddings.weight", [wordShape[0], hidden]),
            position: try floats("embeddings.position_embeddings.weight", [config.maxPositionEmbeddings, hidden]),
            tokenType: try tensors.floats(prefix + "embeddings.token_type_embeddings.weight"),
            norm: try norm("embeddings.LayerNorm"),
            vocabularySize: wordShape[0])
        layers = try (0..<config.numHiddenLayers).map { index in
            let name = "encoder.layer.\(index)."
            return Layer(
                query: try dense(name + "attention.self.query", hidden, hidden),
                key: try dense(name + "attention.self.key", hidden, hidden),
                value: try dense(name + "attention.self.value", hidden, hidden),
                attentionOutput: try dense(name + "attention.output.dense", hidden, hidden),
                attentionNorm: try norm(name + "attention.output.LayerNorm"),
                intermediate: try dense(name + "intermediate.dense", hidden, config.intermediateSize),
                output: try dense(name + "output.dense", config.intermediateSize, hidden),
                outputNorm: try norm(name + "output.LayerNorm"))
        }
    }

    public var dimension: Int { config.hiddenSize }

    /// One unit-length vector per sequence of token ids (each with its
    /// `[CLS]` and `[SEP]`, and no longer than the model's positions).
    public func encode(_ sequences: [[Int32]]) -> [[Float]] {
        let hidden = config.hiddenSize
        let sequences = sequences.map { Array($0.prefix(config.maxPositionEmbeddings)) }
        let rows = sequences.reduce(0) { $0 + $1.count }
        guard rows > 0 else { return sequences.map { _ in [Float](repeating: 0, count: hidden) } }
        var states = embed(sequences, rows: rows)
        var scratch = Scratch(rows: rows, hidden: hidden, intermediate: config.intermediateSize)
        for layer in layers {
            run(layer, on: &states, sequences: sequences, scratch: &scratch)
        }
        return pool(states, sequences: sequences)
    }

    struct Scratch {
        var query: [Float]
        var key: [Float]
        var value: [Float]
        var context: [Float]
        var projected: [Float]
        var intermediate: [Float]
        var scores: [Float] = []

        init(rows: Int, hidden: Int, intermediate: Int) {
            query = [Float](repeating: 0, count: rows * hidden)
            key = query
            value = query
            context = query
            projected = query
            self.intermediate = [Float](repeating: 0, count: rows * intermediate)
        }
    }

    private func embed(_ sequences: [[Int32]], rows: Int) -> [Float] {
        let hidden = config.hiddenSize
        var states = [Float](repeating: 0, count: rows * hidden)
        var row = 0
        for sequence in sequences {
            for (position, id) in sequence.enumerated() {
                let word = Int(id) < embeddings.vocabularySize ? Int(id) : 0
                for column in 0..<hidden {
                    states[row * hidden + column] =
                        embeddings.word[word * hidden + column] + embeddings.position[position * hidden + column]
                        + embeddings.tokenType[column]
                }
                row += 1
            }
        }
        layerNorm(&states, embeddings.norm)
        return states
    }

    private func run(_ layer: Layer, on states: inout [Float], sequences: [[Int32]], scratch: inout Scratch) {
        let rows = states.count / config.hiddenSize
        apply(layer.query, to: states, rows: rows, into: &scratch.query)
        apply(layer.key, to: states, rows: rows, into: &scratch.key)
        apply(layer.value, to: states, rows: rows, into: &scratch.value)
        attend(sequences: sequences, scratch: &scratch)
        apply(layer.attentionOutput, to: scratch.context, rows: rows, into: &scratch.projected)
        addAndNormalize(&states, scratch.projected, layer.attentionNorm)
        apply(layer.intermediate, to: states, rows: rows, into: &scratch.intermediate)
        gelu(&scratch.intermediate)
        apply(layer.output, to: scratch.intermediate, rows: rows, into: &scratch.projected)
        addAndNormalize(&states, scratch.projected, layer.outputNorm)
    }

    /// output = input · Wᵀ + b: the bias is written first, then BLAS adds the product.
    private func apply(_ dense: Dense, to input: [Float], rows: Int, into output: inout [Float]) {
        output.withUnsafeMutableBufferPointer { out in
            for row in 0..<rows {
                (out.baseAddress! + row * dense.outputs).update(from: dense.bias.baseAddress!, count: dense.outputs)
            }
            input.withUnsafeBufferPointer { input in
                MatrixProduct.multiply(
                    input.baseAddress!, rowStride: dense.inputs, dense.weight.baseAddress!, rowStride: dense.inputs,
                    transposeB: true, into: out.baseAddress!, rowStride: dense.outputs,
                    m: rows, n: dense.outputs, k: dense.inputs, beta: 1)
            }
        }
    }

    /// Scaled dot-product attention, per text and per head, on the head's
    /// columns of the stacked projections.
    private func attend(sequences: [[Int32]], scratch: inout Scratch) {
        let hidden = config.hiddenSize
        let heads = config.numAttentionHeads
        let width = hidden / heads
        let scale = 1 / Float(width).squareRoot()
        var start = 0
        for sequence in sequences {
            let length = sequence.count
            if scratch.scores.count < length * length {
                scratch.scores = [Float](repeating: 0, count: length * length)
            }
            for head in 0..<heads {
                let offset = start * hidden + head * width
                scratch.query.withUnsafeBufferPointer { query in
                    scratch.key.withUnsafeBufferPointer { key in
                        scratch.scores.withUnsafeMutableBufferPointer { scores in
                            MatrixProduct.multiply(
                                query.baseAddress! + offset, rowStride: hidden, key.baseAddress! + offset,
                                rowStride: hidden, transposeB: true, into: scores.baseAddress!, rowStride: length,
                                m: length, n: length, k: width)
                        }
                    }
                }
                scratch.scores.withUnsafeMutableBufferPointer { scores in
                    for row in 0..<length {
                        softmax(UnsafeMutableBufferPointer(rebasing: scores[row * length..<(row + 1) * length]), scale)
                    }
                }
                scratch.scores.withUnsafeBufferPointer { scores in
                    scratch.value.withUnsafeBufferPointer { value in
                        scratch.context.withUnsafeMutableBufferPointer { context in
                            MatrixProduct.multiply(
                                scores.baseAddress!, rowStride: length, value.baseAddress! + offset, rowStride: hidden,
                                transposeB: false, into: context.baseAddress! + offset, rowStride: hidden,
                                m: length, n: width, k: length)
                        }
                    }
                }
            }
            start += length
        }
    }

    private func softmax(_ row: UnsafeMutableBufferPointer<Float>, _ scale: Float) {
        var largest = -Float.infinity
        for value in row { largest = max(largest, value) }
        var sum: Float = 0
        for index in row.indices {
            let value = expf((row[index] - largest) * scale)
            row[index] = value
            sum += value
        }
        for index in row.indices { row[index] /= sum }
    }

    private func addAndNormalize(_ states: inout [Float], _ residual: [Float], _ norm: Norm) {
        for index in states.indices { states[index] += residual[index] }
        layerNorm(&states, norm)
    }

    private func layerNorm(_ states: inout [Float], _ norm: Norm) {
        let hidden = config.hiddenSize
        let epsilon = config.layerNormEps
        states.withUnsafeMutableBufferPointer { states in
            for row in 0..<(states.count / hidden) {
                let values = UnsafeMutableBufferPointer(rebasing: states[row * hidden..<(row + 1) * hidden])
                var mean: Float = 0
                for value in values { mean += value }
                mean /= Float(hidden)
                var variance: Float = 0
                for value in values { variance += (value - mean) * (value - mean) }
                variance /= Float(hidden)
                let inverse = 1 / (variance + epsilon).squareRoot()
                for column in 0..<hidden {
                    values[column] = (values[column] - mean) * inverse * norm.weight[column] + norm.bias[column]
                }
            }
        }
    }

    /// BERT's exact GELU: x·Φ(x), with Φ through erf.
    private func gelu(_ values: inout [Float]) {
        values.withUnsafeMutableBufferPointer { values in
            for index in values.indices {
                let x = values[index]
                values[index] = 0.5 * x * (1 + erff(x * 0.70710678118654752))
            }
        }
    }

    /// sentence-transformers' mean pooling over each text's tokens, then
    /// unit length (its `Normalize` module).
    private func pool(_ states: [Float], sequences: [[Int32]]) -> [[Float]] {
        let hidden = config.hiddenSize
        var start = 0
        return sequences.map { sequence in
            var vector = [Float](repeating: 0, count: hidden)
            for row in start..<(start + sequence.count) {
                for column in 0..<hidden { vector[column] += states[row * hidden + column] }
            }
            start += sequence.count
            var norm: Float = 0
            for value in vector { norm += value * value }
            norm = norm.squareRoot()
            if norm > 0 { for column in 0..<hidden { vector[column] /= norm } }
            return vector
        }
    }
}
