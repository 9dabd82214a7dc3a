import Course
import Foundation
import Harness
import Judges
import LearnerWorkspace

/// One job's grading copy of the workbook, reused submission after submission so that SwiftPM
/// rebuilds only the exercise modules that changed. Holds `workbook/` (the copy), `bin/` (the
/// limit wrappers) and `scratch/` (the check processes' working folder, emptied per submission).
///
/// With a sandbox, every build and check runs in bubblewrap: a build sees the copy read-only
/// (its `.build` writable), a check sees only its executable and `scratch/`. Nothing else of the
/// slot, the workbook, the submissions or the output is inside any sandbox.
final class GradingSlot {
  /// The slot's folder.
  let folder: URL
  /// The copy of the workbook.
  let copy: GradingCopy
  /// The limits of every check process.
  let limits: CheckLimits
  /// The course's exercises, in course order.
  let exercises: [ExerciseReference]
  /// The sandbox of builds and checks, or nil to run them unconfined (`--unsafe-no-sandbox`).
  let sandbox: Sandbox?
  /// Seconds one submission's builds and checks may take in all.
  let budget: Double

  init(
    folder: URL, workbook: URL, skipped: [URL], limits: CheckLimits, exercises: [ExerciseReference],
    sandbox: Sandbox? = nil, budget: Double = 600
  ) {
    self.sandbox = sandbox
    self.budget = budget
    self.folder = folder
    copy = GradingCopy(
      source: workbook, folder: folder.appendingPathComponent("workbook"), skipped: skipped)
    self.limits = limits
    self.exercises = exercises
  }

  private var scratch: URL { folder.appendingPathComponent("scratch") }

  /// The topics with exercises, in course order.
  var topics: [String] {
    var seen = Set<String>()
    return exercises.map(\.lesson).filter { seen.insert($0).inserted }
  }

  /// Brings the copy in step with the workbook and builds every topic on the stubs; with
  /// `baseline`, also grades the stubs and returns each exercise's check names.
  func prepare(baseline: Bool) throws -> [String: [String]] {
    try copy.sync()
    try resolveDependencies()
    var executables: [String: URL] = [:]
    for topic in topics {
      switch builder().build(topic: topic) {
      case .success(let executable): executables[topic] = executable
      case .failure(let failure):
        let first = failure.errors.first?.line ?? "no error printed"
        throw WorkbookError(
          "the workbook's own \(topic) stubs do not build in a grading copy: \(first)")
      }
    }
    guard baseline else { return [:] }
    try resetScratch()
    var checks: [String: [String]] = [:]
    for exercise in exercises {
      guard let executable = executables[exercise.lesson] else { continue }
      let outcome = try run(exercise, executable, timeout: limits.timeout)
      if outcome.ending == .completed {
        checks[exercise.name] = outcome.results.map(\.check)
      }
    }
    return checks
  }

  /// Grades `submission`: its exercise files over the copy's stubs, each topic built on its
  /// own, each exercise run in its own limited process.
  func grade(_ submission: Submission, scoring: ExerciseScoring) -> StudentGrade {
    let started = Date()
    var (overrides, notes) = submission.overrides(for: exercises)
    notes = submission.notes + notes
    var runs: [String: ExerciseRun] = [:]
    let deadline = started.addingTimeInterval(budget)
    do {
      try copy.sync(overrides: overrides)
      try resetScratch()
      for topic in topics {
        let inTopic = exercises.filter { $0.lesson == topic }
        runs.merge(try grade(topic: inTopic, overrides: &overrides, deadline: deadline)) { $1 }
      }
    } catch {
      notes.append("could not be graded: \(error)")
    }
    if Date() >= deadline {
      notes.append(
        "the submission's time budget of \(Int(budget)) s ran out: the exercises not reached score 0"
      )
    }
    let grades = exercises.map { exercise in
      scoring.grade(
        exercise: exercise.name, lesson: exercise.lesson, file: exercise.file,
        run: runs[exercise.name]
          ?? .ran(
            ending: .couldNotStart(reason: "the grading copy failed"), results: [], printed: "",
            seconds: 0))
    }
    return StudentGrade(
      student: submission.name, exercises: grades, notes: notes,
      seconds: Date().timeIntervalSince(started))
  }

