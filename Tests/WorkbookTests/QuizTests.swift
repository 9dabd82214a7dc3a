import Course
import Foundation
import XCTest

@testable import LearnerWorkspace
@testable import Study

/// The Leitner deck, numeric answers, a quiz session fed line by line, and `workbook quiz`.
final class QuizTests: XCTestCase {
  private var course: Course!

  override func setUpWithError() throws {
    course = try Workspace(root: CommandRun.packageRoot).checkedCourse()
  }

  func testMissedCardsComeFirstThenCourseOrder() throws {
    let ids = course.lessons.flatMap(\.questions).map(\.id)
    XCTAssertGreaterThanOrEqual(ids.count, 4)
    var progress = LearnerProgress()
    for id in ids { progress.quizBoxes[id] = 3 }
    progress.quizBoxes[ids[3]] = 1
    progress.quizBoxes[ids[1]] = 2
    progress.quizBoxes[ids[2]] = 1
    let order = QuizDeck(lessons: course.lessons, progress: progress).cards.map(\.question.id)
    XCTAssertEqual(order, [ids[2], ids[3], ids[1], ids[0]] + ids.dropFirst(4))
    let fresh = QuizDeck(lessons: course.lessons, progress: LearnerProgress()).cards
    XCTAssertEqual(fresh.map(\.question.id), ids, "a fresh learner gets course order")
    XCTAssertTrue(fresh.allSatisfy { $0.box == 1 })
  }

  func testKnownCardsClimbToBoxFiveAndMissedOnesFallToBoxOne() {
    var progress = LearnerProgress()
    let climbed = (1...6).map { _ in QuizDeck.record(knew: true, id: "L#1", in: &progress) }
    XCTAssertEqual(climbed, [2, 3, 4, 5, 5, 5])
    XCTAssertEqual(QuizDeck.record(knew: false, id: "L#1", in: &progress), 1)
    progress.quizBoxes["L#2"] = 99
    XCTAssertEqual(QuizDeck.box(of: "L#2", in: progress), 5, "a damaged box is clamped")
  }

  func testNumericAnswersMayCarryTheirUnit() throws {
    let expected = NumericAnswer(figure: "x", value: 112, unit: "GB", tolerance: 1)
    for (typed, right) in [
      ("112", true), ("112 GB", true), ("112GB", true), ("≈ 112.9 gb", true), ("111", true),
      ("113.5", false), ("112 MB", false), ("-112", false),
    ] {
      let answer = try XCTUnwrap(QuizAnswer(typed), typed)
      XCTAssertEqual(answer.isRight(for: expected), right, typed)
    }
    XCTAssertEqual(QuizAnswer("1,024.5 MB"), QuizAnswer("1024.5 MB"))
    XCTAssertEqual(QuizAnswer("1,024.5 MB")?.unit, "MB")
    XCTAssertNil(QuizAnswer("lots"))
    XCTAssertNil(QuizAnswer(""))
  }

