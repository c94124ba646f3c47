import Crypto
import Foundation

/// A sentence-transformers model folder of the BERT family: `config.json`,
/// `model.safetensors`, `vocab.txt`, and optionally `1_Pooling/config.json`
/// and `sentence_bert_config.json`. It turns texts into unit vectors.
public final class SentenceModel: @unchecked Sendable {
    public let folder: String
    /// Says which weights made a vector: the model's name and the first 16
    /// hex digits of its weights' sha256 (not its folder, so that a moved
    /// model keeps its vectors). Vectors of another identity are made again.
    public let identity: String
    /// `all-MiniLM-L6-v2` for the default model; else the name its
    /// `config.json` gives (`_name_or_path`), else its folder's name.
    public let name: String
    public let tokenizer: WordPieceTokenizer
    public let encoder: BertEncoder
    public var dimension: Int { encoder.dimension }

    public enum LoadError: DescribedError {
        case notAModel(String, missing: String)
        case unsupportedPooling(String)
        case unreadable(String, String)

        public var description: String {
            switch self {
            case .notAModel(let folder, let missing):
                return "\(folder) is not a sentence-transformers model folder: it has no \(missing)"
            case .unsupportedPooling(let mode):
                return "the model pools by \(mode); arxive reads models that pool by the mean of their tokens"
            case .unreadable(let path, let why): return "cannot read \(path): \(why)"
            }
        }
    }

    public init(folder: String) throws {
        let url = URL(fileURLWithPath: folder)
        func file(_ name: String) throws -> URL {
            let file = url.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: file.path) else {
                throw LoadError.notAModel(folder, missing: name)
            }
            return file
        }
        func read(_ file: URL) throws -> Data {
            do { return try Data(contentsOf: file) } catch {
                throw LoadError.unreadable(file.path, error.localizedDescription)
            }
        }
        let configData = try read(try file("config.json"))
        let config = try JSONDecoder().decode(BertConfig.self, from: configData)
        let vocabulary = [UInt8](try read(try file("vocab.txt")))
        let weights = try file("model.safetensors")
        let pooling = url.appendingPathComponent("1_Pooling/config.json")
        if let data = try? Data(contentsOf: pooling),
            let modes = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            modes["pooling_mode_mean_tokens"] as? Bool != true
        {
            let mode = modes.first { $0.key.hasPrefix("pooling_mode_") && $0.value as? Bool == true }?.key
            throw LoadError.unsupportedPooling(mode ?? "no mode")
        }
        var maxTokens = 256
        if let data = try? Data(contentsOf: url.appendingPathComponent("sentence_bert_config.json")),
            let settings = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let length = settings["max_seq_length"] as? Int
        {
            maxTokens = length
        }
        self.folder = folder
        tokenizer = try WordPieceTokenizer(vocabularyFile: vocabulary, maxTokens: min(maxTokens, config.maxPositionEmbeddings))
        encoder = try BertEncoder(config: config, tensors: try SafeTensors(path: weights.path))
        let digest = try ModelManifest.weightsDigest(folder: folder)
        if digest == ModelInstaller.defaultDigests["model.safetensors"] {
            name = ModelInstaller.defaultName
        } else {
            let declared = (try? JSONSerialization.jsonObject(with: configData) as? [String: Any])?["_name_or_path"] as? String
            name = (declared?.split(separator: "/").last).map(String.init) ?? url.standardizedFileURL.lastPathComponent
        }
        identity = name + "@" + String(digest.prefix(16))
    }

    /// One unit vector per text.
    public func embed(_ texts: [String]) -> [[Float]] {
        encoder.encode(texts.map(tokenizer.ids))
    }

    /// The text of a paper that its vector is made of.
    public static func paperText(title: String, abstract: String) -> String {
        guard !abstract.isEmpty else { return title }
        let ends = title.last.map { ".?!".contains($0) } ?? true
        return title + (ends ? " " : ". ") + abstract
    }
}

/// `arxive-model.json`, written beside a model by `arxive model install`:
/// where it came from and its files' sha256, so that a search need not hash
/// 90 MB to know which weights it has. The digest is trusted only while the
/// weights' size and modification time are those recorded.
public struct ModelManifest: Codable, Sendable, Equatable {
    public var source: String
    public var files: [String: String]
    public var weightsSize: Int
    public var weightsModified: Double

    enum CodingKeys: String, CodingKey {
        case source, files
        case weightsSize = "weights_size"
        case weightsModified = "weights_modified"
    }

    public static let fileName = "arxive-model.json"

    /// The sha256 of `model.safetensors` in `folder`, from its manifest when
    /// that still describes it. A folder without one (a download used in
    /// place) is hashed at every load, about 0.12 s for 90 MB: nothing is
    /// written into a folder arxive did not make.
    public static func weightsDigest(folder: String) throws -> String {
        let weights = (folder as NSString).appendingPathComponent("model.safetensors")
        let attributes = try FileManager.default.attributesOfItem(atPath: weights)
        let size = (attributes[.size] as? NSNumber)?.intValue ?? -1
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
        if let data = try? Data(contentsOf: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(fileName))),
            let manifest = try? JSONDecoder().decode(ModelManifest.self, from: data),
            manifest.weightsSize == size, manifest.weightsModified == modified,
            let digest = manifest.files["model.safetensors"]
        {
            return digest
        }
        return try sha256(path: weights)
    }

    /// A file's sha256, read in 1 MB pieces.
    public static func sha256(path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw SentenceModel.LoadError.unreadable(path, "no such file")
        }
        defer { try? handle.close() }
        var hash = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hash.update(data: chunk) }
        return hash.finalize().map { String(format: "%02x", $0) }.joined()
    }
}

/// Where the model lives: `--model DIR`, else `$ARXIVE_MODEL`, else the
/// data folder's `model/` (`~/.local/share/arxive/model`).
public enum ModelLocation {
    public static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let path = environment["ARXIVE_MODEL"], !path.isEmpty { return path }
        return (ArchiveLocation.dataFolder(environment: environment) as NSString).appendingPathComponent("model")
    }

    /// Whether a model is installed at `folder` (its three required files are there).
    public static func isInstalled(at folder: String) -> Bool {
        ["config.json", "vocab.txt", "model.safetensors"].allSatisfy {
            FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent($0))
        }
    }
}
