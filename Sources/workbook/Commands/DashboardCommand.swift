import ArgumentParser
import Course
import WorkbookKit

/// Bare `workbook`: the course dashboard.
struct DashboardCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dashboard", abstract: "Show the lessons, their exercises and the next step.")

  func run() throws {
    let context = try CourseContext.load()
    let style = Terminal.style
    let exercises = context.course.exercises
    let done = exercises.filter { context.status(of: $0) == "done" }.count
    print(
      style.bold(context.course.title) + style.dim("   \(done)/\(exercises.count) exercises done"))
    print("")
    for (index, lesson) in context.course.lessons.enumerated() {
      let lessonDone = lesson.exercises.filter { context.status(of: $0) == "done" }.count
      let bar = lesson.exercises.map { context.status(of: $0) == "done" ? style.good("●") : "○" }
        .joined()
      print(
        " \(index + 1). \(pad(lesson.title, 42)) \(bar) \(style.dim("\(lessonDone)/\(lesson.exercises.count)"))"
      )
      let marks = lesson.exercises.map { exercise -> String in
        switch context.status(of: exercise) {
        case "done": return style.good("✓ ") + exercise.name
        case "failed": return style.bad("✗ ") + exercise.name
        default: return style.dim("· " + exercise.name)
        }
      }
      if !marks.isEmpty {
        for line in wrap(marks.joined(separator: "  "), width: Terminal.width, indent: "    ") {
          print(line)
        }
      }
    }
    print("")
    if let next = context.current {
      print(
        style.bold("Next: ")
          + "read \(next.lesson) (section \u{201C}\(next.section)\u{201D}), edit \(next.file), then "
          + style.code("workbook check \(next.name)"))
    } else if !exercises.isEmpty {
      print(
        style.good("Every exercise passes. Well done!") + " Try " + style.code("workbook quiz")
          + " to keep it fresh.")
    }
    print(
      style.dim(
        "Commands: workbook read <lesson> · check [exercise] · hint <exercise> · quiz · watch · list · --help"
      ))
  }

  private func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }
}
