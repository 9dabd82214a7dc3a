import Course
import Foundation

/// One student's submission: the exercise files taken from it, and what was left out.
public struct Submission: Sendable {
  /// The submission's folder name, which names the student in every report.
  public let name: String
  /// The submission's folder, symbolic links resolved.
  public let folder: URL
  /// Exercise name → the student's file for it. Exercises absent here are missing.
  public let files: [String: URL]
  /// What was ignored and why, one sentence each.
  public let notes: [String]

  /// Creates a submission.
  public init(name: String, folder: URL, files: [String: URL], notes: [String]) {
    self.name = name
    self.folder = folder
    self.files = files
    self.notes = notes
  }

  /// The contents of the student's files keyed by where they go in the workbook
  /// (`Exercises/<Topic>/<Name>.swift`), plus a note for each file that could not be read.
  public func overrides(for exercises: [ExerciseReference]) -> (
    files: [String: Data], notes: [String]
  ) {
    var contents: [String: Data] = [:]
    var unreadable: [String] = []
    for exercise in exercises {
      guard let url = files[exercise.name] else { continue }
      if let data = FileManager.default.contents(atPath: url.path),
        data.count <= SubmissionFinder.maxFileBytes
      {
        contents[exercise.file] = data
      } else {
        unreadable.append("ignored \(exercise.file): unreadable")
      }
    }
    return (contents, unreadable)
  }
}

/// Finds submissions and, in each, the exercise files the workbook knows.
///
/// A submission is a folder holding `Exercises/<Topic>/<Name>.swift`, possibly inside a whole
/// student edition (or one folder deeper, as an unzipped download has it); without an
/// `Exercises/` folder, `<Name>.swift` or `<Topic>/<Name>.swift` at its top are taken, as
/// Gradescope uploads have them. Nothing else is read: the student's Tests/, graders and
/// Package.swift are ignored, and so are symbolic links, files outside the submission and files
/// over `maxFileBytes`.
public struct SubmissionFinder: Sendable {
  /// The exercises of the course.
  public let exercises: [ExerciseReference]
  /// The largest exercise file taken.
  public static let maxFileBytes = 1 << 20

  /// Creates a finder for the course's exercises.
  public init(exercises: [ExerciseReference]) {
    self.exercises = exercises
  }

  /// Every folder in `folder` (hidden ones aside) as a submission, sorted by name, plus a
  /// sentence for each entry that is not a folder.
  public func submissions(in folder: URL) throws -> (submissions: [Submission], skipped: [String]) {
    let manager = FileManager.default
    let names = try manager.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }
    var found: [Submission] = []
    var skipped: [String] = []
    for name in names.sorted() {
      let url = folder.appendingPathComponent(name)
      var isFolder: ObjCBool = false
      guard manager.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue else {
        skipped.append("\(name): not a folder (unpack archives first)")
        continue
      }
      found.append(submission(named: name, at: url))
    }
    return (found, skipped)
  }

  /// The submission in `folder`.
  public func submission(named name: String, at folder: URL) -> Submission {
    let root = folder.resolvingSymlinksInPath().standardizedFileURL
    var notes: [String] = []
    var files: [String: URL] = [:]
    let base = exercisesFolder(in: root)
    let prefix = base.map { relative($0.deletingLastPathComponent(), to: root) } ?? ""
    for exercise in exercises {
      let candidates: [URL]
      if let base {
        candidates = [base.appendingPathComponent("\(exercise.lesson)/\(exercise.name).swift")]
      } else {
        candidates = [
          root.appendingPathComponent("\(exercise.name).swift"),
          root.appendingPathComponent("\(exercise.lesson)/\(exercise.name).swift"),
        ]
      }
      guard let candidate = candidates.first(where: { exists($0) }) else {
        notes.append("missing \(prefix)\(exercise.file): the stub was left in its place")
        continue
      }
      if let problem = problem(with: candidate, inside: root) {
        notes.append("ignored \(relative(candidate, to: root)): \(problem)")
      } else {
        files[exercise.name] = candidate
      }
    }
    notes += ignoredEntries(in: root, exercisesFolder: base)
    return Submission(name: name, folder: root, files: files, notes: notes)
  }

  /// The shallowest `Exercises` folder within three levels, skipping hidden and build folders.
  func exercisesFolder(in root: URL) -> URL? {
    var level = [root]
    for _ in 0..<3 {
      var next: [URL] = []
      for folder in level {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names.sorted() where !name.hasPrefix(".") && !isSymlink(folder, name) {
          let url = folder.appendingPathComponent(name)
          guard isFolder(url) else { continue }
          if name == "Exercises" { return url }
          next.append(url)
        }
      }
      level = next
    }
    return nil
  }

  /// Why a file cannot be taken, or nil when it can.
  func problem(with file: URL, inside root: URL) -> String? {
    guard
      let attributes = try? FileManager.default.attributesOfItem(atPath: file.path),
      let type = attributes[.type] as? FileAttributeType
    else { return "unreadable" }
    if type == .typeSymbolicLink { return "a symbolic link (only plain files are graded)" }
    if type != .typeRegular { return "not a plain file" }
    let real = file.resolvingSymlinksInPath().standardizedFileURL.path
    if !real.hasPrefix(root.path + "/") { return "outside the submission" }
    let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
    if size > Self.maxFileBytes { return "larger than \(Self.maxFileBytes / 1024) KB" }
    return nil
  }

  /// Sentences for what a student handed in that grading never reads.
  func ignoredEntries(in root: URL, exercisesFolder: URL?) -> [String] {
    let top = exercisesFolder?.deletingLastPathComponent() ?? root
    let prefix = relative(top, to: root)
    var notes: [String] = []
    let ignoredTop = ["Tests", "Package.swift", "Sources", "Solutions"].filter {
      exists(top.appendingPathComponent($0))
    }
    if !ignoredTop.isEmpty {
      let list = ignoredTop.map { prefix + $0 }.joined(separator: ", ")
      notes.append("ignored \(list): graded with the workbook's own")
    }
    guard let exercisesFolder else { return notes }
    let known = Set(exercises.map(\.file))
    let walker = FileManager.default.enumerator(atPath: exercisesFolder.path)
    var extra: [String] = []
    while let path = walker?.nextObject() as? String {
      let file = "Exercises/" + path
      if file.hasSuffix(".swift"), !known.contains(file) { extra.append(prefix + file) }
    }
    if !extra.isEmpty {
      notes.append(
        "ignored \(extra.sorted().joined(separator: ", ")): not an exercise file of the workbook")
    }
    return notes
  }

  private func exists(_ url: URL) -> Bool {
    (try? FileManager.default.attributesOfItem(atPath: url.path)) != nil
  }

  private func isFolder(_ url: URL) -> Bool {
    var folder: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &folder)
      && folder.boolValue
  }

  private func isSymlink(_ folder: URL, _ name: String) -> Bool {
    let path = folder.appendingPathComponent(name).path
    let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type]
    return type as? FileAttributeType == .typeSymbolicLink
  }

  /// `url`'s path below `root`, with a trailing slash for folders other than the root itself.
  private func relative(_ url: URL, to root: URL) -> String {
    let path = url.standardizedFileURL.path
    guard path.hasPrefix(root.path + "/") else { return "" }
    let rest = String(path.dropFirst(root.path.count + 1))
    return isFolder(url) ? rest + "/" : rest
  }
}
