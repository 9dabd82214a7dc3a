import Foundation

/// What `.workbook/progress.json` holds, as far as the workbook is concerned.
public enum ProgressFileState: Equatable, Sendable {
  /// No progress yet: the file is missing, empty, blank or `{}`.
  case fresh
  /// Progress that reads.
  case progress(LearnerProgress)
  /// Something that cannot be progress, with why in a few words.
  case damaged(String)

  /// Classifies a file's bytes.
  public static func classify(_ data: Data) -> ProgressFileState {
    let text = String(decoding: data, as: UTF8.self)
    if text.allSatisfy(\.isWhitespace) { return .fresh }
    guard (try? JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)) != nil else {
      return .damaged("not JSON")
    }
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    guard let progress = try? decoder.decode(LearnerProgress.self, from: data) else {
      return .damaged("JSON, but not progress")
    }
    return progress == LearnerProgress() ? .fresh : .progress(progress)
  }
}

/// Reads, repairs and writes `.workbook/progress.json`. A damaged file never blocks a
/// command: it is renamed `progress.json.damaged-<timestamp>` (kept, never overwritten) and
/// the learner starts afresh. Writers hold `.workbook/progress.lock` around
/// read-merge-write, so concurrent commands never lose each other's updates.
public struct ProgressFile {
  /// The workbook.
  public let workspace: Workspace

  /// Creates the accessor of a workbook's progress.
  public init(workspace: Workspace) {
    self.workspace = workspace
  }

  /// `progress.json`.
  public var url: URL { LearnerProgress.file(in: workspace) }

  /// The lock file writers hold.
  public var lockURL: URL { workspace.stateFolder.appendingPathComponent("progress.lock") }

  /// The state of the file on disk, without changing anything.
  public func state() -> ProgressFileState {
    var info = stat()
    guard lstat(url.path, &info) == 0 else {
      return errno == ENOENT ? .fresh : .damaged(String(cString: strerror(errno)))
    }
    switch info.st_mode & S_IFMT {
    case S_IFDIR: return .damaged("a folder, not a file")
    case S_IFLNK where stat(url.path, &info) != 0: return .damaged("a link to a missing file")
    default: break
    }
    let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      return .damaged("not readable: \(String(cString: strerror(errno)).lowercased())")
    }
    let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    do {
      // readToEnd gives nil for an empty file, which is a fresh start.
      return ProgressFileState.classify(try handle.readToEnd() ?? Data())
    } catch {
      return .damaged("not readable")
    }
  }

  /// The progress: fresh when there is none, and when the file is damaged, which is moved
  /// aside first with one line to `warn`.
  public func load(warn: (String) -> Void = Warning.print) throws -> LearnerProgress {
    switch state() {
    case .fresh: return LearnerProgress()
    case .progress(let progress): return progress
    case .damaged(let why): return moveAside(why: why, warn: warn)
    }
  }

  /// Locks, re-reads, applies `change`, writes, unlocks.
  public func update<T>(
    warn: (String) -> Void = Warning.print, _ change: (inout LearnerProgress) throws -> T
  ) throws -> T {
    let lock = try FileLock(lockURL)
    defer { lock.unlock() }
    var progress = try load(warn: warn)
    let value = try change(&progress)
    try save(progress)
    return value
  }

  /// Writes `progress` atomically (callers hold the lock).
  func save(_ progress: LearnerProgress) throws {
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try AtomicFile.write(try encoder.encode(progress), to: url)
  }

  /// Renames the damaged file to the first free `progress.json.damaged-<timestamp>[-n]` and
  /// returns a fresh start; when it cannot be renamed (a read-only checkout), it stays where it
  /// is and this run starts afresh anyway.
  private func moveAside(why: String, warn: (String) -> Void) -> LearnerProgress {
    let shown = relative(url)
    let stamp = Self.stamp(Date())
    for attempt in 1...100 {
      let name = url.lastPathComponent + ".damaged-\(stamp)" + (attempt == 1 ? "" : "-\(attempt)")
      let target = url.deletingLastPathComponent().appendingPathComponent(name)
      var info = stat()
      if lstat(target.path, &info) == 0 { continue }
      if rename(url.path, target.path) == 0 {
        warn(
          "\(shown) was damaged (\(why)); moved it to \(relative(target)) and started afresh")
        return LearnerProgress()
      }
      let reason = String(cString: strerror(errno)).lowercased()
      warn("\(shown) is damaged (\(why)) and cannot be moved aside (\(reason)); starting afresh")
      return LearnerProgress()
    }
    warn("\(shown) is damaged (\(why)); starting afresh")
    return LearnerProgress()
  }

  /// `20261101-153000`, in local time, as backups are named.
  static func stamp(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyyMMdd-HHmmss"
    return formatter.string(from: date)
  }

  /// `url` relative to the workbook when inside it, else absolute.
  private func relative(_ url: URL) -> String {
    let root = workspace.root.standardizedFileURL.path + "/"
    let path = url.standardizedFileURL.path
    return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
  }
}
