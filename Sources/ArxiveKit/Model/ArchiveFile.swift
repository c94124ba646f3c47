// Model/: plain values: what the readers produce, what the archive stores,
// what queries return. They call nothing but Foundation.

import Foundation

/// The lines of an archive file (`arxive export --format archive`): JSON
/// lines, each an object whose `type` says what it holds. The first line is
/// the header; papers come before the runs that list them. Keys are
/// snake_case (the coders convert: hence `arxivId`, not `arxivID`).
///
/// Version 2 carries everything the archive holds but the catalogue (which
/// travels as its snapshot): also spotlight days, the generator's monthly
/// overviews, and the papers only they or a hotspot report name. A version 1
/// file (runs, hotspot days and the user's own data) still imports.
///
/// Version 3 adds a run's `run` key: `bundle` for the other run of a day
/// (`RunVariant`), absent for the published one. A version 2 reader would
/// have merged the two runs of such a day into one: hence the new version.
enum ArchiveFile {
    static let type = "arxive-archive"
    static let version = 3

    /// Whether `data` is an archive file (its first line is the header).
    static func isArchiveFile(_ data: Data) -> Bool {
        let firstLine = data.prefix(4096).split(separator: UInt8(ascii: "\n"), maxSplits: 1).first ?? Data()
        guard firstLine.range(of: Data(type.utf8)) != nil else { return false }
        return (try? Archive.decoder.decode(Header.self, from: Data(firstLine)))?.type == type
    }

    struct Header: Codable {
        var type = ArchiveFile.type
        var version = ArchiveFile.version
        var exportedAt: String
    }

    /// Only the `type` of a line, to pick its decoder.
    struct Kind: Decodable {
        var type: String
    }

    struct Paper: Codable {
        var type = "paper"
        var arxivId: String
        var title: String
        var authors: [String]
        var abstract: String
        var textDate: String
    }

    struct Run: Codable {
        struct Source: Codable {
            var path: String
            var format: String
            var sha256: String
            var importedAt: String
        }

        struct Verdict: Codable {
            var arxivId: String
            var position: Int
            var relevance: Int?
            var novelty: Int?
            var score: Double?
            var comment: String?
            var authorMatch: Bool
            var arxivVersion: Int?
            var announceType: String?
            /// The source's other keys, as the JSON object text arxive stores.
            var extra: String?
        }

        var type = "run"
        var digest: String
        var date: String
        /// Which run of its day (`RunVariant.name`); absent for the published run, and before version 3.
        var run: String?
        var model: String?
        var promptTokens: Int?
        var completionTokens: Int?
        var totalTokens: Int?
        var promptCost: Double?
        var completionCost: Double?
        var totalCost: Double?
        var totalPapers: Int?
        var scannedPapers: Int?
        var relevantPapers: Int?
        var prompt: String?
        var notes: String?
        /// The day's research summary and other day-level texts (absent before version 2).
        var summary: String?
        var extra: String?
        /// The papers the day's crawl found, in its order (daily-arXiv-ai-enhanced; absent before version 2).
        var scanned: [Scan]?

        struct Scan: Codable {
            var arxivId: String
            var extra: String?
        }
        var sources: [Source]
        var verdicts: [Verdict]
        /// The day's topic order (labels too); absent when the run has none,
        /// and in files written before topics. A verdict's own topics travel
        /// in its `extra`, as the source wrote them.
        var topics: [Topic]?
    }

    /// A "Daily AI Hotspots" day, as its report (what the reader made of the
    /// file), with the file it came from: importing it is importing that report.
    struct HotspotDay: Codable {
        var type = "hotspot_day"
        var digest: String
        var sourcePath: String
        var sourceSha256: String
        var report: HotspotReport
    }

    /// A day's spotlight file, as the archive holds it: its sections, and
    /// each spotlighted paper with its comment, the verdict it carried and every tag.
    struct SpotlightDayLine: Codable {
        struct Section: Codable {
            var kind: String
            var label: String?
            var description: String?
            var arxivIds: [String]
        }

        struct Paper: Codable {
            var arxivId: String
            var comment: String?
            /// Every tag, the kinds it is printed under first.
            var kinds: [String]
            var relevance: Int?
            var novelty: Int?
            var score: Double?
            var verdictComment: String?
            var extra: String?
        }

        var type = "spotlight_day"
        var digest: String
        var date: String
        var totalCandidates: Int?
        var thresholds: String?
        var caps: String?
        var sections: [Section]
        var papers: [Paper]
        var sourcePath: String
        var sourceSha256: String
    }

    /// The generator's monthly overview, as the archive holds it.
    struct MonthlyOverviewLine: Codable {
        struct Pick: Codable {
            var arxivId: String
            var kept: Bool
            var priority: Double?
            var comment: String?
            var primaryCategory: String?
            var secondaryCategories: [String]
            var sourceDate: String?
            var sourceDayPage: String?
            var extra: String?
        }

        var type = "monthly_overview"
        var digest: String
        var month: String
        var generatedAt: String?
        var model: String?
        var mode: String?
        var promptCost: Double?
        var completionCost: Double?
        var sourceHash: String?
        var picks: [Pick]
        var sourcePath: String
        var sourceSha256: String
    }

    /// A text of a paper beyond English (a translation, an AI summary): `paper_texts`.
    struct PaperText: Codable {
        var type = "paper_text"
        var arxivId: String
        var field: String
        var language: String
        var rank: Int
        var date: String
        var text: String
    }

    struct FollowedAuthor: Codable {
        var type = "followed_author"
        var name: String
        var semanticScholarIds: [String]
        var note: String?
        var exceptions: [String]
    }

    struct Mark: Codable {
        struct Tag: Codable {
            var tag: String
            var addedAt: String
        }

        var type = "mark"
        var arxivId: String
        var starred: Bool
        /// Absent in files written before `arxive dismiss`.
        var dismissedAt: String?
        var readAt: String?
        var note: String?
        var updatedAt: String
        var tags: [Tag]
    }

    struct SavedSearch: Codable {
        var type = "saved_search"
        var name: String
        var query: String
        var savedAt: String
    }

    struct RankProfile: Codable {
        var type = "rank_profile"
        var name: String
        /// The options as stored (JSON text).
        var options: String
        var savedAt: String
    }

    struct Mute: Codable {
        var type = "mute"
        var query: String
        var note: String?
        var includeFollowed: Bool
        var addedAt: String
    }

    /// A whole file's lines by type, as read.
    struct Lines {
        var papers: [Paper] = []
        var runs: [Run] = []
        var rules: [FollowedAuthor] = []
        var marks: [Mark] = []
        var savedSearches: [SavedSearch] = []
        var rankProfiles: [RankProfile] = []
        var mutes: [Mute] = []
        var hotspotDays: [HotspotDay] = []
        var spotlightDays: [SpotlightDayLine] = []
        var monthlyOverviews: [MonthlyOverviewLine] = []
        var paperTexts: [PaperText] = []
    }
}