  /// Builds one topic and runs its submitted exercises. When the build fails and the errors
  /// name some of the submitted files, those go back to their stubs and the build is tried
  /// once more, so one broken file does not sink the topic's other exercises.
  func grade(
    topic exercises: [ExerciseReference], overrides: inout [String: Data], deadline: Date
  ) throws -> [String: ExerciseRun] {
    var runs: [String: ExerciseRun] = [:]
    let submitted = exercises.filter { overrides[$0.file] != nil }
    for exercise in exercises where overrides[exercise.file] == nil {
      runs[exercise.name] = .missing(file: exercise.file)
    }
    guard let topic = submitted.first?.lesson else { return runs }
    guard deadline.timeIntervalSinceNow > 0 else {
      for exercise in submitted { runs[exercise.name] = outOfBudget(exercise.name) }
      return runs
    }
    var build = builder(deadline: deadline).build(topic: topic)
    var graded = submitted
    if case .failure(let failure) = build {
      let blamed = submitted.filter { exercise in
        failure.errors.contains { $0.file == exercise.file }
      }
      let lines = failure.errors.map(\.line)
      if blamed.isEmpty || blamed.count == submitted.count {
        for exercise in submitted { runs[exercise.name] = .doesNotCompile(lines) }
        return runs
      }
      for exercise in blamed {
        overrides[exercise.file] = nil
        let own = failure.errors.filter { $0.file == exercise.file }.map(\.line)
        runs[exercise.name] = .doesNotCompile(own)
      }
      try copy.sync(overrides: overrides)
      build = builder(deadline: deadline).build(topic: topic)
      graded = submitted.filter { exercise in !blamed.contains { $0.name == exercise.name } }
      if case .failure = build {
        for exercise in submitted { runs[exercise.name] = .doesNotCompile(lines) }
        return runs
      }
    }
    guard case .success(let executable) = build else { return runs }
    for exercise in graded {
      let remaining = deadline.timeIntervalSinceNow
      guard remaining >= 1 else {
        runs[exercise.name] = outOfBudget(exercise.name)
        continue
      }
      let outcome = try run(exercise, executable, timeout: min(limits.timeout, remaining))
      let printed = outcome.printed.replacingOccurrences(of: copy.folder.path + "/", with: "")
      runs[exercise.name] = .ran(
        ending: outcome.ending, results: outcome.results, printed: printed,
        seconds: outcome.seconds)
    }
    return runs
  }

  /// Runs one exercise's checks through the limits wrapper, in the sandbox when there is one.
  private func run(_ exercise: ExerciseReference, _ executable: URL, timeout: Double) throws
    -> IsolatedOutcome
  {
    // Written before every run: nothing a previous submission's code did to it survives.
    let wrapper = folder.appendingPathComponent("bin/\(executable.lastPathComponent).sh")
    if let sandbox {
      try sandbox.writeWrapper(
        executable: executable, scratch: scratch, limits: limits, to: wrapper)
    } else {
      try limits.writeWrapper(executable: executable, in: scratch, to: wrapper)
    }
    // The runner answers in the sandbox; the judge, here, decides.
    return Judges.grade(
      exercise: exercise.name, topic: exercise.lesson, executable: wrapper, timeout: timeout,
      environment: limits.environment(in: scratch))
  }

  /// The verdict of an exercise the submission's time budget left no time for.
  private func outOfBudget(_ exercise: String) -> ExerciseRun {
    .ran(
      ending: .timedOut(seconds: 0),
      results: [
        CheckResult(
          exercise: exercise, check: "runs to the end", passed: false,
          message: "not run: the submission's time budget of \(Int(budget)) s ran out")
      ], printed: "", seconds: 0)
  }

  /// A builder of topics in the copy, in the sandbox when there is one, stopped at `deadline`.
  private func builder(deadline: Date? = nil) -> TopicBuilder {
    var builder = TopicBuilder(root: copy.folder, sandbox: sandbox)
    if let deadline {
      builder.timeout = max(1, min(builder.timeout, deadline.timeIntervalSinceNow))
    }
    return builder
  }

  /// Fetches the copy's package dependencies (pinned by Package.resolved) before any student
  /// file is in it, outside the sandbox: sandboxed builds have no network. Only when the copy
  /// has none yet, so a warm copy (the Gradescope image) grades offline.
  private func resolveDependencies() throws {
    guard sandbox != nil else { return }
    let build = copy.folder.appendingPathComponent(".build")
    let state = build.appendingPathComponent("workspace-state.json")
    if !FileManager.default.fileExists(atPath: state.path) {
      let result = TimedCommand(
        arguments: ["swift", "package", "resolve"], folder: copy.folder, timeout: 900
      ).run()
      guard result.status == 0 else {
        let last = result.output.split(separator: "\n").last.map(String.init) ?? ""
        throw WorkbookError("cannot fetch the workbook's dependencies in a grading copy: \(last)")
      }
    }
    try FileManager.default.createDirectory(at: build, withIntermediateDirectories: true)
  }

  /// Empties the check processes' working folder (and hands it to the sandbox's user).
  private func resetScratch() throws {
    try? FileManager.default.removeItem(at: scratch)
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    try sandbox?.prepareScratch(scratch)
  }
}
