import Foundation
import Markdown

/// Loads `Lessons/Course.md` and the lessons it lists, and checks them against the code.
public enum CourseLoader {
  /// Loads the course of the workbook at `root`, or throws every problem found as
  /// `CourseErrors`. Missing files are problems too, never crashes; with
  /// `toleratingMissingExercises`, a missing exercise file is not one (a learner who deleted
  /// an exercise must still be able to read and reset it), and the caller says what is missing.
  public static func load(
    root: URL, catalog: CourseCatalog, toleratingMissingExercises: Bool = false
  ) throws -> Course {
    try load(
      root: root, catalogs: { _ in catalog }, toleratingMissingExercises: toleratingMissingExercises
    )
  }

  /// Loads the course as `load(root:catalog:)` does, checking each lesson against the catalogue
  /// `catalogs` gives for its name, asked for once per lesson: the code computes each topic's
  /// figures for its own lesson, and `.unchecked` leaves a lesson's figures unchecked.
  public static func load(
    root: URL, catalogs: (_ lesson: String) -> CourseCatalog,
    toleratingMissingExercises: Bool = false
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
    var links: [(url: String, line: Int)] = []
    for node in document.children {
      if case .heading(1) = node.kind, links.isEmpty, introduction.isEmpty {
        title = node.plainText
        continue
      }
      guard case .list = node.kind else {
        if links.isEmpty { introduction.append(node) }
        continue
      }
      for link in node.descendants {
        guard case .link(let url, _) = link.kind, url.hasSuffix(".md") else { continue }
        links.append((url, link.start.line))
      }
    }
    // Each lesson is its own file and parser: they are parsed side by side.
    var lessons: [Lesson] = []
    for (link, parsed) in zip(links, links.map(\.url).concurrentMap { parseLesson($0, root: root) })
    {
      guard let (lesson, found) = parsed else {
        diagnostics.append(
          Diagnostic(
            file: indexFile, line: link.line, message: "lesson \(link.url) does not exist"))
        continue
      }
      lessons.append(lesson)
      diagnostics += found
    }
    var exercises = ExerciseChecker(
      root: root, toleratingMissingExercises: toleratingMissingExercises)
    lessons = lessons.map { lesson in
      exercises.check(lesson)
      var code = CatalogChecker(catalog: catalogs(lesson.name))
      defer { diagnostics += code.diagnostics }
      return code.check(lesson)
    }
    diagnostics += exercises.diagnostics
    if !diagnostics.isEmpty { throw CourseErrors(unsorted: diagnostics) }
    return Course(title: title, introduction: introduction, lessons: lessons)
  }

  /// The lesson `Lessons/<url>` and what its parser found wrong, or nil when it cannot be read.
  private static func parseLesson(_ url: String, root: URL) -> (Lesson, [Diagnostic])? {
    let file = "Lessons/\(url)"
    guard let text = read(root, file) else { return nil }
    var parser = LessonParser(name: String(url.dropLast(3)), file: file)
    let lesson = parser.parse(MarkdownParser.parse(text))
    return (lesson, parser.diagnostics)
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
