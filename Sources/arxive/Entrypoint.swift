import ArgumentParser
import ArxiveKit
import Foundation

/// Runs the command and maps errors to the exit statuses scripts rely on:
/// 0 success, 1 failure, 2 usage (a bad option or a malformed query).
@main
enum Entrypoint {
    static func main() {
        do {
            var command = try leafCommand(Array(CommandLine.arguments.dropFirst())) ?? Arxive.parseAsRoot()
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

    /// The command a command line names, parsed by that command alone; nil
    /// when the line asks for help, a version or a completion script, names
    /// no leaf command, or does not parse: the whole tree then parses it, as
    /// before, and says what is wrong.
    ///
    /// Why: swift-argument-parser's parse from the root walks the whole tree
    /// of commands, looking up protocol conformances at run time as it goes:
    /// a third of a short command's time, process start included (perf, 30
    /// runs of a `hot search` that matched nothing). The leaf alone parses
    /// to the same command value; its own `validate()` still runs.
    static func leafCommand(_ arguments: [String]) -> (any ParsableCommand)? {
        var type: any ParsableCommand.Type = Arxive.self
        var rest = arguments[...]
        while let word = rest.first,
            let subcommand = type.configuration.subcommands.first(where: { $0._commandName == word || $0.configuration.aliases.contains(word) })
        {
            type = subcommand
            rest = rest.dropFirst()
        }
        guard type != Arxive.self, type.configuration.subcommands.isEmpty else { return nil }
        let asksTheTree: Set<String> = ["-h", "--help", "help", "--version", "--generate-completion-script", "--experimental-dump-help"]
        guard !rest.contains(where: { asksTheTree.contains($0) || $0.hasPrefix("--generate-completion-script=") }) else { return nil }
        return try? type.parse(Array(rest))
    }
}

extension CommandConfiguration {
    /// A leaf command's configuration: marked (`_superCommandName`) so that
    /// a parse of the leaf alone (`Entrypoint.leafCommand`) skips
    /// swift-argument-parser's check for `--generate-completion-script`.
    ///
    /// Why: that check builds and runs two parsers of its own, half of the
    /// leaf's parse (perf, 40 runs of a `hot search` that found nothing:
    /// 12% of all samples). `leafCommand` hands a line that asks for a
    /// completion script to the whole tree, whose root is not marked, so
    /// the check still runs there. The mark is read only where the leaf is
    /// the root of the parse; help and usage always come from the whole tree.
    static func leaf(commandName: String, abstract: String, discussion: String = "") -> CommandConfiguration {
        var configuration = CommandConfiguration(commandName: commandName, abstract: abstract, discussion: discussion)
        configuration._superCommandName = "arxive"
        return configuration
    }
}
