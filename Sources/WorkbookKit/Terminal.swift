import Course
import Foundation

/// Facts about the terminal the command writes to.
public enum Terminal {
  /// Whether standard output is a terminal.
  public static var isInteractive: Bool { isatty(STDOUT_FILENO) == 1 }

  /// Colour only on a terminal, and never when `NO_COLOR` is set (no-color.org).
  public static var style: TerminalStyle {
    TerminalStyle(color: isInteractive && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
  }

  /// The width to wrap at: the terminal's, else `COLUMNS`, else 80; at most 100 for reading.
  public static var width: Int {
    var size = winsize()
    if isInteractive, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
      return min(Int(size.ws_col), 100)
    }
    if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 {
      return min(columns, 100)
    }
    return 80
  }

  /// The terminal's height in rows, when it is one.
  static var height: Int? {
    var size = winsize()
    guard isInteractive, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 else {
      return nil
    }
    return Int(size.ws_row)
  }

  /// Prints `text`, through `$PAGER` (default `less -R`) when interactive and taller than the
  /// screen; straight to standard output otherwise.
  public static func page(_ text: String) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
    guard let height, lines > height - 1 else {
      print(text)
      return
    }
    let pager =
      ProcessInfo.processInfo.environment["PAGER"].flatMap { $0.isEmpty ? nil : $0 } ?? "less -R"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", pager]
    let pipe = Pipe()
    process.standardInput = pipe
    do {
      try process.run()
    } catch {
      print(text)
      return
    }
    pipe.fileHandleForWriting.write(Data(text.utf8))
    try? pipe.fileHandleForWriting.close()
    process.waitUntilExit()
  }
}
