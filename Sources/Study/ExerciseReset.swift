import Course
import Foundation
import LearnerWorkspace

/// Puts an exercise's file back to its untouched stub, keeping the learner's version as a
/// backup in `<state>/backups/<Name>-<timestamp>.swift` first. A backup is never overwritten:
/// a second reset in the same second gets `-2`, `-3`...
///
/// The stub comes from `<state>/pristine/<Topic>/<Name>.swift` when that copy exists (an
/// edition without git can keep its stubs there), else from git's `HEAD` when the workbook is
/// a git checkout; either must still be a stub (it throws `Unimplemented`), so a learner who
/// committed their own work never gets it back under the name of a stub.
public struct ExerciseReset {
  /// The workbook.
  public let workspace: Workspace

  /// Creates a resetter.
  public init(workspace: Workspace) {
    self.workspace = workspace
  }

  /// What a reset did.
  public struct Outcome: Sendable, Equatable {
    /// Where the learner's version went, or nil when the file already was the stub (or was
    /// missing), so nothing needed keeping.
    public let backup: URL?
    /// Whether the stub was written (false when the file already was the stub).
    public let wroteStub: Bool
    /// Where the stub came from: a path or `git HEAD`.
    public let source: String
  }

  /// The folder of the backups.
  public var backupFolder: URL { workspace.stateFolder.appendingPathComponent("backups") }

  /// The folder of the kept stubs.
  public var pristineFolder: URL { workspace.stateFolder.appendingPathComponent("pristine") }

  /// Backs the learner's file up, writes the stub over it atomically, and forgets the
  /// exercise's last verdict in `progress` (the stub has not been checked).
  public func reset(
    _ exercise: ExerciseReference, progress: inout LearnerProgress, now: Date = Date()
  ) throws -> Outcome {
    let (stub, source) = try pristineStub(for: exercise)
    let file = workspace.url(exercise.file)
    let mine = FileManager.default.contents(atPath: file.path)
    var backup: URL?
    if let mine, mine != stub {
      backup = try keepBackup(mine, of: exercise.name, at: now)
    }
    if mine != stub { try AtomicFile.write(stub, to: file) }
    progress.exercises[exercise.name] = nil
    return Outcome(backup: backup, wroteStub: mine != stub, source: source)
  }

  /// The untouched stub of `exercise` and where it came from, or an error saying there is none.
  public func pristineStub(for exercise: ExerciseReference) throws -> (Data, String) {
    let kept = pristineFolder.appendingPathComponent("\(exercise.lesson)/\(exercise.name).swift")
    if let data = FileManager.default.contents(atPath: kept.path) {
      return (data, kept.path)
    }
    guard let data = gitShow("HEAD:./\(exercise.file)") else {
      throw WorkbookError(
        "no pristine stub for \(exercise.name): git has no \(exercise.file) at HEAD (not a git checkout?) and \(kept.path) does not exist"
      )
    }
    guard Self.isStub(data) else {
      throw WorkbookError(
        "git HEAD's \(exercise.file) is not a stub (it never throws Unimplemented); restore one with git checkout <commit> -- \(exercise.file)"
      )
    }
    return (data, "git HEAD")
  }

  /// What `git show <object>` prints in the workbook, or nil when git fails or is missing.
  func gitShow(_ object: String) -> Data? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "show", object]
    process.currentDirectoryURL = workspace.root
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return process.terminationStatus == 0 ? data : nil
  }

  /// Whether `source` still throws `Unimplemented`, as every stub does.
  static func isStub(_ source: Data) -> Bool {
    String(decoding: source, as: UTF8.self).contains("Unimplemented(")
  }

  /// Writes `data` as a new backup and returns its URL: written to a temporary file, then
  /// hard-linked to the first free name, which fails rather than replace an existing file.
  func keepBackup(_ data: Data, of name: String, at date: Date) throws -> URL {
    let folder = backupFolder
    try AtomicFile.makeFolder(folder)
    let temporary = folder.appendingPathComponent(
      ".\(name).\(ProcessInfo.processInfo.processIdentifier).tmp")
    try AtomicFile.write(data, to: temporary)
    defer { unlink(temporary.path) }
    for attempt in 1...1000 {
      let target = folder.appendingPathComponent(Self.backupName(name, at: date, attempt: attempt))
      if link(temporary.path, target.path) == 0 { return target }
      guard errno == EEXIST else {
        throw WorkbookError(
          "cannot keep a backup in \(folder.path): \(String(cString: strerror(errno)))")
      }
    }
    throw WorkbookError("cannot keep a backup in \(folder.path): too many backups this second")
  }

  /// `IntegerDecoding-20250102-150405.swift`, then `…-2.swift` for the second attempt.
  static func backupName(_ name: String, at date: Date, attempt: Int) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyyMMdd-HHmmss"
    let stamp = formatter.string(from: date)
    return attempt == 1 ? "\(name)-\(stamp).swift" : "\(name)-\(stamp)-\(attempt).swift"
  }
}
