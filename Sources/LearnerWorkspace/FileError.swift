import Foundation

/// The one-line messages for a file the workbook cannot read or write, worded for a learner
/// from the system's error number, never from Foundation's error text.
public enum FileError {
  /// Why writing `url` failed: a full disk names the folder that needs room, a read-only or
  /// forbidden place names the file that cannot be written.
  public static func writing(_ url: URL, errno code: Int32) -> WorkbookError {
    let line: String
    switch code {
    case ENOSPC, EDQUOT:
      line =
        "no space left on the device for \(url.deletingLastPathComponent().path) (\(url.lastPathComponent) was not written)"
    case EROFS: line = "\(url.path) is not writable (read-only file system)"
    case EACCES, EPERM: line = "\(url.path) is not writable (permission denied)"
    default: line = "cannot write \(url.path): \(String(cString: strerror(code)))"
    }
    return WorkbookError(line, code: code)
  }

  /// Why a folder the workbook must write into cannot take a file: nil when it can. Writes and
  /// removes a small probe file, so a full disk is found as well as a read-only one.
  public static func probeWritable(_ folder: URL, name: String) -> WorkbookError? {
    let probe = folder.appendingPathComponent(".workbook-probe")
    defer { unlink(probe.path) }
    do {
      try AtomicFile.write(Data(count: 4096), to: probe)
      return nil
    } catch let error as WorkbookError {
      switch error.code {
      case ENOSPC, EDQUOT: return WorkbookError("no space left on the device for \(name)")
      case EROFS: return WorkbookError("\(name) is not writable (read-only file system)")
      case EACCES, EPERM: return WorkbookError("\(name) is not writable (permission denied)")
      default: return error
      }
    } catch {
      return WorkbookError("cannot write into \(name)")
    }
  }
}
