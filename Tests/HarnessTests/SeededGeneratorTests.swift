import Harness
import XCTest

final class SeededGeneratorTests: XCTestCase {
  func testSameSeedSameSequence() {
    var first = SeededGenerator(seed: 7)
    var second = SeededGenerator(seed: 7)
    var third = SeededGenerator(seed: 8)
    let a = (0..<4).map { _ in first.next() }
    XCTAssertEqual(a, (0..<4).map { _ in second.next() })
    XCTAssertNotEqual(a, (0..<4).map { _ in third.next() })
  }
}
