import Testing

@testable import ArxiveSchema

@Suite("Schema")
struct SchemaTests {
    @Test("migrations.sql lists each migration once, numbered in order, under the names archives have recorded")
    func migrationsInOrder() {
        let names = Schema.migrations.map(\.identifier)
        // Archives made by earlier versions recorded these names: renaming one would apply it again.
        #expect(
            Array(names.prefix(12)) == [
                "001_archive", "002_follow", "003_rank_profiles", "004_marks", "005_search_tools",
                "006_runs_by_date", "007_catalogue", "008_topics_spotlights", "009_hotspots",
                "010_hotspot_markdown", "011_dismissed", "012_mutes",
            ])
        let numbers = names.map { Int($0.prefix(3)) }
        #expect(numbers == Array(1...names.count).map(Optional.some), "numbered 001, 002, ... without a gap or a repeat")
        #expect(Schema.migrations.allSatisfy { $0.sql.contains("CREATE") || $0.sql.contains("ALTER") })
    }

    @Test("A section runs from its marker to the next; text before the first marker is no migration")
    func splitsAtMarkers() {
        let split = Schema.split("-- header\n-- migration: 001_a\nCREATE TABLE a (x);\n\n-- migration: 002_b \nCREATE TABLE b (y);\n")
        #expect(split.map(\.identifier) == ["001_a", "002_b"])
        #expect(split[0].sql == "CREATE TABLE a (x);\n\n")
        #expect(split[1].sql == "CREATE TABLE b (y);\n")
        #expect(Schema.split("-- migration: 001_a\nSELECT 1;").map(\.identifier) == ["001_a"], "a marker on the first line")
    }
}
