import Harness
import Quantization

/// Grades LossScaling against the language's own fp16 conversion for the static part, and against
/// hand-traced runs plus a scaler simulated here for the dynamic part.
func gradeLossScaling(_ scaler: some LossScaling, _ checks: CheckRecorder) {
  checks.check("a gradient below fp16's range vanishes without scaling and returns with it") {
    let gradients: [Float] = [1e-8, -2e-8, 3e-9, 2.5e-8]
    let unscaled = try scaler.halfPrecisionGradients(gradients, lossScale: 1)
    try require(
      unscaled == [0, 0, 0, 0],
      "halfPrecisionGradients(\(gradients), lossScale: 1): expected all zeros (fp16 underflow), got \(unscaled)"
    )
    let scaled = try scaler.halfPrecisionGradients(gradients, lossScale: 65536)
    try requireCount(
      scaled.count, gradients.count, "halfPrecisionGradients(\(gradients), lossScale: 65536)")
    for (g, back) in zip(gradients, scaled) {
      try require(
        back == lossScalingOracle(g, scale: 65536) && abs(back - g) <= abs(g) * 0x1p-10,
        "halfPrecisionGradients([\(g)], lossScale: 65536): expected \(lossScalingOracle(g, scale: 65536)), got \(back)"
      )
    }
  }
  checks.check("fp16 ties and overflow at the edges of its range") {
    let cases: [(Float, Float)] = [
      (0x1p-25, 0), (-0x1p-25, 0), (0x1.8p-24, 0x1p-23), (0x1p-24, 0x1p-24),
      (0x1.000002p-25, 0x1p-24),
      (65504, 65504), (65519, 65504), (65520, .infinity), (-65520, -.infinity), (1, 1),
    ]
    for (g, expected) in cases {
      let result = try scaler.halfPrecisionGradients([g], lossScale: 1)
      try require(
        result == [expected],
        "halfPrecisionGradients([\(g)], lossScale: 1): expected [\(expected)], got \(result)")
    }
    // 65504 < |g × S| < 65520 rounds down to 65504: finite, not an overflow.
    let below = try scaler.halfPrecisionGradients([1, -1], lossScale: 65510)
    try require(
      below == [65504 / 65510, -65504 / 65510],
      "halfPrecisionGradients([1, -1], lossScale: 65510): g × S = 65510 lies between 65504 and the overflow threshold 65520, so it rounds to 65504: expected [\(Float(65504) / 65510), \(-Float(65504) / 65510)], got \(below)"
    )
    // The product is taken in fp32 first: here it lands exactly on an fp16 tie (2010.5 steps of
    // 2⁻¹¹), which goes to even; rounding the exact product once would go up instead.
    let tie = Float(bitPattern: 0x3EA7_8AAB)
    let twice = try scaler.halfPrecisionGradients([tie], lossScale: 3)
    try require(
      twice == [0.9814453125 / 3],
      "halfPrecisionGradients([\(tie)], lossScale: 3): g × S in fp32 is 0.981689453125, an fp16 tie that rounds to even, 0.9814453125: expected [\(Float(0.9814453125) / 3)], got \(twice)"
    )
    let overflow = try scaler.halfPrecisionGradients([1, -1, 0.99951171875], lossScale: 65536)
    try require(
      overflow == [.infinity, -.infinity, 0.99951171875],
      "halfPrecisionGradients([1, -1, 0.99951171875], lossScale: 65536): expected [inf, -inf, 0.99951171875] (1 × 65536 overflows fp16), got \(overflow)"
    )
  }
  checks.check("NaN and infinity pass through; zeros, empty and single gradients") {
    let special = try scaler.halfPrecisionGradients([.nan, .infinity, -.infinity, 2], lossScale: 4)
    try require(
      sameFloats(special, [.nan, .infinity, -.infinity, 2]),
      "halfPrecisionGradients([nan, inf, -inf, 2], lossScale: 4): expected [nan, inf, -inf, 2], got \(special)"
    )
    try requireEqual(
      try scaler.halfPrecisionGradients([], lossScale: 8), [],
      "halfPrecisionGradients([], lossScale: 8)")
    try requireEqual(
      try scaler.halfPrecisionGradients([0, 0, 0], lossScale: 1024), [0, 0, 0],
      "halfPrecisionGradients([0, 0, 0], lossScale: 1024)")
    try requireEqual(
      try scaler.halfPrecisionGradients([0.1], lossScale: 1), [lossScalingOracle(0.1, scale: 1)],
      "halfPrecisionGradients([0.1], lossScale: 1)")
    for bad in [0, -1, .nan, .infinity] as [Float] {
      try requireQuantizationError(
        "halfPrecisionGradients([1], lossScale: \(bad))",
        expected: "QuantizationError.invalidScale",
        matches: { if case .invalidScale = $0 { return true } else { return false } }
      ) { try scaler.halfPrecisionGradients([1], lossScale: bad) }
    }
  }
  checks.check("static scaling of seeded gradients against fp16 conversion") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 40)
    for scale in [1, 256, 65536, 1000, 0x1p24] as [Float] {
      let gradients = (0..<2000).map { _ in
        // Magnitudes spread evenly over powers of two from 2⁻⁴⁰ to 2⁴, both signs.
        let exponent = Int.random(in: -40...4, using: &random)
        let magnitude = Float(
          Double.random(in: 1..<2, using: &random)
            * Double(sign: .plus, exponent: exponent, significand: 1))
        return Bool.random(using: &random) ? magnitude : -magnitude
      }
      let result = try scaler.halfPrecisionGradients(gradients, lossScale: scale)
      let expected = gradients.map { lossScalingOracle($0, scale: scale) }
      try requireCount(
        result.count, gradients.count,
        "halfPrecisionGradients(2000 seeded gradients, lossScale: \(scale))")
      if let index = firstDifference(result, expected) {
        throw CheckFailure(
          "halfPrecisionGradients([\(gradients[index])], lossScale: \(scale)): expected \(expected[index]), got \(result[index])"
        )
      }
    }
  }
  checks.check("dynamic: an overflow skips the step and halves the scale; N good steps double it") {
    // Traced by hand: gradient 1 overflows fp16 at scale 65536 (65536 ≥ 65520) but not at 32768.
    let policy = DynamicLossScaling(
      initialScale: 65536, growthFactor: 2, backoffFactor: 0.5, growthInterval: 2)
    let expected: [(skipped: Bool, scale: Float, goodSteps: Int)] = [
      (true, 32768, 0), (false, 32768, 1), (false, 65536, 0), (true, 32768, 0), (false, 32768, 1),
    ]
    var state = policy.initialState
    for (number, want) in expected.enumerated() {
      let step = try scaler.step([1, 0.5], state: state, policy: policy)
      let asked =
        "step \(number + 1) with gradients [1, 0.5] from scale \(state.scale), \(state.goodSteps) good steps (interval 2)"
      try requireEqual(step.skipped, want.skipped, "\(asked): skipped")
      try requireEqual(
        step.next, LossScalerState(scale: want.scale, goodSteps: want.goodSteps),
        "\(asked): next state")
      if !want.skipped {
        try requireEqual(step.gradients ?? [], [1, 0.5], "\(asked): gradients")
      }
      state = step.next
    }
  }
  checks.check(
    "dynamic: NaN or infinity skips, zeros and empty are good steps, growth stays finite"
  ) {
    let policy = DynamicLossScaling(
      initialScale: 1024, growthFactor: 2, backoffFactor: 0.5, growthInterval: 3)
    for bad in [[Float.nan, 1], [0, -Float.infinity]] as [[Float]] {
      let step = try scaler.step(
        bad, state: LossScalerState(scale: 1024, goodSteps: 2), policy: policy)
      try requireEqual(step.skipped, true, "step(\(bad)) at scale 1024: skipped")
      try requireEqual(
        step.next, LossScalerState(scale: 512, goodSteps: 0),
        "step(\(bad)) at scale 1024: next state")
    }
    let empty = try scaler.step(
      [], state: LossScalerState(scale: 1024, goodSteps: 0), policy: policy)
    try requireEqual(empty.gradients ?? [1], [], "step([]) at scale 1024: gradients")
    try requireEqual(
      empty.next, LossScalerState(scale: 1024, goodSteps: 1), "step([]) at scale 1024: next state")
    let zeros = try scaler.step(
      [0, 0], state: LossScalerState(scale: 8, goodSteps: 2), policy: policy)
    try requireEqual(
      zeros.gradients ?? [1], [0, 0], "step([0, 0]) at scale 8 after 2 good steps: gradients")
    try requireEqual(
      zeros.next, LossScalerState(scale: 16, goodSteps: 0),
      "step([0, 0]) at scale 8 after 2 good steps (interval 3): next state")
    // Scaled to 65510, between fp16's largest finite value and the overflow threshold: finite.
    let edge = try scaler.step(
      [0.999603271484375], state: LossScalerState(scale: 65536, goodSteps: 0), policy: policy)
    try requireEqual(
      edge.gradients ?? [], [0.99951171875],
      "step([0.999603271484375]) at scale 65536: g × S = 65510 rounds to 65504, no overflow; "
        + "gradients")
    try requireEqual(
      edge.next, LossScalerState(scale: 65536, goodSteps: 1),
      "step([0.999603271484375]) at scale 65536 (65510 is not an overflow): next state")
    let huge = Float(sign: .plus, exponent: 127, significand: 1)
    let capped = try scaler.step(
      [0], state: LossScalerState(scale: huge, goodSteps: 0),
      policy: DynamicLossScaling(initialScale: huge, growthInterval: 1))
    try requireEqual(
      capped.next, LossScalerState(scale: huge, goodSteps: 0),
      "step([0]) at scale 2¹²⁷, interval 1 (growing would give ∞): next state")
    try requireQuantizationError(
      "step([1]) at scale 0", expected: "QuantizationError.invalidScale",
      matches: { if case .invalidScale = $0 { return true } else { return false } }
    ) { try scaler.step([1], state: LossScalerState(scale: 0), policy: policy) }
  }
  checks.check("dynamic: seeded runs of 400 steps under two policies against the rule") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 41)
    // PyTorch's factors, then others: a scaler that doubles and halves whatever the policy says
    // passes the first run only.
    for (growth, backoff) in [(2, 0.5), (4, 0.125)] as [(Float, Float)] {
      let policy = DynamicLossScaling(
        initialScale: 65536, growthFactor: growth, backoffFactor: backoff,
        growthInterval: Int.random(in: 3...9, using: &random))
      try requireSeededRun(scaler, policy, &random)
    }
  }
}

