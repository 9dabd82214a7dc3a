import Course

/// Where the learner stands on one exercise.
public enum ExerciseStatus: String, Sendable, Codable {
  /// Passed at its last check.
  case done
  /// The first exercise in course order that is not done: the one to work on.
  case current
  /// Checked, and failed, but not the current one.
  case failed
  /// Never checked, and not the current one.
  case pending
}

extension LearnerProgress {
  /// Whether `exercise` passed at its last check.
  public func isDone(_ exercise: ExerciseReference) -> Bool {
    exercises[exercise.name]?.passed == true
  }

  /// The first exercise in course order that is not done, or nil when all are.
  public func current(in course: Course) -> ExerciseReference? {
    course.exercises.first { !isDone($0) }
  }

  /// The first exercise after `exercise` in course order that is not done, wrapping around to
  /// the start; nil when every other exercise is done.
  public func next(after exercise: ExerciseReference, in course: Course) -> ExerciseReference? {
    let all = course.exercises
    guard let index = all.firstIndex(where: { $0.name == exercise.name }) else {
      return current(in: course)
    }
    let rest = all[(index + 1)...] + all[..<index]
    return rest.first { !isDone($0) }
  }

  /// The status of `exercise`, `current` being the first exercise in course order not done.
  public func status(of exercise: ExerciseReference, in course: Course) -> ExerciseStatus {
    if isDone(exercise) { return .done }
    if current(in: course)?.name == exercise.name { return .current }
    return exercises[exercise.name] == nil ? .pending : .failed
  }
}

/// The course as `workbook list` prints it: each lesson, then each exercise with its status.
public struct CourseListing {
  /// The course.
  public let course: Course
  /// The learner's progress.
  public let progress: LearnerProgress

  /// Creates a listing.
  public init(course: Course, progress: LearnerProgress) {
    self.course = course
    self.progress = progress
  }

  /// The listing as lines, the status words padded to one width.
  public func lines(style: TerminalStyle) -> [String] {
    var lines: [String] = []
    for (index, lesson) in course.lessons.enumerated() {
      lines.append(style.bold("\(index + 1). \(lesson.title)") + style.dim("  \(lesson.file)"))
      for exercise in lesson.exercises {
        let mark: String
        switch progress.status(of: exercise, in: course) {
        case .done: mark = style.good("done   ")
        case .failed: mark = style.bad("failed ")
        case .current: mark = style.warn("current")
        case .pending: mark = style.dim("pending")
        }
        lines.append("   \(mark)  \(exercise.name)")
      }
    }
    return lines
  }
}
