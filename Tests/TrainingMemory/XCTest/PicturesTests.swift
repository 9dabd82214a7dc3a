import Harness
import TrainingMemory
import XCTest

/// The pictures are standalone SVG and compact terminal text, drawn from computed data.
final class PicturesTests: XCTestCase {
  func testIdsAreTheLessonsThree() {
    XCTAssertEqual(
      TrainingMemoryPictures.all.map(\.id), ["training-timeline", "adam-dataflow", "zero-stages"])
  }

  func testSVGIsStandalone() {
    for picture in TrainingMemoryPictures.all {
      let svg = picture.svg()
      XCTAssertTrue(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""), picture.id)
      XCTAssertTrue(svg.hasSuffix("</svg>\n"), picture.id)
      for external in ["href", "<image", "url(", "@import", "<script"] {
        XCTAssertFalse(svg.contains(external), "\(picture.id) refers to \(external)")
      }
      XCTAssertFalse(picture.caption.isEmpty)
    }
  }

  func testTerminalIsCompactAndColouredOnlyOnRequest() {
    for picture in TrainingMemoryPictures.all {
      let plain = picture.terminal(false)
      let coloured = picture.terminal(true)
      XCTAssertFalse(plain.contains("\u{1B}"), "\(picture.id) uses ANSI without colour")
      XCTAssertTrue(coloured.contains("\u{1B}["), "\(picture.id) has no colour")
      let lines = plain.split(separator: "\n")
      XCTAssertLessThanOrEqual(lines.count, 16, picture.id)
      for line in lines {
        XCTAssertLessThanOrEqual(line.count, 100, "\(picture.id): \(line)")
      }
    }
  }

  func testPicturesShowTheComputedFigures() {
    let timeline = TrainingMemoryPictures.all[0]
    XCTAssertTrue(timeline.terminal(false).contains("289 MB  ◀ peak"))
    XCTAssertTrue(timeline.svg().contains("peak 289 MB at bwd 2"))
    let adam = TrainingMemoryPictures.all[1]
    XCTAssertTrue(adam.terminal(false).contains("kept per parameter: 16 B"))
    let zero = TrainingMemoryPictures.all[2]
    for total in ["120 GB", "31.41 GB", "16.64 GB", "1.88 GB"] {
      XCTAssertTrue(zero.svg().contains(total), total)
      XCTAssertTrue(zero.terminal(false).contains(total), total)
    }
  }
}
