import Course
import LearnerWorkspace

/// The course dashboard (`workbook` alone): each lesson with a progress bar, its exercises
/// marked, and the next step, laid out for a width without cutting a word.
public enum Dashboard {
  /// The dashboard of `course` with the learner's `progress` as lines of at most `width`
  /// visible columns (a word longer than a line is the only thing that can stick out).
  public static func lines(
    of course: Course, progress: LearnerProgress, style: TerminalStyle, width: Int
  ) -> [String] {
    let glyphs = style.glyphs
    let exercises = course.exercises
    let done = exercises.filter(progress.isDone).count
    var lines = pack(
      [style.bold(course.title), style.dim("\(done)/\(exercises.count) exercises done")],
      separator: "   ", width: width)
    lines.append("")
    let titleColumn = min(42, max(0, width - 18))
    for (index, lesson) in course.lessons.enumerated() {
      let lessonDone = lesson.exercises.filter(progress.isDone).count
      let bar = lesson.exercises.map {
        progress.isDone($0) ? style.good(glyphs.filled) : glyphs.empty
      }
      .joined()
      let count = style.dim("\(lessonDone)/\(lesson.exercises.count)")
      let number = " \(index + 1). "
      let oneLine = number + pad(lesson.title, to: titleColumn) + " " + bar + " " + count
      if visibleWidth(oneLine) <= width {
        lines.append(oneLine)
      } else {
        let indent = String(repeating: " ", count: number.count)
        lines += wrap(lesson.title, width: width, indent: indent, firstIndent: number)
        lines += pack(
          [bar, count], separator: " ", width: width, indent: indent, firstIndent: indent)
      }
      let marks = lesson.exercises.map { exercise -> String in
        if progress.isDone(exercise) { return style.good(glyphs.pass) + " " + exercise.name }
        if progress.exercises[exercise.name] != nil {
          return style.bad(glyphs.fail) + " " + exercise.name
        }
        return style.dim(glyphs.pending + " " + exercise.name)
      }
      if !marks.isEmpty {
        lines += pack(marks, separator: "  ", width: width, indent: "    ")
      }
    }
    lines.append("")
    if let next = progress.current(in: course) {
      // Phrases, not words, are the units, so the file and the command stay on one line each.
      lines += pack(
        [
          style.bold("Next:") + " read \(next.lesson)",
          "(section \u{201C}\(next.section)\u{201D}),",
          "edit \(next.file),", "then " + style.code("workbook check \(next.name)"),
        ], separator: " ", width: width)
    } else if !exercises.isEmpty {
      lines += wrap(
        style.good("Every exercise passes. Well done!") + " Try " + style.code("workbook quiz")
          + " to keep it fresh.", width: width)
    }
    let commands = [
      "Commands: workbook read <lesson>", "check [exercise]", "hint <exercise>", "quiz", "watch",
      "list", "--help",
    ]
    lines += pack(
      commands, separator: " \(glyphs.separator) ", width: width, indent: "  ", firstIndent: ""
    )
    .map(style.dim)
    return lines
  }
}
