import Harness
import ServingAndFinetuning

/// Grades Int4AndNF4 from the definitions: an fp16 decoder and nearest-value searches
/// written here, the published NF4 table typed in, and bytes counted from the returned arrays.
func gradeInt4AndNF4(_ quantizer: some Int4AndNF4, _ checks: CheckRecorder) {
  checks.check("int4: a group worked by hand, ties to even") {
    // absmax 7 makes the scale exactly 1 (fp16 0x3C00), so every quotient is exact.
    let values: [Float] = [7, -3.5, 2.5, -2.5, 0.49, 0.5, 1.5, -7, 6.6]
    let weights = try quantizer.quantizeInt4(values, groupSize: 16)
    try requireEqual(weights.scales, [0x3C00], "the fp16 scale of \(values) (absmax / 7 = 1)")
    try requireEqual(
      unpackNibbles(weights.packed, weights.count).map { Int($0) - 8 },
      [7, -4, 2, -2, 0, 0, 2, -7, 7], "the codes q of \(values) (nibbles − 8)")
    try requireEqual(
      try quantizer.dequantize(weights), [7, -4, 2, -2, 0, 0, 2, -7, 7], "dequantize of the codes")
  }
  checks.check("int4: two codes per byte, the even element in the low nibble") {
    let values: [Float] = [1, -7, 3, 0, -2]
    let weights = try quantizer.quantizeInt4(values, groupSize: 8)
    // Codes 1, −7, 3, 0, −2 are nibbles 9, 1, 11, 8, 6: bytes 0x19, 0x8B, 0x06.
    try requireEqual(weights.packed, [0x19, 0x8B, 0x06], "packed bytes of \(values)")
    try requireEqual(weights.count, 5, "count")
    try requireEqual(weights.groupSize, 8, "groupSize")
  }
  checks.check("int4: seeded groups: the nearest fp16 scale, codes, |x − x′| ≤ s / 2") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed)
    for groupSize in [128, 32, 7] {
      let values = bellFloats(1000, sigma: 0.02, &random)
      let weights = try quantizer.quantizeInt4(values, groupSize: groupSize)
      let groups = (values.count + groupSize - 1) / groupSize
      try requireEqual(
        weights.scales.count, groups, "scales for 1000 weights in groups of \(groupSize)")
      try requireEqual(weights.packed.count, 500, "packed bytes for 1000 weights")
      let codes = unpackNibbles(weights.packed, weights.count)
      let back = try quantizer.dequantize(weights)
      try requireEqual(back.count, values.count, "dequantized count")
      for group in 0..<groups {
        let range = group * groupSize..<min(values.count, (group + 1) * groupSize)
        let absmax = values[range].reduce(Float(0)) { max($0, $1.magnitude) }
        try requireNearestHalf(
          weights.scales[group], to: Double(absmax / 7), "scale of group \(group)")
        let s = halfValue(weights.scales[group])
        for index in range {
          let t = Double(values[index] / Float(s))
          let q = Int(min(max(t.rounded(.toNearestOrEven), -7), 7))
          try requireEqual(
            Int(codes[index]) - 8, q,
            "code of x = \(values[index]) at scale \(s) (group size \(groupSize))")
          try require(
            abs(Double(back[index]) - Double(values[index])) <= s / 2 * (1 + 1e-6),
            "|x − x′| for x = \(values[index]): \(abs(back[index] - values[index])) exceeds s / 2 = \(s / 2)"
          )
        }
      }
    }
  }
  checks.check("int4: bits per weight measured from the bytes, 4.125 for groups of 128") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 1)
    let count = 128 * 64
    let weights = try quantizer.quantizeInt4(
      bellFloats(count, sigma: 0.02, &random), groupSize: 128)
    let bytes = weights.packed.count + 2 * weights.scales.count
    try requireEqual(
      Double(bytes * 8) / Double(count), 4.125,
      "bits per weight of \(count) int4 weights with a 16-bit scale per 128 (\(bytes) bytes)")
  }
  checks.check("int4: zeros, NaN and scales beyond fp16 are handled as the contract says") {
    let zeros = try quantizer.quantizeInt4([0, 0, 0, 0, 5, 0], groupSize: 4)
    try requireEqual(zeros.scales.first, 0, "the fp16 scale of an all-zero group")
    try requireEqual(
      Array(unpackNibbles(zeros.packed, 4)), [8, 8, 8, 8], "the nibbles of an all-zero group")
    try requireNonFinite("quantizeInt4([1, NaN])", index: 1) {
      try quantizer.quantizeInt4([1, .nan], groupSize: 4)
    }
    try requireServingError(
      "quantizeInt4 of a group whose absmax / 7 exceeds 65504",
      expected: "ServingError.valueOutOfRange(index: 2)",
      matches: { $0 == .valueOutOfRange(index: 2) }
    ) { try quantizer.quantizeInt4([0, 1, -1e6, 3], groupSize: 4) }
    try requireInvalidConfiguration("quantizeInt4 with group size 0") {
      try quantizer.quantizeInt4([1], groupSize: 0)
    }
  }
  checks.check("NF4: constants per 64 weights, double-quantized per 256, rounded up") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 2)
    let values = bellFloats(64 * 300 + 17, sigma: 0.02, &random)
    let weights = try quantizer.quantizeNF4(values)
    let oracle = nf4Constants(values)
    try requireEqual(
      weights.constantScales.count, oracle.scales.count, "fp32 constant scales (one per 256 blocks)"
    )
    for (index, scale) in oracle.scales.enumerated() {
      try requireEqual(
        weights.constantScales[index], scale, "constant scale \(index): max(absmax) / 255")
    }
    try requireEqual(
      weights.constantCodes.count, oracle.codes.count, "constant codes (one per 64 weights)")
    for (index, code) in oracle.codes.enumerated() where weights.constantCodes[index] != code {
      throw CheckFailure(
        "constant code of block \(index): expected ⌈absmax / s₂⌉ = \(code), got \(weights.constantCodes[index])"
      )
    }
  }
  checks.check("NF4: each code is the nearest level of the normal-quantile table") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 3)
    for values in [bellFloats(64 * 20, sigma: 0.05, &random), publishedLevels.map { $0 * 0.3 }] {
      let weights = try quantizer.quantizeNF4(values)
      let oracle = nf4Constants(values)
      let codes = unpackNibbles(weights.packed, weights.count)
      try requireEqual(codes.count, values.count, "NF4 code count")
      for (index, x) in values.enumerated() {
        let stored = Float(oracle.codes[index / 64]) * oracle.scales[index / (64 * 256)]
        let t = Double(stored == 0 ? 0 : x / stored)
        let best = publishedLevels.map { abs(Double($0) - t) }.min() ?? 0
        let got = abs(Double(publishedLevels[Int(codes[index])]) - t)
        try require(
          got <= best + 1e-6,
          "NF4 code of x = \(x) (x / c′ = \(t)): level \(publishedLevels[Int(codes[index])]) is not the nearest"
        )
      }
    }
  }
  checks.check("NF4: dequantize reads level × c′; the round trip stays within half a level gap") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 4)
    let values = bellFloats(64 * 40 + 3, sigma: 0.03, &random)
    let weights = try quantizer.quantizeNF4(values)
    let back = try quantizer.dequantize(weights)
    let oracle = nf4Constants(values)
    let codes = unpackNibbles(weights.packed, weights.count)
    try requireEqual(back.count, values.count, "dequantized count")
    // The widest gap between neighbouring levels is −1 to −0.696: half of it bounds the error.
    let halfGap = 0.152
    for index in values.indices {
      let stored = Double(Float(oracle.codes[index / 64]) * oracle.scales[index / (64 * 256)])
      let expected = Double(publishedLevels[Int(codes[index])]) * stored
      try requireClose(
        Double(back[index]), expected, tolerance: 1e-6 * stored, "dequantize, element \(index)")
      try require(
        abs(Double(back[index]) - Double(values[index])) <= halfGap * stored + 1e-9,
        "|x − x′| = \(abs(back[index] - values[index])) for x = \(values[index]) exceeds half the widest level gap × c′"
      )
    }
  }
  checks.check("NF4: bits per weight measured from the bytes, 4.127 with double quantization") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 5)
    let count = 64 * 256 * 2
    let weights = try quantizer.quantizeNF4(bellFloats(count, sigma: 0.02, &random))
    let bytes =
      weights.packed.count + weights.constantCodes.count + 4 * weights.constantScales.count
    try requireEqual(
      Double(bytes * 8) / Double(count), 4 + 8.0 / 64 + 32.0 / (64 * 256),
      "bits per weight of \(count) NF4 weights (\(bytes) bytes: 4 + 8/64 + 32/16384, not 4.5)")
  }
  checks.check("NF4: a block of zeros reads back as zeros; NaN is refused") {
    let values = [Float](repeating: 0, count: 64) + [0.5, -0.25]
    let weights = try quantizer.quantizeNF4(values)
    try requireEqual(weights.constantCodes.first, 0, "the constant code of a block of zeros")
    try requireEqual(
      Array(try quantizer.dequantize(weights).prefix(64)), [Float](repeating: 0, count: 64),
      "a block of zeros read back")
    try requireNonFinite("quantizeNF4([0, 1, ∞])", index: 2) {
      try quantizer.quantizeNF4([0, 1, .infinity])
    }
  }
}

