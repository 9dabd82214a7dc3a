import Foundation
import LearnerWorkspace

/// Writes a class's grades into a folder: `gradebook.csv`, `scores.csv`, `gradebook.json`,
/// `junit.xml`, and per student `students/<name>/feedback.md` and `results.json` (Gradescope).
///
/// Every file is written atomically. A file already there is replaced only if `workbook grade`
/// wrote it and nobody changed it since (the folder keeps a manifest of what it wrote), or with
/// `force`; files of an earlier run that this run does not write again (a student no longer in
/// the class) are removed under the same rule.
public struct GradesOutput {
  /// The folder.
  public let folder: URL
  /// Whether files the tool did not write may be replaced.
  public let force: Bool

  /// The manifest's file name.
  public static let manifestName = ".workbook-grades.json"

  /// Creates a writer for `folder`.
  public init(folder: URL, force: Bool) {
    self.folder = folder
    self.force = force
  }

  /// The files a run grading `students` writes, relative to the folder.
  public static func files(for students: [String]) -> [String] {
    ["gradebook.csv", "scores.csv", "gradebook.json", "junit.xml"]
      + students.flatMap { ["students/\($0)/feedback.md", "students/\($0)/results.json"] }
  }

  /// Throws, naming the first one, unless every file in `relatives` may be written.
  public func checkWritable(_ relatives: [String]) throws {
    guard !force else { return }
    let recorded = manifest()
    for relative in relatives {
      let path = folder.appendingPathComponent(relative).path
      guard let existing = FileManager.default.contents(atPath: path) else {
        if FileManager.default.fileExists(atPath: path) {
          throw WorkbookError("\(path) exists and is not a file workbook grade can replace")
        }
        continue
      }
      if recorded[relative] != fnv1a(existing) {
        throw WorkbookError(
          "\(path) exists and was not written by workbook grade (or was edited since); use --force to replace it"
        )
      }
    }
  }

  /// Writes the gradebook's files and returns them.
  @discardableResult
  public func write(_ gradebook: Gradebook, limits: CheckLimits) throws -> [URL] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var outputs: [(String, Data)] = [
      ("gradebook.csv", Data(GradebookCSV.checks(gradebook).utf8)),
      ("scores.csv", Data(GradebookCSV.scores(gradebook).utf8)),
      ("gradebook.json", try encoder.encode(gradebook)),
      ("junit.xml", Data(JUnitReport.xml(gradebook).utf8)),
    ]
    for student in gradebook.students {
      let folder = "students/\(student.student)/"
      outputs.append(
        (folder + "feedback.md", Data(FeedbackReport.markdown(student, limits: limits).utf8)))
      outputs.append(
        (folder + "results.json", try GradescopeResults(student, limits: limits).json()))
    }
    try checkWritable(outputs.map(\.0))
    var recorded = manifest()
    var written: [URL] = []
    for (relative, data) in outputs {
      let url = folder.appendingPathComponent(relative)
      try AtomicFile.write(data, to: url)
      recorded[relative] = fnv1a(data)
      written.append(url)
    }
    removeStale(&recorded, keeping: Set(outputs.map(\.0)))
    try AtomicFile.write(
      try encoder.encode(recorded), to: folder.appendingPathComponent(Self.manifestName))
    return written
  }

  /// What the manifest says the tool wrote: relative path → hash of the content.
  func manifest() -> [String: UInt64] {
    let url = folder.appendingPathComponent(Self.manifestName)
    let data = FileManager.default.contents(atPath: url.path)
    return data.flatMap { try? JSONDecoder().decode([String: UInt64].self, from: $0) } ?? [:]
  }

  /// Removes files of earlier runs not written now, if unchanged since, and forgets them.
  private func removeStale(_ recorded: inout [String: UInt64], keeping: Set<String>) {
    let manager = FileManager.default
    for (relative, hash) in recorded where !keeping.contains(relative) {
      recorded[relative] = nil
      let url = folder.appendingPathComponent(relative)
      guard let data = manager.contents(atPath: url.path), fnv1a(data) == hash else { continue }
      try? manager.removeItem(at: url)
      let parent = url.deletingLastPathComponent()
      if (try? manager.contentsOfDirectory(atPath: parent.path))?.isEmpty == true {
        try? manager.removeItem(at: parent)
      }
    }
  }
}
