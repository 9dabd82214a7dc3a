import Course
import Foundation
import Harness

/// The verdict on one exercise: graded, or not gradable because its topic does not compile.
public struct ExerciseVerdict: Sendable {
  /// The exercise.
  public let exercise: String
  /// Its lesson (topic).
  public let lesson: String
  /// What happened.
  public let outcome: Outcome

  /// What happened when the exercise was checked.
  public enum Outcome: Sendable {
    /// The grader ran in its own process.
    case graded(IsolatedOutcome)
    /// The topic's exercises do not compile: the compiler's errors, for the student's files.
    case doesNotCompile([String])
  }

  /// Whether every check passed.
  public var passed: Bool {
    if case .graded(let outcome) = outcome { return outcome.passed }
    return false
  }

  /// The results of the checks that ran (none when it did not compile).
  public var results: [CheckResult] {
    if case .graded(let outcome) = outcome { return outcome.results }
    return []
  }
}

/// Builds a topic's check executable with SwiftPM and grades exercises with it, one child
/// process per exercise. Building per topic is what keeps a compile error in one topic from
/// blocking the others; one process per exercise keeps a crash or a hang in one from hiding the
/// other exercises' results.
public struct CheckRunner {
  /// The workbook.
  public let workspace: Workspace
  /// Seconds each exercise may run.
  public let timeout: Double

  /// Creates a runner.
  public init(workspace: Workspace, timeout: Double) {
    self.workspace = workspace
    self.timeout = timeout
  }

  /// Checks `exercises`, building each topic once, reporting each verdict as it arrives.
  public func check(_ exercises: [ExerciseReference], onVerdict: (ExerciseVerdict) -> Void) {
    var built: [String: Result<URL, BuildFailure>] = [:]
    for exercise in exercises {
      let build = built[exercise.lesson] ?? buildChecker(topic: exercise.lesson)
      built[exercise.lesson] = build
      switch build {
      case .failure(let failure):
        onVerdict(
          ExerciseVerdict(
            exercise: exercise.name, lesson: exercise.lesson,
            outcome: .doesNotCompile(failure.errors)))
      case .success(let executable):
        let outcome = IsolatedGrading.grade(
          exercise: exercise.name, executable: executable, timeout: timeout)
        onVerdict(
          ExerciseVerdict(
            exercise: exercise.name, lesson: exercise.lesson, outcome: .graded(outcome)))
      }
    }
  }

  /// A failed build, with the errors that matter to the student.
  public struct BuildFailure: Error {
    /// Compiler errors, with paths relative to the workbook.
    public let errors: [String]
  }

  /// Runs `swift build --product <Topic>Check` and returns the executable, or the errors.
  public func buildChecker(topic: String) -> Result<URL, BuildFailure> {
    let product = topic + "Check"
    let result = runCommand(["swift", "build", "--product", product], in: workspace.root)
    let executable = workspace.url(".build/debug/\(product)")
    if result.status == 0, FileManager.default.isExecutableFile(atPath: executable.path) {
      return .success(executable)
    }
    return .failure(BuildFailure(errors: compilerErrors(in: result.output)))
  }

  /// The compiler's `error:` lines with their source excerpts, each once, paths made relative.
  func compilerErrors(in log: String) -> [String] {
    let prefix = workspace.root.standardizedFileURL.path + "/"
    var seen = Set<String>()
    var errors: [String] = []
    for line in log.split(separator: "\n") where line.contains(": error:") {
      let relative = line.replacingOccurrences(of: prefix, with: "")
      if seen.insert(relative).inserted { errors.append(relative) }
    }
    if errors.isEmpty {
      errors = log.split(separator: "\n").suffix(15).map(String.init)
    }
    return errors
  }
}

/// Runs a command to completion and returns its status and combined output.
func runCommand(_ arguments: [String], in folder: URL) -> (status: Int32, output: String) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = arguments
  process.currentDirectoryURL = folder
  let pipe = Pipe()
  process.standardOutput = pipe
  process.standardError = pipe
  process.standardInput = FileHandle.nullDevice
  do {
    try process.run()
  } catch {
    return (127, "cannot run \(arguments.joined(separator: " ")): \(error)")
  }
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
