import Harness
import NumberFormats

/// Grades E4M3Rules against the OCP 8-bit specification: every pattern decoded from the
/// definition, the spec's landmarks, PyTorch's float8_e4m3fn overflow rule (beyond 464 is NaN),
/// ties to even, and a naive nearest-value search on seeded inputs.
func gradeE4M3Rules(_ codec: some E4M3Rules, _ checks: CheckRecorder) {
  checks.check("the OCP landmarks: 0x7E = 448, 0x78 = 256, 0x08 = 2^-6, 0x01 = 2^-9") {
    // Values from the OCP 8-bit floating point specification (2023), table of E4M3.
    let landmarks: [(UInt8, Double, FloatClass)] = [
      (0x7E, 448, .normal), (0xFE, -448, .normal), (0x78, 256, .normal), (0x38, 1, .normal),
      (0x08, 0x1p-6, .normal), (0x07, 0x1.cp-7, .subnormal), (0x01, 0x1p-9, .subnormal),
      (0x00, 0, .zero), (0x80, -0.0, .zero), (0x7F, .nan, .nan), (0xFF, .nan, .nan),
    ]
    for (bits, value, floatClass) in landmarks {
      let decoded = try codec.decode(bits)
      let what = "decode(\(FloatFormat.e4m3.hex(UInt32(bits))))"
      try requireSameValue(decoded.value, value, "\(what).value")
      try requireEqual(decoded.floatClass, floatClass, "\(what).floatClass")
    }
  }
  checks.check("every pattern against the definition: no infinities, NaN only at S.1111.111") {
    for bits in UInt32(0)...0xFF {
      let (sign, field, fraction) = fields(bits, exponentBits: 4, fractionBits: 3)
      let value = definitionValue(bits, .e4m3)
      let isNaN = field == 15 && fraction == 7
      let floatClass: FloatClass =
        isNaN ? .nan : field == 0 ? (fraction == 0 ? .zero : .subnormal) : .normal
      let expected = ExpectedFloat(
        sign: sign, field: field, fraction: fraction, floatClass: floatClass,
        unbiasedExponent: field == 0 ? -6 : field - 7, value: value)
      try requireDecoded(
        try codec.decode(UInt8(bits)), expected, "decode(\(FloatFormat.e4m3.hex(bits)))")
    }
  }
  checks.check("overflow as PyTorch's float8_e4m3fn: up to 464 gives 448, beyond is NaN") {
    let cases: [(Double, UInt8, Bool)] = [
      (448, 0x7E, false), (449, 0x7E, false), (463.99, 0x7E, false), (464, 0x7E, false),
      (464.00001, 0x7F, true), (479, 0x7F, true), (480, 0x7F, true), (1e9, 0x7F, true),
      (-464, 0xFE, false), (-500, 0xFF, true), (.infinity, 0x7F, false),
      (-.infinity, 0xFF, false),
    ]
    for (input, bits, overflow) in cases {
      try requireE4M3(try codec.encode(input), input, bits: bits, overflow: overflow)
    }
    let nan = try codec.encode(.nan)
    try require(
      nan.bits & 0x7F == 0x7F && nan.bits >> 8 == 0 && nan.value.isNaN && !nan.overflowed,
      "encode(nan): expected 0x7f or 0xff, value nan, overflowed false; got "
        + "0x\(String(nan.bits, radix: 16)), \(nan.value), \(nan.overflowed)")
  }
  checks.check("ties to even between every pair of neighbours, subnormals included") {
    let oracle = NearestValueOracle(.e4m3)
    let values = oracle.values
    for low in 0..<(values.count - 2) {  // the last pair, 448 and 480, is the overflow check
      let tie = (values[low] + values[low + 1]) / 2
      let even = UInt8(low % 2 == 0 ? low : low + 1)
      try requireE4M3(try codec.encode(tie), tie, bits: even, overflow: false)
      try requireE4M3(try codec.encode(-tie), -tie, bits: 0x80 | even, overflow: false)
      try requireE4M3(
        try codec.encode(tie.nextDown), tie.nextDown, bits: UInt8(low), overflow: false)
    }
    try requireE4M3(try codec.encode(0x1p-10), 0x1p-10, bits: 0x00, overflow: false)
    try requireE4M3(try codec.encode(-0x1p-12), -0x1p-12, bits: 0x80, overflow: false)
  }
  checks.check("seeded values against a nearest-value search") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed)
    let oracle = NearestValueOracle(.e4m3)
    for _ in 0..<20_000 {
      let input = randomDouble(exponents: -12...10, using: &random)
      let expected = oracle.nearest(input)
      try requireE4M3(
        try codec.encode(input), input, bits: UInt8(truncatingIfNeeded: expected.bits),
        overflow: expected.overflow)
    }
  }
}

/// Fails unless an E4M3 encoding has the expected pattern, value, error and overflow flag.
private func requireE4M3(_ encoded: EncodedFloat, _ input: Double, bits: UInt8, overflow: Bool)
  throws
{
  let what = "encode(\(input))"
  try require(
    encoded.bits == UInt32(bits),
    "\(what): expected bits \(FloatFormat.e4m3.hex(UInt32(bits))), got "
      + "0x\(String(encoded.bits, radix: 16))")
  let value = definitionValue(UInt32(bits), .e4m3)
  try requireSameValue(encoded.value, value, "\(what).value")
  let error = value - input
  try require(
    encoded.roundingError == error || (encoded.roundingError.isNaN && error.isNaN),
    "\(what).roundingError (value \u{2212} input): expected \(error), got \(encoded.roundingError)")
  try requireEqual(encoded.overflowed, overflow, "\(what).overflowed")
}
