import Foundation
import GRDB

/// What importing an archive file did.
public struct ArchiveMerge: Equatable, Sendable {
    public var runsAdded = 0
    /// Runs both archives had that gained verdicts from the file.
    public var runsExtended = 0
    public var newPapers = 0
    /// Verdicts the runs added or extended hold now.
    public var verdicts = 0
    /// Marks added, or replaced by the file's newer ones.
    public var marks = 0

    public init() {}
}

/// Merging an archive file into this archive.
extension Archive {
    // MARK: Import

    /// Merges an archive file into this archive, in one transaction: runs
    /// the archive lacks are added, runs both have gain the verdicts they
    /// lack (a union: nothing is listed twice), a paper keeps its latest text,
    /// rules and tags are united, and of two marks on a paper (or two saved
    /// searches, profiles of one name) the newer wins. Nothing is written
    /// when any line is bad.
    public func importArchive(_ data: Data) throws -> ArchiveMerge {
        let lines = try Archive.parseArchiveFile(data)
        return try database.write { db in
            var merge = ArchiveMerge()
            let papers = Dictionary(lines.papers.map { ($0.arxivId, $0) }, uniquingKeysWith: { _, b in b })
            let papersBefore = try Int.fetchOne(db, sql: "SELECT count(*) FROM papers") ?? 0
            var requests: [StoreRequest] = []
            var sources: [(digest: String, date: String, variant: RunVariant, [ArchiveFile.Run.Source])] = []
            for run in lines.runs {
                // The day's scanned papers, as their crawl file would bring them.
                if let scanned = run.scanned {
                    let crawl = scanned.map { scan in
                        var paper = Archive.digestPaper(scan.arxivId, papers)
                        paper.extra = scan.extra
                        return paper
                    }
                    requests.append(
                        StoreRequest(
                            digest: Digest(format: .crawl, date: run.date, header: nil, papers: crawl), digestName: run.digest, date: run.date,
                            source: DigestSource(path: Archive.archiveSourcePath + "-scans", sha256: UUID().uuidString)))
                }
                guard let request = try Archive.storeRequest(for: run, papers: papers, db) else { continue }
                requests.append(request)
                sources.append((run.digest, run.date, try Archive.variant(of: run), run.sources))
                if request.digest.header != nil { merge.runsAdded += 1 } else { merge.runsExtended += 1 }
            }
            // Spotlight days and monthly overviews as their files would be: a
            // day the archive holds from the same file stays as it is.
            requests += lines.spotlightDays.map { Archive.storeRequest(for: $0, papers: papers) }
            requests += lines.monthlyOverviews.map { Archive.storeRequest(for: $0, papers: papers) }
            for day in lines.hotspotDays {
                requests.append(
                    StoreRequest(
                        content: .hotspotReport(day.report), digestName: day.digest, date: day.report.date,
                        source: DigestSource(path: day.sourcePath, sha256: day.sourceSha256)))
            }
            // Any failure rolls the whole merge back: no savepoint per run.
            var remaining = requests[...]
            do {
                _ = try storeGroup(pulling: { remaining.popFirst() }, isolatingFiles: false, db)
            } catch let failure as FileNotStored {
                throw ArchiveFileError.notStored("\(failure.request.digestName) \(failure.request.date ?? "")", failure.error.localizedDescription)
            }
            // The runs keep the sources they were read from, not the archive file.
            for (digest, date, variant, list) in sources {
                let runID = try Int64.fetchOne(
                    db, sql: "SELECT id FROM runs WHERE digest = ? AND date = ? AND variant = ?", arguments: [digest, date, variant.rawValue])!
                try db.execute(
                    sql: "DELETE FROM run_sources WHERE run_id = ? AND path IN (?, ?)",
                    arguments: [runID, Archive.archiveSourcePath, Archive.archiveSourcePath + "-scans"])
                for s in list {
                    try db.execute(
                        sql: "INSERT OR IGNORE INTO run_sources (run_id, path, format, sha256, imported_at) VALUES (?, ?, ?, ?, ?)",
                        arguments: [runID, s.path, s.format, s.sha256, s.importedAt])
                }
            }
            merge.newPapers = (try Int.fetchOne(db, sql: "SELECT count(*) FROM papers") ?? 0) - papersBefore
            merge.verdicts = requests.reduce(0) { total, request in
                if case .digest(let digest) = request.content, digest.format != .crawl { return total + digest.papers.count }
                return total
            }
            for text in lines.paperTexts {
                try Archive.storeText(
                    arxivID: text.arxivId, PaperText(field: text.field, language: text.language, text: text.text), rank: text.rank, date: text.date, db)
            }
            merge.marks = try Archive.mergeUserData(lines, db)
            return merge
        }
    }

