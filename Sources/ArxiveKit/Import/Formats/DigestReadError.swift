import Foundation

/// Why a file could not be read as a digest, with the line where that applies.
public struct DigestReadError: LocalizedError, Equatable, Sendable, CustomStringConvertible {
    /// 1-based line number in the file, when the problem has one.
    public var line: Int?
    public var message: String

    public init(line: Int? = nil, _ message: String) {
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "line \(line): \(message)" }
        return message
    }

    /// Also what `localizedDescription` says, wherever the error is caught
    /// (a page's papers are read again while its run is stored, when the
    /// day's JSON failed).
    public var errorDescription: String? { description }
}
