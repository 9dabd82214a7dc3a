import Foundation

/// How a graded child process ended.
public enum ProcessEnding: Equatable, Sendable {
  /// It graded every check and exited normally.
  case completed
  /// It was killed by a signal (a trap such as an index out of range, or a segmentation fault).
  case crashed(signal: Int32)
  /// It ran past the time limit and was killed.
  case timedOut(seconds: Double)
  /// It exited with a status other than 0.
  case exited(status: Int32)
  /// It could not be started at all.
  case couldNotStart(reason: String)
}

/// The results of grading one exercise in a child process, including how that process ended.
public struct IsolatedOutcome: Sendable {
  /// The exercise graded.
  public let exercise: String
  /// Every check that finished, plus one failed check describing a crash, hang or bad exit.
  public let results: [CheckResult]
  /// How the child process ended.
  public let ending: ProcessEnding
  /// What the graded code printed (capped), for the student's debugging.
  public let printed: String
  /// Wall-clock seconds the child ran.
  public let seconds: Double

  /// Creates an outcome (a caller that knows more about how the process ended, such as its
  /// memory limit, rewrites the results with it).
  public init(
    exercise: String, results: [CheckResult], ending: ProcessEnding, printed: String,
    seconds: Double
  ) {
    self.exercise = exercise
    self.results = results
    self.ending = ending
    self.printed = printed
    self.seconds = seconds
  }

  /// Whether every check passed and the process ended normally.
  public var passed: Bool {
    ending == .completed && !results.isEmpty && results.allSatisfy(\.passed)
  }

  /// How the process ended when it did not complete, naming the check it was in, for example
  /// `crashed in “every fp16 pattern”`; nil when it completed.
  public var interruption: String? {
    let verb: String
    switch ending {
    case .completed: return nil
    case .crashed: verb = "crashed"
    case .timedOut: verb = "timed out"
    case .exited(let status): verb = "exited with status \(status)"
    case .couldNotStart: return "could not start"
    }
    let check = results.first { !$0.passed && !$0.message.hasPrefix("not run:") }?.check
    return check.map { "\(verb) in \u{201C}\($0)\u{201D}" } ?? verb
  }
}

/// Runs a check executable for one exercise in its own process, with a time limit.
public enum IsolatedGrading {
  /// Bytes of the child's printing kept; the rest is counted and dropped.
  public static let printLimit = 64 * 1024

  /// Grades `exercise` by running `executable exercise`, killing it after `timeout` seconds.
  public static func grade(
    exercise: String, executable: URL, timeout: Double, environment: [String: String]? = nil
  ) -> IsolatedOutcome {
    let started = Date()
    let process = Process()
    process.executableURL = executable
    process.arguments = [exercise]
    var environment = environment ?? ProcessInfo.processInfo.environment
    environment["SWIFT_BACKTRACE"] = CrashReport.backtraceSettings
    process.environment = environment
    let verdicts = CappedPipe(limit: 16 * 1024 * 1024)
    let printed = CappedPipe(limit: printLimit)
    process.standardOutput = verdicts.pipe
    process.standardError = printed.pipe
    process.standardInput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      return IsolatedOutcome(
        exercise: exercise, results: [], ending: .couldNotStart(reason: "\(error)"), printed: "",
        seconds: 0)
    }
    let timedOut = Watchdog(process: process, seconds: timeout)
    process.waitUntilExit()
    timedOut.cancel()
    let lines = verdicts.finish()
    let output = printed.finish()
    var ending: ProcessEnding
    if timedOut.fired {
      ending = .timedOut(seconds: timeout)
    } else if process.terminationReason == .uncaughtSignal {
      ending = .crashed(signal: process.terminationStatus)
    } else if process.terminationStatus != 0 {
      ending = .exited(status: process.terminationStatus)
    } else {
      ending = .completed
    }
    let results = parse(lines, exercise: exercise, ending: ending)
    var text = String(decoding: output, as: UTF8.self)
    if case .crashed = ending { text = CrashReport.shorten(text) }
    return IsolatedOutcome(
      exercise: exercise, results: results, ending: ending, printed: text,
      seconds: Date().timeIntervalSince(started))
  }

  /// Turns the protocol lines into results. When the process did not complete, the check that
  /// was running fails with how the process ended, and every planned check that never ran
  /// fails as "not run", so the count of checks is the grader's, whatever happened.
  static func parse(_ data: Data, exercise: String, ending: ProcessEnding) -> [CheckResult] {
    var results: [CheckResult] = []
    var planned: [String] = []
    var running: String?
    for line in data.split(separator: 0x0A) {
      guard let event = try? JSONDecoder().decode(ProtocolLine.self, from: Data(line)) else {
        continue
      }
      if let checks = event.checks {
        planned = checks
      } else if let result = event.result {
        results.append(result)
        running = nil
      } else {
        running = event.check
      }
    }
    guard ending != .completed || results.isEmpty else { return results }
    let finished = Set(results.map(\.check))
    running = running ?? planned.first { !finished.contains($0) }
    let during = running.map { " during check \u{201C}\($0)\u{201D}" } ?? ""
    results.append(
      CheckResult(
        exercise: exercise, check: running ?? "runs to the end", passed: false,
        message: describe(ending) + during))
    for check in planned where !finished.contains(check) && check != running {
      results.append(
        CheckResult(
          exercise: exercise, check: check, passed: false,
          message: "not run: the grader's process \(describe(ending))\(during)"))
    }
    return results
  }

  /// A student-facing sentence for how a process ended.
  public static func describe(_ ending: ProcessEnding) -> String {
    switch ending {
    case .completed: return "ran no check"
    case .crashed(let signal): return "crashed with \(signalName(signal))"
    case .timedOut(let seconds):
      return "timed out after \(Int(seconds)) s (an infinite loop, or much too slow)"
    case .exited(let status): return "exited with status \(status)"
    case .couldNotStart(let reason): return "could not start the grader: \(reason)"
    }
  }

  static func signalName(_ signal: Int32) -> String {
    switch signal {
    case SIGILL, SIGTRAP:
      return
        "a trap (signal \(signal)): an index out of range, an overflow, a nil unwrapped, or fatalError"
    case SIGSEGV, SIGBUS: return "a memory fault (signal \(signal))"
    case SIGABRT: return "an abort (signal \(signal))"
    case SIGKILL: return "SIGKILL (signal 9), for example from running out of memory"
    default: return "signal \(signal)"
    }
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
