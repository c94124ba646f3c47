/// The archive schema: numbered SQL migrations, embedded in the binary.
///
/// Each file in this folder is one migration, applied once and in order.
/// Never edit a migration that has shipped: add the next number instead.
public enum Schema {
    /// The migrations in the order they apply: (identifier, SQL).
    /// SwiftPM names an embedded `001_x.sql` `_01_x_sql` (a leading digit becomes `_`).
    public static let migrations: [(identifier: String, sql: String)] = [
        ("001_archive", String(decoding: PackageResources._01_archive_sql, as: UTF8.self)),
        ("002_follow", String(decoding: PackageResources._02_follow_sql, as: UTF8.self)),
        ("003_rank_profiles", String(decoding: PackageResources._03_rank_profiles_sql, as: UTF8.self)),
        ("004_marks", String(decoding: PackageResources._04_marks_sql, as: UTF8.self)),
        ("005_search_tools", String(decoding: PackageResources._05_search_tools_sql, as: UTF8.self)),
        ("006_runs_by_date", String(decoding: PackageResources._06_runs_by_date_sql, as: UTF8.self)),
        ("007_catalogue", String(decoding: PackageResources._07_catalogue_sql, as: UTF8.self)),
        ("008_topics_spotlights", String(decoding: PackageResources._08_topics_spotlights_sql, as: UTF8.self)),
        ("009_hotspots", String(decoding: PackageResources._09_hotspots_sql, as: UTF8.self)),
    ]
}
