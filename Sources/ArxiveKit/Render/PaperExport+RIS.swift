/// RIS: the tagged format every reference manager imports (Zotero, EndNote,
/// Mendeley, JabRef).
extension PaperExport {
    /// One record per paper, as a preprint (`TY  - UNPB`, unpublished work:
    /// RIS has no preprint type): authors as `Family, Given` (split as the
    /// BibTeX and CSL exports split them), the year and month its id carries,
    /// publisher arXiv, the DOI arXiv registers for every paper, the abs URL,
    /// the abstract, your tags as keywords and your note; from the catalogue,
    /// the latest version (`ET`), and the journal reference, the published
    /// DOI and the licence as notes. A value is one
    /// line: RIS has no continuation lines, so line breaks become spaces.
    public static func ris(_ records: [PaperRecord]) -> String {
        let keys = citationKeys(records)
        return records.map { r in
            var lines = ["TY  - UNPB", "ID  - \(keys[r.arxivID]!)", "TI  - \(risText(r.title))"]
            for author in r.authors {
                let name = cslName(author)
                lines.append("AU  - " + risText(name.literal ?? "\(name.family ?? ""), \(name.given ?? "")"))
            }
            if let (year, month) = yearAndMonth(of: r.arxivID) {
                lines.append("PY  - \(year)")
                lines.append("DA  - \(year)/\(month < 10 ? "0" : "")\(month)")
            }
            lines += ["PB  - arXiv", "M1  - arXiv:\(r.arxivID)", "DO  - 10.48550/arXiv.\(r.arxivID)", "UR  - https://arxiv.org/abs/\(r.arxivID)"]
            if !r.abstract.isEmpty { lines.append("AB  - \(risText(r.abstract))") }
            lines += r.marks.tags.map { "KW  - \(risText($0))" }
            if let version = r.catalogue.latestVersion { lines.append("ET  - \(risText(version))") }
            if let published = publishedNote(r.catalogue) { lines.append("N1  - \(risText(published))") }
            if let license = r.catalogue.license { lines.append("N1  - Licence: \(risText(license))") }
            if let note = r.marks.note { lines.append("N1  - \(risText(note))") }
            lines.append("ER  - ")
            return lines.joined(separator: "\n") + "\n"
        }.joined(separator: "\n")
    }

    /// A value on one line, without a control character.
    static func risText(_ s: String) -> String {
        String(
            String.UnicodeScalarView(
                s.unicodeScalars.compactMap { scalar -> Unicode.Scalar? in
                    if scalar == "\n" || scalar == "\r" || scalar == "\t" { return " " }
                    return scalar.value < 0x20 ? nil : scalar
                }))
    }
}
