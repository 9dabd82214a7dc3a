import Harness
import NumberFormats

// Oracles the float graders share. Each is the hardware's own conversion or a naive
// construction from the format's definition; none shares code with a solution or the kit.

/// What a pattern should decode to, according to an oracle.
struct ExpectedFloat {
  var sign: Int
  var field: Int
  var fraction: UInt32
  var floatClass: FloatClass
  var unbiasedExponent: Int
  var value: Double
}

/// The three fields of `bits`, cut out with shifts and masks.
func fields(_ bits: UInt32, exponentBits: Int, fractionBits: Int) -> (
  sign: Int, field: Int, fraction: UInt32
) {
  let fraction = bits & ((1 << fractionBits) - 1)
  let field = Int(bits >> fractionBits) & ((1 << exponentBits) - 1)
  let sign = Int(bits >> (fractionBits + exponentBits)) & 1
  return (sign, field, fraction)
}

/// The hardware's reading of a pattern of one of the preset IEEE formats, widened to `Double`,
/// and whether the hardware calls it subnormal. tf32 and bf16 are fp32 with the low fraction
/// bits cut off, e5m2 is fp16 with the low 8 bits cut off, so each has a hardware twin.
func hardwareValue(_ bits: UInt32, _ format: FloatFormat) -> (value: Double, subnormal: Bool)? {
  switch (format.exponentBits, format.fractionBits, format.bias, format.specials) {
  case (8, 23, 127, .ieee):
    let float = Float(bitPattern: bits)
    return (Double(float), float.isSubnormal)
  case (8, 7, 127, .ieee), (8, 10, 127, .ieee):
    let float = Float(bitPattern: bits << (23 - format.fractionBits))
    return (Double(float), float.isSubnormal)
  case (5, 10, 15, .ieee), (5, 2, 15, .ieee):
    let half = Float16(bitPattern: UInt16(truncatingIfNeeded: bits << (10 - format.fractionBits)))
    return (Double(half), half.isSubnormal)
  default:
    return nil
  }
}

/// The definition, spelled out bit by bit: add the weight of every set fraction bit to the
/// hidden 1 (absent when the exponent field is 0), then scale by the power of two.
func definitionValue(_ bits: UInt32, _ format: FloatFormat) -> Double {
  let (sign, field, fraction) = fields(
    bits, exponentBits: format.exponentBits, fractionBits: format.fractionBits)
  let allOnes = (1 << format.exponentBits) - 1
  let isSpecial =
    format.specials == .ieee
    ? field == allOnes : field == allOnes && fraction == (1 << format.fractionBits) - 1
  if isSpecial {
    if format.specials == .ieee && fraction == 0 { return sign == 1 ? -.infinity : .infinity }
    return .nan
  }
  var significand = field == 0 ? 0.0 : 1.0
  var weight = 1.0
  for bit in stride(from: format.fractionBits - 1, through: 0, by: -1) {
    weight /= 2
    if fraction >> bit & 1 == 1 { significand += weight }
  }
  var scale = 1.0
  let exponent = field == 0 ? 1 - format.bias : field - format.bias
  for _ in 0..<abs(exponent) { scale = exponent > 0 ? scale * 2 : scale / 2 }
  return (sign == 1 ? -1 : 1) * significand * scale
}

/// The expected decoding of `bits`: fields by shifting, value and class from the hardware when
/// the format has a hardware twin, else from the definition.
func expectedDecoding(_ bits: UInt32, _ format: FloatFormat) -> ExpectedFloat {
  let (sign, field, fraction) = fields(
    bits, exponentBits: format.exponentBits, fractionBits: format.fractionBits)
  let value: Double
  let subnormal: Bool
  if let hardware = hardwareValue(bits, format) {
    (value, subnormal) = hardware
  } else {
    value = definitionValue(bits, format)
    subnormal = field == 0 && fraction != 0
  }
  let floatClass: FloatClass =
    value.isNaN
    ? .nan : value.isInfinite ? .infinity : value == 0 ? .zero : subnormal ? .subnormal : .normal
  let unbiased = field == 0 ? 1 - format.bias : field - format.bias
  return ExpectedFloat(
    sign: sign, field: field, fraction: fraction, floatClass: floatClass,
    unbiasedExponent: unbiased, value: value)
}

