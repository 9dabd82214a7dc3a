import ArgumentParser
import Foundation
import WorkbookKit

/// `workbook export --student DIR`: an edition for students, without solutions.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export", abstract: "Write a student edition (no Solutions/) into a new folder.")

  @Option(help: "The folder for the student edition (must be new or empty).")
  var student: String

  func run() throws {
    let workspace = try Workspace.locate()
    let folder = URL(
      fileURLWithPath: student,
      relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    )
    .standardizedFileURL
    if folder.path.hasPrefix(workspace.root.standardizedFileURL.path + "/") {
      throw ValidationError(
        "the student edition cannot go inside the workbook itself; choose a folder outside it")
    }
    let count = try StudentEdition(workspace: workspace).export(to: folder)
    print("Wrote the student edition (\(count) files) to \(folder.path).")
    print("In it: make, then swift test grades the stubs.")
  }
}
