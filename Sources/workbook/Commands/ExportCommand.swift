import ArgumentParser
import Foundation
import Grading
import LearnerWorkspace
import Publishing

/// `workbook export --student DIR`: an edition for students, without solutions;
/// `workbook export --gradescope DIR`: a Gradescope autograder around that edition.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract:
      "Write a student edition (no Solutions/) or a Gradescope autograder into a new folder."
  )

  @Option(help: "The folder for the student edition (must be new or empty).")
  var student: String?

  @Option(help: "The folder for a Gradescope autograder bundle (must be new or empty).")
  var gradescope: String?

  @Option(help: "Seconds each exercise may run, in the autograder.")
  var timeout: Double = 30

  @Option(help: "Megabytes of address space each exercise may use, in the autograder.")
  var memory = 1024

  @Option(help: "Seconds one submission may take in all, in the autograder.")
  var budget: Double = 600

  func validate() throws {
    if (student == nil) == (gradescope == nil) {
      throw ValidationError("give either --student DIR or --gradescope DIR")
    }
    try validateGradingLimits(timeout: timeout, budget: budget, memory: memory)
  }

  func run() throws {
    let workspace = try Workspace.locate()
    if let student {
      let folder = try outside(workspace, student, option: "--student")
      let count = try StudentEdition(workspace: workspace).export(to: folder)
      print("Wrote the student edition (\(count) files) to \(folder.path).")
      print("In it: make, then swift test grades the stubs.")
    } else if let gradescope {
      let folder = try outside(workspace, gradescope, option: "--gradescope")
      let version = GradescopeBundle.installedSwiftVersion() ?? "6.3.1"
      var bundle = GradescopeBundle(
        workspace: workspace, swiftVersion: version,
        limits: CheckLimits(timeout: timeout, memoryMegabytes: memory))
      bundle.budget = budget
      let written = try bundle.export(to: folder)
      print(
        "Wrote a Gradescope autograder (setup.sh, run_autograder, workbook/ with \(written.workbookFiles) files) to \(folder.path)."
      )
      if let zip = written.zip {
        print("Upload \(zip.path) as the assignment's autograder (Ubuntu image, Swift \(version)).")
      } else {
        print(
          "zip is not installed: zip setup.sh, run_autograder, README.md and workbook/ at the archive's root."
        )
      }
    }
  }

  /// The folder `path` names, which must lie outside the workbook.
  private func outside(_ workspace: Workspace, _ path: String, option: String) throws -> URL {
    let folder = URL(
      fileURLWithPath: path,
      relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    )
    .standardizedFileURL
    let root = workspace.root.standardizedFileURL.path
    if folder.path == root || folder.path.hasPrefix(root + "/") {
      throw ValidationError(
        "\(option) cannot go inside the workbook itself; choose a folder outside it")
    }
    return folder
  }
}
