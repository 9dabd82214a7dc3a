import Foundation

/// One-line warnings on standard error: something was wrong, was dealt with, and the command
/// carries on.
public enum Warning {
  /// Prints `workbook: <line>` on standard error.
  public static func print(_ line: String) {
    FileHandle.standardError.write(Data("workbook: \(line)\n".utf8))
  }
}
