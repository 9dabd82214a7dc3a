import Course
import Foundation
import Harness
import Judges

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
    var builds: [String: TopicBuild] = [:]
    for exercise in exercises {
      let build = builds[exercise.lesson] ?? buildTopic(exercise.lesson)
      builds[exercise.lesson] = build
      let outcome: ExerciseVerdict.Outcome
      switch build.executable(for: exercise.file) {
      case .failure(let failure):
        outcome = .doesNotCompile(failure.errors)
      case .success(let executable):
        outcome = .graded(
          Judges.grade(
            exercise: exercise.name, topic: exercise.lesson, executable: executable,
            timeout: timeout))
      }
      onVerdict(ExerciseVerdict(exercise: exercise.name, lesson: exercise.lesson, outcome: outcome))
    }
  }

  /// The result of building one topic's check executable.
  struct TopicBuild {
    /// The executable built from the student's files as they are.
    var built: URL?
    /// Compiler errors by the file they are in.
    var errorsByFile: [String: [String]] = [:]
    /// Every error, for exercises that cannot be graded at all.
    var errors: [String] = []
    /// An executable built with the broken exercise files swapped for their stubs.
    var shadow: URL?

    /// The executable that can grade the exercise in `file`, or the errors that prevent it.
    func executable(for file: String) -> Result<URL, BuildFailure> {
      if let built { return .success(built) }
      if let own = errorsByFile[file] { return .failure(BuildFailure(errors: own)) }
      if let shadow { return .success(shadow) }
      return .failure(BuildFailure(errors: errors))
    }
  }

  /// Builds a topic; when only some exercise files fail to compile, builds a shadow package
  /// with those files as stubs so the topic's other exercises are still graded.
  func buildTopic(_ topic: String) -> TopicBuild {
    switch buildChecker(topic: topic) {
    case .success(let executable):
      return TopicBuild(built: executable)
    case .failure(let failure):
      var build = TopicBuild(errors: failure.errors)
      for error in failure.errors {
        guard let colon = error.firstIndex(of: ":") else { continue }
        build.errorsByFile[String(error[..<colon]), default: []].append(error)
      }
      let broken = Set(build.errorsByFile.keys)
      if !broken.isEmpty && broken.allSatisfy({ $0.hasPrefix("Exercises/\(topic)/") }) {
        build.shadow = ShadowBuild(workspace: workspace).build(topic: topic, replacing: broken)
      }
      return build
    }
  }

  /// A failed build, with the errors that matter to the student.
  public struct BuildFailure: Error {
    /// Compiler errors, with paths relative to the workbook.
    public let errors: [String]
  }

  /// Runs `swift build --product <Topic>Check` and returns the executable, or the errors.
  public func buildChecker(topic: String) -> Result<URL, BuildFailure> {
    let refused = ExerciseImports.refusals(topic: topic, root: workspace.root)
    guard refused.isEmpty else { return .failure(BuildFailure(errors: refused)) }
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
