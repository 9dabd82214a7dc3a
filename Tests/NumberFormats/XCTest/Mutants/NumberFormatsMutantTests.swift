#if canImport(NumberFormatsSolutions)
  import HarnessXCTest
  import NumberFormatsGraders
  import NumberFormatsSolutions
  import XCTest

  /// Solutions/, which must pass every check: each mutant is one of them with one mistake.
  let solutions: NumberFormatsEdition = (
    integers: IntegerDecoder(), decoder: FloatDecoder(), encoder: FloatEncoder(), e4m3: E4M3Codec()
  )

  /// The maintainers' proof that the graders catch the mistakes students make: each mutant (in
  /// the files beside this one) is a reference solution with one named mistake, and its grader
  /// must fail it with a message that names the symptom. CONTRIBUTING.md lists the names.
  final class NumberFormatsMutantTests: XCTestCase {
    func testIntegerDecodingMutants() {
      assertMutantsCaught(
        "IntegerDecoding", of: NumberFormatsGraders.self, in: solutions, replacing: \.integers,
        by: [
          ("unsigned sums every power of two", "unsigned(0b00110001, width: 8)", AllPowersSummed()),
          ("sign-magnitude read as two's complement", "signMagnitude(", SignMagnitudeAsTwos()),
          ("sign bit counted in the magnitude", "signMagnitude(", SignBitInMagnitude()),
          ("one's complement for negatives", "twosComplement(", OnesComplement()),
          ("width ignored: the pattern read as 64 bits", "twosComplement(", WidthIgnored()),
          ("2^width computed with a wrapping shift", "width: 64", WrappingShift()),
        ], listed: true)
    }

    func testFloatDecodingMutants() {
      assertMutantsCaught(
        "FloatDecoding", of: NumberFormatsGraders.self, in: solutions, replacing: \.decoder,
        by: [
          ("subnormals with the power −bias", "value of a subnormal", SubnormalMinusBias()),
          ("subnormals keep the hidden 1", "value of a subnormal", SubnormalHiddenOne()),
          ("NaN and infinity swapped", "floatClass: expected infinity", NaNInfinitySwapped()),
          ("the bias always 2^(k−1) − 1", "unbiasedExponent", DefaultBiasOnly()),
          ("negative zero read as +0", "expected -0.0", UnsignedZero()),
          ("all-ones exponent read as a number", "floatClass", NoSpecials()),
        ], listed: true)
    }

    func testFloatEncodingMutants() {
      assertMutantsCaught(
        "FloatEncoding", of: NumberFormatsGraders.self, in: solutions, replacing: \.encoder,
        by: [
          ("ties away from zero", "expected bits", TiesAway()),
          ("overflow saturates at the largest finite value", "expected bits 0x7c00", Saturating()),
          ("truncation instead of rounding", "expected bits", Truncating()),
          ("subnormals flushed to zero", "expected bits", FlushToZero()),
          ("overflow as soon as |x| > max finite", "encode(65519.99, as: .fp16)", EarlyOverflow()),
          ("NaN encoded as infinity", "encode(nan", NaNAsInfinity()),
          ("rounding error as input − value", "roundingError", ErrorSignFlipped()),
          (
            "fp16 rounded through fp32 first (double rounding)", "exact ties round to even",
            ThroughFloat()
          ),
        ], listed: true)
    }

    func testE4M3RulesMutants() {
      assertMutantsCaught(
        "E4M3Rules", of: NumberFormatsGraders.self, in: solutions, replacing: \.e4m3,
        by: [
          ("IEEE specials: 0x78 is infinity", "decode(0x78)", IEEEStyleE4M3()),
          ("overflow saturates at ±448", "encode(464.00001)", SaturatingE4M3()),
          ("NaN as soon as |x| > 448", "encode(449.0)", NaNAbove448()),
          ("only 0x7F is NaN, 0xFF is −480", "decode(0xff)", PositiveNaNOnly()),
          ("subnormals with exponent −7", "value of a subnormal", SubnormalExponentMinusSeven()),
          ("ties away from zero", "expected bits", TiesAwayE4M3()),
        ], listed: true)
    }
  }
#endif
