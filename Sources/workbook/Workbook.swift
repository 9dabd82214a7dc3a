import ArgumentParser
import Course
import Foundation
import LearnerWorkspace

/// The `workbook` command: the front door to lessons, exercises and the memory tools.
@main
struct Workbook: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "workbook",
    abstract: "A workbook on memory in machine-learning systems.",
    subcommands: [
      DashboardCommand.self,
      ListCommand.self,
      ReadCommand.self,
      CheckCommand.self,
      WatchCommand.self,
      HintCommand.self,
      QuizCommand.self,
      ResetCommand.self,
      HandoutCommand.self,
      ExportCommand.self,
      GradeCommand.self,
      CalcCommand.self,
      FloatCommand.self,
      QuantizeCommand.self,
    ],
    defaultSubcommand: DashboardCommand.self
  )

  /// Parses and runs, turning every error into one line on stderr and a status: 64 for usage
  /// errors (as sysexits.h has it), 1 for the rest. `--help` and `--version` print as usual.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let code as ExitCode {
      Foundation.exit(code.rawValue)
    } catch let error as WorkbookError {
      FileHandle.standardError.write(Data("workbook: \(error)\n".utf8))
      Foundation.exit(1)
    } catch let errors as CourseErrors {
      FileHandle.standardError.write(Data("\(errors)\n".utf8))
      Foundation.exit(65)
    } catch let error as NSError where error.domain == NSCocoaErrorDomain {
      // A file error from Foundation: the file and the system's reason, never its own text.
      FileHandle.standardError.write(Data("workbook: \(fileProblem(error))\n".utf8))
      Foundation.exit(1)
    } catch {
      let status = exitCode(for: error)
      if status == .success || error is CleanExit {
        exit(withError: error)
      }
      let message = Workbook.message(for: error).split(separator: "\n").first.map(String.init) ?? ""
      FileHandle.standardError.write(Data("workbook: \(message)\n".utf8))
      Foundation.exit(status.rawValue)
    }
  }
}

/// `<file>: <reason>` for a Foundation file error, from its path and underlying POSIX error.
private func fileProblem(_ error: NSError) -> String {
  let path = error.userInfo[NSFilePathErrorKey] as? String ?? "a file"
  if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError,
    underlying.domain == NSPOSIXErrorDomain
  {
    return "\(path): \(String(cString: strerror(Int32(underlying.code))).lowercased())"
  }
  return "\(path): cannot be read or written"
}
