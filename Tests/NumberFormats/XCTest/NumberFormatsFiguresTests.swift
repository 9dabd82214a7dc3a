import HarnessXCTest
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
    assertFiguresComputed(NumberFormatsFigures.all, noQuestionMarks: true)
  }

  func testLargestFiniteValues() {
    assertFigureTexts(
      NumberFormatsFigures.all,
      [
        "fp16-max-finite": "65504", "e4m3-max-finite": "448", "e5m2-max-finite": "57344",
        "fp32-max-finite": "\u{2248} 3.4028 × 10³⁸", "bf16-max-finite": "\u{2248} 3.3895 × 10³⁸",
        "tf32-max-finite": "\u{2248} 3.4012 × 10³⁸",
      ])
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
    assertFigureTexts(
      NumberFormatsFigures.all,
      [
        "fp32-bias": "127", "fp16-bias": "15", "e4m3-bias": "7",
        "fp32-min-subnormal-decimal": "\u{2248} 1.4 × 10⁻⁴⁵",
        "fp32-min-normal-decimal": "\u{2248} 1.18 × 10⁻³⁸",
      ])
  }

  func testConversionsFromTheErrata() {
    assertFigureTexts(
      NumberFormatsFigures.all,
      [
        "card-small-bf16": "0.0123291015625", "card-small-fp16": "0.0123443603515625",
        "card-big-fp16": "1235", "card-big-bf16": "1232", "card-big-e4m3": "NaN",
      ])
  }

  func testIntegersAndEdges() {
    assertFigureTexts(
      NumberFormatsFigures.all,
      [
        "uint-example": "49", "uint-example-sum": "32 + 16 + 1", "twos-example": "\u{2212}79",
        "int8-twos-range": "\u{2212}128 to 127", "fp16-overflow-threshold": "65520",
        "e4m3-nan-threshold": "464", "e4m3-would-be": "480", "e4m3-ieee-max": "240",
        "bf16-257": "256", "fp32-nan-count": "16777214", "pi-fp32-bits": "0x40490fdb",
        "pi-bf16-bits": "0x4049", "weights-7b-fp32": "28 GB", "weights-7b-e4m3": "7 GB",
      ])
  }
}