/// The NF4 table as QLoRA's bitsandbytes publishes it.
private let publishedLevels: [Float] = [
  -1.0, -0.6961928009986877, -0.5250730514526367, -0.39491748809814453, -0.28444138169288635,
  -0.18477343022823334, -0.09105003625154495, 0.0, 0.07958029955625534, 0.16093020141124725,
  0.24611230194568634, 0.33791524171829224, 0.44070982933044434, 0.5626170039176941,
  0.7229568362236023, 1.0,
]

/// The contract's double quantization of the per-64 absmax constants, written out.
private func nf4Constants(_ values: [Float]) -> (codes: [UInt8], scales: [Float]) {
  var absmax: [Float] = []
  for start in stride(from: 0, to: values.count, by: 64) {
    absmax.append(values[start..<min(values.count, start + 64)].map(\.magnitude).max() ?? 0)
  }
  var codes: [UInt8] = []
  var scales: [Float] = []
  for start in stride(from: 0, to: absmax.count, by: 256) {
    let group = absmax[start..<min(absmax.count, start + 256)]
    let scale = (group.max() ?? 0) / 255
    scales.append(scale)
    codes += group.map { scale == 0 ? 0 : UInt8(min(255, ($0 / scale).rounded(.up))) }
  }
  return (codes, scales)
}

