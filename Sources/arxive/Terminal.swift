import ArxiveKit
import Foundation

/// Standard streams, and whether they are terminals.
enum Terminal {
    static var stdoutIsTTY: Bool { isatty(STDOUT_FILENO) != 0 }
    static var stderrIsTTY: Bool { isatty(STDERR_FILENO) != 0 }

    /// Colour only on a terminal, and never with NO_COLOR (https://no-color.org).
    static var colour: Bool {
        let noColour = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return stdoutIsTTY && !noColour
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("arxive: error: \(message)\n".utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }

    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}

/// A one-line counter on stderr for long imports, drawn only on a terminal.
final class Progress {
    let enabled: Bool
    private var lastDraw = Date.distantPast

    init(enabled: Bool) { self.enabled = enabled }

    func show(_ done: Int, _ total: Int, _ path: String) {
        guard enabled, Date().timeIntervalSince(lastDraw) > 0.1 || done == total else { return }
        lastDraw = Date()
        let name = (path as NSString).lastPathComponent
        FileHandle.standardError.write(Data("\r\u{1B}[K[\(done)/\(total)] \(name)".utf8))
    }

    /// The catalogue's line: papers, papers per second, how much is left.
    func show(_ p: CatalogueImporter.Progress) {
        guard enabled, Date().timeIntervalSince(lastDraw) > 0.2 || p.optimizing else { return }
        lastDraw = Date()
        var line = "\r\u{1B}[K[catalogue] \(p.records) papers, \(Int(p.recordsPerSecond)) papers/s"
        if p.optimizing {
            line += ", merging the index…"
        } else if p.fileSize > 0 {
            line += ", \(Int(100 * Double(p.fileBytesRead) / Double(p.fileSize)))%"
            if let left = p.secondsLeft { line += ", ETA \(Int(left) / 60)m\(String(format: "%02d", Int(left) % 60))s" }
        }
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

/// `[done/total] rate, ETA` on one line of stderr, on a terminal only.
final class EmbedProgress {
    let enabled: Bool
    private var lastDraw = Date.distantPast

    init(enabled: Bool) { self.enabled = enabled }

    func show(done: Int, total: Int, started: Date) {
        guard enabled, Date().timeIntervalSince(lastDraw) > 0.25 || done == total else { return }
        lastDraw = Date()
        let seconds = Date().timeIntervalSince(started)
        let rate = seconds > 0 ? Double(done) / seconds : 0
        let left = rate > 0 ? Int(Double(total - done) / rate) : 0
        let line = String(format: "[%d/%d] %.1f papers/s, about %d:%02d left", done, total, rate, left / 60, left % 60)
        FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
