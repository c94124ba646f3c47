import ArgumentParser
import ArxiveKit
import Foundation

/// Runs the command and maps errors to the exit statuses scripts rely on:
/// 0 success, 1 failure, 2 usage (a bad option or a malformed query).
@main
enum Entrypoint {
    static func main() {
        do {
            var command = try Arxive.parseAsRoot()
            try command.run()
        } catch let error as QueryError {
            Terminal.error(error.description)
            exit(2)
        } catch let error as LocalizedError {
            // Our own errors (a missing archive, a day with no run): one line, exit 1.
            // ArgumentParser's (bad options, --help, --version) are not LocalizedError.
            Terminal.error(error.localizedDescription)
            exit(1)
        } catch let error as NSError where error.domain == NSCocoaErrorDomain || error.domain == NSPOSIXErrorDomain {
            // Foundation's file errors: their description, not a dump of the NSError.
            Terminal.error(error.localizedDescription)
            exit(1)
        } catch {
            if let message = Archive.databaseMessage(for: error) {
                // SQLite's own words, without its code and statement: still one line, exit 1.
                Terminal.error(message)
                exit(1)
            }
            let code = Arxive.exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((Arxive.fullMessage(for: error) + "\n").utf8))
                exit(2)
            }
            Arxive.exit(withError: error)
        }
    }
}
