import Course
import LearnerWorkspace

/// One flashcard: a lesson's check-yourself question.
public struct QuizCard: Sendable {
  /// The question, with its answer.
  public let question: Question
  /// Its position in the course, for ordering cards in the same box.
  public let position: Int
  /// Its Leitner box when the deck was dealt.
  public let box: Int
}

/// The check-yourself questions as a Leitner deck: a card starts in box 1, moves up one box
/// each time the learner knew it, up to box 5, and goes back to box 1 when missed. Cards are
/// dealt lowest box first, so missed cards come back first, then in course order.
public struct QuizDeck: Sendable {
  /// The boxes, 1 (ask soon) to 5 (well known).
  public static let boxes = 1...5

  /// The cards in the order they are asked.
  public let cards: [QuizCard]

  /// Deals the questions of `lessons` (course order) by their boxes in `progress`.
  public init(lessons: [Lesson], progress: LearnerProgress) {
    let questions = lessons.flatMap(\.questions)
    cards = questions.enumerated()
      .map { QuizCard(question: $1, position: $0, box: Self.box(of: $1.id, in: progress)) }
      .sorted { ($0.box, $0.position) < ($1.box, $1.position) }
  }

  /// The box a question is in: its recorded box clamped to 1...5, or 1 when never asked.
  public static func box(of id: String, in progress: LearnerProgress) -> Int {
    min(max(progress.quizBoxes[id] ?? 1, boxes.lowerBound), boxes.upperBound)
  }

  /// Records an answer: up one box when known, back to box 1 when not. Returns the new box.
  @discardableResult
  public static func record(knew: Bool, id: String, in progress: inout LearnerProgress) -> Int {
    let box = knew ? min(Self.box(of: id, in: progress) + 1, boxes.upperBound) : 1
    progress.quizBoxes[id] = box
    return box
  }
}