/// Fails unless two doubles are the same value with the same sign (so −0 ≠ +0), or both NaN.
func requireSameValue(_ actual: Double, _ expected: Double, _ what: @autoclosure () -> String)
  throws
{
  let same =
    actual.isNaN ? expected.isNaN : actual.bitPattern == expected.bitPattern
  try require(same, "\(what()): expected \(expected), got \(actual)")
}

/// Fails unless a decoding matches the oracle in every field.
func requireDecoded(
  _ decoded: DecodedFloat, _ expected: ExpectedFloat, _ what: @autoclosure () -> String
) throws {
  try requireEqual(decoded.sign, expected.sign, "\(what()): sign")
  try requireEqual(decoded.biasedExponent, expected.field, "\(what()): biasedExponent")
  try requireEqual(decoded.fraction, expected.fraction, "\(what()): fraction")
  try requireEqual(decoded.floatClass, expected.floatClass, "\(what()): floatClass")
  try requireEqual(
    decoded.unbiasedExponent, expected.unbiasedExponent, "\(what()): unbiasedExponent")
  try requireSameValue(
    decoded.value, expected.value, "\(what()): value of a \(expected.floatClass.rawValue)")
}

/// Every non-negative finite value of a format in increasing order (the pattern is the index),
/// followed by the value the next pattern would hold if the exponent went on: rounding to that
/// last entry means overflow. Built from the hardware twin or the definition, one pattern at a
/// time: the naive oracle for rounding.
struct NearestValueOracle {
  let format: FloatFormat
  private(set) var values: [Double] = []

  init(_ format: FloatFormat) {
    self.format = format
    let f = format.fractionBits
    let allOnes = (1 << format.exponentBits) - 1
    let largest: UInt32 =
      format.specials == .ieee
      ? UInt32(allOnes - 1) << f | ((1 << f) - 1) : UInt32(allOnes) << f | ((1 << f) - 2)
    for bits in 0...largest {
      values.append(hardwareValue(bits, format)?.value ?? definitionValue(bits, format))
    }
    // One more step of the same spacing as the top binade: 2^(emax + 1) for IEEE formats,
    // 480 for E4M3, whose pattern 0x7F would hold it if it were not NaN.
    let lastTwo = values[values.count - 1] - values[values.count - 2]
    values.append(values[values.count - 1] + lastTwo)
  }

  /// The pattern nearest to `value` (ties to the even pattern) and whether it overflowed.
  func nearest(_ value: Double) -> (bits: UInt32, overflow: Bool) {
    let magnitude = value.magnitude
    let signBit: UInt32 = value.sign == .minus ? 1 << (format.totalBits - 1) : 0
    // First index whose value is at least the magnitude, by bisection.
    var low = 0
    var high = values.count
    while low < high {
      let middle = (low + high) / 2
      if values[middle] < magnitude { low = middle + 1 } else { high = middle }
    }
    var index: Int
    if low == values.count {
      index = values.count - 1
    } else if low == 0 {
      index = 0
    } else {
      let below = magnitude - values[low - 1]
      let above = values[low] - magnitude
      index = below < above ? low - 1 : above < below ? low : (low % 2 == 0 ? low : low - 1)
    }
    let overflow = index == values.count - 1
    if overflow { index = values.count - 1 }
    return (signBit | UInt32(index), overflow)
  }
}

/// A seeded random `Double` with a uniformly drawn binary exponent in `exponents`, a random
/// 52-bit fraction and a random sign: spread evenly over magnitudes, unlike a uniform draw.
func randomDouble(exponents: ClosedRange<Int>, using random: inout SeededGenerator) -> Double {
  let exponent = Int.random(in: exponents, using: &random)
  let fraction = random.next() & ((1 << 52) - 1)
  let significand = Double(sign: .plus, exponent: 0, significand: 1) + Double(fraction) / 0x1p52
  let magnitude = Double(sign: .plus, exponent: exponent, significand: significand)
  return random.next() & 1 == 0 ? magnitude : -magnitude
}