/// Plays 400 seeded steps of dynamic scaling under `policy` against the rule simulated here.
private func requireSeededRun(
  _ scaler: some LossScaling, _ policy: DynamicLossScaling, _ random: inout SeededGenerator
) throws {
  var state = policy.initialState
  var expectedState = policy.initialState
  for number in 1...400 {
    // Mostly small gradients; now and then a spike that overflows fp16 at a large scale.
    let spike = Int.random(in: 0..<12, using: &random) == 0
    let gradients = (0..<16).map { _ in
      Float.random(in: -1...1, using: &random) * (spike ? 30 : 1e-4)
    }
    let step = try scaler.step(gradients, state: state, policy: policy)
    let expected = simulateStep(gradients, state: expectedState, policy: policy)
    let asked =
      "seeded step \(number) from scale \(state.scale), \(state.goodSteps) good steps (growth ×\(policy.growthFactor), backoff ×\(policy.backoffFactor), interval \(policy.growthInterval))"
    try requireEqual(step.skipped, expected.gradients == nil, "\(asked): skipped")
    try requireEqual(step.next, expected.next, "\(asked): next state")
    if let want = expected.gradients {
      let got = step.gradients ?? []
      try require(
        sameFloats(got, want),
        "\(asked): expected gradients \(preview(want)), got \(preview(got))")
    }
    state = step.next
    expectedState = expected.next
  }
}

