import Foundation

/// Writes files so that a reader sees either the old content or the new, never a mix: the data
/// goes to a temporary file in the same folder, is flushed, and is renamed over the target.
public enum AtomicFile {
  /// Writes `data` to `url` atomically, creating the folder if needed.
  public static func write(_ data: Data, to url: URL) throws {
    let folder = url.deletingLastPathComponent()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let temporary = folder.appendingPathComponent(
      ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
      throw WorkbookError("cannot write \(temporary.path)")
    }
    let handle = try FileHandle(forWritingTo: temporary)
    do {
      try handle.write(contentsOf: data)
      try handle.synchronize()
      try handle.close()
    } catch {
      try? handle.close()
      try? FileManager.default.removeItem(at: temporary)
      throw error
    }
    guard rename(temporary.path, url.path) == 0 else {
      try? FileManager.default.removeItem(at: temporary)
      throw WorkbookError("cannot replace \(url.path): \(String(cString: strerror(errno)))")
    }
  }
}
