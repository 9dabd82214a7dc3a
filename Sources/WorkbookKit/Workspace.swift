import Course
import Foundation

/// The workbook checkout the command works in: where lessons, exercises and builds live.
public struct Workspace: Sendable {
  /// The folder holding Package.swift and Lessons/.
  public let root: URL

  /// Creates a workspace at a known root.
  public init(root: URL) {
    self.root = root
  }

  /// Finds the workbook from the current folder upwards, then from the executable's location
  /// (`.build/debug/workbook` lives inside it), so the command works from any subfolder.
  public static func locate() throws -> Workspace {
    let starts = [
      URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
      URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        .deletingLastPathComponent(),
    ]
    for start in starts {
      var folder = start.standardizedFileURL
      while folder.path != "/" {
        if isWorkbook(folder) { return Workspace(root: folder) }
        folder.deleteLastPathComponent()
      }
    }
    throw WorkbookError(
      "no workbook here: run workbook inside the folder that holds Package.swift and Lessons/")
  }

  static func isWorkbook(_ folder: URL) -> Bool {
    let manager = FileManager.default
    return manager.fileExists(atPath: folder.appendingPathComponent("Lessons/Course.md").path)
      && manager.fileExists(atPath: folder.appendingPathComponent("Package.swift").path)
  }

  /// The path of `relative` inside the workbook.
  public func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

  /// Where the workbook keeps the learner's state (progress, backups): `.workbook/`, or the
  /// folder `WORKBOOK_STATE` names (tests use it to leave the real progress alone).
  public var stateFolder: URL {
    if let folder = ProcessInfo.processInfo.environment["WORKBOOK_STATE"], !folder.isEmpty {
      return URL(fileURLWithPath: folder)
    }
    return url(".workbook")
  }

  /// Loads the course and checks it against the code's figures and pictures. Without
  /// `checkingFigures`, no figure is computed: commands that need only the exercises start in
  /// milliseconds instead of computing every figure of every topic.
  public func loadCourse(checkingFigures: Bool = true) throws -> Course {
    try CourseLoader.load(root: root, catalog: checkingFigures ? Registry.catalog : .unchecked)
  }
}

/// An error the command reports as one line.
public struct WorkbookError: Error, CustomStringConvertible, Sendable {
  /// The line to print.
  public let description: String

  /// Creates an error with the line to print.
  public init(_ description: String) {
    self.description = description
  }
}
