import ArxiveKit
import DigestGenerator
import Foundation
import Testing

@Suite("Export: BibTeX, CSV, JSON lines, Markdown")
struct ExportTests {
    @Test("TeX accents come back for every generated name, and decode to the same name")
    func texRoundTrip() throws {
        let vocabulary = Vocabulary(seed: 42)
        for person in vocabulary.people {
            #expect(TeXDecoder.decode(TeXEncoder.encode(person.display)) == person.display, "\(person.display)")
        }
        #expect(TeXEncoder.encode("Marcel Rød") == "Marcel R{\\o}d")
        #expect(TeXEncoder.encode("Jiří Dvořák") == "Ji{\\v{r}}{\\'{\\i}} Dvo{\\v{r}}{\\'a}k")
        #expect(TeXEncoder.encode("Çelik Łukasik") == "{\\c{C}}elik {\\L}ukasik")
    }

    @Test("BibTeX: @misc with eprint, archivePrefix, primaryClass when known; stable keys; Last, First names; escaped text")
    func bibtex() throws {
        let archive = try fixtureArchive()
        let records = try archive.records(arxivIDs: ["2512.00401", "2501.00101", "hep-th/9901001"])
        let bib = PaperExport.bibtex(records)
        #expect(bib.contains("@misc{morvan2025mixture,"))
        #expect(bib.contains("author        = {Morvan, Y. and Morvan, Emma and B{\\'e}ranger, Fran{\\c{c}}ois}"))
        #expect(bib.contains("eprint        = {2512.00401}") && bib.contains("archivePrefix = {arXiv}") && bib.contains("primaryClass  = {cs.LG}"))
        #expect(bib.contains("year          = {1999}") && bib.contains("eprint        = {hep-th/9901001}"))
        #expect(bib.components(separatedBy: "primaryClass").count == 2, "only the paper whose source named it")
        #expect(PaperExport.bibtex(records.reversed()).split(separator: "\n").filter { $0.hasPrefix("@misc") }.sorted()
                == bib.split(separator: "\n").filter { $0.hasPrefix("@misc") }.sorted(), "keys do not depend on the order")
        #expect(PaperExport.bibtexText("50% of A&B_c {x $O(n_1)$") == "50\\% of A\\&B\\_c \\textbraceleft{}x $O(n_1)$")
        #expect(PaperExport.bibtexText("Béthune {Gauss} Schrödinger") == "B{\\'e}thune {Gauss} Schr{\\\"o}dinger")
        #expect(PaperExport.bibtexText("Schrödinger {x") == "Schr{\\\"o}dinger \\textbraceleft{}x")
        #expect(PaperExport.bibtexName("R&D 100% Team") == "Team, R\\&D 100\\%")
        #expect(PaperExport.bibtexName("Nguyễn") == "{Nguy{\\~{\\^e}}n}")
        // Two papers that would share a key get b, c, ... in arXiv id order.
        var twin = records[0]
        twin.arxivID = "2512.00409"
        #expect(PaperExport.citationKeys([twin, records[0]]) == ["2512.00401": "morvan2025mixture", "2512.00409": "morvan2025mixtureb"])
    }

    @Test("CSV has a header and quotes what needs it; JSON lines hold every field and the history; Markdown ticks read papers")
    func otherFormats() throws {
        let archive = try fixtureArchive()
        try archive.mark("2501.00101", .read(true))
        try archive.mark("2501.00101", .addTags(["lattice"]))
        let records = try archive.records(matching: try parse("id:2501.00101 OR id:2512.00402"))
        #expect(records.map(\.arxivID) == ["2512.00402", "2501.00101"], "most recently listed first")
        let csv = PaperExport.csv(records).components(separatedBy: "\r\n")
        #expect(csv[0] == PaperExport.csvHeader.joined(separator: ","))
        #expect(csv[2].hasPrefix("2501.00101,\"Sparse Routing for Lattice Transformers, Revised\",Ingrid Skøld; Renée Duval; Tomasz Nowicki,"))
        #expect(csv.count == 4 && csv[3].isEmpty)
        let lines = PaperExport.jsonLines(records).split(separator: "\n")
        #expect(lines.count == 2)
        let object = try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as! [String: Any]
        #expect((object["verdicts"] as! [[String: Any]]).map { $0["date"] as! String } == ["2025-01-06", "2025-12-01"])
        let first = (object["verdicts"] as! [[String: Any]])[0]
        #expect(first["arxiv_version"] as? Int == 1 && first["announce_type"] as? String == "new", "from the feed prefix")
        #expect((object["marks"] as! [String: Any])["tags"] as? [String] == ["lattice"])
        let md = PaperExport.markdown(records)
        #expect(md.hasPrefix("# Reading list (2 papers)\n"))
        #expect(md.contains("- [x] **[Sparse Routing for Lattice Transformers, Revised](https://arxiv.org/abs/2501.00101)**"))
        #expect(md.contains("- [ ] **[C++ Kernels for Sparse Attention](https://arxiv.org/abs/2512.00402)**"))
    }

    @Test("100 generated papers with TeX names pass biber's validation", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/biber")))
    func biberValidates() throws {
        let history = History.generate(days: 12, seed: 9)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arxive-bib-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try history.write(to: folder)
        let archive = try Archive.inMemory()
        expectClean(DigestImporter(archive: archive).run(paths: [folder.appendingPathComponent("daily").path]))
        var records = Array(try archive.records().prefix(100))
        #expect(records.count == 100)
        // Accents, braces, stacked accents and TeX's special characters in a title and a name.
        records[0].title = "Schrödinger {Gauss} Bridges at 50% for R&D_x, {unbalanced"
        records[0].authors[0] = "Nguyễn Văn Phạm"
        #expect(records.contains { $0.authors.contains { !$0.allSatisfy(\.isASCII) } }, "TeX-accented names among them")
        let bib = folder.appendingPathComponent("papers.bib")
        try PaperExport.bibtex(records).write(to: bib, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/biber")
        process.currentDirectoryURL = folder
        process.arguments = ["--tool", "--validate-datamodel", "papers.bib"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(!output.contains("WARN") && !output.contains("ERROR"), "\(output)")
    }
}
