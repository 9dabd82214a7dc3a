import Drawing
import XCTest

final class FigureTextTests: XCTestCase {
  func testIntegers() {
    XCTAssertEqual(FigureText.integer(-79), "\u{2212}79")
    XCTAssertEqual(FigureText.grouped(4_194_304), "4,194,304")
    XCTAssertEqual(FigureText.grouped(UInt64.max), "18,446,744,073,709,551,615")
    XCTAssertEqual(FigureText.grouped(-1234), "\u{2212}1,234")
    XCTAssertEqual(FigureText.codes([42, -127, 5]), "42, \u{2212}127, 5")
  }

  func testPowers() {
    XCTAssertEqual(FigureText.superscript(-149), "⁻¹⁴⁹")
    XCTAssertEqual(FigureText.power(2, -24), "2⁻²⁴")
    XCTAssertEqual(FigureText.powerOfTwo(0x1p-149), "2⁻¹⁴⁹")
    XCTAssertNil(FigureText.powerOfTwo(3))
  }

  func testDecimalsAndPercentages() {
    XCTAssertEqual(FigureText.number(-0.5, decimals: 3), "\u{2212}0.5")
    XCTAssertEqual(FigureText.percent(0.159), "15.9 %")
    XCTAssertEqual(FigureText.percent(0.0006, decimals: 2), "0.06 %")
    XCTAssertEqual(FigureText.percent(0.001342, significantDigits: 2), "0.13 %")
    XCTAssertEqual(FigureText.percent(0.000088, significantDigits: 2), "0.0088 %")
    XCTAssertEqual(FigureText.percent(0.42, significantDigits: 2), "42 %")
    XCTAssertEqual(FigureText.ratio(16.5), "16.5\u{00D7}")
  }

  func testScientific() {
    XCTAssertEqual(FigureText.scientific(5.96e-8), "5.96 × 10⁻⁸")
    XCTAssertEqual(FigureText.scientific(9.996, digits: 3), "1 × 10¹")
    XCTAssertEqual(FigureText.approximately(0x1.fffffep127, digits: 5), "≈ 3.4028 × 10³⁸")
    XCTAssertEqual(FigureText.magnitude(65504), "65504")
  }

  func testCounts() {
    XCTAssertEqual(FigureText.count(174_588_899_328), "174.59B")
    XCTAssertEqual(FigureText.count(125_104_896), "125.1M")
    XCTAssertEqual(FigureText.count(1_315_080_192), "1.315B")
    XCTAssertEqual(FigureText.count(999), "999")
    XCTAssertEqual(FigureText.bytes(805_306_368), "805.31 MB")
  }

  func testExactDecimal() {
    XCTAssertEqual(ExactDecimal(0.0123291015625)?.description, "0.0123291015625")
    XCTAssertEqual(ExactDecimal(65504)?.description, "65504")
    XCTAssertEqual(ExactDecimal(-6.28125)?.description, "\u{2212}6.28125")
    XCTAssertEqual(ExactDecimal(0)?.description, "0")
    XCTAssertEqual(ExactDecimal(0x1p-3)?.description, "0.125")
    XCTAssertNil(ExactDecimal(.nan))
    XCTAssertEqual(
      ExactDecimal(0x1.fffffep127)?.scientific(significantDigits: 5).mantissa, "3.4028")
    XCTAssertEqual(ExactDecimal(0x1.fffffep127)?.scientific(significantDigits: 5).exponent, 38)
    XCTAssertEqual(ExactDecimal(9.996)?.scientific(significantDigits: 3).mantissa, "1.00")
    XCTAssertEqual(ExactDecimal(9.996)?.scientific(significantDigits: 3).exponent, 1)
  }
}
