import Foundation

// Every error arxive's library reports to a user, with its wording, in one
// place: a message reads the same in every command, and a new one is easy
// to word like the others (what is wrong, then what to do about it).
// Readers' errors (`DigestReadError`, `QueryError`) carry the file's or
// the query's own position and stay beside their readers.

/// Problems with the archive file itself, worded for the user.
public enum ArchiveError: LocalizedError, Equatable {
    case noArchive(path: String)
    case unreadable(path: String, reason: String)
    case notAnArchive(path: String)
    /// Vectors recorded for a model identity with another size or coding than its encoder gives.
    case vectorMismatch(model: String)

    public var errorDescription: String? {
        switch self {
        case .noArchive(let path):
            "no archive at \(path) (run 'arxive import PATH' first, or pass --db)"
        case .unreadable(let path, let reason):
            "cannot open the archive at \(path): \(reason)"
        case .notAnArchive(let path):
            "\(path) is an SQLite database with tables of its own, not an arxive archive: arxive leaves it as it is (pass another --db)"
        case .vectorMismatch(let model):
            "the archive's vectors of \(model) do not have the size this model gives: nothing was stored"
        }
    }
}

/// Why a file could not be stored.
public enum StoreError: LocalizedError, Equatable {
    case undatedJSON
    case threeRunsOfADay(String)

    public var errorDescription: String? {
        switch self {
        case .undatedJSON:
            "cannot tell which day this JSON digest is: name it YYYY-MM-DD-*.json, import it with its Markdown, or pass --date"
        case .threeRunsOfADay(let date):
            "\(date) would have a third run: the archive keeps the published run and one other (from a topic bundle)"
        }
    }
}

/// Problems with an archive file, worded for the user.
public enum ArchiveFileError: LocalizedError, Equatable {
    case unsupportedVersion(Int)
    case badLine(Int, String)
    case notStored(String, String)

    public var errorDescription: String? {
        switch self {
        case .unsupportedVersion(let v): "archive file version \(v) is newer than this arxive reads (\(ArchiveFile.version)): upgrade arxive"
        case .badLine(let line, let why): "line \(line): \(why)"
        case .notStored(let run, let why): "run \(run) could not be stored: \(why)"
        }
    }
}

/// Problems with followed-author rules, worded for the user.
public enum FollowError: LocalizedError, Equatable {
    case ambiguous(String, candidates: [String])

    public var errorDescription: String? {
        switch self {
        case .ambiguous(let name, let candidates):
            "'\(name)' could be several followed authors (\(candidates.joined(separator: ", "))): give the full name"
        }
    }
}

/// Problems with marks and saved searches, worded for the user.
public enum MarkError: LocalizedError, Equatable {
    case noPaper(String)
    case noSavedSearch(String)

    public var errorDescription: String? {
        switch self {
        case .noPaper(let id): "no paper \(id) in the archive"
        case .noSavedSearch(let name): "no saved search named '\(name)' (arxive saved lists them)"
        }
    }
}

/// Problems making a backup, worded for the user.
public enum BackupError: LocalizedError, Equatable {
    case exists(String)

    public var errorDescription: String? {
        switch self {
        case .exists(let path): "\(path) exists: remove it or name another file"
        }
    }
}

/// Problems with a `similar` request, worded for the user.
public enum SimilarError: LocalizedError, Equatable {
    case noPaper(String)

    public var errorDescription: String? {
        switch self {
        case .noPaper(let id): "no paper \(id) in the archive"
        }
    }
}

/// Problems with a ranking request, worded for the user.
public enum RankError: LocalizedError, Equatable {
    case severalDigests(date: String, digests: [String])
    case noProfile(String)

    public var errorDescription: String? {
        switch self {
        case .severalDigests(let date, let digests):
            "\(digests.count) digests ran on \(date) (\(digests.joined(separator: ", "))): pick one with --digest"
        case .noProfile(let name):
            "no rank profile named '\(name)' (save one with --save)"
        }
    }
}

/// Problems with mutes, worded for the user.
public enum MuteError: LocalizedError, Equatable {
    case noMute(String)
    case mutesMuted

    public var errorDescription: String? {
        switch self {
        case .noMute(let what): "no mute '\(what)' (arxive mutes lists them)"
        case .mutesMuted: "a mute cannot use is:muted (it would hide what it hides)"
        }
    }
}

/// Problems with a learned ranking, worded for the user.
public enum RecommendError: LocalizedError, Equatable {
    case tooFewPositives(MarkedPapers, have: Int, need: Int)

    public var errorDescription: String? {
        switch self {
        case .tooFewPositives(.starred, let have, let need):
            "learning needs at least \(need) starred papers and the archive has \(have): star \(need - have) more (arxive star ID)"
        case .tooFewPositives(.tag(let name), let have, let need):
            "learning needs at least \(need) papers tagged '\(name)' and the archive has \(have): tag \(need - have) more (arxive tag ID \(name))"
        }
    }
}

/// An error whose description is its whole message: the command line prints
/// it as `arxive: error: ...` (as any `LocalizedError`).
public protocol DescribedError: LocalizedError, CustomStringConvertible {}

extension DescribedError {
    public var errorDescription: String? { description }
}
