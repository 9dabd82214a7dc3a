import Harness
import HarnessXCTest
import TrainingMemory
import XCTest

/// The pictures are standalone SVG and compact terminal text, drawn from computed data.
final class PicturesTests: XCTestCase {
  func testIdsAreTheLessonsThree() {
    XCTAssertEqual(
      TrainingMemoryPictures.all.map(\.id), ["training-timeline", "adam-dataflow", "zero-stages"])
  }

  func testSVGIsStandalone() {
    assertPicturesStandalone(TrainingMemoryPictures.all, svgEnding: "</svg>\n", widest: 100)
    for picture in TrainingMemoryPictures.all {
      let svg = picture.svg()
      for external in ["<image", "url(", "@import", "<script"] {
        XCTAssertFalse(svg.contains(external), "\(picture.id) refers to \(external)")
      }
      XCTAssertFalse(picture.caption.isEmpty)
    }
  }

  func testTerminalIsCompactAndColouredOnlyOnRequest() {
    for picture in TrainingMemoryPictures.all {
      XCTAssertLessThanOrEqual(picture.terminal(false).split(separator: "\n").count, 16, picture.id)
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
