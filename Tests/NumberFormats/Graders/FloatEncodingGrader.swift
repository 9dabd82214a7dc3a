import Harness
import NumberFormats

/// Grades FloatEncoding against the hardware's own narrowing (`Float(Double)`,
/// `Float16(Float)`, `Float16(Double)`), PyTorch's bf16 bit trick, constructed exact ties, and
/// a naive nearest-value search over every finite value of bf16, tf32 and e5m2.
func gradeFloatEncoding(_ encoder: some FloatEncoding, _ checks: CheckRecorder) {
  checks.check("the flashcards' conversions, corrected") {
    // Figures from the workbook's errata (FACTS 7.3), typed in; fp16 also from the hardware.
    let cases: [(Double, FloatFormat, Double)] = [
      (0.0123456789, .fp16, 0.0123443603515625),
      (0.0123456789, .bf16, 0.0123291015625),
      (1234.56789, .fp16, 1235),
      (1234.56789, .bf16, 1232),
      (0.0123456789, .fp16, Double(Float16(0.0123456789))),
      (1234.56789, .fp16, Double(Float16(1234.56789))),
    ]
    for (input, format, expected) in cases {
      let encoded = try encoder.encode(input, as: format)
      try requireSameValue(encoded.value, expected, "encode(\(input), as: .\(format.name)).value")
      try requireEqual(
        encoded.roundingError, expected - input,
        "encode(\(input), as: .\(format.name)).roundingError (value \u{2212} input)")
    }
  }
  checks.check("fp32: seeded doubles against Float(Double)") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed)
    for _ in 0..<30_000 {
      let input = randomDouble(exponents: -155...130, using: &random)
      let float = Float(input)
      try requireEncoded(
        try encoder.encode(input, as: .fp32), input, .fp32, bits: float.bitPattern,
        overflow: float.isInfinite)
    }
  }
  checks.check("fp16: seeded values against Float16(Float) and Float16(Double)") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed)
    for _ in 0..<15_000 {
      let float = Float(randomDouble(exponents: -27...17, using: &random))
      let half = Float16(float)
      try requireEncoded(
        try encoder.encode(Double(float), as: .fp16), Double(float), .fp16,
        bits: UInt32(half.bitPattern), overflow: half.isInfinite)
      let input = randomDouble(exponents: -27...17, using: &random)
      let direct = Float16(input)
      try requireEncoded(
        try encoder.encode(input, as: .fp16), input, .fp16, bits: UInt32(direct.bitPattern),
        overflow: direct.isInfinite)
    }
  }
  checks.check("bf16: fp32 inputs against PyTorch's round-to-nearest-even bit trick") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed)
    for _ in 0..<20_000 {
      let float = Float(bitPattern: UInt32(truncatingIfNeeded: random.next()))
      guard !float.isNaN else { continue }
      let u = float.bitPattern
      // c10/util/BFloat16.h: add 0x7FFF plus the last kept bit, then drop the low half.
      let expected = (u &+ 0x7FFF &+ ((u >> 16) & 1)) >> 16
      let overflow = float.isFinite && expected & 0x7FFF == 0x7F80
      try requireEncoded(
        try encoder.encode(Double(float), as: .bf16), Double(float), .bf16, bits: expected,
        overflow: overflow)
    }
  }
  checks.check("exact ties round to even in every format") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed)
    for format in [FloatFormat.fp32, .fp16, .bf16, .tf32, .e5m2] {
      let overflowPattern = UInt32((1 << format.exponentBits) - 1) << format.fractionBits
      let negative: UInt32 = 1 << (format.totalBits - 1)
      var lows: [UInt32] = [0, 1, overflowPattern - 1, overflowPattern - 2]
      lows += (0..<1500).map { _ in UInt32.random(in: 0..<overflowPattern, using: &random) }
      for low in lows {
        let high = low + 1
        let tie = (neighbourValue(low, format) + neighbourValue(high, format)) / 2  // exact
        let even = low % 2 == 0 ? low : high
        let overflow = even == overflowPattern
        try requireEncoded(
          try encoder.encode(tie, as: format), tie, format, bits: even, overflow: overflow)
        try requireEncoded(
          try encoder.encode(-tie, as: format), -tie, format, bits: negative | even,
          overflow: overflow)
        // Just off the tie the nearer neighbour wins, even or not.
        try requireEncoded(
          try encoder.encode(tie.nextUp, as: format), tie.nextUp, format, bits: high,
          overflow: high == overflowPattern)
        try requireEncoded(
          try encoder.encode(tie.nextDown, as: format), tie.nextDown, format, bits: low,
          overflow: false)
      }
    }
  }
  checks.check("bf16, tf32 and e5m2 against a nearest-value search") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed)
    let ranges: [(FloatFormat, ClosedRange<Int>)] = [
      (.bf16, -140...130), (.tf32, -140...130), (.e5m2, -19...17),
    ]
    for (format, exponents) in ranges {
      let oracle = NearestValueOracle(format)
      for _ in 0..<12_000 {
        let input = randomDouble(exponents: exponents, using: &random)
        let expected = oracle.nearest(input)
        try requireEncoded(
          try encoder.encode(input, as: format), input, format, bits: expected.bits,
          overflow: expected.overflow)
      }
    }
  }
  checks.check("zeros, infinities, NaN, overflow and underflow") {
    let cases: [(Double, FloatFormat, UInt32, Bool)] = [
      (0, .fp16, 0x0000, false), (-0.0, .fp16, 0x8000, false),
      (1e-30, .fp16, 0x0000, false), (-1e-30, .fp16, 0x8000, false),
      (0x1p-25, .fp16, 0x0000, false), (0x1.0000000000001p-25, .fp16, 0x0001, false),
      (65504, .fp16, 0x7BFF, false), (65519.99, .fp16, 0x7BFF, false),
      (65520, .fp16, 0x7C00, true), (-1e10, .fp16, 0xFC00, true),
      (.infinity, .fp16, 0x7C00, false), (-.infinity, .bf16, 0xFF80, false),
      (1e300, .fp32, 0x7F80_0000, true), (57344, .e5m2, 0x7B, false),
      (61440, .e5m2, 0x7C, true), (0x1p-17, .e5m2, 0x00, false),
      // Subnormal Doubles (no hidden bit in the input either) underflow to signed zeros.
      (.leastNonzeroMagnitude, .fp32, 0x0000_0000, false),
      (-.leastNormalMagnitude, .bf16, 0x8000, false), (0x1p-1074 * 3, .e5m2, 0x00, false),
    ]
    for (input, format, bits, overflow) in cases {
      try requireEncoded(
        try encoder.encode(input, as: format), input, format, bits: bits, overflow: overflow)
    }
    for format in [FloatFormat.fp32, .fp16, .bf16, .tf32, .e5m2] {
      let encoded = try encoder.encode(.nan, as: format)
      let (_, field, fraction) = fields(
        encoded.bits, exponentBits: format.exponentBits, fractionBits: format.fractionBits)
      try require(
        encoded.bits >> format.totalBits == 0 && field == (1 << format.exponentBits) - 1
          && fraction != 0,
        "encode(nan, as: .\(format.name)): expected a NaN pattern (exponent all ones, fraction "
          + "not zero), got \(format.hex(encoded.bits))")
      try require(
        encoded.value.isNaN && !encoded.overflowed,
        "encode(nan, as: .\(format.name)): expected value nan and overflowed false, got "
          + "\(encoded.value) and \(encoded.overflowed)")
    }
  }
}

