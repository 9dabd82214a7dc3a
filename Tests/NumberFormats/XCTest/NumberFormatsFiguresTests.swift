import NumberFormats
import XCTest

/// The lesson's figures against values typed in from the literature (IEEE 754, the OCP 8-bit
/// specification, PyTorch's conversions, the workbook's errata), never from the code under test.
final class NumberFormatsFiguresTests: XCTestCase {
  private func text(_ id: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
    let figure = NumberFormatsFigures.figure(id)
    XCTAssertNotNil(figure, "no figure \(id)", file: file, line: line)
    return figure?.text
  }

  func testIdsAreUniqueAndTextsComputed() {
    let ids = NumberFormatsFigures.all.map(\.id)
    XCTAssertEqual(ids.count, Set(ids).count, "duplicate figure ids")
    for figure in NumberFormatsFigures.all {
      XCTAssertFalse(figure.text.isEmpty, figure.id)
      XCTAssertFalse(figure.text.contains("?"), figure.id)
    }
  }

  func testLargestFiniteValues() {
    XCTAssertEqual(text("fp16-max-finite"), "65504")
    XCTAssertEqual(text("e4m3-max-finite"), "448")
    XCTAssertEqual(text("e5m2-max-finite"), "57344")
    XCTAssertEqual(text("fp32-max-finite"), "\u{2248} 3.4028 × 10³⁸")
    XCTAssertEqual(text("bf16-max-finite"), "\u{2248} 3.3895 × 10³⁸")
    XCTAssertEqual(text("tf32-max-finite"), "\u{2248} 3.4012 × 10³⁸")
  }

  func testSmallestValuesAndEpsilon() {
    let expected: [(String, String, String, String)] = [
      ("fp32", "2⁻¹⁴⁹", "2⁻¹²⁶", "2⁻²³"), ("fp16", "2⁻²⁴", "2⁻¹⁴", "2⁻¹⁰"),
      ("bf16", "2⁻¹³³", "2⁻¹²⁶", "2⁻⁷"), ("tf32", "2⁻¹³⁶", "2⁻¹²⁶", "2⁻¹⁰"),
      ("e5m2", "2⁻¹⁶", "2⁻¹⁴", "2⁻²"), ("e4m3", "2⁻⁹", "2⁻⁶", "2⁻³"),
    ]
    for (name, subnormal, normal, epsilon) in expected {
      XCTAssertEqual(text("\(name)-min-subnormal"), subnormal, name)
      XCTAssertEqual(text("\(name)-min-normal"), normal, name)
      XCTAssertEqual(text("\(name)-eps"), epsilon, name)
    }
    XCTAssertEqual(text("fp32-bias"), "127")
    XCTAssertEqual(text("fp16-bias"), "15")
    XCTAssertEqual(text("e4m3-bias"), "7")
    XCTAssertEqual(text("fp32-min-subnormal-decimal"), "\u{2248} 1.4 × 10⁻⁴⁵")
    XCTAssertEqual(text("fp32-min-normal-decimal"), "\u{2248} 1.18 × 10⁻³⁸")
  }

  func testConversionsFromTheErrata() {
    XCTAssertEqual(text("card-small-bf16"), "0.0123291015625")
    XCTAssertEqual(text("card-small-fp16"), "0.0123443603515625")
    XCTAssertEqual(text("card-big-fp16"), "1235")
    XCTAssertEqual(text("card-big-bf16"), "1232")
    XCTAssertEqual(text("card-big-e4m3"), "NaN")
  }

  func testIntegersAndEdges() {
    XCTAssertEqual(text("uint-example"), "49")
    XCTAssertEqual(text("uint-example-sum"), "32 + 16 + 1")
    XCTAssertEqual(text("twos-example"), "\u{2212}79")
    XCTAssertEqual(text("int8-twos-range"), "\u{2212}128 to 127")
    XCTAssertEqual(text("fp16-overflow-threshold"), "65520")
    XCTAssertEqual(text("e4m3-nan-threshold"), "464")
    XCTAssertEqual(text("e4m3-would-be"), "480")
    XCTAssertEqual(text("e4m3-ieee-max"), "240")
    XCTAssertEqual(text("bf16-257"), "256")
    XCTAssertEqual(text("fp32-nan-count"), "16777214")
    XCTAssertEqual(text("pi-fp32-bits"), "0x40490fdb")
    XCTAssertEqual(text("pi-bf16-bits"), "0x4049")
    XCTAssertEqual(text("weights-7b-fp32"), "28 GB")
    XCTAssertEqual(text("weights-7b-e4m3"), "7 GB")
  }
}
