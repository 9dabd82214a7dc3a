import Foundation

/// Writes files so that a reader sees either the old content or the new, never a mix: the data
/// goes to a temporary file `.<name>.<pid>.tmp` in the same folder, is flushed to disk (see
/// `durable`), and is renamed over the target. Failures are one line naming the file
/// (`FileError`), never Foundation's error text.
public enum AtomicFile {
  /// Writes `data` to `url` atomically, creating the folder if needed.
  ///
  /// `durable: false` skips the flush to disk, for files a command can make again (handouts,
  /// scratch copies): a power cut may then lose the new version, but a reader still never sees
  /// half a file. The flush costs a few milliseconds a file, more than rendering a lesson.
  public static func write(_ data: Data, to url: URL, durable: Bool = true) throws {
    let folder = url.deletingLastPathComponent()
    try makeFolder(folder)
    let temporary = folder.appendingPathComponent(
      temporaryName(for: url.lastPathComponent, pid: getpid()))
    let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw FileError.writing(url, errno: errno) }
    var failure: Int32 = 0
    data.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        offset += written
      }
    }
    if failure == 0, durable, fsync(descriptor) != 0 { failure = errno }
    if close(descriptor) != 0, failure == 0 { failure = errno }
    if failure == 0, rename(temporary.path, url.path) != 0 { failure = errno }
    if failure != 0 {
      unlink(temporary.path)
      throw FileError.writing(url, errno: failure)
    }
  }

  /// Creates `folder` and its parents, as `mkdir -p` does.
  public static func makeFolder(_ folder: URL) throws {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder),
      isFolder.boolValue
    {
      return
    }
    let parent = folder.deletingLastPathComponent()
    if parent.path != folder.path { try makeFolder(parent) }
    if mkdir(folder.path, 0o755) != 0 && errno != EEXIST {
      throw FileError.writing(folder, errno: errno)
    }
  }

  /// The temporary file's name for a target named `name`, written by process `pid`.
  public static func temporaryName(for name: String, pid: Int32) -> String {
    ".\(name).\(pid).tmp"
  }

  /// The process that wrote the temporary file `name`, or nil when `name` is not one of
  /// `AtomicFile`'s temporary files.
  public static func writer(ofTemporary name: String) -> Int32? {
    guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return nil }
    let stem = name.dropFirst().dropLast(4)
    guard let dot = stem.lastIndex(of: "."), dot > stem.startIndex else { return nil }
    let digits = stem[stem.index(after: dot)...]
    guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
      let pid = Int32(digits), pid > 0
    else { return nil }
    return pid
  }

  /// Removes the temporary files an interrupted write left in `folder`: only names of the
  /// form `.<name>.<pid>.tmp` whose writer is no longer running. Returns the names removed;
  /// a folder that cannot be read or written is left alone.
  @discardableResult
  public static func removeStaleTemporaries(in folder: URL) -> [String] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
      return []
    }
    var removed: [String] = []
    for name in names.sorted() {
      guard let pid = writer(ofTemporary: name), !isRunning(pid) else { continue }
      if unlink(folder.appendingPathComponent(name).path) == 0 { removed.append(name) }
    }
    return removed
  }

  /// Whether process `pid` exists (EPERM means it exists but belongs to someone else).
  static func isRunning(_ pid: Int32) -> Bool {
    kill(pid, 0) == 0 || errno == EPERM
  }
}
