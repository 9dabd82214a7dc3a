import Course
import Foundation
import LearnerWorkspace

/// What `workbook watch` shows: the exercise being watched, its last verdict, the keys.
struct WatchScreen {
  let workspace: Workspace
  let course: Course
  let style: TerminalStyle

  /// The keys, one line.
  static func keys(style: TerminalStyle) -> String {
    style.dim("keys: h hint · n next · r reset · l list · c check now · q quit")
  }

  /// The exercise's name, lesson, section, summary and file, wrapped at `width`.
  func header(_ exercise: ExerciseReference, progress: LearnerProgress, width: Int) -> [String] {
    let done = course.exercises.filter { progress.isDone($0) }.count
    let renderer = TerminalRenderer(width: width, style: style) { _ in nil }
    var lines = [
      style.bold("Watching \(exercise.name)")
        + style.dim("   \(done) of \(course.exercises.count) exercises done")
    ]
    lines += wrap(
      style.dim("\(exercise.lesson), section \u{201C}\(exercise.section)\u{201D}: ")
        + renderer.inline(exercise.summary.children.first ?? exercise.summary), width: width)
    lines += wrap("Edit " + style.code(exercise.file) + ": every save is checked.", width: width)
    return lines
  }

  /// The last verdict the progress file remembers, or an invitation to save.
  func lastVerdict(_ exercise: ExerciseReference, progress: LearnerProgress) -> String {
    guard let verdict = progress.exercises[exercise.name] else {
      return style.dim("Not checked yet: save the file, or press c.")
    }
    let mark = verdict.passed ? style.good("✓ passed") : style.bad("✗ failed")
    return style.dim("Last check: ") + mark
      + style.dim(" (\(verdict.checksPassed)/\(verdict.checksTotal) checks)")
  }

  /// The lines after a pass: where the reference solution is, if this edition has one.
  func afterPass(_ exercise: ExerciseReference) -> [String] {
    let solution = "Solutions/\(exercise.lesson)/\(exercise.name).swift"
    guard FileManager.default.fileExists(atPath: workspace.url(solution).path) else { return [] }
    return ["Compare with the reference solution: " + style.code(solution)]
  }

  /// The line when nothing is left to do.
  var allDone: String {
    style.good("Every exercise passes. Well done!") + " Try " + style.code("workbook quiz")
      + " to keep it fresh; saves are still checked."
  }
}
