import Course
import Foundation
import Harness
import Judges
import LearnerWorkspace

/// The verdict on one exercise: graded, or not gradable because its topic does not compile.
public struct ExerciseVerdict: Sendable {
  /// The exercise.
  public let exercise: String
  /// Its lesson (topic).
  public let lesson: String
  /// What happened.
  public let outcome: Outcome

  /// The verdict on an exercise that could not be checked at all, with the line saying why.
  package static func notCheckable(_ exercise: ExerciseReference, _ why: String) -> Self {
    ExerciseVerdict(exercise: exercise.name, lesson: exercise.lesson, outcome: .notCheckable(why))
  }

  /// What happened when the exercise was checked.
  public enum Outcome: Sendable {
    /// The grader ran in its own process.
    case graded(IsolatedOutcome)
    /// The topic's exercises do not compile: the compiler's errors, for the student's files.
    case doesNotCompile([String])
    /// The exercise could not be checked (its file is gone, `.build` cannot be written): what
    /// to do about it, in one line.
    case notCheckable(String)
  }

  /// Whether every check passed.
  public var passed: Bool {
    if case .graded(let outcome) = outcome { return outcome.passed }
    return false
  }

  /// The compiler's errors, or the line saying the file is missing (none when it was graded).
  public var errors: [String] {
    switch outcome {
    case .graded: return []
    case .doesNotCompile(let errors): return errors
    case .notCheckable(let line): return [line]
    }
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
/// other exercises' results. Each exercise runs under the same time and memory limits as
/// `workbook grade` (`CheckLimits`), so a runaway allocation is stopped at the limit.
public struct CheckRunner {
  /// The workbook.
  public let workspace: Workspace
  /// The time and memory limits of each exercise's process.
  public let limits: CheckLimits

  /// Creates a runner; `memoryMegabytes` defaults to `workbook grade`'s limit.
  public init(
    workspace: Workspace, timeout: Double,
    memoryMegabytes: Int = CheckLimits.defaultMemoryMegabytes
  ) {
    self.workspace = workspace
    self.limits = CheckLimits(timeout: timeout, memoryMegabytes: memoryMegabytes)
  }

  /// Seconds each exercise may run.
  public var timeout: Double { limits.timeout }

  /// Checks `exercises`, building each topic once, reporting each verdict as it arrives. Once
  /// `cancellation` is raised, no further step starts and no further verdict is reported.
  /// Throws one line, before any verdict, when `.build` cannot be written (a read-only
  /// checkout, a full disk): that is no compile error of the learner's.
  public func check(
    _ exercises: [ExerciseReference], cancellation: CheckCancellation? = nil,
    onVerdict: (ExerciseVerdict) -> Void
  ) throws {
    if let problem = FileError.probeWritable(workspace.url(".build"), name: ".build") {
      throw problem
    }
    var builds: [String: TopicBuild] = [:]
    for exercise in exercises {
      if cancellation?.isCancelled == true { return }
      let wanted = Set(exercises.filter { $0.lesson == exercise.lesson }.map(\.file))
      let build =
        try builds[exercise.lesson]
        ?? buildTopic(exercise.lesson, wanted: wanted, cancellation: cancellation)
      builds[exercise.lesson] = build
      if cancellation?.isCancelled == true { return }
      let outcome: ExerciseVerdict.Outcome
      if build.missing.contains(exercise.file) {
        outcome = .notCheckable(
          "\(exercise.file) is missing; workbook reset \(exercise.name) restores its stub")
      } else {
        switch build.executable(for: exercise.file) {
        case .failure(let failure):
          outcome = .doesNotCompile(failure.errors)
        case .success(let executable):
          outcome = .graded(try grade(exercise, with: executable))
        }
      }
      if cancellation?.isCancelled == true { return }
      onVerdict(ExerciseVerdict(exercise: exercise.name, lesson: exercise.lesson, outcome: outcome))
    }
  }

  /// Grades one exercise: its runner (`executable`, through the limits wrapper) answers the
  /// graders' questions and the judge in this process decides, naming the memory limit when the
  /// runner ran out of it.
  func grade(_ exercise: ExerciseReference, with executable: URL) throws -> IsolatedOutcome {
    let wrapper = workspace.url(".build/workbook-limits/\(executable.lastPathComponent).sh")
    try limits.writeWrapper(executable: executable, in: workspace.root, to: wrapper)
    let outcome = Judges.grade(
      exercise: exercise.name, topic: exercise.lesson, executable: wrapper,
      timeout: limits.timeout)
    return limits.namingMemoryLimit(outcome)
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
    /// The topic's exercise files that do not exist (built as stubs in the shadow).
    var missing: Set<String> = []

    /// The executable that can grade the exercise in `file`, or the errors that prevent it.
    func executable(for file: String) -> Result<URL, BuildFailure> {
      if let built { return .success(built) }
      if let own = errorsByFile[file] { return .failure(BuildFailure(errors: own)) }
      if let shadow { return .success(shadow) }
      return .failure(BuildFailure(errors: errors))
    }
  }

  /// Builds a topic; when only some exercise files fail to compile, builds a shadow package
  /// with those files as stubs so the topic's other exercises are still graded. A deleted
  /// exercise file is built as its stub in the shadow from the start. The shadow is skipped
  /// when every file in `wanted` (nil: any) has errors of its own, since it could grade none of
  /// them: a learner who saves a broken file sees the compiler's errors at once.
  func buildTopic(
    _ topic: String, wanted: Set<String>? = nil, cancellation: CheckCancellation? = nil
  ) throws -> TopicBuild {
    let missing = Set(
      (try? workspace.loadCourse(toleratingMissingExercises: true))?
        .lesson(named: topic)?.exercises.map(\.file)
        .filter { !FileManager.default.fileExists(atPath: workspace.url($0).path) } ?? [])
    if !missing.isEmpty {
      let shadow = ShadowBuild(workspace: workspace).build(topic: topic, replacing: missing)
      return TopicBuild(
        errors: ["\(topic) cannot be built without its missing files"], shadow: shadow,
        missing: missing)
    }
    switch try buildChecker(topic: topic) {
    case .success(let executable):
      return TopicBuild(built: executable)
    case .failure(let failure):
      var build = TopicBuild(errors: failure.errors)
      for error in failure.errors {
        guard let colon = error.firstIndex(of: ":") else { continue }
        build.errorsByFile[String(error[..<colon]), default: []].append(error)
      }
      let broken = Set(build.errorsByFile.keys)
      if !broken.isEmpty && broken.allSatisfy({ $0.hasPrefix("Exercises/\(topic)/") })
        && cancellation?.isCancelled != true
        && !(wanted.map { $0.isSubset(of: broken) } ?? false)
      {
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
  /// Throws one line instead when the build failed for want of room or permission, which is no
  /// fault in the learner's code.
  public func buildChecker(topic: String) throws -> Result<URL, BuildFailure> {
    let refused = ExerciseImports.refusals(topic: topic, root: workspace.root)
    guard refused.isEmpty else { return .failure(BuildFailure(errors: refused)) }
    let product = topic + "Check"
    let result = runCommand(
      ["swift", "build", "--product", product], in: workspace.root,
      environment: swiftBuildEnvironment())
    let executable = workspace.url(".build/debug/\(product)")
    if result.status == 0, FileManager.default.isExecutableFile(atPath: executable.path) {
      return .success(executable)
    }
    if let problem = Self.environmentProblem(in: result.output) { throw problem }
    return .failure(BuildFailure(errors: compilerErrors(in: result.output)))
  }

  /// The one line for a build log that failed because `.build` could not be written.
  static func environmentProblem(in log: String) -> WorkbookError? {
    if log.contains("No space left on device") {
      return WorkbookError("no space left on the device for .build", code: ENOSPC)
    }
    if log.contains("Read-only file system") {
      return WorkbookError(".build is not writable (read-only file system)", code: EROFS)
    }
    return nil
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

/// The environment for the `swift build` of a check: this process's, without the variables
/// that change from one shell to the next. SwiftPM keys its cache of compiled manifests by the
/// whole environment, so an `OLDPWD` changed by a `cd` would otherwise compile Package.swift
/// again (about a second) before the exercise is built. None of them reaches the manifest.
func swiftBuildEnvironment() -> [String: String] {
  var environment = ProcessInfo.processInfo.environment
  for name in ["OLDPWD", "PWD", "SHLVL", "_", "WORKBOOK_STATE"] { environment[name] = nil }
  return environment
}
