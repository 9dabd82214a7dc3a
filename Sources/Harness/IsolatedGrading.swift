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

  /// This outcome with `results` in place of its own: how a caller that knows more about how
  /// the process ended, such as its memory limit, rewrites the results with it.
  public func replacing(results: [CheckResult]) -> IsolatedOutcome {
    IsolatedOutcome(
      exercise: exercise, results: results, ending: ending, printed: printed, seconds: seconds)
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
    // The check whose message says how the process ended; else the first failure that ran.
    let said = IsolatedGrading.describe(ending)
    let check =
      (results.first { !$0.passed && $0.message.hasPrefix(said) }
      ?? results.first { !$0.passed && !$0.message.hasPrefix("not run:") })?.check
    return check.map { "\(verb) in \u{201C}\($0)\u{201D}" } ?? verb
  }
}

/// How graded processes are described to students, and how much of their printing is kept.
/// (The grading itself is `Judge`'s: a runner answers, the judge decides.)
public enum IsolatedGrading {
  /// Bytes of the child's printing kept; the rest is counted and dropped.
  public static let printLimit = 64 * 1024

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