  func testASessionMovesBoxesAndSavesAfterEachCard() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("quiz-\(UUID())")
    defer { try? FileManager.default.removeItem(at: root) }
    let workspace = Workspace(root: root)
    let lesson = try XCTUnwrap(course.lesson(named: "InferenceMemory"))
    let cards = QuizDeck(lessons: [lesson], progress: LearnerProgress()).cards
    XCTAssertNil(cards[0].question.numeric)
    XCTAssertNotNil(cards[1].question.numeric)
    XCTAssertNotNil(cards[2].question.numeric)
    var input = ["", "maybe", "y", "lots", "13.3 GB", "", "q"][...]
    var output: [String] = []
    let session = QuizSession(
      workspace: workspace, style: TerminalStyle(color: false), width: 80,
      readLine: { input.popFirst() }, write: { output.append($0) })
    let summary = try session.run(cards)
    XCTAssertEqual(summary, QuizSession.Summary(asked: 3, known: 2))
    XCTAssertTrue(input.isEmpty, "q stopped before the fourth card's answer")
    let boxes = try LearnerProgress.load(from: workspace).quizBoxes
    XCTAssertEqual(
      boxes, [cards[0].question.id: 2, cards[1].question.id: 2, cards[2].question.id: 1])
    let text = output.joined(separator: "\n")
    XCTAssertTrue(text.contains("“lots” is not a number; try again."))
    XCTAssertTrue(text.contains("✓ Right (within 0.1 GB of 13.31 GB)."))
    XCTAssertTrue(text.contains("Card 4 of"), "the fourth card was shown before q")
    XCTAssertTrue(text.hasSuffix("2 of 3 known."))
  }

  func testAnAmbiguousCommaIsAskedBackAndAUnitIsConverted() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("quiz-\(UUID())")
    defer { try? FileManager.default.removeItem(at: root) }
    let lesson = try XCTUnwrap(course.lesson(named: "InferenceMemory"))
    let card = QuizDeck(lessons: [lesson], progress: LearnerProgress()).cards[1]
    XCTAssertEqual(card.question.numeric?.unit, "GB")
    var input = ["13,3", "13 310 MB"][...]
    var output: [String] = []
    let session = QuizSession(
      workspace: Workspace(root: root), style: TerminalStyle(color: false), width: 80,
      readLine: { input.popFirst() }, write: { output.append($0) })
    XCTAssertEqual(try session.run([card]), QuizSession.Summary(asked: 1, known: 1))
    let text = output.joined(separator: "\n")
    XCTAssertTrue(text.contains("“13,3”: did you mean 13.3 or 133?"), text)
    XCTAssertTrue(
      text.contains("✓ Right (within 0.1 GB of 13.31 GB, 13 310 MB is 13.31 GB)."), text)
  }

  func testNonInteractivePrintsEveryCardWithItsAnswer() throws {
    let run = try CommandRun.workbook(["quiz", "--non-interactive"])
    XCTAssertEqual(run.status, 0, run.stderr)
    let cards = run.stdout.split(separator: "\n").filter { $0.hasPrefix("Card ") }
    let answers = run.stdout.split(separator: "\n").filter { $0.hasPrefix("Answer:") }
    let total = course.lessons.flatMap(\.questions).count
    XCTAssertEqual(cards.count, total)
    XCTAssertEqual(answers.count, total)
    XCTAssertTrue(run.stdout.contains("Answer: 13.31 GB"), "numeric answers show the figure")
    XCTAssertFalse(run.stdout.contains("Did you know it"), "no questions asked")
    let limited = try CommandRun.workbook([
      "quiz", "InferenceMemory", "--non-interactive", "--limit", "2",
    ])
    XCTAssertEqual(
      limited.stdout.split(separator: "\n").filter { $0.hasPrefix("Card ") },
      [
        "Card 1 of 2  InferenceMemory#1, box 1", "Card 2 of 2  InferenceMemory#2, box 1",
      ])
  }

  func testQuizThroughAPipeRemembersTheBoxes() throws {
    let state = FedRun.freshState()
    let run = try FedRun.workbook(["quiz", "1"], input: "\nn\n", state: state)
    XCTAssertEqual(run.status, 0, run.stderr)
    XCTAssertTrue(run.stdout.contains("back to box 1"), run.stdout)
    let again = try FedRun.workbook(["quiz", "1"], input: "\ny\n", state: state)
    XCTAssertTrue(again.stdout.contains("→ box 2"), again.stdout)
    let data = try Data(contentsOf: state.appendingPathComponent("progress.json"))
    XCTAssertTrue(String(decoding: data, as: UTF8.self).contains("\"NumberFormats#1\" : 2"))
  }

  func testUnknownLessonAndBadLimitAreUsageErrors() throws {
    for arguments in [["quiz", "NumberFormat"], ["quiz", "--limit", "0"]] {
      let run = try CommandRun.workbook(arguments)
      XCTAssertEqual(run.status, 64, "\(arguments)")
      XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
    }
  }
}
