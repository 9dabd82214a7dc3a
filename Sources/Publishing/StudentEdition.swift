import Foundation
import LearnerWorkspace

/// Writes a student edition: the workbook without Solutions/ and without anything that
/// reveals them. `Package.swift` drops the Solutions targets when the folder is missing, and the
/// maintainers' tests compile out with them, so the edition builds and its `swift test` grades
/// the stubs.
public struct StudentEdition {
  /// The workbook to copy.
  public let workspace: Workspace

  /// Creates an exporter.
  public init(workspace: Workspace) {
    self.workspace = workspace
  }

  /// Top-level entries never copied: solutions, builds, version control, the learner's state.
  static let excludedTopLevel: Set<String> = [
    "Solutions", ".git", ".workbook", ".swiftpm", "Package.resolved", "Benchmarks",
  ]

  /// Whether a path (relative to the workbook) belongs in the student edition.
  static func includes(_ relative: String) -> Bool {
    let components = relative.split(separator: "/").map(String.init)
    guard let first = components.first else { return false }
    if excludedTopLevel.contains(first) || first.hasPrefix(".build") { return false }
    return true
  }

  /// Copies the edition into `folder`, which must be missing or empty. Returns the number of
  /// files written.
  @discardableResult
  public func export(to folder: URL) throws -> Int {
    let manager = FileManager.default
    if let existing = try? manager.contentsOfDirectory(atPath: folder.path), !existing.isEmpty {
      throw WorkbookError(
        "\(folder.path) is not empty; choose a new folder for the student edition")
    }
    try manager.createDirectory(at: folder, withIntermediateDirectories: true)
    let root = workspace.root.standardizedFileURL
    guard let walker = manager.enumerator(at: root, includingPropertiesForKeys: [.isDirectoryKey])
    else {
      throw WorkbookError("cannot read \(root.path)")
    }
    var count = 0
    for case let url as URL in walker {
      let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
      guard Self.includes(relative) else {
        walker.skipDescendants()
        continue
      }
      let target = folder.appendingPathComponent(relative)
      if (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
        try manager.createDirectory(at: target, withIntermediateDirectories: true)
      } else {
        try manager.copyItem(at: url, to: target)
        count += 1
      }
    }
    try markAsStudentEdition(folder.appendingPathComponent("Package.swift"))
    try keepPristineStubs(
      from: folder.appendingPathComponent("Exercises"),
      in: folder.appendingPathComponent(".workbook/pristine"))
    return count
  }

  /// Copies the stubs to `.workbook/pristine/`: an edition without git still has them, for
  /// `workbook reset` and for grading around a broken exercise.
  func keepPristineStubs(from exercises: URL, in pristine: URL) throws {
    let manager = FileManager.default
    try manager.createDirectory(
      at: pristine.deletingLastPathComponent(), withIntermediateDirectories: true)
    try manager.copyItem(at: exercises, to: pristine)
  }

  /// Rewrites the manifest's edition line (see Package.swift for why it matters).
  func markAsStudentEdition(_ manifest: URL) throws {
    let text = try String(contentsOf: manifest, encoding: .utf8)
    let marked = text.replacingOccurrences(
      of: "let edition = \"full\"", with: "let edition = \"student\"")
    guard marked != text else { throw WorkbookError("\(manifest.path): no edition line to mark") }
    try AtomicFile.write(Data(marked.utf8), to: manifest)
  }
}
