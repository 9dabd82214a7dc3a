import Harness
import TrainingMemory

/// Grades TrainingPeak against two oracles written here: the closed form of the schedule's peak
/// and a naive simulation that allocates and frees named buffers one event at a time.
func gradeTrainingPeak(_ estimator: some TrainingPeakEstimating, _ checks: CheckRecorder) {
  checks.check("the lesson's three-layer example peaks at 289 MB, in layer 2's backward") {
    // Resident 18 + 108; a₀ = 10; layers (a, g) = (40, 5), (30, 6), (20, 7), in MB. Backward
    // through layer 2 holds a₀…a₂ = 80, δ₂ = 30, δ₁ = 40 and g₂ + g₃ = 13: 126 + 163 = 289.
    let mb: UInt64 = 1_000_000
    let step = TrainingStep(
      weightBytes: 18 * mb, optimizerStateBytes: 108 * mb, inputBytes: 10 * mb,
      layers: [layer(40 * mb, 5 * mb), layer(30 * mb, 6 * mb), layer(20 * mb, 7 * mb)])
    try requirePeak(estimator, step, 289 * UInt128(mb))
  }
  checks.check("one layer: resident + a₀ + a₁ + δ₁ + g₁") {
    let step = TrainingStep(
      weightBytes: 1000, optimizerStateBytes: 3000, inputBytes: 64, layers: [layer(256, 80)])
    try requirePeak(estimator, step, 1000 + 3000 + 64 + 256 + 256 + 80)
  }
  checks.check("O(N): with small gradients each extra layer adds exactly its activation") {
    let a: UInt64 = 1 << 20
    let g: UInt64 = 4096
    var previous: UInt64 = 0
    for depth in 1...48 {
      let step = TrainingStep(
        weightBytes: 5_000_000, optimizerStateBytes: 10_000_000, inputBytes: a,
        layers: Array(repeating: layer(a, g), count: depth))
      let peak = try attempt("peakBytes(\(depth) equal layers)") {
        try estimator.peakBytes(step)
      }
      try requireEqual(UInt128(peak), closedFormPeak(step), "peakBytes(\(depth) layers of \(a) B)")
      if depth >= 3 {
        try requireEqual(
          peak &- previous, a, "growth of the peak from \(depth - 1) to \(depth) layers")
      }
      previous = peak
    }
  }
  checks.check("when weight gradients dominate, the peak moves to layer 1's backward") {
    let step = TrainingStep(
      weightBytes: 0, optimizerStateBytes: 0, inputBytes: 10,
      layers: Array(repeating: layer(10, 1000), count: 6))
    // Layer 1's backward: a₀ + a₁ + δ₁ + all six weight gradients.
    try requirePeak(estimator, step, 10 + 10 + 10 + 6 * 1000)
  }
  checks.check("resident weights and optimizer state count once, all step long") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 3)
    for _ in 0..<50 {
      var step = randomStep(&random, maxLayers: 12)
      let base = try attempt("peakBytes(\(show(step)))") { try estimator.peakBytes(step) }
      let extra = UInt64.random(in: 1...1 << 40, using: &random)
      step.optimizerStateBytes += extra
      let shifted = try attempt("peakBytes(\(show(step)))") { try estimator.peakBytes(step) }
      try requireEqual(
        UInt128(shifted), UInt128(base) + UInt128(extra),
        "peak after adding \(extra) bytes of optimizer state to \(show(step))")
    }
  }
  checks.check("seeded random networks against a step-by-step simulation") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 4)
    for _ in 0..<400 {
      let step = randomStep(&random, maxLayers: 40)
      let simulated = simulatedPeak(step)
      try require(
        simulated == closedFormPeak(step),
        "the grader's own oracles disagree on \(show(step)); please report this")
      try requirePeak(estimator, step, simulated)
    }
  }
  checks.check("no layers, or sizes beyond 64 bits, throw instead of wrapping") {
    try requirePeak(
      estimator,
      TrainingStep(weightBytes: 1, optimizerStateBytes: 2, inputBytes: 3, layers: [layer(4, 5)]),
      1 + 2 + 3 + 4 + 4 + 5)
    try requireThrows("peakBytes of a step with no layers") {
      _ = try estimator.peakBytes(
        TrainingStep(weightBytes: 1, optimizerStateBytes: 1, inputBytes: 1, layers: []))
    }
    let half = UInt64.max / 2
    try requireThrows("peakBytes with two activations of 2⁶³ bytes each") {
      _ = try estimator.peakBytes(
        TrainingStep(
          weightBytes: 0, optimizerStateBytes: 0, inputBytes: 0,
          layers: [layer(half, 0), layer(half, 0)]))
    }
  }
}

