import ArxiveKit
import Foundation
import Testing

/// What the catalogue says of a paper beyond its text, in `show` and the exports.
@Suite("Catalogue fields")
struct CatalogueFieldsTests {
    @Test("show and the exports carry the catalogue's DOI, journal reference, latest version and its day, and licence")
    func catalogueFields() throws {
        let files = try CatalogueTests.SnapshotFiles(papers: 120)
        defer { files.remove() }
        let archive = try files.imported()
        var withDOI = 0, withJournal = 0, withLicense = 0
        for record in files.records {
            let fields = try #require(try archive.paper(record.id)).catalogue
            let latest = try #require(record.versions.last)
            #expect(
                fields
                    == CatalogueFields(
                        doi: record.doi, journalRef: record.journalRef, latestVersion: latest.version,
                        latestVersionDate: CatalogueFields.day(ofCreated: latest.created), license: record.license),
                "\(record.id)")
            #expect(fields.latestVersionDate != nil)
            withDOI += record.doi == nil ? 0 : 1
            withJournal += record.journalRef == nil ? 0 : 1
            withLicense += record.license == nil ? 0 : 1
        }
        #expect(withDOI > 0 && withDOI < 120 && withJournal > 0 && withLicense > 0, "the generator writes some of each, not all")

        let published = try #require(files.records.first { $0.doi != nil && $0.journalRef != nil && $0.license != nil })
        let record = try #require(try archive.records(arxivIDs: [published.id]).first)
        let bibtex = PaperExport.bibtex([record])
        #expect(bibtex.contains("doi           = {\(published.doi!)}") && bibtex.contains("version       = {\(published.versions.count)}"))
        let csl = try #require(try JSONSerialization.jsonObject(with: Data(PaperExport.cslJSON([record]).utf8)) as? [[String: Any]]).first
        #expect(csl?["DOI"] as? String == "10.48550/arXiv.\(published.id)", "the item is the preprint")
        #expect(csl?["version"] as? String == published.versions.last?.version && csl?["license"] as? String == published.license)
        #expect(csl?["note"] as? String == "Journal reference: \(published.journalRef!); DOI: \(published.doi!)")
        let ris = PaperExport.ris([record])
        #expect(ris.contains("ET  - \(published.versions.last!.version)\n") && ris.contains("N1  - Licence: \(published.license!)\n"))
        let shown = PaperRenderer.detail(try #require(try archive.paper(published.id)))
        #expect(shown.contains("DOI \(published.doi!) · \(published.journalRef!) · licence \(published.license!)"), "\(shown)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONOutput.string(try archive.paper(published.id)).utf8)) as? [String: Any])
        #expect((json["catalogue"] as? [String: Any])?["journal_ref"] as? String == published.journalRef)

        let listed = try fixtureArchive()
        let digestPaper = try #require(try listed.paper("2501.00101"))
        #expect(digestPaper.catalogue.isEmpty)
        let digestJSON = try JSONOutput.string(digestPaper)
        #expect(digestJSON.contains("\"doi\" : null") && digestJSON.contains("\"latest_version_date\" : null"), "every key, null when absent")
        #expect(!PaperExport.bibtex(try listed.records(arxivIDs: ["2501.00101"])).contains("doi "))
    }
}
