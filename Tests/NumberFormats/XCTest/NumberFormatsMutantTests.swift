#if canImport(NumberFormatsSolutions)
  import Harness
  import HarnessXCTest
  import NumberFormats
  import NumberFormatsGraders
  import NumberFormatsSolutions
  import XCTest

  /// The maintainers' proof that the graders catch the classic mistakes: each mutant is a
  /// solution with one bug, and its exercise must fail (`WORKBOOK_MAINTAINER=1`).
  final class NumberFormatsMutantTests: XCTestCase {

    private func assertCaught(
      _ exercise: String, _ exercises: [Exercise], file: StaticString = #filePath,
      line: UInt = #line
    ) {
      guard let graded = exercises.first(where: { $0.name == exercise }) else {
        return XCTFail("no exercise \(exercise)", file: file, line: line)
      }
      let results = graded.run()
      XCTAssertTrue(
        results.contains { !$0.passed }, "\(exercise): the mutant passes every check", file: file,
        line: line)
    }

    private func exercises(
      decoder: some FloatDecoding & Sendable = FloatDecoder(),
      encoder: some FloatEncoding & Sendable = FloatEncoder(),
      e4m3: some E4M3Rules & Sendable = E4M3Codec()
    ) -> [Exercise] {
      NumberFormatsGraders.exercises(
        integers: IntegerDecoder(), decoder: decoder, encoder: encoder, e4m3: e4m3)
    }

    func testSubnormalsWithExponentMinusBias() {
      assertCaught("FloatDecoding", exercises(decoder: SubnormalMinusBias()))
    }

    func testTiesAwayFromZero() {
      assertCaught("FloatEncoding", exercises(encoder: TiesAway()))
    }

    func testOverflowSaturates() {
      assertCaught("FloatEncoding", exercises(encoder: Saturating()))
    }

    func testE4M3WithIEEESpecials() {
      assertCaught("E4M3Rules", exercises(e4m3: IEEEStyleE4M3()))
    }

    func testE4M3Saturates() {
      assertCaught("E4M3Rules", exercises(e4m3: SaturatingE4M3()))
    }
  }

  /// Gives subnormals the power −bias instead of 1 − bias: every subnormal comes out halved.
  private struct SubnormalMinusBias: FloatDecoding {
    func decode(_ bits: UInt32, as format: FloatFormat) throws -> DecodedFloat {
      var decoded = try FloatDecoder().decode(bits, as: format)
      if decoded.floatClass == .subnormal { decoded.value /= 2 }
      return decoded
    }
  }

  /// Rounds exact ties away from zero instead of to even.
  private struct TiesAway: FloatEncoding {
    func encode(_ value: Double, as format: FloatFormat) throws -> EncodedFloat {
      let nearest = try FloatEncoder().encode(value, as: format)
      guard nearest.value.isFinite, value.isFinite, nearest.value.magnitude < value.magnitude
      else { return nearest }
      let up = try FloatDecoder().decode(nearest.bits + 1, as: format).value
      guard (up.magnitude - value.magnitude) == (value.magnitude - nearest.value.magnitude) else {
        return nearest
      }
      return EncodedFloat(
        bits: nearest.bits + 1, value: up, roundingError: up - value,
        overflowed: up.isInfinite)
    }
  }

  /// Clamps overflow to the largest finite value instead of infinity.
  private struct Saturating: FloatEncoding {
    func encode(_ value: Double, as format: FloatFormat) throws -> EncodedFloat {
      let encoded = try FloatEncoder().encode(value, as: format)
      guard encoded.overflowed else { return encoded }
      let bits = (encoded.bits & (1 << (format.totalBits - 1))) | format.maxFinitePattern
      let largest = try FloatDecoder().decode(bits, as: format).value
      return EncodedFloat(
        bits: bits, value: largest, roundingError: largest - value, overflowed: true)
    }
  }

  /// Reads E4M3 with IEEE rules: 0x78 becomes infinity, 0x79 to 0x7E NaN.
  private struct IEEEStyleE4M3: E4M3Rules {
    func decode(_ bits: UInt8) throws -> DecodedFloat {
      let ieee = try FloatFormat(name: "e4m3-ieee", exponentBits: 4, fractionBits: 3, bias: 7)
      return try FloatDecoder().decode(UInt32(bits), as: ieee)
    }

    func encode(_ value: Double) throws -> EncodedFloat { try E4M3Codec().encode(value) }
  }

  /// Clamps E4M3 overflow to ±448 instead of NaN.
  private struct SaturatingE4M3: E4M3Rules {
    func decode(_ bits: UInt8) throws -> DecodedFloat { try E4M3Codec().decode(bits) }

    func encode(_ value: Double) throws -> EncodedFloat {
      let encoded = try E4M3Codec().encode(value)
      guard encoded.overflowed else { return encoded }
      let largest: Double = value < 0 ? -448 : 448
      return EncodedFloat(
        bits: (encoded.bits & 0x80) | 0x7E, value: largest, roundingError: largest - value,
        overflowed: true)
    }
  }
#endif
