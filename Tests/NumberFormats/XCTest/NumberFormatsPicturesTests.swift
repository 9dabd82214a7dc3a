import HarnessXCTest
import NumberFormats
import XCTest

/// The pictures: present for every format, standalone SVG, plain terminal text unless colour is
/// asked for.
final class NumberFormatsPicturesTests: XCTestCase {
  func testEveryFormatHasABitLayout() {
    let ids = Set(NumberFormatsPictures.all.map(\.id))
    for id in ["bits-fp32", "bits-fp16", "bits-bf16", "bits-tf32", "bits-e4m3", "bits-e5m2"] {
      XCTAssertTrue(ids.contains(id), id)
    }
    XCTAssertTrue(ids.contains("format-ranges"))
  }

  func testSVGIsStandalone() {
    assertPicturesStandalone(NumberFormatsPictures.all, svgEnding: "</svg>\n", widest: 100)
    for picture in NumberFormatsPictures.all {
      let svg = picture.svg()
      XCTAssertEqual(svg.components(separatedBy: "http").count, 2, "only the namespace")
      XCTAssertEqual(
        svg.components(separatedBy: "<text").count, svg.components(separatedBy: "</text>").count)
      XCTAssertFalse(picture.caption.isEmpty)
    }
  }

  func testBitLayoutShowsThePattern() {
    // π in fp16 is 0x4248 = 0 10000 1001001000 (IEEE 754 binary16).
    let layout = NumberFormatsPictures.picture("bits-fp16")?.terminal(false) ?? ""
    XCTAssertTrue(layout.contains("0 10000 1001001000"), layout)
    XCTAssertTrue(layout.contains("0x4248"), layout)
  }
}
