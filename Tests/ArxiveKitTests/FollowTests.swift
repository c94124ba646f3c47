import ArxiveKit
import Foundation
import Testing

@Suite("Followed authors: rules, matches, audit")
struct FollowTests {
    func rulesFile() throws -> [FollowRequest] {
        try AuthorsFile.read(String(contentsOf: Paths.root.appendingPathComponent("Tests/Fixtures/config/authors.txt"), encoding: .utf8))
    }

    @Test("authors.txt: comments and blank lines skipped, one person's lines merged, TeX kept")
    func authorsFile() throws {
        let rules = try rulesFile()
        #expect(rules.map(\.name) == ["Yannick Morvan", "Ingrid Sk{\\o}ld", "Quentin Zabriskie"])
        #expect(rules[0].semanticScholarIDs == ["9000001", "9000002"])
        #expect(rules[1].key == "ingrid skold")
        #expect(throws: DigestReadError(line: 3, "'12x' is not a Semantic Scholar id (digits)")) {
            try AuthorsFile.read("# people\nAnn Lee, 1\nBo Chen, 12x\n")
        }
        #expect(throws: DigestReadError(line: 1, "', 12' does not start with a name")) { try AuthorsFile.read(", 12\n") }
    }

    @Test("A rule matches exact and compatible names, never a namesake; --loose adds namesakes as surname matches")
    func matching() throws {
        let archive = try fixtureArchive()
        _ = try archive.follow(FollowRequest(name: "Yannick Morvan"))
        let hits = try archive.matches(limit: 100)
        #expect(hits.map(\.arxivID) == ["2512.00401", "2503.00301"], "newest first")
        #expect(hits.map(\.matchedName) == ["Y. Morvan", "Yannick Morvan"])
        #expect(hits.map(\.matchLevel) == [.compatible, .exact])
        #expect(hits.allSatisfy { $0.rule == "Yannick Morvan" })

        _ = try archive.unfollow("Yannick Morvan")
        _ = try archive.follow(FollowRequest(name: "Emma Morvan"))
        #expect(try archive.matches().map(\.arxivID) == ["2512.00401"], "Samuel and Yannick are other people")
        let loose = try archive.matches(loose: true)
        #expect(loose.map(\.arxivID) == ["2512.00401", "2503.00301"])
        #expect(loose.map(\.matchLevel) == [.exact, .surname])
    }

    @Test("--except rules a namesake out; a month keeps the papers listed in it")
    func exceptionsAndMonths() throws {
        let archive = try fixtureArchive()
        _ = try archive.follow(FollowRequest(name: "Y. Morvan", exceptions: ["Yannick Morvan"]))
        let hits = try archive.matches(limit: 100)
        #expect(hits.map(\.arxivID) == ["2512.00401"])
        #expect(hits.map(\.matchLevel) == [.exact])
        #expect(try archive.following()[0].exceptions == ["Yannick Morvan"])
        #expect(try archive.matches(dates: "2025-12-01"..."2025-12-31").map(\.arxivID) == ["2512.00401"])
        #expect(try archive.matches(dates: "2025-03-01"..."2025-03-31").isEmpty)
    }

    @Test("--new lists what arrived since the last --new, then nothing")
    func watermark() throws {
        let archive = try Archive.inMemory()
        #expect(DigestImporter(archive: archive).run(paths: [Paths.fixture("md/2025-01-06-output.md").path]).failures.isEmpty)
        _ = try archive.follow(try rulesFile())
        let first = try archive.matches(onlyNew: true)
        #expect(!first.isEmpty)
        #expect(try archive.matches(onlyNew: true).isEmpty)
        let before = try archive.lastPaperID()
        #expect(DigestImporter(archive: archive).run(paths: [Paths.fixture("md"), Paths.fixture("json")].map(\.path)).failures.isEmpty)
        let second = try archive.matches(onlyNew: true)
        #expect(second.count == (try archive.matchCount(afterPaperID: before)))
        #expect(Set(second.map(\.arxivID)).isDisjoint(with: first.map(\.arxivID)))
        #expect(try archive.matches(onlyNew: true).isEmpty)
    }

    @Test("following: each rule with its papers and last day; follow again merges; unfollow by a compatible name")
    func rulesLifecycle() throws {
        let archive = try fixtureArchive()
        #expect(try archive.follow(try rulesFile()) == [.added, .added, .added])
        #expect(try archive.follow(FollowRequest(name: "Yannick Morvan", semanticScholarIDs: ["9000009"], note: "lattices")) == .updated)
        let rules = try archive.following()
        #expect(rules.map(\.name) == ["Ingrid Skøld", "Quentin Zabriskie", "Yannick Morvan"])
        #expect(rules[2].semanticScholarIDs == ["9000001", "9000002", "9000009"] && rules[2].note == "lattices")
        #expect(rules[1].papers == 0 && rules[1].lastSeen == nil)
        #expect(rules[0].papers == (try archive.papers(byAuthor: "Ingrid Skøld", limit: 100).papers.count))
        #expect(rules[2].lastSeen != nil)
        #expect(try archive.unfollow("Y. Morvan") == "Yannick Morvan")
        #expect(try archive.unfollow("Nobody Else") == nil)
        #expect(try archive.following().count == 2)
    }

    @Test("Audit: digest author matches no rule explains, and rule matches the digest never flagged")
    func audit() throws {
        let archive = try fixtureArchive()
        let flagged = try archive.matchAudit().unexplained.map(\.arxivID)
        #expect(flagged == ["2512.00401"], "the fixture's one author match, unexplained without rules")
        _ = try archive.follow(try rulesFile())
        let audit = try archive.matchAudit()
        #expect(audit.unexplained.isEmpty, "Y. Morvan explains it")
        let skold = try archive.papers(byAuthor: "Ingrid Skøld", limit: 100).papers.map(\.arxivID)
        #expect(!skold.isEmpty && Set(skold).isSubset(of: Set(audit.unflagged.map(\.arxivID))))
        #expect(!audit.unflagged.map(\.arxivID).contains("2512.00401"))
    }
}
