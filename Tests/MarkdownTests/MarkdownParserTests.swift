import Markdown
import XCTest

final class MarkdownParserTests: XCTestCase {
  func testHeadingAndPositions() {
    let document = MarkdownParser.parse("# Title\n\nSome *text*.\n")
    XCTAssertEqual(document.children.first?.kind, .heading(level: 1))
    XCTAssertEqual(document.children.last?.start.line, 3)
  }
}
