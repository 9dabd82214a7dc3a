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
    // The check whose message says how the process ended; else the first failure that ran.
    let said = IsolatedGrading.describe(ending)
    let check =
      (results.first { !$0.passed && $0.message.hasPrefix(said) }
      ?? results.first { !$0.passed && !$0.message.hasPrefix("not run:") })?.check
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
    let run = ChildProcess.run(
      executable: executable, arguments: [exercise], timeout: timeout, environment: environment,
      outputLimit: 16 * 1024 * 1024, printLimit: printLimit)
    if case .couldNotStart = run.ending {
      return IsolatedOutcome(
        exercise: exercise, results: [], ending: run.ending, printed: "", seconds: 0)
    }
    let results = parse(run.output, exercise: exercise, ending: run.ending)
    return IsolatedOutcome(
      exercise: exercise, results: results, ending: run.ending, printed: run.printed,
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
