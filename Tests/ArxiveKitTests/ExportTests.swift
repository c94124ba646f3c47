import ArxiveKit
import DigestGenerator
import Foundation
import Testing

@Suite("Export: BibTeX, CSL-JSON, RIS, CSV, JSON lines, Markdown")
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
        #expect(
            PaperExport.bibtex(records.reversed()).split(separator: "\n").filter { $0.hasPrefix("@misc") }.sorted()
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
        let archive = try importedArchive(history)
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
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

    /// citeproc-py: the CSL processor Python's citation tools use.
    static let citeprocPython = PeerPython.with("citeproc")

    @Test("CSL-JSON: one preprint item per paper, names split, issued from the id")
    func cslItems() throws {
        let archive = try fixtureArchive()
        let records = Array(try archive.records().prefix(20))
        let items = try #require(try JSONSerialization.jsonObject(with: Data(PaperExport.cslJSON(records).utf8)) as? [[String: Any]])
        #expect(items.count == records.count)
        let keys = PaperExport.citationKeys(records)
        for (item, record) in zip(items, records) {
            #expect(item["id"] as? String == keys[record.arxivID] && item["type"] as? String == "article")
            #expect(item["number"] as? String == "arXiv:" + record.arxivID && item["URL"] as? String == "https://arxiv.org/abs/" + record.arxivID)
            #expect(item["title"] as? String == record.title)
            let authors = try #require(item["author"] as? [[String: String]])
            #expect(authors.map { $0["literal"] ?? (($0["given"] ?? "") + " " + ($0["family"] ?? "")) } == record.authors)
        }
        #expect(PaperExport.yearAndMonth(of: "2512.22471")! == (2025, 12) && PaperExport.yearAndMonth(of: "hep-th/9901001")! == (1999, 1))
        #expect(PaperExport.yearAndMonth(of: "9606126") != nil && PaperExport.yearAndMonth(of: "astro-ph/9613001") == nil, "no month 13")
        #expect(PaperExport.cslJSON([]) == "[\n\n]\n" || PaperExport.cslJSON([]) == "[]\n")
    }

    /// 100 generated papers for the CSL processors: the first with a hostile
    /// title and a Vietnamese name, the second with the catalogue's fields.
    static func cslRecords() throws -> [PaperRecord] {
        var records = Array(try importedArchive(History.generate(days: 12, seed: 9)).records().prefix(100))
        records[0].title = "Schrödinger {Gauss} Bridges at 50% for R&D_x, \"quoted\""
        records[0].authors[0] = "Nguyễn Văn Phạm"
        records[1].catalogue = CatalogueFields(
            doi: "10.9999/invented.7", journalRef: "Invented Letters 12 (2025) 34", latestVersion: "v3",
            latestVersionDate: "2025-06-01", license: "http://creativecommons.org/licenses/by/4.0/")
        return records
    }

    /// Each rendered entry names its paper's first author's family name and its DOI.
    static func expectEachPaper(in entries: [String], _ records: [PaperRecord], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(entries.count == records.count, sourceLocation: sourceLocation)
        for record in records {
            let family = String(record.authors.first?.split(separator: " ").last ?? "")
            #expect(
                entries.contains { $0.contains(family) && $0.contains("10.48550/arXiv.\(record.arxivID)") }, "\(record.arxivID)",
                sourceLocation: sourceLocation)
        }
    }

    @Test("100 generated papers with TeX names render in citeproc-py, a real CSL processor", .enabled(if: ExportTests.citeprocPython != nil))
    func citeprocRenders() throws {
        let records = try ExportTests.cslRecords()
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("papers.json")
        try PaperExport.cslJSON(records).write(to: file, atomically: true, encoding: .utf8)
        // The bibliography in the style citeproc-py bundles, one plain-text entry per line.
        let script = """
            import json, sys
            from citeproc import CitationStylesStyle, CitationStylesBibliography, Citation, CitationItem, formatter
            from citeproc.source.json import CiteProcJSON
            items = json.load(open(sys.argv[1], encoding="utf-8"))
            bib = CitationStylesBibliography(CitationStylesStyle("harvard-cite-them-right", validate=False), CiteProcJSON(items), formatter.plain)
            for item in items: bib.register(Citation([CitationItem(item["id"])]))
            for entry in bib.bibliography(): print(str(entry))
            """
        let output = try PeerPython.run(ExportTests.citeprocPython!, script, [file.path])
        let entries = output.split(separator: "\n").map(String.init)
        ExportTests.expectEachPaper(in: entries, records)
        #expect(entries.contains { $0.contains("Phạm, N.V.") || $0.contains("Phạm, N. V.") }, "\(entries.first ?? "")")
    }

    @Test(
        "100 generated papers render in pandoc --citeproc (Debian's pandoc), each entry with its DOI, without a warning",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/pandoc")))
    func pandocRenders() throws {
        let records = try ExportTests.cslRecords()
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("papers.json")
        try PaperExport.cslJSON(records).write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pandoc")
        process.arguments = ["--citeproc", "--bibliography", file.path, "-f", "markdown", "-t", "plain", "--wrap=none"]
        let input = Pipe(), out = Pipe(), err = Pipe()
        (process.standardInput, process.standardOutput, process.standardError) = (input, out, err)
        try process.run()
        // Every item of the bibliography, cited or not.
        input.fileHandleForWriting.write(Data("---\nnocite: |\n  @*\n---\n".utf8))
        try input.fileHandleForWriting.close()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let warnings = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0 && warnings.isEmpty, "\(warnings)")
        let entries = output.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        ExportTests.expectEachPaper(in: entries, records)
        #expect(entries.contains { $0.hasPrefix("Phạm, Nguyễn Văn") }, "\(entries.first ?? "")")
    }

    @Test("RIS: one record per paper, read back by rispy with its title, authors, DOI, URL, tags and note", .enabled(if: PeerPython.with("rispy") != nil))
    func risReadByRispy() throws {
        let history = History.generate(days: 12, seed: 9)
        let archive = try importedArchive(history)
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try #require(try archive.records(limit: 1).first)
        try archive.mark(first.arxivID, .addTags(["thesis", "to-read"]))
        try archive.mark(first.arxivID, .note("Line one\nline two"))
        var records = Array(try archive.records().prefix(60))
        records[1].title = "Schrödinger {Gauss} Bridges\nat 50% for R&D"
        records[1].authors = ["Nguyễn Văn Phạm", "Plato"]
        let file = folder.appendingPathComponent("papers.ris")
        try PaperExport.ris(records).write(to: file, atomically: true, encoding: .utf8)
        let script = """
            import json, sys, rispy
            with open(sys.argv[1], encoding="utf-8") as f:
                entries = rispy.load(f)
            print(json.dumps([{k: e.get(k) for k in ("type_of_reference", "title", "authors", "doi", "urls", "keywords", "notes", "year", "publisher")} for e in entries]))
            """
        let output = try PeerPython.run(PeerPython.with("rispy")!, script, [file.path])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
        #expect(entries.count == records.count)
        for (entry, record) in zip(entries, records) {
            #expect(entry["type_of_reference"] as? String == "UNPB")
            #expect(entry["title"] as? String == record.title.replacingOccurrences(of: "\n", with: " "))
            #expect(entry["doi"] as? String == "10.48550/arXiv.\(record.arxivID)")
            #expect(entry["urls"] as? [String] == ["https://arxiv.org/abs/\(record.arxivID)"])
            #expect(entry["publisher"] as? String == "arXiv" && entry["year"] as? String == String(PaperExport.yearAndMonth(of: record.arxivID)!.year))
            let authors = try #require(entry["authors"] as? [String])
            #expect(authors.count == record.authors.count)
            for (written, name) in zip(authors, record.authors) {
                let family = String(name.split(separator: " ").last!)
                #expect(written == family || written.hasPrefix(family + ", "), "\(written) for \(name)")
            }
        }
        #expect(entries[1]["authors"] as? [String] == ["Phạm, Nguyễn Văn", "Plato"])
        #expect(entries[0]["keywords"] as? [String] == ["thesis", "to-read"] && entries[0]["notes"] as? [String] == ["Line one line two"])
    }
}