    /// The user's own data from an archive file: followed authors and tag
    /// lists united, and of two marks (saved searches, rank profiles, mutes)
    /// of one paper, name or query the newer kept. Returns how many marks were taken.
    static func mergeUserData(_ lines: ArchiveFile.Lines, _ db: Database) throws -> Int {
        var merged = 0
        let now = ISO8601DateFormatter().string(from: Date())
        for rule in lines.rules {
            _ = try Archive.follow(
                FollowRequest(
                    name: rule.name, semanticScholarIDs: rule.semanticScholarIds, note: rule.note,
                    exceptions: rule.exceptions), now: now, db)
        }
        for mark in lines.marks {
            let current = try String.fetchOne(db, sql: "SELECT updated_at FROM marks WHERE arxiv_id = ?", arguments: [mark.arxivId])
            if current.map({ mark.updatedAt > $0 }) ?? true {
                try db.execute(
                    sql: """
                        INSERT INTO marks (arxiv_id, starred, dismissed_at, read_at, note, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (arxiv_id) DO UPDATE SET starred = excluded.starred, dismissed_at = excluded.dismissed_at,
                            read_at = excluded.read_at, note = excluded.note, updated_at = excluded.updated_at
                        """, arguments: [mark.arxivId, mark.starred, mark.dismissedAt, mark.readAt, mark.note, mark.updatedAt])
                merged += 1
            }
            for tag in mark.tags {
                try db.execute(sql: "INSERT OR IGNORE INTO tags (arxiv_id, tag, added_at) VALUES (?, ?, ?)", arguments: [mark.arxivId, tag.tag, tag.addedAt])
            }
        }
        for search in lines.savedSearches {
            try db.execute(
                sql: """
                    INSERT INTO saved_searches (name, query, saved_at) VALUES (?, ?, ?)
                    ON CONFLICT (name) DO UPDATE SET query = excluded.query, saved_at = excluded.saved_at WHERE excluded.saved_at > saved_searches.saved_at
                    """, arguments: [search.name, search.query, search.savedAt])
        }
        for profile in lines.rankProfiles {
            try db.execute(
                sql: """
                    INSERT INTO rank_profiles (name, options, saved_at) VALUES (?, ?, ?)
                    ON CONFLICT (name) DO UPDATE SET options = excluded.options, saved_at = excluded.saved_at WHERE excluded.saved_at > rank_profiles.saved_at
                    """, arguments: [profile.name, profile.options, profile.savedAt])
        }
        for mute in lines.mutes {
            try db.execute(
                sql: """
                    INSERT INTO mutes (query, note, include_followed, added_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (query) DO UPDATE SET note = excluded.note, include_followed = excluded.include_followed, added_at = excluded.added_at
                        WHERE excluded.added_at > mutes.added_at
                    """, arguments: [mute.query, mute.note, mute.includeFollowed, mute.addedAt])
        }
        return merged
    }

    /// The path a run stored from an archive file carries until its own sources replace it.
    static let archiveSourcePath = "arxive-archive"

