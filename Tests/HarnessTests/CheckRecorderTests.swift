import Harness
import XCTest

final class CheckRecorderTests: XCTestCase {
  struct Oops: Error {}

  func testEachKindOfEndingBecomesItsMessage() {
    let exercise = Exercise(name: "Demo", lesson: "Topic", section: "Part one") { checks in
      checks.check("passes") {}
      checks.check("stub") { throw Unimplemented(lesson: "Topic", section: "Part one") }
      checks.check("wrong") { try requireEqual(2 + 2, 5, "2 + 2") }
      checks.check("close enough") { try requireClose(1.0005, 1, tolerance: 1e-3, "x") }
      checks.check("other error") { throw Oops() }
    }
    var events: [CheckEvent] = []
    let results = exercise.run { events.append($0) }
    XCTAssertEqual(results.map(\.passed), [true, false, false, true, false])
    XCTAssertEqual(
      results[1].message,
      "not implemented yet; start at Lessons/Topic.md, section \u{201C}Part one\u{201D}")
    XCTAssertEqual(
      results[2].message,
      "2 + 2: expected 5, got 4 (see Lessons/Topic.md, section \u{201C}Part one\u{201D})")
    XCTAssertTrue(results[4].message.hasPrefix("threw Oops"))
    XCTAssertEqual(events.count, 10)
    XCTAssertEqual(events.first, .started(check: "passes"))
  }

  func testRequireCloseRejectsNaNAndFarValues() {
    XCTAssertThrowsError(try requireClose(.nan, 1, tolerance: 1, "nan"))
    XCTAssertThrowsError(try requireClose(3, 1, tolerance: 1, "far"))
    XCTAssertNoThrow(try requireClose(.infinity, .infinity, tolerance: 0, "inf"))
  }
}
