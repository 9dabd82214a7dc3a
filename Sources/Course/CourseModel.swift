import Markdown

/// The whole workbook: its lessons in teaching order.
public struct Course: Sendable {
  /// The course's title, from the first heading of `Lessons/Course.md`.
  public let title: String
  /// The introduction under that heading, before the list of lessons.
  public let introduction: [MarkdownNode]
  /// The lessons in the order `Lessons/Course.md` lists them.
  public let lessons: [Lesson]
  /// Every exercise of every lesson, in course order (gathered once: progress and the listing
  /// look exercises up many times per command).
  public let exercises: [ExerciseReference]

  init(title: String, introduction: [MarkdownNode], lessons: [Lesson]) {
    self.title = title
    self.introduction = introduction
    self.lessons = lessons
    exercises = lessons.flatMap(\.exercises)
  }

  /// The lesson with this name, ignoring case.
  public func lesson(named name: String) -> Lesson? {
    lessons.first { $0.name.lowercased() == name.lowercased() }
  }

  /// The exercise with this name, ignoring case.
  public func exercise(named name: String) -> ExerciseReference? {
    exercises.first { $0.name.lowercased() == name.lowercased() }
  }
}

/// One lesson file, as a sequence of sections.
public struct Lesson: Sendable {
  /// The topic name: the file's base name, and the name of its Exercises/ folder.
  public let name: String
  /// The path relative to the workbook, `Lessons/<name>.md`.
  public let file: String
  /// The first heading's text.
  public let title: String
  /// Blocks before the first `##` heading.
  public let introduction: [LessonBlock]
  /// The `##` sections in order.
  public let sections: [LessonSection]
  /// Every block of the lesson in order, the introduction's first.
  public var blocks: [LessonBlock] { introduction + sections.flatMap(\.blocks) }

  /// The exercises the lesson refers to, in order.
  public var exercises: [ExerciseReference] {
    blocks.compactMap {
      if case .exercise(let exercise) = $0 { return exercise } else { return nil }
    }
  }

  /// The check-yourself questions, in order.
  public var questions: [Question] {
    blocks.compactMap {
      if case .question(let question) = $0 { return question } else { return nil }
    }
  }
}

/// A `##` section of a lesson.
public struct LessonSection: Sendable {
  /// The heading's text, which exercises and graders use to point here.
  public let title: String
  /// The heading's line.
  public let line: Int
  /// The blocks under the heading, up to the next `##`.
  public let blocks: [LessonBlock]
}

/// One block of a lesson: plain CommonMark, or one of the workbook's own kinds.
public enum LessonBlock: Sendable {
  /// A CommonMark block (paragraph, list, heading below `##`, code, quote...).
  case markdown(MarkdownNode)
  case exercise(ExerciseReference)
  case question(Question)
  case callout(Callout)
  case errata(Errata)
  case table(Table)
  case picture(PictureReference)
}

/// A lesson's pointer to an exercise, with its summary and progressive hints.
public struct ExerciseReference: Sendable {
  /// The exercise's name: `Exercises/<lesson>/<name>.swift`.
  public let name: String
  /// The lesson (topic) it belongs to.
  public let lesson: String
  /// The title of the section it is written in.
  public let section: String
  /// One line saying what to build.
  public let summary: MarkdownNode
  /// The hints, gentlest first.
  public let hints: [MarkdownNode]
  /// The line of the block's opening fence.
  public let line: Int

  /// The student's file, relative to the workbook.
  public var file: String { "Exercises/\(lesson)/\(name).swift" }
}

/// A check-yourself question.
public struct Question: Sendable {
  /// A stable identity: `<lesson>#<n>`, n counting from 1 in the lesson.
  public let id: String
  /// The question.
  public let prompt: MarkdownNode
  /// The answer and its explanation.
  public let answer: MarkdownNode
  /// For a prediction question, the figure whose value is the answer.
  public let numeric: NumericAnswer?
  /// The line of the opening fence.
  public let line: Int
}

/// The expected answer of a prediction question, checked with a tolerance.
public struct NumericAnswer: Sendable, Equatable {
  /// The figure whose computed value is the answer.
  public let figure: String
  /// The number the figure's text starts with, filled in when the course is checked.
  public let value: Double?
  /// The unit after the number, if any (`GB`).
  public let unit: String
  /// How far off an answer may be and still count.
  public let tolerance: Double
  /// The figure's text as the lesson writes it (`13.31 GB`), filled in when the course is
  /// checked.
  public let text: String?

  /// Creates a numeric answer.
  public init(
    figure: String, value: Double?, unit: String, tolerance: Double, text: String? = nil
  ) {
    self.figure = figure
    self.value = value
    self.unit = unit
    self.tolerance = tolerance
    self.text = text
  }

  /// Whether `answer` is within the tolerance of the expected value.
  public func accepts(_ answer: Double) -> Bool {
    guard let value else { return false }
    return abs(answer - value) <= tolerance
  }
}

/// A boxed remark.
public struct Callout: Sendable {
  /// The kinds of callout a lesson may use.
  public enum Kind: String, Sendable, CaseIterable {
    case note
    case tip
    case warning
  }

  /// Which kind.
  public let kind: Kind
  /// The remark, as a Markdown document.
  public let body: MarkdownNode
}

/// A correction of the source notes: what they say, the right figure, and why.
public struct Errata: Sendable {
  /// What the notes say.
  public let notes: MarkdownNode
  /// The correct statement.
  public let correct: MarkdownNode
  /// Why.
  public let why: MarkdownNode
}

/// A table with a header row; every row has as many cells as the header.
public struct Table: Sendable {
  /// The header cells, each an inline Markdown paragraph.
  public let header: [MarkdownNode]
  /// The body rows.
  public let rows: [[MarkdownNode]]
}

/// A lesson's request for a generated picture.
public struct PictureReference: Sendable {
  /// The picture's name in the topic's picture list.
  public let id: String
  /// The line of the opening fence.
  public let line: Int

  /// Creates a picture reference.
  public init(id: String, line: Int) {
    self.id = id
    self.line = line
  }
}
