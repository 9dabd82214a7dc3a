import Foundation
import LearnerWorkspace

/// The folder holding the jobs' grading copies: a temporary one removed afterwards, or one the
/// user names and keeps, so the next run starts from warm builds.
struct WorkFolder {
  /// The folder.
  let url: URL
  /// Whether it is removed when grading ends.
  let temporary: Bool

  /// The file that marks a folder as made by `workbook grade`.
  static let marker = ".workbook-grading-work"

  /// A kept folder at `url`: new, empty, or made by an earlier run.
  static func kept(at url: URL) throws -> WorkFolder {
    let manager = FileManager.default
    let entries = (try? manager.contentsOfDirectory(atPath: url.path)) ?? []
    if !entries.isEmpty && !entries.contains(marker) {
      throw WorkbookError(
        "\(url.path) is not empty and was not made by workbook grade; choose a new --work folder")
    }
    try manager.createDirectory(at: url, withIntermediateDirectories: true)
    try AtomicFile.write(
      Data("grading copies of the workbook, made by workbook grade\n".utf8),
      to: url.appendingPathComponent(marker))
    return WorkFolder(url: url, temporary: false)
  }

  /// A new temporary folder.
  static func temporary() throws -> WorkFolder {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "workbook-grade-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return WorkFolder(url: url, temporary: true)
  }

  /// The folder of job `index`.
  func slot(_ index: Int) -> URL { url.appendingPathComponent("job-\(index + 1)") }

  /// Removes the folder if it is temporary.
  func finish() {
    if temporary { try? FileManager.default.removeItem(at: url) }
  }
}
