import Course
import Foundation
import LearnerWorkspace

/// How a class is graded.
public struct GradingOptions: Sendable {
  /// Submissions graded at the same time, each job in its own copy of the workbook.
  public var jobs: Int
  /// The limits of every exercise's check process.
  public var limits: CheckLimits
  /// A folder to keep the grading copies in between runs, or nil for a temporary one.
  public var work: URL?
  /// Folders inside the workbook that must not be copied (the output folder, say).
  public var skipped: [URL]
  /// The sandbox every build and check runs in, or nil to run them unconfined.
  public var sandbox: Sandbox?
  /// Seconds one submission may take in all (builds and checks); past it, a verdict.
  public var budget: Double

  /// Creates options.
  public init(
    jobs: Int, limits: CheckLimits, work: URL? = nil, skipped: [URL] = [],
    sandbox: Sandbox? = nil, budget: Double = 600
  ) {
    self.jobs = jobs
    self.limits = limits
    self.work = work
    self.skipped = skipped
    self.sandbox = sandbox
    self.budget = budget
  }
}

/// Grades a class: each submission in a pristine copy of the workbook, several at a time.
///
/// Each job owns one copy and grades submissions one after another in it, so only the first
/// build of each job is cold. Before any submission, the first job grades the untouched stubs
/// to learn the checks each grader runs (the points an exercise is worth).
public struct ClassGrader {
  /// The workbook.
  public let workspace: Workspace
  /// The course's exercises, in course order.
  public let exercises: [ExerciseReference]
  /// How to grade.
  public let options: GradingOptions

  /// Creates a grader.
  public init(workspace: Workspace, exercises: [ExerciseReference], options: GradingOptions) {
    self.workspace = workspace
    self.exercises = exercises
    self.options = options
  }

  /// Grades `submissions`, calling `onGraded` (from any thread, one call at a time) as each
  /// finishes, and returns the gradebook with students sorted by name.
  public func grade(_ submissions: [Submission], onGraded: @escaping (StudentGrade) -> Void)
    throws -> Gradebook
  {
    let work = try options.work.map { try WorkFolder.kept(at: $0) } ?? WorkFolder.temporary()
    defer { work.finish() }
    let slots = (0..<max(1, min(options.jobs, submissions.count))).map {
      GradingSlot(
        folder: work.slot($0), workbook: workspace.root, skipped: options.skipped,
        limits: options.limits, exercises: exercises, sandbox: options.sandbox,
        budget: options.budget)
    }
    var checks: [String: [String]] = [:]
    var failure: Error?
    let lock = NSLock()
    runInParallel(slots.count) { index in
      do {
        let found = try slots[index].prepare(baseline: index == 0)
        lock.withLock { if index == 0 { checks = found } }
      } catch {
        lock.withLock { failure = failure ?? error }
      }
    }
    if let failure { throw failure }
    let scoring = ExerciseScoring(
      checks: checks, memoryMegabytes: options.limits.memoryMegabytes)
    var next = 0
    var grades: [StudentGrade] = []
    runInParallel(slots.count) { index in
      while true {
        let taken: Submission? = lock.withLock {
          defer { next += 1 }
          return next < submissions.count ? submissions[next] : nil
        }
        guard let submission = taken else { return }
        let grade = slots[index].grade(submission, scoring: scoring)
        lock.withLock {
          grades.append(grade)
          onGraded(grade)
        }
      }
    }
    let infos = exercises.map {
      Gradebook.ExerciseInfo(exercise: $0.name, lesson: $0.lesson, checks: checks[$0.name] ?? [])
    }
    return Gradebook(
      timeoutSeconds: options.limits.timeout, memoryMegabytes: options.limits.memoryMegabytes,
      exercises: infos, students: grades.sorted { $0.student < $1.student })
  }
}

/// Runs `body(0)` … `body(count - 1)` on threads of their own and waits for all: jobs block on
/// child processes for long stretches, which must not starve Dispatch's shared pool.
func runInParallel(_ count: Int, _ body: @escaping (Int) -> Void) {
  let group = DispatchGroup()
  for index in 0..<count {
    group.enter()
    let thread = Thread {
      body(index)
      group.leave()
    }
    thread.stackSize = 8 << 20
    thread.start()
  }
  group.wait()
}
