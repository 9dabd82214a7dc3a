import Foundation

/// One run of a graded child process (a check executable or a runner): what it wrote on its
/// two streams and how it ended.
struct ChildRun {
  /// Standard output: protocol or tape lines, capped.
  var output: Data
  /// Standard error, what the graded code printed, capped (crash reports shortened).
  var printed: String
  /// How the process ended.
  var ending: ProcessEnding
}

/// Starts a child with a time limit and collects its two streams without ever blocking on them.
enum ChildProcess {
  /// Runs `executable arguments`, killing it after `timeout` seconds.
  static func run(
    executable: URL, arguments: [String], timeout: Double, environment: [String: String]?,
    outputLimit: Int, printLimit: Int
  ) -> ChildRun {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    var environment = environment ?? ProcessInfo.processInfo.environment
    environment["SWIFT_BACKTRACE"] = CrashReport.backtraceSettings
    process.environment = environment
    let output = CappedPipe(limit: outputLimit)
    let printed = CappedPipe(limit: printLimit)
    process.standardOutput = output.pipe
    process.standardError = printed.pipe
    process.standardInput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      return ChildRun(output: Data(), printed: "", ending: .couldNotStart(reason: "\(error)"))
    }
    let timedOut = Watchdog(process: process, seconds: timeout)
    process.waitUntilExit()
    timedOut.cancel()
    let lines = output.finish()
    var text = String(decoding: printed.finish(), as: UTF8.self)
    let ending: ProcessEnding
    if timedOut.fired {
      ending = .timedOut(seconds: timeout)
    } else if process.terminationReason == .uncaughtSignal {
      ending = .crashed(signal: process.terminationStatus)
    } else if process.terminationStatus != 0 {
      ending = .exited(status: process.terminationStatus)
    } else {
      ending = .completed
    }
    if case .crashed = ending { text = CrashReport.shorten(text) }
    return ChildRun(output: lines, printed: text, ending: ending)
  }
}

/// Kills a process that outlives its time limit: SIGTERM, then SIGKILL a second later.
private final class Watchdog: @unchecked Sendable {
  private let lock = NSLock()
  private var done = false
  private(set) var fired = false

  init(process: Process, seconds: Double) {
    let pid = process.processIdentifier
    DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [self] in
      lock.lock()
      defer { lock.unlock() }
      guard !done else { return }
      fired = true
      kill(pid, SIGTERM)
      DispatchQueue.global().asyncAfter(deadline: .now() + 1) { kill(pid, SIGKILL) }
    }
  }

  func cancel() {
    lock.lock()
    done = true
    lock.unlock()
  }
}

/// Reads a pipe in the background, keeping at most `limit` bytes, so a child that prints
/// without end can neither block on a full pipe nor fill the parent's memory.
final class CappedPipe: @unchecked Sendable {
  let pipe = Pipe()
  private let limit: Int
  private let lock = NSLock()
  private var data = Data()
  private var dropped = 0
  private let finished = DispatchSemaphore(value: 0)

  init(limit: Int) {
    self.limit = limit
    let handle = pipe.fileHandleForReading
    DispatchQueue.global().async { [self] in
      while true {
        let chunk = handle.availableData
        if chunk.isEmpty { break }
        lock.lock()
        let room = max(0, self.limit - data.count)
        data.append(chunk.prefix(room))
        dropped += chunk.count - min(room, chunk.count)
        lock.unlock()
      }
      finished.signal()
    }
  }

  /// Waits for end of file and returns what was kept.
  func finish() -> Data {
    try? pipe.fileHandleForWriting.close()
    finished.wait()
    lock.lock()
    defer { lock.unlock() }
    if dropped > 0 { return data + Data("\n[\(dropped) more bytes not shown]\n".utf8) }
    return data
  }
}