/// `Float(fp16(g × S)) / S` with the product in fp32 and the language's own fp16 conversion.
func lossScalingOracle(_ g: Float, scale: Float) -> Float {
  halfOracle(g * scale) / scale
}

/// Rounds to fp16 and back: the hardware conversion where Float16 exists, otherwise the same
/// rounding done in Double (spacing 2^(e − 10), half to even, ∞ past 65504).
func halfOracle(_ x: Float) -> Float {
  #if (os(macOS) || targetEnvironment(macCatalyst)) && arch(x86_64)
    guard x.isFinite else { return x }
    let magnitude = Double(x.magnitude)
    let exponent = Swift.max(magnitude == 0 ? -14 : Int(magnitude.exponent), -14)
    let spacing = Double(sign: .plus, exponent: exponent - 10, significand: 1)
    let rounded = (magnitude / spacing).rounded(.toNearestOrEven) * spacing
    let result = Float(rounded > 65504 ? .infinity : rounded)
    return x < 0 ? -result : result
  #else
    return Float(Float16(x))
  #endif
}

/// The dynamic rule, written out again here, to replay a seeded run.
private func simulateStep(_ gradients: [Float], state: LossScalerState, policy: DynamicLossScaling)
  -> (gradients: [Float]?, next: LossScalerState)
{
  let unscaled = gradients.map { lossScalingOracle($0, scale: state.scale) }
  guard unscaled.allSatisfy(\.isFinite) else {
    return (nil, LossScalerState(scale: state.scale * policy.backoffFactor, goodSteps: 0))
  }
  let good = state.goodSteps + 1
  guard good == policy.growthInterval else {
    return (unscaled, LossScalerState(scale: state.scale, goodSteps: good))
  }
  let grown = state.scale * policy.growthFactor
  return (unscaled, LossScalerState(scale: grown.isFinite ? grown : state.scale, goodSteps: 0))
}
