import Foundation
import Markdown

/// What the code knows that lessons refer to: computed figures and generated pictures.
public struct CourseCatalog: Sendable {
  /// Figure id → the text a lesson must show for it.
  public let figures: [String: String]
  /// The ids of the pictures code can draw.
  public let pictures: Set<String>
  /// Whether lessons are checked against the figures and pictures; `unchecked` skips both, for
  /// commands that need only the exercises and should start at once.
  public let checksCode: Bool

  /// Creates a catalogue.
  public init(figures: [String: String], pictures: Set<String>) {
    self.figures = figures
    self.pictures = pictures
    self.checksCode = true
  }

  private init() {
    figures = [:]
    pictures = []
    checksCode = false
  }

  /// A catalogue that checks no figure or picture: the course's structure and exercises only.
  public static let unchecked = CourseCatalog()
}

/// Loads `Lessons/Course.md` and the lessons it lists, and checks them against the code.
public enum CourseLoader {
  /// Loads the course of the workbook at `root`, or throws every problem found as
  /// `CourseErrors`. Missing files are problems too, never crashes; with
  /// `toleratingMissingExercises`, a missing exercise file is not one (a learner who deleted
  /// an exercise must still be able to read and reset it), and the caller says what is missing.
  public static func load(
    root: URL, catalog: CourseCatalog, toleratingMissingExercises: Bool = false
  ) throws -> Course {
    var diagnostics: [Diagnostic] = []
    let indexFile = "Lessons/Course.md"
    guard let index = read(root, indexFile) else {
      throw CourseErrors(diagnostics: [
        Diagnostic(file: indexFile, line: 1, message: "cannot read the course index")
      ])
    }
    let document = MarkdownParser.parse(index)
    var title = "Course"
    var introduction: [MarkdownNode] = []
    var lessons: [Lesson] = []
    for node in document.children {
      if case .heading(1) = node.kind, lessons.isEmpty, introduction.isEmpty {
        title = node.plainText
        continue
      }
      guard case .list = node.kind else {
        if lessons.isEmpty { introduction.append(node) }
        continue
      }
      for link in node.descendants {
        guard case .link(let url, _) = link.kind, url.hasSuffix(".md") else { continue }
        let name = String(url.dropLast(3))
        let file = "Lessons/\(url)"
        guard let text = read(root, file) else {
          diagnostics.append(
            Diagnostic(
              file: indexFile, line: link.start.line, message: "lesson \(url) does not exist"))
          continue
        }
        var parser = LessonParser(name: name, file: file)
        lessons.append(parser.parse(MarkdownParser.parse(text)))
        diagnostics += parser.diagnostics
      }
    }
    var checked = CourseChecker(
      root: root, catalog: catalog, toleratingMissingExercises: toleratingMissingExercises)
    lessons = lessons.map { checked.check($0) }
    diagnostics += checked.diagnostics
    if !diagnostics.isEmpty {
      throw CourseErrors(
        diagnostics: diagnostics.sorted { ($0.file, $0.line) < ($1.file, $1.line) })
    }
    return Course(title: title, introduction: introduction, lessons: lessons)
  }

  /// The text of `file` inside `root`, or nil when it cannot be read.
  public static func read(_ root: URL, _ file: String) -> String? {
    guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(file).path)
    else {
      return nil
    }
    return String(decoding: data, as: UTF8.self)
  }
}

/// Cross-checks lessons with the code: exercises exist once, figures match, pictures exist.
struct CourseChecker {
  let root: URL
  let catalog: CourseCatalog
  let toleratingMissingExercises: Bool
  private(set) var diagnostics: [Diagnostic] = []
  private var exerciseNames: [String: String] = [:]

  init(root: URL, catalog: CourseCatalog, toleratingMissingExercises: Bool = false) {
    self.root = root
    self.catalog = catalog
    self.toleratingMissingExercises = toleratingMissingExercises
  }

  mutating func check(_ lesson: Lesson) -> Lesson {
    for block in lesson.blocks {
      switch block {
      case .exercise(let exercise):
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
      case .picture(let picture) where catalog.checksCode && !catalog.pictures.contains(picture.id):
        report(
          lesson, picture.line,
          "unknown picture \(picture.id)\(closest(picture.id, in: catalog.pictures))")
      case .question(let question) where catalog.checksCode:
        if let numeric = question.numeric {
          _ = numericValue(numeric, lesson: lesson, line: question.line)
        }
      default:
        break
      }
      for reference in FigureReference.all(in: block) where catalog.checksCode {
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

  /// A numeric question with the figure's value filled in.
  private func filledIn(_ block: LessonBlock) -> LessonBlock {
    guard case .question(let question) = block, let numeric = question.numeric,
      let text = catalog.figures[numeric.figure], let (value, unit) = Self.leadingNumber(text)
    else { return block }
    return .question(
      Question(
        id: question.id, prompt: question.prompt, answer: question.answer,
        numeric: NumericAnswer(
          figure: numeric.figure, value: value, unit: unit, tolerance: numeric.tolerance),
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

/// Suggests the closest known name: `" (did you mean fp16?)"`, or nothing.
public func closest(_ name: String, in candidates: Set<String>) -> String {
  guard let best = closestMatch(name, in: candidates) else { return "" }
  return " (did you mean \(best)?)"
}

/// The candidate with the smallest edit distance to `name`, ignoring case, if one is close.
public func closestMatch(_ name: String, in candidates: Set<String>) -> String? {
  let lowered = name.lowercased()
  let target = Array(lowered)
  if !lowered.isEmpty,
    let prefixed = candidates.sorted().first(where: { $0.lowercased().hasPrefix(lowered) })
  {
    return prefixed
  }
  let scored = candidates.map { ($0, editDistance(target, Array($0.lowercased()))) }
  guard let best = scored.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) else { return nil }
  return best.1 <= max(2, target.count / 2) ? best.0 : nil
}

func editDistance(_ a: [Character], _ b: [Character]) -> Int {
  var previous = Array(0...b.count)
  for (i, x) in a.enumerated() {
    var current = [i + 1]
    for (j, y) in b.enumerated() {
      current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
    }
    previous = current
  }
  return previous[b.count]
}

extension Lesson {
  /// Parses one lesson's source on its own, without checking it against the code: the model
  /// and the problems found. Used by the fuzzer and by tools that preview a single file.
  public static func parse(source: String, name: String, file: String) -> (Lesson, [Diagnostic]) {
    var parser = LessonParser(name: name, file: file)
    let lesson = parser.parse(MarkdownParser.parse(source))
    return (lesson, parser.diagnostics)
  }
}
