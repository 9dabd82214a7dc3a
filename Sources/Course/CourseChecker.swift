import Foundation

/// Checks that every exercise a lesson presents exists, once in the whole course.
struct ExerciseChecker {
  let root: URL
  let toleratingMissingExercises: Bool
  private(set) var diagnostics: [Diagnostic] = []
  private var exerciseNames: [String: String] = [:]

  init(root: URL, toleratingMissingExercises: Bool = false) {
    self.root = root
    self.toleratingMissingExercises = toleratingMissingExercises
  }

  mutating func check(_ lesson: Lesson) {
    for case .exercise(let exercise) in lesson.blocks {
      if let first = exerciseNames[exercise.name.lowercased()] {
        report(lesson, exercise.line, "duplicate exercise \(exercise.name) (first in \(first))")
      }
      exerciseNames[exercise.name.lowercased()] = "\(lesson.file):\(exercise.line)"
      if !toleratingMissingExercises,
        !FileManager.default.fileExists(atPath: root.appendingPathComponent(exercise.file).path)
      {
        report(
          lesson, exercise.line,
          "unknown exercise \(exercise.name): \(exercise.file) does not exist")
      }
    }
  }

  private mutating func report(_ lesson: Lesson, _ line: Int, _ message: String) {
    diagnostics.append(Diagnostic(file: lesson.file, line: line, message: message))
  }
}

/// Checks a lesson against the code: its figures match, its pictures exist, its numeric
/// questions name figures that start with a number.
struct CatalogChecker {
  let catalog: CourseCatalog
  private(set) var diagnostics: [Diagnostic] = []

  init(catalog: CourseCatalog) {
    self.catalog = catalog
  }

  /// The lesson with its numeric answers filled in from the figures, once checked.
  mutating func check(_ lesson: Lesson) -> Lesson {
    guard catalog.checksCode else { return lesson }
    for block in lesson.blocks {
      switch block {
      case .picture(let picture) where !catalog.pictures.contains(picture.id):
        report(
          lesson, picture.line,
          "unknown picture \(picture.id)\(closest(picture.id, in: catalog.pictures))")
      case .question(let question):
        if let numeric = question.numeric {
          _ = numericValue(numeric, lesson: lesson, line: question.line)
        }
      default:
        break
      }
      for reference in FigureReference.all(in: block) {
        guard let expected = catalog.figures[reference.id] else {
          report(
            lesson, reference.line,
            "unknown figure fig:\(reference.id)\(closest(reference.id, in: Set(catalog.figures.keys)))"
          )
          continue
        }
        if reference.text != expected {
          report(
            lesson, reference.line,
            "figure fig:\(reference.id) says \u{201C}\(reference.text)\u{201D} but the code computes \u{201C}\(expected)\u{201D}"
          )
        }
      }
    }
    return Lesson(
      name: lesson.name, file: lesson.file, title: lesson.title,
      introduction: lesson.introduction.map(filledIn),
      sections: lesson.sections.map {
        LessonSection(title: $0.title, line: $0.line, blocks: $0.blocks.map(filledIn))
      })
  }

  /// A numeric question with the figure's value and text filled in.
  private func filledIn(_ block: LessonBlock) -> LessonBlock {
    guard case .question(let question) = block, let numeric = question.numeric,
      let text = catalog.figures[numeric.figure], let (value, unit) = Self.leadingNumber(text)
    else { return block }
    return .question(
      Question(
        id: question.id, prompt: question.prompt, answer: question.answer,
        numeric: NumericAnswer(
          figure: numeric.figure, value: value, unit: unit, tolerance: numeric.tolerance,
          text: text),
        line: question.line))
  }

  private mutating func numericValue(_ numeric: NumericAnswer, lesson: Lesson, line: Int) -> Double?
  {
    guard let text = catalog.figures[numeric.figure] else {
      report(lesson, line, "unknown figure \(numeric.figure) in question")
      return nil
    }
    guard let (value, _) = Self.leadingNumber(text) else {
      report(
        lesson, line,
        "figure \(numeric.figure) (\u{201C}\(text)\u{201D}) does not start with a number")
      return nil
    }
    return value
  }

  /// `"208 GB"` → (208, "GB"); thousands separators and a leading sign are accepted.
  static func leadingNumber(_ text: String) -> (Double, String)? {
    let number = text.prefix { "0123456789.,-+eE".contains($0) }
    guard let value = Double(number.replacingOccurrences(of: ",", with: "")) else { return nil }
    return (value, text.dropFirst(number.count).trimmingCharacters(in: .whitespaces))
  }

  private mutating func report(_ lesson: Lesson, _ line: Int, _ message: String) {
    diagnostics.append(Diagnostic(file: lesson.file, line: line, message: message))
  }
}

extension Course {
  /// The course with the lessons named in `names` checked against the code, each against the
  /// catalogue `catalogs` gives for its name: their figures agree with the code, their pictures
  /// exist, and their numeric answers are filled in. A command that shows one lesson checks
  /// that one, and the code computes only what it refers to. Throws every problem found as
  /// `CourseErrors`.
  public func checking(
    _ names: Set<String>, against catalogs: (_ lesson: String) -> CourseCatalog
  ) throws -> Course {
    var diagnostics: [Diagnostic] = []
    let checked = lessons.map { lesson -> Lesson in
      guard names.contains(lesson.name) else { return lesson }
      var checker = CatalogChecker(catalog: catalogs(lesson.name))
      defer { diagnostics += checker.diagnostics }
      return checker.check(lesson)
    }
    if !diagnostics.isEmpty { throw CourseErrors(unsorted: diagnostics) }
    return Course(title: title, introduction: introduction, lessons: checked)
  }
}
