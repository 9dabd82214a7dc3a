import Foundation

/// An exclusive `flock` on a lock file, held until `unlock` (or the process's end, which the
/// kernel turns into an unlock, so a killed command never leaves the workbook locked).
public final class FileLock {
  private var descriptor: Int32

  /// Waits for the exclusive lock on `url`, creating the file (and its folder) if needed.
  public init(_ url: URL) throws {
    try AtomicFile.makeFolder(url.deletingLastPathComponent())
    descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw FileError.writing(url, errno: errno) }
    while flock(descriptor, LOCK_EX) != 0 {
      guard errno == EINTR else {
        let code = errno
        close(descriptor)
        throw FileError.writing(url, errno: code)
      }
    }
  }

  /// Releases the lock.
  public func unlock() {
    guard descriptor >= 0 else { return }
    flock(descriptor, LOCK_UN)
    close(descriptor)
    descriptor = -1
  }

  deinit { unlock() }
}
