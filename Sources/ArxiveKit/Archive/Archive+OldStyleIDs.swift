import Foundation
import GRDB

/// Old-style arXiv numbers written without their archive (`9606126`, which
/// arXiv knows as `astro-ph/9606126`).
extension Archive {
    /// The papers with each bare old-style id resolved to `ARCHIVE/NNNNNNN`
    /// when one source makes it unambiguous: the paper's own categories in
    /// the digest (`primary_category`), else the catalogue holding exactly
    /// one paper of that number, else a digest named after an arXiv archive
    /// (`--digest astro-ph`). An id none of these resolves is kept as the
    /// source wrote it. Either way `notes` says what was done, and the
    /// verdict's `extra` keeps the id as written (`written_arxiv_id`).
    func resolveBareOldStyleIDs(in papers: [DigestPaper], digestName: String, notes: inout [String], _ db: Database) throws -> [DigestPaper] {
        try papers.map { paper in
            guard ArxivID.isBareOldStyle(paper.arxivID) else { return paper }
            let number = paper.arxivID
            var archive: String?
            var how = ""
            if let category = Archive.primaryCategory(paper), let name = category.split(separator: ".").first, ArxivID.isOldStyle("\(name)/\(number)"[...]) {
                (archive, how) = (String(name), "its category in the digest")
            } else {
                let held = try String.fetchAll(
                    db, sql: "SELECT arxiv_id FROM papers WHERE arxiv_id LIKE '%/' || ? AND catalogue_date IS NOT NULL",
                    arguments: [number])
                let archives = Set(held.compactMap { $0.split(separator: "/").first.map(String.init) })
                if archives.count == 1, let only = archives.first {
                    (archive, how) = (only, "the catalogue")
                } else if ArxivID.isOldStyle("\(digestName)/\(number)"[...]) && Archive.arxivArchives.contains(digestName) {
                    (archive, how) = (digestName, "the digest's name")
                }
            }
            guard let archive else {
                notes.append(
                    "\(number) is an old-style arXiv number without its archive: kept as written "
                        + "(import the catalogue, or the digest with --digest ARCHIVE, to resolve it)")
                return paper
            }
            var resolved = paper
            resolved.arxivID = "\(archive)/\(number)"
            resolved.extra = Archive.addingWrittenID(number, to: paper.extra)
            notes.append("\(number) is stored as \(resolved.arxivID) (resolved from \(how))")
            return resolved
        }
    }

    /// The primary category the source gave the paper (`primary_category`, or the first of `categories`).
    static func primaryCategory(_ paper: DigestPaper) -> String? {
        guard let extra = paper.extra, let fields = (try? JSONSerialization.jsonObject(with: Data(extra.utf8))) as? [String: Any] else { return nil }
        return (fields["primary_category"] as? String) ?? (fields["categories"] as? [Any])?.first as? String
    }

    static func addingWrittenID(_ id: String, to extra: String?) -> String? {
        var fields = extra.flatMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] } ?? [:]
        fields["written_arxiv_id"] = id
        return JSONObjects.text(fields)
    }

    /// The archives of arXiv's old-style ids.
    static let arxivArchives: Set<String> = [
        "acc-phys", "adap-org", "alg-geom", "ao-sci", "astro-ph", "atom-ph", "bayes-an", "chao-dyn", "chem-ph", "cmp-lg", "comp-gas",
        "cond-mat", "cs", "dg-ga", "funct-an", "gr-qc", "hep-ex", "hep-lat", "hep-ph", "hep-th", "math", "math-ph", "mtrl-th", "nlin",
        "nucl-ex", "nucl-th", "patt-sol", "physics", "plasm-ph", "q-alg", "q-bio", "quant-ph", "solv-int", "supr-con",
    ]
}
