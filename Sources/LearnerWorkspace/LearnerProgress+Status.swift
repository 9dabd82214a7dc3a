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