/// The 4-bit codes of `count` elements, low nibble first.
private func unpackNibbles(_ bytes: [UInt8], _ count: Int) -> [UInt8] {
  (0..<min(count, bytes.count * 2)).map { $0 % 2 == 0 ? bytes[$0 / 2] & 15 : bytes[$0 / 2] >> 4 }
}

/// The value of an fp16 pattern, from the IEEE layout: 1 sign, 5 exponent (bias 15), 10 fraction.
private func halfValue(_ bits: UInt16) -> Double {
  let sign = bits >> 15 == 1 ? -1.0 : 1.0
  let exponent = Int(bits >> 10 & 31)
  let fraction = Double(bits & 1023)
  if exponent == 31 { return fraction == 0 ? sign * .infinity : .nan }
  if exponent == 0 { return sign * fraction * 0x1p-24 }
  return sign * (1 + fraction / 1024) * Double(sign: .plus, exponent: exponent - 15, significand: 1)
}

/// Fails unless `bits` is a finite fp16 value at least as close to `target` as its neighbours.
private func requireNearestHalf(_ bits: UInt16, to target: Double, _ what: String) throws {
  let value = halfValue(bits)
  let neighbours = [bits &- 1, bits &+ 1].map(halfValue).filter { $0.isFinite && $0 >= 0 }
  try require(
    value.isFinite && neighbours.allSatisfy { abs(value - target) <= abs($0 - target) },
    "\(what): expected the fp16 value nearest to absmax / 7 = \(target), got \(value) (0x\(String(bits, radix: 16)))"
  )
}
