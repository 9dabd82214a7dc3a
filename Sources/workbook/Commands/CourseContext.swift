import ArgumentParser
import Course
import Figures
import Harness
import LearnerWorkspace

/// The workbook, its course and the learner's progress, as most commands need them.
struct CourseContext {
  let workspace: Workspace
  let course: Course
  var progress: LearnerProgress
  /// The progress as loaded, so `saveProgress` knows what this command changed.
  private var loaded: LearnerProgress

  /// Locates the workbook and loads the course; lesson errors surface as `file:line` lines.
  /// No figure is computed: commands that show lessons (read, quiz, handout) check the ones
  /// they show with `checked(_:)`, and compute only those lessons' figures.
  ///
  /// Damage never blocks a command: a deleted exercise file gets one warning line (unless
  /// `warningOfMissingExercises` is false, for `reset`, which restores it), a damaged progress
  /// file is moved aside with one line, and temporary files an interrupted write left behind
  /// are removed.
  static func load(warningOfMissingExercises: Bool = true) throws -> CourseContext {
    let workspace = try Workspace.locate()
    let course = try workspace.loadCourse(toleratingMissingExercises: true)
    if warningOfMissingExercises, let line = missingLine(workspace.missingExercises(in: course)) {
      Warning.print(line)
    }
    workspace.removeStaleTemporaries(of: course)
    let progress = try LearnerProgress.load(from: workspace)
    return CourseContext(workspace: workspace, course: course, progress: progress, loaded: progress)
  }

  /// The warning for deleted exercise files, or nil when none is missing.
  static func missingLine(_ missing: [ExerciseReference]) -> String? {
    guard let first = missing.first else { return nil }
    if missing.count == 1 {
      return "\(first.file) is missing; workbook reset \(first.name) restores its stub"
    }
    return
      "\(missing.count) exercise files are missing (\(missing.map(\.file).joined(separator: ", "))); workbook reset <exercise> restores each stub"
  }

  /// Saves what this command recorded, merged under the lock into what the file holds now, so
  /// a `check` running beside `quiz` or `hint` keeps their updates and they keep its.
  mutating func saveProgress() throws {
    let mine = progress
    let base = loaded
    progress = try LearnerProgress.update(in: workspace) { current in
      current = mine.merged(into: current, base: base)
      return current
    }
    loaded = progress
  }

  /// The lesson named by `name` (topic name, file name, title or number), or a usage error
  /// naming the closest lesson.
  func lesson(_ name: String) throws -> Lesson {
    if let number = Int(name), course.lessons.indices.contains(number - 1) {
      return course.lessons[number - 1]
    }
    let bare = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    let base = bare.split(separator: "/").last.map(String.init) ?? bare
    if let lesson = course.lesson(named: base)
      ?? course.lessons.first(where: { $0.title.lowercased() == name.lowercased() })
    {
      return lesson
    }
    let names = Set(course.lessons.map(\.name))
    throw ValidationError(
      "unknown lesson '\(name)'\(closest(name, in: names)); lessons: \(course.lessons.map(\.name).joined(separator: ", "))"
    )
  }

  /// `lessons` checked against their topics' figures and pictures, which are computed now,
  /// with their numeric answers filled in; lesson errors surface as `file:line` lines.
  func checked(_ lessons: [Lesson]) throws -> [Lesson] {
    let names = Set(lessons.map(\.name))
    return try checkedCourse(lessons).lessons.filter { names.contains($0.name) }
  }

  /// The course with `lessons` checked as `checked(_:)` does, the others as loaded.
  func checkedCourse(_ lessons: [Lesson]) throws -> Course {
    let names = Set(lessons.map(\.name))
    let catalogs = Registry.catalogs(of: names)
    return try course.checking(names) { catalogs[$0] ?? .unchecked }
  }

  /// The exercise named `name`, or a usage error naming the closest exercise.
  func exercise(_ name: String) throws -> ExerciseReference {
    if let exercise = course.exercise(named: name) { return exercise }
    let names = Set(course.exercises.map(\.name))
    throw ValidationError(
      "unknown exercise '\(name)'\(closest(name, in: names)); see workbook list")
  }

  /// The first exercise in course order that is not done (the dashboard's and watch's rule).
  var current: ExerciseReference? { progress.current(in: course) }
}
