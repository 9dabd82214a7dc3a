import WorkbookKit
import XCTest

final class WorkbookPlaceholderTests: XCTestCase {
  func testNothingYet() throws { throw XCTSkip("not written yet") }
}
