import ArgumentParser
import Course
import Figures
import LearnerWorkspace

/// `workbook read <lesson>`: a lesson for the terminal, through the pager when interactive;
/// `workbook read <exercise>` opens its lesson at the section that teaches it.
struct ReadCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "read", abstract: "Read a lesson in the terminal.",
    discussion: """
      Name a lesson (NumberFormats, Lessons/NumberFormats.md, or its number) to read it from \
      the start, or an exercise (FloatEncoding) to start at the section that teaches it. \
      --section takes a heading as grader messages print it, or the start of one.
      """)

  @Argument(help: "A lesson (its name, file or number) or an exercise name.")
  var lesson: String

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Start at this section: its exact heading, the start of one, or its number.",
      valueName: "heading"))
  var section: String?

  @Flag(name: .long, help: "Print the lesson's section headings, numbered, and stop.")
  var listSections = false

  func run() throws {
    let context = try CourseContext.load()
    let (named, exercise) = try resolve(in: context)
    if listSections {
      for (index, section) in named.sections.enumerated() {
        print("\(index + 1). \(section.title)")
      }
      return
    }
    // The lesson's figures are checked (computed) while it is rendered: what a terminal shows
    // needs no figure, only the check does, and its errors come first.
    let checking = InBackground { try context.checked([named]) }
    let rendered = Result { try render(named, fromExercise: exercise) }
    _ = try checking.value()
    Terminal.page(try rendered.get())
  }

  /// The lesson for the terminal, from `--section`, else from the exercise's section.
  private func render(_ lesson: Lesson, fromExercise exercise: ExerciseReference?) throws
    -> String
  {
    var start: Int?
    if let section {
      do {
        start = try lesson.sectionIndex(matching: section)
      } catch {
        throw ValidationError(error.description)
      }
    } else if let exercise {
      start = lesson.sections.firstIndex { $0.title == exercise.section }
    }
    let style = Terminal.style
    let renderer = TerminalRenderer(width: Terminal.width, style: style) { id in
      Registry.picture(id, in: lesson.name)?.terminal(style.color)
    }
    return start.map { renderer.render(lesson, fromSection: $0) } ?? renderer.render(lesson)
  }

  /// The lesson the argument names, and the exercise when it names one instead of a lesson.
  private func resolve(in context: CourseContext) throws -> (Lesson, ExerciseReference?) {
    if let found = try? context.lesson(lesson) { return (found, nil) }
    if let exercise = context.course.exercise(named: lesson),
      let owner = context.course.lesson(named: exercise.lesson)
    {
      return (owner, exercise)
    }
    let names = Set(context.course.lessons.map(\.name) + context.course.exercises.map(\.name))
    throw ValidationError(
      "no lesson or exercise '\(lesson)'\(closest(lesson, in: names)); lessons: "
        + context.course.lessons.map(\.name).joined(separator: ", ")
        + "; exercises: workbook list")
  }
}
