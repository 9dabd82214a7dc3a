import Course
import Foundation

/// Facts about the terminal the command writes to.
public enum Terminal {
  /// Whether standard output is a terminal.
  public static var isInteractive: Bool { isatty(STDOUT_FILENO) == 1 }

  /// Whether `TERM` says the terminal understands no escape sequences (Emacs shells, some
  /// CI logs): no colour, no box drawing, no pager unless `PAGER` asks for one.
  public static var isDumb: Bool { ProcessInfo.processInfo.environment["TERM"] == "dumb" }

  /// Colour only on a terminal that is not dumb, and never when `NO_COLOR` is set
  /// (no-color.org); without colour, code spans and strong text keep plain markers.
  public static var style: TerminalStyle {
    let environment = ProcessInfo.processInfo.environment
    return TerminalStyle(
      color: isInteractive && environment["NO_COLOR"] == nil && !isDumb, unicode: !isDumb,
      markers: true)
  }

  /// The terminal's width in columns, else `COLUMNS`, else 80: for screens that use all of it
  /// (the dashboard).
  public static var columns: Int {
    var size = winsize()
    if isInteractive, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
      return Int(size.ws_col)
    }
    if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 {
      return columns
    }
    return 80
  }

  /// The width to wrap prose at: `columns`, at most 100, since longer lines are hard to read.
  public static var width: Int { min(columns, 100) }

  /// The terminal's height in rows, when it is one.
  static var height: Int? {
    var size = winsize()
    guard isInteractive, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 else {
      return nil
    }
    return Int(size.ws_row)
  }

  /// Prints `text`, through `$PAGER` (default `less -R`) when interactive and taller than the
  /// screen; straight to standard output otherwise. A pager that cannot start, or fails, costs
  /// a one-line note on standard error and the text printed directly: the reader always sees
  /// it.
  public static func page(_ text: String) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
    let environment = ProcessInfo.processInfo.environment
    let chosen = environment["PAGER"].flatMap { $0.isEmpty ? nil : $0 }
    // A dumb terminal cannot run less; a PAGER set there (cat, say) is still honoured.
    guard let height, lines > height - 1, chosen != nil || !isDumb else {
      print(text)
      return
    }
    let pager = chosen ?? "less -R"
    let outcome: Pager.Outcome
    if Pager.commandExists(pager, path: environment["PATH"]) {
      fflush(stdout)
      outcome = Pager.run(pager, text: text)
    } else {
      outcome = .couldNotStart
    }
    switch outcome {
    case .shown: return
    case .couldNotStart:
      note("pager \"\(pager)\" could not start; printing the lesson")
    case .failed(let status):
      note("pager \"\(pager)\" exited with status \(status); printing the lesson")
    }
    print(text)
  }

  private static func note(_ message: String) {
    FileHandle.standardError.write(Data("workbook: \(message)\n".utf8))
  }
}
