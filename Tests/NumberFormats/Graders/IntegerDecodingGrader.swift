import Harness
import NumberFormats

/// Grades IntegerDecoding against oracles that share nothing with a solution: a bit-by-bit sum
/// for unsigned, the closed forms for sign-magnitude, and Swift's own fixed-width integers for
/// two's complement.
func gradeIntegerDecoding(_ decoder: some IntegerDecoding, _ checks: CheckRecorder) {
  checks.check("the lecture's example 0b00110001 = 49") {
    try requireEqual(
      try decoder.unsigned(0b0011_0001, width: 8), 49, "unsigned(0b00110001, width: 8)")
  }
  checks.check("every 8-bit pattern against Int8 and UInt8") {
    for pattern in 0...UInt64(255) {
      try requireEqual(
        try decoder.unsigned(pattern, width: 8), UInt64(UInt8(pattern)),
        "unsigned(\(binary(pattern, width: 8)), width: 8)")
      try requireEqual(
        try decoder.twosComplement(pattern, width: 8), Int64(Int8(bitPattern: UInt8(pattern))),
        "twosComplement(\(binary(pattern, width: 8)), width: 8)")
      try requireEqual(
        try decoder.signMagnitude(pattern, width: 8), signMagnitudeOracle(pattern, width: 8),
        "signMagnitude(\(binary(pattern, width: 8)), width: 8)")
    }
  }
  checks.check("ranges at the edges, widths 1 to 64") {
    for width in 1...64 {
      let ones = width == 64 ? UInt64.max : (UInt64(1) << width) - 1
      let signOnly = UInt64(1) << (width - 1)
      try requireEqual(
        try decoder.unsigned(ones, width: width), ones, "unsigned(all ones, width: \(width))")
      try requireEqual(
        try decoder.twosComplement(signOnly, width: width),
        width == 64 ? Int64.min : -(Int64(1) << (width - 1)),
        "twosComplement(sign bit only, width: \(width))")
      try requireEqual(
        try decoder.twosComplement(ones, width: width), -1,
        "twosComplement(all ones, width: \(width))")
      try requireEqual(
        try decoder.signMagnitude(signOnly, width: width), 0,
        "signMagnitude(sign bit only, width: \(width)), the negative zero")
    }
  }
  checks.check("seeded random patterns of random widths") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed)
    for _ in 0..<20_000 {
      let width = Int.random(in: 1...64, using: &random)
      let pattern = width == 64 ? random.next() : random.next() & ((UInt64(1) << width) - 1)
      try requireEqual(
        try decoder.unsigned(pattern, width: width), sumOfSetBits(pattern),
        "unsigned(\(binary(pattern, width: width)), width: \(width))")
      try requireEqual(
        try decoder.signMagnitude(pattern, width: width),
        signMagnitudeOracle(pattern, width: width),
        "signMagnitude(\(binary(pattern, width: width)), width: \(width))")
      try requireEqual(
        try decoder.twosComplement(pattern, width: width),
        twosComplementOracle(pattern, width: width),
        "twosComplement(\(binary(pattern, width: width)), width: \(width))")
    }
  }
}

/// Adds the weight of each set bit, one bit at a time.
private func sumOfSetBits(_ pattern: UInt64) -> UInt64 {
  var sum: UInt64 = 0
  for bit in 0..<64 where pattern & (1 << bit) != 0 { sum += 1 << bit }
  return sum
}

/// Sign bit, then magnitude, from the definition.
private func signMagnitudeOracle(_ pattern: UInt64, width: Int) -> Int64 {
  guard width > 1 else { return 0 }
  let magnitude = Int64(sumOfSetBits(pattern & ((UInt64(1) << (width - 1)) - 1)))
  return pattern >> (width - 1) & 1 == 1 ? -magnitude : magnitude
}

/// The unsigned reading minus 2^width when the sign bit is set, in wider arithmetic.
private func twosComplementOracle(_ pattern: UInt64, width: Int) -> Int64 {
  let value = Int128(sumOfSetBits(pattern))
  let negative = pattern >> (width - 1) & 1 == 1
  return Int64(negative ? value - (Int128(1) << width) : value)
}

/// A pattern written as `0b` and exactly `width` binary digits.
func binary(_ pattern: UInt64, width: Int) -> String {
  let digits = String(pattern, radix: 2)
  return "0b" + String(repeating: "0", count: max(0, width - digits.count)) + digits
}
