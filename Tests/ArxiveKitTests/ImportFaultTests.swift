import ArxiveKit
import DigestGenerator
import Foundation
import Testing

/// Imports that meet damaged files and an archive that cannot be written:
/// whole files or nothing, one message for the archive's own faults, and
/// an index that stays exactly what a rebuild makes.
@Suite("Archive: damaged input and a full disk")
struct ImportFaultTests {
    @Test("Hundreds of damaged digests imported together: each stored whole or named as failed; the archive stays exact")
    func damagedImport() throws {
        // Forty damaged copies of every fixture, each copy in a folder of
        // its own under the original's path (whose name may carry its date): an
        // import reads them copy after copy, so runs are replaced again and
        // again, and papers dropped and added within one group.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arxive-damaged-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var damage = Damage(seed: 7)
        var written = 0
        for copy in 0..<40 {
            let copyFolder = folder.appendingPathComponent(String(format: "%02d", copy))
            try FileManager.default.createDirectory(at: copyFolder, withIntermediateDirectories: true)
            for file in try Damage.fixtureFiles() {
                let bytes = damage.apply(to: Array(try Data(contentsOf: file)))
                let damaged = copyFolder.appendingPathComponent(String(file.path.dropFirst(Paths.fixturesRoot.path.count)))
                try FileManager.default.createDirectory(at: damaged.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: damaged)
                written += 1
            }
        }
        let archive = try Archive.inMemory()
        let report = DigestImporter(archive: archive).run(paths: [folder.path])
        #expect(report.filesRead == written)
        #expect(report.runsAdded + report.runsUpdated > 100 && report.failures.count > 100, "the damage reached nothing")
        // A file is refused for what it says, never for what the store did
        // with it, and in arxive's words, not Foundation's generic ones.
        let storeErrors = report.failures.filter { $0.reason.contains("SQLite") || $0.reason.contains("could not be completed") }
        #expect(storeErrors.isEmpty, "\(storeErrors.prefix(3))")
        #expect(try archive.integrityProblems().isEmpty)
        try expectIndexAsRebuilt(archive, matching: "model OR sparse")
    }

    @Test("When the archive cannot be written (a full disk), the import stops with one message, and what it stored is whole")
    func archiveFull() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arxive-full-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try History.generate(days: 60, seed: 4).write(to: folder)
        var storedSome = false
        // The disk fills at different points: in the first group, within a
        // file of a group stored file by file, at a later group's commit.
        for room in [40, 200, 1_000] {
            let archive = try Archive.inMemory()
            // A full disk, as SQLite meets it: no page may be added beyond these.
            try archive.withDatabaseForTesting { db in
                let pages = try Int.fetchOne(db, sql: "PRAGMA page_count")!
                try db.execute(sql: "PRAGMA max_page_count = \(pages + room)")
            }
            let report = DigestImporter(archive: archive, options: .init(groupSize: 10)).run(paths: [folder.appendingPathComponent("daily").path])
            let stopped = try #require(report.stopped, "room for \(room) pages")
            #expect(stopped.contains("database or disk is full"), "\(stopped)")
            #expect(report.failures.isEmpty, "no file is blamed for the archive: \(report.failures.prefix(2))")
            #expect(try archive.stats().runs == report.runsAdded, "room for \(room) pages")
            #expect(try archive.integrityProblems().isEmpty, "room for \(room) pages")
            storedSome = storedSome || report.runsAdded > 0
        }
        #expect(storedSome, "the groups before the disk filled are stored")
    }
}