/// A Double as a student reads it: every NaN is `nan` (∞ − ∞ is a NaN with its sign bit set,
/// which Swift prints as `-nan`, a distinction the contract does not make).
private func shown(_ value: Double) -> String {
  value.isNaN ? "nan" : "\(value)"
}

/// Fails unless an encoding has the expected pattern, its value, the error value − input and
/// the overflow flag.
private func requireEncoded(
  _ encoded: EncodedFloat, _ input: Double, _ format: FloatFormat, bits: UInt32, overflow: Bool
) throws {
  let what = "encode(\(input), as: .\(format.name))"
  try require(
    encoded.bits == bits,
    "\(what): expected bits \(format.hex(bits)), got "
      + (encoded.bits >> format.totalBits == 0
        ? format.hex(encoded.bits) : "0x\(String(encoded.bits, radix: 16)), wider than the format"))
  let value = expectedDecoding(bits, format).value
  try requireSameValue(encoded.value, value, "\(what).value")
  let error = value - input
  try require(
    encoded.roundingError == error || (encoded.roundingError.isNaN && error.isNaN),
    "\(what).roundingError (value \u{2212} input): expected \(shown(error)), got "
      + shown(encoded.roundingError))
  try requireEqual(encoded.overflowed, overflow, "\(what).overflowed")
}

/// The value of a non-negative pattern, where the infinity pattern stands for the value one
/// more step of the top binade's spacing would reach, 2^(emax + 1): what the rounding compares.
private func neighbourValue(_ bits: UInt32, _ format: FloatFormat) -> Double {
  let value = expectedDecoding(bits, format).value
  guard value.isInfinite else { return value }
  let largest = expectedDecoding(bits - 1, format).value
  return largest + (largest - expectedDecoding(bits - 2, format).value)
}
