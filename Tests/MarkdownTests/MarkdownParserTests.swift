import CCmark
import Markdown
import XCTest

final class MarkdownParserTests: XCTestCase {
  func testBlocksInlinesAndPositions() {
    let document = MarkdownParser.parse(
      "# Title\n\nSome *text* and `code` with [a link](fig:x \"t\").\n\n```exercise Demo\nsummary: s\n```\n"
    )
    XCTAssertEqual(document.kind, .document)
    XCTAssertEqual(document.children.map(\.kind.label), ["heading", "paragraph", "codeBlock"])
    let paragraph = document.children[1]
    XCTAssertEqual(paragraph.start, SourcePosition(line: 3, column: 1))
    XCTAssertEqual(paragraph.plainText, "Some text and code with a link.")
    XCTAssertTrue(paragraph.descendants.contains { $0.kind == .link(url: "fig:x", title: "t") })
    XCTAssertEqual(
      document.children[2].kind, .codeBlock(info: "exercise Demo", literal: "summary: s\n"))
    XCTAssertEqual(document.children[2].start.line, 5)
  }

  func testListsKeepTheirShape() {
    let list = MarkdownParser.parse("3. one\n4. two\n").children[0]
    XCTAssertEqual(list.kind, .list(ordered: true, start: 3, tight: true))
    XCTAssertEqual(list.children.count, 2)
  }

  func testAnyBytesParseWithoutCrashing() {
    var random = SystemRandomNumberGenerator()
    for _ in 0..<200 {
      let length = Int.random(in: 0..<300, using: &random)
      let scalars = (0..<length).map { _ in
        Character(UnicodeScalar(UInt8.random(in: 0...127, using: &random)))
      }
      let text = String(scalars) + "\n> - [x](<y>)\n```\n"
      _ = MarkdownRenderer.render(MarkdownParser.parse(text), as: .html)
    }
  }

  func testShiftedMovesEveryLine() {
    let shifted = MarkdownParser.parse("a\n\nb [c](d)\n").shifted(byLines: 10)
    XCTAssertEqual(shifted.children.map(\.start.line), [11, 13])
    XCTAssertEqual(shifted.descendants.last?.start.line, 13)
  }
}

/// The Swift tree, rebuilt and rendered through cmark, must give exactly what cmark gives when
/// it parses and renders the same text itself: nothing is lost in the copy.
final class MarkdownRendererTests: XCTestCase {
  private let samples = [
    "# H1\n\n## H2 with `code`\n\nText *em* **strong** [link](http://x.org \"title\") ![img](a.png)\n",
    "- a\n- b\n\n  loose\n\n1. one\n2. two\n",
    "> quote\n> more\n\n---\n\n```swift\nlet x = 1\n```\n\n    indented\n",
    "line one  \nline two\\\nthree\n\n<div>raw</div>\n\ninline <b>html</b> & < > \"\n",
  ]

  func testHTMLMatchesCmarkDirectly() {
    for sample in samples {
      XCTAssertEqual(
        MarkdownRenderer.render(MarkdownParser.parse(sample), as: .html), cmarkDirect(sample),
        sample)
    }
  }

  func testEveryFormatMatchesCmarkDirectly() {
    for sample in samples {
      let tree = MarkdownParser.parse(sample)
      XCTAssertEqual(
        MarkdownRenderer.render(tree, as: .latex), cmarkDirect(sample, format: .latex), sample)
      XCTAssertEqual(
        MarkdownRenderer.render(tree, as: .man), cmarkDirect(sample, format: .man), sample)
      XCTAssertEqual(
        MarkdownRenderer.render(tree, as: .commonmark), cmarkDirect(sample, format: .commonmark),
        sample)
    }
  }

  func testCustomBlocksCarryRawOutput() {
    let tree = MarkdownNode(
      .document,
      children: [
        MarkdownNode(.paragraph, children: [MarkdownNode(.text("a < b"))]),
        MarkdownNode(.customBlock(raw: "<aside>raw</aside>")),
      ])
    XCTAssertEqual(
      MarkdownRenderer.render(tree, as: .html), "<p>a &lt; b</p>\n<aside>raw</aside>\n")
  }

  /// cmark's own parse-and-render, with no Swift tree in between.
  private func cmarkDirect(_ text: String, format: MarkdownFormat = .html) -> String {
    let options = CMARK_OPT_UNSAFE
    guard let document = cmark_parse_document(text, text.utf8.count, CMARK_OPT_DEFAULT) else {
      return ""
    }
    defer { cmark_node_free(document) }
    let rendered: UnsafeMutablePointer<CChar>?
    switch format {
    case .html: rendered = cmark_render_html(document, options)
    case .latex: rendered = cmark_render_latex(document, options, 0)
    case .man: rendered = cmark_render_man(document, options, 0)
    case .commonmark: rendered = cmark_render_commonmark(document, options, 0)
    }
    guard let rendered else { return "" }
    defer { free(rendered) }
    return String(cString: rendered)
  }
}

extension MarkdownNode.Kind {
  /// The case name alone, for compact assertions.
  var label: String { String(describing: self).split(separator: "(").first.map(String.init) ?? "" }
}
