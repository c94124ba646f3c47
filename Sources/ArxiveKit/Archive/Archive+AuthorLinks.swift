import GRDB

/// Author ids and the links between papers and authors, for imports.
///
/// An import links papers to authors at the end of its transaction (a group
/// of digest files, a chunk of the catalogue), in author order: the author
/// index is then walked once, not touched at a random place per link. In
/// the 400-day benchmark import this took linking from about 20% of the
/// writer thread's samples to about 18% (perf, two runs each); at catalogue
/// scale, where the index is far larger than the page cache, the order
/// matters more. One statement for all the links (a JSON array through
/// `json_each`) was slower than a row per statement: parsing the JSON cost
/// more than the statements it saved.
extension Archive {
    /// The ids of the authors of these display names, in order; authors new
    /// to the archive are added. `known` (name -> id) saves a lookup for
    /// names already met, and learns the ones met here.
    func authorIDs(names: [String], known: inout [String: Int64], _ db: Database) throws -> [Int64] {
        try names.map { name in
            if let id = known[name] { return id }
            let id = try storedAuthorID(name: name, key: PersonName(display: name).key, db)
            known[name] = id
            return id
        }
    }

    /// The id of the author of this display name, added with `key` if the archive has none.
    ///
    /// `likelyNew` when the caller's names are mostly new to the archive (a
    /// catalogue chunk: it remembers every name it met before): the insert
    /// is tried first, its own search of the name index standing in for a
    /// SELECT's. A digest group's names were mostly met in earlier groups:
    /// they are looked up first.
    func storedAuthorID(name: String, key: String, likelyNew: Bool = false, _ db: Database) throws -> Int64 {
        let select = try db.cachedStatement(sql: "SELECT id FROM authors WHERE name = ?")
        if !likelyNew, let id = try Int64.fetchOne(select, arguments: [name]) { return id }
        try db.cachedStatement(sql: "INSERT INTO authors (name, key) VALUES (?, ?) ON CONFLICT (name) DO NOTHING").run(name, key)
        if db.changesCount > 0 { return db.lastInsertedRowID }
        return try Int64.fetchOne(select, arguments: [name])!
    }

    /// Links each paper to its authors (ids in order), in author order.
    /// The papers must have no links yet.
    func insertAuthorLinks(_ links: [Int64: [Int64]], _ db: Database) throws {
        var rows: [(author: Int64, paper: Int64, position: Int)] = []
        rows.reserveCapacity(links.values.reduce(0) { $0 + $1.count })
        for (paper, authors) in links {
            for (index, author) in authors.enumerated() { rows.append((author, paper, index + 1)) }
        }
        guard !rows.isEmpty else { return }
        rows.sort { ($0.author, $0.paper, $0.position) < ($1.author, $1.paper, $1.position) }
        let insert = try db.cachedStatement(sql: "INSERT INTO paper_authors (paper_id, position, author_id) VALUES (?, ?, ?)")
        for row in rows {
            try insert.run(row.paper, row.position, row.author)
        }
    }

    /// A paper's author names, in the paper's order.
    static func authorNames(paperID: Int64, _ db: Database) throws -> [String] {
        try String.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT a.name FROM paper_authors pa JOIN authors a ON a.id = pa.author_id WHERE pa.paper_id = ? ORDER BY pa.position
                    """), arguments: [paperID])
    }
}
