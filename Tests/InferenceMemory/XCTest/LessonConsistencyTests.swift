import Foundation
import Harness
import HarnessXCTest
import InferenceMemory
import XCTest

/// Checks Lessons/InferenceMemory.md against the code: every `fig:` link's text equals the
/// computed figure, every picture and exercise exists, and every block is well formed.
final class LessonConsistencyTests: XCTestCase {
  override func setUpWithError() throws {
    try XCTSkipUnless(isMaintainerRun, "lesson checks run in the maintainers' run")
  }

  private var lesson: String {
    get throws {
      let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      return try String(
        contentsOf: root.appendingPathComponent("Lessons/InferenceMemory.md"), encoding: .utf8)
    }
  }

  func testEveryFigureLinkMatchesItsComputedText() throws {
    let figures = Dictionary(
      uniqueKeysWithValues: InferenceMemoryFigures.all.map { ($0.id, $0.text) })
    let links = try NSRegularExpression(pattern: #"\[([^\[\]]+)\]\(fig:([^)\s]+)\)"#)
    let text = try lesson
    let matches = links.matches(in: text, range: NSRange(text.startIndex..., in: text))
    XCTAssertGreaterThan(matches.count, 40)
    for match in matches {
      guard let shown = Range(match.range(at: 1), in: text),
        let id = Range(match.range(at: 2), in: text)
      else { continue }
      XCTAssertEqual(String(text[shown]), figures[String(text[id])], "fig:\(text[id])")
    }
    for case let id? in try blockInfos("question").map({
      $0.split(separator: "=").dropFirst().first
    }) {
      let name = id.split(separator: " ").first.map(String.init) ?? ""
      XCTAssertNotNil(figures[name], "question names unknown figure \(name)")
    }
  }

  func testPicturesExercisesAndBlocksAreWellFormed() throws {
    let pictures = Set(InferenceMemoryPictures.all.map(\.id))
    for info in try blockInfos("picture") {
      XCTAssertTrue(pictures.contains(String(info.dropFirst("picture ".count))), info)
    }
    let sections = [
      "TensorSizing": "Sizing tensors and models",
      "PingPongForward": "Two buffers for a whole network",
      "LifetimePlanner": "Skip connections and buffer planning",
    ]
    var section = ""
    var seen: [String] = []
    var fence: String?
    var block: [String] = []
    for line in try lesson.split(separator: "\n", omittingEmptySubsequences: false) {
      if let open = fence {
        if line == "```" {
          try check(open, block)
          fence = nil
          block = []
        } else {
          block.append(String(line))
        }
        continue
      }
      if line.hasPrefix("## ") { section = String(line.dropFirst(3)) }
      if line.hasPrefix("```") {
        fence = String(line.dropFirst(3))
        if fence?.hasPrefix("exercise ") == true {
          let name = String(line.dropFirst("```exercise ".count))
          XCTAssertEqual(sections[name], section, "exercise \(name) is in the wrong section")
          seen.append(name)
        }
      }
      XCTAssertFalse(line.contains("$$") || line.contains("\\frac"), "LaTeX in: \(line)")
    }
    XCTAssertNil(fence, "unclosed fence")
    XCTAssertEqual(Set(seen), Set(sections.keys))
    XCTAssertEqual(seen.count, sections.count)
  }

  /// The info strings of the fenced blocks of a kind.
  private func blockInfos(_ kind: String) throws -> [String] {
    try lesson.split(separator: "\n").filter { $0.hasPrefix("```" + kind) }.map {
      String($0.dropFirst(3))
    }
  }

  /// Block-specific rules from Lessons/README.md.
  private func check(_ info: String, _ lines: [String]) throws {
    let kind = info.split(separator: " ").first.map(String.init) ?? ""
    switch kind {
    case "question":
      XCTAssertTrue(lines.contains("---"), "question without an answer: \(lines.first ?? "")")
    case "errata":
      for key in ["notes:", "correct:", "why:"] {
        XCTAssertEqual(lines.filter { $0.hasPrefix(key) }.count, 1, "errata key \(key)")
      }
    case "exercise":
      XCTAssertTrue(lines.contains { $0.hasPrefix("summary: ") }, info)
      let hints = lines.filter { $0.hasPrefix("hint: ") }.count
      XCTAssertTrue((2...4).contains(hints), "\(info) has \(hints) hints")
    case "table":
      let rows = lines.filter { !$0.isEmpty }
      let cells = rows.map { $0.split(separator: "|", omittingEmptySubsequences: false).count }
      XCTAssertEqual(Set(cells).count, 1, "ragged table starting \(rows.first ?? "")")
    default:
      break
    }
  }
}
