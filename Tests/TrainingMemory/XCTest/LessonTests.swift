import Foundation
import TrainingMemory
import XCTest

/// Checks Lessons/TrainingMemory.md against the kit: every figure link's text is the computed
/// figure, and every picture, exercise, question figure and section reference resolves.
final class LessonTests: XCTestCase {
  /// The repository root, three folders above this file.
  private static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  private func lesson() throws -> String {
    try String(
      contentsOf: Self.root.appendingPathComponent("Lessons/TrainingMemory.md"), encoding: .utf8)
  }

  /// Every `[text](fig:id)` in the lesson, with its line number.
  private func figureLinks(_ text: String) -> [(line: Int, text: String, id: String)] {
    var links: [(Int, String, String)] = []
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    {
      var rest = Substring(line)
      while let open = rest.firstIndex(of: "[") {
        guard let close = rest[open...].firstIndex(of: "]"),
          rest[close...].hasPrefix("](fig:"),
          let end = rest[close...].firstIndex(of: ")")
        else {
          rest = rest[rest.index(after: open)...]
          continue
        }
        let label = String(rest[rest.index(after: open)..<close])
        let id = String(rest[rest.index(close, offsetBy: 6)..<end])
        links.append((index + 1, label, id))
        rest = rest[rest.index(after: end)...]
      }
    }
    return links
  }

  func testFigureLinksMatchComputedFigures() throws {
    let links = figureLinks(try lesson())
    XCTAssertGreaterThan(links.count, 40)
    for link in links {
      guard let figure = TrainingMemoryFigures.figure(link.id) else {
        XCTFail("Lessons/TrainingMemory.md:\(link.line): unknown figure \(link.id)")
        continue
      }
      XCTAssertEqual(
        link.text, figure.text,
        "Lessons/TrainingMemory.md:\(link.line): [\(link.text)](fig:\(link.id)) but the kit computes \(figure.text)"
      )
    }
  }

  func testEveryFigureIsUsedAndIdsAreUnique() throws {
    let used = Set(figureLinks(try lesson()).map(\.id))
    let ids = TrainingMemoryFigures.all.map(\.id)
    XCTAssertEqual(Set(ids).count, ids.count, "duplicate figure ids")
    for id in ids where !used.contains(id) {
      XCTFail("figure \(id) is computed but never shown in the lesson")
    }
  }

  func testBlocksResolve() throws {
    let text = try lesson()
    let pictures = Set(TrainingMemoryPictures.all.map(\.id))
    var pictureCount = 0
    var exercises: [String] = []
    var numericQuestions = 0
    for line in text.split(separator: "\n") where line.hasPrefix("```") {
      let words = line.dropFirst(3).split(separator: " ").map(String.init)
      switch words.first {
      case "picture":
        pictureCount += 1
        XCTAssertTrue(pictures.contains(words.count > 1 ? words[1] : ""), "unknown \(line)")
      case "exercise":
        let name = words.count > 1 ? words[1] : ""
        exercises.append(name)
        // A student edition has no Solutions/ folder; where there is one, it must match.
        let editions = ["Exercises", "Solutions"].filter {
          FileManager.default.fileExists(atPath: Self.root.appendingPathComponent($0).path)
        }
        XCTAssertTrue(editions.contains("Exercises"))
        for edition in editions {
          let path = Self.root.appendingPathComponent("\(edition)/TrainingMemory/\(name).swift")
          XCTAssertTrue(FileManager.default.fileExists(atPath: path.path), "no \(path.path)")
        }
      case "question":
        for word in words.dropFirst() where word.hasPrefix("figure=") {
          numericQuestions += 1
          let id = String(word.dropFirst("figure=".count))
          XCTAssertNotNil(TrainingMemoryFigures.figure(id), "question names unknown figure \(id)")
        }
      default:
        break
      }
    }
    XCTAssertEqual(pictureCount, pictures.count, "every picture is shown once")
    XCTAssertEqual(exercises, ["TrainingPeak", "AdamStep", "MemoryBreakdown"])
    XCTAssertGreaterThanOrEqual(numericQuestions, 2)
  }

  func testSectionsNamedByStubsAndGradersExist() throws {
    let headings = Set(
      try lesson().split(separator: "\n").filter { $0.hasPrefix("## ") }.map {
        String($0.dropFirst(3))
      })
    for section in [
      "Lifetimes in a training step", "Adam and its two moments", "Bytes per parameter",
    ] {
      XCTAssertTrue(headings.contains(section), "no section \u{201C}\(section)\u{201D}")
    }
    let stubs = try FileManager.default.contentsOfDirectory(
      at: Self.root.appendingPathComponent("Exercises/TrainingMemory"),
      includingPropertiesForKeys: nil)
    for stub in stubs {
      let source = try String(contentsOf: stub, encoding: .utf8)
      for line in source.split(separator: "\n") where line.contains("section: \"") {
        let section = line.split(separator: "\"").dropFirst(3).first.map(String.init) ?? ""
        XCTAssertTrue(headings.contains(section), "\(stub.lastPathComponent) names \(section)")
      }
    }
  }

  func testErrataTablesAndMath() throws {
    let text = try lesson()
    let blocks = text.components(separatedBy: "```")
    var errata = 0
    for (index, block) in blocks.enumerated() where index % 2 == 1 {
      if block.hasPrefix("errata\n") {
        errata += 1
        for key in ["notes: ", "correct: ", "why: "] {
          XCTAssertTrue(block.contains("\n" + key), "errata block without \(key)")
        }
      }
      if block.hasPrefix("table\n") {
        let rows = block.split(separator: "\n").dropFirst()
        let widths = Set(
          rows.map { $0.split(separator: "|", omittingEmptySubsequences: false).count })
        XCTAssertEqual(widths.count, 1, "ragged table: \(rows.first ?? "")")
      }
    }
    XCTAssertEqual(errata, 3, "the seed errors 7.1, 7.4 and 7.6")
    for latex in ["$$", "\\frac", "\\times", "\\text"] {
      XCTAssertFalse(text.contains(latex), "LaTeX \(latex) in the lesson")
    }
  }
}
