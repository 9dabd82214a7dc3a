import Foundation
import Harness

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The terminal as `workbook watch` takes it over, the way rustlings does: raw mode (every key
/// at once, no echo, Ctrl-C a key rather than a signal), the alternate screen and no cursor.
/// Everything is put back by `restore()`, by `deinit`, and by the signal and crash handlers,
/// so the learner's shell is never left on a blank screen without echo.
public final class FullScreenTerminal {
  /// The descriptor keys come from.
  public let input: Int32

  /// Takes over the terminal, or returns nil unless both `input` and standard output are one.
  public static func enter(input: Int32 = STDIN_FILENO) -> FullScreenTerminal? {
    guard isatty(input) == 1, isatty(STDOUT_FILENO) == 1 else { return nil }
    var original = termios()
    guard tcgetattr(input, &original) == 0 else { return nil }
    var raw = original
    // No line editing, echo, signal keys (Ctrl-C arrives as byte 3 and quits cleanly, killing
    // the check first), Ctrl-V, or Ctrl-S/Ctrl-Q flow control. Output processing stays on, so
    // "\n" still returns the carriage.
    raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
    raw.c_iflag &= ~tcflag_t(IXON)
    withUnsafeMutableBytes(of: &raw.c_cc) { cc in
      cc[Int(VMIN)] = 1
      cc[Int(VTIME)] = 0
    }
    guard tcsetattr(input, TCSAFLUSH, &raw) == 0 else { return nil }
    savedScreen = SavedScreen(descriptor: input, settings: original)
    writeAll(enterSequence)
    for crash in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] {
      signal(crash) { received in
        restoreSavedScreen()
        signal(received, SIG_DFL)
        raise(received)
      }
    }
    return FullScreenTerminal(input: input)
  }

  private init(input: Int32) {
    self.input = input
  }

  /// Columns and rows now (they change when the window is resized); 80 × 24 if unknown.
  public static var size: (columns: Int, rows: Int) {
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0
    else { return (80, 24) }
    return (Int(size.ws_col), Int(size.ws_row))
  }

  /// Puts the terminal back: cursor shown, main screen, the settings it had. Idempotent.
  public func restore() {
    restoreSavedScreen()
  }

  deinit {
    restoreSavedScreen()
  }
}

/// Alternate screen on, cursor hidden.
private let enterSequence: [UInt8] = Array("\u{1B}[?1049h\u{1B}[?25l\u{1B}[H\u{1B}[2J".utf8)
/// Attributes reset, cursor shown, main screen back.
private let leaveSequence: [UInt8] = Array("\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l".utf8)

/// What to restore; a global because a signal handler cannot capture context.
private struct SavedScreen {
  let descriptor: Int32
  var settings: termios
}

nonisolated(unsafe) private var savedScreen: SavedScreen?

/// Writes bytes to standard output with `write(2)` only (async-signal-safe).
private func writeAll(_ bytes: [UInt8]) {
  bytes.withUnsafeBytes { Harness.writeAll($0, to: STDOUT_FILENO) }
}

/// Leaves the alternate screen and restores the settings, once (async-signal-safe: `write` and
/// `tcsetattr`).
func restoreSavedScreen() {
  guard var saved = savedScreen else { return }
  savedScreen = nil
  writeAll(leaveSequence)
  _ = tcsetattr(saved.descriptor, TCSANOW, &saved.settings)
}

/// The signals `workbook watch` answers, turned into bytes on a pipe that its `poll()` loop
/// waits on: a resize redraws, and SIGINT, SIGTERM, SIGHUP or SIGQUIT end the watch the way
/// `q` does (the check killed, the terminal restored). A second terminating signal, should the
/// loop not answer, restores the terminal and ends the process at once.
public enum WatchSignals {
  /// The signals that end the watch.
  public static let terminating: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

  /// Installs the handlers and returns the descriptor to read signal numbers from (one byte
  /// each), or nil if no pipe could be made.
  public static func install() -> Int32? {
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { return nil }
    for end in ends {
      _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
      _ = fcntl(end, F_SETFD, FD_CLOEXEC)
    }
    signalPipe = ends[1]
    for number in terminating + [SIGWINCH] {
      signal(number) { received in
        if received != SIGWINCH {
          if terminatingSeen {
            restoreSavedScreen()
            signal(received, SIG_DFL)
            raise(received)
            return
          }
          terminatingSeen = true
        }
        var byte = UInt8(truncatingIfNeeded: received)
        _ = write(signalPipe, &byte, 1)
      }
    }
    return ends[0]
  }

  /// The signals received since the last call, read without blocking from `descriptor`.
  public static func received(on descriptor: Int32) -> [Int32] {
    var bytes = [UInt8](repeating: 0, count: 64)
    let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
    return count > 0 ? bytes[0..<count].map { Int32($0) } : []
  }
}

nonisolated(unsafe) private var signalPipe: Int32 = -1
nonisolated(unsafe) private var terminatingSeen = false
