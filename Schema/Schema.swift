/// The archive schema: the numbered SQL migrations of `migrations.sql`,
/// embedded in the binary.
///
/// That file is the one list of migrations: each starts at its
/// `-- migration: NNN_name` line and runs to the next. Never edit a
/// migration that has shipped: append the next one.
public enum Schema {
    /// The migrations in the order they apply: (identifier, SQL).
    public static let migrations: [(identifier: String, sql: String)] =
        split(String(decoding: PackageResources.migrations_sql, as: UTF8.self))

    static let marker = "-- migration: "

    /// The sections of `text` that start at a marker line (the header before the first is a comment).
    ///
    /// Every command opens the archive, which asks for the migrations: split
    /// as bytes, since splitting the 25 KB into lines as characters was an
    /// eighth of a search's time, process start included. The names are
    /// trimmed as bytes too: trimming them as a `String` through reversed
    /// and dropped views was 3% of a search that finds nothing (each generic
    /// view type is made at run time, its conformances looked up in the
    /// whole binary).
    static func split(_ text: String) -> [(identifier: String, sql: String)] {
        let bytes = Array(text.utf8), marker = Array(("\n" + Self.marker).utf8)
        var starts: [Int] = []
        if bytes.starts(with: marker.dropFirst()) { starts.append(0) }
        var i = 0
        while i + marker.count <= bytes.count {
            if bytes[i] == marker[0], bytes[i..<(i + marker.count)].elementsEqual(marker) { starts.append(i + 1) }
            i += 1
        }
        return starts.enumerated().map { index, start in
            let nameStart = start + marker.count - 1
            let lineEnd = bytes[nameStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let end = index + 1 < starts.count ? starts[index + 1] : bytes.count
            var name = bytes[nameStart..<lineEnd]
            while let last = name.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\r") { name = name.dropLast() }
            while name.first == UInt8(ascii: " ") { name = name.dropFirst() }
            return (String(decoding: name, as: UTF8.self), String(decoding: bytes[min(lineEnd + 1, end)..<end], as: UTF8.self))
        }
    }
}
