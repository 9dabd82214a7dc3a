import Foundation

/// Runs a command with a time limit, keeping at most `limit` bytes of its combined output, so a
/// compiler drowning in errors can neither fill memory nor run forever.
struct TimedCommand {
  /// The command and its arguments, looked up on PATH.
  let arguments: [String]
  /// Its working folder.
  let folder: URL
  /// Seconds before it is interrupted (SIGINT, then SIGKILL ten seconds later).
  let timeout: Double
  /// Output bytes kept.
  var limit = 4 << 20

  /// The exit status (or -1 after a timeout), the output kept, and whether it timed out.
  func run() -> (status: Int32, output: String, timedOut: Bool) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.currentDirectoryURL = folder
    process.standardInput = FileHandle.nullDevice
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    do {
      try process.run()
    } catch {
      return (127, "cannot run \(arguments.joined(separator: " ")): \(error)", false)
    }
    let state = Expiry()
    let pid = process.processIdentifier
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
      guard state.expire() else { return }
      kill(pid, SIGINT)
      DispatchQueue.global().asyncAfter(deadline: .now() + 10) { kill(pid, SIGKILL) }
    }
    var kept = Data()
    let handle = pipe.fileHandleForReading
    while true {
      let chunk = handle.availableData
      if chunk.isEmpty { break }
      kept.append(chunk.prefix(max(0, limit - kept.count)))
    }
    process.waitUntilExit()
    let timedOut = !state.finish()
    return (
      timedOut ? -1 : process.terminationStatus, String(decoding: kept, as: UTF8.self), timedOut
    )
  }
}

/// Decides once whether a command finished before its time limit or expired.
private final class Expiry: @unchecked Sendable {
  private let lock = NSLock()
  private var decided = false
  private var expired = false

  /// Marks the command expired, unless it finished first; true if it is now expired.
  func expire() -> Bool {
    lock.lock()
    defer { lock.unlock() }
    if decided { return false }
    decided = true
    expired = true
    return true
  }

  /// Marks the command finished, unless it expired first; true if it finished in time.
  func finish() -> Bool {
    lock.lock()
    defer { lock.unlock() }
    if decided { return !expired }
    decided = true
    return true
  }
}
