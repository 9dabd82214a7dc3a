import Harness
import NumberFormats

/// Grades FloatDecoding: exhaustively over fp16 and bf16 against the hardware's own readings
/// (`Float16(bitPattern:)`, `Float(bitPattern: b << 16)`), fp32 on its boundaries and a seeded
/// sample against `Float(bitPattern:)`, and unusual widths against the definition bit by bit.
func gradeFloatDecoding(_ decoder: some FloatDecoding, _ checks: CheckRecorder) {
  checks.check("the lecture's fp32 landmarks") {
    // (pattern, value) pairs from the IEEE 754 definition, typed in from the standard.
    let landmarks: [(UInt32, Double, FloatClass)] = [
      (0x3F80_0000, 1, .normal),
      (0x0000_0000, 0, .zero),
      (0x8000_0000, -0.0, .zero),
      (0x0000_0001, 0x1p-149, .subnormal),
      (0x007F_FFFF, 0x1p-126 - 0x1p-149, .subnormal),
      (0x0080_0000, 0x1p-126, .normal),
      (0x7F7F_FFFF, 0x1.fffffep127, .normal),
      (0x7F80_0000, .infinity, .infinity),
      (0xFF80_0000, -.infinity, .infinity),
      (0x7FC0_0000, .nan, .nan),
    ]
    for (bits, value, floatClass) in landmarks {
      let decoded = try decoder.decode(bits, as: .fp32)
      try requireSameValue(decoded.value, value, "decode(\(FloatFormat.fp32.hex(bits)), as: .fp32)")
      try requireEqual(
        decoded.floatClass, floatClass,
        "decode(\(FloatFormat.fp32.hex(bits)), as: .fp32).floatClass")
    }
  }
  checks.check("every fp16 pattern against Float16(bitPattern:)") {
    try exhaustive(decoder, .fp16)
  }
  checks.check("every bf16 pattern against Float(bitPattern: b << 16)") {
    try exhaustive(decoder, .bf16)
  }
  checks.check("every e5m2 pattern, and tf32 edges and seeded patterns") {
    try exhaustive(decoder, .e5m2)
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed)
    let edges: [UInt32] = [0, 1, 0x3FF, 0x400, 0x3F800, 0x3FBFF, 0x3FC00, 0x3FC01, 0x7FFFF]
    let sample = (0..<30_000).map { _ in UInt32(truncatingIfNeeded: random.next()) & 0x7FFFF }
    for bits in edges + edges.map({ $0 | 0x40000 }) + sample {
      try requireDecoded(
        try decoder.decode(bits, as: .tf32), expectedDecoding(bits, .tf32),
        "decode(\(FloatFormat.tf32.hex(bits)), as: .tf32)")
    }
  }
  checks.check("fp32 boundaries and seeded patterns against Float(bitPattern:)") {
    var boundaries: [UInt32] = [
      0, 1, 2, 0x007F_FFFE, 0x007F_FFFF, 0x0080_0000, 0x0080_0001, 0x3F7F_FFFF, 0x3F80_0000,
      0x3F80_0001, 0x7F7F_FFFE, 0x7F7F_FFFF, 0x7F80_0000, 0x7F80_0001, 0x7FA0_0000,
      0x7FBF_FFFF, 0x7FC0_0000, 0x7FC0_0001, 0x7FFF_FFFF,
    ]
    boundaries += boundaries.map { $0 | 0x8000_0000 }
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed)
    let sample = (0..<60_000).map { _ in UInt32(truncatingIfNeeded: random.next()) }
    for bits in boundaries + sample {
      try requireDecoded(
        try decoder.decode(bits, as: .fp32), expectedDecoding(bits, .fp32),
        "decode(\(FloatFormat.fp32.hex(bits)), as: .fp32)")
    }
  }
  checks.check("other widths and biases against the definition, bit by bit") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed)
    let shapes: [(Int, Int, Int?)] = [
      (2, 1, nil), (3, 2, nil), (4, 3, nil), (3, 4, 5), (6, 9, nil), (7, 12, 40), (8, 15, nil),
      (5, 18, 12), (8, 3, nil), (6, 25, nil),
    ]
    for (exponentBits, fractionBits, bias) in shapes {
      let format = try FloatFormat(
        name: "e\(exponentBits)m\(fractionBits)", exponentBits: exponentBits,
        fractionBits: fractionBits, bias: bias)
      let count = UInt32(1) << format.totalBits
      let patterns: [UInt32] =
        count <= 4096
        ? Array(0..<count)
        : (0..<3000).map { _ in UInt32(truncatingIfNeeded: random.next()) & (count - 1) }
      for bits in patterns {
        try requireDecoded(
          try decoder.decode(bits, as: format), expectedDecoding(bits, format),
          "decode(\(format.hex(bits)), as: \(format))")
      }
    }
  }
}

/// Decodes every pattern of a 16-bit-or-narrower format and compares each with the oracle.
private func exhaustive(_ decoder: some FloatDecoding, _ format: FloatFormat) throws {
  for bits in 0..<(UInt32(1) << format.totalBits) {
    try requireDecoded(
      try decoder.decode(bits, as: format), expectedDecoding(bits, format),
      "decode(\(format.hex(bits)), as: .\(format.name))")
  }
}
