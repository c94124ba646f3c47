import Foundation

/// JSON as arxive writes it for people's scripts: one encoder
/// configuration. Keys are the properties' names in snake_case
/// (`arxivID` is `arxiv_id`), sorted; `@OrNull` properties are `null`
/// when they have no value.
public enum JSONOutput {
    /// The one JSON document a read command prints with `--json`.
    public static func string<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder(pretty: true).encode(value), as: UTF8.self)
    }

    /// `pretty`: indented, for a person; else one line (JSON lines).
    public static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
