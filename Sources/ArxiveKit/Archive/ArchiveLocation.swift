import Foundation

/// Where the archive lives: `--db PATH`, else `$ARXIVE_DB`, else
/// `$XDG_DATA_HOME/arxive/archive.sqlite` (default `~/.local/share/arxive/archive.sqlite`).
public enum ArchiveLocation {
    public static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let path = environment["ARXIVE_DB"], !path.isEmpty { return path }
        return (dataFolder(environment: environment) as NSString).appendingPathComponent("archive.sqlite")
    }

    /// `$XDG_DATA_HOME/arxive`, default `~/.local/share/arxive`: the archive's and the model's folder.
    public static func dataFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            dataHome = xdg
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            dataHome = (home as NSString).appendingPathComponent(".local/share")
        }
        return (dataHome as NSString).appendingPathComponent("arxive")
    }
}
