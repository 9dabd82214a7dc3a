import Foundation

/// How an exercise of one submission ended up.
public enum GradedStatus: String, Codable, Sendable, CaseIterable {
  /// Every check passed.
  case passed
  /// The grader ran to the end and some checks failed.
  case failed
  /// The check process crashed (a trap, a fault, an abort) or exited early.
  case crashed
  /// The check process ran past the time limit and was killed.
  case timedOut = "timed out"
  /// The check process ran out of its memory limit.
  case outOfMemory = "out of memory"
  /// The exercise's file did not compile.
  case doesNotCompile = "does not compile"
  /// The submission has no file for the exercise.
  case missing
  /// The grader itself could not run (a problem of the grading machine, not of the student).
  case error
}

/// The verdict of one check for one student.
public struct CheckGrade: Codable, Sendable, Equatable {
  /// What was checked, as the grader names it.
  public var check: String
  /// Whether it passed.
  public var passed: Bool
  /// Empty on a pass; otherwise what went wrong.
  public var message: String
  /// Whether the check counts towards the score (checks a grader always runs do; a line that
  /// only says how a process ended does not).
  public var scored: Bool

  /// Creates a check verdict.
  public init(check: String, passed: Bool, message: String, scored: Bool = true) {
    self.check = check
    self.passed = passed
    self.message = message
    self.scored = scored
  }
}

/// The grade of one exercise for one student.
public struct ExerciseGrade: Codable, Sendable, Equatable {
  /// The exercise's name.
  public var exercise: String
  /// Its lesson (topic).
  public var lesson: String
  /// What happened.
  public var status: GradedStatus
  /// Checks passed.
  public var score: Int
  /// Checks the grader runs.
  public var maxScore: Int
  /// Every check, in the grader's order.
  public var checks: [CheckGrade]
  /// The compiler's errors, when it did not compile.
  public var compilerErrors: [String]
  /// What the student's code printed (capped).
  public var printed: String
  /// Seconds the check process ran.
  public var seconds: Double

  /// Creates an exercise grade.
  public init(
    exercise: String, lesson: String, status: GradedStatus, score: Int, maxScore: Int,
    checks: [CheckGrade], compilerErrors: [String] = [], printed: String = "", seconds: Double = 0
  ) {
    self.exercise = exercise
    self.lesson = lesson
    self.status = status
    self.score = score
    self.maxScore = maxScore
    self.checks = checks
    self.compilerErrors = compilerErrors
    self.printed = printed
    self.seconds = seconds
  }
}

/// The grades of one submission.
public struct StudentGrade: Codable, Sendable, Equatable {
  /// The submission's folder name.
  public var student: String
  /// Every exercise of the course, in course order.
  public var exercises: [ExerciseGrade]
  /// What was ignored or missing in the submission, and why.
  public var notes: [String]
  /// Seconds spent grading the submission (builds included).
  public var seconds: Double
  /// Checks passed, over every exercise.
  public private(set) var score: Int
  /// Checks the graders run, over every exercise.
  public private(set) var maxScore: Int

  /// Creates a student's grades; the totals are summed from `exercises`.
  public init(student: String, exercises: [ExerciseGrade], notes: [String], seconds: Double) {
    self.student = student
    self.exercises = exercises
    self.notes = notes
    self.seconds = seconds
    score = exercises.reduce(0) { $0 + $1.score }
    maxScore = exercises.reduce(0) { $0 + $1.maxScore }
  }
}

/// The grades of a whole class, as `gradebook.json` holds them.
public struct Gradebook: Codable, Sendable, Equatable {
  /// One exercise of the course and the checks its grader runs.
  public struct ExerciseInfo: Codable, Sendable, Equatable {
    /// The exercise's name.
    public var exercise: String
    /// Its lesson.
    public var lesson: String
    /// The grader's checks, in order: one point each.
    public var checks: [String]

    /// Creates an exercise description.
    public init(exercise: String, lesson: String, checks: [String]) {
      self.exercise = exercise
      self.lesson = lesson
      self.checks = checks
    }
  }

  /// Seconds each exercise could run.
  public var timeoutSeconds: Double
  /// Megabytes of address space each exercise could use.
  public var memoryMegabytes: Int
  /// The exercises, in course order.
  public var exercises: [ExerciseInfo]
  /// The students, sorted by name.
  public var students: [StudentGrade]

  /// Creates a gradebook.
  public init(
    timeoutSeconds: Double, memoryMegabytes: Int, exercises: [ExerciseInfo],
    students: [StudentGrade]
  ) {
    self.timeoutSeconds = timeoutSeconds
    self.memoryMegabytes = memoryMegabytes
    self.exercises = exercises
    self.students = students
  }
}
