import Course
import Foundation
import Harness
import Judges
import XCTest
import XCTestOnly

/// The student's `swift test`: every exercise graded in its own process, reported in course
/// order, with the failing checks of the first unfinished exercise in full and the others in one
/// line each, and a closing summary whose last line is `N of M exercises pass`.
///
/// XCTest may run the topics' test classes in any order, so the verdicts are taken in course
/// order (from `Lessons/Course.md`) lazily: asking for one exercise grades the exercises before
/// it until one of them is unfinished, which is all it takes to know whether this one is the
/// first.
public final class CourseGrading: @unchecked Sendable {
  /// The one grading session of a test run.
  public static let shared = CourseGrading()

  private let lock = NSLock()
  private var course: [ExerciseReference]?
  private var loadError: String?
  private var outcomes: [String: IsolatedOutcome] = [:]
  private var summaryPrinter: SummaryPrinter?

  /// Seconds each exercise may run before it counts as hung: 60, or `WORKBOOK_TIMEOUT`.
  let timeout: Double =
    ProcessInfo.processInfo.environment["WORKBOOK_TIMEOUT"].flatMap(Double.init).flatMap {
      $0 > 0 ? $0 : nil
    } ?? 60

  private init() {
    workbook_xctest_only()
  }

  /// Grades `exercise` and fails the calling test unless every check passes.
  ///
  /// - Parameter testFile: the calling test file, `Tests/<Topic>/Grading/<File>.swift`, from
  ///   which the workbook's root is found.
  public func assertPasses(
    _ exercise: String, testFile: StaticString = #filePath, line: UInt = #line
  ) {
    lock.lock()
    defer { lock.unlock() }
    let root = URL(fileURLWithPath: "\(testFile)").deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let course = loadCourse(root: root)
    startSummary()
    guard let reference = course.first(where: { $0.name == exercise }) else {
      let why = loadError ?? "it is not in Lessons/Course.md's lessons"
      XCTFail("\(exercise) cannot be graded: \(why)", file: testFile, line: line)
      return
    }
    let outcome = grade(reference)
    guard !outcome.passed else { return }
    let earlier = course.prefix { $0.name != exercise }
    let isFirstUnfinished = !earlier.contains { !grade($0).passed }
    for message in StudentReport.failures(of: outcome, inFull: isFirstUnfinished) {
      XCTFail(message, file: testFile, line: line)
    }
  }

  private func loadCourse(root: URL) -> [ExerciseReference] {
    if let course { return course }
    do {
      course = try CourseLoader.load(root: root, catalog: .unchecked).exercises
    } catch {
      loadError = "the course does not load: \(error)"
      course = []
    }
    return course ?? []
  }

  private func grade(_ reference: ExerciseReference) -> IsolatedOutcome {
    if let known = outcomes[reference.name] { return known }
    let outcome = Judges.grade(
      exercise: reference.name, topic: reference.lesson,
      executable: builtProduct(named: reference.lesson + "Check"), timeout: timeout)
    outcomes[reference.name] = outcome
    return outcome
  }

  private func startSummary() {
    guard summaryPrinter == nil else { return }
    let printer = SummaryPrinter { [unowned self] in self.summary() }
    XCTestObservationCenter.shared.addTestObserver(printer)
    summaryPrinter = printer
  }

  /// The closing lines: one per exercise in course order, the next step, and the count.
  func summary() -> [String] {
    lock.lock()
    defer { lock.unlock() }
    return StudentReport.summary(course: course ?? [], outcomes: outcomes)
  }
}

/// Prints the summary once the whole test bundle has finished, after XCTest's own totals, so
/// that `N of M exercises pass` is the last line a student sees.
private final class SummaryPrinter: NSObject, XCTestObservation {
  private let lines: () -> [String]

  init(lines: @escaping () -> [String]) {
    self.lines = lines
  }

  func testBundleDidFinish(_ testBundle: Bundle) {
    print("")
    for line in lines() { print(line) }
  }
}