    /// The request that brings `run` into the archive: the whole run when
    /// the archive lacks it; when it has it, its own listing plus the papers
    /// it lacks (nil when it lacks none).
    static func storeRequest(for run: ArchiveFile.Run, papers: [String: ArchiveFile.Paper], _ db: Database) throws -> StoreRequest? {
        func paper(_ v: ArchiveFile.Run.Verdict) -> DigestPaper {
            let text = papers[v.arxivId]
            return DigestPaper(
                arxivID: v.arxivId, title: text?.title ?? "", authors: text?.authors ?? [], abstract: text?.abstract ?? "",
                relevance: v.relevance, novelty: v.novelty, score: v.score, comment: v.comment, authorMatch: v.authorMatch,
                arxivVersion: v.arxivVersion, announceType: v.announceType, extra: v.extra,
                topics: TopicFields.assignment(inExtra: v.extra))
        }
        let source = DigestSource(path: archiveSourcePath, sha256: UUID().uuidString)
        var variant: RunVariant? = try variant(of: run)
        func request(_ digest: Digest) -> StoreRequest {
            var request = StoreRequest(digest: digest, digestName: run.digest, date: run.date, source: source)
            request.variant = variant
            return request
        }
        var runID = try Int64.fetchOne(
            db, sql: "SELECT id FROM runs WHERE digest = ? AND date = ? AND variant = ?", arguments: [run.digest, run.date, variant!.rawValue])
        if variant == .published, let held = runID, try Archive.isBundleRunTakenForPublished(held, listing: Set(run.verdicts.map(\.arxivId)), db) {
            // The archive took a bundle for the day's published run; this is
            // that run: stored whole, `runVariant` sets the bundle's run aside.
            (runID, variant) = (nil, nil)
        }
        guard let runID else {
            var header = RunHeader()
            (header.model, header.promptTokens, header.completionTokens, header.totalTokens) = (
                run.model, run.promptTokens, run.completionTokens, run.totalTokens
            )
            (header.promptCost, header.completionCost, header.totalCost) = (run.promptCost, run.completionCost, run.totalCost)
            (header.totalPapers, header.scannedPapers, header.relevantPapers) = (run.totalPapers, run.scannedPapers, run.relevantPapers)
            (header.selectionPrompt, header.notes) = (run.prompt, run.notes)
            (header.summary, header.extra) = (run.summary, run.extra)
            // Stored in position order, the positions come out as they were (1, 2, ...).
            let listing = run.verdicts.sorted { $0.position < $1.position }.map(paper)
            return request(Digest(format: .json, date: run.date, header: header, papers: listing, topicOrder: run.topics ?? []))
        }
        let held = try Row.fetchAll(
            db,
            sql: """
                SELECT p.arxiv_id, p.title, p.abstract, v.* FROM verdicts v JOIN papers p ON p.id = v.paper_id WHERE v.run_id = ? ORDER BY v.position
                """, arguments: [runID])
        let heldIDs = Set(held.map { $0["arxiv_id"] as String })
        let missing = run.verdicts.filter { !heldIDs.contains($0.arxivId) }.sorted { $0.position < $1.position }
        guard !missing.isEmpty else { return nil }
        var listing = try held.map { row in
            DigestPaper(
                arxivID: row["arxiv_id"], title: row["title"], authors: try authorNames(paperID: row["paper_id"], db), abstract: row["abstract"],
                relevance: row["relevance"], novelty: row["novelty"], score: row["score"], comment: row["comment"],
                authorMatch: row["author_match"], arxivVersion: row["arxiv_version"], announceType: row["announce_type"], extra: row["extra"],
                topics: TopicFields.assignment(inExtra: row["extra"]))
        }
        listing += missing.map(paper)
        return request(Digest(format: .json, date: run.date, header: nil, papers: listing, topicOrder: run.topics ?? []))
    }

