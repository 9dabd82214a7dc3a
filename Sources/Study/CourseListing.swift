import Course
import LearnerWorkspace

/// The course as `workbook list` prints it: each lesson, then each exercise with its status.
public enum CourseListing {
  /// The listing of `course` with the statuses of `progress` as lines, the status words padded
  /// to one width.
  public static func lines(
    of course: Course, progress: LearnerProgress, style: TerminalStyle
  ) -> [String] {
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
