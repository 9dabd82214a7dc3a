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

  /// Loads the course. With `catalogs` (the figure registry's, `Registry.catalog(of:)`), each
  /// lesson is checked against the figures and pictures of its topic, which are computed for
  /// it; without, no figure is computed: commands that need only the exercises start in
  /// milliseconds, and commands that show a lesson check only that one
  /// (`Course.checking(_:against:)`).
  /// With `toleratingMissingExercises`, a deleted exercise file does not stop the course from
  /// loading; `missingExercises(in:)` names such files.
  public func loadCourse(
    checking catalogs: ((_ lesson: String) -> CourseCatalog)? = nil,
    toleratingMissingExercises: Bool = false
  ) throws -> Course {
    try CourseLoader.load(
      root: root, catalogs: catalogs ?? { _ in .unchecked },
      toleratingMissingExercises: toleratingMissingExercises)
  }

  /// The exercises of `course` whose file is not in the workbook.
  public func missingExercises(in course: Course) -> [ExerciseReference] {
    course.exercises.filter { !FileManager.default.fileExists(atPath: url($0.file).path) }
  }

  /// Removes the temporary files interrupted atomic writes left behind, in the folders the
  /// workbook writes into: the state folder, its backups, and each topic's exercise folder.
  public func removeStaleTemporaries(of course: Course) {
    var folders = [stateFolder, stateFolder.appendingPathComponent("backups")]
    folders += Set(course.exercises.map { url($0.file).deletingLastPathComponent().path })
      .sorted().map { URL(fileURLWithPath: $0) }
    for folder in folders { AtomicFile.removeStaleTemporaries(in: folder) }
  }
}

/// An error the command reports as one line.
public struct WorkbookError: Error, CustomStringConvertible, Sendable {
  /// The line to print.
  public let description: String
  /// The system's error number behind it, when a file operation failed.
  public let code: Int32?

  /// Creates an error with the line to print (and the error number behind it, if any).
  public init(_ description: String, code: Int32? = nil) {
    self.description = description
    self.code = code
  }
}