    /// Which run of its day a run line is (the published one when it does not say).
    static func variant(of run: ArchiveFile.Run) throws -> RunVariant {
        guard let name = run.run else { return .published }
        guard let variant = RunVariant(name: name) else {
            throw ArchiveFileError.notStored("\(run.digest) \(run.date)", "unknown run '\(name)' (known: published, bundle)")
        }
        return variant
    }

    /// Every line of an archive file, checked before anything is written.
    static func parseArchiveFile(_ data: Data) throws -> ArchiveFile.Lines {
        var lines = ArchiveFile.Lines()
        for (index, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() where !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) {
            let number = index + 1
            do {
                let kind = try decoder.decode(ArchiveFile.Kind.self, from: Data(line)).type
                switch kind {
                case ArchiveFile.type:
                    let header = try decoder.decode(ArchiveFile.Header.self, from: Data(line))
                    guard header.version <= ArchiveFile.version else { throw ArchiveFileError.unsupportedVersion(header.version) }
                case "paper": lines.papers.append(try decoder.decode(ArchiveFile.Paper.self, from: Data(line)))
                case "run": lines.runs.append(try decoder.decode(ArchiveFile.Run.self, from: Data(line)))
                case "followed_author": lines.rules.append(try decoder.decode(ArchiveFile.FollowedAuthor.self, from: Data(line)))
                case "mark": lines.marks.append(try decoder.decode(ArchiveFile.Mark.self, from: Data(line)))
                case "saved_search": lines.savedSearches.append(try decoder.decode(ArchiveFile.SavedSearch.self, from: Data(line)))
                case "rank_profile": lines.rankProfiles.append(try decoder.decode(ArchiveFile.RankProfile.self, from: Data(line)))
                case "mute": lines.mutes.append(try decoder.decode(ArchiveFile.Mute.self, from: Data(line)))
                case "hotspot_day": lines.hotspotDays.append(try decoder.decode(ArchiveFile.HotspotDay.self, from: Data(line)))
                case "spotlight_day": lines.spotlightDays.append(try decoder.decode(ArchiveFile.SpotlightDayLine.self, from: Data(line)))
                case "monthly_overview": lines.monthlyOverviews.append(try decoder.decode(ArchiveFile.MonthlyOverviewLine.self, from: Data(line)))
                case "paper_text": lines.paperTexts.append(try decoder.decode(ArchiveFile.PaperText.self, from: Data(line)))
                default: throw ArchiveFileError.badLine(number, "unknown line type '\(kind)'")
                }
            } catch let error as ArchiveFileError {
                throw error
            } catch {
                throw ArchiveFileError.badLine(number, "not an archive line (\(Archive.reason(error)))")
            }
        }
        return lines
    }

    /// Why a line did not decode, naming the key: Foundation's own message
    /// for a decoding error ("The data isn't in the correct format") does not.
    static func reason(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return error.localizedDescription }
        // The file's own spelling: the decoder converts its snake_case keys.
        func snakeCase(_ name: String) -> String {
            name.map { $0.isUppercase ? "_" + $0.lowercased() : String($0) }.joined()
        }
        func key(_ context: DecodingError.Context, _ last: CodingKey? = nil) -> String {
            (context.codingPath + [last].compactMap { $0 }).map { $0.intValue.map { "[\($0)]" } ?? snakeCase($0.stringValue) }
                .joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let missing, let context): return "'\(key(context, missing))' is missing"
        case .valueNotFound(_, let context): return "'\(key(context))' is null"
        case .typeMismatch(let type, let context):
            let expected =
                type == String.self
                ? "text"
                : type == Bool.self
                    ? "true or false"
                    : [Int.self, Int64.self, Double.self].contains { $0 == type } ? "a number" : "of the right kind"
            return "'\(key(context))' is not \(expected)"
        case .dataCorrupted(let context) where context.codingPath.isEmpty: return "not valid JSON"
        case .dataCorrupted(let context): return "'\(key(context))': \(context.debugDescription)"
        @unknown default: return error.localizedDescription
        }
    }
}