/// A layer with output activation `a` bytes and weight gradient `g` bytes.
private func layer(_ a: UInt64, _ g: UInt64) -> LayerSizes {
  LayerSizes(activationBytes: a, weightGradientBytes: g)
}

private func requirePeak(
  _ estimator: some TrainingPeakEstimating, _ step: TrainingStep, _ expected: UInt128
) throws {
  let peak = try attempt("peakBytes(\(show(step)))") { try estimator.peakBytes(step) }
  try require(
    UInt128(peak) == expected,
    "peakBytes(\(show(step))): expected \(expected), got \(peak); \(peakMoment(step))")
}

/// Where the schedule peaks, in words a student can check against their own walk through it.
private func peakMoment(_ step: TrainingStep) -> String {
  let a = [UInt128(step.inputBytes)] + step.layers.map { UInt128($0.activationBytes) }
  let g = [0] + step.layers.map { UInt128($0.weightGradientBytes) }
  let depth = step.layers.count
  var best: (bytes: UInt128, layer: Int) = (0, depth)
  for i in stride(from: depth, through: 1, by: -1) {
    let live = a[0...i].reduce(0, +) + a[i] + (i > 1 ? a[i - 1] : 0) + g[i...depth].reduce(0, +)
    if live > best.bytes { best = (live, i) }
  }
  let i = best.layer
  let deltas = i > 1 ? "δ\(i) and δ\(i - 1)" : "δ1"
  return "the peak is in the backward pass of layer \(i), when the resident bytes, a₀…a\(i), "
    + "\(deltas) and g\(i)…g\(depth) are live"
}

/// The peak in closed form: resident bytes plus the largest backward moment,
/// max over i of a₀ + … + aᵢ + δᵢ + δᵢ₋₁ (none for i = 1) + gᵢ + … + g_L.
/// Forward moments and the loss never exceed the backward moment of the last layer.
private func closedFormPeak(_ step: TrainingStep) -> UInt128 {
  let a = [UInt128(step.inputBytes)] + step.layers.map { UInt128($0.activationBytes) }
  let g = [0] + step.layers.map { UInt128($0.weightGradientBytes) }
  let depth = step.layers.count
  var best: UInt128 = 0
  for i in 1...depth {
    let kept = a[0...i].reduce(0, +)
    let deltas = a[i] + (i > 1 ? a[i - 1] : 0)
    let gradients = g[i...depth].reduce(0, +)
    best = max(best, kept + deltas + gradients)
  }
  return UInt128(step.weightBytes) + UInt128(step.optimizerStateBytes) + best
}

/// The schedule run event by event on a table of named buffers, summing the table each time.
private func simulatedPeak(_ step: TrainingStep) -> UInt128 {
  var buffers: [String: UInt128] = [:]
  var peak: UInt128 = 0
  func allocate(_ name: String, _ size: UInt64) {
    buffers[name] = UInt128(size)
    peak = max(peak, buffers.values.reduce(0, +))
  }
  func free(_ name: String) { buffers[name] = nil }
  let depth = step.layers.count
  allocate("weights", step.weightBytes)
  allocate("optimizer state", step.optimizerStateBytes)
  allocate("a0", step.inputBytes)
  for i in 1...depth { allocate("a\(i)", step.layers[i - 1].activationBytes) }
  allocate("δ\(depth)", step.layers[depth - 1].activationBytes)
  for i in stride(from: depth, through: 1, by: -1) {
    allocate("g\(i)", step.layers[i - 1].weightGradientBytes)
    if i > 1 { allocate("δ\(i - 1)", step.layers[i - 2].activationBytes) }
    free("δ\(i)")
    free("a\(i)")
    if i == 1 { free("a0") }
  }
  for i in 1...depth { free("g\(i)") }
  return peak
}

/// A random step with 1 to `maxLayers` layers, some sizes zero, all well inside 64 bits.
private func randomStep(_ random: inout SeededGenerator, maxLayers: Int) -> TrainingStep {
  func size() -> UInt64 {
    Int.random(in: 0..<8, using: &random) == 0 ? 0 : UInt64.random(in: 1...1 << 32, using: &random)
  }
  let depth = Int.random(in: 1...maxLayers, using: &random)
  return TrainingStep(
    weightBytes: size(), optimizerStateBytes: size(), inputBytes: size(),
    layers: (0..<depth).map { _ in layer(size(), size()) })
}

/// A step in one line, for failure messages.
private func show(_ step: TrainingStep) -> String {
  let layers = step.layers.map { "(\($0.activationBytes), \($0.weightGradientBytes))" }
  return "weights \(step.weightBytes), state \(step.optimizerStateBytes), input "
    + "\(step.inputBytes), layers (a, g) \(layers.joined(separator: " "))"
}
